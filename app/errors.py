"""Errors a user can act on: a stable code, parameters, and words in Polish and English.

The service layer raises ``UserError``; the command line prints ``error.text(lang)`` to stderr
and the GUI shows it in a message box.  Anything else that escapes is a bug and goes to the
crash dialog with the log path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from app.words import register
from app.words.catalogue import render_safe
from app.words.errors import USER_ERRORS
from app.words.legacy import legacy_params

# code -> (Polish, English); parameters in {braces}.  The catalogue's "error" section: the
# words are in ``app.words.errors``; codes added here are words too.
MESSAGES: dict[str, tuple[str, str]] = {
    **USER_ERRORS,
    # -- end of the desktop shell block ---------------------------------------------------------
}


class CancelledError(Exception):
    """The user stopped long work (Cancel); it ends before anything is written or committed."""


# How long work reports how far it got: progress(done, total, text) returns False once the
# user asked to stop, and the work then raises ``CancelledError`` at its next step.
Progress = Callable[[int, int, str], bool]


@dataclass
class UserError(Exception):
    """An error with a message the user can act on; the data are left as they were."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    details: tuple[str, ...] = ()  # further lines (e.g. every problem of an import)

    def __post_init__(self) -> None:
        super().__init__(self.code)

    def text(self, lang: str = "pl") -> str:
        """The message in ``lang``: the catalogue's ``error.<code>`` with the parameters put
        into words (a ``Words`` parameter in the same language)."""
        params = legacy_params(self.params, lang)
        head = render_safe(f"error.{self.code}", {"code": self.code, **params}, lang)
        if self.details:
            return head + "\n" + "\n".join(f"• {line}" for line in self.details)
        return head

    def __str__(self) -> str:
        return self.text("en")


def missing(items: Iterable[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


register("error", MESSAGES)
