"""Screens read the database off the GUI thread: a slow read leaves the screen usable with its
old rows, and a read for a competition no longer shown (or superseded) is never shown."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from app.services import registration
from app.ui.main_window import MainWindow
from app.ui.pages.offers import OffersPage
from tests.builders import announced, offer


class Gate:
    """Holds ``registration.offer_table`` for chosen competitions until released (no sleeps)."""

    def __init__(self) -> None:
        self.closed_for: set[int] = set()
        self.opened = threading.Event()
        self.calls: list[int] = []

    def close(self, competition_id: int) -> None:
        self.opened.clear()
        self.closed_for.add(competition_id)

    def open(self) -> None:
        self.closed_for.clear()
        self.opened.set()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    real = registration.offer_table
    held = Gate()

    def slow(db, competition_id):  # type: ignore[no-untyped-def]
        held.calls.append(competition_id)
        if competition_id in held.closed_for:
            assert held.opened.wait(10), "the test never released the read"
        return real(db, competition_id)

    monkeypatch.setattr(registration, "offer_table", slow)
    yield held
    held.open()  # never leave a worker waiting, even when the test failed


def _codes_and_names(page: OffersPage) -> list[str]:
    return [row.applicant for row in page.model.rows()]


def test_a_slow_read_keeps_the_screen_usable_with_its_old_rows(qtbot, ui_ctx, clock, gate) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    for name, hours in (("Alfa", 5), ("Beta", 4), ("Gamma", 3)):
        registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer(name, hours, "100"))
    page = OffersPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_competition(cid)
    qtbot.waitUntil(lambda: page.idle)
    assert sorted(_codes_and_names(page)) == ["Alfa", "Beta", "Gamma"]

    gate.close(cid)
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer("Delta", 2, "100"))
    page.changed()  # another screen saved: this one re-reads
    ticks = []
    timer = QTimer(page)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.wait(400)
    assert not page.idle
    assert len(ticks) >= 5  # the event loop kept running while the read was held
    assert page.loading_hint.isVisible()
    assert sorted(_codes_and_names(page)) == ["Alfa", "Beta", "Gamma"]  # old rows kept
    page.search.setText("gam")  # and the user can keep working on them
    assert page.proxy.rowCount() == 1

    gate.open()
    qtbot.waitUntil(lambda: page.idle)
    assert sorted(_codes_and_names(page)) == ["Alfa", "Beta", "Delta", "Gamma"]
    assert not page.loading_hint.isVisible()
    page.search.clear()
    assert page.proxy.rowCount() == 4


def test_a_read_for_a_competition_no_longer_shown_is_dropped(qtbot, ui_ctx, clock, gate) -> None:  # type: ignore[no-untyped-def]
    first = announced(ui_ctx.db, ui_ctx.actor(), clock)
    second = announced(ui_ctx.db, ui_ctx.actor(), clock)
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), first, offer("Pierwsza", 5, "100"))
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), second, offer("Druga", 5, "100"))
    page = OffersPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    shown: list[list[str]] = []
    apply = page.apply

    def record(data):  # type: ignore[no-untyped-def]
        shown.append([row.applicant for row in data.rows] if data is not None else [])
        apply(data)

    page.apply = record  # type: ignore[method-assign]
    gate.close(first)
    page.set_competition(first)
    qtbot.waitUntil(lambda: gate.calls == [first])  # the first read is held on the worker
    page.set_competition(second)
    page.refresh()  # a second request for the same competition supersedes the waiting one
    page.refresh()
    gate.open()
    qtbot.waitUntil(lambda: page.idle)
    assert shown == [["Druga"]]  # the first competition's rows never reached the screen
    assert gate.calls == [first, second]  # three waiting requests were read once
    assert _codes_and_names(page) == ["Druga"]


def test_a_hidden_screen_drops_a_read_for_the_competition_it_left(
    qtbot, ui_ctx, clock, gate
) -> None:  # type: ignore[no-untyped-def]
    first = announced(ui_ctx.db, ui_ctx.actor(), clock)
    second = announced(ui_ctx.db, ui_ctx.actor(), clock)
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), first, offer("Pierwsza", 5, "100"))
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), second, offer("Druga", 5, "100"))
    page = OffersPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    gate.close(first)
    page.set_competition(first)
    qtbot.waitUntil(lambda: gate.calls == [first])
    page.hide()
    page.set_competition(second)  # hidden: read only when shown again
    gate.open()
    qtbot.waitUntil(lambda: page.idle)
    assert page.model.rowCount() == 0  # the first competition's rows were not shown
    page.show()
    qtbot.waitUntil(lambda: page.idle)
    assert _codes_and_names(page) == ["Druga"]


def test_the_status_bar_reads_off_the_gui_thread_and_drops_a_closed_competition(
    qtbot, ui_ctx, clock, gate
) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    gate.close(cid)
    window.open_competition(cid)
    window.show_page("offers")
    qtbot.waitUntil(lambda: window.status_loader.idle)
    assert "announced" in window.status_label.text()  # not held up by the offers read
    assert not window.idle
    window.open_competition(None)
    gate.open()
    qtbot.waitUntil(lambda: window.idle)
    offers = window.page("offers")
    assert offers.model.rowCount() == 0  # type: ignore[attr-defined]
    assert window.status_label.text() == "No competition open."


def test_scoring_results_and_protocol_read_off_the_gui_thread(
    qtbot, ui_ctx, actor, clock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The scoring card, the results and the protocol's blockers (which compute the results),
    whose Python work would make the GUI thread wait for the interpreter lock, are read in the
    worker process, asked for from a thread, never from the GUI thread."""
    from app.services import queries
    from app.ui.pages import protocol_page, results_page, scoring_page
    from app.ui.worker import worker_running
    from tests import builders

    built = builders.to_results(ui_ctx.db, actor, clock)
    readers: dict[str, list[bool]] = {}

    def watched(name: str, module: object, attribute: str) -> None:
        real = getattr(module, attribute)

        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            on_gui_thread = threading.current_thread() is threading.main_thread()
            what = args[0].__name__ if attribute == "run_in_worker" else name
            readers.setdefault(what, []).append(on_gui_thread)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, attribute, call)

    watched("competition", queries, "competition_detail")
    watched("worker", results_page, "run_in_worker")
    watched("worker", scoring_page, "run_in_worker")
    watched("worker", protocol_page, "run_in_worker")
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    window.open_competition(built.competition_id)
    for key in ("scoring", "results", "protocol"):
        page = window.show_page(key)
        qtbot.waitUntil(lambda: window.idle, timeout=60_000)
        assert page.isVisible()
    assert window.page("protocol").blockers_list.count() > 0  # type: ignore[attr-defined]
    assert window.page("results").view_data is not None  # type: ignore[attr-defined]
    assert window.page("scoring").data is not None  # type: ignore[attr-defined]
    assert {"read_scoring", "read_results", "read_protocol"} <= set(readers)
    assert not any(on_gui for calls in readers.values() for on_gui in calls), readers
    assert worker_running()


