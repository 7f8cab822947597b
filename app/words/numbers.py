"""Numbers, amounts, dates and plural forms for one language, through Babel (CLDR data).

Decimals never pass through ``float``: a value is first rounded half-up with
``Decimal.quantize`` (the protocol's rule, like Excel's ROUND) and only then handed to Babel,
whose own rounding is half-even and so must never have anything left to round.  Babel supplies
the locale's symbols (decimal comma, grouping space) and the plural categories (Polish
"1 oferta / 2 oferty / 5 ofert / 22 oferty").
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

LANGUAGES = ("pl", "en")
NBSP = "\u00a0"
WARSAW = ZoneInfo("Europe/Warsaw")  # the protocol and its readers keep Polish civil time
MAX_SHOWN_PLACES = 6  # longer expansions (1/3 …) are cut to 4 places and marked with "…"


@cache
def locale(lang: str) -> Locale:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return Locale.parse(lang)


@cache
def _symbols(lang: str) -> dict[int, str]:
    """``str.translate`` table from Python's "-1,234.5" to the locale's symbols."""
    where = locale(lang)
    group = get_group_symbol(where).replace("\u202f", NBSP)  # one kind of no-break space
    return str.maketrans(
        {",": group, ".": get_decimal_symbol(where), "-": get_minus_sign_symbol(where)}
    )


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _babel(value: Decimal, places: int, lang: str, grouping: bool) -> str:
    """``value`` (already rounded to ``places``) in the locale's symbols.  Python's exact
    ``Decimal`` formatting writes the digits (Babel's own formatter rounds half-even, and this
    runs for every cell of a protocol); CLDR, through Babel, gives the symbols."""
    if value == 0:
        value = abs(value)  # "-0,00" is not a number anybody writes
    text = format(value, f"{',' if grouping else ''}.{places}f")
    return text.translate(_symbols(lang))


def format_decimal(value: Decimal, places: int, lang: str = "pl", grouping: bool = False) -> str:
    """``value`` rounded half-up to ``places``: "25,34" in Polish, "25.34" in English."""
    quantum = Decimal(1).scaleb(-places)
    return _babel(value.quantize(quantum, rounding=ROUND_HALF_UP), places, lang, grouping)


def format_money(value: Decimal, lang: str = "pl") -> str:
    """An amount in złoty: "1 234 567,89 zł" (no-break spaces) or "PLN 1,234,567.89"."""
    text = format_decimal(value, 2, lang, grouping=True)
    return f"{text}{NBSP}zł" if lang == "pl" else f"PLN {text}"


def format_exact(value: Decimal, lang: str = "pl") -> str:
    """A decimal with the places it carries ("4.50" → "4,50", "1E+1" → "10"); an expansion
    longer than six places (a third…) is cut to four and marked with "…"."""
    places = _places(value)
    if places > MAX_SHOWN_PLACES:
        cut = value.quantize(Decimal("0.0001"), rounding=ROUND_DOWN)
        return _babel(cut, 4, lang, False) + "…"
    return _babel(value, places, lang, False)


def format_plain(value: Decimal, lang: str = "pl") -> str:
    """A setting's value without trailing zeros: "10.0000" and "1E+1" → "10", "2.50" → "2,5"."""
    if value == value.to_integral_value():
        return _babel(value.quantize(Decimal(1)), 0, lang, False)
    return format_exact(value.normalize(), lang)


def format_count(value: int, lang: str = "pl") -> str:
    """A whole number of things, grouped: "12 345" / "12,345"."""
    return _babel(Decimal(value), 0, lang, True)


def parse_decimal(text: str) -> Decimal | None:
    """A parameter's exact decimal, or ``None`` for text that is not a number ("—")."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def plural_category(count: Decimal | int, lang: str = "pl") -> str:
    """CLDR plural category of ``count``: "one", "few", "many" or "other"."""
    return str(locale(lang).plural_form(count))


def format_date(value: date, lang: str = "pl") -> str:
    """22.11.2026 in Polish, 2026-11-22 in English (ISO, as the protocol prints it)."""
    return value.strftime("%d.%m.%Y") if lang == "pl" else value.isoformat()


def format_datetime(value: datetime, lang: str = "pl") -> str:
    """22.11.2026, godz. 14:30 / 2026-11-22 14:30, in Warsaw time (a moment stored in UTC is
    shown as the office's clock showed it; a time without a zone is shown as it is)."""
    if value.tzinfo is not None:
        value = value.astimezone(WARSAW)
    return value.strftime("%d.%m.%Y, godz. %H:%M" if lang == "pl" else "%Y-%m-%d %H:%M")
