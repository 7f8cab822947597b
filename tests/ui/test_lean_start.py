"""The main window starts without the libraries it does not use.

Exports (reportlab, openpyxl), signing and verification (pyHanko, cryptography) and the
scoring engine are imported where they are used: in the functions that use them, most of them
run in the worker process.  Imported at start-up they would slow the start and leave ~20,000
more objects in the window's process for every full garbage collection to walk on the GUI
thread.  This starts the program through its real entry point in a fresh interpreter, lets the
window paint and finish its first reads, and lists what got imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NOT_AT_START = ("reportlab", "openpyxl", "pyhanko", "cryptography", "app.scoring.engine")

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    seen = {"painted": False, "idle": False}

    def quit_when_idle():
        from app.ui.main_window import MainWindow

        if any(w.idle for w in app.topLevelWidgets() if isinstance(w, MainWindow)):
            seen["idle"] = True
            app.quit()
        else:
            QTimer.singleShot(20, quit_when_idle)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
                if not seen["painted"]:
                    seen["painted"] = True
                    QTimer.singleShot(0, quit_when_idle)
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    QTimer.singleShot(60_000, app.quit)  # a window that never paints fails below, not hangs
    from app.ui.main import run

    code = run(sys.argv[1])
    print(json.dumps({"code": code, **seen, "modules": sorted(sys.modules)}))
    """
)


def test_main_window_starts_without_export_signing_and_engine(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"operator": "Jan Testowy"}), "utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KOMISJA_HOME=str(tmp_path),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    env.pop("KOMISJA_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "start.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0 and report["painted"] and report["idle"], report
    assert any(name.startswith("app.ui.main_window") for name in report["modules"])
    imported = [
        name
        for name in report["modules"]
        if any(name == top or name.startswith(top + ".") for top in NOT_AT_START)
    ]
    assert not imported, f"the main window's process imported {imported}"
