"""Display of decimals, money and dates in the interface's language (never via float)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.services.base import WARSAW

NBSP = "\u00a0"


def _group(digits: str, separator: str) -> str:
    out: list[str] = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return separator.join(out)


def decimal_text(
    value: Decimal | None, places: int = 2, lang: str = "pl", grouping: bool = False
) -> str:
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    fixed = f"{value.quantize(quantum):f}"
    sign = "-" if fixed.startswith("-") else ""
    fixed = fixed.lstrip("-")
    whole, _, fraction = fixed.partition(".")
    if grouping:
        whole = _group(whole, NBSP if lang == "pl" else ",")
    mark = "," if lang == "pl" else "."
    return sign + whole + (mark + fraction if fraction else "")


def money_text(value: Decimal | None, lang: str = "pl") -> str:
    if value is None:
        return ""
    text = decimal_text(value, 2, lang, grouping=True)
    return f"{text}{NBSP}zł" if lang == "pl" else f"PLN{NBSP}{text}"


def score_text(value: Decimal | None, lang: str = "pl") -> str:
    """A score as typed: no trailing zeros ("7,5", "8")."""
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if lang == "pl" else text


def date_text(value: date | datetime | None, lang: str = "pl", with_time: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        local = value.astimezone(WARSAW)
        if with_time:
            return (
                local.strftime("%d.%m.%Y %H:%M")
                if lang == "pl"
                else local.strftime("%Y-%m-%d %H:%M")
            )
        value = local.date()
    return value.strftime("%d.%m.%Y") if lang == "pl" else value.strftime("%Y-%m-%d")


def parse_user_decimal(text: str) -> Decimal:
    """'7,5', '7.5', '1 234,50 zł' → Decimal; raises ValueError with nothing silently rounded."""
    cleaned = text.strip().replace(NBSP, "").replace(" ", "").replace("zł", "").replace("PLN", "")
    cleaned = cleaned.replace(",", ".")
    if not cleaned:
        raise ValueError("empty")
    try:
        value = Decimal(cleaned)
    except Exception as error:
        raise ValueError(text) from error
    if not value.is_finite():
        raise ValueError(text)
    return value
