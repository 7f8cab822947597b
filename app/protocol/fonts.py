"""Locating and registering the DejaVu fonts that every protocol embeds.

The fonts ship in ``resources/fonts`` at the repository root (beside the ``app`` package).
The frozen build carries them in its bundle folder (``app.resources.resource_path``), and
``KOMISJA_RESOURCES`` can point at another folder holding ``fonts/``.  Registration
with reportlab happens once per process and is thread-safe.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from app.resources import resource_path

log = logging.getLogger(__name__)

FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "mono": "DejaVuSansMono.ttf",
}


@dataclass(frozen=True)
class FontNames:
    regular: str = "KomisjaSans"
    bold: str = "KomisjaSans-Bold"
    italic: str = "KomisjaSans-Oblique"
    mono: str = "KomisjaMono"
    family: str = "KomisjaSans"


FONTS = FontNames()

_lock = threading.Lock()
_registered = False


class FontsMissingError(RuntimeError):
    """The protocol fonts are not where they should be (a broken installation)."""


def resources_dir() -> Path:
    """``$KOMISJA_RESOURCES`` if set, else ``resources/`` of the repository or frozen bundle."""
    return resource_path()


def font_path(style: str) -> Path:
    path = resources_dir() / "fonts" / FONT_FILES[style]
    if not path.is_file():
        raise FontsMissingError(
            f"Protocol font {FONT_FILES[style]} not found in {path.parent}; "
            "reinstall Komisja or set KOMISJA_RESOURCES to the folder holding fonts/."
        )
    return path


def register_fonts() -> FontNames:
    """Register the four faces with reportlab (idempotent) and return their names."""
    global _registered
    if _registered:
        return FONTS
    with _lock:
        if _registered:
            return FONTS
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for style, name in (
            ("regular", FONTS.regular),
            ("bold", FONTS.bold),
            ("italic", FONTS.italic),
            ("mono", FONTS.mono),
        ):
            pdfmetrics.registerFont(TTFont(name, str(font_path(style))))
        # <b>, <i> in paragraphs map to these faces; bold italic falls back to bold
        addMapping(FONTS.family, 0, 0, FONTS.regular)
        addMapping(FONTS.family, 1, 0, FONTS.bold)
        addMapping(FONTS.family, 0, 1, FONTS.italic)
        addMapping(FONTS.family, 1, 1, FONTS.bold)
        log.debug("protocol fonts registered from %s", resources_dir() / "fonts")
        _registered = True
    return FONTS
