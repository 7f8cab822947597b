"""Parameters that a few GUI call sites still pass as words rather than codes, put into codes.

The services and the command line pass codes (``Words("entity.member")``); until the GUI does
too, a ``UserError`` raised there may carry a status, action, hint, field or thing in Polish,
or in both languages at once ("członek komisji / member").  Only exact texts are recognised —
the catalogue's own words, their "Polish / English" pairs, a pair whose Polish half is the
catalogue's, and the few spellings in ``ALIASES`` — so each is shown in the reader's language;
anything else (an offer code, a name, a sentence written around a code) is shown as it is,
never cut.  Delete this module when the last such call site passes a code.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from app.words.catalogue import SECTIONS, Words
from app.words.terms import ALIASES

# parameter name -> the catalogue sections whose words it may carry
PARAM_SECTIONS: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "current": ("status",),
    "target": ("status",),
    "action": ("action",),
    "hint": ("hint",),
    "what": ("entity",),
    "field": ("field", "entity"),
    "detail": ("detail",),
}


@cache
def _known(sections: tuple[str, ...]) -> dict[str, str]:
    """Every way a call site writes a term of ``sections`` -> its code."""
    known: dict[str, str] = {}
    for section in sections:
        for key, (polish, english) in SECTIONS[section].items():
            if "{" in polish:
                continue  # a term with parameters is only ever passed as ``Words``
            for written in (key, polish, english, f"{polish} / {english}"):
                known.setdefault(written, f"{section}.{key}")
    for written, code in ALIASES.items():
        if code.partition(".")[0] in sections:
            known.setdefault(written, code)
    return known


def legacy_code(name: str, value: str) -> str | None:
    """The code a parameter ``name`` written as ``value`` stands for, if it is known."""
    sections = PARAM_SECTIONS.get(name)
    if sections is None:
        return None
    known = _known(sections)
    if value in known:
        return known[value]
    polish, slash, _ = value.partition(" / ")
    return known.get(polish) if slash else None


def legacy_params(params: Mapping[str, object]) -> dict[str, object]:
    """``params`` with known words written as text turned into ``Words``."""
    out: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, str):
            code = legacy_code(name, value)
            if code is not None:
                value = Words(code)
        out[name] = value
    return out
