"""What every screen of the shell shares: the open competition, refresh and service calls.

Screens read the database off the GUI thread: ``reader()`` (GUI thread) returns a plain
function that a worker thread runs and that returns plain values; ``apply(data)`` shows them
on the GUI thread.  A read whose Python work is long (the scoring card, the results, the
protocol's blockers) hands it on from that thread to the worker process
(``app.ui.worker.run_in_worker``), so that the GUI thread never waits for the interpreter lock
behind it.  One read runs per screen at a time; a newer request supersedes a waiting one, and
a result for a competition no longer shown is dropped, so the screen keeps its old rows and
stays usable while the new ones load.  A hidden screen only notes that it is out of date and
reads when it is shown.  A table that sizes its columns to their contents reads the rows on
screen and ``SIZE_SAMPLE_ROWS`` more, not Qt's default 1,000: with 2,000 offers every layout
of the screen otherwise asks the model for every cell of a thousand rows, on the GUI thread
(1.7 s for the formal check's grid).

What the user set on a screen (search, filters, sorting, the selected object) is handed from
the old copy of a screen to the new one when the language is switched: ``view_state()`` gives
plain values, ``restore_view_state()`` sets the filters at once and the rest once the new copy
has read and shown its rows (screens override ``current_view``, ``restore_inputs`` and
``show_view``); rows are found again by what they are (an id, a code), not by their number.
"""

# ruff: noqa: N802  (Qt's camelCase methods are overridden here)

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLabel,
    QTableView,
    QWidget,
)

from app.errors import UserError
from app.ui.context import UiContext
from app.ui.errors import show_user_error

log = logging.getLogger(__name__)

T = TypeVar("T")

LOADING_HINT_AFTER_MS = 150  # quick loads never flash the hint
# A read's worker starts after the window's next paint; when nothing is waiting to be painted,
# after this long at most.
PAINT_WAIT_MS = 200
SIZE_SAMPLE_ROWS = 20  # rows beyond those on screen a table reads to size a column
QT_DEFAULT_SIZE_SAMPLE = 1000  # QHeaderView::resizeContentsPrecision() unless a screen set it

_pool: QThreadPool | None = None


