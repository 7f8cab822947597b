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
spreadsheet); styled cells take a prepared style array instead of resolving fonts and formats
cell by cell, and reach openpyxl's writer without its exception path for cells; the ranking's
formulas are filled into one template per column; the explanations are worded by
``app.texts.StepExplainer`` (the words of ``app.texts``, each template parsed once); and row
heights are shared attribute pairs rather than a ``RowDimension`` per row.
``benchmarks/bench_protocol.py`` compares the whole with openpyxl writing the same cells.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from types import MethodType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.properties import PageSetupProperties

from app.protocol.document import CompetitionKind, ProtocolDocument
from app.protocol.formatting import excel_datetime, format_datetime, format_score
from app.protocol.labels import (
    FLAG_ORDER,
    aggregation_label,
    allocation_label,
    flag_label,
    kind_label,
    label,
    role_label,
    rounding_label,
    threshold_label,
    tie_breaker_label,
)
from app.scoring.types import (
    AllocationMethod,
    Criterion,
    CriterionKind,
    CriterionResult,
    Flag,
    MemberRole,
    OfferResult,
    RoundingStage,
    ThresholdBasis,
)
from app.texts import StepExplainer

log = logging.getLogger(__name__)

__all__ = ["HEADER_ROW", "render_xlsx", "sheet_names"]

HEADER_ROW = 6  # the table header on every sheet; rows 1-4 name the protocol, 5 is a banner
FIRST_ROW = HEADER_ROW + 1
MAX_TEXT = 32767  # Excel's limit for one cell
JUSTIFICATION_WIDTH = 45
_DEFAULT_LOOK = (None, "wrap")  # styles that equal the default format (wrapped, top)
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
_AUTHOR = "Komisja"


def sheet_names(lang: str) -> dict[str, str]:
    """The sheet names of a workbook in ``lang``: role → name."""
    return {
        key: label(lang, f"wb_{key}")
        for key in ("ranking", "rules", "scores", "formal", "committee", "explain")
    }


def _member_scored(criterion: Criterion) -> bool:
    return criterion.kind is CriterionKind.SCORED or (
        criterion.kind is CriterionKind.YES_NO and criterion.field is None
    )


class _PlainCell(Cell):  # type: ignore[misc]  (openpyxl is untyped)
    """A cell of a plain value, written with ``s="0"`` (the workbook's default format).

    Excel gives a cell without ``s`` the first cell format (wrapped, top-aligned here), but
    LibreOffice gives it its own default (one line, bottom-aligned), so long names and
    affiliations ran past their columns there; naming the format costs a few bytes a cell.
    """

    __slots__ = ()

    @property
    def has_style(self) -> bool:
        return True

    @property
    def style_id(self) -> int:
        if self._style is None:
            return 0
        return int(self.parent.parent._cell_styles.add(self._style))


def _plain_cell(ws: Any) -> Cell:
    return _PlainCell(ws, row=1, column=1)


def _values_to_row(ws: Any, values: Iterable[Any], row_idx: int) -> Iterator[Cell]:
    """openpyxl's ``WriteOnlyWorksheet._values_to_row`` without its slow path for cells.

    openpyxl first tries each value as a plain value and, for a prepared (styled) cell, catches
    the ``ValueError`` whose message formats the cell's repr — several microseconds per styled
    cell.  Here a prepared cell is recognised at once, and a plain value is bound to one reused
    cell as in openpyxl 3.1.  (The protocol has no hyperlinks, which openpyxl also handles.)
    """
    cell = _plain_cell(ws)
    for col_idx, value in enumerate(values, 1):
        if value is None:
            continue
        if isinstance(value, Cell):
            value.column = col_idx
            value.row = row_idx
            yield value
            continue
        cell._bind_value(value)
        cell.column = col_idx
        cell.row = row_idx
        yield cell
        if cell._style is not None:  # a date or time gave the reused cell a number format
            cell = _plain_cell(ws)


def _text(value: str) -> str:
    """User text made safe for a cell: no XML-illegal characters, within Excel's length."""
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub(" ", value)
    return value[:MAX_TEXT]


class _Styles:
    """Prepared style arrays: a styled cell copies one instead of resolving its parts."""

    def __init__(self, wb: Workbook, lang: str) -> None:
        thin = Side(style="thin", color="808080")
        money = '#,##0.00\\ "zł"' if lang == "pl" else '#,##0.00\\ "PLN"'
        day = "DD.MM.YYYY" if lang == "pl" else "YYYY-MM-DD"
        moment = f"{day} HH:MM"
        top = Alignment(vertical="top")
        wrap = Alignment(vertical="top", wrap_text=True)
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
            "wrap": {"alignment": wrap},
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
        self.wb = wb
        # Cells without a style (the bulk of a large workbook, written as plain values for
        # speed) get the workbook's default format: wrapped text aligned to the top.
        wrap_id = wb._alignments.add(wrap)
        default = StyleArray()
        default.alignmentId = wrap_id
        wb._cell_styles = IndexedList([default])
        self.arrays: dict[str, Any] = {}
        probe = wb.create_sheet("_probe")
        for name, spec in specs.items():
            cell = WriteOnlyCell(probe)
            for attr, value in spec.items():
                setattr(cell, attr, value)
            self.arrays[name] = cell._style  # openpyxl's style array, copied per cell
        wb.remove(probe)
        self.wrapping = {i for i, alignment in enumerate(wb._alignments) if alignment.wrap_text}


