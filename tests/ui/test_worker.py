"""The worker process of the screens (``app.ui.worker``): results and errors come back as they
were, a worker that dies gives a clear error at once and the next call a new worker, a
cancelled call ends its worker, and no process outlives ``stop_worker``."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

import pytest

from app.errors import CancelledError, UserError
from app.ui.worker import (
    WorkerCrashedError,
    report_progress,
    run_in_worker,
    stop_worker,
    worker_running,
)

# What the worker runs must be importable by name: functions at module level.


def process_id() -> int:
    return os.getpid()


def start_method() -> str:
    return multiprocessing.get_start_method()


def refuse() -> None:
    raise UserError("not_found", {"what": "konkurs / competition", "id": 99})


def die() -> None:
    os._exit(7)  # as a crash inside a library or the system ending the process would


def count_to(total: int) -> int:
    for done in range(1, total + 1):
        report_progress(done, total, f"step {done}")
    return total


def sleep(seconds: float) -> None:
    time.sleep(seconds)


@pytest.fixture(autouse=True)
def _fresh_worker() -> None:
    stop_worker()


def test_a_call_runs_in_another_process_started_by_spawn_and_kept() -> None:
    first = run_in_worker(process_id)
    assert first != os.getpid()
    assert run_in_worker(start_method) == "spawn"  # as on Windows, on every platform
    assert run_in_worker(process_id) == first  # one worker for the session


def test_a_user_error_comes_back_as_it_was_and_the_worker_goes_on() -> None:
    with pytest.raises(UserError) as raised:
        run_in_worker(refuse)
    assert raised.value.code == "not_found"
    assert raised.value.params == {"what": "konkurs / competition", "id": 99}
    assert any("in the worker process" in note for note in raised.value.__notes__)
    assert worker_running()


def test_a_worker_that_dies_gives_a_clear_error_and_the_next_call_a_new_worker() -> None:
    before = run_in_worker(process_id)
    began = time.perf_counter()
    with pytest.raises(WorkerCrashedError, match=r"exit code 7 .*die"):
        run_in_worker(die)
    assert time.perf_counter() - began < 5  # reported at once, not after a timeout
    assert not worker_running()
    assert run_in_worker(process_id) != before


def test_a_worker_that_died_while_idle_is_replaced_by_the_next_call() -> None:
    before = run_in_worker(process_id)
    os.kill(before, signal.SIGTERM)  # as the system ending it between two reads would
    deadline = time.monotonic() + 10
    while worker_running() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run_in_worker(process_id) != before


def test_progress_reaches_the_caller() -> None:
    seen: list[tuple[int, int, str]] = []
    assert run_in_worker(count_to, 3, progress=lambda *step: seen.append(step)) == 3
    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_a_cancelled_call_ends_its_worker() -> None:
    before = run_in_worker(process_id)
    asked = threading.Event()

    def cancelled() -> bool:
        asked.set()
        return True

    with pytest.raises(CancelledError):
        run_in_worker(sleep, 30, cancelled=cancelled)
    assert asked.is_set() and not worker_running()
    assert run_in_worker(process_id) != before


def test_stopping_ends_a_running_call_and_leaves_no_process() -> None:
    run_in_worker(process_id)
    failed: list[BaseException] = []

    def call() -> None:
        try:
            run_in_worker(sleep, 30)
        except BaseException as error:
            failed.append(error)

    caller = threading.Thread(target=call)
    caller.start()
    time.sleep(0.3)
    stop_worker()
    caller.join(10)
    assert not caller.is_alive()
    assert len(failed) == 1 and isinstance(failed[0], WorkerCrashedError)
    assert not worker_running()
    assert not multiprocessing.active_children()


def dies_reading(*_args: object) -> None:
    os._exit(9)  # as the system ending a worker that ran out of memory would


def test_a_screen_whose_worker_dies_reports_it_and_reads_again(
    qtbot, ui_ctx, actor, clock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The results screen's read ends with a clear error (the crash dialog's details name the
    exit code), not a screen waiting for ever; the next read starts a new worker."""
    from app.ui.pages import results_page
    from tests import builders

    built = builders.to_results(ui_ctx.db, actor, clock)
    reported: list[BaseException] = []
    monkeypatch.setattr(
        results_page, "report_error", lambda _p, error, _t="": reported.append(error)
    )
    real_read = results_page.read_results
    monkeypatch.setattr(results_page, "read_results", dies_reading)
    page = results_page.ResultsPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=20_000):
        page.set_competition(built.competition_id)
    assert len(reported) == 1 and isinstance(reported[0], WorkerCrashedError)
    assert "exit code 9" in str(reported[0])
    assert page.view_data is None and page.idle
    monkeypatch.setattr(results_page, "read_results", real_read)  # the next read, a new worker
    with qtbot.waitSignal(page.refreshed, timeout=20_000):
        page.reload()
    assert page.view_data is not None and page.model.rowCount() > 0
