"""Switching the language in Settings applies at once: menus, screens, table headers, numbers
and the status bar change language, and the same competition and screen stay open, with what
the user set on each screen (search, selection, sorting); an open evaluator window follows."""

from __future__ import annotations

import importlib
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableView,
)

from app.config import Settings
from app.services import evaluator_mode, offline_issue
from app.ui.formatting import NBSP
from app.ui.main_window import MainWindow
from app.ui.scoring_models import ScoreGridModel
from app.ui.settings_dialog import SettingsDialog
from app.ui.widgets.table_model import ROW_ROLE
from tests.builders import to_results, to_scoring

NOTIFIER_SIGNALS = (
    "competition_changed(int)",
    "competitions_changed()",
    "current_competition(int)",
)


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _nav(window: MainWindow) -> list[str]:
    return [window.nav.item(n).text() for n in range(window.nav.count())]


def _headers(window: MainWindow) -> list[str]:
    view = next(v for v in window.page("offers").findChildren(QTableView) if v.isVisible())
    model = view.model()  # what the table shows, through its sort/filter proxy
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def _requested(window: MainWindow) -> list[str]:
    page = window.page("offers")
    model = page.model  # type: ignore[attr-defined]
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) in ("Requested", "Wnioskowano")
    )
    return sorted(str(model.index(r, column).data()) for r in range(model.rowCount()))


def _receivers(window: MainWindow) -> list[int]:
    """Connections to the objects that outlive the screens: the notifier and the undo stack."""
    notifier = window.ctx.notifier
    return [notifier.receivers(SIGNAL(name)) for name in NOTIFIER_SIGNALS] + [
        window.undo.receivers(SIGNAL("canUndoChanged(bool)")),
        window.undo.receivers(SIGNAL("undoTextChanged(QString)")),
    ]


