"""The call screen: validation as you type, the 21-day rule, read-only after announcement."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QTime

from app.models import CompetitionKind
from app.services import call_setup
from app.ui.pages.call import CallPage
from tests.builders import announced


def _page(qtbot, ui_ctx, cid):  # type: ignore[no-untyped-def]
    page = CallPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_competition(cid)
    return page


def test_an_empty_title_is_flagged_and_never_saved(qtbot, ui_ctx, user_errors) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    page = _page(qtbot, ui_ctx, cid)
    page.title_edit.setText("")
    assert "title is required" in page.title_error.text()
    page.title_edit.editingFinished.emit()
    assert call_setup.call_spec(ui_ctx.db, cid).title == "A"
    page.title_edit.setText("Konkurs B")
    page.title_edit.editingFinished.emit()
    assert call_setup.call_spec(ui_ctx.db, cid).title == "Konkurs B"
    assert page.title_error.isHidden()


def test_a_deadline_under_21_days_is_warned_for_an_open_competition(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    page = _page(qtbot, ui_ctx, cid)
    page.announced_on.enabled_box.setChecked(True)
    page.announced_on.edit.setDate(QDate(2027, 1, 4))
    page.deadline.enabled_box.setChecked(True)
    page.deadline.edit.setDateTime(QDateTime(QDate(2027, 1, 20), QTime(15, 0)))
    page.deadline.changed.emit()
    warning = page.deadline_warning.text()
    assert "Only 16 days" in warning and "2027-01-25" in warning
    page.deadline.edit.setDateTime(QDateTime(QDate(2027, 1, 26), QTime(15, 0)))
    page.deadline.changed.emit()
    assert page.deadline_warning.text() == ""
    saved = call_setup.call_spec(ui_ctx.db, cid)
    assert saved.submission_deadline == datetime(2027, 1, 26, 14, 0, tzinfo=UTC)  # 15:00 CET


def test_budget_lines_are_edited_in_the_table(qtbot, ui_ctx, user_errors) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    page = _page(qtbot, ui_ctx, cid)
    page.add_year.click()
    index = page.budget_model.index(0, 1)
    assert page.budget_model.setData(index, "150 000,50")
    assert call_setup.call_spec(ui_ctx.db, cid).budget[0][1] == __import__("decimal").Decimal(
        "150000.50"
    )
    assert not page.budget_model.setData(index, "12,345")
    assert user_errors and "two decimal places" in user_errors[-1].text("en")


def test_read_only_after_announcement(qtbot, ui_ctx, clock) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    page = _page(qtbot, ui_ctx, cid)
    assert page.title_edit.isReadOnly()
    assert "can no longer be changed" in page.banner.text()


def test_budget_model_passes_the_model_tester(qtmodeltester, qtbot, ui_ctx, clock) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    page = _page(qtbot, ui_ctx, cid)
    qtmodeltester.check(page.budget_model)
