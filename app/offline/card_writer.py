"""The score workbook's writer: one ``.xlsx`` card per committee member.

Layout (see :mod:`app.offline.card_layout` for rows, columns and words):

* ``Instrukcja`` / ``Instructions`` — the competition, case reference, member, deadline, how
  to fill the card in, and every criterion with its scale, weight and guidance.
* ``Karta oceny`` / ``Score card`` — row 4 is the header, data start in row 5, one row per
  (offer, criterion), offer by offer, and after each offer a total row with live formulas.
  Columns: A offer code, B applicant, C title (+ amount requested), D criterion code,
  E criterion, F max, G step, **H score**, **I justification**; J and K (hidden) mirror the
  row's key (offer code, criterion code), L (hidden, only when some weight differs from its
  scale) holds weight/max for the weighted total.  Only H and I are unlocked; the sheet and
  the workbook structure are protected (no password: this guards against slips, not
  against intent — the reader checks everything anyway).  Every score cell has a data
  validation of its criterion's scale and step, and a red conditional format for values that
  slipped past it (pasting bypasses validation).
* ``komisja_meta`` — "very hidden" and protected: key/value rows (format version, issue id,
  competition, member, fingerprint, generator, language, …) and the ordered offers and
  criteria (with scales) whose product, offer by offer, is the ordered key list of the card;
  ``keys_sha256`` seals that list.

Written in openpyxl's write-only mode: each kind of cell is a hidden named style, whose
array (``NamedStyle.as_tuple()``) a styled value carries into the row; the rows are written by
:func:`app.xlsx_internals.stream_styled_rows` (openpyxl's own way with styled cells takes
about twice as long for a card).  Rows of the same height share one ``RowDimension``.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.formatting import ConditionalFormatting
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.styles.borders import DEFAULT_BORDER
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import RowDimension

from app.offline.card_layout import (
    CARD_SHEET,
    COL_FACTOR,
    COL_KEY_CRITERION,
    COL_KEY_OFFER,
    COVER_SHEET,
    FIRST_ROW,
    HEADER_ROW,
    JUST_NOTE,
    JUSTIFICATION_LETTER,
    LABELS,
    META_SHEET,
    SCORE_LETTER,
    STEPS,
    TOTAL_MARK,
    format_amount,
    keys_digest,
)
from app.offline.problems import format_number
from app.offline.spec import FORMAT_VERSION, ScoreSheetSpec, SheetCriterion
from app.offline.validation import plain
from app.words import format_date
from app.words import text as words_text
from app.xlsx_internals import Styled, prepared_ranges, stream_styled_rows

log = logging.getLogger(__name__)

__all__ = ["build_workbook"]

# Characters XML 1.0 cannot carry; openpyxl would refuse them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text safe for XML; characters it cannot carry become spaces."""
    if _ILLEGAL_XML.search(text):
        log.info("removed characters XML cannot carry from %r", text[:40])
        return _ILLEGAL_XML.sub(" ", text)
    return text


def _hf(text: str) -> str:
    """Header/footer text: ``&`` starts a code there, so user text doubles it."""
    return _clean(text).replace("&", "&&")


