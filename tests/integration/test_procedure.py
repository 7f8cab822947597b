"""The rules of the procedure, each tested through the service layer."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from app.db import Database
from app.errors import UserError
from app.models import CheckAnswer, CompetitionStatus, FormalStatus
from app.scoring.types import CriterionKind
from app.services import call_setup, decisions, formal_check, registration, score_entry, workflow
from app.services.base import Actor
from app.services.exchange import export_competition
from app.services.queries import competition_detail
from app.services.results import results
from app.services.signoff import reopen, sign_off, versions
from app.services.specs import CriterionSpec, ScoreEntry
from tests.builders import DEADLINE, announced, call, offer, to_results, to_scoring

D = Decimal


def snapshot(db: Database, cid: int) -> dict[str, Any]:
    return export_competition(db, cid)


def test_announcing_says_exactly_what_is_missing(db: Database, actor: Actor, clock: Any) -> None:
    cid = call_setup.create_competition(
        db, actor, call(case_reference="", submission_deadline=None)
    )
    with pytest.raises(UserError) as caught:
        workflow.advance(db, actor, cid)
    text = caught.value.text("pl")
    assert "znak sprawy" in text
    assert "termin składania ofert" in text
    assert "co najmniej jedno kryterium" in text
    assert competition_detail(db, cid).summary.status is CompetitionStatus.DRAFT


def test_open_competition_needs_21_days_after_last_publication(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = call_setup.create_competition(
        db, actor, call(last_publication_on=(DEADLINE - timedelta(days=20)).date())
    )
    call_setup.set_criteria(
        db,
        actor,
        cid,
        [CriterionSpec("K1", "Jakość", CriterionKind.SCORED, D(10), D(10), D("0.5"))],
    )
    with pytest.raises(UserError) as caught:
        workflow.advance(db, actor, cid)
    assert "21 dni" in caught.value.text("pl")
    call_setup.update_call(
        db, actor, cid, call(last_publication_on=(DEADLINE - timedelta(days=21)).date())
    )
    assert workflow.advance(db, actor, cid) is CompetitionStatus.ANNOUNCED


def test_criteria_are_frozen_once_announced(db: Database, actor: Actor, clock: Any) -> None:
    cid = announced(db, actor, clock)
    before = snapshot(db, cid)
    with pytest.raises(UserError) as caught:
        call_setup.set_criteria(
            db, actor, cid, [CriterionSpec("K9", "Nowe", CriterionKind.SCORED, D(5), D(5), D(1))]
        )
    assert caught.value.code == "status_forbids"
    assert "zamrożone" in caught.value.text("pl")
    assert snapshot(db, cid) == before


def test_invalid_nip_is_refused_and_nothing_is_written(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = announced(db, actor, clock)
    before = snapshot(db, cid)
    with pytest.raises(UserError) as caught:
        registration.add_offer(
            db, actor, cid, offer("Fundacja Zła", 10, "1000.00", nip="5260001247")
        )
    assert caught.value.code == "id_check_digit"
    assert "cyfra nr 10 to 7" in caught.value.text("pl")
    assert "should" not in caught.value.text("pl")
    assert snapshot(db, cid) == before


def test_submissions_cannot_close_before_the_deadline(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = announced(db, actor, clock)
    clock.set(DEADLINE - timedelta(minutes=1))
    with pytest.raises(UserError) as caught:
        workflow.advance(db, actor, cid)
    assert "jeszcze nie minął" in caught.value.text("pl")


def test_late_offer_fails_the_formal_check_unless_a_decision_admits_it(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_scoring(db, actor, clock)
    detail = competition_detail(db, built.competition_id)
    late = next(o for o in detail.offers if o.code == "O4")
    assert late.late and late.formal_status is FormalStatus.REJECTED
    assert "po terminie" in late.rejection_reason
    assert all(o.formal_status is FormalStatus.ADMITTED for o in detail.offers if o.code != "O4")


def test_late_admission_decision_lets_the_offer_pass(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = announced(db, actor, clock)
    oid = registration.add_offer(db, actor, cid, offer("Fundacja Późna", -1, "1000.00"))
    clock.set(DEADLINE + timedelta(days=1))
    workflow.advance(db, actor, cid)
    workflow.advance(db, actor, cid)
    with pytest.raises(UserError):
        formal_check.admit_late_offer(db, actor, cid, oid, "  ")
    formal_check.admit_late_offer(
        db, actor, cid, oid, "Awaria skrzynki podawczej urzędu (notatka z 2.03)"
    )
    yes = {c: CheckAnswer.YES for c in ("F2", "F3", "F4", "F5", "F6")}
    assert formal_check.record_formal_check(db, actor, cid, oid, yes) is FormalStatus.ADMITTED


def test_recused_member_cannot_score_that_offer(db: Database, actor: Actor, clock: Any) -> None:
    built = to_scoring(db, actor, clock)
    before = snapshot(db, built.competition_id)
    with pytest.raises(UserError) as caught:
        score_entry.record_scores(
            db,
            actor,
            built.competition_id,
            "M3",
            [
                ScoreEntry("O1", "K1", D(8), "dobrze"),
                ScoreEntry("O2", "K1", D(8), "dobrze"),
            ],
        )
    assert caught.value.code == "member_recused"
    assert snapshot(db, built.competition_id) == before  # O1 was not written either


@pytest.mark.parametrize(
    ("value", "code", "words"),
    [(D("7.3"), "score_off_step", "kroku 0,5"), (D("11"), "score_off_scale", "0–10")],
)
def test_impossible_scores_are_refused(
    db: Database, actor: Actor, clock: Any, value: Decimal, code: str, words: str
) -> None:
    built = to_scoring(db, actor, clock)
    before = snapshot(db, built.competition_id)
    with pytest.raises(UserError) as caught:
        score_entry.record_scores(
            db, actor, built.competition_id, "M1", [ScoreEntry("O1", "K1", value, "uzasadnienie")]
        )
    assert caught.value.code == code
    assert words in caught.value.text("pl")
    assert snapshot(db, built.competition_id) == before


def test_justification_is_required_when_the_competition_says_so(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_scoring(db, actor, clock)
    with pytest.raises(UserError) as caught:
        score_entry.record_scores(
            db, actor, built.competition_id, "M1", [ScoreEntry("O1", "K1", D(8), "   ")]
        )
    assert caught.value.code == "justification_required"


def test_rejected_offer_cannot_be_scored(db: Database, actor: Actor, clock: Any) -> None:
    built = to_scoring(db, actor, clock)
    with pytest.raises(UserError) as caught:
        score_entry.record_scores(
            db, actor, built.competition_id, "M1", [ScoreEntry("O4", "K1", D(8), "x")]
        )
    assert caught.value.code == "offer_not_admitted"


def test_results_need_every_counted_members_scores(db: Database, actor: Actor, clock: Any) -> None:
    built = to_scoring(db, actor, clock)
    score_entry.record_scores(
        db, actor, built.competition_id, "M1", [ScoreEntry("O1", "K1", D(8), "uzasadnienie")]
    )
    with pytest.raises(UserError) as caught:
        workflow.advance(db, actor, built.competition_id)
    text = caught.value.text("pl")
    assert "Anna Wójcik: oceny ofert O1 (K2), O2 (K1, K2), O3 (K1, K2)" in text
    assert "Ewa Łęcka: oceny ofert O1 (K1, K2), O3 (K1, K2)" in text  # O2: recused
    assert "dr Jan Ekspert" not in text  # experts' scores are never required


def test_experts_scores_are_recorded_but_never_counted(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_results(db, actor, clock)
    view = results(db, built.competition_id)
    o1 = view.results.offer("O1")
    assert "M4" not in o1.counted_members
    assert o1.excluded_members["M4"] == "expert"
    k1 = next(c for c in o1.criteria if c.criterion_id == "K1")
    assert k1.score == D("8.67")  # (9 + 8 + 9) / 3, the expert's 1 ignored
    o2 = view.results.offer("O2")
    assert o2.excluded_members["M3"] == "recused"
    assert next(c for c in o2.criteria if c.criterion_id == "K1").score == D("7.25")


def test_member_sees_only_own_scores_until_scoring_closes(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_scoring(db, actor, clock)
    score_entry.record_scores(
        db, actor, built.competition_id, "M1", [ScoreEntry("O1", "K1", D(8), "a")]
    )
    score_entry.record_scores(
        db, actor, built.competition_id, "M2", [ScoreEntry("O1", "K1", D(6), "b")]
    )
    as_m2 = score_entry.visible_scores(db, Actor("Jan Testowy", member="M2"), built.competition_id)
    assert [(m, v) for m, _, _, v, _ in as_m2] == [("M2", D(6))]
    office = score_entry.visible_scores(db, actor, built.competition_id)
    assert {m for m, *_ in office} == {"M1", "M2"}


def test_only_the_chair_signs_off_and_signed_off_results_are_frozen(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_results(db, actor, clock)
    cid = built.competition_id
    with pytest.raises(UserError) as caught:
        sign_off(db, Actor("Jan Testowy", member="M2"), cid)
    assert caught.value.code == "only_chair"
    assert "Piotr Zieliński" in caught.value.text("pl")
    assert sign_off(db, Actor("Jan Testowy", member="M1"), cid) == 1
    frozen = snapshot(db, cid)
    with pytest.raises(UserError) as caught:
        decisions.record_manual_award(db, actor, cid, "O1", D(100), "zmiana")
    assert caught.value.code == "signed_off_locked"
    with pytest.raises(UserError) as caught:
        call_setup.set_remarks(db, actor, cid, "dopisek")
    assert caught.value.code == "signed_off_locked"
    assert snapshot(db, cid) == frozen


def test_reopening_needs_a_reason_and_leads_to_a_new_version(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_results(db, actor, clock)
    cid = built.competition_id
    chair = Actor("Jan Testowy", member="M1")
    sign_off(db, chair, cid)
    with pytest.raises(UserError) as caught:
        reopen(db, chair, cid, "")
    assert caught.value.code == "reason_required"
    reopen(db, chair, cid, "Omyłka pisarska w ocenie oferty O3 (pismo oferenta z 10.03)")
    call_setup.set_remarks(db, actor, cid, "Poprawiono omyłkę.")
    assert sign_off(db, chair, cid) == 2
    history = versions(db, cid)
    assert [v.number for v in history] == [1, 2]
    assert history[0].reopen_reason.startswith("Omyłka pisarska")
    assert history[1].reopened_at is None


def test_unresolved_tie_blocks_sign_off_until_the_committee_decides(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_scoring(db, actor, clock)
    cid = built.competition_id
    same = [("O1", "K1", "8"), ("O1", "K2", "4"), ("O3", "K1", "8"), ("O3", "K2", "4")]
    for member in ("M1", "M2"):
        score_entry.record_scores(
            db,
            actor,
            cid,
            member,
            [ScoreEntry(o, k, D(v), "uzasadnienie") for o, k, v in same]
            + [ScoreEntry("O2", k, D(v), "uzasadnienie") for k, v in (("K1", "5"), ("K2", "2"))],
        )
    score_entry.record_scores(
        db, actor, cid, "M3", [ScoreEntry(o, k, D(v), "uzasadnienie") for o, k, v in same]
    )
    workflow.advance(db, actor, cid)
    view = results(db, cid)
    assert view.results.unresolved_ties == (("O1", "O3"),)
    chair = Actor("Jan Testowy", member="M1")
    with pytest.raises(UserError) as caught:
        sign_off(db, chair, cid)
    assert "nierozstrzygnięty remis ofert O1, O3" in caught.value.text("pl")
    decisions.record_tie_order(db, actor, cid, ["O3", "O1"], "Losowanie w obecności komisji")
    ranked = results(db, cid).results
    assert ranked.offer("O3").rank == 1 and ranked.offer("O1").rank == 2
    assert sign_off(db, chair, cid) == 1


def test_cancellation_needs_a_reason(db: Database, actor: Actor, clock: Any) -> None:
    cid = announced(db, actor, clock)
    with pytest.raises(UserError):
        workflow.cancel_competition(db, actor, cid, "")
    workflow.cancel_competition(db, actor, cid, "Brak ofert spełniających wymogi (art. 18a)")
    assert competition_detail(db, cid).summary.status is CompetitionStatus.CANCELLED
