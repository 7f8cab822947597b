"""The status machine: the order of the stages, what each needs before it starts, moving on,
back to scoring and cancelling.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.db.audit import record_event
from app.errors import UserError, missing
from app.models import (
    Competition,
    CompetitionKind,
    CompetitionStatus,
    FormalStatus,
    Score,
)
from app.scoring.types import AllocationMethod, CriterionKind, MemberRole, TieBreakerKind
from app.services import base
from app.services.base import Actor, get_competition, require_reason, status_label
from app.services.call_setup import MIN_DAYS_OPEN_COMPETITION, effective_budget
from app.services.committee import counted_members
from app.services.formal_check import auto_fail_late_offers

MAX_MISSING_LISTED = 25


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


def missing_for(
    session: Session, competition: Competition, target: CompetitionStatus, lang: str = "pl"
) -> list[str]:
    """Everything that stops ``competition`` from moving to ``target``, in plain words."""
    en = lang == "en"
    out: list[str] = []
    if target is CompetitionStatus.ANNOUNCED:
        if not competition.case_reference:
            out.append("case reference" if en else "znak sprawy")
        if competition.announced_on is None:
            out.append("announcement date" if en else "data ogłoszenia")
        if competition.submission_deadline is None:
            out.append("submission deadline" if en else "termin składania ofert")
        if not competition.criteria:
            out.append("at least one criterion" if en else "co najmniej jedno kryterium oceny")
        if competition.kind is CompetitionKind.NGO_GRANT and competition.submission_deadline:
            published = competition.last_publication_on or competition.announced_on
            if published is not None:
                deadline_day = competition.submission_deadline.astimezone(base.WARSAW).date()
                if (deadline_day - published).days < MIN_DAYS_OPEN_COMPETITION:
                    out.append(
                        f"a deadline at least 21 days after the last publication ({published})"
                        if en
                        else f"termin składania ofert co najmniej 21 dni od ostatniej publikacji "
                        f"ogłoszenia ({published:%d.%m.%Y}; art. 13 ust. 1 uodpp)"
                    )
        codes = {c.code for c in competition.criteria}
        for rule in competition.tie_breakers:
            if rule.kind is TieBreakerKind.CRITERION and rule.ref not in codes:
                out.append(
                    f"tie-breaker names unknown criterion {rule.ref}"
                    if en
                    else f"kryterium rozstrzygania remisów {rule.ref} nie istnieje"
                )
        policy = competition.policy
        needs_budget = policy.allocation_method not in (AllocationMethod.NONE,)
        if needs_budget and not effective_budget(competition):
            out.append("the budget to allocate" if en else "kwota środków do podziału")
    elif target is CompetitionStatus.SUBMISSIONS_CLOSED:
        deadline = competition.submission_deadline
        if deadline is not None and base.now() < deadline:
            out.append(
                f"the submission deadline has not passed ({deadline.isoformat()})"
                if en
                else f"termin składania ofert jeszcze nie minął "
                f"({deadline.astimezone(base.WARSAW):%d.%m.%Y %H:%M})"
            )
    elif target is CompetitionStatus.FORMAL_CHECK:
        if not competition.offers:
            out.append(
                "at least one offer (with none, cancel the competition)"
                if en
                else "co najmniej jedna oferta (bez ofert konkurs należy unieważnić)"
            )
    elif target is CompetitionStatus.SCORING:
        pending = [
            o.code
            for o in competition.offers
            if o.formal_status in (FormalStatus.PENDING, FormalStatus.CORRECTION_REQUESTED)
        ]
        if pending:
            out.append(
                ("formal check not finished for: " if en else "nieukończona ocena formalna ofert: ")
                + ", ".join(pending[:MAX_MISSING_LISTED])
            )
        if not any(o.formal_status is FormalStatus.ADMITTED for o in competition.offers):
            out.append(
                "at least one admitted offer (with none, cancel)"
                if en
                else "co najmniej jedna oferta dopuszczona (bez nich konkurs należy unieważnić)"
            )
        if not any(m.role is MemberRole.CHAIR for m in competition.members):
            out.append("a chair of the committee" if en else "przewodniczący komisji")
        if not counted_members(competition):
            out.append("members who score" if en else "członkowie komisji oceniający oferty")
        unsigned = [m.name for m in competition.members if m.declaration_signed_on is None]
        if unsigned:
            out.append(
                ("impartiality declarations of: " if en else "oświadczenia o bezstronności: ")
                + ", ".join(unsigned)
            )
    elif target is CompetitionStatus.RESULTS:
        out.extend(missing_scores(session, competition, lang))
    return out


def missing_scores(session: Session, competition: Competition, lang: str = "pl") -> list[str]:
    """Which counted member still owes which score (or justification)."""
    en = lang == "en"
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
    out: list[str] = []
    for member in counted_members(competition):
        recused = {c.offer_id for c in member.conflicts}
        gaps: list[str] = []
        mine = have.get(member.id, set())
        for offer in admitted:
            if offer.id in recused:
                continue
            lacking = [c.code for c in scored if (offer.id, c.id) not in mine]
            if lacking:
                gaps.append(f"{offer.code} ({', '.join(lacking)})")
        if gaps:
            shown = ", ".join(gaps[:10]) + (f" … (+{len(gaps) - 10})" if len(gaps) > 10 else "")
            out.append(f"{member.name}: " + ("scores for " if en else "oceny ofert ") + shown)
        if unjustified.get(member.id):
            out.append(
                f"{member.name}: "
                + (
                    f"{unjustified[member.id]} scores without justification"
                    if en
                    else f"{unjustified[member.id]} ocen bez uzasadnienia"
                )
            )
    return out


def advance(db: Database, actor: Actor, competition_id: int) -> CompetitionStatus:
    """Move to the next step of the procedure, if everything it needs is there."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        target = next_status(competition.status)
        if target is None:
            raise UserError(
                "transition_not_allowed",
                {"current": status_label(competition.status), "target": "—"},
            )
        if competition.status is CompetitionStatus.RESULTS:
            raise UserError(
                "transition_not_allowed",
                {
                    "current": status_label(competition.status),
                    "target": status_label(CompetitionStatus.SIGNED_OFF),
                },
            )
        gaps = missing_for(session, competition, target)
        if gaps:
            raise UserError(
                "preconditions_missing", {"target": status_label(target), "missing": missing(gaps)}
            )
        if target is CompetitionStatus.FORMAL_CHECK:
            auto_fail_late_offers(session, competition)
        competition.status = target
        return target


