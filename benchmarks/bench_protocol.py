"""Times the protocol's PDF and workbook against plain baselines measured in the same run.

The competition (default: 2,000 offers × 9 members × 15 criteria, with every annex: each
member's individual scores with justifications and the explanation of each result) is built
directly as a :class:`~app.protocol.document.ProtocolDocument` by the protocol tests' sample
builder, with its results from the real scoring engine — setting up 270,000 scores through
the database would take far longer than what is measured here.

* PDF: ``render_pdf`` against a plain reportlab canvas that draws the same table rows (every
  cell of every table of the protocol, one ``drawString`` each, with the same embedded fonts,
  new page when the page is full) — no layout, no wrapping, no page chrome.  Limit: 3×.
* Workbook: ``render_xlsx`` against openpyxl's write-only mode writing the same cells (the
  values and formulas that ``render_xlsx`` writes, captured in an untimed run, without styles,
  comments or print set-up).  Limit: 1.5×.

Both sides run with the same reportlab settings (``rl_config.useA85`` as ``render_pdf`` sets
it); each is timed as the best of ``--repeat`` runs (3; the two sides alternating) in CPU time
of this process, which other programs on a shared machine disturb far less than wall time.
The process's peak memory (resident set) is printed at the end, against a limit of 300 MB.

    python benchmarks/bench_protocol.py [--quick] [--offers N] [--members N] [--criteria N]
                                        [--repeat N] [--only pdf|xlsx]

Prints the times and the ratios; returns 1 when a ratio is above its limit (full scale only).
"""

from __future__ import annotations

import argparse
import gc
import io
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from openpyxl.cell import Cell
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.protocol import pdf as pdf_module
from app.protocol.document import ProtocolDocument
from app.protocol.flowables import GridTable, font_name
from app.protocol.fonts import FONTS, register_fonts
from app.protocol.pdf import render_pdf
from app.protocol.xlsx import render_xlsx

PDF_LIMIT = 3.0
XLSX_LIMIT = 1.5
MEMORY_LIMIT_MB = 300


def build_document(offers: int, members: int, criteria: int) -> ProtocolDocument:
    from tests.unit.protocol.test_protocol_samples import large_document

    return large_document(offers, members, criteria)


def compare(
    repeat: int, ours: Callable[[], Any], baseline: Callable[[], Any]
) -> tuple[tuple[float, Any], tuple[float, Any]]:
    """Best times of both, run alternately so that a busy moment of a shared machine does
    not fall on one side only."""
    best_ours: tuple[float, Any] = (float("inf"), None)
    best_base: tuple[float, Any] = (float("inf"), None)
    for _ in range(repeat):
        run = best_of(1, baseline)
        best_base = min(best_base, run, key=lambda item: item[0])
        run = best_of(1, ours)
        best_ours = min(best_ours, run, key=lambda item: item[0])
    return best_ours, best_base


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """Best time of ``repeat`` runs, each started with the previous run's garbage freed
    (untimed), so that no run pays for another's."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        result = None  # the previous run's output is not kept alive during this one
        gc.collect()
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


# -- PDF ----------------------------------------------------------------------------------------


def table_rows(doc: ProtocolDocument) -> list[tuple[list[str], list[list[str]]]]:
    """Every table of the protocol as (cell fonts, rows of cell texts), header rows included."""
    register_fonts()
    story = pdf_module.StoryBuilder(doc).build()
    tables = []
    for flowable in _flatten(story):
        if isinstance(flowable, GridTable):
            shared = flowable._shared
            fonts = [font_name(c.font) for c in shared.columns]
            rows = [["" if v is None else str(v) for v in row] for row in shared.rows]
            if shared.header is not None:
                rows.insert(0, list(shared.header))
            tables.append((fonts, rows))
    return tables


def _flatten(items: Sequence[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        inner = getattr(item, "_content", None)
        if isinstance(inner, list):
            out.extend(_flatten(inner))
        else:
            out.append(item)
    return out


def plain_canvas(tables: list[tuple[list[str], list[list[str]]]]) -> bytes:
    """The baseline: the same rows drawn with drawString, one line per row."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    width, height = A4
    left, top, bottom, line = 40.0, height - 50, 50.0, 9.4
    y = top
    current = None
    for fonts, rows in tables:
        step = (width - 2 * left) / max(len(fonts), 1)
        for row in rows:
            if y < bottom:
                canvas.showPage()
                y, current = top, None
            for i, text in enumerate(row):
                if text:
                    font = fonts[i] if i < len(fonts) else FONTS.regular
                    if font != current:  # a font change only when the face changes
                        canvas.setFont(font, 7.5)
                        current = font
                    canvas.drawString(left + i * step, y, text)
            y -= line
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# -- workbook -----------------------------------------------------------------------------------


