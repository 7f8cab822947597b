"""Builds small competitions through the service layer for integration tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.db import Database
from app.models import CheckAnswer, CompetitionKind, CompetitionStatus
from app.scoring.types import AllocationMethod, CriterionKind, MemberRole, TieBreakerKind
from app.services import call_setup, committee, formal_check, registration, score_entry, workflow
from app.services.base import Actor
from app.services.specs import (
    ApplicantSpec,
    CallSpec,
    CriterionSpec,
    MemberSpec,
    OfferSpec,
    PolicySpec,
    ScoreEntry,
    TieBreakerSpec,
)

D = Decimal
DEADLINE = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)
VALID_NIPS = ("5260001246", "7251801126", "1132853869", "5272525995")


@dataclass
class Built:
    competition_id: int
    offer_ids: dict[str, int]


def call(kind: CompetitionKind = CompetitionKind.NGO_GRANT, **changes: object) -> CallSpec:
    values: dict[str, object] = dict(
        kind=kind,
        title="Konkurs testowy: wsparcie seniorów",
        case_reference="SO.524.9.2027",
        announced_on=(DEADLINE - timedelta(days=30)).date(),
        last_publication_on=(DEADLINE - timedelta(days=30)).date(),
        submission_deadline=DEADLINE,
        require_justification=True,
        budget=((2027, D("100000.00")),),
    )
    values.update(changes)
    return CallSpec(**values)  # type: ignore[arg-type]


CRITERIA = (
    CriterionSpec("K1", "Możliwość realizacji", CriterionKind.SCORED, D("10"), D("10"), D("0.5")),
    CriterionSpec("K2", "Kalkulacja kosztów", CriterionKind.SCORED, D("5"), D("5"), D("0.5")),
)


def announced(db: Database, actor: Actor, clock: object, **call_changes: object) -> int:
    clock.set(DEADLINE - timedelta(days=31))  # type: ignore[attr-defined]
    cid = call_setup.create_competition(db, actor, call(**call_changes))
    call_setup.set_criteria(db, actor, cid, CRITERIA)
    call_setup.set_policy(
        db,
        actor,
        cid,
        PolicySpec(
            tie_breakers=(TieBreakerSpec(TieBreakerKind.CRITERION, "K1"),),
            allocation_method=AllocationMethod.IN_ORDER_SKIP,
            discrepancy_points=D("8"),
        ),
    )
    for name, role in (
        ("Anna Wójcik", MemberRole.CHAIR),
        ("Piotr Zieliński", MemberRole.MEMBER),
        ("Ewa Łęcka", MemberRole.MEMBER),
        ("dr Jan Ekspert", MemberRole.EXPERT),
    ):
        committee.add_member(db, actor, cid, MemberSpec(name=name, role=role))
    for code in ("M1", "M2", "M3", "M4"):
        committee.sign_declaration(db, actor, cid, code, (DEADLINE - timedelta(days=31)).date())
    workflow.advance(db, actor, cid)
    return cid


def offer(name: str, hours_before: float, amount: str, nip: str | None = None) -> OfferSpec:
    return OfferSpec(
        applicant=ApplicantSpec(name=name, nip=nip, legal_form="stowarzyszenie"),
        received_at=DEADLINE - timedelta(hours=hours_before),
        requested_amount=D(amount),
        title=f"Zadanie: {name}",
    )


def to_scoring(db: Database, actor: Actor, clock: object) -> Built:
    """Four offers (O4 late), M3 recused from O2, at the scoring step."""
    cid = announced(db, actor, clock)
    ids = {}
    for index, (name, hours, amount) in enumerate(
        (
            ("Fundacja Alfa", 48, "40000.00"),
            ("Stowarzyszenie Beta", 30, "30000.00"),
            ("Koło Gamma", 5, "45000.00"),
            ("Fundacja Późna", -2, "10000.00"),
        ),
        start=1,
    ):
        ids[f"O{index}"] = registration.add_offer(
            db, actor, cid, offer(name, hours, amount, VALID_NIPS[index - 1])
        )
    clock.set(DEADLINE + timedelta(days=1))  # type: ignore[attr-defined]
    workflow.advance(db, actor, cid)
    workflow.advance(db, actor, cid)
    yes = {c: CheckAnswer.YES for c in ("F2", "F3", "F4", "F5", "F6")}
    for code in ("O1", "O2", "O3", "O4"):
        formal_check.record_formal_check(db, actor, cid, ids[code], dict(yes))
    committee.declare_conflict(db, actor, cid, "M3", "O2", "członek zarządu oferenta")
    workflow.advance(db, actor, cid)
    return Built(cid, ids)


SCORES = {
    "M1": {"O1": ("9", "4.5"), "O2": ("7", "4"), "O3": ("6", "3")},
    "M2": {"O1": ("8", "4"), "O2": ("7.5", "3.5"), "O3": ("6.5", "3")},
    "M3": {"O1": ("9", "4.5"), "O3": ("5", "2.5")},
    "M4": {"O1": ("1", "1"), "O2": ("1", "1"), "O3": ("1", "1")},  # expert: never counted
}


def score_all(db: Database, actor: Actor, built: Built) -> None:
    for member, by_offer in SCORES.items():
        entries = [
            ScoreEntry(offer_code, code, D(value), f"Uzasadnienie {member} {offer_code} {code}")
            for offer_code, values in by_offer.items()
            for code, value in zip(("K1", "K2"), values, strict=True)
        ]
        score_entry.record_scores(db, actor, built.competition_id, member, entries)


def to_results(db: Database, actor: Actor, clock: object) -> Built:
    built = to_scoring(db, actor, clock)
    score_all(db, actor, built)
    status = workflow.advance(db, actor, built.competition_id)
    assert status is CompetitionStatus.RESULTS
    return built
