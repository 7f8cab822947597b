"""The main window: create from a template, the status bar's next step, undo, recent list."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSettings

from app.models import CompetitionKind, CompetitionStatus
from app.services import call_setup, queries, workflow
from app.ui.main_window import MainWindow
from app.ui.pages.call import CallPage
from tests.builders import DEADLINE, announced


def _window(qtbot, ui_ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_create_from_template_opens_the_call_with_the_card(qtbot, ui_ctx, user_errors) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ui_ctx)
    new_id = window.competitions.create_competition(
        CompetitionKind.INVESTOR, "Wybór inwestora 2027"
    )
    assert new_id is not None and window.competition_id == new_id
    assert window.stack.currentWidget() is window.page("call")
    codes = [c.code for c in call_setup.criteria_specs(ui_ctx.db, new_id)]
    assert codes == ["R", "C", "RK", "E", "G"]  # the investor template's card
    qtbot.waitUntil(lambda: window.idle)  # the list is read off the GUI thread
    assert window.competitions.model.rowCount() == 1
    # the status bar says what the announcement still needs
    text = window.status_label.text()
    assert "draft" in text and "case reference" in text and "submission deadline" in text
    # and "Next step" refuses with the same list instead of half-announcing
    window.next_step()
    assert user_errors and user_errors[0].code == "preconditions_missing"
    assert workflow.shell_status(ui_ctx.db, new_id).status is CompetitionStatus.DRAFT


def test_next_step_advances_and_remembers_recent(qtbot, ui_ctx, user_errors, clock) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    window = _window(qtbot, ui_ctx)
    window.open_competition(cid)
    qtbot.waitUntil(lambda: window.idle)
    assert "announced" in window.status_label.text()
    assert "has not passed" in window.status_label.text()
    clock.set(DEADLINE + timedelta(hours=1))
    window.next_step()
    assert not user_errors
    assert workflow.shell_status(ui_ctx.db, cid).status is CompetitionStatus.SUBMISSIONS_CLOSED
    qtbot.waitUntil(lambda: window.idle)
    assert "submissions closed" in window.status_label.text()
    assert QSettings().value("recent") == [str(cid)]
    assert next(a.text() for a in window.recent_menu.actions()).endswith(
        "Konkurs testowy: wsparcie seniorów"
    )


def test_call_edit_is_saved_at_once_and_undone(qtbot, ui_ctx, user_errors) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ui_ctx)
    cid = window.competitions.create_competition(CompetitionKind.NGO_GRANT, "Konkurs A")
    page = window.page("call")
    assert isinstance(page, CallPage)
    page.case_reference.setText("SO.524.7.2027")
    page.case_reference.editingFinished.emit()
    assert call_setup.call_spec(ui_ctx.db, cid).case_reference == "SO.524.7.2027"
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert call_setup.call_spec(ui_ctx.db, cid).case_reference == ""
    assert page.case_reference.text() == ""
    window.redo_action.trigger()
    assert call_setup.call_spec(ui_ctx.db, cid).case_reference == "SO.524.7.2027"
    trail = queries.audit_trail(ui_ctx.db, competition_id=cid, object_type="Competition")
    assert any("SO.524.7.2027" in row.after for row in trail)


def test_duplicate_and_search(qtbot, ui_ctx, user_errors) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ui_ctx)
    page = window.competitions
    first = page.create_competition(CompetitionKind.PROVIDER, "Wybór usługodawcy")
    window.nav.setCurrentRow(0)
    page.select_competition(first)
    qtbot.waitUntil(lambda: page.idle)  # the list is read off the GUI thread
    assert page.selected() is not None and page.selected().id == first
    copy = page.duplicate_selected()
    assert copy is not None and copy != first
    qtbot.waitUntil(lambda: page.idle)
    assert page.selected() is not None and page.selected().id == copy  # the copy, selected
    titles = sorted(r.title for r in page.model.rows())
    assert titles == ["Wybór usługodawcy", "Wybór usługodawcy (kopia)"]
    page.search.setText("kopia")
    assert page.proxy.rowCount() == 1
    assert not page.archive_button.isEnabled()  # only a signed-off competition is archived
