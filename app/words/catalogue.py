"""The catalogue: every code a person may read, with its Polish and English words.

A code is ``section.key`` ("step.mean", "error.not_found", "protocol.page_of"); each section
is a table ``key -> (Polish, English)`` kept in this package (``app.errors`` registers the
user-error section it extends).  Templates name their parameters and say how to show them:

``{x}``                 as it is (a ``Words`` put into words, a ``Decimal`` as "10" or "4,50")
``{x:num}``             an exact decimal with the places it carries ("4,50"; never "1E+1")
``{x:dec}``             a setting without trailing zeros ("10.0000" → "10", "2.50" → "2,5")
``{x:num2}``            rounded half-up to two places
``{x:money}``           an amount: "1 234 567,89 zł" / "PLN 1,234,567.89"
``{x:pct}``             a ratio as a percentage; ``{x:signed}`` a number with its sign
``{x:nums}``            a text in which every number is shown as ``num``
``{x:count}``           a whole number, grouped ("12 345")
``{x:list}``            a text that may be empty ("—"); ``{x:lines}`` items as bullet lines
``{x:date}``/``{x:dt}`` a date (22.11.2026) or a date and time
``{x:code:prefix}``     ``x`` is a code: the words of ``prefix + x`` ("{role:code:role.}")
``{n:plural:one=# ofertę|few=# oferty|many=# ofert|other=# oferty}``
                        the CLDR plural form of ``n`` in this language, ``#`` standing for
                        ``n`` itself

Polish is the default language.  A missing code or parameter is a bug and raises.
"""

from __future__ import annotations

import logging
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.words.numbers import (
    LANGUAGES,
    format_count,
    format_date,
    format_datetime,
    format_decimal,
    format_exact,
    format_money,
    format_plain,
    parse_decimal,
    plural_category,
)

log = logging.getLogger(__name__)

Pair = tuple[str, str]  # (Polish, English)
Section = Mapping[str, Pair]

NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:E[+-]?\d+)?(?![\w.])")

SECTIONS: dict[str, Section] = {}


def register(name: str, section: Section) -> None:
    """Make ``section``'s keys readable as ``name.key``."""
    SECTIONS[name] = section


@dataclass(frozen=True)
class Words:
    """A text not yet put into words: a catalogue code and its parameters.

    Services return these (or put them into a ``UserError``'s parameters) instead of
    sentences, so that the reader's language is chosen where the text is shown.  Two are
    equal when code and parameters are; the parameters are a dict, so a ``Words`` is not
    hashable."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # a plain dict: a Words value crosses into and out of worker processes (pickled), and
        # a read-only view such as the engine's ``MappingProxyType`` cannot be pickled
        object.__setattr__(self, "params", dict(self.params))

    def text(self, lang: str = "pl") -> str:
        return render(self.code, self.params, lang)


def pair(code: str) -> Pair:
    """The Polish and English templates of ``code``."""
    section, _, key = code.partition(".")
    table = SECTIONS.get(section)
    if table is None or key not in table:
        raise KeyError(f"no words for code {code!r}")
    return table[key]


def template(code: str, lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    polish, english = pair(code)
    return polish if lang == "pl" else english


def render(code: str, params: Mapping[str, object], lang: str = "pl") -> str:
    """The words of ``code`` in ``lang`` with ``params`` put in."""
    return render_template(template(code, lang), params, lang)


def render_template(text: str, params: Mapping[str, object], lang: str = "pl") -> str:
    return Formatter(lang).vformat(text, (), dict(params))


def render_safe(code: str, params: Mapping[str, object], lang: str = "pl") -> str:
    """``render`` for a message that must reach the user even if its words are wrong (an
    error about to be shown): a missing code or parameter is logged as the bug it is, and the
    code with its parameters is shown instead of nothing."""
    try:
        return render(code, params, lang)
    except (KeyError, IndexError, ValueError):
        log.exception("no words for %s with %s", code, sorted(params))
        shown = ", ".join(f"{name}={value}" for name, value in params.items())
        return f"{code} ({shown})"


def fields(text: str) -> dict[str, str]:
    """The parameter names a template uses, each with its format ("" when shown as is)."""
    return {name: spec or "" for _, name, spec, _ in string.Formatter().parse(text) if name}


def codes() -> list[str]:
    """Every code of the catalogue, section by section."""
    return [f"{name}.{key}" for name, table in SECTIONS.items() for key in table]


def _plural(value: object, forms: str, lang: str) -> str:
    count = value if isinstance(value, (int, Decimal)) else Decimal(str(value))
    chosen: dict[str, str] = {}
    for form in forms.split("|"):
        category, _, words = form.partition("=")
        chosen[category] = words
    words = chosen.get(plural_category(count, lang), chosen["other"])
    shown = format_count(count, lang) if isinstance(count, int) else format_plain(count, lang)
    return words.replace("#", shown)


class Formatter(string.Formatter):
    """``str.format`` with the catalogue's formats for one language."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang

    def shown(self, value: object) -> str:
        """A parameter without a format: words put into words, numbers shown exactly."""
        lang = self.lang
        if isinstance(value, Words):
            return value.text(lang)
        if isinstance(value, bool):
            return render("term.yes" if value else "term.no", {}, lang)
        if isinstance(value, Decimal):
            return (
                format_plain(value, lang)
                if value == value.to_integral_value()
                else (format_exact(value, lang))
            )
        if isinstance(value, datetime):
            return format_datetime(value, lang)
        if isinstance(value, date):
            return format_date(value, lang)
        if isinstance(value, (list, tuple)):
            return ", ".join(self.shown(item) for item in value)
        return str(value)

    def _number(self, value: object) -> Decimal | None:
        if isinstance(value, Decimal):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)
        return parse_decimal(str(value))

    def format_field(self, value: Any, format_spec: str) -> str:
        lang = self.lang
        if format_spec == "":
            return self.shown(value)
        kind, _, argument = format_spec.partition(":")
        if kind == "code":
            if value in ("", "—", None):
                return "—"  # no such thing (a member without a role, …)
            if isinstance(value, Words):
                return value.text(lang)  # already the code of its section
            return render(argument + str(value), {}, lang)
        if kind == "plural":
            return _plural(value, argument, lang)
        if kind == "lines":
            if not isinstance(value, (list, tuple)):
                return self.shown(value)  # already lines
            return "\n".join(f"• {self.shown(item)}" for item in value)
        if kind == "list":
            return self.shown(value) or "—"
        if kind == "nums":
            text = self.shown(value)
            return NUMBER.sub(lambda m: format_exact(Decimal(m.group(0)), lang), text) or "—"
        if kind == "dt":
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
            return format_datetime(moment, lang)
        if kind == "date":
            day = value if isinstance(value, date) else date.fromisoformat(str(value))
            return format_date(day, lang)
        number = self._number(value)
        if number is None:
            return self.shown(value)  # "—" and the like stand for a missing number
        if kind == "num":
            return format_exact(number, lang)
        if kind == "dec":
            return format_plain(number, lang)
        if kind == "num2":
            return format_decimal(number, 2, lang)
        if kind == "count":
            return format_count(int(number), lang)
        if kind == "money":
            return format_money(number, lang)
        if kind == "pct":
            return format_plain(number * 100, lang) + "%"
        if kind == "signed":
            shown = format_exact(number, lang)
            return shown if number <= 0 else "+" + shown
        raise ValueError(f"unknown format {format_spec!r}")
