"""Shared pieces of the service layer: the acting person, the clock, lookups and guards."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Base, Competition, CompetitionStatus, Criterion, Member, Offer

T = TypeVar("T", bound=Base)

WARSAW = ZoneInfo("Europe/Warsaw")  # dates in the protocol are Polish civil time

STATUS_LABELS: dict[CompetitionStatus, tuple[str, str]] = {
    CompetitionStatus.DRAFT: ("projekt", "draft"),
    CompetitionStatus.ANNOUNCED: ("ogłoszony", "announced"),
    CompetitionStatus.SUBMISSIONS_CLOSED: ("nabór zamknięty", "submissions closed"),
    CompetitionStatus.FORMAL_CHECK: ("ocena formalna", "formal check"),
    CompetitionStatus.SCORING: ("ocena merytoryczna", "scoring"),
    CompetitionStatus.RESULTS: ("wyniki", "results"),
    CompetitionStatus.SIGNED_OFF: ("zatwierdzony", "signed off"),
    CompetitionStatus.ARCHIVED: ("zarchiwizowany", "archived"),
    CompetitionStatus.CANCELLED: ("unieważniony", "cancelled"),
}


def status_label(status: CompetitionStatus, lang: str = "pl") -> str:
    pl, en = STATUS_LABELS[status]
    return en if lang == "en" else pl


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
        raise UserError("not_found", {"what": "konkurs / competition", "id": competition_id})
    return competition


def get_in(session: Session, model: type[T], object_id: int, competition_id: int) -> T:
    obj = session.get(model, object_id)
    if obj is None or getattr(obj, "competition_id", competition_id) != competition_id:
        raise UserError("not_found", {"what": model.__tablename__, "id": object_id})
    return obj


def offer_by_code(session: Session, competition_id: int, code: str) -> Offer:
    offer = session.scalars(
        select(Offer).where(Offer.competition_id == competition_id, Offer.code == code)
    ).first()
    if offer is None:
        raise UserError("not_found", {"what": "oferta / offer", "id": code})
    return offer


def member_by_code(session: Session, competition_id: int, code: str) -> Member:
    member = session.scalars(
        select(Member).where(Member.competition_id == competition_id, Member.code == code)
    ).first()
    if member is None:
        raise UserError("not_found", {"what": "członek komisji / member", "id": code})
    return member


def criterion_by_code(session: Session, competition_id: int, code: str) -> Criterion:
    criterion = session.scalars(
        select(Criterion).where(Criterion.competition_id == competition_id, Criterion.code == code)
    ).first()
    if criterion is None:
        raise UserError("not_found", {"what": "kryterium / criterion", "id": code})
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

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "call": ("zmiana ogłoszenia", "changing the call"),
    "call_dates": ("zmiana terminów i miejsc posiedzeń", "changing meeting dates"),
    "criteria": ("zmiana kryteriów i zasad oceny", "changing criteria and scoring rules"),
    "offers": ("rejestracja ofert", "registering offers"),
    "formal_check": ("ocena formalna", "the formal check"),
    "committee": ("zmiana składu komisji", "changing the committee"),
    "scores": ("wpisywanie ocen", "entering scores"),
    "decisions": ("rozstrzygnięcia komisji", "committee decisions"),
    "remarks": ("uwagi", "remarks"),
}

HINTS: dict[str, str] = {
    "call": "Kryteria i treść ogłoszenia są zamrożone po ogłoszeniu konkursu.",
    "criteria": "Kryteria i zasady oceny są zamrożone po ogłoszeniu konkursu (art. 13 uodpp).",
    "scores": "Oceny wpisuje się na etapie oceny merytorycznej.",
}


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
                "status": status_label(competition.status),
                "action": ACTION_LABELS[area][0],
                "hint": HINTS.get(area, ""),
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
            raise UserError(
                "invalid_value", {"field": field, "detail": f"„{value}” nie jest liczbą"}
            ) from None
    else:
        raise UserError("invalid_value", {"field": field, "detail": f"{value!r} nie jest liczbą"})
    if not result.is_finite():
        raise UserError("invalid_value", {"field": field, "detail": "wartość nie jest liczbą"})
    return result


def require_reason(reason: str, action: str) -> str:
    if not reason or not reason.strip():
        raise UserError("reason_required", {"action": action})
    return reason.strip()


def codes(items: Iterable[str]) -> str:
    return ", ".join(items)


def refuse_in_status(competition: Competition, action: str, hint: str) -> None:
    raise UserError(
        "status_forbids",
        {"status": status_label(competition.status), "action": action, "hint": hint},
    )


def refuse_if_referred(field: str, polish: str, english: str, referred: list[str]) -> None:
    """Refuse a removal while other records refer to the row (``referred`` names them)."""
    if referred:
        raise UserError(
            "invalid_value",
            {
                "field": field,
                "detail": f"{polish} / cannot be removed, {english}: " + ", ".join(referred),
            },
        )
