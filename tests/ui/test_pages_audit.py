"""Audit trail: every change listed, filtered by object and person."""

from __future__ import annotations

from app.models import CompetitionKind
from app.scoring.types import MemberRole
from app.services import call_setup, committee
from app.services.base import Actor
from app.services.specs import MemberSpec
from app.ui.pages.audit import AuditPage


def test_filter_by_object_and_person(qtbot, ui_ctx, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    other = Actor(operator="Maria Sekretarz")
    committee.add_member(ui_ctx.db, other, cid, MemberSpec(name="Anna", role=MemberRole.CHAIR))
    page = AuditPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_competition(cid)
    qtbot.waitUntil(lambda: page.idle)
    qtmodeltester.check(page.model)
    everything = page.model.rowCount()
    assert everything > 6  # the competition, its criteria, checklist, policy, the member
    page.set_object_type("Member")
    qtbot.waitUntil(lambda: page.idle)
    assert page.model.rowCount() == 1
    assert "Maria Sekretarz" in page.model.index(0, 2).data()
    page.set_object_type("")
    page.person.setText("Maria")
    page.person.editingFinished.emit()
    qtbot.waitUntil(lambda: page.idle)
    assert {page.model.row_at(r).operator for r in range(page.model.rowCount())} == {
        "Maria Sekretarz"
    }
    page.person.setText("nikt")
    page.person.editingFinished.emit()
    qtbot.waitUntil(lambda: page.idle)
    assert page.model.rowCount() == 0
    assert "Clear the filters" in page.count.text()
