"""Start-up of the desktop application."""

from __future__ import annotations

import sys


def run(db_path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Komisja")
    window.setCentralWidget(QLabel("Komisja"))
    window.show()
    return app.exec()