def captured_cells(doc: ProtocolDocument) -> list[tuple[str, list[list[Any]]]]:
    """The values and formulas render_xlsx writes, sheet by sheet (an untimed run).

    Each new sheet's ``append`` is wrapped to record the row's values: the very objects the
    renderer passes, so the record shares its texts with the document.
    """
    sheets: dict[str, list[list[Any]]] = {}
    create_sheet = Workbook.create_sheet

    def recording_sheet(wb: Workbook, *args: Any, **kwargs: Any) -> Any:
        ws = create_sheet(wb, *args, **kwargs)
        rows = sheets.setdefault(ws.title, [])
        append = ws.append

        def record(row: Any) -> None:
            row = list(row)
            rows.append([v.value if isinstance(v, Cell) else v for v in row])
            append(row)

        ws.append = record
        return ws

    Workbook.create_sheet = recording_sheet  # type: ignore[method-assign]
    try:
        render_xlsx(doc)
    finally:
        Workbook.create_sheet = create_sheet  # type: ignore[method-assign]
    return list(sheets.items())


def plain_workbook(sheets: list[tuple[str, list[list[Any]]]]) -> bytes:
    """The baseline: openpyxl's write-only mode, the same cells, nothing else."""
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small scale (smoke test)")
    parser.add_argument("--offers", type=int)
    parser.add_argument("--members", type=int)
    parser.add_argument("--criteria", type=int)
    parser.add_argument("--repeat", type=int)
    parser.add_argument("--only", choices=("pdf", "xlsx"), help="time one format only")
    args = parser.parse_args(argv)
    offers = args.offers or (60 if args.quick else 2000)
    members = args.members or (5 if args.quick else 9)
    criteria = args.criteria or (6 if args.quick else 15)
    repeat = args.repeat or (1 if args.quick else 3)

    start = time.process_time()
    doc = build_document(offers, members, criteria)
    print(
        f"document: {offers} offers × {members} members × {criteria} criteria, "
        f"{len(doc.individual_scores)} individual scores "
        f"(built in {time.process_time() - start:.1f} s)"
    )

    pdf_ratio = xlsx_ratio = 0.0
    if args.only != "xlsx":
        pdf_ratio = time_pdf(doc, repeat)
    if args.only != "pdf":
        xlsx_ratio = time_xlsx(doc, repeat)
    peak = peak_memory_mb()
    print(f"Memory:   peak {peak:.0f} MB (limit {MEMORY_LIMIT_MB} MB)")
    if args.quick:
        return 0
    within = pdf_ratio <= PDF_LIMIT and xlsx_ratio <= XLSX_LIMIT
    return 0 if within and peak <= MEMORY_LIMIT_MB else 1


def peak_memory_mb() -> float:
    """This process's peak resident set so far, in MB (0 where the platform cannot tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def time_pdf(doc: ProtocolDocument, repeat: int) -> float:
    tables = table_rows(doc)
    cells = sum(len(row) for _, rows in tables for row in rows)

    def baseline() -> bytes:
        with pdf_module.pdf_settings():
            return plain_canvas(tables)

    (ours_pdf, pdf_bytes), (base_pdf, base_bytes) = compare(
        repeat, lambda: render_pdf(doc), baseline
    )
    pdf_ratio = ours_pdf / base_pdf
    print(
        f"PDF:      render_pdf {ours_pdf:7.2f} s ({len(pdf_bytes) / 1e6:.1f} MB) | plain canvas "
        f"{base_pdf:7.2f} s ({cells} cells, {len(base_bytes) / 1e6:.1f} MB) | "
        f"ratio {pdf_ratio:.2f} (limit {PDF_LIMIT})"
    )
    return pdf_ratio


def time_xlsx(doc: ProtocolDocument, repeat: int) -> float:
    sheets = captured_cells(doc)
    written = sum(len(row) for _, rows in sheets for row in rows)
    (ours_xlsx, xlsx_bytes), (base_xlsx, _) = compare(
        repeat, lambda: render_xlsx(doc), lambda: plain_workbook(sheets)
    )
    xlsx_ratio = ours_xlsx / base_xlsx
    print(
        f"Workbook: render_xlsx {ours_xlsx:6.2f} s ({len(xlsx_bytes) / 1e6:.1f} MB) | "
        f"write-only baseline {base_xlsx:6.2f} s ({written} cells) | "
        f"ratio {xlsx_ratio:.2f} (limit {XLSX_LIMIT})"
    )
    return xlsx_ratio


if __name__ == "__main__":
    raise SystemExit(main())