def _flush_deletions() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _switch_in_settings(
    qtbot, monkeypatch, window: MainWindow, language: str, open_settings=None
) -> str:  # type: ignore[no-untyped-def]
    """Open the real Settings dialog (from the File menu unless ``open_settings`` opens it),
    choose ``language``, press OK; returns the texts the dialog showed."""
    seen: list[str] = []

    def drive(dialog: SettingsDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.language.setCurrentIndex(dialog.language.findData(language))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", drive)
    (open_settings or window.settings_action.trigger)()
    assert seen, "the Settings dialog was not opened"
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    _flush_deletions()
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    return seen[0]


def _polish_window(qtbot, ui_ctx, language, *, size: bool = False, show: bool = True) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window in Polish, as a user with Polish settings opens it."""
    language("pl")
    ui_ctx.settings.language = "pl"
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    if size:
        window.resize(1200, 760)
    if show:
        window.show()
    return window


def _member_package(ui_ctx, clock, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """M1's evaluator package of a competition at the scoring step."""
    built = to_scoring(ui_ctx.db, ui_ctx.actor(), clock)
    package = tmp_path / "M1.komisja"
    package.write_bytes(
        offline_issue.export_package(ui_ctx.db, ui_ctx.actor(), built.competition_id, "M1")
    )
    return package


def test_switching_the_language_applies_at_once_and_keeps_the_competition(
    qtbot, ui_ctx, language, clock, monkeypatch, screenshot
) -> None:  # type: ignore[no-untyped-def]
    built = to_scoring(ui_ctx.db, ui_ctx.actor(), clock)
    window = _polish_window(qtbot, ui_ctx, language, size=True)
    window.open_competition(built.competition_id)
    window.show_page("offers")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    geometry = window.geometry()
    assert _menus(window) == ["&Plik", "&Edycja", "&Widok", "Pomo&c"]
    assert "Wnioskowano" in _headers(window)
    assert _requested(window)[0] == f"10{NBSP}000,00{NBSP}zł"
    old_offers = window.page("offers")
    receivers = _receivers(window)
    messages: list[tuple[object, ...]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: messages.append(args))

    shown = _switch_in_settings(qtbot, monkeypatch, window, "en")
    assert "Nowy język obowiązuje od razu." in shown  # no restart asked for
    assert Settings.load().language == "en"  # remembered for the next start too
    assert ui_ctx.lang == "en" and QLocale().language() is QLocale.Language.English
    assert _menus(window) == ["&File", "&Edit", "&View", "&Help"]
    assert _nav(window)[:4] == ["Competitions", "Call", "Criteria and rules", "Offers"]
    assert window.settings_action.text() == "&Settings…"
    # the same competition, on the same screen, read again in English
    assert window.competition_id == built.competition_id
    assert window.stack.currentWidget() is window.page("offers")
    assert window.nav.currentRow() == 3
    assert window.page("offers").competition_id == built.competition_id  # type: ignore[attr-defined]
    assert "Requested" in _headers(window) and "Applicant" in _headers(window)
    assert _requested(window) == [
        f"PLN{NBSP}10,000.00",
        f"PLN{NBSP}30,000.00",
        f"PLN{NBSP}40,000.00",
        f"PLN{NBSP}45,000.00",
    ]
    assert "scoring" in window.status_label.text()
    assert window.geometry() == geometry
    # the old screens are gone, with their connections, and the undo history is empty
    assert not shiboken6.isValid(old_offers)
    assert _receivers(window) == receivers
    assert not window.undo.canUndo()
    # no "restart" message, and no second menu bar or toolbar left over
    assert not messages
    assert len(window.findChildren(type(window.menuBar()))) == 1
    assert len(window.findChildren(type(window._toolbar))) == 1
    screenshot(window, "language-switched-en")

    window.show_page("criteria")
    shown = _switch_in_settings(qtbot, monkeypatch, window, "pl")
    assert "A new language applies at once." in shown
    assert _menus(window) == ["&Plik", "&Edycja", "&Widok", "Pomo&c"]
    assert _nav(window)[:4] == ["Konkursy", "Ogłoszenie", "Kryteria i zasady", "Oferty"]
    assert window.stack.currentWidget() is window.page("criteria")
    assert "ocena merytoryczna" in window.status_label.text()
    window.show_page("offers")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    assert "Wnioskowano" in _headers(window)
    assert _requested(window)[-1] == f"45{NBSP}000,00{NBSP}zł"
    assert _receivers(window) == receivers
    screenshot(window, "language-switched-pl")


def test_cancelled_settings_change_nothing(qtbot, ui_ctx, language, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _polish_window(qtbot, ui_ctx, language)
    pages = [page for _key, _title, page in window.pages]

    def cancel(dialog: SettingsDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", cancel)
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: window.idle)
    assert ui_ctx.settings.language == "pl"
    assert _menus(window) == ["&Plik", "&Edycja", "&Widok", "Pomo&c"]
    assert [page for _key, _title, page in window.pages] == pages  # nothing was rebuilt


@pytest.mark.parametrize(
    ("key", "target"),
    [
        ("offers", "app.services.registration.offer_table"),  # read by the screen's loader
        ("results", "app.ui.pages.results_page.run_in_worker"),  # read in the worker process
    ],
)
def test_a_read_still_running_reaches_its_own_screen_before_the_switch(
    qtbot, ui_ctx, language, clock, monkeypatch, key, target
) -> None:  # type: ignore[no-untyped-def]
    built = to_results(ui_ctx.db, ui_ctx.actor(), clock)
    module_name, _, name = target.rpartition(".")
    module = importlib.import_module(module_name)
    real = getattr(module, name)
    held = threading.Event()
    release = threading.Event()

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        held.set()
        assert release.wait(10), "the test never released the read"
        return real(*args, **kwargs)

    window = _polish_window(qtbot, ui_ctx, language)
    window.open_competition(built.competition_id)
    window.show_page(key)
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    old_page = window.page(key)
    monkeypatch.setattr(module, name, slow)
    try:
        window.ctx.notifier.competition_changed.emit(built.competition_id)  # the screen re-reads
        qtbot.waitUntil(held.is_set, timeout=10_000)
        ui_ctx.settings.language = "en"
        window.apply_language("en")
        qtbot.wait(100)
        # the screens wait for their read: nothing is deleted under it
        assert not window.idle
        assert window.page(key) is old_page and shiboken6.isValid(old_page)
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    _flush_deletions()
    assert not shiboken6.isValid(old_page)
    assert _menus(window) == ["&File", "&Edit", "&View", "&Help"]
    assert window.stack.currentWidget() is window.page(key)
    assert window.page(key) is not old_page
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)


def _selected_offer_id(window: MainWindow) -> int | None:
    page = window.page("offers")
    selected = page.selected()  # type: ignore[attr-defined]
    return selected.id if selected is not None else None


def test_each_screen_keeps_its_search_selection_and_sorting_across_the_switch(
    qtbot, ui_ctx, language, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    built = to_results(ui_ctx.db, ui_ctx.actor(), clock)
    second = to_scoring(ui_ctx.db, ui_ctx.actor(), clock)  # a second competition to find
    window = _polish_window(qtbot, ui_ctx, language, size=True)
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)

    competitions = window.competitions
    competitions.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    competitions.select_competition(second.competition_id)
    window.open_competition(built.competition_id)

    offers = window.show_page("offers")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    offers.search.setText("Fundacja")  # type: ignore[attr-defined]
    applicant = 2  # the applicant's name
    offers.table.sortByColumn(applicant, Qt.SortOrder.DescendingOrder)  # type: ignore[attr-defined]
    late = built.offer_ids["O4"]  # Fundacja Późna: the first row, sorted Z→A
    offers.table.selectRow(1)  # type: ignore[attr-defined]
    assert _selected_offer_id(window) not in (None, late)
    chosen = _selected_offer_id(window)

    scoring = window.show_page("scoring")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    scoring.select_member("M2")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: scoring.idle and scoring.model.member_code == "M2", timeout=10_000)  # type: ignore[attr-defined]
    scoring.filter_edit.setText("Beta")  # type: ignore[attr-defined]
    model = scoring.model  # type: ignore[attr-defined]
    cell = model.index(model.row_of("O2"), model.column_of("K2"))
    scoring.view.setCurrentIndex(scoring.proxy.mapFromSource(cell))  # type: ignore[attr-defined]

    results = window.show_page("results")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    results.select_offer("O3")  # type: ignore[attr-defined]

    audit = window.show_page("audit")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    audit.text_filter.setText("O2")  # type: ignore[attr-defined]
    audit.table.selectRow(1)  # type: ignore[attr-defined]
    audit_seq = audit.table.currentIndex().data(ROW_ROLE).seq  # type: ignore[attr-defined]
    audit_rows = audit.proxy.rowCount()  # type: ignore[attr-defined]

    window.show_page("offers")
    _switch_in_settings(qtbot, monkeypatch, window, "en")
    assert _menus(window) == ["&File", "&Edit", "&View", "&Help"]

    offers = window.page("offers")
    assert offers is window.stack.currentWidget()
    assert offers.search.text() == "Fundacja"  # type: ignore[attr-defined]
    assert offers.proxy.rowCount() == 2  # type: ignore[attr-defined]
    assert _selected_offer_id(window) == chosen
    header = offers.table.horizontalHeader()  # type: ignore[attr-defined]
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        applicant,
        Qt.SortOrder.DescendingOrder,
    )
    assert offers.table.model().index(0, 0).data(ROW_ROLE).id == late  # type: ignore[attr-defined]

    scoring = window.show_page("scoring")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    assert scoring.member_combo.currentData() == "M2"  # type: ignore[attr-defined]
    assert scoring.model.member_code == "M2"  # type: ignore[attr-defined]
    assert scoring.filter_edit.text() == "Beta"  # type: ignore[attr-defined]
    current = scoring.proxy.mapToSource(scoring.view.currentIndex())  # type: ignore[attr-defined]
    assert scoring.model.key_at(current.row(), current.column()) == ("O2", "K2")  # type: ignore[attr-defined]
    assert "offer O2, criterion K2" in scoring.cell_label.text()  # type: ignore[attr-defined]

    results = window.show_page("results")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    assert results._selected_offer() == "O3"  # type: ignore[attr-defined]
    assert results.why.toPlainText()  # the "why" panel explains the selected offer again  # type: ignore[attr-defined]

    audit = window.show_page("audit")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    assert audit.text_filter.text() == "O2"  # type: ignore[attr-defined]
    assert audit.proxy.rowCount() == audit_rows  # type: ignore[attr-defined]
    assert audit.table.currentIndex().data(ROW_ROLE).seq == audit_seq  # type: ignore[attr-defined]

    competitions = window.show_page("competitions")
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    assert competitions.selected().id == second.competition_id  # type: ignore[attr-defined]
    header = competitions.table.horizontalHeader()  # type: ignore[attr-defined]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # the competition open stays the one that was open, not the one selected in the list
    assert window.competition_id == built.competition_id


