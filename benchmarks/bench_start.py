"""Start-up: process start to the first painted main window, against a bare PySide6 window.

Each start runs in a fresh interpreter.  The parent notes the wall clock just before it
launches the child; the child prints the wall clock when its first window receives its first
paint event, then quits.  The program's start goes through its real entry point
(``app.ui.main.run``) on an empty, already migrated database, with the operator's name set so
that no settings dialog comes first.  The bare start shows an empty ``QMainWindow`` in the same
way, so the ratio says what Komisja adds to what any PySide6 window costs on this machine.

Also prints, from the program's child, how many objects the garbage collector tracks once the
window is painted (a full collection walks all of them, on the GUI thread) and which of the
libraries the window does not need were imported anyway.  The limit is 1.5 s to the first
window (issue 21); the best of ``--runs`` starts counts, as the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_LIMIT_S = 1.5

#: libraries the main window has no use for; they belong to exports, signing and the worker
NOT_NEEDED = ("reportlab", "openpyxl", "pyhanko", "cryptography", "app.scoring.engine")

_CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            painted = time.time()
            import gc, json
            print(json.dumps({
                "painted": painted,
                "objects": len(gc.get_objects()),
                "modules": [m for m in NOT_NEEDED if m in sys.modules],
            }), flush=True)
            QApplication.instance().removeEventFilter(self)
            QApplication.instance().quit()
        return False

app = QApplication(sys.argv)
first_paint = FirstPaint()
app.installEventFilter(first_paint)
if MODE == "bare":
    window = QMainWindow()
    window.resize(1000, 700)
    window.show()
    sys.exit(app.exec())
from app.ui.main import run
sys.exit(run(DB))
"""


def _start(mode: str, db: str, env: dict[str, str]) -> dict[str, object]:
    code = f"MODE = {mode!r}\nDB = {db!r}\nNOT_NEEDED = {NOT_NEEDED!r}\n{_CHILD}"
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    report: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    report["seconds"] = float(report["painted"]) - started  # type: ignore[arg-type]
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="starts of each kind (best counts)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, KOMISJA_HOME=home, KOMISJA_LANG="pl")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        Path(home, "settings.json").write_text(
            json.dumps({"operator": "Benchmark", "language": "pl"}), encoding="utf-8"
        )
        db = str(Path(home, "bench.sqlite"))
        _start("app", db, env)  # creates and migrates the database; not measured
        bare = [_start("bare", db, env) for _ in range(args.runs)]
        program = [_start("app", db, env) for _ in range(args.runs)]
    best_bare = min(float(r["seconds"]) for r in bare)  # type: ignore[arg-type]
    best = min(program, key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]
    seconds = float(best["seconds"])  # type: ignore[arg-type]
    print(f"bare PySide6 window: {best_bare:.3f} s (best of {args.runs})")
    print(f"Komisja main window: {seconds:.3f} s (best of {args.runs}), limit {START_LIMIT_S} s")
    print(f"ratio: {seconds / best_bare:.2f}")
    print(f"objects tracked after the first paint: {best['objects']}")
    print(f"imported though not needed: {', '.join(best['modules']) or 'none'}")  # type: ignore[arg-type]
    return 0 if seconds <= START_LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main())
