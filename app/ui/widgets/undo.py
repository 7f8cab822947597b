"""Undo and redo of edits: each command re-applies a whole saved value through a service.

A command is pushed *after* the first save succeeded, so a refused edit never enters the
stack; undo saves the previous value through the same service call (``SaveValueCommand``) or
calls the service that reverses the action (``ActionCommand``: an offer or a member added by
mistake is removed).  Every undo and redo is an ordinary service call, so it is in the audit
trail; one the service refuses (the competition moved on) is shown and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.errors import UserError

_stacks: dict[int, QUndoStack] = {}


def undo_stack(ctx: object) -> QUndoStack:
    """The one undo stack of a UI context (shared by the main window's Edit menu)."""
    stack = _stacks.get(id(ctx))
    if stack is None:
        stack = QUndoStack()
        _stacks[id(ctx)] = stack
    return stack


def forget_stack(ctx: object) -> None:
    stack = _stacks.pop(id(ctx), None)
    if stack is not None:
        stack.clear()


class ActionCommand(QUndoCommand):
    """An action already done when pushed: undo calls ``reverse``, redo calls ``again``."""

    def __init__(
        self,
        text: str,
        again: Callable[[], None],
        reverse: Callable[[], None],
        on_error: Callable[[UserError], None],
    ) -> None:
        super().__init__(text)
        self._again = again
        self._reverse = reverse
        self._on_error = on_error
        self._skip_first = True

    def _apply(self, call: Callable[[], None]) -> None:
        try:
            call()
        except UserError as error:
            self.setObsolete(True)
            self._on_error(error)

    def redo(self) -> None:
        if self._skip_first:
            self._skip_first = False
            return
        self._apply(self._again)

    def undo(self) -> None:
        self._apply(self._reverse)


class SaveValueCommand(ActionCommand):
    """Save ``new`` (already saved when pushed); undo saves ``old``; redo saves ``new`` again."""

    def __init__(
        self,
        text: str,
        save: Callable[[Any], None],
        old: Any,
        new: Any,
        on_error: Callable[[UserError], None],
    ) -> None:
        super().__init__(text, lambda: save(new), lambda: save(old), on_error)
