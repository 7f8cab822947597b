"""Bad score workbooks through the service: a clear message with sheet and cell, no change.

Every case starts from a correctly filled card of member M3 (offers O1 and O3, criteria K1
0–10 and K2 0–5, both in half points; justifications required), spoils it the way a member,
a mail program or a spreadsheet program would, and checks the preview's messages and that
neither the competition nor the audit trail changed when the import is refused.
"""

from __future__ import annotations

import shutil
import struct
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.db import Database
from app.errors import UserError
from app.models import Criterion
from app.services import offline, offline_issue
from app.services.base import Actor
from app.services.exchange import export_competition, import_document
from app.services.queries import audit_trail
from tests.unit.offline.offline_builders import edit, fill_card, scoring_template

CID = 1  # the competition of the template (M3 recused from O2; O4 rejected)
OFFICE = Actor("Sekretarz Ola")

FULL: dict[tuple[str, str], tuple[object, object]] = {
    ("O1", "K1"): (9, "Bardzo dobre przygotowanie"),
    ("O1", "K2"): (4.5, "Koszty realne"),
    ("O3", "K1"): (6, "Przeciętnie"),
    ("O3", "K2"): (3, "Koszty zawyżone"),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scoring_template(tmp_path_factory.mktemp("offline-template"))


@pytest.fixture
def office_db(template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "komisja.sqlite3"
    shutil.copy(template, path)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.dispose()


def state(db: Database) -> tuple[Any, ...]:
    """What must not change when an import is refused: the data and the audit trail."""
    trail = audit_trail(db)
    return export_competition(db, CID), len(trail), trail[-1] if trail else None


def refused(db: Database, data: bytes, **target: Any) -> str:
    """The preview's problems (asserting there are some) after checking import writes nothing."""
    before = state(db)
    preview = offline.preview_scoresheet_import(db, data, **target)
    assert not preview.ok and preview.problems and not preview.rows
    with pytest.raises(UserError) as caught:
        offline.import_scoresheet(db, OFFICE, data, **target)
    assert caught.value.code == "import_refused"
    assert caught.value.details == preview.problems
    assert "Nic nie zostało zapisane" in caught.value.text("pl")
    assert state(db) == before
    return "\n".join(preview.problems)


def card(db: Database, member: str = "M3", competition: int = CID) -> bytes:
    return offline_issue.export_scoresheet(db, OFFICE, competition, member)


def _rows(change: Callable[[Any], None]) -> Callable[[bytes], bytes]:
    def apply(data: bytes) -> bytes:
        return edit(data, lambda wb: change(wb["Karta oceny"]))

    return apply


def _swap_rows(ws: Any) -> None:  # O1/K1 (row 5) and O3/K1 (row 8), hidden keys included
    for column in range(1, ws.max_column + 1):
        upper, lower = ws.cell(5, column), ws.cell(8, column)
        upper.value, lower.value = lower.value, upper.value


def _add_row(ws: Any) -> None:
    ws.insert_rows(7)
    for column, value in enumerate(["O9", "Ktoś", "Dopisana", "K1", "x", 10, 0.5, 8, "ok"], 1):
        ws.cell(7, column).value = value


def _meta(name: str, value: object) -> Callable[[bytes], bytes]:
    def change(wb: Workbook) -> None:
        ws = wb["komisja_meta"]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == name)
        ws.cell(row, 2).value = value

    return lambda data: edit(data, change)


def _encrypted(_data: bytes) -> bytes:
    """The start of what Excel writes for a password-protected .xlsx: an OLE compound file
    holding ``EncryptionInfo`` and ``EncryptedPackage`` streams (directory names UTF-16)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HH", 0x3E, 3)
    body = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    return header.ljust(512, b"\0") + body.ljust(3584, b"\0")


def _delete_card(wb: Workbook) -> None:
    del wb["Karta oceny"]


def _rename_card(wb: Workbook) -> None:
    wb["Karta oceny"].title = "Moje oceny"


CASES: dict[str, tuple[Callable[[bytes], bytes], tuple[str, ...]]] = {
    "truncated": (lambda d: d[: len(d) // 2], ("uszkodzony lub niekompletny",)),
    "corrupted": (
        lambda d: d[:2000] + bytes(b ^ 0x5A for b in d[2000:2600]) + d[2600:],
        ("uszkodzony",),
    ),
    "not a workbook": (lambda d: b"%PDF-1.7\n" + d[:100], ("nie jest skoroszyt .xlsx",)),
    "empty": (lambda d: b"", ("Plik jest pusty",)),
    "text score": (
        lambda d: fill_card(d, {("O1", "K1"): ("siedem", "opis")}),
        ("komórka H5", "„siedem”", "nie jest liczbą"),
    ),
    "formula score": (
        lambda d: fill_card(d, {("O1", "K2"): ("=2+2", "opis")}),
        ("komórka H6", "formułę =2+2"),
    ),
    "off the scale": (
        lambda d: fill_card(d, {("O3", "K2"): (7, "opis")}),
        ("komórka H9", "poza skalą 0–5"),
    ),
    "off the step": (
        lambda d: fill_card(d, {("O1", "K1"): (7.3, "opis")}),
        ("komórka H5", "Ocena 7,3", "co 0,5", "7 albo 7,5"),
    ),
    "missing justification": (
        lambda d: fill_card(d, {("O3", "K1"): (6, None)}),
        ("komórka I8", "Brak uzasadnienia oceny 6"),
    ),
    "row deleted": (_rows(lambda ws: ws.delete_rows(6)), ("Brakuje wiersza", "kryterium K2")),
    "rows reordered": (_rows(_swap_rows), ("Zmieniono kolejność wierszy", "w wierszu")),
    "row added": (_rows(_add_row), ("Wiersz 7 nie należy do karty",)),
    "sheet renamed": (
        lambda d: edit(d, _rename_card),
        ("nie ma arkusza „Karta oceny”", "Moje oceny"),
    ),
    "sheet deleted": (lambda d: edit(d, _delete_card), ("nie ma arkusza „Karta oceny”",)),
    "password protected": (_encrypted, ("zabezpieczony hasłem", "zapisz bez hasła")),
    "newer Komisja": (_meta("format_version", "7"), ("nowszej wersji programu Komisja",)),
    "metadata altered": (_meta("member_code", "M1"), ("komisja_meta",)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_workbook_is_refused_with_a_message_and_changes_nothing(
    office_db: Database, case: str
) -> None:
    spoil, fragments = CASES[case]
    good = fill_card(card(office_db), FULL)
    assert offline.preview_scoresheet_import(office_db, good).ok  # the case alone spoils it
    text = refused(office_db, spoil(good))
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in:\n{text}"


def test_every_problem_is_reported_at_once_with_its_cell(office_db: Database) -> None:
    bad = fill_card(
        card(office_db),
        {
            ("O1", "K1"): ("dużo", "opis"),
            ("O1", "K2"): (7.3, "opis"),
            ("O3", "K1"): (6, ""),
            ("O3", "K2"): ("=1+1", "opis"),
        },
    )
    problems = refused(office_db, bad).splitlines()
    assert len(problems) == 4
    for cell, words in (("H5", "nie jest liczbą"), ("H6", "poza skalą"), ("I8", "uzasadnienia")):
        assert any(f"komórka {cell}" in p and words in p for p in problems), (cell, problems)
    assert any("komórka H9" in p and "formułę" in p for p in problems)


def test_messages_in_english(office_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    issued = card(office_db)  # a Polish card (the office's language when it was issued)
    monkeypatch.setenv("KOMISJA_LANG", "en")
    text = refused(office_db, fill_card(issued, {("O1", "K1"): (7.3, "x")}))
    assert "Sheet “Karta oceny”, cell H5" in text and "not on the scale's step of 0.5" in text


def test_huge_file_is_refused_before_it_is_read(
    office_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_read(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a file above the limit must not be parsed")

    monkeypatch.setattr("app.offline.workbook.read_workbook", must_not_read)
    huge = b"PK\x03\x04" + bytes(offline.MAX_FILE_BYTES)
    text = refused(office_db, huge)
    assert "dopuszczalne jest 20000000" in text


def test_another_members_workbook_is_refused_for_this_member(office_db: Database) -> None:
    theirs = fill_card(card(office_db, "M2"), {("O1", "K1"): (5, "a")})
    text = refused(office_db, theirs, competition_id=CID, member_code="M3")
    assert "kartą innego członka komisji (Piotr Zieliński (M2)), a nie Ewa Łęcka (M3)" in text


def test_another_competitions_workbook_is_refused_for_this_competition(
    office_db: Database,
) -> None:
    other = second_competition(office_db)
    theirs = fill_card(card(office_db, "M3", other), FULL)
    text = refused(office_db, theirs, competition_id=CID)
    assert "Plik dotyczy innego konkursu" in text and "SO.524.9.2027" in text


def second_competition(db: Database) -> int:
    """A second competition in the same database, at the scoring step like the first: a copy
    of the first through the exchange format under its own uid."""
    data = export_competition(db, CID)
    data["competition"]["uid"] = "KONK-DRUGI"
    data["competition"]["case_reference"] = "SO.524.10.2027"
    return import_document(db, OFFICE, data)


def test_workbook_issued_before_the_criteria_changed_is_stale(office_db: Database) -> None:
    filled = fill_card(card(office_db), FULL)
    # criteria are frozen once the call is published; a correction by the administrator
    # (e.g. after an appeal) is the case this guards against, so it is made directly here
    with office_db.unit_of_work("Administrator") as session:
        k2 = session.scalars(select(Criterion).where(Criterion.code == "K2")).first()
        assert k2 is not None
        k2.step = k2.step * 2
    text = refused(office_db, filled)
    assert "wcześniejszej wersji kryteriów lub listy ofert" in text


def test_corrected_workbook_replaces_scores_with_an_audit_entry(office_db: Database) -> None:
    data = card(office_db)
    offline.import_scoresheet(office_db, OFFICE, fill_card(data, FULL))
    corrected = fill_card(data, {**FULL, ("O1", "K2"): (2.5, "Po ponownej lekturze")})
    preview = offline.import_scoresheet(office_db, Actor("Kierownik Jan"), corrected)
    assert preview.counts() == {"new": 0, "changed": 1, "unchanged": 3, "removed": 0}
    scores = audit_trail(office_db, competition_id=CID, object_type="Score")
    last = scores[-1]
    assert (last.action, last.acting_member, last.operator) == ("update", "M3", "Kierownik Jan")
    imports = audit_trail(office_db, competition_id=CID, object_type="ScoreSheetIssue")
    assert [e.action for e in imports].count("import") == 2


def test_reimporting_the_same_file_writes_nothing(office_db: Database) -> None:
    filled = fill_card(card(office_db), FULL)
    offline.import_scoresheet(office_db, OFFICE, filled)
    before = state(office_db)
    preview = offline.import_scoresheet(office_db, OFFICE, filled)
    assert preview.already_imported and preview.changes == 0
    assert state(office_db) == before
