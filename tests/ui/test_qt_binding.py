"""The Qt binding itself must survive a long working day.

PySide6 6.12.0 on Python 3.11 released one reference to ``None`` on every Qt method that
returns nothing, so after a few thousand calls the interpreter aborted ("deallocating None").
This runs a day's worth of such calls and signal emissions in a child process (a crash must
not take the test run down with it) and checks the reference counts stay put.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    widget = QWidget()

    class Source(QObject):
        changed = Signal(int)

    source = Source()
    source.changed.connect(lambda value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50_000):
        widget.setEnabled(True)
        source.changed.emit(1)
    print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
    """
)


def test_void_calls_and_signals_do_not_corrupt_reference_counts() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    none_delta, true_delta = (int(x) for x in done.stdout.split())
    assert abs(none_delta) < 100 and abs(true_delta) < 100, done.stdout
