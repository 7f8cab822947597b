"""The worker process: the screens' long reads and computations, away from the GUI's interpreter.

A thread of the GUI's process that runs Python holds the interpreter lock, and the GUI thread
needs that lock each time Qt calls back into Python (for every cell a table paints); a garbage
collection, which any thread's allocations may start, stops every thread.  A results
computation at 2,000 offers or a member's card of 30,000 scores read on a thread therefore
stopped the GUI for hundreds of milliseconds.  Here they run in one separate process, started
when first needed and kept for the session: it has its own interpreter lock and its own
collector, and the GUI's process only unpickles what it sends back.  So the functions run there
return compact plain values — rows of strings and numbers ready for a table model, codes — never
ORM objects or the whole input of a computation.

``run_in_worker(fn, *args)`` calls the module-level function ``fn`` with picklable arguments in
the worker and returns its result (or raises its exception, a ``UserError`` as it was).  It
blocks its caller, so it is called from a thread (a screen's read, a task), never from the GUI
thread; one call runs at a time.  The function opens the database itself from its URL
(``worker_database``), since a connection cannot cross processes.  A long function may report
``report_progress(done, total, text)``; the caller sees it through ``progress=``, and may stop
the call through ``cancelled=``: the worker is then ended (the work is a read: nothing is left
half-written) and the call raises ``CancelledError``.

The worker is started with the "spawn" method on every platform: it is the only one on Windows,
and the same method everywhere lets the tests see what users get (a frozen build needs
``multiprocessing.freeze_support()`` in its entry point).  A worker that dies (killed, out of
memory, a crash inside a library) ends the call with ``WorkerCrashedError`` at once, never a hang;
the next call starts a new worker.  ``stop_worker()`` ends it (at exit; the tests).
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, TypeVar

from app.errors import CancelledError

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from app.db import Database

log = logging.getLogger(__name__)

T = TypeVar("T")

POLL_S = 0.05  # how often a waiting call looks at ``cancelled``
STOP_WAIT_S = 5.0  # how long a stopped worker may take to end before it is killed


class WorkerCrashedError(RuntimeError):
    """The worker process ended while it was working on a call (it was killed, ran out of
    memory, or crashed inside a library); the next call starts a new one."""


# -- the GUI's side -------------------------------------------------------------------------


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child_end,), name="komisja-worker", daemon=True
        )
        self.process.start()
        child_end.close()  # the worker holds the only other end: its death closes the pipe

    def call(
        self,
        fn: Callable[..., T],
        args: tuple[Any, ...],
        progress: Callable[[int, int, str], object] | None,
        cancelled: Callable[[], bool] | None,
    ) -> T:
        try:
            self.connection.send((fn, args))
        except OSError:  # the worker is gone
            raise self._crashed(fn) from None
        while True:
            ready = wait([self.connection, self.process.sentinel], POLL_S)
            if self.connection in ready:
                try:
                    kind, *message = self.connection.recv()
                except (EOFError, OSError):  # the worker died while it was sending
                    raise self._crashed(fn) from None
                if kind == "progress":
                    if progress is not None:
                        progress(*message)
                    continue
                if kind == "done":
                    result: T = message[0]
                    return result
                error, trace = message
                error.add_note(f"in the worker process:\n{trace}")
                raise error
            if self.process.sentinel in ready:
                raise self._crashed(fn)
            if cancelled is not None and cancelled():
                raise CancelledError()

    def _crashed(self, fn: Callable[..., Any]) -> WorkerCrashedError:
        self.process.join(STOP_WAIT_S)
        return WorkerCrashedError(
            f"the worker process ended with exit code {self.process.exitcode} while it ran "
            f"{fn.__module__}.{fn.__qualname__}; the next call starts a new worker"
        )

    def stop(self, wait_s: float = 0.0) -> None:
        """End the worker: it leaves its loop when it finds the pipe closed (within ``wait_s``
        if it is idle), or it is terminated."""
        self.connection.close()
        self.process.join(wait_s)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(STOP_WAIT_S)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.process.close()


_lock = threading.Lock()  # one call at a time; also guards ``_worker``
_worker: _Worker | None = None


def run_in_worker(
    fn: Callable[..., T],
    *args: Any,
    progress: Callable[[int, int, str], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> T:
    """``fn(*args)`` in the worker process (see the module's docstring); from a thread only.

    ``progress(done, total, text)`` receives what ``fn`` reports (on the calling thread);
    ``cancelled()`` is asked while waiting, and True ends the worker and raises
    ``CancelledError``.  ``WorkerCrashedError``: the worker died meanwhile.
    """
    global _worker
    with _lock:
        if _worker is not None and not _worker.process.is_alive():  # it died while idle
            log.warning("the worker process had ended (exit code %s)", _worker.process.exitcode)
            _worker.stop()
            _worker = None
        if _worker is None:
            _worker = _Worker()
        try:
            return _worker.call(fn, args, progress, cancelled)
        except (WorkerCrashedError, CancelledError):
            _worker.stop()
            _worker = None
            raise


def stop_worker() -> None:
    """End the worker process, if any (at exit; the tests).  A call still running is cut
    short and raises ``WorkerCrashedError`` in its caller."""
    global _worker
    if not _lock.acquire(timeout=POLL_S):  # a call is running: end the worker under it
        running = _worker
        if running is not None:
            running.process.terminate()
        _lock.acquire()
    try:
        worker, _worker = _worker, None
        if worker is not None:
            worker.stop(STOP_WAIT_S)
    finally:
        _lock.release()


def worker_running() -> bool:
    """A worker process is alive (tests)."""
    return _worker is not None and _worker.process.is_alive()


# -- the worker's side ----------------------------------------------------------------------

_to_gui: Connection | None = None
_databases: dict[str, Database] = {}


def _serve(connection: Connection) -> None:
    """The worker's loop: run each call it is sent until the GUI's end of the pipe closes."""
    global _to_gui
    _to_gui = connection
    while True:
        try:
            fn, args = connection.recv()
        except (EOFError, OSError):  # the GUI's process stopped the worker or is gone
            break
        try:
            result = fn(*args)
        except BaseException as error:  # sent to the caller, never lost
            trace = traceback.format_exc()
            try:
                connection.send(("error", error, trace))
            except Exception:  # an exception that does not pickle: its words still go
                connection.send(("error", RuntimeError(repr(error)), trace))
            continue
        connection.send(("done", result))
    for database in _databases.values():
        database.dispose()


def report_progress(done: int, total: int, text: str = "") -> None:
    """In a function run by ``run_in_worker``: tell the caller how far it is."""
    if _to_gui is not None:
        _to_gui.send(("progress", done, total, text))


def worker_database(url: str) -> Database:
    """In the worker: the database at ``url``, opened once (already migrated by the GUI's
    process, which opened it first).  Only the last one stays open."""
    from app.db import Database

    database = _databases.get(url)
    if database is None:
        for old in _databases.values():
            old.dispose()
        _databases.clear()
        database = _databases[url] = Database.open(url, migrate=False)
    return database
