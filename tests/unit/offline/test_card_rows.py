"""The card is read to its real end, whatever size the sheet declares."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

from app.offline import ProblemCode, SheetEntry, build_workbook, read_workbook
from tests.unit.offline.offline_builders import fill, make_spec, problem_cells

CARD_PART = "xl/worksheets/sheet2.xml"  # cover, card, metadata: the card is the second sheet


def _rewrite_card(data: bytes, change: object) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == CARD_PART:
                content = change(content.decode()).encode()  # type: ignore[operator]
            target.writestr(info, content)
    return out.getvalue()


def _copy_row_after_declared_end(xml: str, source_row: int, new_row: int, last: int) -> str:
    """Appends a copy of ``source_row`` as ``new_row`` and declares the sheet ``A1:K{last}``."""
    row = re.search(rf'<row [^>]*\br="{source_row}"[^>]*>.*?</row>', xml, re.DOTALL)
    assert row is not None
    copy = re.sub(rf'\br="([A-Z]*){source_row}"', rf'r="\g<1>{new_row}"', row.group(0))
    xml = xml.replace("</sheetData>", copy + "</sheetData>", 1)
    xml = re.sub(r"<dimension [^>]*/>", "", xml)
    return xml.replace("<sheetViews>", f'<dimension ref="A1:K{last}"/><sheetViews>', 1)


def test_a_duplicate_row_after_the_declared_size_is_found() -> None:
    spec = make_spec(2, 2)  # rows 5-6 offer 1, 7 its total, 8-9 offer 2, 10 its total
    data = fill(build_workbook(spec), {"H5": 7.5, "I5": "Dobrze"})
    forged = _rewrite_card(data, lambda xml: _copy_row_after_declared_end(xml, 5, 12, 10))
    parsed = read_workbook(forged, expected=spec)
    assert ("Karta oceny", "A12", ProblemCode.ROW_DUPLICATE) in problem_cells(parsed)
    assert not parsed.ok


def test_a_row_far_after_the_declared_size_is_read() -> None:
    spec = make_spec(1, 2)
    data = fill(build_workbook(spec), {"H5": 2, "I5": "Słabo"})
    forged = _rewrite_card(data, lambda xml: _copy_row_after_declared_end(xml, 5, 5000, 7))
    cells = problem_cells(read_workbook(forged, expected=spec))
    assert ("Karta oceny", "A5000", ProblemCode.ROW_DUPLICATE) in cells


def test_a_card_without_a_declared_size_reads_back() -> None:
    spec = make_spec(1, 2)
    data = fill(build_workbook(spec), {"H6": 4, "I6": "Dobrze"})
    parsed = read_workbook(data, expected=spec)
    assert parsed.ok, parsed.problems
    assert parsed.entries == {("O-001", "K2"): SheetEntry(Decimal(4), "Dobrze")}
