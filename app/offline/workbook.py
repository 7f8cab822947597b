"""The score workbook: one ``.xlsx`` per committee member, filled in Excel or LibreOffice.

Layout (``build_workbook``):

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

``read_workbook`` is tolerant of formatting (fonts, widths, colours, a re-save by Excel or
LibreOffice) and strict about data: it reports every problem with its sheet and cell.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.formatting.formatting import ConditionalFormatting
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.xml.constants import SHEET_MAIN_NS

from app.offline.problems import ProblemCode, format_number
from app.offline.spec import (
    FORMAT_VERSION,
    ParsedScoreSheet,
    ScoreKey,
    ScoreSheetSpec,
    SheetCriterion,
    SheetEntry,
    SheetProblem,
)
from app.offline.validation import (
    cell_score,
    key_params,
    number_to_decimal,
    plain,
    quote,
    scale_problem,
)

log = logging.getLogger(__name__)

CARD_SHEET = {"pl": "Karta oceny", "en": "Score card"}
COVER_SHEET = {"pl": "Instrukcja", "en": "Instructions"}
META_SHEET = "komisja_meta"

HEADER_ROW = 4
FIRST_ROW = 5
# 1-based columns of the card
COL_OFFER, COL_APPLICANT, COL_TITLE, COL_CRITERION, COL_CRITERION_NAME = 1, 2, 3, 4, 5
COL_MAX, COL_STEP, COL_SCORE, COL_JUSTIFICATION = 6, 7, 8, 9
COL_KEY_OFFER, COL_KEY_CRITERION, COL_FACTOR = 10, 11, 12
SCORE_LETTER = get_column_letter(COL_SCORE)
JUSTIFICATION_LETTER = get_column_letter(COL_JUSTIFICATION)
TOTAL_MARK = "*"  # hidden criterion-key cell of an offer's total row

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: encrypted OOXML, .xls
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
UNCOMPRESSED_FACTOR = 40  # zip bomb guard: uncompressed size may be this × max_bytes

# Characters XML 1.0 cannot carry; openpyxl would refuse them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ROLE_LABELS = {
    "pl": {
        "chair": "przewodniczący(-a) komisji",
        "secretary": "sekretarz komisji",
        "member": "członek komisji",
        "expert": "ekspert z głosem doradczym",
    },
    "en": {
        "chair": "chair of the committee",
        "secretary": "secretary of the committee",
        "member": "committee member",
        "expert": "advisory expert",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "pl": {
        "cover_title": "Karta oceny merytorycznej — instrukcja",
        "competition": "Konkurs",
        "case_reference": "Znak sprawy",
        "competition_uid": "Identyfikator konkursu",
        "member": "Oceniający",
        "role": "Funkcja",
        "deadline": "Termin odesłania karty",
        "no_deadline": "nie wyznaczono",
        "offers_count": "Liczba ofert do oceny",
        "criteria_count": "Liczba kryteriów",
        "justification": "Uzasadnienie ocen",
        "justification_required": "wymagane przy każdej ocenie",
        "justification_optional": "zalecane",
        "how_title": "Jak wypełnić kartę",
        "criteria_title": "Kryteria i skale ocen",
        "criteria_head_code": "Kryterium",
        "criteria_head_text": "Nazwa, skala, waga i wskazówki dla oceniających",
        "scale": "Skala: od 0 do {max} w krokach co {step}",
        "weight": "waga w wyniku: {weight} pkt",
        "card_title": "Karta oceny — {title}",
        "card_info": "Znak sprawy: {case} · Oceniający: {member} · Termin: {deadline}",
        "card_hint": (
            "Wpisuj tylko w żółte komórki: ocenę (kolumna H) i uzasadnienie (kolumna I). "
            "Nie sortuj, nie dodawaj i nie usuwaj wierszy."
        ),
        "h_offer": "Oferta",
        "h_applicant": "Oferent",
        "h_title": "Tytuł zadania",
        "h_criterion": "Kod",
        "h_criterion_name": "Kryterium",
        "h_max": "Maks.",
        "h_step": "Krok",
        "h_score": "Ocena",
        "h_justification": "Uzasadnienie",
        "requested": "Kwota wnioskowana: {amount}",
        "total_label": "Razem oferta {offer} (maks. {max} pkt)",
        "total_weighted_label": "Razem oferta {offer}: punkty ważone (maks. {max} pkt)",
        "filled": "Oceniono ",
        "filled_of": " z {count} kryteriów",
        "dv_title": "Nieprawidłowa ocena",
        "dv_error": "Ocena musi być liczbą od 0 do {max} w krokach co {step}.",
        "dv_prompt_title": "Ocena 0–{max}",
        "dv_prompt": "Wpisz liczbę od 0 do {max} w krokach co {step} (np. {example}).",
        "header_left": "Komisja · {case}",
        "header_center": "Karta oceny: {member}",
        "footer_left": "Wersja kryteriów {fingerprint}",
        "footer_right": "Strona &P z &N",
        "amount": "{amount} zł",
    },
    "en": {
        "cover_title": "Substantive scoring card — instructions",
        "competition": "Competition",
        "case_reference": "Case reference",
        "competition_uid": "Competition identifier",
        "member": "Evaluator",
        "role": "Role",
        "deadline": "Return the card by",
        "no_deadline": "not set",
        "offers_count": "Offers to score",
        "criteria_count": "Criteria",
        "justification": "Justifications",
        "justification_required": "required for every score",
        "justification_optional": "recommended",
        "how_title": "How to fill in the card",
        "criteria_title": "Criteria and scales",
        "criteria_head_code": "Criterion",
        "criteria_head_text": "Name, scale, weight and guidance for evaluators",
        "scale": "Scale: 0 to {max} in steps of {step}",
        "weight": "weight in the result: {weight} points",
        "card_title": "Score card — {title}",
        "card_info": "Case reference: {case} · Evaluator: {member} · Deadline: {deadline}",
        "card_hint": (
            "Type only in the yellow cells: the score (column H) and the justification "
            "(column I). Do not sort, add or delete rows."
        ),
        "h_offer": "Offer",
        "h_applicant": "Applicant",
        "h_title": "Task title",
        "h_criterion": "Code",
        "h_criterion_name": "Criterion",
        "h_max": "Max",
        "h_step": "Step",
        "h_score": "Score",
        "h_justification": "Justification",
        "requested": "Amount requested: {amount}",
        "total_label": "Total for offer {offer} (max {max} points)",
        "total_weighted_label": "Total for offer {offer}: weighted points (max {max})",
        "filled": "Scored ",
        "filled_of": " of {count} criteria",
        "dv_title": "Invalid score",
        "dv_error": "The score must be a number from 0 to {max} in steps of {step}.",
        "dv_prompt_title": "Score 0–{max}",
        "dv_prompt": "Type a number from 0 to {max} in steps of {step} (e.g. {example}).",
        "header_left": "Komisja · {case}",
        "header_center": "Score card: {member}",
        "footer_left": "Criteria version {fingerprint}",
        "footer_right": "Page &P of &N",
        "amount": "PLN {amount}",
    },
}

STEPS: dict[str, tuple[str, ...]] = {
    "pl": (
        "Przejdź do arkusza „Karta oceny”. Każdy wiersz to jedno kryterium jednej oferty; "
        "po każdej ofercie jest wiersz „Razem” z bieżącą sumą Twoich ocen.",
        "W kolumnie „Ocena” (H) wpisz liczbę od 0 do wartości z kolumny „Maks.” w krokach z "
        "kolumny „Krok”, np. 7,5. Nie wpisuj tekstu ani formuł. Błędną ocenę program "
        "odrzuci, a wklejoną spoza skali podświetli na czerwono.",
        "W kolumnie „Uzasadnienie” (I) napisz, dlaczego oferta dostała taką ocenę. {just}",
        "Możesz wypełniać kartę w kilku podejściach i zapisywać ją; pustą ocenę program "
        "Komisja potraktuje jako jeszcze niewystawioną.",
        "Nie zmieniaj niczego poza żółtymi komórkami: nie sortuj, nie dodawaj i nie usuwaj "
        "wierszy ani arkuszy, nie zmieniaj ich nazw. Taki plik nie zostanie przyjęty.",
        "Zapisz plik jako skoroszyt Excel (.xlsx), bez hasła (w LibreOffice: Zachowaj bieżący "
        "format). Nie zmieniaj nazwy rozszerzenia.",
        "Odeślij plik sekretarzowi komisji przed terminem. Oceniaj samodzielnie i nie "
        "udostępniaj karty innym osobom.",
    ),
    "en": (
        "Go to the “Score card” sheet. Each row is one criterion of one offer; after each "
        "offer a “Total” row shows the running sum of your scores.",
        "In the “Score” column (H) type a number from 0 to the “Max” value, in the steps "
        "given in the “Step” column, e.g. 7.5. Do not type text or formulas. An invalid score "
        "is refused; one pasted from elsewhere that is off the scale turns red.",
        "In the “Justification” column (I) write why the offer got that score. {just}",
        "You may fill the card in several sittings and save it; an empty score is treated by "
        "Komisja as not given yet.",
        "Change nothing but the yellow cells: do not sort, add or delete rows or sheets and "
        "do not rename them. Such a file will be refused.",
        "Save the file as an Excel workbook (.xlsx) without a password (LibreOffice: Use "
        "Excel 2007-365 format). Do not change the extension.",
        "Send the file back to the committee secretary before the deadline. Score on your "
        "own and do not share the card.",
    ),
}
JUST_NOTE = {
    ("pl", True): "Uzasadnienie jest wymagane przy każdej ocenie.",
    ("pl", False): "Uzasadnienie jest zalecane.",
    ("en", True): "A justification is required for every score.",
    ("en", False): "A justification is recommended.",
}


# ---------------------------------------------------------------------------------- helpers


def _clean(text: str) -> str:
    """Text safe for XML; characters it cannot carry become spaces."""
    if _ILLEGAL_XML.search(text):
        log.info("removed characters XML cannot carry from %r", text[:40])
        return _ILLEGAL_XML.sub(" ", text)
    return text


def _hf(text: str) -> str:
    """Header/footer text: ``&`` starts a code there, so user text doubles it."""
    return _clean(text).replace("&", "&&")


def format_amount(amount: Decimal, lang: str = "pl") -> str:
    """``1234567.89`` -> ``1 234 567,89 zł`` (Polish) or ``PLN 1,234,567.89``."""
    text = f"{amount.quantize(Decimal('0.01')):,.2f}"
    if lang == "pl":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return LABELS[lang]["amount"].format(amount=text)


def _num(value: Decimal) -> int | float:
    """A Decimal as the number openpyxl writes (exact for the values on a scale)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _dec(value: Decimal, lang: str) -> str:
    return format_number(plain(value), lang)


