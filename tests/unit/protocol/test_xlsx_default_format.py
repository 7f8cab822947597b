"""The protocol's one use of openpyxl internals still does what it is for.

``app.protocol.xlsx_default_format`` replaces the workbook's first cell format; these tests
fail when an openpyxl release moves or changes what it relies on.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment
from openpyxl.styles.cell_style import StyleArray

from app.protocol.xlsx_default_format import set_default_alignment

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
