"""The core runs without Qt: every module outside app/ui imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def test_core_imports_without_pyside6() -> None:
    modules = sorted(
        ".".join(path.relative_to(APP.parent).with_suffix("").parts)
        for path in APP.rglob("*.py")
        if "ui" not in path.relative_to(APP).parts[:1]
        and "migrations" not in path.relative_to(APP).parts[:1]
        and path.name != "__main__.py"
    )
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is not allowed in the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    __import__(m)\n"
        "print(len([m for m in sys.modules if m.startswith('app')]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=APP.parent
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 20
