"""Settings: the interface language and the operator's name (recorded with every change).

The dialog only stores the choices; the main window applies a new language at once
(``MainWindow.apply_language``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.config import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        form = QFormLayout(self)
        self.operator = QLineEdit(settings.operator, self)
        self.operator.setAccessibleName(self.tr("Operator"))
        self.operator.setPlaceholderText(self.tr("First name and surname"))
        self.operator.setMinimumWidth(320)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(settings.language))
        form.addRow(self.tr("&Operator:"), self.operator)
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(
            self.tr(
                "Every change is recorded in the audit trail with the operator's name. "
                "A new language applies at once."
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.operator.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.operator.text().strip()))

    def apply(self) -> bool:
        """Store the choices; returns True when the language changed (the caller applies it)."""
        language = str(self.language.currentData())
        changed = language != self.settings.language
        self.settings.operator = self.operator.text().strip()
        self.settings.language = language
        self.settings.save()
        return changed
