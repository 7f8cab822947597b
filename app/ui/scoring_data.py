"""One competition's scoring as plain values: what the scoring screen shows, read in one go.

No Qt here: the screen reads this in the worker process (``app.ui.worker``) and receives it
pickled; ``app.ui.scoring_models`` shows it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, NamedTuple

from app.errors import UserError
from app.services import queries, score_entry
from app.services.base import Actor
from app.ui.worker import worker_database

Key = tuple[str, str]  # (offer code, criterion code)

SCORING_STATUS = "scoring"  # CompetitionStatus.SCORING (a StrEnum: equal to its value)


# ---------------------------------------------------------------------------------------------
# Plain data of one competition's scoring


@dataclass(frozen=True)
class GridCriterion:
    """A criterion the members score: scale 0..``max_score`` in multiples of ``step``."""

    code: str
    name: str
    max_score: Decimal
    step: Decimal
    weight: Decimal
    guidance: str = ""


class GridOffer(NamedTuple):  # a tuple: 2,000 of them are no work for the collector
    code: str
    applicant: str
    title: str = ""


@dataclass(frozen=True)
class GridMember:
    code: str
    name: str
    role: str  # MemberRole value: chair, secretary, member, expert
    recused_from: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ScoringData:
    """Everything the scoring screen shows, read through the services in one go."""

    competition_id: int
    title: str
    case_reference: str
    status: str
    require_justification: bool
    criteria: tuple[GridCriterion, ...]
    offers: tuple[GridOffer, ...]  # admitted offers only; rejected ones are never scored
    members: tuple[GridMember, ...]
    # member code -> (offer, criterion) -> (value, justification); only what the actor may see,
    # and only of the member whose card was read (``card_member``): a card is 2,000 × 15
    # scores, the whole committee's a quarter of a million
    scores: Mapping[str, Mapping[Key, tuple[Decimal, str]]] = field(default_factory=dict)
    card_member: str = ""
    # member code -> offer code -> how many scores (every member's progress, counted in SQL)
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def editable(self) -> bool:
        return self.status == SCORING_STATUS

    def member(self, code: str) -> GridMember | None:
        return next((m for m in self.members if m.code == code), None)

    def progress(self, member_code: str) -> tuple[int, int]:
        """(scores given, scores due) for one member: admitted offers not recused × criteria."""
        member = self.member(member_code)
        if member is None:
            return 0, 0
        due_offers = {o.code for o in self.offers} - member.recused_from
        criteria = {c.code for c in self.criteria}
        if member_code in self.scores:  # the card read: counted from its scores, kept current
            given = sum(
                1
                for (offer, criterion) in self.scores[member_code]
                if offer in due_offers and criterion in criteria
            )
        else:  # scores are given only for the criteria members score
            counts = self.counts.get(member_code, {})
            given = sum(counts.get(offer, 0) for offer in due_offers)
        return given, len(due_offers) * len(criteria)


def is_member_scored(kind: str, field_name: str | None) -> bool:
    """Scored by members: SCORED criteria and yes/no criteria without an offer field."""
    return kind == "scored" or (kind == "yes_no" and not field_name)


def load_scoring_data(
    db: Any, actor: Actor, competition_id: int, lang: str = "pl", member: str | None = None
) -> ScoringData:
    """Read a competition's criteria, offers and committee, one member's card of the scores
    ``actor`` may see (``member``; else the acting member, else the first), and how many
    scores every member has given."""
    detail = queries.competition_detail(db, competition_id, lang)
    criteria = tuple(
        GridCriterion(
            code=c.code,
            name=c.name,
            max_score=c.max_score or Decimal(1),
            step=c.step or Decimal(1),
            weight=c.weight,
            guidance=c.guidance,
        )
        for c in detail.criteria
        if is_member_scored(c.kind, c.field)
    )
    offers = tuple(
        GridOffer(code=o.code, applicant=o.applicant, title=o.title)
        for o in detail.offers
        if o.formal_status == "admitted"
    )
    members = tuple(
        GridMember(
            code=m.code, name=m.name, role=str(m.role), recused_from=frozenset(m.recused_from)
        )
        for m in detail.members
    )
    codes = [m.code for m in members]
    if actor.member and actor.member in codes:
        member = actor.member  # a committee member's own card
    elif member not in codes:
        member = codes[0] if codes else None
    card: dict[Key, tuple[Decimal, str]] = {}
    if member is not None:
        for _member, offer, criterion, value, justification in score_entry.visible_scores(
            db, actor, competition_id, member
        ):
            card[(offer, criterion)] = (value, justification)
    counts = score_entry.visible_score_counts(db, actor, competition_id)
    return ScoringData(
        competition_id=competition_id,
        title=detail.summary.title,
        case_reference=detail.summary.case_reference,
        status=str(detail.summary.status),
        require_justification=detail.require_justification,
        criteria=criteria,
        offers=offers,
        members=members,
        scores={member: card} if member is not None else {},
        card_member=member or "",
        counts=counts,
    )


def load_other_card(db: Any, actor: Actor, data: ScoringData, member: str) -> ScoringData:
    """``data`` with ``member``'s card instead of the one it holds: only that card is read.

    Switching between members re-reads neither the competition nor every member's count;
    the count of the card let go is taken from its scores, which the screen kept current.
    """
    if data.member(member) is None:  # what ``actor`` may see is the service's to decide
        raise UserError("not_found", {"what": "członek komisji / member", "id": member})
    card: dict[Key, tuple[Decimal, str]] = {}
    for _member, offer, criterion, value, justification in score_entry.visible_scores(
        db, actor, data.competition_id, member
    ):
        card[(offer, criterion)] = (value, justification)
    return replace(card_set_aside(data), scores={member: card}, card_member=member)


def card_set_aside(data: ScoringData) -> ScoringData:
    """``data`` without the card it holds, whose member is now counted from its scores: what
    ``load_other_card`` needs, without the scores that it replaces anyway."""
    counts = dict(data.counts)
    if data.card_member in data.scores:
        counts[data.card_member] = Counter(offer for offer, _c in data.scores[data.card_member])
    return replace(data, scores={}, counts=counts)


def read_scoring(
    url: str,
    actor: Actor,
    competition_id: int,
    lang: str,
    member: str | None,
    aside: ScoringData | None,
) -> tuple[ScoringData, dict[str, tuple[int, int]]]:
    """In the worker process: the scoring screen's data with ``member``'s card — only that
    card when ``aside`` (``card_set_aside`` of what the screen shows) is given — and every
    member's progress."""
    db = worker_database(url)
    if aside is not None and member is not None:
        data = load_other_card(db, actor, aside, member)
    else:
        data = load_scoring_data(db, actor, competition_id, lang, member)
    return data, {m.code: data.progress(m.code) for m in data.members}