def _row_of(index: int, criteria_count: int) -> int:
    """Card row of the key at ``index`` in the key list (totals sit after each offer)."""
    offer_index, criterion_index = divmod(index, criteria_count)
    return FIRST_ROW + offer_index * (criteria_count + 1) + criterion_index


def keys_digest(keys: Iterable[ScoreKey]) -> str:
    """SHA-256 sealing the ordered key list in the metadata sheet."""
    digest = hashlib.sha256()
    for offer, criterion in keys:
        digest.update(f"{offer}\t{criterion}\n".encode())
    return digest.hexdigest()


def _generator() -> str:
    from app import __version__

    return f"komisja {__version__}"


def _style(cell: Cell, **attributes: Any) -> Any:
    """Apply attributes to a template cell and return its style array (shared afterwards)."""
    for name, value in attributes.items():
        setattr(cell, name, value)
    return cell._style


#: a styled value in a row handed to ``_StreamingSheet.append``: (value, style array)
Styled = tuple[object, Any]


class _StreamingSheet(WriteOnlyWorksheet):
    """A write-only sheet whose rows may hold ``(value, style array)`` pairs.

    openpyxl's write-only sheet wants a fresh ``WriteOnlyCell`` for every styled value and
    finds it by trying to bind the cell as a value and catching the error (with a repr of
    the cell in the message); for the 30,000-row card that doubled the build time.  Rows are
    written cell by cell as this generator yields, so one reusable cell is enough: each
    yield is serialised before the next value is bound.  ``_values_to_row`` is openpyxl's
    private hook (3.1); the round-trip tests read every cell back.
    """

    _PLAIN = StyleArray()
    #: the used range, e.g. ``A1:K32004``: written up front (the rows come later) so that
    #: readers need not parse the whole sheet to learn its size (openpyxl's read-only mode
    #: does exactly that when ``<dimension>`` is missing)
    dimension_ref = "A1"

    def calculate_dimension(self) -> str:
        return self.dimension_ref

    def set_size(self, rows: int, columns: int) -> None:
        self.dimension_ref = f"A1:{get_column_letter(max(columns, 1))}{max(rows, 1)}"

    def _values_to_row(self, values: Iterable[object], row_idx: int) -> Iterator[Cell]:
        cell = _ReusedCell(self)
        cell.row = row_idx
        plain_style = self._PLAIN
        styles = self._style_ids
        letters = _LETTERS
        for col_idx, value in enumerate(values, 1):
            if type(value) is tuple:
                value, style = value
            elif value is None:
                continue
            else:
                style = plain_style
            known = styles.get(id(style))
            if known is None:  # the few shared style arrays: look each up once
                known = styles[id(style)] = (
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
            else:
                cell.value = value  # text: openpyxl's checks (formula, illegal characters)
            cell.column = col_idx
            cell.coordinate = f"{letters[col_idx]}{row_idx}"
            yield cell

    @property
    def _style_ids(self) -> dict[int, tuple[int, bool, StyleArray]]:
        cache: dict[int, tuple[int, bool, StyleArray]] | None = self.__dict__.get("_ids")
        if cache is None:
            cache = self.__dict__["_ids"] = {}
        return cache


class _ReusedCell(Cell):
    """The one cell a streaming row reuses, with its style id, style flag and coordinate set
    by the row writer instead of recomputed by openpyxl for every cell (a third of the
    card's build time went into those three properties)."""

    __slots__ = ("coordinate", "has_style", "style_id")  # type: ignore[assignment]

    def __init__(self, ws: Any) -> None:
        super().__init__(worksheet=ws, column=1, row=1)


_LETTERS = [""] + [get_column_letter(i) for i in range(1, 40)]


def _new_sheet(wb: Workbook, title: str) -> _StreamingSheet:
    sheet = _StreamingSheet(parent=wb, title=title)
    wb._add_sheet(sheet)
    return sheet


@dataclass
class _CardStyles:
    """Style arrays shared by all cells of a kind: assigning one is cheap, building is not."""

    ws: Any
    by_name: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
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

        def make(name: str, **attributes: Any) -> None:
            self.by_name[name] = _style(WriteOnlyCell(self.ws), **attributes)

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

    def cell(self, value: object, name: str) -> Styled:
        return (value, self.by_name[name])


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


class _Sqref(MultiCellRange):
    """A ready-made ``sqref``: openpyxl would parse thousands of ranges only to print them."""

    def __init__(self, text: str) -> None:
        self._text = text

    def __str__(self) -> str:
        return self._text

    __repr__ = __str__

    def __bool__(self) -> bool:
        return bool(self._text)

    def __hash__(self) -> int:
        return hash(self._text)

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)


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


