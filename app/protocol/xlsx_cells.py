"""Cells, styles and sheets of the protocol workbook, on openpyxl's write-only mode.

Each kind of styled cell is a hidden named style of the workbook: its font, fill, border and
number format are resolved once, when the style is added, and a styled cell is a ``Cell``
made with that style's array (``NamedStyle.as_tuple()``).  Most cells of a large protocol
(the members' scores and justifications, the explanations) are plain values without a style;
they look wrapped and top-aligned because that is the workbook's default format (for Excel,
:func:`app.xlsx_internals.set_default_alignment`) and every column's format (for LibreOffice, which
gives a cell without a format its column's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.borders import DEFAULT_BORDER
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.properties import PageSetupProperties

from app.xlsx_internals import set_default_alignment

HEADER_ROW = 6  # the table header on every sheet; rows 1-4 name the protocol, 5 is a banner
FIRST_ROW = HEADER_ROW + 1
MAX_TEXT = 32767  # Excel's limit for one cell
JUSTIFICATION_WIDTH = 45
AUTHOR = "Komisja"
ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
_DEFAULT_LOOK = (None, "wrap")  # styles that equal the default format (wrapped, top)
_WRAP = Alignment(vertical="top", wrap_text=True)


def safe_text(value: str) -> str:
    """User text made safe for a cell: no XML-illegal characters, within Excel's length."""
    if ILLEGAL.search(value):
        value = ILLEGAL.sub(" ", value)
    return value[:MAX_TEXT]


def formula_number(value: Decimal) -> str:
    """A Decimal as a formula literal (``7.5``, never exponent form)."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def date_text(value: date | None, lang: str) -> str:
    from app.protocol.formatting import format_date

    return format_date(value, lang)


def per_line(width: float) -> int:
    return max(4, int(width * 0.9))  # whole words wrap: lines hold fewer than width characters


def line_count(text: str, width: float) -> int:
    """Lines that ``text`` takes in a column ``width`` characters wide (an estimate)."""
    chars = per_line(width)
    return sum(max(1, -(-len(part) // chars)) for part in text.split("\n"))


@cache
def _row_height(lines: int) -> RowDimension:
    """A row ``lines`` lines of wrapped text tall.

    A large protocol has tens of thousands of tall rows; rows of one height share one
    dimension, since what a row writes of it is its height, not its number.
    """
    return RowDimension(None, ht=min(409.0, 15.0 * lines))


class Styles:
    """The workbook's kinds of styled cell, as hidden named styles: name → style array."""

    def __init__(self, wb: Workbook, lang: str) -> None:
        # Cells without a style (the bulk of a large workbook, written as plain values for
        # speed) get the workbook's default format: wrapped text aligned to the top.
        set_default_alignment(wb, _WRAP)
        thin = Side(style="thin", color="808080")
        money = '#,##0.00\\ "zł"' if lang == "pl" else '#,##0.00\\ "PLN"'
        day = "DD.MM.YYYY" if lang == "pl" else "YYYY-MM-DD"
        moment = f"{day} HH:MM"
        top = Alignment(vertical="top")
        specs: dict[str, dict[str, Any]] = {
            # one-line texts that run on over the empty cells to their right
            "title": {"font": Font(bold=True, size=13), "alignment": top},
            "subtitle": {"font": Font(bold=True, size=11), "alignment": top},
            "info": {"font": Font(size=9, color="404040"), "alignment": top},
            "banner": {"font": Font(bold=True, size=12, color="B0201A"), "alignment": top},
            "line": {"alignment": top},
            "head": {
                "font": Font(bold=True),
                "fill": PatternFill("solid", fgColor="DDE3EA"),
                "alignment": Alignment(vertical="center", wrap_text=True),
                "border": Border(bottom=thin, top=thin),
            },
            "bold": {"font": Font(bold=True), "alignment": top},
            "wrap": {"alignment": _WRAP},
            "top": {"alignment": top},
            "num": {"number_format": "#,##0.00", "alignment": top},
            "num_bold": {"number_format": "#,##0.00", "font": Font(bold=True), "alignment": top},
            "score": {"number_format": "0.00", "alignment": top},
            "money": {"number_format": money, "alignment": top},
            "money_bold": {"number_format": money, "font": Font(bold=True), "alignment": top},
            "date": {"number_format": day, "alignment": top},
            "datetime": {"number_format": moment, "alignment": top},
            "int": {
                "number_format": "0",
                "alignment": Alignment(horizontal="center", vertical="top"),
            },
        }
        self.arrays: dict[str, Any] = {}
        self.wrapping: set[str] = set()
        for name, spec in specs.items():
            spec = {"font": DEFAULT_FONT, "border": DEFAULT_BORDER, **spec}
            style = NamedStyle(name=f"komisja {name}", hidden=True, **spec)
            wb.add_named_style(style)
            self.arrays[name] = style.as_tuple()
            alignment = spec.get("alignment")
            if alignment is not None and alignment.wrap_text:
                self.wrapping.add(name)


