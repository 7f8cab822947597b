"""Long work off the GUI thread, with progress and cancel, results delivered to the GUI thread.

``run_task(parent, fn, on_done=..., on_error=..., title=...)`` runs ``fn(progress)`` on the
global ``QThreadPool``; ``progress(done, total, text)`` may be called from the worker and
returns ``False`` once the user pressed Cancel, so the core can stop between steps without
knowing about Qt.  A modal-less progress dialog shows after 300 ms so quick tasks do not flash.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import CancelledError, UserError

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], bool]


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = False
        self.setAutoDelete(False)

    def report(self, done: int, total: int, text: str = "") -> bool:
        self.signals.progress.emit(done, total, text)
        return not self.cancelled

    def run(self) -> None:
        try:
            result = self.fn(self.report)
        except BaseException as error:  # delivered to the GUI thread, never lost
            self.signals.failed.emit(error, traceback.format_exc())
            return
        self.signals.done.emit(result)


class TaskHandle(QObject):
    """Keeps a running task alive and lets callers cancel or wait for it (tests)."""

    finished = Signal()

    def __init__(self, runnable: _Runnable, parent: QObject | None) -> None:
        super().__init__(parent)
        self.runnable = runnable
        self.running = True
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.runnable.cancelled = True


_active: set[TaskHandle] = set()


def run_task(
    parent: QWidget | None,
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    title: str = "",
    show_progress: bool = True,
    on_cancel: Callable[[], None] | None = None,
) -> TaskHandle:
    runnable = _Runnable(fn)
    handle = TaskHandle(runnable, parent)
    _active.add(handle)
    dialog: QProgressDialog | None = None
    if show_progress and parent is not None:
        dialog = QProgressDialog(title, parent.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title or parent.tr("Working…"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(handle.cancel)

        def on_progress(done: int, total: int, text: str) -> None:
            if dialog is None:
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text:
                dialog.setLabelText(text)

        runnable.signals.progress.connect(on_progress)

    def finish() -> None:
        handle.running = False
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        _active.discard(handle)
        handle.finished.emit()

    def done(result: Any) -> None:
        handle.result = result
        finish()
        if on_done is not None:
            on_done(result)

    def failed(error: BaseException, trace: str) -> None:
        handle.error = error
        finish()
        if isinstance(error, CancelledError):  # the user pressed Cancel: not an error
            log.info("task cancelled: %s", title)
            if on_cancel is not None:
                on_cancel()
            return
        if not isinstance(error, UserError):
            log.error("task failed:\n%s", trace)
        if on_error is not None:
            on_error(error)
        else:
            from app.ui.errors import report_error

            report_error(parent, error, trace)

    runnable.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    runnable.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(runnable))
    return handle
