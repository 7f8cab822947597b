"""The status machine: the order of the stages, what each needs before it starts, moving on,
back to scoring and cancelling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.db.audit import record_event
from app.errors import UserError
from app.models import (
    Competition,
    CompetitionKind,
    CompetitionStatus,
    FormalStatus,
    Score,
)
from app.scoring.types import AllocationMethod, CriterionKind, MemberRole, TieBreakerKind
from app.services import base
from app.services.base import Actor, get_competition, require_reason
from app.services.call_setup import MIN_DAYS_OPEN_COMPETITION, effective_budget
from app.services.committee import counted_members
from app.services.formal_check import auto_fail_late_offers
from app.words import Words

MAX_MISSING_LISTED = 25  # offers named in "formal check not finished"
SCORES_LISTED = 10  # offers named per member in "scores missing"


_FLOW: dict[CompetitionStatus, CompetitionStatus] = {
    CompetitionStatus.DRAFT: CompetitionStatus.ANNOUNCED,
    CompetitionStatus.ANNOUNCED: CompetitionStatus.SUBMISSIONS_CLOSED,
    CompetitionStatus.SUBMISSIONS_CLOSED: CompetitionStatus.FORMAL_CHECK,
    CompetitionStatus.FORMAL_CHECK: CompetitionStatus.SCORING,
    CompetitionStatus.SCORING: CompetitionStatus.RESULTS,
    CompetitionStatus.SIGNED_OFF: CompetitionStatus.ARCHIVED,
}


def next_status(status: CompetitionStatus) -> CompetitionStatus | None:
    return _FLOW.get(status)


# -- What each stage needs before it starts ----------------------------------------------------
# One table: for each target status, the checks that must find nothing.  A check reads the
# competition and yields a ``Words`` (a code and its plain parameters) for everything missing.

Check = Callable[[Session, Competition], Iterable[Words]]


def _required(code: str, present: Callable[[Competition], object]) -> Check:
    """A check that yields ``code`` when ``present(competition)`` is empty."""

    def check(_session: Session, competition: Competition) -> Iterator[Words]:
        if not present(competition):
            yield Words(code)

    return check


def _open_competition_deadline(_session: Session, competition: Competition) -> Iterator[Words]:
    """Open competitions: the deadline at least 21 days after the last publication."""
    deadline = competition.submission_deadline
    published = competition.last_publication_on or competition.announced_on
    if competition.kind is not CompetitionKind.NGO_GRANT or deadline is None or published is None:
        return
    if (deadline.astimezone(base.WARSAW).date() - published).days < MIN_DAYS_OPEN_COMPETITION:
        yield Words(
            "gap.deadline_too_short", {"days": MIN_DAYS_OPEN_COMPETITION, "published": published}
        )


def _tie_breakers_known(_session: Session, competition: Competition) -> Iterator[Words]:
    codes = {c.code for c in competition.criteria}
    for rule in competition.tie_breakers:
        if rule.kind is TieBreakerKind.CRITERION and rule.ref not in codes:
            yield Words("gap.tie_breaker_criterion", {"criterion": rule.ref})


def _budget(_session: Session, competition: Competition) -> Iterator[Words]:
    if competition.policy.allocation_method is not AllocationMethod.NONE and not effective_budget(
        competition
    ):
        yield Words("gap.budget")


def _deadline_passed(_session: Session, competition: Competition) -> Iterator[Words]:
    deadline = competition.submission_deadline
    if deadline is not None and base.now() < deadline:
        yield Words("gap.deadline_not_passed", {"deadline": deadline})


def _formal_check_finished(_session: Session, competition: Competition) -> Iterator[Words]:
    pending = [
        o.code
        for o in competition.offers
        if o.formal_status in (FormalStatus.PENDING, FormalStatus.CORRECTION_REQUESTED)
    ]
    if pending:
        yield Words(
            "gap.formal_check_pending",
            {"offers": tuple(pending[:MAX_MISSING_LISTED]), "count": len(pending)},
        )


def _declarations_signed(_session: Session, competition: Competition) -> Iterator[Words]:
    unsigned = [m.name for m in competition.members if m.declaration_signed_on is None]
    if unsigned:
        yield Words("gap.declarations", {"members": tuple(unsigned)})


CHECKS: dict[CompetitionStatus, tuple[Check, ...]] = {
    CompetitionStatus.ANNOUNCED: (
        _required("gap.case_reference", lambda c: c.case_reference),
        _required("gap.announced_on", lambda c: c.announced_on),
        _required("gap.submission_deadline", lambda c: c.submission_deadline),
        _required("gap.criteria", lambda c: c.criteria),
        _open_competition_deadline,
        _tie_breakers_known,
        _budget,
    ),
    CompetitionStatus.SUBMISSIONS_CLOSED: (_deadline_passed,),
    CompetitionStatus.FORMAL_CHECK: (_required("gap.offers", lambda c: c.offers),),
    CompetitionStatus.SCORING: (
        _formal_check_finished,
        _required(
            "gap.admitted_offer",
            lambda c: any(o.formal_status is FormalStatus.ADMITTED for o in c.offers),
        ),
        _required("gap.chair", lambda c: any(m.role is MemberRole.CHAIR for m in c.members)),
        _required("gap.counted_members", counted_members),
        _declarations_signed,
    ),
    CompetitionStatus.RESULTS: (lambda session, c: missing_scores(session, c),),
}


def missing_for(
    session: Session, competition: Competition, target: CompetitionStatus
) -> list[Words]:
    """Everything that stops ``competition`` from moving to ``target``, as codes."""
    return [found for check in CHECKS.get(target, ()) for found in check(session, competition)]


def missing_scores(session: Session, competition: Competition) -> list[Words]:
    """Which counted member still owes which score (or justification)."""
    scored = [
        c
        for c in competition.criteria
        if c.kind is CriterionKind.SCORED or (c.kind is CriterionKind.YES_NO and not c.field)
    ]
    admitted = [o for o in competition.offers if o.formal_status is FormalStatus.ADMITTED]
    have: dict[int, set[tuple[int, int]]] = {}
    unjustified: dict[int, int] = {}
    for member_id, offer_id, criterion_id, justification in session.execute(
        select(Score.member_id, Score.offer_id, Score.criterion_id, Score.justification).where(
            Score.competition_id == competition.id
        )
    ):
        have.setdefault(member_id, set()).add((offer_id, criterion_id))
        if competition.require_justification and not justification.strip():
            unjustified[member_id] = unjustified.get(member_id, 0) + 1
    out: list[Words] = []
    for member in counted_members(competition):
        recused = {c.offer_id for c in member.conflicts}
        lacking: list[str] = []
        mine = have.get(member.id, set())
        for offer in admitted:
            if offer.id in recused:
                continue
            criteria = [c.code for c in scored if (offer.id, c.id) not in mine]
            if criteria:
                lacking.append(f"{offer.code} ({', '.join(criteria)})")
        if lacking:
            more = len(lacking) - SCORES_LISTED
            shown = tuple(lacking[:SCORES_LISTED])
            out.append(
                Words("gap.scores_more", {"member": member.name, "offers": shown, "more": more})
                if more > 0
                else Words("gap.scores", {"member": member.name, "offers": shown})
            )
        if unjustified.get(member.id):
            out.append(
                Words(
                    "gap.justifications", {"member": member.name, "count": unjustified[member.id]}
                )
            )
    return out


def advance(db: Database, actor: Actor, competition_id: int) -> CompetitionStatus:
    """Move to the next step of the procedure, if everything it needs is there."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        target = next_status(competition.status)
        if competition.status is CompetitionStatus.RESULTS:
            raise UserError("advance_needs_signoff")  # the chair signs off, not ``advance``
        if target is None:
            raise UserError("no_next_status", {"status": competition.status.value})
        gaps = missing_for(session, competition, target)
        if gaps:
            raise UserError(
                "preconditions_missing",
                {"target": base.status_words(target), "missing": tuple(gaps)},
            )
        if target is CompetitionStatus.FORMAL_CHECK:
            auto_fail_late_offers(session, competition)
        competition.status = target
        return target


