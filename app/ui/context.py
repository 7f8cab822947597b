"""What every screen needs: the open database, the operator, the language and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.config import Settings
from app.db import Database
from app.services.base import Actor


class Notifier(QObject):
    """Screens announce changes here so others refresh (no screen talks to another directly)."""

    competition_changed = Signal(int)  # a competition's data changed (id)
    competitions_changed = Signal()  # the list changed (created, imported, archived)
    current_competition = Signal(int)  # the user opened a competition (id)


@dataclass
class UiContext:
    db: Database
    settings: Settings
    notifier: Notifier = field(default_factory=Notifier)
    acting_member: str = ""  # member code when a committee member works (evaluator mode, chair)

    @property
    def lang(self) -> str:
        return "en" if self.settings.language == "en" else "pl"

    def actor(self, member: str | None = None) -> Actor:
        return Actor(operator=self.settings.operator or "?", member=member or self.acting_member)
