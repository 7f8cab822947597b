#!/usr/bin/env python3
"""Bootstrap for a fresh machine with only Python: ``python3 tasks.py run`` / ``test``.

It creates ``.venv`` beside this file, installs the locked dependencies
(``requirements/lock.txt``) and the project itself, compiles the translations, and then
starts the application or runs the test suite.  Re-running is cheap: the installation is
redone only when the lock file or ``pyproject.toml`` changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements" / "lock.txt"
STAMP = VENV / ".komisja-installed"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_environment() -> Path:
    """Create and fill the virtual environment if it is missing or out of date."""
    if sys.version_info < (3, 11):  # noqa: UP036  (this file runs before anything is installed)
        sys.exit(f"Komisja needs Python 3.11 or newer (found {sys.version.split()[0]}).")
    python = _venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = _fingerprint()
    if not STAMP.exists() or STAMP.read_text(encoding="utf-8") != wanted:
        print("Installing dependencies (first run or changed lock file) …", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "-r", str(LOCK)], check=True)
        subprocess.run([*pip, "install", "--no-deps", "-e", str(ROOT)], check=True)
        STAMP.write_text(wanted, encoding="utf-8")
    subprocess.run([str(python), "-m", "app.buildtools", "translations"], check=True, cwd=ROOT)
    return python


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    rest = argv[1:]
    python = ensure_environment()
    env = dict(os.environ)
    if command == "run":
        return subprocess.call([str(python), "-m", "app", *rest], env=env)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(python), "-m", "pytest", *rest], env=env, cwd=ROOT)
    if command == "lint":
        steps = [
            [str(python), "-m", "ruff", "check", "."],
            [str(python), "-m", "ruff", "format", "--check", "."],
            [str(python), "-m", "mypy", "app/scoring", "app/models"],
        ]
        for step in steps:
            code = subprocess.call(step, cwd=ROOT, env=env)
            if code:
                return code
        return 0
    if command == "bench":
        return subprocess.call([str(python), "benchmarks/run_all.py", *rest], env=env, cwd=ROOT)
    if command == "komisja":
        return subprocess.call([str(python), "-m", "app", *rest], env=env)
    sys.exit(f"Unknown command {command!r}: use run, test, lint, bench or komisja.")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