def _fit_height(ws: Any, row: int, lines: int, points: float) -> None:
    if lines > 1:
        # the attributes of <row> as the streaming writer merges them (``dims.get(row)``),
        # without a RowDimension object per row (a 30 000-row card would build 30 000)
        height = f"{lines * points * 1.3 + 3:.1f}"
        ws.row_dimensions[row] = {"ht": height, "customHeight": "1"}


def _write_cover(wb: Workbook, spec: ScoreSheetSpec) -> None:
    lang = spec.language
    labels = LABELS[lang]
    ws = _new_sheet(wb, COVER_SHEET[lang])
    styles = _CardStyles(ws)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 95
    _page_setup(ws, landscape=False)
    ws.print_options.gridLines = False
    _header_footer(ws, spec, labels)
    _protect(ws)

    rows: list[list[object]] = []

    def pair(label: str, value: str) -> None:
        rows.append(
            [styles.cell(_clean(label), "cover_label"), styles.cell(_clean(value), "cover_text")]
        )

    def head(text: str) -> None:
        rows.append([styles.cell(text, "cover_head"), styles.cell("", "cover_head")])

    role = ROLE_LABELS[lang].get(spec.member_role, spec.member_role)
    deadline = spec.deadline.strftime("%d.%m.%Y") if spec.deadline else labels["no_deadline"]
    just_key = "justification_required" if spec.require_justification else "justification_optional"
    rows += [[styles.cell(labels["cover_title"], "title")], []]
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
            styles.cell(labels["criteria_head_code"], "cover_label"),
            styles.cell(labels["criteria_head_text"], "cover_label"),
        ]
    )
    for criterion in spec.criteria:
        scale = labels["scale"].format(**_scale_texts(criterion, lang))
        weight = labels["weight"].format(weight=_dec(criterion.weight, lang))
        lines = [f"{criterion.name}", f"{scale} · {weight}"]
        if criterion.guidance:
            lines.append(criterion.guidance)
        pair(criterion.code, "\n".join(lines))
    ws.set_size(len(rows), 2)
    for number, row in enumerate(rows, 1):
        if len(row) == 2:
            texts = [cell[0] if type(cell) is tuple else cell for cell in row]
            lines = max(_lines(texts[0], 30, 11), _lines(texts[1], 95, 11))
            _fit_height(ws, number, lines, 11)
        ws.append(row)


