"""One catalogue of the words a person reads, in Polish and English (no Qt).

Every text the core produces — command line, errors, protocol and workbook labels, the
engine's explanations — is a code and its parameters; ``text(code, lang, **params)`` or a
``Words`` value puts it into words.  Numbers, amounts, dates and plural forms follow the
language through Babel (CLDR), with half-up rounding done on ``Decimal`` first.  The Qt
widgets' own chrome stays in Qt's catalogue (``tr()`` and ``resources/translations``).
"""

from __future__ import annotations

from app.words import catalogue
from app.words.catalogue import Words, codes, fields, pair, register, render, template
from app.words.cli import CHAIN_PROBLEMS, CLI_TEXTS
from app.words.errors import USER_ERRORS
from app.words.numbers import (
    LANGUAGES,
    format_count,
    format_date,
    format_datetime,
    format_decimal,
    format_exact,
    format_money,
    format_plain,
)
from app.words.protocol import PROTOCOL_TEXTS
from app.words.scoring import ERROR_TEXTS
from app.words.services import EXCHANGE_PROBLEMS, REFERENCES, VERIFY_TEXTS
from app.words.steps import STEP_TEXTS
from app.words.terms import (
    ACTIONS,
    ALLOCATION_METHODS,
    CRITERION_KINDS,
    DETAILS,
    DISCREPANCY_METHODS,
    ENTITIES,
    FIELDS,
    FORMAL_STATUSES,
    GAPS,
    HINTS,
    OPTIONS,
    ROLES,
    STATUSES,
    TERMS,
    TIE_BREAKERS,
)

for _name, _section in (
    ("term", TERMS),
    ("status", STATUSES),
    ("role", ROLES),
    ("formal", FORMAL_STATUSES),
    ("kind", CRITERION_KINDS),
    ("entity", ENTITIES),
    ("action", ACTIONS),
    ("method", ALLOCATION_METHODS),
    ("resolution", DISCREPANCY_METHODS),
    ("tiebreak", TIE_BREAKERS),
    ("option", OPTIONS),
    ("field", FIELDS),
    ("detail", DETAILS),
    ("hint", HINTS),
    ("gap", GAPS),
    ("step", STEP_TEXTS),
    ("input", ERROR_TEXTS),
    ("protocol", PROTOCOL_TEXTS),
    ("cli", CLI_TEXTS),
    ("chain", CHAIN_PROBLEMS),
    ("error", USER_ERRORS),
    ("ref", REFERENCES),
    ("xchg", EXCHANGE_PROBLEMS),
    ("verify", VERIFY_TEXTS),
):
    register(_name, _section)


def text(code: str, lang: str = "pl", /, **params: object) -> str:
    """The words of ``code`` in ``lang`` ("pl" or "en") with ``params`` put in."""
    return render(code, params, lang)


__all__ = [
    "LANGUAGES",
    "Words",
    "catalogue",
    "codes",
    "fields",
    "format_count",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_exact",
    "format_money",
    "format_plain",
    "pair",
    "register",
    "render",
    "template",
    "text",
]
