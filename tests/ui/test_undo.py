"""Undo and redo on the offers, formal check and committee screens, as the user does it.

Each edit is made through the screen's own widgets, undone with Ctrl+Z (Edit → Undo) and redone
with Edit → Redo; the database, the screen and the audit trail must all show it, and an undo the
service refuses (the competition moved on) is explained and changes nothing.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from app.models import CheckAnswer, CompetitionKind, CompetitionStatus, FormalStatus
from app.scoring.types import MemberRole
from app.services import call_setup, committee, formal_check, queries, registration, workflow
from app.services.specs import MemberSpec
from app.ui.main_window import MainWindow
from app.ui.pages.committee import CommitteePage, MemberDialog
from app.ui.pages.formal import FormalPage
from app.ui.pages.offers import OffersPage
from tests.builders import DEADLINE, VALID_NIPS, announced, offer

YES = {code: CheckAnswer.YES for code in ("F2", "F3", "F4", "F5", "F6")}


def _window(qtbot, ui_ctx, cid: int, page: str):  # type: ignore[no-untyped-def]
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    window.open_competition(cid)
    shown = window.show_page(page)
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    return window, shown


def _ctrl_z(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Press Ctrl+Z in the window, as the user does (the Edit menu's shortcut)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)


def _redo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)


def _audited(ui_ctx, cid: int, object_type: str, action: str, text: str) -> int:  # type: ignore[no-untyped-def]
    """How many audit entries of ``action`` on ``object_type`` mention ``text``."""
    return sum(
        1
        for row in queries.audit_trail(ui_ctx.db, competition_id=cid, object_type=object_type)
        if row.action == action and (text in row.before or text in row.after)
    )


# -- offers -----------------------------------------------------------------------------------


def test_an_offer_edit_is_undone_with_ctrl_z_and_redone(qtbot, ui_ctx, user_errors, clock) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer("Fundacja Alfa", 5, "40000"))
    window, page = _window(qtbot, ui_ctx, cid, "offers")
    assert isinstance(page, OffersPage)
    page.table.selectRow(0)
    dialog = page.offer_dialog(page.selected())
    qtbot.addWidget(dialog)
    dialog.name.setText("Fundacja Alfa Plus")
    dialog.nip.setText(VALID_NIPS[2])
    dialog.amount.setText("55 000,50")
    dialog.accept()
    qtbot.waitUntil(lambda: window.idle)
    assert page.model.row_at(0).applicant == "Fundacja Alfa Plus"
    assert "Edit offer O1" in window.undo_action.text()

    _ctrl_z(qtbot, window)
    (row,) = registration.offer_table(ui_ctx.db, cid)
    assert (row.applicant, row.nip, row.requested) == ("Fundacja Alfa", None, Decimal("40000"))
    assert page.model.row_at(0).applicant == "Fundacja Alfa"
    assert page.model.row_at(0).requested == Decimal("40000")
    # the undo is a normal save: the trail shows the data going back
    assert _audited(ui_ctx, cid, "Applicant", "update", "Fundacja Alfa Plus") == 2

    _redo(qtbot, window)
    (row,) = registration.offer_table(ui_ctx.db, cid)
    assert (row.applicant, row.nip, row.requested) == (
        "Fundacja Alfa Plus",
        VALID_NIPS[2],
        Decimal("55000.50"),
    )
    assert page.model.row_at(0).applicant == "Fundacja Alfa Plus"
    assert not user_errors


def test_adding_an_offer_is_undone_until_the_formal_check(
    qtbot, ui_ctx, user_errors, clock
) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    window, page = _window(qtbot, ui_ctx, cid, "offers")
    assert isinstance(page, OffersPage)
    dialog = page.offer_dialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Omyłkowa Fundacja")
    dialog.amount.setText("1 000,00")
    dialog.accept()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "Add offer O1" in window.undo_action.text()

    _ctrl_z(qtbot, window)
    assert registration.offer_table(ui_ctx.db, cid) == ()
    assert page.model.rowCount() == 0
    assert _audited(ui_ctx, cid, "Offer", "delete", "O1") == 1

    _redo(qtbot, window)  # registered again under the same code
    assert [(r.code, r.applicant) for r in registration.offer_table(ui_ctx.db, cid)] == [
        ("O1", "Omyłkowa Fundacja")
    ]
    assert page.model.rowCount() == 1

    # once the formal check has started the offer stays: the undo says so and changes nothing
    clock.set(DEADLINE + timedelta(days=1))
    workflow.advance(ui_ctx.db, ui_ctx.actor(), cid)
    workflow.advance(ui_ctx.db, ui_ctx.actor(), cid)
    _ctrl_z(qtbot, window)
    assert user_errors and user_errors[-1].code == "status_forbids"
    assert "removing a registered offer" in user_errors[-1].text("en")
    assert [r.code for r in registration.offer_table(ui_ctx.db, cid)] == ["O1"]
    assert page.model.rowCount() == 1
    assert not window.undo_action.isEnabled()  # the refused step left the history


# -- formal check -----------------------------------------------------------------------------


def _at_formal_check(ui_ctx, clock) -> int:  # type: ignore[no-untyped-def]
    db, actor = ui_ctx.db, ui_ctx.actor()
    cid = announced(db, actor, clock)
    for number, name in enumerate(("Alfa", "Beta")):
        registration.add_offer(db, actor, cid, offer(name, 5 - number, "1000", VALID_NIPS[number]))
    clock.set(DEADLINE + timedelta(days=1))
    workflow.advance(db, actor, cid)
    workflow.advance(db, actor, cid)
    return cid


def _formal_row(ui_ctx, cid: int, code: str):  # type: ignore[no-untyped-def]
    rows = formal_check.formal_check_view(ui_ctx.db, cid).rows
    return next(row for row in rows if row.code == code)


def test_a_checklist_answer_is_undone_and_redone(qtbot, ui_ctx, user_errors, clock) -> None:  # type: ignore[no-untyped-def]
    cid = _at_formal_check(ui_ctx, clock)
    window, page = _window(qtbot, ui_ctx, cid, "formal")
    assert isinstance(page, FormalPage)
    untouched = _formal_row(ui_ctx, cid, "O1")
    assert untouched.answers == ()
    f3 = next(c for c in range(page.model.columnCount()) if page.model.headerData(c, 1) == "F3")
    assert page.model.setData(page.model.index(0, f3), "n")  # typing N into the grid
    qtbot.waitUntil(lambda: window.idle)
    assert dict(_formal_row(ui_ctx, cid, "O1").answers)["F3"] is CheckAnswer.NO
    assert "Formal check of O1" in window.undo_action.text()

    _ctrl_z(qtbot, window)
    assert _formal_row(ui_ctx, cid, "O1") == untouched  # F3 is unanswered again
    assert page.model.index(0, f3).data(Qt.ItemDataRole.EditRole) == ""
    assert _audited(ui_ctx, cid, "FormalCheckResult", "delete", '"answer":"no"') == 1

    _redo(qtbot, window)
    assert dict(_formal_row(ui_ctx, cid, "O1").answers)["F3"] is CheckAnswer.NO
    assert page.model.index(0, f3).data(Qt.ItemDataRole.EditRole) == "no"
    assert not user_errors


def test_a_rejection_and_a_correction_request_are_undone(qtbot, ui_ctx, user_errors, clock) -> None:  # type: ignore[no-untyped-def]
    cid = _at_formal_check(ui_ctx, clock)
    window, page = _window(qtbot, ui_ctx, cid, "formal")
    assert isinstance(page, FormalPage)
    page.answer_all_yes(page.model.view.rows[1])
    qtbot.waitUntil(lambda: window.idle)
    admitted = _formal_row(ui_ctx, cid, "O2")
    assert admitted.status is FormalStatus.ADMITTED
    page.reject(page.model.view.rows[1], "F3", "Nieaktualny wzór oferty.")
    qtbot.waitUntil(lambda: window.idle)
    page.request_correction(page.model.view.rows[1], "Złożyć ofertę na wzorze", 7)
    qtbot.waitUntil(lambda: window.idle)
    requested = _formal_row(ui_ctx, cid, "O2")
    assert requested.status is FormalStatus.CORRECTION_REQUESTED
    assert "Correction request for O2" in window.undo_action.text()

    _ctrl_z(qtbot, window)  # the request is withdrawn
    rejected = _formal_row(ui_ctx, cid, "O2")
    assert rejected.correction is None and rejected.status is FormalStatus.REJECTED
    assert rejected.rejection_reason == "Nieaktualny wzór oferty."
    assert page.model.view.rows[1].status is FormalStatus.REJECTED
    assert _audited(ui_ctx, cid, "CorrectionRequest", "delete", "Złożyć ofertę") == 1
    _ctrl_z(qtbot, window)  # the rejection is undone: admitted again
    assert _formal_row(ui_ctx, cid, "O2") == admitted
    assert page.model.index(1, page.model.columnCount() - 3).data() == "admitted"

    _redo(qtbot, window)
    _redo(qtbot, window)
    again = _formal_row(ui_ctx, cid, "O2")
    assert again.status is FormalStatus.CORRECTION_REQUESTED
    assert again.rejection_reason == "Nieaktualny wzór oferty."
    assert not user_errors


def test_an_undo_refused_after_the_formal_check_closed_changes_nothing(
    qtbot, ui_ctx, user_errors, clock
) -> None:  # type: ignore[no-untyped-def]
    cid = _at_formal_check(ui_ctx, clock)
    window, page = _window(qtbot, ui_ctx, cid, "formal")
    assert isinstance(page, FormalPage)
    formal_check.record_formal_check(
        ui_ctx.db, ui_ctx.actor(), cid, page.model.view.rows[0].offer_id, YES
    )
    page.answer_all_yes(page.model.view.rows[1])
    qtbot.waitUntil(lambda: window.idle)
    workflow.advance(ui_ctx.db, ui_ctx.actor(), cid)  # scoring (another window moved on)
    before = formal_check.formal_check_view(ui_ctx.db, cid)
    trail = len(queries.audit_trail(ui_ctx.db, competition_id=cid))
    _ctrl_z(qtbot, window)
    assert user_errors and user_errors[-1].code == "status_forbids"
    assert formal_check.formal_check_view(ui_ctx.db, cid) == before
    assert len(queries.audit_trail(ui_ctx.db, competition_id=cid)) == trail
    assert workflow.shell_status(ui_ctx.db, cid).status is CompetitionStatus.SCORING


# -- committee --------------------------------------------------------------------------------


def _accepting(monkeypatch, fill):  # type: ignore[no-untyped-def]
    """The member dialog, filled in by ``fill`` and confirmed with OK instead of shown."""

    def exec_(dialog: MemberDialog) -> int:
        fill(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(MemberDialog, "exec", exec_)


def test_a_member_edit_and_a_new_member_are_undone(qtbot, ui_ctx, user_errors, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    window, page = _window(qtbot, ui_ctx, cid, "committee")
    assert isinstance(page, CommitteePage)

    def chair(dialog: MemberDialog) -> None:
        dialog.name.setText("Anna Wójcik")
        dialog.role.setCurrentIndex(dialog.role.findData(MemberRole.CHAIR.value))

    _accepting(monkeypatch, chair)
    page.add_button.click()
    qtbot.waitUntil(lambda: page.members_model.rowCount() == 1)
    assert "Add member M1" in window.undo_action.text()

    def renamed(dialog: MemberDialog) -> None:
        assert dialog.name.text() == "Anna Wójcik"
        dialog.name.setText("Anna Wójcik-Nowak")
        dialog.role.setCurrentIndex(dialog.role.findData(MemberRole.SECRETARY.value))

    _accepting(monkeypatch, renamed)
    page.members.selectRow(0)
    page.edit_button.click()
    qtbot.waitUntil(lambda: window.idle)
    assert page.members_model.row_at(0).name == "Anna Wójcik-Nowak"
    assert "Edit member M1" in window.undo_action.text()

    _ctrl_z(qtbot, window)  # the edit
    spec = committee.member_spec(ui_ctx.db, cid, "M1")
    assert (spec.name, spec.role) == ("Anna Wójcik", MemberRole.CHAIR)
    assert page.members_model.row_at(0).name == "Anna Wójcik"
    assert _audited(ui_ctx, cid, "Member", "update", "Anna Wójcik-Nowak") == 2
    _ctrl_z(qtbot, window)  # the new member
    assert queries.competition_detail(ui_ctx.db, cid).members == ()
    assert page.members_model.rowCount() == 0
    assert _audited(ui_ctx, cid, "Member", "delete", "Anna Wójcik") == 1

    _redo(qtbot, window)
    _redo(qtbot, window)
    (member,) = queries.competition_detail(ui_ctx.db, cid).members
    assert (member.code, member.name, member.role) == (
        "M1",
        "Anna Wójcik-Nowak",
        MemberRole.SECRETARY,
    )
    assert page.members_model.row_at(0).name == "Anna Wójcik-Nowak"
    assert not user_errors


def test_a_declaration_is_undone_but_never_a_recusal(qtbot, ui_ctx, user_errors, clock) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer("Alfa", 5, "100"))
    committee.withdraw_declaration(ui_ctx.db, ui_ctx.actor(), cid, "M2")
    window, page = _window(qtbot, ui_ctx, cid, "committee")
    assert isinstance(page, CommitteePage)
    assert page.members_model.index(1, 4).data() == "not yet"
    page.members.selectRow(1)
    page.declaration_button.click()  # signed today
    qtbot.waitUntil(lambda: window.idle)
    signed_on, _text = committee.declaration_of(ui_ctx.db, cid, "M2")
    assert signed_on is not None
    assert page.members_model.index(1, 4).data() != "not yet"
    assert "Declaration of M2" in window.undo_action.text()

    _ctrl_z(qtbot, window)
    assert committee.declaration_of(ui_ctx.db, cid, "M2") == (None, "")
    assert page.members_model.index(1, 4).data() == "not yet"
    _redo(qtbot, window)
    assert committee.declaration_of(ui_ctx.db, cid, "M2")[0] == signed_on

    # a recusal is a recorded decision: it does not enter the undo history
    page.recuse("M3", "O1", "członek zarządu oferenta")
    qtbot.waitUntil(lambda: window.idle)
    assert "Declaration of M2" in window.undo_action.text()
    _ctrl_z(qtbot, window)  # undoes the declaration, not the recusal
    assert queries.competition_detail(ui_ctx.db, cid).members[2].recused_from == ("O1",)
    assert committee.declaration_of(ui_ctx.db, cid, "M2") == (None, "")
    assert not user_errors


def test_undoing_a_member_someone_else_has_followed_is_refused(
    qtbot, ui_ctx, user_errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    window, page = _window(qtbot, ui_ctx, cid, "committee")
    assert isinstance(page, CommitteePage)
    _accepting(monkeypatch, lambda dialog: dialog.name.setText("Anna Wójcik"))
    page.add_button.click()
    qtbot.waitUntil(lambda: window.idle)
    # another office worker adds a member in their own window
    committee.add_member(ui_ctx.db, ui_ctx.actor(), cid, MemberSpec("Piotr", MemberRole.MEMBER))
    _ctrl_z(qtbot, window)
    assert user_errors and "added last" in user_errors[-1].text("en")
    members = queries.competition_detail(ui_ctx.db, cid).members
    assert [(m.code, m.name) for m in members] == [("M1", "Anna Wójcik"), ("M2", "Piotr")]
    assert page.members_model.rowCount() == 2
    assert not window.undo_action.isEnabled()
