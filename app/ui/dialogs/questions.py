"""A question asking for a few lines of text (a reason, what to correct), usable by keyboard.

Qt's ``QInputDialog.getMultiLineText`` gives its text box no name a screen reader can announce
and lets Tab type a tab character in it, so the keyboard never reaches OK; this one names the
box after its question and moves on with Tab (as the other reason fields do).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class TextQuestion(QDialog):
    def __init__(self, title: str, question: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("textQuestion")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(question, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.answer = QPlainTextEdit(text, self)
        self.answer.setObjectName("questionAnswer")
        self.answer.setAccessibleName(question.rstrip(":").replace("&", ""))
        self.answer.setTabChangesFocus(True)
        self.answer.setMinimumWidth(420)
        self.answer.setMaximumHeight(120)
        label.setBuddy(self.answer)
        layout.addWidget(self.answer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def text(self) -> str:
        return self.answer.toPlainText()


def ask_text(parent: QWidget | None, title: str, question: str, text: str = "") -> tuple[str, bool]:
    """Like ``QInputDialog.getMultiLineText``: the text written and whether OK was pressed."""
    dialog = TextQuestion(title, question, text, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.text, accepted
    finally:
        dialog.deleteLater()
