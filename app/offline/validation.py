"""Checks shared by the workbook reader and the signed-return reader.

A score is valid when it is a number on its criterion's scale (0..max) and step, with no more
decimal places than the step has.  Values read from a spreadsheet arrive as ``int`` or
``float``; they become ``Decimal`` through their shortest text form (``repr``), never through
``Decimal(float)``, so 7.5 stays ``Decimal("7.5")`` and 0.1 stays ``Decimal("0.1")``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import ROUND_FLOOR, Decimal, InvalidOperation

from app.offline.problems import ProblemCode
from app.offline.spec import ScoreKey, SheetCriterion, SheetProblem, decimal_places

#: builds a problem at the right place: (code, extra params) -> SheetProblem
ProblemAt = Callable[[str, dict[str, str]], SheetProblem]

_MAX_QUOTE = 60  # characters of a member's text quoted back in a message


def quote(text: str) -> str:
    """A member's text shortened for a message."""
    text = " ".join(str(text).split())
    return text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1] + "…"


def number_to_decimal(value: int | float) -> Decimal | None:
    """Exact ``Decimal`` of a spreadsheet number, or None for NaN/infinity."""
    if isinstance(value, int):
        return Decimal(value)
    result = Decimal(repr(value))
    return result if result.is_finite() else None


def plain(value: Decimal) -> str:
    """``Decimal`` as plain text without exponent: ``1E+1`` -> ``10``, ``7.50`` -> ``7.5``."""
    text = format(value.normalize(), "f")
    return text


def cell_score(raw: object, at: ProblemAt) -> tuple[Decimal | None, SheetProblem | None]:
    """Score of a raw cell value (as openpyxl reports it with ``data_only=False``)."""
    if raw is None:
        return None, None
    if isinstance(raw, bool):  # before int: bool is an int
        return None, at(ProblemCode.SCORE_NOT_NUMBER, {"value": "TRUE" if raw else "FALSE"})
    if isinstance(raw, int | float):
        value = number_to_decimal(raw)
        if value is None:
            return None, at(ProblemCode.SCORE_NOT_NUMBER, {"value": repr(raw)})
        return value, None
    if isinstance(raw, str):
        if not raw.strip():
            return None, None  # a cell with only spaces is as good as empty
        if raw.startswith("="):
            return None, at(ProblemCode.SCORE_FORMULA, {"formula": quote(raw)})
        return None, at(ProblemCode.SCORE_NOT_NUMBER, {"value": quote(raw)})
    if isinstance(raw, datetime | date | time | timedelta):
        # a number whose cell was given a date format: what the member sees is a date
        return None, at(ProblemCode.SCORE_NOT_NUMBER, {"value": str(raw)})
    return None, at(ProblemCode.SCORE_NOT_NUMBER, {"value": quote(str(raw))})


def text_score(raw: object, at: ProblemAt) -> tuple[Decimal | None, SheetProblem | None]:
    """Score of a value in a return file: a decimal string or null."""
    if raw is None:
        return None, None
    if not isinstance(raw, str):
        return None, at(ProblemCode.SCORE_NOT_NUMBER, {"value": quote(repr(raw))})
    try:
        value = Decimal(raw)
    except (InvalidOperation, ValueError):
        return None, at(ProblemCode.SCORE_NOT_NUMBER, {"value": quote(raw)})
    if not value.is_finite():
        return None, at(ProblemCode.SCORE_NOT_NUMBER, {"value": quote(raw)})
    return value, None


def scale_problem(value: Decimal, criterion: SheetCriterion, at: ProblemAt) -> SheetProblem | None:
    """``score_off_scale`` / ``score_off_step`` for a number, or None when it is valid."""
    if value < 0 or value > criterion.max_score:
        return at(
            ProblemCode.SCORE_OFF_SCALE,
            {"value": plain(value), "max": plain(criterion.max_score)},
        )
    if decimal_places(value) > criterion.decimals or value % criterion.step != 0:
        lower = (value / criterion.step).to_integral_value(ROUND_FLOOR) * criterion.step
        upper = min(lower + criterion.step, criterion.max_score)
        return at(
            ProblemCode.SCORE_OFF_STEP,
            {
                "value": plain(value),
                "step": plain(criterion.step),
                "lower": plain(lower),
                "upper": plain(upper),
            },
        )
    return None


def key_params(key: ScoreKey) -> dict[str, str]:
    return {"offer": key[0], "criterion": key[1]}
