"""Komisja's only uses of openpyxl internals still do what they are for.

``app.xlsx_internals`` replaces the workbook's first cell format and the row writer of a
write-only sheet; these tests fail when an openpyxl release moves or changes what it relies
on, by comparing the files with what the public API writes for the same cells.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.styles.cell_style import StyleArray

from app.xlsx_internals import prepared_ranges, set_default_alignment, stream_styled_rows

WRAP = Alignment(vertical="top", wrap_text=True)


def test_a_new_workbook_has_one_plain_cell_format() -> None:
    formats = Workbook(write_only=True)._cell_styles
    assert list(formats) == [StyleArray()]


def test_plain_values_take_the_default_alignment() -> None:
    wb = Workbook(write_only=True)
    set_default_alignment(wb, WRAP)
    ws = wb.create_sheet("S")
    ws.append(["a text long enough to wrap in its column", 7])
    buffer = io.BytesIO()
    wb.save(buffer)

    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    assert all(" s=" not in cell for cell in re.findall(r"<c [^>]*>", sheet))
    first = re.search(r"<cellXfs[^>]*>\s*<xf [^>]*>\s*<alignment ([^>]*)/>", styles)
    assert first is not None
    assert 'wrapText="1"' in first.group(1) and 'vertical="top"' in first.group(1)

    cell = load_workbook(io.BytesIO(buffer.getvalue()))["S"]["A1"]
    assert cell.alignment.wrap_text and cell.alignment.vertical == "top"


def test_it_refuses_a_workbook_with_styled_cells() -> None:
    wb = Workbook(write_only=True)
    wb._cell_styles.add(StyleArray([1, 0, 0, 0, 0, 0, 0, 0, 0]))
    with pytest.raises(RuntimeError):
        set_default_alignment(wb, WRAP)


def _two_styles(wb: Workbook) -> tuple[NamedStyle, NamedStyle]:
    bold = NamedStyle(name="bold", font=Font(bold=True), alignment=WRAP)
    open_cell = NamedStyle(
        name="open", fill=PatternFill("solid", fgColor="FFF2CC"), protection=Protection(False)
    )
    wb.add_named_style(bold)
    wb.add_named_style(open_cell)
    return bold, open_cell


ROWS: list[list[tuple[object, str] | object]] = [
    [("O-001", "bold"), "plain text", None, 7, 7.5, ("=SUM(D1:E1)", "bold"), (None, "open")],
    [None, ("zażółć\ngęślą", "open"), 3, ("K1", "bold"), "x" * 40],
]


def _sheet_xml(fast: bool) -> str:
    wb = Workbook(write_only=True)
    styles = dict(zip(("bold", "open"), _two_styles(wb), strict=True))
    ws = wb.create_sheet("S")
    if fast:
        stream_styled_rows(ws)
    for row in ROWS:
        cells: list[object] = []
        for value in row:
            if type(value) is not tuple:
                cells.append(value)
            elif fast:
                cells.append((value[0], styles[value[1]].as_tuple()))
            else:  # the public way: a cell of the named style
                cell = Cell(ws, row=1, column=1, value=value[0])
                cell.style = value[1]
                cells.append(cell)
        ws.append(cells)
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        return (
            archive.read("xl/worksheets/sheet1.xml").decode()
            + archive.read("xl/styles.xml").decode()
        )


def test_streamed_rows_are_written_as_openpyxl_writes_styled_cells() -> None:
    fast = _sheet_xml(fast=True)
    assert fast == _sheet_xml(fast=False)
    assert 's="' in fast and "<f>SUM(D1:E1)</f>" in fast


def test_streamed_rows_refuse_what_would_change_a_shared_style() -> None:
    from datetime import date

    wb = Workbook(write_only=True)
    bold, _ = _two_styles(wb)
    ws = wb.create_sheet("S")
    stream_styled_rows(ws)
    with pytest.raises(TypeError):
        ws.append([(date(2026, 11, 22), bold.as_tuple())])


def _validated_sheet_xml(prepared: bool) -> str:
    from openpyxl.formatting.formatting import ConditionalFormatting
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.worksheet.datavalidation import DataValidation

    ranges = "H5:H7 H9 H11:H12"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("S")
    sqref = prepared_ranges(ranges) if prepared else ranges
    ws.data_validations.append(DataValidation(type="custom", formula1="H5>0", sqref=sqref))
    fill = PatternFill("solid", fgColor="FF9999", bgColor="FF9999")
    area = ConditionalFormatting(prepared_ranges(ranges)) if prepared else ranges
    ws.conditional_formatting.add(area, FormulaRule(formula=["H5<0"], fill=fill))
    ws.append([1])
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_prepared_ranges_are_written_as_parsed_ones() -> None:
    xml = _validated_sheet_xml(prepared=True)
    assert xml == _validated_sheet_xml(prepared=False)
    assert xml.count('sqref="H5:H7 H9 H11:H12"') == 2