def test_the_competitions_list_reads_off_the_gui_thread_and_not_again_on_opening(
    qtbot, ui_ctx, clock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.services import queries

    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    calls: list[bool] = []
    real = queries.list_competitions

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "list_competitions", watched)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.idle)
    assert window.competitions.model.rowCount() == 1
    read_before = len(calls)
    window.competitions.select_competition(cid)
    window.open_competition(cid)  # the list is the same whichever competition is open
    qtbot.waitUntil(lambda: window.idle)
    assert calls[read_before:] == []
    assert calls and not any(calls), calls  # never on the GUI thread


def test_a_screen_is_painted_before_its_read_starts(qtbot, ui_ctx, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A read running Python on a worker makes each cell a paint asks for wait for the
    interpreter lock; the screen switched to is painted first, then the worker starts."""
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer("Alfa", 5, "100"))
    events: list[str] = []
    real = registration.offer_table

    def reading(db, competition_id):  # type: ignore[no-untyped-def]
        events.append("read")
        return real(db, competition_id)

    monkeypatch.setattr(registration, "offer_table", reading)
    stack = QStackedWidget()  # as in the window: one screen shown, another switched to
    qtbot.addWidget(stack)
    stack.addWidget(QWidget())
    page = OffersPage(ui_ctx)
    stack.addWidget(page)
    stack.resize(900, 600)
    stack.show()
    qtbot.waitExposed(stack)
    page.set_competition(cid)  # hidden: read when shown
    assert events == []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and (watched is page or page.isAncestorOf(watched))
            ):
                events.append("paint")
            return False

    watch = Watch()
    app = QApplication.instance()
    app.installEventFilter(watch)
    try:
        stack.setCurrentWidget(page)
        qtbot.waitUntil(lambda: page.idle and "read" in events, timeout=10_000)
    finally:
        app.removeEventFilter(watch)
    assert "paint" in events and events.index("paint") < events.index("read"), events


def test_a_loader_keeps_nothing_it_read_once_it_is_applied(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The screen holds what it applied; the loader lets go of it at once (its start may still
    have a timer pending, which must not keep the data alive)."""
    import weakref

    from app.ui.widgets.page import AsyncLoader

    class Rows:
        pass

    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    qtbot.waitExposed(owner)
    loader = AsyncLoader(owner, lambda: "key", lambda error, trace: None)
    applied: list[weakref.ref[Rows]] = []
    loader.request(Rows, lambda rows: applied.append(weakref.ref(rows)))
    qtbot.waitUntil(lambda: loader.idle and bool(applied), timeout=5_000)
    assert applied[0]() is None  # freed by reference counting, no collection needed
