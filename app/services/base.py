"""Shared pieces of the service layer: the acting person, the clock, lookups, guards and the
codes rules return instead of sentences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import NoReturn, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Base, Competition, CompetitionStatus, Criterion, Member, Offer
from app.words import Words
from app.words.numbers import WARSAW as WARSAW  # Polish civil time, for dates shown or parsed

T = TypeVar("T", bound=Base)


# -- Codes instead of sentences ---------------------------------------------------------------
# A rule says what is wrong with a ``UserError``: a catalogue code (``error.<code>``) and plain
# parameters.  A parameter that is itself a word (a status, an action, a hint, one thing that
# stops a step) is a ``Words`` value — a catalogue code and its own parameters — put into the
# reader's language only when the message is shown (``app.words``), so errors and their words
# cross process boundaries as plain data.


def status_words(status: CompetitionStatus) -> Words:
    return Words(f"status.{status.value}")


@dataclass(frozen=True)
class Actor:
    """Who acts: the operator at the keyboard and, where there is one, the committee member."""

    operator: str
    member: str = ""  # member code when a member acts (scores, sign-off)


def now() -> datetime:
    """The current time (tests replace this to play a competition at its own dates)."""
    return datetime.now(UTC)


def get_competition(
    session: Session, competition_id: int, *, for_update: bool = False
) -> Competition:
    statement = select(Competition).where(Competition.id == competition_id)
    if for_update and session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    competition = session.scalars(statement).first()
    if competition is None:
        raise UserError("not_found", {"what": Words("entity.competition"), "id": competition_id})
    return competition


def get_in(session: Session, model: type[T], object_id: int, competition_id: int) -> T:
    obj = session.get(model, object_id)
    if obj is None or getattr(obj, "competition_id", competition_id) != competition_id:
        raise UserError(
            "not_found", {"what": Words(f"entity.{model.__tablename__}"), "id": object_id}
        )
    return obj


def offer_by_code(session: Session, competition_id: int, code: str) -> Offer:
    offer = session.scalars(
        select(Offer).where(Offer.competition_id == competition_id, Offer.code == code)
    ).first()
    if offer is None:
        raise UserError("not_found", {"what": Words("entity.offer"), "id": code})
    return offer


def member_by_code(session: Session, competition_id: int, code: str) -> Member:
    member = session.scalars(
        select(Member).where(Member.competition_id == competition_id, Member.code == code)
    ).first()
    if member is None:
        raise UserError("not_found", {"what": Words("entity.member"), "id": code})
    return member


def criterion_by_code(session: Session, competition_id: int, code: str) -> Criterion:
    criterion = session.scalars(
        select(Criterion).where(Criterion.competition_id == competition_id, Criterion.code == code)
    ).first()
    if criterion is None:
        raise UserError("not_found", {"what": Words("entity.criterion"), "id": code})
    return criterion


# What may change in which status: one table, so the GUI can ask before it offers an action.
EDITABLE_IN: dict[str, frozenset[CompetitionStatus]] = {
    "call": frozenset({CompetitionStatus.DRAFT}),
    "call_dates": frozenset(
        {
            CompetitionStatus.DRAFT,
            CompetitionStatus.ANNOUNCED,
            CompetitionStatus.SUBMISSIONS_CLOSED,
            CompetitionStatus.FORMAL_CHECK,
            CompetitionStatus.SCORING,
            CompetitionStatus.RESULTS,
        }
    ),
    "criteria": frozenset({CompetitionStatus.DRAFT}),
    "offers": frozenset(
        {
            CompetitionStatus.ANNOUNCED,
            CompetitionStatus.SUBMISSIONS_CLOSED,
            CompetitionStatus.FORMAL_CHECK,
        }
    ),
    "formal_check": frozenset({CompetitionStatus.FORMAL_CHECK}),
    "committee": frozenset(
        {
            CompetitionStatus.DRAFT,
            CompetitionStatus.ANNOUNCED,
            CompetitionStatus.SUBMISSIONS_CLOSED,
            CompetitionStatus.FORMAL_CHECK,
            CompetitionStatus.SCORING,
        }
    ),
    "scores": frozenset({CompetitionStatus.SCORING}),
    "decisions": frozenset({CompetitionStatus.RESULTS}),
    "remarks": frozenset(
        {
            CompetitionStatus.DRAFT,
            CompetitionStatus.ANNOUNCED,
            CompetitionStatus.SUBMISSIONS_CLOSED,
            CompetitionStatus.FORMAL_CHECK,
            CompetitionStatus.SCORING,
            CompetitionStatus.RESULTS,
        }
    ),
}

# areas whose ``status_forbids`` message adds a hint on what to do instead (``hint.<area>``)
HINTED_AREAS = frozenset({"call", "criteria", "scores"})


def can_edit(competition: Competition, area: str) -> bool:
    return competition.status in EDITABLE_IN[area]


def require_editable(competition: Competition, area: str) -> None:
    if competition.status in (CompetitionStatus.SIGNED_OFF, CompetitionStatus.ARCHIVED):
        number = len(competition.protocol_versions)
        raise UserError("signed_off_locked", {"version": number})
    if competition.status not in EDITABLE_IN[area]:
        raise UserError(
            "status_forbids",
            {
                "status": status_words(competition.status),
                "action": Words(f"action.{area}"),
                "hint": Words(f"hint.{area}") if area in HINTED_AREAS else "",
            },
        )


def parse_decimal(value: object, field: str) -> Decimal:
    """A Decimal from user input: '1 234,50' and '1234.50' both work; floats are refused."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, str):
        cleaned = value.strip().replace("\u00a0", "").replace(" ", "").replace("zł", "")
        cleaned = cleaned.replace(",", ".")
        try:
            result = Decimal(cleaned)
        except InvalidOperation:
            raise UserError("value_not_a_number", {"field": field, "value": value}) from None
    else:
        raise UserError("value_not_a_number", {"field": field, "value": repr(value)})
    if not result.is_finite():
        raise UserError("value_not_a_number", {"field": field, "value": value})
    return result


def require_reason(reason: str, action: str) -> str:
    """``reason`` stripped; refused when empty (``action``: the ``action.<key>`` needing it)."""
    if not reason or not reason.strip():
        raise UserError("reason_required", {"action": Words(f"action.{action}")})
    return reason.strip()


def refuse_in_status(competition: Competition, action: str) -> NoReturn:
    """Refuse ``action`` (``action.<code>``, with its ``hint.<code>``) in the current status."""
    raise UserError(
        "status_forbids",
        {
            "status": status_words(competition.status),
            "action": Words(f"action.{action}"),
            "hint": Words(f"hint.{action}"),
        },
    )


def refuse_if_referred(code: str, ident: str, referred: list[str]) -> None:
    """Refuse a removal while other records refer to the row (``referred``: the ``ref.*``
    codes of what refers to it)."""
    if referred:
        raise UserError(code, {"id": ident, "referred": tuple(Words(r) for r in referred)})
