"""Build the frozen program: compile the translations, then run PyInstaller with the spec.

    python packaging/build.py               # -> dist/Komisja/ (komisja-gui, komisja, _internal/)
    python packaging/build.py --portable    # also dist/Komisja-<version>-portable-<platform>.zip
    python packaging/build.py --installer   # Windows: also the Inno Setup installer (needs iscc)

Works on Windows and Linux with the Python that has Komisja and PyInstaller installed:
``python3 tasks.py build [options]`` installs the build lock (``requirements/build-<platform>.txt``,
runtime, psycopg, PyInstaller, hash-checked) into ``.venv`` and runs this script.  The work folder
is ``build/``, the result ``dist/`` (both ignored by git).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "komisja.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
APP_DIR = DIST / "Komisja"

log = logging.getLogger("komisja.build")


class BuildError(Exception):
    """A build step failed; the message says which and what to do."""


def project_version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return str(project["version"])


def executable(name: str) -> Path:
    return APP_DIR / (name + (".exe" if sys.platform == "win32" else ""))


def compile_translations() -> None:
    result = subprocess.run([sys.executable, "-m", "app.buildtools", "translations"], cwd=ROOT)
    if result.returncode != 0:
        raise BuildError(
            "compiling the translations failed (python -m app.buildtools translations); "
            "is PySide6 installed in this Python?"
        )


def run_pyinstaller(clean: bool) -> None:
    try:
        import PyInstaller  # noqa: F401  # only checks that it is installed
    except ImportError as error:
        raise BuildError(
            "PyInstaller is not installed in this Python: run python3 tasks.py build instead"
        ) from error
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    log.info("running %s", " ".join(command))
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildError("PyInstaller failed; its messages are above")
    for name in ("komisja", "komisja-gui"):
        if not executable(name).is_file():
            raise BuildError(f"PyInstaller finished but {executable(name)} is missing")


def portable_zip(version: str) -> Path:
    """A zip of the program folder with ``portable.txt``: data stays beside the program."""
    platform = "windows" if sys.platform == "win32" else sys.platform
    target = DIST / f"Komisja-{version}-portable-{platform}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(APP_DIR.rglob("*")):
            if path.is_dir() or path.name == "portable.txt":
                continue
            archive.write(path, path.relative_to(DIST).as_posix())  # keeps the exec bits
        archive.write(HERE / "portable.txt", "Komisja/portable.txt")
    return target


def inno_setup(version: str) -> Path:
    if sys.platform != "win32":
        raise BuildError("the installer is built on Windows with Inno Setup 6 (iscc.exe)")
    candidates = [
        shutil.which("iscc"),
        os.path.expandvars(r"%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"),
        os.path.expandvars(r"%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe"),
    ]
    iscc = next((c for c in candidates if c and Path(c).is_file()), None)
    if iscc is None:
        raise BuildError("Inno Setup 6 not found: install it (winget install JRSoftware.InnoSetup)")
    command = [iscc, f"/DAppVersion={version}", f"/DDistDir={APP_DIR}", str(HERE / "installer.iss")]
    if subprocess.run(command, cwd=HERE).returncode != 0:
        raise BuildError("Inno Setup failed; its messages are above")
    return DIST / f"Komisja-{version}-setup.exe"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    parser.add_argument("--portable", action="store_true", help="also make the portable zip")
    parser.add_argument("--installer", action="store_true", help="also run Inno Setup (Windows)")
    parser.add_argument(
        "--skip-pyinstaller", action="store_true", help="reuse dist/Komisja (zip/installer only)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="build: %(message)s")
    started = time.monotonic()
    version = project_version()
    try:
        if not args.skip_pyinstaller:
            compile_translations()
            run_pyinstaller(args.clean)
        elif not executable("komisja").is_file():
            raise BuildError(f"{APP_DIR} has no build yet; run without --skip-pyinstaller")
        log.info(
            "built %s (%.0f MB) in %.0f s",
            APP_DIR,
            folder_size(APP_DIR) / 1e6,
            time.monotonic() - started,
        )
        if args.portable:
            log.info("portable zip: %s", portable_zip(version))
        if args.installer:
            log.info("installer: %s", inno_setup(version))
    except BuildError as error:
        log.error("FAILED: %s", error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
