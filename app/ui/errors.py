"""The two kinds of error: a message the user can act on, and a crash dialog for bugs."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.config import current_language, log_file
from app.errors import UserError

log = logging.getLogger(__name__)


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Komisja")
    box.setText(error.text(current_language()))
    box.setAccessibleName("error message")
    box.exec()


class CrashDialog(QDialog):
    """Shows a bug with copyable details and where the log file is."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Komisja — unexpected error"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong inside Komisja. Your data were not changed by the failed "
                "operation. Please send the details below and the log file to your IT support."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Log file: %1").replace("%1", str(log_file()))))
        self.details = QPlainTextEdit(f"Komisja {__version__}\n{details}")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox()
        # added first: Tab reaches it before Close, as it reads (the box puts it on the left)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)  # Enter closes, as before; focus starts there
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())


def report_error(parent: QWidget | None, error: BaseException, trace: str = "") -> None:
    if isinstance(error, UserError):
        show_user_error(parent, error)
        return
    details = trace or "".join(traceback.format_exception(error))
    log.error("unexpected error:\n%s", details)
    CrashDialog(details, parent).exec()


def install_excepthook() -> None:
    """Uncaught exceptions in slots reach the crash dialog instead of vanishing."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("uncaught exception:\n%s", details)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        if isinstance(error, UserError):
            show_user_error(QApplication.activeWindow(), error)
        else:
            CrashDialog(details, QApplication.activeWindow()).exec()

    sys.excepthook = hook
