"""The small questions the screens ask: a few lines of text, a line, a choice, a number, yes/no.

Qt's ``QInputDialog.getMultiLineText`` gives its text box no name a screen reader can announce
and lets Tab type a tab character in it, so the keyboard never reaches OK; ``ask_text`` names the
box after its question and moves on with Tab (as the other reason fields do).

The others do what Qt's static ``QInputDialog.get…`` and ``QMessageBox.question`` do, but the
dialog is made from Python: a static function makes and deletes its dialog in C++, and a Python
reference to it taken meanwhile (an accessibility tool, a test answering the dialog) outlives
the object it wraps — the interpreter crashed when its collector later reached such a wrapper.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

T = TypeVar("T")


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
    return _answer(dialog, lambda: dialog.text)


def _answer(dialog: QDialog, value: Callable[[], T]) -> tuple[T, bool]:
    """Show ``dialog`` until it is answered: ``value()`` read then, and whether OK was pressed;
    the dialog is deleted afterwards."""
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return value(), accepted
    finally:
        dialog.deleteLater()


def _input(parent: QWidget | None, title: str, label: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    return dialog


def ask_line(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """Like ``QInputDialog.getText``: the line written and whether OK was pressed."""
    dialog = _input(parent, title, label)
    dialog.setTextValue(text)
    return _answer(dialog, dialog.textValue)


def ask_item(
    parent: QWidget | None, title: str, label: str, items: Sequence[str]
) -> tuple[str, bool]:
    """Like ``QInputDialog.getItem`` (not editable, the first item chosen): the item chosen and
    whether OK was pressed."""
    dialog = _input(parent, title, label)
    dialog.setComboBoxItems(list(items))
    dialog.setComboBoxEditable(False)
    if items:
        dialog.setTextValue(items[0])
    return _answer(dialog, dialog.textValue)


def ask_int(
    parent: QWidget | None, title: str, label: str, value: int, lowest: int, highest: int
) -> tuple[int, bool]:
    """Like ``QInputDialog.getInt``: the number chosen and whether OK was pressed."""
    dialog = _input(parent, title, label)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(lowest, highest)
    dialog.setIntValue(value)
    return _answer(dialog, dialog.intValue)


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    """Like ``QMessageBox.question`` with Yes and No: whether Yes was pressed."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    try:
        box.exec()
        return box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()
