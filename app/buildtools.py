"""Build steps run by ``tasks.py`` and the packaging: compile the Qt translations.

``python -m app.buildtools translations`` turns ``resources/translations/*.ts`` into ``.qm``
files next to the UI package (generated files are not committed).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "translations"
TARGET = Path(__file__).resolve().parent / "ui" / "i18n"


def _lrelease() -> str | None:
    scripts = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe", "lrelease"):
        candidate = scripts / name
        if candidate.exists():
            return str(candidate)
        found = shutil.which(name)
        if found:
            return found
    return None


def compile_translations() -> int:
    sources = sorted(SOURCES.glob("*.ts"))
    if not sources:
        return 0
    tool = _lrelease()
    if tool is None:
        sys.stderr.write("pyside6-lrelease not found: translations not compiled\n")
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    for source in sources:
        target = TARGET / (source.stem + ".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([tool, "-silent", str(source), "-qm", str(target)], check=True)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["translations"]:
        return compile_translations()
    sys.stderr.write("usage: python -m app.buildtools translations\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