def test_an_open_evaluator_window_follows_the_switch_and_keeps_what_was_typed(
    qtbot, ui_ctx, language, clock, monkeypatch, tmp_path, screenshot
) -> None:  # type: ignore[no-untyped-def]
    package = _member_package(ui_ctx, clock, tmp_path)
    window = _polish_window(qtbot, ui_ctx, language)
    evaluator = window.open_package(package)  # deleted when closed, at the end of the test
    qtbot.waitExposed(evaluator)
    assert evaluator.finish_button.text().replace("&", "").startswith("Zakończono")  # type: ignore[attr-defined]
    _type_score(qtbot, evaluator, "O2", "K1", "7")
    evaluator.view.sortByColumn(ScoreGridModel.COL_APPLICANT, Qt.SortOrder.DescendingOrder)  # type: ignore[attr-defined]
    _set_cell(evaluator, "O2", "K1")
    qtbot.keyClicks(evaluator.justification, "Typed before the switch")  # type: ignore[attr-defined]
    geometry = evaluator.geometry()

    _switch_in_settings(qtbot, monkeypatch, window, "en")
    assert shiboken6.isValid(evaluator) and evaluator.isVisible()
    assert window._evaluator is evaluator
    assert evaluator.windowTitle().startswith("Komisja — evaluator:")
    assert evaluator.finish_button.text() == "&Finished — write the return file…"  # type: ignore[attr-defined]
    assert evaluator.progress.text().startswith("Scored 1 of")  # type: ignore[attr-defined]
    assert evaluator.geometry() == geometry
    # the same cell, the same sorting, and the words typed before the switch are saved
    assert _current_cell(evaluator) == ("O2", "K1")
    assert evaluator.justification.toPlainText() == "Typed before the switch"  # type: ignore[attr-defined]
    header = evaluator.view.horizontalHeader()  # type: ignore[attr-defined]
    assert header.sortIndicatorSection() == ScoreGridModel.COL_APPLICANT
    entry = evaluator_mode.open_evaluator_package(package).draft.entries[("O2", "K1")]
    assert (entry.value, entry.justification) == (Decimal("7"), "Typed before the switch")
    screenshot(evaluator, "evaluator-language-switched-en")

    # a score still being typed in a cell is entered before the window is built again (with
    # the justification written for it: the package requires one)
    _set_cell(evaluator, "O3", "K2")
    qtbot.keyClicks(evaluator.justification, "Second")  # type: ignore[attr-defined]
    evaluator.view.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClicks(evaluator.view, "3")  # type: ignore[attr-defined]
    assert evaluator.view.state() == QAbstractItemView.State.EditingState  # type: ignore[attr-defined]
    _switch_in_settings(qtbot, monkeypatch, window, "pl")
    assert evaluator.finish_button.text().replace("&", "").startswith("Zakończono")  # type: ignore[attr-defined]
    assert _current_cell(evaluator) == ("O3", "K2")
    entry = evaluator_mode.open_evaluator_package(package).draft.entries[("O3", "K2")]
    assert (entry.value, entry.justification) == (Decimal("3"), "Second")
    assert evaluator.progress.text().startswith("Oceniono 2 z")  # type: ignore[attr-defined]

    evaluator.close()  # closed windows are deleted: a later switch leaves them alone
    _flush_deletions()
    _switch_in_settings(qtbot, monkeypatch, window, "en")
    assert _menus(window) == ["&File", "&Edit", "&View", "&Help"]


