"""The protocol as an Excel workbook (openpyxl, streamed in write-only mode).

``render_xlsx(doc)`` returns the bytes of a workbook with the sheets ranking, rules, scores
by member, formal check and committee (Polish names, English for an English document).

The numbers are the engine's, and the totals are *live formulas* that Excel or LibreOffice
recompute from the members' scores to exactly the engine's values, to the grosz:

* a member-scored criterion's aggregate is ``AVERAGE`` (or ``MEDIAN``) of the counted
  members' scores on the scores sheet — one contiguous block of rows per offer with the counted
  members first, so the range never includes an expert or a recused member; blank cells (a
  member who did not score that criterion) are skipped, as the engine skips them;
* points are ``score × weight / scale max`` (multiplied first so that the binary value lies as
  close as possible to the exact one), and formula criteria use the offers' figures on the
  ranking sheet (``MIN(range) × weight / value``, ``MIN(value, cap) × weight / MIN(MAX(range),
  cap)``, nested ``IF`` for bands);
* ``ROUND`` is applied where the competition's rounding stage says: each aggregate and each
  criterion's points at stage *criterion*, only the total at stage *total*.  Excel's and
  LibreOffice's ROUND round half away from zero, which for the non-negative points is the
  engine's half-up.

What is a committee decision, not a calculation (a consensus score that replaced the aggregate,
a rank, an award) is written as a value with a cell comment saying so.

Speed (2,000 offers: over a million cells and 140,000 explanation lines): the scores sheet's
cells are plain values without styles (scores in the General format read "7,5" in a Polish
spreadsheet), which the workbook's default format wraps (:mod:`app.protocol.xlsx_cells`);
styled cells take the array of a named style instead of resolving fonts and formats cell by
cell; the ranking's formulas are filled into one template per column; the explanations are
worded by ``app.texts.StepExplainer`` (the words of ``app.texts``, each template parsed once);
and rows of one height share one ``RowDimension``.
``benchmarks/bench_protocol.py`` compares the whole with openpyxl writing the same cells.
"""

from __future__ import annotations

import io
import logging
from datetime import UTC

from app.protocol.document import ProtocolDocument
from app.protocol.xlsx_base import sheet_names
from app.protocol.xlsx_cells import AUTHOR, FIRST_ROW, HEADER_ROW
from app.protocol.xlsx_records import RecordSheets
from app.protocol.xlsx_results import ResultSheets

log = logging.getLogger(__name__)

__all__ = ["FIRST_ROW", "HEADER_ROW", "render_xlsx", "sheet_names"]


class _WorkbookBuilder(ResultSheets, RecordSheets):
    """The whole workbook, sheet by sheet."""

    def build(self) -> bytes:
        doc = self.doc
        rows = self.plan_scores()
        self.ranking_sheet()
        self.rules_sheet()
        self.scores_sheet(rows)
        self.formal_sheet()
        self.committee_sheet()
        self.explanations_sheet()
        props = self.wb.properties
        props.title = f"{self.t('protocol')} – {doc.competition.case_reference}"
        props.subject = doc.competition.title[:255]
        props.creator = AUTHOR
        props.identifier = doc.competition.uid
        props.keywords = f"fingerprint={doc.fingerprint}; version={doc.version}"
        props.language = doc.language
        created = doc.generated_at.astimezone(UTC).replace(tzinfo=None)
        props.created = created
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()


def render_xlsx(doc: ProtocolDocument) -> bytes:
    """The protocol workbook; its totals are formulas that recompute to the engine's numbers."""
    doc.check_consistency()
    data = _WorkbookBuilder(doc).build()
    log.info(
        "protocol workbook rendered: %s v%d, %d bytes",
        doc.competition.case_reference,
        doc.version,
        len(data),
    )
    return data