def _write_card(wb: Workbook, spec: ScoreSheetSpec) -> None:
    lang = spec.language
    labels = LABELS[lang]
    ws = _new_sheet(wb, CARD_SHEET[lang])
    styles = _CardStyles(ws)
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
    width = COL_FACTOR if weighted else COL_KEY_CRITERION
    ws.set_size(HEADER_ROW + len(spec.offers) * (len(spec.criteria) + 1), width)

    deadline = spec.deadline.strftime("%d.%m.%Y") if spec.deadline else labels["no_deadline"]
    member = f"{spec.member_name} ({spec.member_code})"
    ws.append(
        [styles.cell(_clean(labels["card_title"].format(title=spec.competition_title)), "title")]
    )
    info = labels["card_info"].format(case=spec.case_reference, member=member, deadline=deadline)
    ws.append([styles.cell(_clean(info), "info")])
    ws.append([styles.cell(labels["card_hint"], "hint")])
    heads = ("h_offer", "h_applicant", "h_title", "h_criterion", "h_criterion_name")
    heads += ("h_max", "h_step", "h_score", "h_justification")
    ws.append([styles.cell(labels[name], "header") for name in heads])

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
    cell = styles.cell
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
        sqref = _Sqref(_ranges(rows, SCORE_LETTER))
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
            ConditionalFormatting(_Sqref(_ranges(justification_rows, JUSTIFICATION_LETTER))),
            FormulaRule(
                formula=[
                    f"AND(ISNUMBER({SCORE_LETTER}{top}),LEN(TRIM({JUSTIFICATION_LETTER}{top}))=0)"
                ],
                fill=PatternFill("solid", fgColor="F8CBAD", bgColor="F8CBAD"),
            ),
        )


def _write_meta(wb: Workbook, spec: ScoreSheetSpec) -> None:
    ws = _new_sheet(wb, META_SHEET)
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
    ws.set_size(len(pairs) + len(spec.criteria) + len(spec.offers), 5)
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
    _write_cover(wb, spec)
    _write_card(wb, spec)
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


@dataclass
class _Meta:
    """What the hidden metadata sheet says."""

    values: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # name -> cell of its value
    criteria: list[SheetCriterion] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    format_version: int | None = None
    keys: tuple[ScoreKey, ...] | None = None


