"""Parameters that call sites still pass as words rather than codes, put into codes.

Until every service passes codes (``Words("status.scoring")``, ``"scoring"``), a
``UserError`` may carry a status, action, hint or thing named in Polish ("ocena
merytoryczna"), or in both languages at once ("konkurs / competition").  Those exact texts are
the catalogue's own, so each is mapped back to its code and shown in the reader's language; a
parameter that matches nothing is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from app.words.catalogue import SECTIONS, Formatter, Words

# parameter name -> the catalogue section whose words it carries
PARAM_SECTIONS = {
    "status": "status",
    "current": "status",
    "target": "status",
    "action": "action",
    "hint": "hint",
    "what": "entity",
}


@cache
def _known(section: str) -> dict[str, str]:
    """Every way a call site writes a term of ``section`` -> its code."""
    known: dict[str, str] = {}
    for key, (polish, english) in SECTIONS[section].items():
        for written in (key, polish, english, f"{polish} / {english}"):
            known.setdefault(written, f"{section}.{key}")
    return known


def legacy_params(params: Mapping[str, object], lang: str) -> dict[str, object]:
    """``params`` with known words turned into ``Words`` and lists into bullet lines."""
    out: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, str) and name in PARAM_SECTIONS:
            code = _known(PARAM_SECTIONS[name]).get(value)
            if code is not None:
                value = Words(code)
            elif value.count(" / ") == 1:  # "pl / en" written by the caller itself
                polish, english = value.split(" / ")
                value = english if lang == "en" else polish
        elif isinstance(value, str) and name == "field" and value.count(" / ") == 1:
            polish, english = value.split(" / ")
            value = english if lang == "en" else polish
        elif isinstance(value, (list, tuple)):
            shown = Formatter(lang).shown
            value = "\n".join(f"• {shown(item)}" for item in value)
        out[name] = value
    return out
