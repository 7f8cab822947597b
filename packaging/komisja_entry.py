"""Entry script of the frozen build: one script, two executables in the same folder.

``komisja-gui`` (windowed, no console on Windows) starts the application window;
``komisja`` (console) is the scriptable command line, the same as ``app.cli:main`` from source.
The executable's own name chooses the behaviour, so both share one analysis and one folder.

``komisja --check-resources [CONTEXT SOURCE]`` is a diagnostic of the frozen build: it loads
the Polish translations the way the GUI does and the GUI's icons, and prints as JSON which
``.qm`` files loaded, how Qt's own "Cancel" button reads, the translation of ``SOURCE`` in
``CONTEXT``, and which icons did not load.  ``packaging/smoke_test.py`` relies on it.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from pathlib import Path


def _check_resources(args: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    from app.resources import resource_path
    from app.ui import i18n

    application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    loaded = i18n.install_translations("pl")
    try:  # the folder the main window really uses, when the GUI defines one
        from app.ui import main_window

        icon_dir = getattr(main_window, "ICONS", resource_path("icons"))
    except ImportError:
        icon_dir = resource_path("icons")
    icons = sorted(Path(icon_dir).glob("*.svg")) + sorted(Path(icon_dir).glob("*.ico"))
    broken = [p.name for p in icons if QIcon(str(p)).pixmap(QSize(32, 32)).isNull()]
    report: dict[str, object] = {
        "qm_dir": str(i18n.QM_DIR),
        "loaded": loaded,
        "qt_cancel": QCoreApplication.translate("QPlatformTheme", "Cancel"),
        "icon_dir": str(icon_dir),
        "icons": len(icons),
        "broken_icons": broken,
    }
    if len(args) >= 2:
        report["probe"] = QCoreApplication.translate(args[0], args[1])
    sys.stdout.write(json.dumps(report) + "\n")  # ASCII escapes: safe on any console code page
    del application
    return 0 if loaded and icons and not broken else 1


def run() -> int:
    argv = sys.argv[1:]
    if Path(sys.executable).stem.lower().endswith("-gui"):
        from app.cli import gui_main

        return gui_main()
    if argv[:1] == ["--check-resources"]:
        return _check_resources(argv[1:])
    from app.cli import main

    return main(argv)


if __name__ == "__main__":
    # The screens' worker process (app.ui.worker) is this executable started again by
    # multiprocessing: here it becomes the worker instead of a second application.
    multiprocessing.freeze_support()
    sys.exit(run())
