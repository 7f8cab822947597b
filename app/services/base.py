"""Shared pieces of the service layer: the acting person, the clock, lookups, guards and the
codes rules return instead of sentences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import NoReturn, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Base, Competition, CompetitionStatus, Criterion, Member, Offer

T = TypeVar("T", bound=Base)

WARSAW = ZoneInfo("Europe/Warsaw")  # dates in the protocol are Polish civil time


# -- Codes instead of sentences ---------------------------------------------------------------
# A rule says what is wrong with a code and plain parameters; the words for every code live in
# ``app.errors.MESSAGES``.  A parameter that is itself a word (a status, a role, an action) is
# a ``Term``: its code, worded in the reader's language when the message is shown.  A field a
# message is about is named by the message itself; its code is passed as ``field`` as well.
# ``RuleError.text`` does the wording by looking each code up with ``UserError``, so that the
# catalogue of words can take it over without a change in the rules.


@dataclass(frozen=True)
class Term:
    """A word passed by its code (``status_scoring``, ``role_chair``, ``action_recusal``)."""

    code: str


@dataclass(frozen=True)
class Gap:
    """One thing that stops a step (or one problem of a request): a code and its parameters."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = "pl") -> str:
        return RuleError(self.code, dict(self.params)).text(lang)


def gap(code: str, **params: object) -> Gap:
    return Gap(code, tuple(params.items()))


@dataclass
class RuleError(UserError):
    """A ``UserError`` whose parameters may be ``Term``s, ``Gap``s, dates and lists, and whose
    further problems (``more``) are ``Gap``s: each is worded in the reader's language when the
    message is shown, not when the rule fails."""

    more: tuple[Gap, ...] = ()

    def text(self, lang: str = "pl") -> str:
        params = {key: _worded(value, lang) for key, value in self.params.items()}
        lines = (*self.details, *(problem.text(lang) for problem in self.more))
        return UserError(self.code, params, lines).text(lang)


def term_text(term: Term, lang: str = "pl") -> str:
    """The word of ``term`` in ``lang`` (from ``app.errors.MESSAGES``)."""
    return UserError(term.code).text(lang)


def _worded(value: object, lang: str) -> object:
    if isinstance(value, Term):
        return term_text(value, lang)
    if isinstance(value, Gap):
        return value.text(lang)
    if isinstance(value, datetime):
        local = value.astimezone(WARSAW)
        return f"{local:%d.%m.%Y %H:%M}" if lang == "pl" else f"{local:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}" if lang == "pl" else value.isoformat()
    if isinstance(value, (list, tuple)):
        items = [_worded(item, lang) for item in value]
        if any(isinstance(item, Gap) for item in value):
            return "\n".join(f"• {item}" for item in items)  # one line per gap
        return ", ".join(str(item) for item in items)
    return value


def status_term(status: CompetitionStatus) -> Term:
    return Term(f"status_{status.value}")


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
        raise RuleError("not_found", {"what": Term("what_competition"), "id": competition_id})
    return competition


def get_in(session: Session, model: type[T], object_id: int, competition_id: int) -> T:
    obj = session.get(model, object_id)
    if obj is None or getattr(obj, "competition_id", competition_id) != competition_id:
        raise RuleError("not_found", {"what": Term(f"what_{model.__tablename__}"), "id": object_id})
    return obj


def offer_by_code(session: Session, competition_id: int, code: str) -> Offer:
    offer = session.scalars(
        select(Offer).where(Offer.competition_id == competition_id, Offer.code == code)
    ).first()
    if offer is None:
        raise RuleError("not_found", {"what": Term("what_offer"), "id": code})
    return offer


def member_by_code(session: Session, competition_id: int, code: str) -> Member:
    member = session.scalars(
        select(Member).where(Member.competition_id == competition_id, Member.code == code)
    ).first()
    if member is None:
        raise RuleError("not_found", {"what": Term("what_member"), "id": code})
    return member


def criterion_by_code(session: Session, competition_id: int, code: str) -> Criterion:
    criterion = session.scalars(
        select(Criterion).where(Criterion.competition_id == competition_id, Criterion.code == code)
    ).first()
    if criterion is None:
        raise RuleError("not_found", {"what": Term("what_criterion"), "id": code})
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

# areas whose ``status_forbids`` message adds a hint on what to do instead (``hint_<area>``)
HINTED_AREAS = frozenset({"call", "criteria", "scores"})


def can_edit(competition: Competition, area: str) -> bool:
    return competition.status in EDITABLE_IN[area]


def require_editable(competition: Competition, area: str) -> None:
    if competition.status in (CompetitionStatus.SIGNED_OFF, CompetitionStatus.ARCHIVED):
        number = len(competition.protocol_versions)
        raise UserError("signed_off_locked", {"version": number})
    if competition.status not in EDITABLE_IN[area]:
        raise RuleError(
            "status_forbids",
            {
                "status": status_term(competition.status),
                "action": Term(f"area_{area}"),
                "hint": Term(f"hint_{area}") if area in HINTED_AREAS else "",
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
    """``reason`` stripped; refused when empty (``action``: the code of what needs it)."""
    if not reason or not reason.strip():
        raise RuleError("reason_required", {"action": Term(f"action_{action}")})
    return reason.strip()


def refuse_in_status(competition: Competition, action: str) -> NoReturn:
    """Refuse ``action`` (``action_<code>``, with its ``hint_<code>``) in the current status."""
    raise RuleError(
        "status_forbids",
        {
            "status": status_term(competition.status),
            "action": Term(f"action_{action}"),
            "hint": Term(f"hint_{action}"),
        },
    )


def refuse_if_referred(code: str, ident: str, referred: list[str]) -> None:
    """Refuse a removal while other records refer to the row (``referred``: their term codes)."""
    if referred:
        raise RuleError(code, {"id": ident, "referred": tuple(Term(r) for r in referred)})
