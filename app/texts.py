"""Words for the scoring engine's codes: explanations and input errors, in Polish and English.

The engine (``app.scoring``) explains every number with a ``Step``: a stable code and
parameters holding exact decimals as strings ("25.34").  The words live in the catalogue
(``app.words``: sections ``step`` and ``input``); this module is the engine's door to it, and
keeps the number formats its callers use ("25,34"; "1 234 567,89 zł").
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

from app.scoring.types import Step
from app.words import LANGUAGES, format_decimal, format_money, render
from app.words.catalogue import NUMBER, Formatter
from app.words.scoring import ERROR_TEXTS
from app.words.steps import STEP_TEXTS

__all__ = [
    "ERROR_TEXTS",
    "LANGUAGES",
    "STEP_TEXTS",
    "StepExplainer",
    "explain",
    "format_decimal",
    "format_money",
    "message",
    "template_fields",
]


def explain(step: Step, lang: str = "pl") -> str:
    """One explanation step as a sentence in Polish (default) or English."""
    return render("step." + step.code, step.params, lang)


class StepExplainer:
    """``explain(step, lang)`` for many steps (a protocol words 140,000), at a third of the
    cost: each template is parsed once, and each parameter value is formatted once per format
    (the same scores, weights and sums recur thousands of times).

    The words and number formats stay the catalogue's: its templates and its formatter's
    ``format_field``; ``{x:nums}`` (every number in a text shown as ``{n:num}``) formats each
    number through the same memo.  A template this does not understand (a conversion, an
    attribute or index, a nested field) goes to ``explain`` itself.  The tests compare every
    step of large documents in both languages with ``explain``.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.formatter = Formatter(lang)
        self.templates: dict[str, tuple[tuple[str, str | None, str], ...] | None] = {}
        self.shown: dict[tuple[str, str], str] = {}

    def _parse(self, code: str) -> tuple[tuple[str, str | None, str], ...] | None:
        pair = STEP_TEXTS.get(code)
        if pair is None:
            return None  # explain raises the error
        template = pair[0] if self.lang == "pl" else pair[1]
        parts: list[tuple[str, str | None, str]] = []
        for literal, name, spec, conversion in string.Formatter().parse(template):
            if name is None:
                parts.append((literal, None, ""))
            elif name.isidentifier() and conversion is None and "{" not in (spec or ""):
                parts.append((literal, name, spec or ""))
            else:
                return None
        return tuple(parts)

    def _field(self, value: str, spec: str) -> str:
        if spec == "nums":
            shown = NUMBER.sub(self._number, value) or "—"
        else:
            shown = self.formatter.format_field(value, spec)
        self.shown[(spec, value)] = shown
        return shown

    def _number(self, match: re.Match[str]) -> str:
        """One number of a ``nums`` text, shown as ``{n:num}``."""
        number = match.group(0)
        shown = self.shown.get(("num", number))
        return shown if shown is not None else self._field(number, "num")

    def __call__(self, step: Step) -> str:
        code = step.code
        if code in self.templates:
            parts = self.templates[code]
        else:
            parts = self.templates[code] = self._parse(code)
        if parts is None:
            return explain(step, self.lang)
        params = step.params
        shown = self.shown
        out: list[str] = []
        for literal, name, spec in parts:
            out.append(literal)
            if name is not None:
                value = str(params[name])
                text = shown.get((spec, value))
                out.append(text if text is not None else self._field(value, spec))
        return "".join(out)


def message(code: str, params: Mapping[str, str], lang: str = "pl") -> str:
    """The words for a ``ScoringInputError`` (its ``code`` and ``params``)."""
    return render("input." + code, params, lang)


def template_fields(template: str) -> set[str]:
    """The parameter names a template uses (for the tests)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
