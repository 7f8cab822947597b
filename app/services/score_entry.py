"""Substantive scoring: recording and removing members' scores and reading the ones an actor
may see.

Every public function that changes data is one use case and one transaction
(``Database.unit_of_work``): it completes, with its audit entries, or leaves the database as it
was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.models import (
    Competition,
    CompetitionStatus,
    Criterion,
    FormalStatus,
    Offer,
    Score,
    ScoreSource,
)
from app.scoring.types import CriterionKind
from app.services import base
from app.services.base import Actor, get_competition, require_editable
from app.services.specs import (
    ScoreEntry,
)
from app.words import Words


def check_score(criterion: Criterion, value: Decimal) -> None:
    if criterion.kind not in (CriterionKind.SCORED, CriterionKind.YES_NO) or (
        criterion.kind is CriterionKind.YES_NO and criterion.field
    ):
        raise UserError("criterion_not_scored", {"criterion": criterion.code})
    assert criterion.max_score is not None and criterion.step is not None
    if value < 0 or value > criterion.max_score:
        raise UserError(
            "score_off_scale",
            {"value": value, "criterion": criterion.code, "max": criterion.max_score},
        )
    if value % criterion.step != 0:
        raise UserError(
            "score_off_step",
            {"value": value, "criterion": criterion.code, "step": criterion.step},
        )


def record_scores(
    db: Database,
    actor: Actor,
    competition_id: int,
    member_code: str,
    entries: Iterable[ScoreEntry],
    *,
    source: ScoreSource = ScoreSource.MANUAL,
) -> int:
    """Record one member's scores (all valid, or none written); returns how many changed."""
    entries = list(entries)
    with db.unit_of_work(actor.operator, actor.member or member_code) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "scores")
        return apply_scores(session, competition, member_code, entries, source=source)


def apply_scores(
    session: Session,
    competition: Competition,
    member_code: str,
    entries: Sequence[ScoreEntry],
    *,
    source: ScoreSource,
) -> int:
    """Validate and upsert scores inside the caller's transaction (used by imports too)."""
    member = base.member_by_code(session, competition.id, member_code)
    offers = {o.code: o for o in competition.offers}
    criteria = {c.code: c for c in competition.criteria}
    recused = {c.offer_id for c in member.conflicts}
    problems: list[UserError] = []
    checked: list[tuple[Offer, Criterion, ScoreEntry]] = []
    for entry in entries:
        try:
            offer = offers.get(entry.offer_code)
            if offer is None:
                raise UserError(
                    "not_found", {"what": Words("entity.offer"), "id": entry.offer_code}
                )
            criterion = criteria.get(entry.criterion_code)
            if criterion is None:
                raise UserError(
                    "not_found", {"what": Words("entity.criterion"), "id": entry.criterion_code}
                )
            if offer.formal_status is not FormalStatus.ADMITTED:
                raise UserError("offer_not_admitted", {"offer": offer.code})
            if offer.id in recused:
                raise UserError("member_recused", {"member": member.name, "offer": offer.code})
            check_score(criterion, entry.value)
            if competition.require_justification and not entry.justification.strip():
                raise UserError(
                    "justification_required", {"offer": offer.code, "criterion": criterion.code}
                )
            checked.append((offer, criterion, entry))
        except UserError as error:
            problems.append(error)
    if problems:
        first = problems[0]
        raise UserError(
            first.code,
            first.params,
            details=tuple(Words(f"error.{p.code}", p.params) for p in problems[1:]),
        )
    existing = {
        (s.offer_id, s.criterion_id): s
        for s in session.scalars(select(Score).where(Score.member_id == member.id))
    }
    changed = 0
    now = base.now()
    for offer, criterion, entry in checked:
        score = existing.get((offer.id, criterion.id))
        if score is None:
            session.add(
                Score(
                    competition_id=competition.id,
                    member_id=member.id,
                    offer_id=offer.id,
                    criterion_id=criterion.id,
                    value=entry.value,
                    justification=entry.justification.strip(),
                    source=source,
                    entered_at=now,
                )
            )
            changed += 1
        elif score.value != entry.value or score.justification != entry.justification.strip():
            score.value = entry.value
            score.justification = entry.justification.strip()
            score.source = source
            score.entered_at = now
            changed += 1
    return changed


