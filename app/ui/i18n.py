"""Language of the interface: English source strings, Polish translation loaded by default.

Widget texts use ``self.tr()``; the Qt Linguist sources are ``resources/translations/*.ts``
and are compiled to ``app/ui/i18n/*.qm`` by ``python -m app.buildtools translations`` (run by
``tasks.py`` and by the packaging).  Numbers, money and dates are formatted with ``QLocale``
of the chosen language (``1 234,56 zł`` and ``22.11.2026`` in Polish).

``install_translations`` may be called again while the program runs (Settings): it replaces
the translators and the default locale; the main window then builds its screens again
(``MainWindow.apply_language``), since texts already set on widgets do not change by themselves.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import package_path

log = logging.getLogger(__name__)

QM_DIR = Path(os.environ.get("KOMISJA_QM_DIR", package_path("ui", "i18n")))
_installed: list[QTranslator] = []


def install_translations(language: str) -> list[str]:
    """Load the translators of ``language`` ("pl"/"en") in place of the previous ones and make
    its locale the default; returns the files loaded."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Polish if language == "pl" else QLocale.Language.English,
            QLocale.Country.Poland if language == "pl" else QLocale.Country.UnitedKingdom,
        )
    )
    if language != "pl":
        return []
    loaded: list[str] = []
    for qm in sorted(QM_DIR.glob("*_pl.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(qm.name)
        else:
            log.warning("could not load translation %s", qm)
    qt_base = QTranslator(app)
    if qt_base.load(
        QLocale(QLocale.Language.Polish),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    if not loaded:
        log.warning(
            "no Polish translation found in %s (run python -m app.buildtools translations)", QM_DIR
        )
    return loaded
