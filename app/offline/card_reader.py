"""The score workbook's reader: a returned card checked cell by cell.

``read_workbook`` is tolerant of formatting (fonts, widths, colours, a re-save by Excel or
LibreOffice) and strict about data: it reports every problem with its sheet and cell.  It
reads through openpyxl's public read-only mode and reads every row a sheet holds: a sheet's
declared size is a claim of the file, so rows after it (a duplicate, an added score) are
read and judged like any other.
"""

from __future__ import annotations

import hashlib
import io
import logging
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import load_workbook

from app.offline.card_layout import (
    CARD_SHEET,
    COL_CRITERION,
    COL_JUSTIFICATION,
    COL_KEY_CRITERION,
    COL_KEY_OFFER,
    COL_OFFER,
    COL_SCORE,
    FIRST_ROW,
    JUSTIFICATION_LETTER,
    META_SHEET,
    SCORE_LETTER,
    TOTAL_MARK,
    keys_digest,
    row_of,
)
from app.offline.problems import ProblemCode
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

__all__ = ["read_workbook"]

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: encrypted OOXML, .xls
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
UNCOMPRESSED_FACTOR = 40  # zip bomb guard: uncompressed size may be this × max_bytes


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
    """Inverse of ``row_of``: index in the key list of the key issued at this row, or -1."""
    offer_index, offset = divmod(row_number - FIRST_ROW, criteria_count + 1)
    if row_number < FIRST_ROW or offset == criteria_count:
        return -1
    return offer_index * criteria_count + offset


class _RowProblems:
    """Problem factory for one key's cells (keeps the row loop free of closures)."""

    __slots__ = ("add", "key", "sheet")

    def __init__(self, add: Callable[..., SheetProblem], sheet: str, key: ScoreKey) -> None:
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
    for row_number, row in enumerate(_card_rows(ws, width), FIRST_ROW):
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


def _card_rows(ws: Any, width: int) -> Iterator[tuple[object, ...]]:
    """Every row of the card from ``FIRST_ROW`` to the sheet's real end, ``width`` values
    each; rows the file leaves out come as empty rows.

    The declared size is forgotten first, so the stream runs to the last row the file
    holds, whatever ``<dimension>`` says.
    """
    ws.reset_dimensions()
    yield from ws.iter_rows(min_row=FIRST_ROW, max_col=width, values_only=True)


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
            row_number = row_of(index, count)
            problems.add(
                sheet, f"A{row_number}", ProblemCode.ROW_MISSING, row=row_number, **key_params(key)
            )