def _refuse_transition(competition: Competition, target: CompetitionStatus) -> NoReturn:
    raise UserError(
        "transition_not_allowed",
        {"current": base.status_words(competition.status), "target": base.status_words(target)},
    )


def reopen_scoring(db: Database, actor: Actor, competition_id: int, reason: str) -> None:
    """Back from results to scoring (before sign-off), e.g. to let a member correct a card."""
    reason = require_reason(reason, "reopen_scoring")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        if competition.status is not CompetitionStatus.RESULTS:
            _refuse_transition(competition, CompetitionStatus.SCORING)
        competition.status = CompetitionStatus.SCORING
        record_event(
            session,
            competition_id=competition.id,
            object_type="Competition",
            object_id=str(competition.id),
            action="reopen_scoring",
            after={"reason": reason},
        )


def cancel_competition(db: Database, actor: Actor, competition_id: int, reason: str) -> None:
    reason = require_reason(reason, "cancellation")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        if competition.status in (
            CompetitionStatus.SIGNED_OFF,
            CompetitionStatus.ARCHIVED,
            CompetitionStatus.CANCELLED,
        ):
            _refuse_transition(competition, CompetitionStatus.CANCELLED)
        competition.status = CompetitionStatus.CANCELLED
        competition.cancellation_reason = reason


@dataclass(frozen=True)
class ShellStatus:
    """What the status bar shows: the competition, its status and what the next step needs."""

    competition_id: int
    title: str
    case_reference: str
    status: CompetitionStatus
    next_status: CompetitionStatus | None
    missing: tuple[str, ...]  # in the language asked for
    editable: tuple[str, ...]  # areas of ``base.EDITABLE_IN`` open in this status


def shell_status(db: Database, competition_id: int, lang: str = "pl") -> ShellStatus:
    with db.read() as session:
        c = get_competition(session, competition_id)
        target = next_status(c.status)
        gaps = tuple(g.text(lang) for g in missing_for(session, c, target)) if target else ()
        return ShellStatus(
            competition_id=c.id,
            title=c.title,
            case_reference=c.case_reference,
            status=c.status,
            next_status=target,
            missing=gaps,
            editable=tuple(area for area in base.EDITABLE_IN if base.can_edit(c, area)),
        )
