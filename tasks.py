#!/usr/bin/env python3
"""Bootstrap for a fresh machine with only Python: ``python3 tasks.py run`` / ``test``.

It creates ``.venv`` beside this file, installs the locked dependencies of this platform
(``requirements/<set>-<platform>.txt``, every file checked against its hash) and the project
itself, compiles the translations, and then runs the command:

- ``run`` and ``komisja`` need only the runtime set (what the program itself imports);
- ``test``, ``lint``, ``bench`` and ``lock`` need the development set (runtime + test and lint
  tools, the PostgreSQL driver of the CI job, and uv, which writes the lock files);
- ``build`` needs the build set (runtime + psycopg + PyInstaller) and builds the frozen
  program.

Re-running is cheap: a set is installed again only when its lock file or the project's
metadata in ``pyproject.toml`` changed.  ``python3 tasks.py lock`` regenerates every lock
file for every platform from ``pyproject.toml`` (see ``requirements/README.md``).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements"
STAMP = VENV / ".komisja-installed.json"
BUILD_BACKEND_IN = REQUIREMENTS / "build-backend.in"

PYTHON_VERSION = "3.11"  # the oldest Python the locks are resolved for (requires-python)
# The platforms the locks are made for, with uv's name of each.  Linux: PySide6's wheels need
# glibc 2.34 or newer.  Windows: 64-bit (win_amd64), where the program is distributed.
PLATFORMS = {"linux": "x86_64-manylinux_2_34", "windows": "x86_64-pc-windows-msvc"}
# Each set: the extras of pyproject.toml it adds to the runtime dependencies.
SETS: dict[str, tuple[str, ...]] = {
    "runtime": (),
    "dev": ("dev", "postgres"),
    # The frozen program keeps PostgreSQL support (komisja.spec bundles psycopg when present).
    "build": ("packaging", "postgres"),
}
# What each command needs, and which installed sets contain it (all contain runtime).
COMMANDS = {
    "run": "runtime",
    "komisja": "runtime",
    "test": "dev",
    "lint": "dev",
    "bench": "dev",
    "lock": "dev",
    "build": "build",
}
LINT_STEPS = (
    ("ruff", "check", "."),
    ("ruff", "format", "--check", "."),
    ("mypy", "app"),  # strict: [tool.mypy] in pyproject.toml
)


def this_platform() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform.startswith("linux"):
        return "linux"
    sys.exit(
        f"There is no lock file for this platform ({sys.platform}): Komisja is locked for "
        "Linux and Windows.  Install with pip install -e .[dev] at your own risk."
    )


def lock_file(name: str, platform: str) -> Path:
    return REQUIREMENTS / f"{name}-{platform}.txt"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _fingerprint(lock: Path) -> str:
    """What an installed set depends on: its lock file and the project's own metadata.

    Only the ``[project]`` and ``[build-system]`` tables of ``pyproject.toml`` count (name,
    version, entry points…), so that a change of the tools' settings reinstalls nothing.
    """
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    metadata = {key: pyproject.get(key) for key in ("project", "build-system")}
    digest = hashlib.sha256(lock.read_bytes())
    digest.update(json.dumps(metadata, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _read_stamp() -> dict[str, str]:
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def _covers(installed: str, wanted: str) -> bool:
    # Every set contains the runtime set with the same pins (tasks.py lock makes them so).
    return installed == wanted or wanted == "runtime"


def ensure_environment(wanted: str) -> Path:
    """Create the virtual environment and install the set ``wanted`` if it is not there."""
    if sys.version_info < (3, 11):  # noqa: UP036  (this file runs before anything is installed)
        sys.exit(f"Komisja needs Python 3.11 or newer (found {sys.version.split()[0]}).")
    platform = this_platform()
    python = _venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp = _read_stamp()
    current = {
        name: fingerprint
        for name, fingerprint in stamp.items()
        if name in SETS and fingerprint == _fingerprint(lock_file(name, platform))
    }
    if not any(_covers(name, wanted) for name in current):
        lock = lock_file(wanted, platform)
        print(f"Installing {lock.relative_to(ROOT)} (first run or changed lock) …", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q", "install"]
        subprocess.run([*pip, "--require-hashes", "-r", str(lock)], check=True)
        # The project itself: its build backend (setuptools) came from the lock above, so
        # nothing is downloaded here without a hash.
        subprocess.run([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
        current[wanted] = _fingerprint(lock)
        STAMP.write_text(json.dumps(current, indent=2, sort_keys=True), encoding="utf-8")
    subprocess.run([str(python), "-m", "app.buildtools", "translations"], check=True, cwd=ROOT)
    return python


def lock(python: Path, extra: list[str]) -> int:
    """Regenerate every lock file with uv; ``extra`` goes to each ``uv pip compile``.

    The runtime set of each platform is resolved first; the other sets of that platform are
    constrained to its pins, and Windows to Linux's, so that one version of each package is
    used everywhere.  uv keeps the pins already in a lock file unless told otherwise
    (``--upgrade``, ``--upgrade-package NAME``), and lists the hash of every file of each
    pinned version (wheels for every CPython version and platform, and the sdist).
    """
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    backend = pyproject["build-system"]["requires"]
    BUILD_BACKEND_IN.write_text(
        "# Written by python3 tasks.py lock from [build-system] requires of pyproject.toml:\n"
        "# installed from the lock so that the editable install downloads nothing unhashed.\n"
        + "".join(f"{requirement}\n" for requirement in backend),
        encoding="utf-8",
    )
    for platform, uv_platform in PLATFORMS.items():
        for name, extras in SETS.items():
            constraints = []
            if name != "runtime":
                constraints.append(lock_file("runtime", platform))
            elif platform != "linux":
                constraints.append(lock_file("runtime", "linux"))
            command = [
                str(python), "-m", "uv", "pip", "compile", "--quiet",
                "pyproject.toml", str(BUILD_BACKEND_IN.relative_to(ROOT)),
                *(f"--extra={extra_name}" for extra_name in extras),
                *(f"--constraint={path.relative_to(ROOT)}" for path in constraints),
                "--generate-hashes",
                f"--python-version={PYTHON_VERSION}",
                f"--python-platform={uv_platform}",
                "--custom-compile-command=python3 tasks.py lock",
                f"--output-file={lock_file(name, platform).relative_to(ROOT)}",
                *extra,
            ]  # fmt: skip
            print(f"locking {name}-{platform} …", flush=True)
            code = subprocess.call(command, cwd=ROOT)
            if code:
                return code
    return 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    rest = argv[1:]
    if command not in COMMANDS:
        sys.exit(f"Unknown command {command!r}: use {', '.join(COMMANDS)}.")
    python = ensure_environment(COMMANDS[command])
    env = dict(os.environ)
    if command in ("run", "komisja"):
        return subprocess.call([str(python), "-m", "app", *rest], env=env)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(python), "-m", "pytest", *rest], env=env, cwd=ROOT)
    if command == "lint":
        for step in LINT_STEPS:
            code = subprocess.call([str(python), "-m", *step], cwd=ROOT, env=env)
            if code:
                return code
        return 0
    if command == "bench":
        return subprocess.call([str(python), "benchmarks/run_all.py", *rest], env=env, cwd=ROOT)
    if command == "lock":
        return lock(python, rest)
    # build
    return subprocess.call([str(python), "packaging/build.py", *rest], env=env, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