def _text(value: object) -> str:
    """A metadata/key cell as text, whatever type a re-save gave it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        number = number_to_decimal(value)
        return plain(number) if number is not None else ""
    return str(value).strip()


class _Problems:
    """Collects problems in report order."""

    def __init__(self) -> None:
        self.items: list[SheetProblem] = []

    def add(self, sheet: str, cell: str, code: str, /, **params: object) -> SheetProblem:
        problem = SheetProblem(sheet, cell, code, {k: str(v) for k, v in params.items()})
        self.items.append(problem)
        return problem


def _classify(data: bytes, max_bytes: int, problems: _Problems) -> zipfile.ZipFile | None:
    """Checks before any parser sees the bytes; the open zip when it looks like a workbook."""
    if not data:
        problems.add("", "", ProblemCode.FILE_EMPTY)
        return None
    if len(data) > max_bytes:
        problems.add("", "", ProblemCode.FILE_TOO_LARGE, size=len(data), limit=max_bytes)
        return None
    if data.startswith(CFB_SIGNATURE):
        if _ENCRYPTION_STREAM in data:
            problems.add("", "", ProblemCode.FILE_ENCRYPTED)
        else:
            problems.add("", "", ProblemCode.FILE_WRONG_FORMAT, kind="xls")
        return None
    if not data.startswith(b"PK"):
        problems.add("", "", ProblemCode.FILE_WRONG_FORMAT, kind="unknown")
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        problems.add("", "", ProblemCode.FILE_CORRUPT, detail=f"zip: {error}")
        return None
    if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis"):
        problems.add("", "", ProblemCode.FILE_WRONG_FORMAT, kind="ods")
        return None
    if "xl/workbook.bin" in names:
        problems.add("", "", ProblemCode.FILE_WRONG_FORMAT, kind="xlsb")
        return None
    if "[Content_Types].xml" not in names:
        problems.add("", "", ProblemCode.FILE_WRONG_FORMAT, kind="unknown")
        return None
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > max_bytes * UNCOMPRESSED_FACTOR:
        problems.add(
            "", "", ProblemCode.FILE_TOO_LARGE, size=unpacked, limit=max_bytes * UNCOMPRESSED_FACTOR
        )
        return None
    bad = _first_bad_member(archive)
    if bad is not None:
        problems.add("", "", ProblemCode.FILE_CORRUPT, detail=bad)
        return None
    return archive


def _first_bad_member(archive: zipfile.ZipFile) -> str | None:
    """Name of the first damaged zip member (CRC / truncated data), or None."""
    try:
        bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        return f"zip: {error}"
    except Exception as error:  # zlib.error and friends from a damaged stream
        return f"zip: {type(error).__name__}: {error}"
    return f"zip: {bad}" if bad else None


def _read_meta(rows: Iterator[tuple[object, ...]], problems: _Problems) -> _Meta:
    meta = _Meta()
    for number, row in enumerate(rows, 1):
        if not row:
            continue
        name = _text(row[0])
        if name == "criterion":
            cells = [_text(v) for v in row[1:5]] + [""] * 4
            try:
                meta.criteria.append(
                    SheetCriterion(
                        code=cells[0],
                        name=cells[0],
                        max_score=Decimal(cells[1]),
                        step=Decimal(cells[2]),
                        weight=Decimal(cells[3]),
                    )
                )
            except (InvalidOperation, ValueError):
                problems.add(
                    META_SHEET, f"A{number}", ProblemCode.METADATA_INVALID, field="criterion"
                )
        elif name == "offer":
            meta.offers.append(_text(row[1]) if len(row) > 1 else "")
        elif name:
            meta.values[name] = _text(row[1]) if len(row) > 1 else ""
            meta.cells[name] = f"B{number}"
    return meta


def _check_meta(meta: _Meta, problems: _Problems) -> None:
    """Fill ``format_version`` and ``keys`` when the metadata hang together."""

    def bad(name: str) -> None:
        problems.add(
            META_SHEET, meta.cells.get(name, "A1"), ProblemCode.METADATA_INVALID, field=name
        )

    version = meta.values.get("format_version", "")
    if version.isdigit():
        meta.format_version = int(version)
    else:
        bad("format_version")
        return
    if meta.format_version > FORMAT_VERSION:
        return  # a newer layout: nothing below can be trusted to mean the same
    for name in ("issue_id", "competition_uid", "member_code", "fingerprint"):
        if not meta.values.get(name):
            bad(name)
    codes = [c.code for c in meta.criteria]
    counts_ok = meta.values.get("criteria_count") == str(len(codes)) and meta.values.get(
        "offers_count"
    ) == str(len(meta.offers))
    if not codes or not counts_ok or len(set(codes)) != len(codes):
        bad("criteria_count" if not counts_ok else "criterion")
        return
    if len(set(meta.offers)) != len(meta.offers) or "" in meta.offers:
        bad("offers_count")
        return
    keys = tuple((o, c) for o in meta.offers for c in codes)
    if keys_digest(keys) != meta.values.get("keys_sha256"):
        bad("keys_sha256")
        return
    if meta.values.get("first_row", str(FIRST_ROW)) != str(FIRST_ROW):
        bad("first_row")
        return
    meta.keys = keys


def _check_identity(meta: _Meta, expected: ScoreSheetSpec, problems: _Problems) -> None:
    checks = (
        ("competition_uid", expected.competition_uid, ProblemCode.WRONG_COMPETITION),
        ("member_code", expected.member_code, ProblemCode.WRONG_MEMBER),
        ("issue_id", expected.issue_id, ProblemCode.WRONG_ISSUE),
        ("fingerprint", expected.fingerprint, ProblemCode.STALE),
    )
    for name, wanted, code in checks:
        found = meta.values.get(name, "")
        if found and found != wanted:
            problems.add(META_SHEET, meta.cells[name], code, found=found, expected=wanted)


def read_workbook(
    data: bytes,
    *,
    expected: ScoreSheetSpec | None = None,
    max_bytes: int = 20_000_000,
    resolve: Callable[[str], ScoreSheetSpec | None] | None = None,
) -> ParsedScoreSheet:
    """Read a returned score workbook; never raises for anything a file can contain.

    With ``expected`` (the spec the service would issue now) the identity, the fingerprint,
    the keys and the scales are checked against it; without it the file is checked against
    its own hidden metadata and the claims are returned for the service to look up.
    ``resolve`` lets the service look the spec up by the file's issue id in the same pass
    (one parse instead of two): it is called with the issue id once the hidden metadata are
    read, and its answer is used as ``expected`` (None: check against the metadata only).
    """
    sha256 = hashlib.sha256(data).hexdigest()
    problems = _Problems()
    archive = _classify(data, max_bytes, problems)
    if archive is None:
        return ParsedScoreSheet(problems=tuple(problems.items), sha256=sha256)
    archive.close()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
        except Exception as error:  # a damaged file can break the parser in any way
            log.info("workbook does not load: %r", error)
            problems.add("", "", ProblemCode.FILE_CORRUPT, detail=f"{type(error).__name__}")
            return ParsedScoreSheet(problems=tuple(problems.items), sha256=sha256)
        try:
            result = _read_loaded(wb, expected, problems, sha256, resolve)
        except Exception as error:  # the same, discovered while streaming the rows
            log.info("workbook fails while reading: %r", error, exc_info=True)
            problems.add("", "", ProblemCode.FILE_CORRUPT, detail=f"{type(error).__name__}")
            result = ParsedScoreSheet(problems=tuple(problems.items), sha256=sha256)
        finally:
            wb.close()
    for warning in caught:  # formatting openpyxl does not understand: irrelevant to scores
        log.debug("openpyxl: %s", warning.message)
    return result


def _read_loaded(
    wb: Any,
    expected: ScoreSheetSpec | None,
    problems: _Problems,
    sha256: str,
    resolve: Callable[[str], ScoreSheetSpec | None] | None = None,
) -> ParsedScoreSheet:
    sheetnames = list(wb.sheetnames)
    meta = _Meta()
    if META_SHEET in sheetnames:
        ws = wb[META_SHEET]
        ws.reset_dimensions()
        meta = _read_meta(ws.iter_rows(values_only=True), problems)
        _check_meta(meta, problems)
    else:
        problems.add(META_SHEET, "", ProblemCode.METADATA_MISSING, sheet=META_SHEET)

    def claims(**extra: Any) -> ParsedScoreSheet:
        return ParsedScoreSheet(
            format_version=meta.format_version,
            issue_id=meta.values.get("issue_id", ""),
            competition_uid=meta.values.get("competition_uid", ""),
            member_code=meta.values.get("member_code", ""),
            fingerprint=meta.values.get("fingerprint", ""),
            generator=meta.values.get("generator", ""),
            problems=tuple(problems.items),
            keys=meta.keys or (),
            sha256=sha256,
            **extra,
        )

    if meta.format_version is not None and meta.format_version > FORMAT_VERSION:
        problems.add(
            META_SHEET,
            meta.cells.get("format_version", ""),
            ProblemCode.FORMAT_NEWER,
            found=meta.format_version,
            supported=FORMAT_VERSION,
        )
        return claims()
    if expected is None and resolve is not None and meta.values.get("issue_id"):
        expected = resolve(meta.values["issue_id"])
    if expected is not None:
        _check_identity(meta, expected, problems)

    card_name = meta.values.get("card_sheet") or ""
    candidates = [card_name] if card_name else []
    if expected is not None:
        candidates.append(CARD_SHEET[expected.language])
    candidates += list(CARD_SHEET.values())
    card = next((name for name in candidates if name in sheetnames), None)
    if card is None:
        wanted = candidates[0]
        visible = [name for name in sheetnames if name != META_SHEET]
        problems.add(wanted, "", ProblemCode.CARD_MISSING, sheet=wanted, found=", ".join(visible))
        return claims()

    ws = wb[card]
    card_result = _read_card(ws, card, meta, expected, problems)
    return claims(**card_result)


def _row_key_index(row_number: int, criteria_count: int) -> int:
    """Inverse of ``_row_of``: index in the key list of the key issued at this row, or -1."""
    offer_index, offset = divmod(row_number - FIRST_ROW, criteria_count + 1)
    if row_number < FIRST_ROW or offset == criteria_count:
        return -1
    return offer_index * criteria_count + offset


class _RowProblems:
    """Problem factory for one key's cells (keeps the row loop free of closures)."""

    __slots__ = ("add", "key", "sheet")

    def __init__(self, add: Any, sheet: str, key: ScoreKey) -> None:
        self.add, self.sheet, self.key = add, sheet, key

    def at(self, cell: str) -> Any:
        def make(code: str, params: dict[str, str]) -> SheetProblem:
            return self.add(self.sheet, cell, code, **key_params(self.key), **params)

        return make


