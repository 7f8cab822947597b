"""Start-up of the desktop application: translations, crash handling, the database, the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def run(db_path: str | None = None, package: str | None = None) -> int:
    """Start Komisja; ``package`` (or a ``.komisja`` file on the command line) opens the
    evaluator mode instead of the office's database."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app import APP_NAME, APP_ORG
    from app.config import Settings, current_language, database_url, setup_logging
    from app.db import Database
    from app.errors import UserError
    from app.ui.context import UiContext
    from app.ui.errors import install_excepthook
    from app.ui.i18n import install_translations

    setup_logging()
    # Reuse a running application only if it is a QApplication (widgets and the window icon
    # need one); a bare QCoreApplication makes the constructor raise, saying why.
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    install_translations(current_language())
    install_excepthook()
    from app.ui.main_window import MainWindow, app_icon

    app.setWindowIcon(app_icon())
    settings = Settings.load()
    # KOMISJA_LANG may override the saved language: screens format numbers with the same one
    settings.language = current_language()
    if package is None:
        package = next((a for a in sys.argv[1:] if a.lower().endswith(".komisja")), None)
    try:
        db = Database.open(database_url(db_path))
    except UserError as error:
        QMessageBox.critical(None, "Komisja", error.text(current_language()))
        return 2
    ctx = UiContext(db=db, settings=settings)
    window = MainWindow(ctx)
    if not settings.operator.strip():
        window.show_settings()
    if package is not None:
        window.open_package(Path(package))
    else:
        window.show()
    try:
        return app.exec()
    finally:
        from app.ui.worker import stop_worker

        stop_worker()
        db.dispose()
