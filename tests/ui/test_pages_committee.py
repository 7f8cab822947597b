"""Committee: an advisory expert, a recusal through the conflicts matrix, declarations."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.models import CompetitionKind
from app.scoring.types import MemberRole
from app.services import call_setup, queries, registration
from app.services.specs import MemberSpec
from app.ui.pages.committee import CommitteePage
from tests.builders import announced, offer


def test_members_roles_and_declarations(qtbot, ui_ctx, user_errors, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    page = CommitteePage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_competition(cid)
    qtbot.waitUntil(lambda: page.idle)
    assert "No members yet" in page.banner.text()
    page.add_member(MemberSpec(name="Anna Wójcik", role=MemberRole.CHAIR))
    page.add_member(MemberSpec(name="dr Jan Ekspert", role=MemberRole.EXPERT))
    assert page.add_member(MemberSpec(name="Drugi Przewodniczący", role=MemberRole.CHAIR)) is None
    assert user_errors and "has a chair" in user_errors[-1].text("en")
    qtbot.waitUntil(lambda: page.idle)
    qtmodeltester.check(page.members_model)
    expert = page.members_model.row_at(1)
    assert page.members_model.index(1, 2).data() == "advisory expert"
    assert "never count" in page.members_model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert page.members_model.index(1, 4).data() == "not yet"
    page.sign_declaration(expert.code, date(2027, 1, 5))
    qtbot.waitUntil(lambda: page.idle)
    assert page.members_model.index(1, 4).data() == "2027-01-05"


def test_recusal_through_the_matrix(qtbot, ui_ctx, user_errors, clock, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer("Alfa", 5, "100"))
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer("Beta", 4, "100"))
    page = CommitteePage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_competition(cid)
    qtbot.waitUntil(lambda: page.idle)
    asked = []
    page.conflicts_model.on_recuse = lambda m, o: (
        asked.append((m, o)),
        page.recuse(m, o, "członek zarządu oferenta"),
    )
    qtmodeltester.check(page.conflicts_model)
    cell = page.conflicts_model.index(2, 1)  # M3 × O2
    assert page.conflicts_model.setData(cell, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert asked == [("M3", "O2")]
    qtbot.waitUntil(lambda: page.idle)
    cell = page.conflicts_model.index(2, 1)
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "członek zarządu oferenta"
    # a recusal is not undone by unticking
    assert not page.conflicts_model.flags(cell) & Qt.ItemFlag.ItemIsUserCheckable
    members = queries.competition_detail(ui_ctx.db, cid).members
    assert members[2].recused_from == ("O2",)
    assert page.members_model.index(2, 5).data() == "O2"