def _read_card(
    ws: Any, sheet: str, meta: _Meta, expected: ScoreSheetSpec | None, problems: _Problems
) -> dict[str, Any]:
    """One pass over the card's rows: keys, structure, values."""
    file_keys = meta.keys if meta.keys is not None else (expected.keys if expected else None)
    index_of = {key: i for i, key in enumerate(file_keys)} if file_keys is not None else None
    criteria: dict[str, SheetCriterion] = {c.code: c for c in meta.criteria}
    if expected is not None:
        criteria.update(expected.criteria_by_code)
        require = expected.require_justification
    else:
        require = meta.values.get("require_justification", "1") != "0"
    expected_keys = set(expected.keys) if expected is not None else None

    entries: dict[ScoreKey, SheetEntry] = {}
    cells: dict[ScoreKey, str] = {}
    seen: set[ScoreKey] = set()  # every key met in the hidden columns
    broken: set[ScoreKey] = set()  # keys with a problem: neither an entry nor missing
    order: list[tuple[int, int]] = []  # (row, index in file_keys) of rows in the key list
    width = COL_KEY_CRITERION
    add = problems.add
    for row_number, row in enumerate(_card_rows(ws, file_keys, width), FIRST_ROW):
        if len(row) < width:
            row = tuple(row) + (None,) * (width - len(row))
        key_offer, key_criterion = row[COL_KEY_OFFER - 1], row[COL_KEY_CRITERION - 1]
        if key_offer is None and key_criterion is None:
            if any(v is not None and v != "" for v in row):
                add(sheet, f"A{row_number}", ProblemCode.ROW_ADDED, row=row_number)
            continue
        key = (_text(key_offer), _text(key_criterion))
        if key[1] == TOTAL_MARK:
            continue
        visible = (_text(row[COL_OFFER - 1]), _text(row[COL_CRITERION - 1]))
        if visible != key:
            add(
                sheet,
                f"A{row_number}",
                ProblemCode.ROW_ALTERED,
                row=row_number,
                offer=visible[0],
                criterion=visible[1],
                key_offer=key[0],
                key_criterion=key[1],
            )
            seen.add(key)
            broken.add(key)
            continue
        if key in seen:
            add(
                sheet,
                f"A{row_number}",
                ProblemCode.ROW_DUPLICATE,
                row=row_number,
                **key_params(key),
            )
            broken.add(key)
            continue
        seen.add(key)
        if index_of is not None:
            index = index_of.get(key)
            if index is None:
                add(sheet, f"A{row_number}", ProblemCode.ROW_ADDED, row=row_number)
                continue
            order.append((row_number, index))
        score_cell = f"{SCORE_LETTER}{row_number}"
        cells[key] = score_cell
        raw_score, raw_text = row[COL_SCORE - 1], row[COL_JUSTIFICATION - 1]
        if raw_score is None and raw_text is None:
            continue  # the common case of an empty row: nothing to check
        if _row_values(
            key,
            raw_score,
            raw_text,
            row_number,
            sheet,
            criteria,
            require,
            expected_keys,
            entries,
            _RowProblems(add, sheet, key),
        ):
            broken.add(key)

    if file_keys is not None:
        _check_order(sheet, file_keys, order, seen, problems)
    reference = expected.keys if expected is not None else (file_keys or tuple(cells))
    missing = tuple(
        key
        for key in reference
        if key not in broken and (key not in entries or entries[key].value is None)
    )
    return {"entries": entries, "missing": missing, "cells": cells}