def delete_score(
    db: Database,
    actor: Actor,
    competition_id: int,
    member_code: str,
    offer_code: str,
    criterion_code: str,
) -> None:
    with db.unit_of_work(actor.operator, actor.member or member_code) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "scores")
        member = base.member_by_code(session, competition_id, member_code)
        offer = base.offer_by_code(session, competition_id, offer_code)
        criterion = base.criterion_by_code(session, competition_id, criterion_code)
        score = session.scalar(
            select(Score).where(
                Score.member_id == member.id,
                Score.offer_id == offer.id,
                Score.criterion_id == criterion.id,
            )
        )
        if score is not None:
            session.delete(score)  # through the unit of work, so the audit trail records it


def visible_scores(
    db: Database, actor: Actor, competition_id: int, member: str | None = None
) -> list[tuple[str, str, str, Decimal, str]]:
    """Scores as (member, offer, criterion, value, justification) that ``actor`` may see —
    of one member (a code) when ``member`` is given.

    While scoring is open a committee member sees only their own scores; office staff (no
    acting member) see all, because they type in paper cards.
    """
    with db.read() as session:
        competition = get_competition(session, competition_id)
        members = {m.id: m.code for m in competition.members}
        offers = {o.id: o.code for o in competition.offers}
        criteria = {c.id: c.code for c in competition.criteria}
        # plain columns, not ORM objects: a large competition has a quarter of a million
        statement = _visible(
            session,
            actor,
            competition,
            member,
            select(
                Score.member_id,
                Score.offer_id,
                Score.criterion_id,
                Score.value,
                Score.justification,
            ),
        )
        # fetched in batches: the driver's rows of one batch are freed while the next is read,
        # not a quarter of a million at once at the end (that one free holds the interpreter
        # lock for 20 ms, a GUI thread painting meanwhile waits for it)
        return [
            (members[member_id], offers[offer_id], criteria[criterion_id], value, justification)
            for member_id, offer_id, criterion_id, value, justification in session.execute(
                statement.execution_options(yield_per=_SCORE_BATCH)
            )
        ]


def visible_score_counts(
    db: Database, actor: Actor, competition_id: int
) -> dict[str, dict[str, int]]:
    """How many scores each member has given per offer (member → offer → count), of the
    scores ``actor`` may see (as ``visible_scores``): the progress of every member without
    reading every score."""
    with db.read() as session:
        competition = get_competition(session, competition_id)
        members = {m.id: m.code for m in competition.members}
        offers = {o.id: o.code for o in competition.offers}
        statement = _visible(
            session,
            actor,
            competition,
            None,
            select(Score.member_id, Score.offer_id, func.count()).group_by(
                Score.member_id, Score.offer_id
            ),
        )
        counts: dict[str, dict[str, int]] = {}
        for member_id, offer_id, count in session.execute(statement):
            counts.setdefault(members[member_id], {})[offers[offer_id]] = count
        return counts


def _visible(
    session: Session, actor: Actor, competition: Competition, member: str | None, statement: Any
) -> Any:
    """``statement`` over the score table limited to what ``actor`` may see (and to one
    member's scores when ``member`` is given)."""
    statement = statement.where(Score.competition_id == competition.id)
    closed = competition.status in (
        CompetitionStatus.RESULTS,
        CompetitionStatus.SIGNED_OFF,
        CompetitionStatus.ARCHIVED,
    )
    if actor.member and not closed:
        me = base.member_by_code(session, competition.id, actor.member)
        statement = statement.where(Score.member_id == me.id)
    if member is not None:
        chosen = base.member_by_code(session, competition.id, member)
        statement = statement.where(Score.member_id == chosen.id)
    return statement


_SCORE_BATCH = 10_000  # rows of the score table fetched at a time