class StyledCell(Cell):  # type: ignore[misc]  # openpyxl is untyped
    """A cell of one of the workbook's named styles, which it remembers by name so that a
    row can tell whether its text wraps without looking the style up."""

    __slots__ = ("style_name",)

    def __init__(self, ws: Any, value: Any, style: str | None, array: Any) -> None:
        # the row and column are set when the row is appended
        super().__init__(ws, row=1, column=1, value=value, style_array=array)
        self.style_name = style


class Sheet:
    """One write-only sheet with the cell helpers the protocol needs."""

    def __init__(self, wb: Workbook, title: str, styles: Styles, widths: Sequence[float]):
        self.ws = wb.create_sheet(title)
        self.title = title
        self.ref = quote_sheetname(title)
        self.styles = styles
        self.row = 0
        self.widths = list(widths)
        for index, width in enumerate(widths, start=1):
            column = self.ws.column_dimensions[get_column_letter(index)]
            column.width = width
            column.alignment = _WRAP  # LibreOffice's format for the column's plain cells

    def cell(self, value: Any, style: str | None = None, comment: str | None = None) -> Any:
        array = None if style is None else self.styles.arrays[style]
        cell = StyledCell(self.ws, value, style, array)
        if comment:
            cell.comment = Comment(comment, AUTHOR, width=320, height=90)
        return cell

    def text(self, value: str | None, style: str | None = None) -> Any:
        """A cell holding user text, never interpreted as a formula.

        Wrapped, top-aligned text is the workbook's default format, so such text goes out as
        a plain value (a styled cell costs several times more to write).
        """
        if value is None or value == "":
            return None
        if value[0] != "=" and style in _DEFAULT_LOOK:
            return safe_text(value)
        array = None if style is None else self.styles.arrays[style]
        cell = StyledCell(self.ws, safe_text(value), style, array)
        if value[0] == "=":
            cell.data_type = "s"  # text that only looks like a formula
        return cell

    def append(self, values: Iterable[Any], lines: int = 1) -> int:
        """Writes the next row, at least ``lines`` lines tall and as tall as its wrapped texts
        need (a write-only row is written at once: its height cannot be set afterwards)."""
        row = list(values)
        wrapping = self.styles.wrapping
        widths = self.widths
        for index, value in enumerate(row[: len(widths)]):
            if isinstance(value, StyledCell):
                if value.style_name is not None and value.style_name not in wrapping:
                    continue
                value = value.value
            if isinstance(value, str) and len(value) > widths[index] and value[:1] != "=":
                lines = max(lines, line_count(value, widths[index]))
        self.row += 1
        if lines > 1:
            self.height(self.row, lines)
        self.ws.append(row)
        return self.row

    def height(self, row: int, lines: int) -> None:
        """Room for ``lines`` lines of wrapped text (spreadsheets do not always re-measure);
        set before the row is written."""
        self.ws.row_dimensions[row] = _row_height(lines)

    def header(self, names: Sequence[str]) -> int:
        return self.append(self.cell(name, "head") for name in names)

    def blank(self) -> None:
        self.append(())

    def landscape(
        self, header_row: int | None, freeze: str | None, title_cols: str | None = None
    ) -> None:
        """A4 landscape, the header row on every page; one page wide unless ``title_cols``
        (then those columns repeat on every page across, at 75 %)."""
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        if title_cols is None:
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0
            ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        else:
            ws.page_setup.scale = 75
            ws.print_title_cols = title_cols
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        if header_row is not None:
            ws.print_title_rows = f"{header_row}:{header_row}"
        if freeze is not None:
            ws.freeze_panes = freeze
