"""Switching the language in Settings applies at once: menus, screens, table headers, numbers
and the status bar change language, and the same competition and screen stay open."""

from __future__ import annotations

import importlib
import threading

import pytest
import shiboken6
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QTableView

from app.config import Settings
from app.ui.formatting import NBSP
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog
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


def _switch_in_settings(qtbot, monkeypatch, window: MainWindow, language: str) -> str:  # type: ignore[no-untyped-def]
    """Open the real Settings dialog from the File menu, choose ``language``, press OK;
    returns the texts the dialog showed."""
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
    window.settings_action.trigger()
    assert seen, "the Settings dialog was not opened"
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    _flush_deletions()
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    return seen[0]


def test_switching_the_language_applies_at_once_and_keeps_the_competition(
    qtbot, ui_ctx, language, clock, monkeypatch, screenshot
) -> None:  # type: ignore[no-untyped-def]
    built = to_scoring(ui_ctx.db, ui_ctx.actor(), clock)
    language("pl")
    ui_ctx.settings.language = "pl"
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
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
    language("pl")
    ui_ctx.settings.language = "pl"
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
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
        ("offers", "app.services.procedure.offer_table"),  # read by the screen's loader
        ("results", "app.services.results.results"),  # read as a task
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

    language("pl")
    ui_ctx.settings.language = "pl"
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
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
