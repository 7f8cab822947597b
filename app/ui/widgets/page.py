"""What every screen of the shell shares: the open competition, refresh and service calls."""

# ruff: noqa: N802  (Qt's camelCase methods are overridden here)

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.errors import UserError
from app.ui.context import UiContext
from app.ui.errors import show_user_error

log = logging.getLogger(__name__)

T = TypeVar("T")


class ShellPage(QWidget):
    """A screen bound to one competition; refreshes when that competition changes."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.competition_id: int | None = None
        self._stale = True
        ctx.notifier.competition_changed.connect(self._on_changed)

    def set_competition(self, competition_id: int | None) -> None:
        self.competition_id = competition_id
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def refresh(self) -> None:  # overridden by every screen
        raise NotImplementedError

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def _on_changed(self, competition_id: int) -> None:
        if competition_id != self.competition_id:
            return
        if self.isVisible():
            self._refresh_now()
        else:
            self._stale = True  # re-read when shown: hidden screens cost nothing

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self._refresh_now()

    def run_service(self, call: Callable[[], T]) -> T | None:
        """Call a service; a user error is shown and the screen re-read, nothing half-done."""
        try:
            result = call()
        except UserError as error:
            show_user_error(self, error)
            self._refresh_now()
            return None
        return result

    def changed(self) -> None:
        """Tell the other screens (and the status bar) that this competition changed."""
        if self.competition_id is not None:
            self.ctx.notifier.competition_changed.emit(self.competition_id)


def empty_hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6368; padding: 24px;")
    return label


def no_competition_text() -> str:
    return QCoreApplication.translate(
        "ShellPage", "Open a competition on the Competitions screen first."
    )