def _card_rows(
    ws: Any, file_keys: Sequence[ScoreKey] | None, width: int
) -> Iterator[tuple[object, ...]]:
    """The card's rows from ``FIRST_ROW`` on, every row of the sheet.

    When the sheet's declared size ends exactly on the issued layout's last row, the
    stream stops there, before the conditional formats and validations that openpyxl would
    otherwise parse for nothing; any other size (rows added, or no size declared) is read
    to the real end.
    """
    last = None
    if file_keys:
        criteria_count = len(dict.fromkeys(k[1] for k in file_keys))
        last = _row_of(len(file_keys) - 1, criteria_count) + 1  # the last offer's total row
    if last is None or ws.max_row != last:
        ws.reset_dimensions()
        last = None
    rows = _values_by_row(ws, FIRST_ROW, last, width)
    try:
        yield from rows
    finally:
        rows.close()


_INLINE_TAG = f"{{{SHEET_MAIN_NS}}}is"
_TEXT_TAG = f"{{{SHEET_MAIN_NS}}}t"


class _CardParser(WorkSheetParser):
    """openpyxl's sheet parser, minus the text of the columns the import never reads.

    The applicant, title and criterion name (columns B, C, E) and the scale (F, G) are
    for the member's eyes; decoding their text was half the reading time of a large card.
    Such a cell is reported as ``"…"`` when it holds anything (so that text typed into an
    added row is still noticed) and as empty otherwise.  Every other cell is parsed by
    openpyxl as usual.
    """

    SKIPPED = frozenset({COL_APPLICANT, COL_TITLE, COL_CRITERION_NAME, COL_MAX, COL_STEP})

    def parse_cell(self, element: Any) -> dict[str, Any]:
        coordinate = element.get("r")
        if coordinate:
            row, column = coordinate_to_tuple(coordinate)
            if column in self.SKIPPED:
                self.col_counter = column
                value = "…" if len(element) else None
                return {"row": row, "column": column, "value": value, "data_type": "s"}
            if element.get("t") == "inlineStr" and len(element) == 1:
                # the plain ``<is><t>text</t></is>`` that Komisja writes: openpyxl builds a
                # rich-text object for each; rich text and anything else go the long way
                inline = element[0]
                if inline.tag == _INLINE_TAG and len(inline) == 1 and inline[0].tag == _TEXT_TAG:
                    self.col_counter = column
                    text = inline[0].text or ""
                    return {"row": row, "column": column, "value": text, "data_type": "s"}
        result: dict[str, Any] = super().parse_cell(element)
        return result


