"""The one use of openpyxl internals: the workbook's default cell format.

Excel gives a cell written without a format (``<c>`` without ``s``) the workbook's first
cell format.  The protocol writes most of its million cells that way — the members'
justifications, the explanations — because a styled cell costs about twice as much to write
as a plain value in openpyxl's write-only mode, and those texts must wrap at the top of their
rows.  openpyxl has no public setting for that first format: it is the first entry of
``Workbook._cell_styles``, which this module replaces before any cell is styled.
``tests/unit/protocol/test_xlsx_default_format.py`` fails when openpyxl changes it.

(LibreOffice gives such a cell its column's format instead; the protocol sets that through
the public column dimensions.)
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, NamedStyle
from openpyxl.styles.borders import DEFAULT_BORDER
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils.indexed_list import IndexedList

DEFAULT_STYLE_NAME = "komisja default"


def set_default_alignment(wb: Workbook, alignment: Alignment) -> None:
    """Make ``alignment`` part of the format of every cell written without one.

    Call it on a new workbook, before any cell is styled.
    """
    style = NamedStyle(
        name=DEFAULT_STYLE_NAME,
        hidden=True,
        font=DEFAULT_FONT,
        border=DEFAULT_BORDER,
        alignment=alignment,
    )
    wb.add_named_style(style)  # resolves the alignment into the workbook's list
    default = StyleArray()
    default.alignmentId = style.as_tuple().alignmentId
    default.xfId = style.as_tuple().xfId  # a format of its own, not the columns' one
    formats = wb._cell_styles  # private: no public setting for the first cell format
    if len(formats) != 1 or any(formats[0]):
        raise RuntimeError("the default cell format is set before any cell is styled")
    wb._cell_styles = IndexedList([default])
