"""Parameters that call sites still pass as words rather than codes, put into codes.

Until every service passes codes (``Words("status.scoring")``, ``"scoring"``), a
``UserError`` may carry a status, action, hint, field or thing in Polish ("ocena
merytoryczna"), or in both languages at once ("konkurs / competition").  Only exact texts are
recognised — the catalogue's own words, their "Polish / English" pairs, a pair whose Polish
half is the catalogue's, and the few spellings in ``ALIASES`` — so each is shown in the
reader's language; anything else (an offer code, a name, a sentence written around a code) is
shown as it is, never cut.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from app.words.catalogue import SECTIONS, Formatter, Words
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


def legacy_params(params: Mapping[str, object], lang: str) -> dict[str, object]:
    """``params`` with known words turned into ``Words`` and lists into bullet lines."""
    out: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, str):
            code = legacy_code(name, value)
            if code is not None:
                value = Words(code)
        elif isinstance(value, (list, tuple)):
            shown = Formatter(lang).shown
            value = "\n".join(f"• {shown(item)}" for item in value)
        out[name] = value
    return out
