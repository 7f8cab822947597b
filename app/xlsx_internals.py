"""The only uses of openpyxl internals in Komisja, kept for speed (openpyxl 3.1).

Everything else that writes or reads a workbook goes through openpyxl's public API.  Two
things have no public form:

* **The workbook's default cell format** (:func:`set_default_alignment`).  Excel gives a
  cell written without a format (``<c>`` without ``s``) the workbook's first cell format.  The
  protocol writes most of its million cells that way — the members' justifications, the
  explanations — because a styled cell costs about twice as much to write as a plain value,
  and those texts must wrap at the top of their rows.  The first format is the first entry of
  ``Workbook._cell_styles``.
* **Rows of prepared styles** (:func:`stream_styled_rows`).  openpyxl's write-only sheet takes
  a styled value only as a ``Cell`` of its own: it first tries to bind the cell as a value and
  catches the error (formatting the cell's repr), makes a new cell after it, copies the style
  array into every cell and looks the array up by hash when writing it.  A score card is
  30,000 rows of seven styled cells; written that way it took 2.2 times openpyxl's time for
  the same plain values, against 1.3 times through this row writer, which binds each value to
  one reused cell carrying a shared style array and the style's id, looked up once per style.
  It replaces the sheet's ``_values_to_row``.
* **Cell ranges written as given** (:func:`prepared_ranges`).  A card's data validations and
  conditional formats cover every other score cell — 15,000 single-cell ranges each, which
  openpyxl parses into range objects only to print them again (a quarter of a card's time).

``tests/unit/test_xlsx_internals.py`` fails when an openpyxl release changes what these rely
on: it compares their output with what openpyxl's public API writes for the same cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import MethodType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, NamedStyle
from openpyxl.styles.borders import DEFAULT_BORDER
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.cell_range import MultiCellRange

DEFAULT_STYLE_NAME = "komisja default"

#: a value with the style array of a named style (``NamedStyle.as_tuple()``), in a row that a
#: sheet prepared by :func:`stream_styled_rows` appends
Styled = tuple[object, Any]


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


def stream_styled_rows(ws: Any) -> None:
    """Let ``ws.append`` (a write-only sheet) take ``(value, style array)`` pairs.

    Values are text, numbers or ``None``, plain or in a pair with their style.  Text is
    bound through openpyxl's own checks (formulas, illegal characters).
    """
    ws._values_to_row = MethodType(_styled_values_to_row, ws)  # private: openpyxl's row hook


_PLAIN = StyleArray()
_LETTERS = ["", *(get_column_letter(i) for i in range(1, 64))]


class _ReusedCell(Cell):  # type: ignore[misc]  # openpyxl is untyped
    """The one cell a streamed row reuses, with its style id, style flag and coordinate set
    by the row writer instead of recomputed by openpyxl for every cell."""

    __slots__ = ("coordinate", "has_style", "style_id")

    def __init__(self, ws: Any) -> None:
        super().__init__(worksheet=ws, column=1, row=1)


def _styled_values_to_row(self: Any, values: Iterable[object], row_idx: int) -> Iterator[Cell]:
    # openpyxl writes each yielded cell before it asks for the next, so one cell is enough
    cell = _ReusedCell(self)
    cell.row = row_idx
    known_styles: dict[int, tuple[int, bool, StyleArray]] = self.__dict__.setdefault(
        "_komisja_style_ids", {}
    )
    for col_idx, value in enumerate(values, 1):
        if type(value) is tuple:
            value, style = value
        elif value is None:
            continue
        else:
            style = _PLAIN
        known = known_styles.get(id(style))
        if known is None:  # the few shared style arrays: each looked up once
            known = known_styles[id(style)] = (
                self.parent._cell_styles.add(style),
                any(style),
                style,  # keeps the array alive while its id is a key
            )
        cell._style = style
        cell.style_id, cell.has_style = known[0], known[1]
        if value is None:
            cell._value = None
            cell.data_type = "n"
        elif type(value) is int or type(value) is float:
            cell._value = value
            cell.data_type = "n"
        elif isinstance(value, str):
            cell.value = value  # openpyxl's checks: formula, illegal characters
        else:  # a date would give the shared style array a number format
            raise TypeError(f"not a text or a number: {value!r}")
        cell.column = col_idx
        cell.coordinate = f"{_LETTERS[col_idx]}{row_idx}"
        yield cell


class _PreparedRanges(MultiCellRange):  # type: ignore[misc]  # openpyxl is untyped
    """Ranges kept as the text they are written as (openpyxl writes a range list's text)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __bool__(self) -> bool:
        return bool(self.text)

    def __hash__(self) -> int:
        return hash(self.text)

    def __eq__(self, other: object) -> bool:
        return self.text == str(other)


def prepared_ranges(text: str) -> MultiCellRange:
    """``text`` (``H5:H7 H9``, ranges in writing order) as the ``sqref`` of a data validation
    or a conditional format, without parsing it."""
    return _PreparedRanges(text)
