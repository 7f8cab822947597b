"""Numbers, amounts, dates and explanations as the protocol prints them.

Amounts, decimals and explanation sentences come from ``app.texts`` — the one place for those
rules (decimal comma, half-up rounding, non-breaking spaces in "1 234 567,89 zł").  What the
protocol adds lives here: scores as entered (hundreds of thousands of them in the annex, so
formatted without any rounding machinery), signed deviations, and dates and times.

Times are printed in Polish time (Europe/Warsaw), ``22.11.2026 10:15`` in Polish and
``2026-11-22 10:15`` in English (as ``app.texts`` writes them).  Without the IANA database (a
Windows machine without ``tzdata``) the EU summer-time rule, which Poland follows, is applied.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from app.texts import explain, format_decimal, format_money

log = logging.getLogger(__name__)

NBSP = "\u00a0"


def format_score(value: Decimal, lang: str) -> str:
    """A member's score as entered, without padding: ``8.5`` → ``"8,5"``, ``9`` → ``"9"``."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "pl" else text


def format_signed(value: Decimal, places: int, lang: str) -> str:
    """A deviation with an explicit sign: ``+0,35`` / ``−0,20`` (minus sign, not hyphen)."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format_decimal(abs(rounded), places, lang)
    if rounded == 0:
        return text
    return ("+" if rounded > 0 else "\u2212") + text


# -- time -------------------------------------------------------------------------------------


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


class _PolishTime(tzinfo):
    """CET/CEST by the EU rule (changes at 01:00 UTC on the last Sundays of March/October)."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=1) + self.dst(dt)

    def dst(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(0)
        naive = dt.replace(tzinfo=None)
        start = datetime.combine(_last_sunday(naive.year, 3), datetime.min.time()) + timedelta(
            hours=2
        )
        end = datetime.combine(_last_sunday(naive.year, 10), datetime.min.time()) + timedelta(
            hours=2
        )
        return timedelta(hours=1) if start <= naive < end else timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "CEST" if self.dst(dt) else "CET"

    def fromutc(self, dt: datetime) -> datetime:
        naive = dt.replace(tzinfo=None)
        start = datetime.combine(_last_sunday(naive.year, 3), datetime.min.time()) + timedelta(
            hours=1
        )
        end = datetime.combine(_last_sunday(naive.year, 10), datetime.min.time()) + timedelta(
            hours=1
        )
        offset = timedelta(hours=2) if start <= naive < end else timedelta(hours=1)
        return (naive + offset).replace(tzinfo=self)


@cache
def polish_zone() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Warsaw")
    except Exception:  # no IANA database on this machine: the rule is enough for Poland
        log.info("Europe/Warsaw not in the time zone database; using the EU summer-time rule")
        return _PolishTime()


def to_polish_time(value: datetime) -> datetime:
    return value.astimezone(polish_zone())


def format_date(value: date | None, lang: str = "pl") -> str:
    """``22.11.2026`` in Polish, ``2026-11-22`` in English; ``—`` for no date."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = to_polish_time(value).date()
    if lang == "pl":
        return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    return value.isoformat()


def format_datetime(value: datetime | None, lang: str = "pl") -> str:
    """``22.11.2026 10:15`` (``2026-11-22 10:15``) in Polish time."""
    if value is None:
        return "—"
    local = to_polish_time(value)
    return f"{format_date(local.date(), lang)} {local.hour:02d}:{local.minute:02d}"


def excel_datetime(value: datetime) -> datetime:
    """Naive Polish wall-clock time, which is what a spreadsheet cell can hold."""
    return to_polish_time(value).replace(tzinfo=None)


def pdf_date(value: datetime) -> str:
    """PDF date string ``D:YYYYMMDDHHmmSS+HH'mm'`` in UTC (also used in XMP, see pdfa)."""
    utc = value.astimezone(UTC)
    return utc.strftime("D:%Y%m%d%H%M%S+00'00'")


def xmp_date(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


__all__ = [
    "NBSP",
    "excel_datetime",
    "explain",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_money",
    "format_score",
    "format_signed",
    "pdf_date",
    "polish_zone",
    "to_polish_time",
    "xmp_date",
]
