"""Where the program's read-only files are, both from a source tree and from a frozen build.

From a source tree the files sit where the repository keeps them: ``resources/`` (fonts, icons)
beside the ``app`` package, and package data inside it (``app/migrations``, the compiled
translations in ``app/ui/i18n``).  The PyInstaller build (``packaging/komisja.spec``) copies
them into its bundle folder (``sys._MEIPASS``, the ``_internal`` folder of the one-folder build)
in the same relative layout, so one pair of helpers serves both.  A missing resource in a frozen
build is the classic packaging failure; ``packaging/smoke_test.py`` exercises every kind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def is_frozen() -> bool:
    """True in the PyInstaller build."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path:
    """The folder that holds ``app/`` and ``resources/``: the bundle, or the repository root."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by the PyInstaller loader
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (fonts, icons); ``$KOMISJA_RESOURCES`` replaces the folder."""
    override = os.environ.get("KOMISJA_RESOURCES")
    base = Path(override) if override else bundle_root() / "resources"
    return base.joinpath(*parts)


def package_path(*parts: str) -> Path:
    """A data file shipped inside the ``app`` package (migrations, compiled translations)."""
    return bundle_root().joinpath("app", *parts)
