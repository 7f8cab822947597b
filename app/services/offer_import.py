"""Import a list of offers from XLSX or CSV: a preview with per-row problems, then all or nothing.

``read_offer_file`` parses the file into a preview (every row either an ``OfferSpec`` or the
problems that stop it, each a ``UserError`` with Polish and English words); ``import_offers``
writes every row in one transaction, or nothing when any row has a problem.  No Qt here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.db import Database
from app.errors import UserError
from app.services import registration
from app.services.base import WARSAW, Actor, get_competition
from app.services.identifiers import validate_krs, validate_nip, validate_regon
from app.services.specs import ApplicantSpec, OfferSpec
from app.words import Words

# column key -> accepted headers (case-insensitive, Polish and English)
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("kod", "code", "nr oferty", "offer code"),
    "name": ("oferent", "nazwa oferenta", "nazwa", "applicant", "name"),
    "legal_form": ("forma prawna", "legal form"),
    "nip": ("nip",),
    "regon": ("regon",),
    "krs": ("krs",),
    "address": ("adres", "address"),
    "contact_person": ("osoba kontaktowa", "contact person", "contact"),
    "email": ("e-mail", "email"),
    "phone": ("telefon", "phone"),
    "title": ("tytuł", "tytuł zadania", "title"),
    "received_at": ("data wpływu", "wpływ", "received", "received at"),
    "requested_amount": ("kwota wnioskowana", "kwota", "requested", "requested amount"),
}
REQUIRED = ("name", "received_at", "requested_amount")
DATE_FORMATS = ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")
DAY_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")


@dataclass(frozen=True)
class PreviewRow:
    line: int  # the row number in the file (header is 1)
    spec: OfferSpec | None
    problems: tuple[UserError, ...]
    cells: tuple[tuple[str, str], ...]  # (column key, text) as read, for the preview


@dataclass(frozen=True)
class OfferImportPreview:
    path: str
    fields: tuple[str, ...]  # offer figures found as extra columns
    rows: tuple[PreviewRow, ...]

    @property
    def problems(self) -> int:
        return sum(len(row.problems) for row in self.rows)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and self.problems == 0


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def _read_rows(path: Path) -> list[list[object]]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = book.worksheets[0]
                return [list(row) for row in sheet.iter_rows(values_only=True)]
            finally:
                book.close()
        if suffix in (".csv", ".txt"):
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1250")  # Excel's "CSV" on Polish Windows
            sample = text[:4096]
            try:
                dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ";,\t")
            except csv.Error:
                dialect = csv.excel
            return [list(row) for row in csv.reader(io.StringIO(text), dialect)]
    except UserError:
        raise
    except Exception as error:  # a damaged or foreign file: say so, never crash
        raise UserError("file_unreadable", {"path": path.name, "detail": str(error)}) from error
    raise UserError("offer_import_format", {"path": path.name})


def _parse_when(value: object, line: int) -> datetime:
    if isinstance(value, datetime):
        local = value if value.tzinfo else value.replace(tzinfo=WARSAW)
        return local.astimezone(UTC)
    text = _text(value)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=WARSAW).astimezone(UTC)
        except ValueError:
            continue
    for fmt in DAY_FORMATS:
        try:
            day = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return day.replace(hour=0, minute=0, tzinfo=WARSAW).astimezone(UTC)
    raise UserError("offer_import_date", {"line": line, "value": text})


def _parse_amount(value: object, line: int, column: str) -> Decimal:
    if isinstance(value, bool):
        raise UserError("offer_import_number", {"line": line, "column": column, "value": value})
    if isinstance(value, int):
        return Decimal(value)
    text = _text(value).replace("\u00a0", "").replace(" ", "").replace("zł", "")
    text = text.replace("PLN", "")
    if "," in text and "." in text:  # 1.234,56 → 1234.56
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise UserError(
            "offer_import_number", {"line": line, "column": column, "value": _text(value)}
        ) from None
    if not amount.is_finite():
        raise UserError(
            "offer_import_number", {"line": line, "column": column, "value": _text(value)}
        )
    return amount


def read_offer_file(path: Path, offer_fields: tuple[str, ...] = ()) -> OfferImportPreview:
    """Parse ``path`` (.xlsx or .csv) into a preview; never writes anything."""
    rows = _read_rows(path)
    while rows and not any(_text(cell) for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise UserError("offer_import_empty", {"path": path.name})
    header = [_text(cell).casefold() for cell in rows[0]]
    where: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for position, title in enumerate(header):
            if title in names:
                where[key] = position
                break
    lacking = [key for key in REQUIRED if key not in where]
    if lacking:
        raise UserError(
            "offer_import_columns",
            {
                "path": path.name,
                "missing": ", ".join(COLUMNS[key][0] for key in lacking),
            },
        )
    wanted = {name.casefold(): name for name in offer_fields}
    figures = {wanted[title]: position for position, title in enumerate(header) if title in wanted}
    out: list[PreviewRow] = []
    seen_codes: dict[str, int] = {}
    for line, raw in enumerate(rows[1:], start=2):
        if not any(_text(cell) for cell in raw):
            continue

        def cell(key: str, raw: list[object] = raw) -> object:
            position = where.get(key)
            return raw[position] if position is not None and position < len(raw) else None

        problems: list[UserError] = []
        name = _text(cell("name"))
        if not name:
            problems.append(UserError("offer_import_required", {"line": line, "column": "oferent"}))
        ids: dict[str, str | None] = {}
        for key, check in (("nip", validate_nip), ("regon", validate_regon), ("krs", validate_krs)):
            text = _text(cell(key))
            if text.endswith(".0") and text[:-2].isdigit():  # a number cell in Excel
                text = text[:-2]
            ids[key] = None
            if text:
                try:
                    ids[key] = check(text)
                except UserError as error:
                    problems.append(error)
        received: datetime | None = None
        try:
            received = _parse_when(cell("received_at"), line)
        except UserError as error:
            problems.append(error)
        amount: Decimal | None = None
        try:
            amount = _parse_amount(cell("requested_amount"), line, "kwota wnioskowana")
            if amount < 0 or amount != amount.quantize(Decimal("0.01")):
                raise UserError(
                    "offer_import_number",
                    {"line": line, "column": "kwota wnioskowana", "value": _text(amount)},
                )
        except UserError as error:
            problems.append(error)
        values: list[tuple[str, Decimal]] = []
        for field_name, position in figures.items():
            raw_value = raw[position] if position < len(raw) else None
            if _text(raw_value):
                try:
                    values.append((field_name, _parse_amount(raw_value, line, field_name)))
                except UserError as error:
                    problems.append(error)
        code = _text(cell("code")) or None
        if code is not None:
            if code in seen_codes:
                problems.append(
                    UserError(
                        "offer_import_duplicate",
                        {"line": line, "code": code, "first": seen_codes[code]},
                    )
                )
            seen_codes.setdefault(code, line)
        spec = None
        if not problems and received is not None and amount is not None:
            spec = OfferSpec(
                applicant=ApplicantSpec(
                    name=name,
                    legal_form=_text(cell("legal_form")),
                    nip=ids["nip"],
                    regon=ids["regon"],
                    krs=ids["krs"],
                    address=_text(cell("address")),
                    contact_person=_text(cell("contact_person")),
                    email=_text(cell("email")),
                    phone=_text(cell("phone")),
                ),
                received_at=received,
                requested_amount=amount,
                title=_text(cell("title")),
                code=code,
                values=tuple(sorted(values)),
            )
        out.append(
            PreviewRow(
                line=line,
                spec=spec,
                problems=tuple(problems),
                cells=tuple((key, _text(cell(key))) for key in COLUMNS if key in where),
            )
        )
    if not out:
        raise UserError("offer_import_empty", {"path": path.name})
    return OfferImportPreview(path=str(path), fields=tuple(figures), rows=tuple(out))


def _row_error(line: int, error: UserError) -> UserError:
    """A problem found while writing: the service's own message, with the row it came from."""
    return UserError(
        error.code, error.params, (*error.details, Words("error.import_row", {"line": line}))
    )


def import_offers(
    db: Database, actor: Actor, competition_id: int, preview: OfferImportPreview
) -> list[int]:
    """Register every previewed offer in one transaction, or nothing if any row has a problem."""
    if not preview.ok:
        raise UserError("import_refused", {"count": preview.problems})
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        ids: list[int] = []
        for row in preview.rows:
            assert row.spec is not None
            try:
                offer = registration.add_offer_in_session(session, competition, row.spec)
            except UserError as error:
                raise _row_error(row.line, error) from error
            ids.append(offer.id)
        return ids
