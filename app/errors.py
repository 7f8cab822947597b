"""Errors a user can act on: a stable code, parameters, and words in Polish and English.

The service layer raises ``UserError``; the command line prints ``error.text(lang)`` to stderr
and the GUI shows it in a message box.  Anything else that escapes is a bug and goes to the
crash dialog with the log path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from app.words.catalogue import Formatter, render_safe
from app.words.legacy import legacy_params


class CancelledError(Exception):
    """The user stopped long work (Cancel); it ends before anything is written or committed."""


# How long work reports how far it got: progress(done, total, text) returns False once the
# user asked to stop, and the work then raises ``CancelledError`` at its next step.
Progress = Callable[[int, int, str], bool]


@dataclass
class UserError(Exception):
    """An error with a message the user can act on; the data are left as they were.

    ``code`` names the catalogue's ``error.<code>``; a parameter may be a ``Words`` value (a
    status, an action, one thing that is missing), a date or a number, and ``details`` are
    further problems (``Words`` or text), one line each.  Everything is put into words in the
    reader's language when the message is shown, so the error crosses process boundaries as
    plain data."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    details: tuple[object, ...] = ()  # further problems (e.g. every problem of an import)

    def __post_init__(self) -> None:
        super().__init__(self.code)

    def text(self, lang: str = "pl") -> str:
        """The message in ``lang``: ``error.<code>`` with its parameters in that language."""
        params = legacy_params(self.params)
        head = render_safe(f"error.{self.code}", {"code": self.code, **params}, lang)
        if self.details:
            shown = Formatter(lang).shown
            return head + "\n" + "\n".join(f"• {shown(line)}" for line in self.details)
        return head

    def __str__(self) -> str:
        return self.text("en")
