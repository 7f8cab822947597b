"""The services that undo a registration or a record: allowed early, refused once it matters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from app.db import Database
from app.errors import UserError
from app.models import CheckAnswer, CompetitionKind, FormalStatus
from app.scoring.types import MemberRole
from app.services import (
    call_setup,
    committee,
    formal_check,
    maintenance,
    queries,
    registration,
    workflow,
)
from app.services.base import Actor
from app.services.specs import MemberSpec
from tests.builders import DEADLINE, VALID_NIPS, announced, offer, to_scoring

YES = {code: CheckAnswer.YES for code in ("F2", "F3", "F4", "F5", "F6")}


def _trail(db: Database, cid: int, object_type: str) -> list[queries.AuditRow]:
    return queries.audit_trail(db, competition_id=cid, object_type=object_type)


def _at_formal_check(db: Database, actor: Actor, clock: Any) -> tuple[int, int]:
    cid = announced(db, actor, clock)
    offer_id = registration.add_offer(
        db, actor, cid, offer("Fundacja Alfa", 5, "1000", VALID_NIPS[0])
    )
    clock.set(DEADLINE + timedelta(days=1))
    workflow.advance(db, actor, cid)
    workflow.advance(db, actor, cid)
    return cid, offer_id


def _row(db: Database, cid: int, offer_id: int) -> formal_check.FormalCheckRow:
    return next(r for r in formal_check.formal_check_view(db, cid).rows if r.offer_id == offer_id)


def _restore(db: Database, actor: Actor, cid: int, row: formal_check.FormalCheckRow) -> None:
    formal_check.restore_formal_check(
        db,
        actor,
        cid,
        row.offer_id,
        answers=dict(row.answers),
        notes=dict(row.notes),
        status=row.status,
        rejection_reason=row.rejection_reason,
        correction=row.correction,
    )


def test_an_offer_registered_by_mistake_is_removed_with_its_figures_in_the_audit_trail(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = announced(db, actor, clock)
    registration.add_offer(db, actor, cid, offer("Fundacja Alfa", 5, "1000", VALID_NIPS[0]))
    with_figure = replace(offer("Omyłka", 4, "2000"), values=(("cena", Decimal("85.50")),))
    mistaken = registration.add_offer(db, actor, cid, with_figure)
    registration.remove_offer(db, actor, cid, mistaken)
    assert [r.applicant for r in registration.offer_table(db, cid)] == ["Fundacja Alfa"]
    removed = [r for r in _trail(db, cid, "Offer") if r.action == "delete"]
    assert len(removed) == 1 and "Omyłka" in removed[0].before
    assert any(r.action == "delete" and "Omyłka" in r.before for r in _trail(db, cid, "Applicant"))
    assert any(r.action == "delete" and "85.5" in r.before for r in _trail(db, cid, "OfferValue"))
    # registering again gets the freed number and code
    again = registration.add_offer(db, actor, cid, offer("Beta", 4, "2000"))
    assert registration.offer_spec(db, cid, again).code == "O2"
    assert maintenance.verify(db).ok


def test_an_offer_is_not_removed_once_the_formal_check_started_or_it_has_files(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = announced(db, actor, clock)
    with_file = registration.add_offer(db, actor, cid, offer("Alfa", 5, "1000"))
    registration.add_attachment(db, actor, cid, with_file, "statut.pdf", b"%PDF statut")
    recused = registration.add_offer(db, actor, cid, offer("Beta", 5, "1000"))
    committee.declare_conflict(db, actor, cid, "M2", "O2", "członek zarządu")
    plain = registration.add_offer(db, actor, cid, offer("Gamma", 5, "1000"))
    with pytest.raises(UserError) as caught:
        registration.remove_offer(db, actor, cid, with_file)
    assert "attachments" in caught.value.text("en")
    with pytest.raises(UserError) as caught:
        registration.remove_offer(db, actor, cid, recused)
    assert "recusals" in caught.value.text("en")
    clock.set(DEADLINE + timedelta(days=1))
    workflow.advance(db, actor, cid)
    workflow.advance(db, actor, cid)
    with pytest.raises(UserError) as caught:
        registration.remove_offer(db, actor, cid, plain)
    assert caught.value.code == "status_forbids"
    assert len(registration.offer_table(db, cid)) == 3


def test_the_member_added_last_is_removed_and_the_code_is_free_again(
    db: Database, actor: Actor
) -> None:
    cid = call_setup.create_from_template(db, actor, CompetitionKind.NGO_GRANT, "A")
    committee.add_member(db, actor, cid, MemberSpec(name="Anna Wójcik", role=MemberRole.CHAIR))
    committee.add_member(db, actor, cid, MemberSpec(name="Omyłka", role=MemberRole.MEMBER))
    with pytest.raises(UserError) as caught:
        committee.remove_member(db, actor, cid, "M1")  # not the last one
    assert "added last" in caught.value.text("en")
    committee.remove_member(db, actor, cid, "M2")
    members = queries.competition_detail(db, cid).members
    assert [m.name for m in members] == ["Anna Wójcik"]
    assert any(r.action == "delete" and "Omyłka" in r.before for r in _trail(db, cid, "Member"))
    committee.add_member(db, actor, cid, MemberSpec(name="Piotr", role=MemberRole.MEMBER))
    assert [m.code for m in queries.competition_detail(db, cid).members] == ["M1", "M2"]


def test_a_member_who_signed_or_scored_stays(db: Database, actor: Actor, clock: Any) -> None:
    cid = announced(db, actor, clock)  # four members, all declarations signed
    with pytest.raises(UserError) as caught:
        committee.remove_member(db, actor, cid, "M4")
    assert "impartiality declaration" in caught.value.text("en")
    built = to_scoring(db, actor, clock)
    committee.add_member(db, actor, built.competition_id, MemberSpec("Nowy", MemberRole.MEMBER))
    with pytest.raises(UserError) as caught:
        committee.remove_member(db, actor, built.competition_id, "M5")
    assert caught.value.code == "status_forbids"


def test_a_declaration_entered_by_mistake_is_withdrawn_until_scoring(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = call_setup.create_from_template(db, actor, CompetitionKind.NGO_GRANT, "A")
    committee.add_member(db, actor, cid, MemberSpec(name="Anna Wójcik", role=MemberRole.CHAIR))
    committee.sign_declaration(db, actor, cid, "M1", date(2027, 1, 5), "treść")
    assert committee.declaration_of(db, cid, "M1") == (date(2027, 1, 5), "treść")
    committee.withdraw_declaration(db, actor, cid, "M1")
    assert committee.declaration_of(db, cid, "M1") == (None, "")
    trail = [r for r in _trail(db, cid, "Member") if r.action == "update"]
    assert "2027-01-05" in trail[-1].before and '"declaration_signed_on":null' in trail[-1].after
    built = to_scoring(db, actor, clock)
    with pytest.raises(UserError) as caught:
        committee.withdraw_declaration(db, actor, built.competition_id, "M1")
    assert caught.value.code == "status_forbids"
    assert committee.declaration_of(db, built.competition_id, "M1")[0] is not None


def test_restoring_the_formal_check_unanswers_items_and_withdraws_the_request(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid, offer_id = _at_formal_check(db, actor, clock)
    untouched = _row(db, cid, offer_id)
    assert untouched.answers == () and untouched.status is FormalStatus.PENDING
    formal_check.record_formal_check(db, actor, cid, offer_id, {**YES, "F3": CheckAnswer.NO})
    formal_check.request_correction(db, actor, cid, offer_id, "Złożyć ofertę na wzorze")
    requested = _row(db, cid, offer_id)
    assert requested.status is FormalStatus.CORRECTION_REQUESTED
    formal_check.record_correction_received(db, actor, cid, offer_id, date(2027, 3, 5))
    _restore(db, actor, cid, requested)  # undo "correction received"
    assert _row(db, cid, offer_id) == requested
    _restore(db, actor, cid, untouched)  # undo everything down to the untouched row
    assert _row(db, cid, offer_id) == untouched
    deleted = {
        r.object_type for r in queries.audit_trail(db, competition_id=cid) if r.action == "delete"
    }
    assert {"FormalCheckResult", "CorrectionRequest"} <= deleted
    # the one-request rule holds again after the request was withdrawn
    formal_check.request_correction(db, actor, cid, offer_id, "Podpisać ofertę")
    assert maintenance.verify(db).ok  # the hash chain and the foreign keys are intact


def test_restoring_refuses_an_outcome_the_answers_do_not_support(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid, offer_id = _at_formal_check(db, actor, clock)
    formal_check.record_formal_check(db, actor, cid, offer_id, dict(YES))
    formal_check.request_correction(db, actor, cid, offer_id, "Podpisać ofertę")
    formal_check.record_correction_received(db, actor, cid, offer_id, date(2027, 3, 5))
    before = _row(db, cid, offer_id)
    with pytest.raises(UserError):  # the applicant has answered: the request stays
        formal_check.restore_formal_check(
            db,
            actor,
            cid,
            offer_id,
            answers=dict(before.answers),
            notes={},
            status=FormalStatus.PENDING,
            rejection_reason="",
            correction=None,
        )
    with pytest.raises(UserError):  # admitted although an item is not met
        formal_check.restore_formal_check(
            db,
            actor,
            cid,
            offer_id,
            answers={**dict(before.answers), "F3": CheckAnswer.NO},
            notes={},
            status=FormalStatus.ADMITTED,
            rejection_reason="",
            correction=before.correction,
        )
    assert _row(db, cid, offer_id) == before
