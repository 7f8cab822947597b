"""Runs the collector's full sweep (``gcpolicy.sweep_frozen``) while the user is away.

Every key press, click or wheel turn restarts the countdown; after ``IDLE_MS`` without one the
sweep runs once, and again only after the user has come back and left again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from app.ui import gcpolicy

IDLE_MS = 120_000
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleSweeper(QObject):
    def __init__(self, app: QObject, idle_ms: int = IDLE_MS) -> None:
        super().__init__(app)
        self.sweeps = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self._sweep)
        app.installEventFilter(self)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT:
            self._timer.start()  # restart the countdown
        return False

    def _sweep(self) -> None:
        if gcpolicy.sweep_frozen():
            self.sweeps += 1
        else:  # a screen is reading: try again a little later
            self._timer.start(5_000)