class _Sheet:
    """One write-only sheet with the cell helpers the protocol needs."""

    def __init__(self, wb: Workbook, title: str, styles: _Styles, widths: Sequence[float]):
        self.ws = wb.create_sheet(title)
        self.ws._values_to_row = MethodType(_values_to_row, self.ws)
        self.title = title
        self.ref = quote_sheetname(title)
        self.styles = styles
        self.row = 0
        self.widths = list(widths)
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def cell(self, value: Any, style: str | None = None, comment: str | None = None) -> Any:
        # Cell copies the style array; row and column are set when the row is written
        cell = Cell(
            self.ws, None, None, value, None if style is None else self.styles.arrays[style]
        )
        if comment:
            cell.comment = Comment(comment, _AUTHOR, width=320, height=90)
        return cell

    def text(self, value: str | None, style: str | None = None) -> Any:
        """A cell holding user text, never interpreted as a formula.

        Wrapped, top-aligned text is the workbook's default format, so such text goes out as
        a plain value (a styled cell costs several times more to write).
        """
        if value is None or value == "":
            return None
        if value[0] != "=" and style in _DEFAULT_LOOK:
            return _text(value)
        array = None if style is None else self.styles.arrays[style]
        if value[0] != "=":
            return Cell(self.ws, None, None, _text(value), array)
        cell = Cell(self.ws, None, None, None, array)
        cell._value = _text(value)  # bypasses the formula detection
        cell.data_type = "s"
        return cell

    def append(self, values: Iterable[Any], lines: int = 1) -> int:
        """Writes the next row, at least ``lines`` lines tall and as tall as its wrapped texts
        need (a write-only row is written at once: its height cannot be set afterwards)."""
        row = list(values)
        wrapping = self.styles.wrapping
        widths = self.widths
        for index, value in enumerate(row[: len(widths)]):
            if isinstance(value, Cell):
                style = value._style  # None or all zeros: the default, wrapping format
                if style and any(style) and style.alignmentId not in wrapping:
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


