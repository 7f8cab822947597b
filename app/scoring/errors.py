"""The one error the scoring engine raises: input it refuses to compute with.

The engine never guesses around bad input (a score off the scale, a price of zero, an award to
an ineligible offer); it stops with a stable code and parameters naming what is wrong, and
``app.texts.message`` turns them into Polish or English words.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


class ScoringInputError(ValueError):
    """Input the engine cannot compute with; ``code`` is stable, ``params`` are strings."""

    def __init__(self, code: str, params: Mapping[str, str] | None = None) -> None:
        self.code = code
        self.params: Mapping[str, str] = MappingProxyType(dict(params or {}))
        detail = ", ".join(f"{key}={value}" for key, value in self.params.items())
        super().__init__(f"{code}: {detail}" if detail else code)