def load_pool() -> QThreadPool:
    """The threads that read for the screens (separate from long tasks, so they never queue
    behind an import or a PDF).  Two: the status bar's read never waits behind a screen's
    (each loader reads one thing at a time; the long reads run in the worker process)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
        _pool.setExpiryTimeout(5_000)
    return _pool


def wait_for_loads(msecs: int = 30_000) -> bool:
    """Block until every screen read has finished (tests, benchmarks, shutdown)."""
    return load_pool().waitForDone(msecs)


class _LoadSignals(QObject):
    # Only the ticket crosses threads: PySide 6 loses a reference to ``None`` each time it is
    # sent through an ``object`` argument of a queued signal (the interpreter aborts later), so
    # the result waits on the job instead.
    finished = Signal(int)


@dataclass
class _Job:
    ticket: int
    key: Hashable
    read: Callable[[], Any]
    apply: Callable[[Any], None]
    signals: _LoadSignals = field(default_factory=_LoadSignals)
    launched: bool = False
    result: Any = None
    error: BaseException | None = None
    trace: str = ""

    def run(self) -> None:  # on a worker thread
        try:
            self.result = self.read()
        except BaseException as error:  # delivered to the GUI thread, never lost
            self.error, self.trace = error, traceback.format_exc()
        try:
            self.signals.finished.emit(self.ticket)
        except RuntimeError:  # the application is shutting down: nobody waits for the rows
            log.debug("a read finished after its screen was gone")


class AsyncLoader(QObject):
    """Runs reads off the GUI thread, one at a time, newest request wins.

    ``current_key()`` says what is shown now (the competition); a result read for another key,
    or superseded by a newer request, is dropped unseen.
    """

    busy_changed = Signal(bool)

    def __init__(
        self,
        parent: QObject,
        current_key: Callable[[], Hashable],
        on_error: Callable[[BaseException, str], None],
    ) -> None:
        super().__init__(parent)
        self._current_key = current_key
        self._on_error = on_error
        self._ticket = 0
        self._running: _Job | None = None
        self._pending: _Job | None = None
        self._painting: QWidget | None = None  # the window whose next paint a start waits for

    @property
    def idle(self) -> bool:
        return self._running is None and self._pending is None

    def request(self, read: Callable[[], T], apply: Callable[[T], None]) -> None:
        self._ticket += 1
        job = _Job(self._ticket, self._current_key(), read, apply)
        was_idle = self.idle
        if self._running is None:
            self._start(job)
        else:
            self._pending = job  # an older waiting request is superseded, never read
        if was_idle:
            self.busy_changed.emit(True)

    def _start(self, job: _Job) -> None:
        self._running = job
        job.signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        # The worker starts once the GUI thread has painted what is waiting to be painted —
        # above all the screen just switched to.  A paint calls into Python for every cell,
        # and each call would wait for the interpreter lock while a read runs Python on a
        # worker thread.  The window paints all that is waiting in one update request, so the
        # start follows the window's next one (tests/ui/test_shell_async.py); a window with
        # nothing to paint gets no request, and then the start comes after PAINT_WAIT_MS.
        owner = self.parent()
        window = owner.window() if isinstance(owner, QWidget) and owner.isVisible() else None
        if window is None:
            self._launch(job)
            return
        self._painting = window
        window.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, lambda: self._launch(job))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        job = self._running
        if event.type() == QEvent.Type.UpdateRequest and job is not None and not job.launched:
            # after this event, that is once the window has painted
            QTimer.singleShot(0, self, lambda: self._launch(job))
        return False

    def _launch(self, job: _Job) -> None:
        if self._painting is not None:
            self._painting.removeEventFilter(self)
            self._painting = None
        if self._running is job and not job.launched:
            job.launched = True
            load_pool().start(job.run)

    def _current(self, ticket: int) -> bool:
        job = self._running
        return (
            job is not None
            and job.ticket == ticket == self._ticket
            and job.key == self._current_key()
        )

    def _finished(self, ticket: int) -> None:
        job = self._running
        if job is None or job.ticket != ticket:  # not ours (cannot happen: one job at a time)
            return
        fresh = self._current(ticket)
        self._next()
        try:
            if not fresh:
                log.debug("dropped a superseded read (ticket %s)", ticket)
            elif job.error is not None:
                self._on_error(job.error, job.trace)
            else:
                job.apply(job.result)
        finally:
            # the screen holds what it applied; a timer still waiting to start this job
            # (PAINT_WAIT_MS) must not keep the data alive after the screen lets it go
            job.result = None
            self._settle()

    def _next(self) -> None:
        self._running = None
        pending, self._pending = self._pending, None
        if pending is not None:
            self._start(pending)

    def _settle(self) -> None:
        if self.idle:
            self.busy_changed.emit(False)


def _nothing() -> None:
    return None


class ShellPage(QWidget):
    """A screen bound to one competition; refreshes when that competition changes."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.competition_id: int | None = None
        self._stale = True
        self._tables_bounded = False
        self._view_to_restore: dict[str, Any] | None = None
        self.loader = AsyncLoader(self, self.load_key, self._load_failed)
        self.loading_hint = QLabel(QCoreApplication.translate("ShellPage", "Loading…"), self)
        self.loading_hint.setObjectName("loadingHint")
        self.loading_hint.setStyleSheet(
            "color: #5f6368; background: #f1f3f4; border-radius: 4px; padding: 2px 8px;"
        )
        self.loading_hint.hide()
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(LOADING_HINT_AFTER_MS)
        self._hint_timer.timeout.connect(self._show_hint)
        self.loader.busy_changed.connect(self._busy_changed)
        ctx.notifier.competition_changed.connect(self._on_changed)

    # -- reading -------------------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        """No read is running or waiting (tests wait for this)."""
        return self.loader.idle

    def load_key(self) -> Hashable:
        """What a read depends on: one read for another key is dropped unseen (the competition
        by default)."""
        return self.competition_id

    def set_competition(self, competition_id: int | None) -> None:
        self.competition_id = competition_id
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def reader(self) -> Callable[[], Any] | None:
        """On the GUI thread: a plain function for a worker that reads what ``apply`` shows,
        capturing plain values only; None when there is nothing to read."""
        raise NotImplementedError

    def apply(self, data: Any) -> None:  # overridden by every screen that reads off thread
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read off the GUI thread; the screen keeps its rows until the new ones arrive."""
        self.loader.request(self.reader() or _nothing, self._show_read)

    def _show_read(self, data: Any) -> None:
        self.apply(data)
        self._take_back_view()

    def reload(self) -> None:
        """Re-read now if the screen is on screen, else when it is shown (hidden screens cost
        nothing when another screen changes the competition)."""
        if self.isVisible():
            self._refresh_now()
        else:
            self._stale = True

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()
        if self.loader.idle:  # a screen that reads on the GUI thread has shown its rows
            self._take_back_view()

    def _on_changed(self, competition_id: int) -> None:
        if competition_id == self.competition_id:
            self.reload()

    def _load_failed(self, error: BaseException, trace: str) -> None:
        if isinstance(error, UserError):
            show_user_error(self, error)
            return
        from app.ui.errors import report_error

        report_error(self, error, trace)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._hint_timer.start()
        else:
            self._hint_timer.stop()
            self.loading_hint.hide()

    def _show_hint(self) -> None:
        self.loading_hint.adjustSize()
        self._place_hint()
        self.loading_hint.show()
        self.loading_hint.raise_()

    def _place_hint(self) -> None:
        hint = self.loading_hint  # bottom right: the screens keep that corner free
        hint.move(
            max(self.width() - hint.width() - 12, 0), max(self.height() - hint.height() - 4, 0)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_hint()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._tables_bounded:  # once the subclass has built its tables
            self._tables_bounded = True
            bound_column_sizing(self)
        super().showEvent(event)
        if self._stale:
            self._refresh_now()

    # -- what the user set on the screen -------------------------------------------------------

    def view_state(self) -> dict[str, Any]:
        """What the user set on this screen (search and filters, the selected object, the
        sorting…) as plain values, for a new copy of the screen (``restore_view_state``) when
        the language is switched.  A state not taken back yet (the screen has not been shown
        since) is handed on as it was."""
        if self._view_to_restore is not None:
            return dict(self._view_to_restore)
        return self.current_view()

    def restore_view_state(self, state: dict[str, Any]) -> None:
        """Take back a ``view_state``: the filters that decide what is read at once, the rest
        (the selected row, found again by what it is, not by its number) when the screen has
        shown its rows."""
        self._view_to_restore = dict(state)
        self.restore_inputs(state)
        if not self._stale and self.idle:
            self._take_back_view()

    def current_view(self) -> dict[str, Any]:
        """Overridden by the screens: their ``view_state`` (plain values only)."""
        return {}

    def restore_inputs(self, state: dict[str, Any]) -> None:
        """Overridden by screens whose search or filters apply before the rows are read."""

    def show_view(self, state: dict[str, Any]) -> None:
        """Overridden by the screens: the rest of ``state``, once the rows are shown."""

    def _take_back_view(self) -> None:
        state, self._view_to_restore = self._view_to_restore, None
        if state is not None:
            self.show_view(state)

    # -- writing -------------------------------------------------------------------------------

    def run_service(self, call: Callable[[], T]) -> T | None:
        """Call a service; a user error is shown and the screen re-read, nothing half-done."""
        try:
            result = call()
        except UserError as error:
            show_user_error(self, error)
            self._refresh_now()
            return None
        return result

    def changed(self) -> None:
        """Tell the other screens (and the status bar) that this competition changed."""
        if self.competition_id is not None:
            self.ctx.notifier.competition_changed.emit(self.competition_id)


def bound_column_sizing(widget: QWidget) -> None:
    """Size the columns (and rows) of every table in ``widget`` to the contents of the cells on
    screen and ``SIZE_SAMPLE_ROWS`` more; a table whose screen chose its own sample keeps it."""
    for table in widget.findChildren(QTableView):
        for header in (table.horizontalHeader(), table.verticalHeader()):
            if header.resizeContentsPrecision() == QT_DEFAULT_SIZE_SAMPLE:
                header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)


def finish_cell_editing(root: QWidget) -> None:
    """Enter what is being typed in a table cell under ``root`` (or in ``root`` itself) as if
    the user pressed Enter, before the table's widgets go (a language switch): the delegate's
    own checks apply, and a refused value stays unsaved exactly as with Enter."""
    views = [root] if isinstance(root, QAbstractItemView) else []
    views += root.findChildren(QAbstractItemView)
    for view in views:
        if view.state() != QAbstractItemView.State.EditingState:
            continue
        editor: QWidget | None = view.window().focusWidget()  # in its window, active or not
        while editor is not None and editor.parentWidget() is not view.viewport():
            editor = editor.parentWidget()  # the editor itself, not a part of it that has focus
        if editor is None:
            continue
        delegate = view.itemDelegateForIndex(view.currentIndex())
        delegate.commitData.emit(editor)
        delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def sort_state(view: QTableView) -> tuple[int, int]:
    """The column a table is sorted by (-1: as read) and the order, as plain numbers."""
    header = view.horizontalHeader()
    if not view.isSortingEnabled():
        return (-1, 0)
    return (header.sortIndicatorSection(), header.sortIndicatorOrder().value)


def restore_sort(view: QTableView, state: Any) -> None:
    """Sort ``view`` as ``sort_state`` said (a column it no longer has is ignored)."""
    if not view.isSortingEnabled() or not state:
        return
    column, order = state
    if -1 <= column < view.model().columnCount():
        view.sortByColumn(column, Qt.SortOrder(order))


def select_row_where(view: QTableView, matches: Callable[[QModelIndex], bool]) -> bool:
    """Make current (and select) the first row shown in ``view`` whose first cell ``matches``;
    False when no shown row does (it was removed or is filtered out)."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if matches(index):
            view.setCurrentIndex(index)
            if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
                view.selectRow(row)
            view.scrollTo(index)
            return True
    return False


def empty_hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6368; padding: 24px;")
    return label


def no_competition_text() -> str:
    return QCoreApplication.translate(
        "ShellPage", "Open a competition on the Competitions screen first."
    )