def test_the_warning_shown_on_opening_a_package_follows_the_switch(
    qtbot, ui_ctx, language, clock, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    package = _member_package(ui_ctx, clock, tmp_path)
    package.with_suffix(".komisja-draft").write_text("{ uszkodzony", encoding="utf-8")
    window = _polish_window(qtbot, ui_ctx, language)
    evaluator = window.open_package(package)
    qtbot.waitExposed(evaluator)
    polish = evaluator.findChild(QLabel, "evaluatorNotice").text()
    assert "uszkodzony" in polish  # the damaged draft was set aside, in Polish

    _switch_in_settings(qtbot, monkeypatch, window, "en")
    english = evaluator.findChild(QLabel, "evaluatorNotice").text()
    assert english != polish and "damaged" in english.lower()
    evaluator.close()
    _flush_deletions()


def test_a_package_opened_on_its_own_switches_language_from_its_own_settings(
    qtbot, ui_ctx, language, clock, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """A member who opens only the package (the main window stays hidden) reaches the
    settings from the evaluator window; the new language applies there at once."""
    package = _member_package(ui_ctx, clock, tmp_path)
    # as app.ui.main does for a package: not shown
    window = _polish_window(qtbot, ui_ctx, language, show=False)
    evaluator = window.open_package(package)
    qtbot.waitExposed(evaluator)
    assert not window.isVisible()
    assert evaluator.settings_button.text() == "Ustawienia…"  # type: ignore[attr-defined]
    _switch_in_settings(
        qtbot,
        monkeypatch,
        window,
        "en",
        lambda: qtbot.mouseClick(evaluator.settings_button, Qt.MouseButton.LeftButton),  # type: ignore[attr-defined]
    )
    assert ui_ctx.settings.language == "en"
    assert evaluator.finish_button.text() == "&Finished — write the return file…"  # type: ignore[attr-defined]
    assert evaluator.settings_button.text() == "Settings…"  # type: ignore[attr-defined]
    assert not window.isVisible()
    evaluator.close()


def _set_cell(evaluator, offer: str, criterion: str) -> None:  # type: ignore[no-untyped-def]
    model = evaluator.model
    index = model.index(model.row_of(offer), model.column_of(criterion))
    evaluator.view.setCurrentIndex(evaluator.proxy.mapFromSource(index))


def _current_cell(evaluator) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    source = evaluator.proxy.mapToSource(evaluator.view.currentIndex())
    return evaluator.model.key_at(source.row(), source.column())


def _type_score(qtbot, evaluator, offer: str, criterion: str, text: str) -> None:  # type: ignore[no-untyped-def]
    _set_cell(evaluator, offer, criterion)
    evaluator.view.setFocus()
    qtbot.keyClicks(evaluator.view, text)
    qtbot.keyClick(evaluator.view.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: evaluator.view.state() != QAbstractItemView.State.EditingState)


def test_the_selected_offer_member_and_criterion_stay_selected_after_the_switch(
    qtbot, ui_ctx, language, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    built = to_results(ui_ctx.db, ui_ctx.actor(), clock)
    window = _polish_window(qtbot, ui_ctx, language, size=True)
    window.open_competition(built.competition_id)
    chosen: dict[str, object] = {}
    for key in ("formal", "committee", "criteria"):
        page: Any = window.show_page(key)
        qtbot.waitUntil(lambda: window.idle, timeout=10_000)
        if key == "formal":
            page.table.setCurrentIndex(page.model.index(2, 3))
            chosen[key] = (page.current_row().offer_id, 3)
        elif key == "committee":
            page.members.selectRow(1)
            chosen[key] = page.selected().code
        else:
            page.table.selectRow(1)
            chosen[key] = page.current_spec().code
    _switch_in_settings(qtbot, monkeypatch, window, "en")
    for key in ("formal", "committee", "criteria"):
        page = window.show_page(key)
        qtbot.waitUntil(lambda: window.idle, timeout=10_000)
        if key == "formal":
            shown = (page.current_row().offer_id, page.table.currentIndex().column())
        elif key == "committee":
            shown = page.selected().code
        else:
            shown = page.current_spec().code
            assert page.guidance.isEnabled() or page.read_only
        assert shown == chosen[key], key