def _values_by_row(
    ws: Any, first: int, last: int | None, width: int
) -> Iterator[tuple[object, ...]]:
    """Rows ``first``..``last`` (to the end when None) as ``width`` values each, like
    ``ws.iter_rows(values_only=True)`` of a read-only sheet, through :class:`_CardParser`."""
    empty = (None,) * width
    expected = first
    with ws._get_source() as source:
        parser = _CardParser(
            source,
            ws._shared_strings,
            data_only=ws.parent.data_only,
            epoch=ws.parent.epoch,
            date_formats=ws.parent._date_formats,
            timedelta_formats=ws.parent._timedelta_formats,
        )
        for number, cells in parser.parse():
            if number < first:
                continue
            if last is not None and number > last:
                break
            while expected < number:  # rows the file leaves out are empty
                yield empty
                expected += 1
            values: list[object] = [None] * width
            for cell in cells:
                column = cell["column"]
                if column <= width:
                    values[column - 1] = cell["value"]
            yield tuple(values)
            expected += 1
    while last is not None and expected <= last:
        yield empty
        expected += 1


def _row_values(
    key: ScoreKey,
    raw_score: object,
    raw_text: object,
    row_number: int,
    sheet: str,
    criteria: dict[str, SheetCriterion],
    require: bool,
    expected_keys: set[ScoreKey] | None,
    entries: dict[ScoreKey, SheetEntry],
    where: _RowProblems,
) -> bool:
    """Check one row's score and justification; record the entry.  True when broken."""
    at_score = where.at(f"{SCORE_LETTER}{row_number}")
    at_text = where.at(f"{JUSTIFICATION_LETTER}{row_number}")
    value, score_problem = cell_score(raw_score, at_score)
    justification, text_problem = _justification(raw_text, at_text)
    if score_problem is None and value is not None:
        criterion = criteria.get(key[1])
        if criterion is not None:
            score_problem = scale_problem(value, criterion, at_score)
    given = value is not None or score_problem is not None
    if given and require and not justification and text_problem is None:
        shown = plain(value) if value is not None else quote(_text(raw_score))
        text_problem = at_text(ProblemCode.JUSTIFICATION_MISSING, {"value": shown})
    broken = score_problem is not None or text_problem is not None
    has_data = given or bool(justification) or text_problem is not None
    if has_data and expected_keys is not None and key not in expected_keys:
        at_score(ProblemCode.KEY_NOT_EXPECTED, {})
        return True
    if not broken and (value is not None or justification):
        entries[key] = SheetEntry(value, justification)
    return broken


def _justification(raw: object, at: Any) -> tuple[str, SheetProblem | None]:
    if raw is None:
        return "", None
    if isinstance(raw, str):
        text = raw.replace("\r\n", "\n").strip()
        if text.startswith("=") and len(text) > 1:
            return "", at(ProblemCode.JUSTIFICATION_FORMULA, {"formula": quote(text)})
        return text, None
    if isinstance(raw, bool):
        return str(raw).upper(), None
    if isinstance(raw, int | float):
        number = number_to_decimal(raw)
        return (plain(number) if number is not None else ""), None
    return str(raw).strip(), None


def _longest_increasing(indices: Sequence[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []  # tails[k]: position ending the best run of length k+1
    previous = [-1] * len(indices)
    for position, value in enumerate(indices):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if indices[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        if low:
            previous[position] = tails[low - 1]
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    keep: set[int] = set()
    position = tails[-1] if tails else -1
    while position >= 0:
        keep.add(position)
        position = previous[position]
    return keep


def _check_order(
    sheet: str,
    file_keys: Sequence[ScoreKey],
    order: list[tuple[int, int]],
    seen: set[ScoreKey],
    problems: _Problems,
) -> None:
    """Moved rows (the fewest rows whose move explains the order) and deleted rows."""
    count = len(dict.fromkeys(k[1] for k in file_keys)) or 1
    indices = [index for _, index in order]
    in_place = _longest_increasing(indices)
    for position, (row_number, index) in enumerate(order):
        if position in in_place:
            continue
        key = file_keys[index]
        home = _row_key_index(row_number, count)
        wanted = file_keys[home] if 0 <= home < len(file_keys) else ("—", "—")
        problems.add(
            sheet,
            f"A{row_number}",
            ProblemCode.ROW_MOVED,
            row=row_number,
            offer=key[0],
            criterion=key[1],
            expected_offer=wanted[0],
            expected_criterion=wanted[1],
        )
    for index, key in enumerate(file_keys):
        if key not in seen:
            row_number = _row_of(index, count)
            problems.add(
                sheet, f"A{row_number}", ProblemCode.ROW_MISSING, row=row_number, **key_params(key)
            )