def _num(value: Decimal) -> int | float:
    """A Decimal as the number openpyxl writes (exact for the values on a scale)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _dec(value: Decimal, lang: str) -> str:
    return format_number(plain(value), lang)


def _generator() -> str:
    from app import __version__

    return f"komisja {__version__}"


class _CardStyles:
    """The card's kinds of cell as hidden named styles of the workbook.

    A named style is resolved into the workbook's fonts, fills and borders once, when it is
    added; a cell then copies its style array, which is all a styled cell costs.
    """

    def __init__(self, wb: Workbook) -> None:
        thin = Side(style="thin", color="808080")
        medium = Side(style="medium", color="404040")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        group_top = Border(left=thin, right=thin, top=medium, bottom=thin)
        wrap_top = Alignment(wrap_text=True, vertical="top")
        centre_top = Alignment(horizontal="center", vertical="top")
        small = Font(name="Calibri", size=10)
        bold = Font(name="Calibri", size=10, bold=True)
        yellow = PatternFill("solid", fgColor="FFF2CC")
        grey = PatternFill("solid", fgColor="E7E6E6")
        header_fill = PatternFill("solid", fgColor="D9D9D9")
        unlocked = Protection(locked=False)
        self.arrays: dict[str, Any] = {}

        def make(name: str, **attributes: Any) -> None:
            attributes = {"border": DEFAULT_BORDER, **attributes}
            style = NamedStyle(name=f"komisja {name}", hidden=True, **attributes)
            wb.add_named_style(style)
            self.arrays[name] = style.as_tuple()

        for suffix, border in (("", box), ("_first", group_top)):
            make("text" + suffix, font=small, alignment=wrap_top, border=border)
            make("code" + suffix, font=bold, alignment=wrap_top, border=border)
            make("number" + suffix, font=small, alignment=centre_top, border=border)
            make(
                "score" + suffix,
                font=bold,
                alignment=centre_top,
                border=border,
                fill=yellow,
                protection=unlocked,
            )
            make(
                "justification" + suffix,
                font=small,
                alignment=wrap_top,
                border=border,
                fill=yellow,
                protection=unlocked,
            )
        make("total_label", font=bold, alignment=Alignment(horizontal="right"), fill=grey)
        make("total", font=bold, alignment=Alignment(horizontal="center"), fill=grey)
        make("total_plain", font=small, fill=grey)
        make(
            "header",
            font=bold,
            fill=header_fill,
            border=box,
            alignment=Alignment(wrap_text=True, horizontal="center", vertical="center"),
        )
        make("title", font=Font(name="Calibri", size=14, bold=True))
        make("info", font=Font(name="Calibri", size=10))
        make("hint", font=Font(name="Calibri", size=10, italic=True, color="C00000"))
        make("cover_label", font=Font(name="Calibri", size=11, bold=True), alignment=wrap_top)
        make("cover_text", font=Font(name="Calibri", size=11), alignment=wrap_top)
        make(
            "cover_head",
            font=Font(name="Calibri", size=11, bold=True),
            fill=header_fill,
            alignment=wrap_top,
        )

    def maker(self, ws: Any) -> Callable[[object, str], Styled]:
        """``cell(value, style name)`` for the cells of ``ws``, which streams styled rows."""
        stream_styled_rows(ws)
        arrays = self.arrays

        def cell(value: object, name: str) -> Styled:
            return (value, arrays[name])

        return cell


def _scale_texts(criterion: SheetCriterion, lang: str) -> dict[str, str]:
    example = criterion.max_score - criterion.step if criterion.max_score > criterion.step else 0
    return {
        "max": _dec(criterion.max_score, lang),
        "step": _dec(criterion.step, lang),
        "example": _dec(Decimal(example), lang),
    }


def _score_rule(cell: str, criterion: SheetCriterion) -> str:
    """Formula (no leading ``=``) true for a valid score in ``cell``: Excel and LibreOffice.

    ``ROUND(x/step, 9)`` absorbs binary noise (0.3/0.1 is 2.9999999999999996) before
    ``MOD(…, 1)`` tests for a whole number of steps; ``IF`` keeps text from reaching the
    arithmetic (an error there would make conditional formatting silently pass it).
    """
    top, step = plain(criterion.max_score), plain(criterion.step)
    return (
        f"IF(ISNUMBER({cell}),AND({cell}>=0,{cell}<={top},MOD(ROUND({cell}/{step},9),1)=0),FALSE)"
    )


def _ranges(rows: Sequence[int], letter: str) -> str:
    """``H5:H7 H9`` for the given rows (sorted), runs collapsed."""
    parts: list[str] = []
    start = prev = None
    for row in rows:
        if start is None:
            start = prev = row
        elif row == prev + 1:  # type: ignore[operator]
            prev = row
        else:
            parts.append(f"{letter}{start}" if start == prev else f"{letter}{start}:{letter}{prev}")
            start = prev = row
    if start is not None:
        parts.append(f"{letter}{start}" if start == prev else f"{letter}{start}:{letter}{prev}")
    return " ".join(parts)


def _page_setup(ws: Any, landscape: bool) -> None:
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25


def _protect(ws: Any) -> None:
    protection = ws.protection
    protection.sheet = True
    # members may still widen columns and rows to read long texts
    protection.formatColumns = False
    protection.formatRows = False
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False


def _header_footer(ws: Any, spec: ScoreSheetSpec, labels: dict[str, str]) -> None:
    member = f"{spec.member_name} ({spec.member_code})"
    ws.oddHeader.left.text = _hf(labels["header_left"].format(case=spec.case_reference))[:80]
    ws.oddHeader.left.size = 8
    ws.oddHeader.center.text = _hf(labels["header_center"].format(member=member))[:100]
    ws.oddHeader.center.size = 9
    ws.oddFooter.left.text = _hf(labels["footer_left"].format(fingerprint=spec.fingerprint[:16]))
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = labels["footer_right"]
    ws.oddFooter.right.size = 8


def _lines(text: object, width: float, points: float) -> int:
    """Lines a wrapped text needs in a column ``width`` characters wide (an estimate that errs
    on the tall side: neither Excel nor LibreOffice fits row heights to wrapped text when they
    open a file, so a row without a height shows only its first line)."""
    if not isinstance(text, str) or not text:
        return 1
    per_line = max(1, int(width * 1.05 * 11 / points))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


@cache
def _height(lines: int, points: float) -> RowDimension:
    """The row attributes of a row ``lines`` lines of wrapped ``points``-point text tall.

    Rows of one height share one dimension: what a row writes is its height, not its
    number (a 30,000-row card would otherwise make a dimension per row).
    """
    return RowDimension(None, ht=round(lines * points * 1.3 + 3, 1))


def _fit_height(ws: Any, row: int, lines: int, points: float) -> None:
    if lines > 1:
        ws.row_dimensions[row] = _height(lines, points)


def _write_cover(wb: Workbook, spec: ScoreSheetSpec, styles: _CardStyles) -> None:
    lang = spec.language
    labels = LABELS[lang]
    ws = wb.create_sheet(COVER_SHEET[lang])
    cell = styles.maker(ws)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 95
    _page_setup(ws, landscape=False)
    ws.print_options.gridLines = False
    _header_footer(ws, spec, labels)
    _protect(ws)

    rows: list[list[object]] = []

    def pair(label: str, value: str) -> None:
        rows.append([cell(_clean(label), "cover_label"), cell(_clean(value), "cover_text")])

    def head(text: str) -> None:
        rows.append([cell(text, "cover_head"), cell("", "cover_head")])

    role = words_text(f"role.{spec.member_role}", lang)
    deadline = format_date(spec.deadline, lang) if spec.deadline else labels["no_deadline"]
    just_key = "justification_required" if spec.require_justification else "justification_optional"
    rows += [[cell(labels["cover_title"], "title")], []]
    pair(labels["competition"], spec.competition_title)
    pair(labels["case_reference"], spec.case_reference)
    pair(labels["competition_uid"], spec.competition_uid)
    pair(labels["member"], f"{spec.member_name} ({spec.member_code})")
    pair(labels["role"], role)
    pair(labels["deadline"], deadline)
    pair(labels["offers_count"], str(len(spec.offers)))
    pair(labels["criteria_count"], str(len(spec.criteria)))
    pair(labels["justification"], labels[just_key])
    rows.append([])
    head(labels["how_title"])
    just = JUST_NOTE[(lang, spec.require_justification)]
    for number, step in enumerate(STEPS[lang], 1):
        pair(f"{number}.", step.format(just=just))
    rows.append([])
    head(labels["criteria_title"])
    rows.append(
        [
            cell(labels["criteria_head_code"], "cover_label"),
            cell(labels["criteria_head_text"], "cover_label"),
        ]
    )
    for criterion in spec.criteria:
        scale = labels["scale"].format(**_scale_texts(criterion, lang))
        weight = labels["weight"].format(weight=_dec(criterion.weight, lang))
        text = [f"{criterion.name}", f"{scale} · {weight}"]
        if criterion.guidance:
            text.append(criterion.guidance)
        pair(criterion.code, "\n".join(text))
    for number, row in enumerate(rows, 1):
        if len(row) == 2:
            texts = [value[0] if type(value) is tuple else value for value in row]
            lines = max(_lines(texts[0], 30, 11), _lines(texts[1], 95, 11))
            _fit_height(ws, number, lines, 11)
        ws.append(row)


def _write_card(wb: Workbook, spec: ScoreSheetSpec, styles: _CardStyles) -> None:
    lang = spec.language
    labels = LABELS[lang]
    ws = wb.create_sheet(CARD_SHEET[lang])
    cell = styles.maker(ws)
    weighted = any(c.weight != c.max_score for c in spec.criteria)
    widths = {"A": 10, "B": 24, "C": 32, "D": 7, "E": 42, "F": 7, "G": 7, "H": 9, "I": 58}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    for column in (COL_KEY_OFFER, COL_KEY_CRITERION, COL_FACTOR):
        ws.column_dimensions[get_column_letter(column)].hidden = True
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _page_setup(ws, landscape=True)
    _header_footer(ws, spec, labels)
    _protect(ws)

    deadline = format_date(spec.deadline, lang) if spec.deadline else labels["no_deadline"]
    member = f"{spec.member_name} ({spec.member_code})"
    ws.append([cell(_clean(labels["card_title"].format(title=spec.competition_title)), "title")])
    info = labels["card_info"].format(case=spec.case_reference, member=member, deadline=deadline)
    ws.append([cell(_clean(info), "info")])
    ws.append([cell(labels["card_hint"], "hint")])
    heads: tuple[str, ...] = ("h_offer", "h_applicant", "h_title", "h_criterion")
    heads += ("h_criterion_name", "h_max", "h_step", "h_score", "h_justification")
    ws.append([cell(labels[name], "header") for name in heads])

    criteria = spec.criteria
    count = len(criteria)
    max_total = sum((c.weight if weighted else c.max_score for c in criteria), Decimal(0))
    criterion_cells = [
        (
            _clean(c.code),
            _clean(c.name),
            _num(c.max_score),
            _num(c.step),
            float(c.weight / c.max_score) if weighted else None,
        )
        for c in criteria
    ]
    name_lines = [_lines(cells[1], widths["E"], 10) for cells in criterion_cells]
    rows_by_scale: dict[tuple[Decimal, Decimal], list[int]] = {}
    scale_of = [(c.max_score, c.step) for c in criteria]
    justification_rows: list[int] = []
    existing = spec.existing
    total_label = "total_weighted_label" if weighted else "total_label"
    row = FIRST_ROW
    for offer in spec.offers:
        first, last = row, row + count - 1
        for index, (code, name, top, step, factor) in enumerate(criterion_cells):
            suffix = "_first" if not index else ""
            entry = existing.get((offer.code, criteria[index].code))
            value = _num(entry.value) if entry is not None and entry.value is not None else None
            justification = _clean(entry.justification) if entry is not None else None
            if index == 0:  # the offer's first row: who and what, and a line above
                title = (
                    _clean(offer.title)
                    + "\n"
                    + labels["requested"].format(amount=format_amount(offer.requested, lang))
                )
                values: list[object] = [
                    cell(offer.code, "code_first"),
                    cell(_clean(offer.applicant), "text_first"),
                    cell(title, "text_first"),
                    cell(code, "code_first"),
                    cell(name, "text_first"),
                    cell(top, "number_first"),
                    cell(step, "number_first"),
                ]
            else:
                values = [
                    cell(offer.code, "code"),
                    None,
                    None,
                    cell(code, "code"),
                    cell(name, "text"),
                    cell(top, "number"),
                    cell(step, "number"),
                ]
            values += [
                cell(value, "score" + suffix),
                cell(justification or None, "justification" + suffix),
                offer.code,
                criteria[index].code,
            ]
            if factor is not None:
                values.append(factor)
            lines = max(name_lines[index], _lines(justification, 58, 10))
            if index == 0:
                lines = max(lines, _lines(offer.applicant, 24, 10), _lines(title, 32, 10))
            _fit_height(ws, row, lines, 10)
            ws.append(values)
            rows_by_scale.setdefault(scale_of[index], []).append(row)
            justification_rows.append(row)
            row += 1
        score_range = f"{SCORE_LETTER}{first}:{SCORE_LETTER}{last}"
        if weighted:
            factor_letter = get_column_letter(COL_FACTOR)
            total = (
                f"=ROUND(SUMPRODUCT({score_range},{factor_letter}{first}:{factor_letter}{last}),2)"
            )
        else:
            total = f"=SUM({score_range})"
        filled_of = labels["filled_of"].format(count=count)
        filled = f'="{labels["filled"]}"&COUNT({score_range})&"{filled_of}"'
        label = labels[total_label].format(offer=offer.code, max=_dec(max_total, lang))
        ws.append(
            [
                cell(offer.code, "total_plain"),
                cell(None, "total_plain"),
                cell(None, "total_plain"),
                cell(None, "total_plain"),
                cell(label, "total_label"),
                cell(None, "total_plain"),
                cell(None, "total_plain"),
                cell(total, "total"),
                cell(filled, "total_plain"),
                offer.code,
                TOTAL_MARK,
            ]
        )
        row += 1

    by_scale = {(c.max_score, c.step): c for c in criteria}
    for scale, rows in rows_by_scale.items():
        criterion = by_scale[scale]
        texts = _scale_texts(criterion, lang)
        sqref = prepared_ranges(_ranges(rows, SCORE_LETTER))
        top_left = f"{SCORE_LETTER}{rows[0]}"
        validation = DataValidation(
            type="custom",
            formula1=_score_rule(top_left, criterion),
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorStyle="stop",
            errorTitle=labels["dv_title"][:32],
            error=labels["dv_error"].format(**texts)[:255],
            promptTitle=labels["dv_prompt_title"].format(**texts)[:32],
            prompt=labels["dv_prompt"].format(**texts)[:255],
            sqref=sqref,
        )
        ws.data_validations.append(validation)
        ws.conditional_formatting.add(
            ConditionalFormatting(sqref),
            FormulaRule(
                formula=[f"AND(NOT(ISBLANK({top_left})),NOT({_score_rule(top_left, criterion)}))"],
                fill=PatternFill("solid", fgColor="FF9999", bgColor="FF9999"),
                font=Font(color="9C0006", bold=True),
            ),
        )
    if spec.require_justification and justification_rows:
        top = justification_rows[0]
        ws.conditional_formatting.add(
            ConditionalFormatting(
                prepared_ranges(_ranges(justification_rows, JUSTIFICATION_LETTER))
            ),
            FormulaRule(
                formula=[
                    f"AND(ISNUMBER({SCORE_LETTER}{top}),LEN(TRIM({JUSTIFICATION_LETTER}{top}))=0)"
                ],
                fill=PatternFill("solid", fgColor="F8CBAD", bgColor="F8CBAD"),
            ),
        )


def _write_meta(wb: Workbook, spec: ScoreSheetSpec) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    pairs = [
        ("format_version", str(FORMAT_VERSION)),
        ("generator", _generator()),
        ("issue_id", spec.issue_id),
        ("competition_uid", spec.competition_uid),
        ("member_code", spec.member_code),
        ("fingerprint", spec.fingerprint),
        ("language", spec.language),
        ("require_justification", "1" if spec.require_justification else "0"),
        ("card_sheet", CARD_SHEET[spec.language]),
        ("first_row", str(FIRST_ROW)),
        ("created_at", datetime.now(UTC).replace(microsecond=0).isoformat()),
        ("criteria_count", str(len(spec.criteria))),
        ("offers_count", str(len(spec.offers))),
        ("keys_sha256", keys_digest(spec.keys)),
    ]
    for name, value in pairs:
        ws.append([name, value])
    for criterion in spec.criteria:
        ws.append(
            [
                "criterion",
                criterion.code,
                plain(criterion.max_score),
                plain(criterion.step),
                plain(criterion.weight),
            ]
        )
    for offer in spec.offers:
        ws.append(["offer", offer.code])


def build_workbook(spec: ScoreSheetSpec) -> bytes:
    """The member's score workbook as ``.xlsx`` bytes."""
    wb = Workbook(write_only=True)
    styles = _CardStyles(wb)
    _write_cover(wb, spec, styles)
    _write_card(wb, spec, styles)
    _write_meta(wb, spec)
    wb.security = WorkbookProtection(lockStructure=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    log.info(
        "built score workbook issue=%s member=%s offers=%d criteria=%d (%d bytes)",
        spec.issue_id,
        spec.member_code,
        len(spec.offers),
        len(spec.criteria),
        len(data),
    )
    return data


# ------------------------------------------------------------------------------------ read