def reopen_scoring(db: Database, actor: Actor, competition_id: int, reason: str) -> None:
    """Back from results to scoring (before sign-off), e.g. to let a member correct a card."""
    reason = require_reason(reason, "powrót do oceny merytorycznej")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        if competition.status is not CompetitionStatus.RESULTS:
            raise UserError(
                "transition_not_allowed",
                {
                    "current": status_label(competition.status),
                    "target": status_label(CompetitionStatus.SCORING),
                },
            )
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
    reason = require_reason(reason, "unieważnienie konkursu / cancellation")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        if competition.status in (
            CompetitionStatus.SIGNED_OFF,
            CompetitionStatus.ARCHIVED,
            CompetitionStatus.CANCELLED,
        ):
            raise UserError(
                "transition_not_allowed",
                {
                    "current": status_label(competition.status),
                    "target": status_label(CompetitionStatus.CANCELLED),
                },
            )
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
    missing: tuple[str, ...]
    editable: tuple[str, ...]  # areas of ``base.EDITABLE_IN`` open in this status


def shell_status(db: Database, competition_id: int, lang: str = "pl") -> ShellStatus:
    with db.read() as session:
        c = get_competition(session, competition_id)
        target = next_status(c.status)
        gaps = tuple(missing_for(session, c, target, lang)) if target else ()
        return ShellStatus(
            competition_id=c.id,
            title=c.title,
            case_reference=c.case_reference,
            status=c.status,
            next_status=target,
            missing=gaps,
            editable=tuple(area for area in base.EDITABLE_IN if base.can_edit(c, area)),
        )