class _WorkbookBuilder:
    def __init__(self, doc: ProtocolDocument) -> None:
        self.doc = doc
        self.lang = doc.language
        self.wb = Workbook(write_only=True)
        self.styles = _Styles(self.wb, self.lang)
        self.names = sheet_names(self.lang)
        self.stage_total = doc.policy.rounding_stage is RoundingStage.TOTAL
        self.places = doc.policy.rounding_places
        self.admitted: list[OfferResult] = [r for r in doc.results.offers if r.admitted]
        self.scored = [c for c in doc.criteria if _member_scored(c)]
        self.score_letters: dict[str, str] = {  # column of each criterion on the scores sheet
            c.id: get_column_letter(5 + i) for i, c in enumerate(self.scored)
        }
        # offer code -> (first row, last counted row) of its block on the scores sheet
        self.blocks: dict[str, tuple[int, int]] = {}

    def t(self, key: str, **params: Any) -> str:
        return label(self.lang, key, **params)

    def num_text(self, value: Decimal | None) -> str:
        return "" if value is None else format_score(value, self.lang)

    def when(self, value: datetime | None) -> datetime | None:
        return None if value is None else excel_datetime(value)

    # -- common parts ----------------------------------------------------------------------

    def title_block(self, sheet: _Sheet, heading: str) -> None:
        doc = self.doc
        comp = doc.competition
        sheet.append([sheet.cell(f"{doc.institution.name} – {heading}", "title")])
        sheet.append([sheet.text(comp.title, "subtitle")])
        parts = [
            self.t("header_case", ref=comp.case_reference),
            f"{self.t('version')}: {doc.version}",
            f"{self.t('wb_fingerprint')}: {doc.fingerprint}",
        ]
        sheet.append([sheet.text(" · ".join(parts), "info")])
        if doc.is_draft:
            status = self.t("status_draft")
        else:
            status = self.t(
                "status_signed",
                when=format_datetime(doc.signed_off_at, self.lang),
                who=doc.signed_off_by,
            )
        generated = format_datetime(doc.generated_at, self.lang)
        sheet.append([sheet.text(f"{status} · {self.t('wb_generated')}: {generated}", "info")])
        if doc.is_cancelled:
            sheet.append([sheet.cell(self.cancel_banner(), "banner")])
        elif doc.is_draft:
            sheet.append([sheet.cell(self.t("draft_mark"), "banner")])
        else:
            sheet.blank()

    def cancel_banner(self) -> str:
        if self.doc.competition.kind is CompetitionKind.NGO_GRANT:
            return self.t("wb_cancelled")
        return self.t("cancelled_banner_other")

    def flags_text(self, r: OfferResult) -> str:
        words = [flag_label(self.lang, f) for f in FLAG_ORDER if f in r.flags]
        if not r.eligible and Flag.BELOW_THRESHOLD not in r.flags:
            words.insert(0, self.t("rk_ineligible"))
        return "; ".join(words)

    # -- scores by member ------------------------------------------------------------------

    def plan_scores(self) -> list[tuple[str, str, str]]:
        """Rows of the scores sheet: (offer, member, counted-state), grouped by offer.

        Fills ``self.blocks`` so the ranking's formulas know each offer's counted rows.
        """
        doc = self.doc
        scored_pairs: set[tuple[str, str]] = {
            (s.offer_code, s.member_code) for s in doc.individual_scores
        }
        recused = {(r.offer_code, r.member_code) for r in doc.recusals}
        order = {m.code: i for i, m in enumerate(doc.committee)}
        rows: list[tuple[str, str, str]] = []
        row = FIRST_ROW
        by_offer = {r.offer_id: r for r in self.admitted}
        for offer in doc.offers:
            result = by_offer.get(offer.code)
            if result is None:
                continue
            counted = sorted(result.counted_members, key=lambda m: order.get(m, 0))
            first = row
            for counted_code in counted:
                rows.append((offer.code, counted_code, ""))
                row += 1
            self.blocks[offer.code] = (first, row - 1)
            for member in doc.committee:
                code = member.code
                if code in result.counted_members:
                    continue
                reason = result.excluded_members.get(code)
                if (offer.code, code) in scored_pairs or (offer.code, code) in recused:
                    rows.append((offer.code, code, reason or "other"))
                    row += 1
        return rows

    def counted_text(self, reason: str) -> str:
        if not reason:
            return self.t("wb_counted_yes")
        if reason == "expert":
            return self.t("wb_excluded_expert")
        if reason == "recused":
            return self.t("wb_excluded_recused")
        return self.t("wb_excluded_other", reason=reason)

    def scores_sheet(self, rows: list[tuple[str, str, str]]) -> None:
        doc = self.doc
        scored = self.scored
        n = len(scored)
        widths = [9, 9, 24, 14, *([8] * n), *([JUSTIFICATION_WIDTH] * n)]
        sheet = _Sheet(self.wb, self.names["scores"], self.styles, widths)
        sheet.landscape(HEADER_ROW, "E7", title_cols="A:D")
        last_col = get_column_letter(4 + 2 * n)
        sheet.ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW + max(len(rows), 1)}"
        self.title_block(sheet, self.t("annex_scores"))
        sheet.header(
            [
                self.t("ax_offer"),
                self.t("wb_member_code"),
                self.t("wb_member_name"),
                self.t("wb_counted"),
                *(self.t("wb_score_of", code=c.id) for c in scored),
                *(self.t("wb_just", code=c.id) for c in scored),
            ]
        )
        index: dict[tuple[str, str], dict[str, tuple[Decimal, str]]] = {}
        for s in doc.individual_scores:
            index.setdefault((s.offer_code, s.member_code), {})[s.criterion_id] = (
                s.score,
                s.justification,
            )
        names = {m.code: _text(m.name) for m in doc.committee}
        ids = [c.id for c in scored]
        counted_yes = self.counted_text("")
        append = sheet.ws.append
        text = sheet.text
        empty: dict[str, tuple[Decimal, str]] = {}
        per_line = _per_line(JUSTIFICATION_WIDTH)
        row_no = sheet.row
        for offer, member, reason in rows:
            row_no += 1
            given = index.get((offer, member), empty)
            values: list[Any] = [
                offer,
                member,
                names.get(member, member),
                counted_yes if not reason else self.counted_text(reason),
            ]
            pairs = [given.get(cid) for cid in ids]
            values.extend(None if p is None else p[0] for p in pairs)
            longest = max((len(p[1]) for p in pairs if p is not None), default=0)
            if longest > per_line:  # the longest text sets the height (line breaks aside)
                sheet.height(row_no, -(-longest // per_line))
            for p in pairs:  # plain strings (fast) unless the text needs protecting
                if p is None or not p[1]:
                    values.append(None)
                elif p[1][0] == "=" or _ILLEGAL.search(p[1]) or len(p[1]) > MAX_TEXT:
                    values.append(text(p[1]))
                else:
                    values.append(p[1])
            append(values)
        sheet.row += len(rows)

    # -- ranking -----------------------------------------------------------------------------

    def ranking_sheet(self) -> None:
        doc = self.doc
        lang = self.lang
        policy = doc.policy
        criteria = list(doc.criteria)
        with_money = policy.allocation.method is not AllocationMethod.NONE
        unscaled = policy.min_total_basis is ThresholdBasis.UNSCALED
        fields: list[str] = []
        for c in criteria:
            if not _member_scored(c) and c.field and c.field not in fields:
                fields.append(c.field)
        # column layout
        col = 4
        score_col: dict[str, str] = {}
        for c in self.scored:
            score_col[c.id] = get_column_letter(col)
            col += 1
        field_col: dict[str, str] = {}
        for name in fields:
            field_col[name] = get_column_letter(col)
            col += 1
        points_col: dict[str, str] = {}
        for c in criteria:
            points_col[c.id] = get_column_letter(col)
            col += 1
        col += 1 + (1 if unscaled else 0)  # total, unscaled total
        award_index = col + 1  # after the amount requested
        award_col = get_column_letter(award_index)
        widths = [8, 8, 44]
        widths += [9] * (len(self.scored) + len(fields) + len(criteria))
        widths += [10] + ([10] if unscaled else []) + [15, 15, 36]
        sheet = _Sheet(self.wb, self.names["ranking"], self.styles, widths)
        sheet.landscape(HEADER_ROW, "D7")
        self.title_block(sheet, self.t("s_ranking" if with_money else "s_selection"))
        max_word = "maks." if lang == "pl" else "max"
        sheet.header(
            [
                self.t("rk_rank"),
                self.t("rk_offer"),
                self.t("rk_applicant"),
                *(self.t("wb_score_of", code=c.id) for c in self.scored),
                *(self.t("wb_value_of", field=name) for name in fields),
                *(
                    f"{self.t('wb_points_of', code=c.id)} "
                    f"({max_word} {format_score(c.weight, lang)})"
                    for c in criteria
                ),
                self.t("res_total"),
                *([self.t("res_unscaled")] if unscaled else []),
                self.t("rk_requested"),
                self.t("rk_award" if with_money else "rk_selected"),
                self.t("rk_status"),
            ]
        )
        rows = self.admitted
        first, last = FIRST_ROW, FIRST_ROW + len(rows) - 1
        p = self.places
        # Every formula of a column differs only in the row numbers: one template per column,
        # filled with str.format ({0} the row, or the offer's first and last scores row).
        scores_ref = quote_sheetname(self.names["scores"]).replace("{", "{{").replace("}", "}}")
        agg = "MEDIAN" if policy.aggregation.value == "median" else "AVERAGE"
        aggregates: list[tuple[str, str]] = []  # (criterion id, formula template)
        for c in self.scored:
            scol = self.score_letters[c.id]
            inner = f"{agg}({scores_ref}!{scol}{{0}}:{scol}{{1}})"
            if self.stage_total or c.kind is CriterionKind.YES_NO:
                aggregates.append((c.id, f"={inner}"))
            else:
                aggregates.append((c.id, f"=ROUND({inner},{p})"))
        points = [
            (c, *self.points_template(c, first, last, score_col, field_col)) for c in criteria
        ]
        pts = ",".join(f"{points_col[c.id]}{{0}}" for c in criteria)
        total_template = f"=ROUND(SUM({pts}),{p})"
        parts = ",".join(
            f"{score_col[c.id]}{{0}}" for c in self.scored if c.kind is CriterionKind.SCORED
        )
        unscaled_template = f"=ROUND(SUM({parts}),{p})" if parts else None
        comment_consensus = self.t("wb_comment_consensus")
        comment_given = self.t("wb_comment_given")
        cell = sheet.cell
        for offset, r in enumerate(rows):
            row = FIRST_ROW + offset
            offer = doc.offer_by_code[r.offer_id]
            by_id: dict[str, CriterionResult] = {c.criterion_id: c for c in r.criteria}
            cells: list[Any] = [
                cell(r.rank, "int") if r.rank is not None else None,
                cell(r.offer_id, "bold"),
                sheet.text(f"{offer.applicant} – „{offer.title}”", "wrap"),
            ]
            block = self.blocks.get(r.offer_id)
            span = block if block is not None and block[1] >= block[0] else None
            # aggregated scores
            formula_ok: set[str] = set()
            for cid, template in aggregates:
                cr = by_id.get(cid)
                if cr is None or cr.score is None or span is None:
                    cells.append(None)
                elif cr.consensus:
                    cells.append(cell(cr.score, "score", comment_consensus))
                    formula_ok.add(cid)
                else:
                    cells.append(cell(template.format(*span), "score"))
                    formula_ok.add(cid)
            # figures of formula criteria
            values = offer.values
            cells.extend(values.get(name) for name in fields)
            # points
            for c, formula, needs in points:
                cr = by_id.get(c.id)
                if cr is None:
                    cells.append(None)
                elif (
                    formula is None
                    or (needs is not None and values.get(needs) is None)
                    or (needs is None and c.id in score_col and c.id not in formula_ok)
                ):
                    value = cr.points_exact if self.stage_total else cr.points
                    cells.append(cell(value, "num", comment_given))
                else:
                    cells.append(cell(formula.format(row), "num"))
            if r.total is None:
                cells.append(None)
            else:
                cells.append(cell(total_template.format(row), "num_bold"))
            if unscaled:
                cells.append(
                    cell(unscaled_template.format(row), "num")
                    if unscaled_template
                    else r.unscaled_total
                )
            cells.append(sheet.cell(offer.requested, "money"))
            if with_money:
                note = None
                if r.award is not None and Flag.MANUAL_AWARD in r.flags:
                    note = self.t("wb_comment_manual_award")
                cells.append(
                    sheet.cell(r.award, "money_bold", note) if r.award is not None else None
                )
            else:
                cells.append(self.t("yes") if Flag.SELECTED in r.flags else self.t("no"))
            cells.append(sheet.text(self.flags_text(r), "wrap"))
            sheet.append(cells)
        sheet.blank()
        res = doc.results
        if with_money and rows:
            sum_row = sheet.append(
                [
                    None,
                    None,
                    sheet.cell(self.t("wb_sum_awarded"), "bold"),
                    *([None] * (award_index - 4)),
                    sheet.cell(f"=SUM({award_col}{first}:{award_col}{last})", "money_bold"),
                ]
            )
            budget = res.budget if res.budget is not None else policy.allocation.budget
            if budget is not None:
                budget_row = sheet.append(
                    [
                        None,
                        None,
                        sheet.cell(self.t("wb_budget"), "bold"),
                        *([None] * (award_index - 4)),
                        sheet.cell(budget, "money"),
                    ]
                )
                sheet.append(
                    [
                        None,
                        None,
                        sheet.cell(self.t("wb_left"), "bold"),
                        *([None] * (award_index - 4)),
                        sheet.cell(f"={award_col}{budget_row}-{award_col}{sum_row}", "money"),
                    ]
                )
        elif not with_money:
            selected = [r.offer_id for r in rows if Flag.SELECTED in r.flags]
            words = (
                self.t("rk_selected_list", items=", ".join(selected))
                if selected
                else self.t("rk_selected_none")
            )
            sheet.append([None, None, sheet.text(words, "bold")])
        if not rows:
            sheet.append([None, None, sheet.cell(self.t("res_none"), "wrap")])
        if res.not_evaluated:
            sheet.append(
                [
                    None,
                    None,
                    sheet.text(
                        self.t("res_not_evaluated", codes=", ".join(res.not_evaluated)), "wrap"
                    ),
                ]
            )
        if self.stage_total:
            sheet.append([None, None, sheet.text(self.t("res_stage_total_note"), "wrap")])
        if doc.is_cancelled and doc.cancellation_reason:
            sheet.append(
                [
                    None,
                    None,
                    sheet.text(self.t("cancel_reason", reason=doc.cancellation_reason), "wrap"),
                ]
            )

    def points_template(
        self,
        c: Criterion,
        first: int,
        last: int,
        score_col: dict[str, str],
        field_col: dict[str, str],
    ) -> tuple[str | None, str | None]:
        """The live formula of one criterion's points as a template of the ranking row
        (``{0}``), and the figure an offer needs for it (without it: a value, no formula).

        (None, None): the criterion's points are always written as values.
        """
        p = self.places
        weight = _num(c.weight)
        row = "{0}"

        def rounded(expr: str) -> str:
            return f"={expr}" if self.stage_total else f"=ROUND({expr},{p})"

        if c.kind is CriterionKind.SCORED:
            top = _num(c.max_score or Decimal(1))
            return rounded(f"{score_col[c.id]}{row}*{weight}/{top}"), None
        if c.kind is CriterionKind.YES_NO:
            if c.field is None:
                return f"=IF({score_col[c.id]}{row}>0.5,{weight},0)", None
            return f"=IF({field_col[c.field]}{row}=1,{weight},0)", c.field
        if c.field is None:
            return None, None
        letter = field_col[c.field]
        cell = f"{letter}{row}"
        column = f"${letter}${first}:${letter}${last}"
        if c.kind is CriterionKind.LOWER_BETTER:
            return rounded(f"MIN({column})*{weight}/{cell}"), c.field
        if c.kind is CriterionKind.HIGHER_BETTER:
            if c.cap is not None:
                cap = _num(c.cap)
                return rounded(f"MIN({cell},{cap})*{weight}/MIN(MAX({column}),{cap})"), c.field
            return rounded(f"{cell}*{weight}/MAX({column})"), c.field
        # banded: the highest band whose lower bound the value reaches
        expr = "0"
        for band in sorted(c.bands, key=lambda b: b.from_value):
            expr = f"IF({cell}>={_num(band.from_value)},{_num(band.points)},{expr})"
        return rounded(expr), c.field

    # -- rules -------------------------------------------------------------------------------

    def criterion_details(self, crit: Criterion) -> str:
        lang = self.lang
        weight = format_score(crit.weight, lang)
        if crit.kind is CriterionKind.SCORED:
            top = format_score(crit.max_score or Decimal(0), lang)
            return self.t("detail_scored", max=top, weight=weight)
        if crit.kind is CriterionKind.LOWER_BETTER:
            return self.t("detail_lower", field=crit.field or "", weight=weight)
        if crit.kind is CriterionKind.HIGHER_BETTER:
            text = self.t("detail_higher", field=crit.field or "", weight=weight)
            if crit.cap is not None:
                text += self.t("detail_cap", cap=format_score(crit.cap, lang))
            return text
        if crit.kind is CriterionKind.BANDED:
            return self.t("detail_banded", field=crit.field or "", bands=self.bands_text(crit))
        return self.t("detail_yes_no", weight=weight)

    def bands_text(self, crit: Criterion) -> str:
        return "; ".join(
            self.t(
                "detail_band",
                from_value=format_score(b.from_value, self.lang),
                points=format_score(b.points, self.lang),
            )
            for b in crit.bands
        )

    def rules_sheet(self) -> None:
        doc = self.doc
        lang = self.lang
        policy = doc.policy
        sheet = _Sheet(
            self.wb, self.names["rules"], self.styles, [8, 40, 20, 11, 10, 10, 9, 16, 12, 24, 48]
        )
        sheet.landscape(HEADER_ROW, "A7")
        self.title_block(sheet, self.t("s_rules"))
        sheet.header(
            [
                self.t("r_code"),
                self.t("r_name"),
                self.t("r_kind"),
                self.t("wb_max"),
                self.t("wb_step_size"),
                self.t("r_weight"),
                self.t("r_min"),
                self.t("wb_field"),
                self.t("wb_cap"),
                self.t("wb_bands"),
                self.t("r_details"),
            ]
        )
        for c in doc.criteria:
            sheet.append(
                [
                    sheet.cell(c.id, "bold"),
                    sheet.text(c.name, "wrap"),
                    sheet.cell(kind_label(lang, c.kind), "wrap"),
                    c.max_score,
                    c.step,
                    sheet.cell(c.weight, "top"),
                    c.min_score,
                    sheet.text(c.field or "", "top"),
                    c.cap,
                    sheet.text(self.bands_text(c) if c.bands else "", "wrap"),
                    sheet.text(self.criterion_details(c), "wrap"),
                ]
            )
        total_row = sheet.row
        sheet.append(
            [
                None,
                sheet.cell("Σ", "bold"),
                None,
                None,
                None,
                sheet.cell(f"=SUM(F{FIRST_ROW}:F{total_row})", "bold"),
            ]
        )
        sheet.blank()
        sheet.append([None, sheet.cell(self.t("wb_rule"), "head"), sheet.cell("", "head")])
        items: list[tuple[str, str]] = [
            (
                self.t("agg_" + policy.aggregation.value).capitalize(),
                self.t("r_aggregation", how=aggregation_label(lang, policy.aggregation)),
            ),
            (
                self.t("wb_step"),
                rounding_label(lang, policy.rounding_stage, policy.rounding_places),
            ),
        ]
        if policy.min_total is not None:
            items.append(
                (
                    self.t("r_min"),
                    threshold_label(lang, policy.min_total_basis, self.num_text(policy.min_total)),
                )
            )
        else:
            items.append((self.t("r_min"), self.t("r_no_threshold")))
        thresholds = [
            f"{c.id} ≥ {format_score(c.min_score, lang)}"
            for c in doc.criteria
            if c.min_score is not None
        ]
        if thresholds:
            items.append(
                (self.t("r_min"), self.t("r_criterion_thresholds", items=", ".join(thresholds)))
            )
        if policy.tie_breakers:
            chain = "; ".join(
                f"{n}) {tie_breaker_label(lang, tb.kind, tb.ref)}"
                for n, tb in enumerate(policy.tie_breakers, start=1)
            )
            items.append((self.t("dc_ties"), self.t("r_ties", chain=chain)))
        else:
            items.append((self.t("dc_ties"), self.t("r_no_ties")))
        if policy.discrepancy_points is not None:
            items.append(
                (
                    self.t("dc_discrepancies"),
                    self.t("r_discrepancy", value=self.num_text(policy.discrepancy_points)),
                )
            )
        else:
            items.append((self.t("dc_discrepancies"), self.t("r_no_discrepancy")))
        alloc = policy.allocation
        items.append(
            (
                self.t("rk_award"),
                self.t("r_allocation", method=allocation_label(lang, alloc.method)),
            )
        )
        if alloc.budget is not None:
            from app.protocol.formatting import format_money

            items.append(
                (
                    self.t("wb_budget"),
                    self.t(
                        "r_budget",
                        amount=format_money(alloc.budget, lang),
                        step=format_money(alloc.award_step, lang),
                    ),
                )
            )
        if alloc.full_above is not None:
            items.append(
                (self.t("rk_award"), self.t("r_full_above", value=self.num_text(alloc.full_above)))
            )
        if policy.winners is not None:
            items.append((self.t("rk_selected"), self.t("r_winners", count=policy.winners)))
        for name, value in items:
            sheet.append([None, sheet.cell(name, "bold"), sheet.text(value, "wrap")])
        # the call itself
        sheet.blank()
        comp = doc.competition
        inst = doc.institution
        call: list[tuple[str, Any, str | None]] = [
            (self.t("case_reference"), comp.case_reference, None),
            (self.t("kind_" + comp.kind.value).capitalize(), comp.title, None),
            (self.t("legal_basis"), comp.legal_basis, None),
            (self.t("committee_act"), comp.committee_act, None),
            (self.t("announced_on"), comp.announced_on, "date"),
            (self.t("publication_places"), comp.publication_places, None),
            (self.t("submission_deadline"), self.when(comp.submission_deadline), "datetime"),
            (self.t("decision_date"), comp.decision_date, "date"),
        ]
        for line in comp.budget_lines:
            call.append((f"{self.t('budget')} – {line.year}", line.amount, "money"))
        if comp.total_budget is not None:
            call.append((self.t("budget"), comp.total_budget, "money"))
        call += [
            (self.t("c_affiliation"), f"{inst.name}, {inst.address}".strip(", "), None),
            (self.t("competition_uid"), comp.uid, None),
            (self.t("version"), doc.version, None),
            (self.t("fingerprint"), doc.fingerprint, None),
        ]
        for name, value, style in call:
            if value is None or value == "":
                continue
            if isinstance(value, str):
                cell = sheet.text(value, "wrap")
            else:
                cell = sheet.cell(value, style or "top")
            sheet.append([None, sheet.cell(name, "bold"), cell])
        if doc.sheet_sources:
            sheet.blank()
            sheet.append(
                [
                    None,
                    sheet.cell(self.t("r_sources"), "head"),
                    sheet.cell(self.t("src_kind"), "head"),
                    sheet.cell(self.t("src_reference"), "head"),
                    sheet.cell(self.t("src_imported"), "head"),
                    sheet.cell(self.t("src_sha"), "head"),
                ]
            )
            for src in doc.sheet_sources:
                member = doc.member_by_code.get(src.member_code)
                sheet.append(
                    [
                        None,
                        sheet.text(f"{src.member_code} – {member.name if member else ''}", "top"),
                        self.t("src_" + src.kind.value),
                        sheet.text(src.reference),
                        sheet.cell(self.when(src.imported_at), "datetime")
                        if src.imported_at
                        else None,
                        sheet.text(src.sha256),
                    ]
                )

    # -- formal check ------------------------------------------------------------------------

    def formal_sheet(self) -> None:
        doc = self.doc
        fields: list[str] = []
        for offer in doc.offers:
            for name in offer.values:
                if name not in fields:
                    fields.append(name)
        widths = [8, 34, 18, 13, 34, 16, 16, 9, 13, 40, 40] + [12] * len(fields)
        sheet = _Sheet(self.wb, self.names["formal"], self.styles, widths)
        sheet.landscape(HEADER_ROW, "C7")
        self.title_block(sheet, self.t("s_formal"))
        sheet.header(
            [
                self.t("o_code"),
                self.t("o_applicant"),
                self.t("o_legal_form"),
                self.t("o_nip"),
                self.t("o_title"),
                self.t("o_received"),
                self.t("o_requested"),
                self.t("o_late"),
                self.t("f_result"),
                self.t("f_reason"),
                self.t("f_corrections"),
                *(self.t("wb_value_of", field=name) for name in fields),
            ]
        )
        for offer in doc.offers:
            formal = doc.formal_by_offer.get(offer.code)
            corrections = ""
            if formal is not None:
                corrections = "\n".join(
                    self.t(
                        "f_correction",
                        requested=_date_text(c.requested_on, self.lang),
                        deadline=_date_text(c.deadline, self.lang),
                        scope=c.scope,
                        state=self.t("f_fulfilled", date=_date_text(c.fulfilled_on, self.lang))
                        if c.fulfilled_on
                        else self.t("f_not_fulfilled"),
                    )
                    for c in formal.corrections
                )
            result = ""
            if formal is not None:
                result = self.t("f_admitted" if formal.admitted else "f_rejected")
            sheet.append(
                [
                    sheet.cell(offer.code, "bold"),
                    sheet.text(offer.applicant, "wrap"),
                    sheet.text(offer.legal_form),
                    sheet.text(offer.nip or ""),
                    sheet.text(offer.title, "wrap"),
                    sheet.cell(excel_datetime(offer.received_at), "datetime"),
                    sheet.cell(offer.requested, "money"),
                    self.t("yes") if offer.late else self.t("no"),
                    sheet.cell(result, "bold"),
                    sheet.text(formal.reason if formal else "", "wrap"),
                    sheet.text(corrections, "wrap"),
                    *(offer.values.get(name) for name in fields),
                ]
            )
        sheet.blank()
        total = FIRST_ROW + len(doc.offers) - 1
        if doc.offers:
            sheet.append(
                [
                    None,
                    sheet.cell(self.t("res_total"), "bold"),
                    *([None] * 4),
                    sheet.cell(f"=SUM(G{FIRST_ROW}:G{total})", "money_bold"),
                ]
            )
        admitted = sum(1 for f in doc.formal_results if f.admitted)
        sheet.append(
            [
                None,
                sheet.text(
                    self.t(
                        "f_summary",
                        admitted=admitted,
                        rejected=len(doc.formal_results) - admitted,
                    ),
                    "top",
                ),
            ]
        )

    # -- committee -----------------------------------------------------------------------------

    def committee_sheet(self) -> None:
        doc = self.doc
        lang = self.lang
        meetings = doc.meetings
        widths = [12, 30, 22, 34, 16, 14] + [14] * len(meetings)
        widths[0] = max(widths[0], 16)
        sheet = _Sheet(self.wb, self.names["committee"], self.styles, widths)
        sheet.landscape(HEADER_ROW, "C7")
        self.title_block(sheet, self.t("s_committee"))
        sheet.header(
            [
                self.t("c_code"),
                self.t("c_name"),
                self.t("c_role"),
                self.t("c_affiliation"),
                self.t("c_declaration"),
                self.t("c_present"),
                *(
                    f"{self.t('c_attendance')} {format_datetime(m.starts_at, lang)}"
                    for m in meetings
                ),
            ]
        )
        for m in doc.committee:
            present = [
                {a.member_code: a.present for a in meeting.attendance}.get(m.code)
                for meeting in meetings
            ]
            sheet.append(
                [
                    sheet.cell(m.code, "bold"),
                    sheet.text(m.name, "top"),
                    role_label(lang, m.role),
                    sheet.text(m.affiliation, "wrap"),
                    sheet.cell(m.declaration_signed_on, "date") if m.declaration_signed_on else "—",
                    self.t("yes") if m.present_at_sign_off else self.t("no"),
                    *(
                        None
                        if p is None
                        else self.t("present_mark")
                        if p
                        else self.t("absent_mark")
                        for p in present
                    ),
                ]
            )
        if any(m.role is MemberRole.EXPERT for m in doc.committee):
            sheet.append([None, sheet.text(self.t("experts_note"), "line")])
        missing = [m.name for m in doc.committee if m.declaration_signed_on is None]
        sheet.append(
            [
                None,
                sheet.text(
                    self.t("d_missing", names=", ".join(missing))
                    if missing
                    else self.t("d_all_signed"),
                    "line",
                ),
            ]
        )
        # meetings
        sheet.blank()
        sheet.append([sheet.cell(self.t("wb_meetings"), "subtitle")])
        sheet.header(
            [
                self.t("m_when"),
                self.t("m_place"),
                self.t("m_purpose"),
                self.t("m_present"),
                self.t("m_absent"),
            ]
        )
        names = doc.member_by_code
        for meeting in meetings:
            here = [names[a.member_code].name for a in meeting.attendance if a.present]
            away = [names[a.member_code].name for a in meeting.attendance if not a.present]
            sheet.append(
                [
                    sheet.cell(excel_datetime(meeting.starts_at), "datetime"),
                    sheet.text(meeting.place, "wrap"),
                    sheet.text(meeting.purpose, "wrap"),
                    sheet.text(", ".join(here), "wrap"),
                    sheet.text(", ".join(away) or "—", "wrap"),
                ]
            )
        # recusals
        sheet.blank()
        sheet.append([sheet.cell(self.t("d_recusals"), "subtitle")])
        if doc.recusals:
            sheet.header(
                [
                    self.t("d_member"),
                    self.t("c_name"),
                    self.t("d_offer"),
                    self.t("d_reason"),
                    self.t("d_declared"),
                ]
            )
            for rec in doc.recusals:
                sheet.append(
                    [
                        sheet.cell(rec.member_code, "bold"),
                        sheet.text(names[rec.member_code].name, "top"),
                        rec.offer_code,
                        sheet.text(rec.reason, "wrap"),
                        sheet.cell(rec.declared_on, "date") if rec.declared_on else None,
                    ]
                )
        else:
            sheet.append([sheet.text(self.t("d_no_recusals"), "line")])
        # decisions
        sheet.blank()
        sheet.append([sheet.cell(self.t("s_decisions"), "subtitle")])
        if doc.decisions:
            sheet.header(
                [
                    self.t("dc_date"),
                    self.t("dc_kind"),
                    self.t("dc_offers"),
                    self.t("dc_reason"),
                    self.t("dc_details"),
                ]
            )
            for d in doc.decisions:
                sheet.append(
                    [
                        sheet.cell(d.decided_on, "date"),
                        self.t("dk_" + d.kind.value),
                        sheet.text(", ".join(d.offer_codes), "top"),
                        sheet.text(d.reason, "wrap"),
                        sheet.text(d.details, "wrap"),
                    ]
                )
        else:
            sheet.append([sheet.text(self.t("none"), "line")])
        for group in doc.results.unresolved_ties:
            sheet.append([sheet.text(self.t("dc_tie_unresolved", codes=", ".join(group)), "line")])
        # remarks
        sheet.blank()
        sheet.append([sheet.cell(self.t("wb_remarks"), "subtitle")])
        for line in doc.remarks or (self.t("none"),):
            sheet.append([sheet.text(line, "line")])
        # earlier versions
        if doc.previous_versions:
            sheet.blank()
            sheet.append([sheet.cell(self.t("previous_versions"), "subtitle")])
            sheet.header(
                [
                    self.t("pv_number"),
                    self.t("pv_signed"),
                    self.t("pv_by"),
                    self.t("pv_reason"),
                    self.t("pv_reopened"),
                ]
            )
            for v in doc.previous_versions:
                sheet.append(
                    [
                        v.number,
                        sheet.cell(excel_datetime(v.signed_off_at), "datetime"),
                        sheet.text(v.signed_off_by, "top"),
                        sheet.text(v.reopen_reason, "wrap"),
                        sheet.cell(excel_datetime(v.reopened_at), "datetime")
                        if v.reopened_at
                        else None,
                    ]
                )
        self.signature_block(sheet)

    def signature_block(self, sheet: _Sheet) -> None:
        """The same signature block as the PDF: every member present at sign-off, then the
        approval of the head of the institution."""
        doc = self.doc
        sheet.blank()
        sheet.append([sheet.cell(self.t("s_signatures"), "subtitle")])
        sheet.append([None, sheet.text(self.t("sg_intro"), "line")])
        sheet.header(
            ["", self.t("sg_name"), self.t("sg_role"), self.t("sg_date"), self.t("sg_signature")]
        )
        for m in doc.committee:
            if m.present_at_sign_off:
                sheet.append([None, sheet.text(m.name, "top"), role_label(self.lang, m.role)], 3)
        sheet.blank()
        inst = doc.institution
        sheet.append([None, sheet.cell(self.t("sg_approve"), "subtitle")])
        sheet.append([None, None, None, self.t("sg_approve_line")], 3)
        sheet.append([None, sheet.text(inst.head_name, "top"), sheet.text(inst.head_title, "wrap")])

    def explanations_sheet(self) -> None:
        """Annex 2 of the PDF: the explanation of every number, offer by offer."""
        doc = self.doc
        lang = self.lang
        sheet = _Sheet(self.wb, self.names["explain"], self.styles, [10, 12, 120])
        sheet.landscape(HEADER_ROW, f"A{HEADER_ROW + 1}")
        self.title_block(sheet, self.t("annex_explain"))
        sheet.header([self.t("ax_offer"), self.t("ax_criterion"), self.t("ax_justification")])
        explain_step = StepExplainer(lang)
        for step in doc.results.steps:
            sheet.append([None, None, sheet.text(explain_step(step), "wrap")])
        word = self.t("ax_step_offer")
        widths = sheet.widths
        append = sheet.ws.append
        why = {e.offer_id: e for e in doc.explanations}
        for r in doc.results.offers:
            offer = doc.offer_by_code[r.offer_id]
            code = r.offer_id
            told = why.get(code)
            sheet.append(
                [
                    sheet.cell(code, "bold"),
                    None,
                    sheet.text(f"{offer.applicant} – „{offer.title}”", "wrap"),
                ]
            )
            # 140,000 rows in a large competition: written here directly, with the same
            # heights as _Sheet.append gives
            lines = line_count(code, widths[0]) if len(code) > widths[0] else 1
            groups = [
                (crit.criterion_id, told.criteria.get(crit.criterion_id, ()) if told else ())
                for crit in r.criteria
            ]
            groups.append((word, told.steps if told else r.placement))
            row_no = sheet.row
            for name, steps in groups:
                name_lines = line_count(name, widths[1]) if len(name) > widths[1] else 1
                for step in steps:
                    text = explain_step(step)
                    row_no += 1
                    height = max(lines, name_lines)
                    if len(text) > widths[2]:
                        height = max(height, line_count(text, widths[2]))
                    if height > 1:
                        sheet.height(row_no, height)
                    append([code, name, text])
            sheet.row = row_no

    # -- the whole ---------------------------------------------------------------------------

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
        props.creator = _AUTHOR
        props.identifier = doc.competition.uid
        props.keywords = f"fingerprint={doc.fingerprint}; version={doc.version}"
        props.language = doc.language
        created = doc.generated_at.astimezone(UTC).replace(tzinfo=None)
        props.created = created
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()


@cache
def _row_height(lines: int) -> tuple[tuple[str, str], ...]:
    """The attributes of a row ``lines`` lines of wrapped text tall.

    A write-only sheet takes a row's attributes from ``row_dimensions`` (a mapping or pairs);
    a ``RowDimension`` costs some 25 µs to make and to write out, and a large protocol has
    tens of thousands of tall rows, so they share these pairs — the same attributes.
    """
    return (("ht", safe_string(min(409.0, 15.0 * lines))), ("customHeight", "1"))


def _per_line(width: float) -> int:
    return max(4, int(width * 0.9))  # whole words wrap: lines hold fewer than width characters


def line_count(text: str, width: float) -> int:
    """Lines that ``text`` takes in a column ``width`` characters wide (an estimate)."""
    per_line = _per_line(width)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _num(value: Decimal) -> str:
    """A Decimal as a formula literal (``7.5``, never exponent form)."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _date_text(value: date | None, lang: str) -> str:
    from app.protocol.formatting import format_date

    return format_date(value, lang)


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
