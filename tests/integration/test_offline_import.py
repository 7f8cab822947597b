"""Score workbooks through the service layer: preview, all-or-nothing import, invariants."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.db import Database
from app.errors import UserError
from app.services import committee, offline, offline_issue, score_entry
from app.services.base import Actor
from app.services.exchange import export_competition
from app.services.queries import audit_trail
from tests.builders import to_scoring
from tests.unit.offline.offline_builders import scoring_template


def fill(data: bytes, values: dict[tuple[str, str], tuple[str, str]]) -> bytes:
    """Type scores into a workbook as a member would (score and justification cells)."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Karta oceny"]
    header = next(r for r in range(1, 12) if ws.cell(r, 1).value == "Oferta")
    for row in range(header + 1, ws.max_row + 1):
        key = (ws.cell(row, 1).value, ws.cell(row, 4).value)
        if key in values:
            score, justification = values[key]
            ws.cell(row, 8).value = float(score) if "." in score else int(score)
            ws.cell(row, 9).value = justification
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


FULL = {
    ("O1", "K1"): ("9", "Bardzo dobre przygotowanie"),
    ("O1", "K2"): ("4.5", "Koszty realne"),
    ("O3", "K1"): ("6", "Przeciętnie"),
    ("O3", "K2"): ("3", "Koszty zawyżone"),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scoring_template(tmp_path_factory.mktemp("import-template"))


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Iterator[Database]:
    """``tests.builders.to_scoring``'s competition (id 1), copied from a module template."""
    path = tmp_path / "komisja.sqlite3"
    shutil.copy(template, path)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture
def issued(db: Database, actor: Actor) -> tuple[int, bytes]:
    return 1, offline_issue.export_scoresheet(db, actor, 1, "M3")


def test_card_holds_only_the_members_offers(issued: tuple[int, bytes]) -> None:
    _, data = issued
    ws = openpyxl.load_workbook(io.BytesIO(data))["Karta oceny"]
    offers = {ws.cell(r, 1).value for r in range(6, ws.max_row + 1)} - {None}
    assert offers == {"O1", "O3"}  # O2: M3 is recused; O4: rejected


def test_preview_then_import_then_reimport_changes_nothing(
    db: Database, issued: tuple[int, bytes]
) -> None:
    cid, data = issued
    filled = fill(data, FULL)
    preview = offline.preview_scoresheet_import(db, filled)
    assert preview.ok and preview.member_code == "M3"
    assert preview.counts() == {"new": 4, "changed": 0, "unchanged": 0, "removed": 0}
    importer = Actor("Sekretarz Ola")  # someone else imports; the scores stay M3's
    offline.import_scoresheet(db, importer, filled)
    scores = score_entry.visible_scores(db, Actor("x"), cid)
    assert {(m, o, k, v) for m, o, k, v, _ in scores} == {
        ("M3", "O1", "K1", Decimal("9")),
        ("M3", "O1", "K2", Decimal("4.5")),
        ("M3", "O3", "K1", Decimal("6")),
        ("M3", "O3", "K2", Decimal("3")),
    }
    entries = audit_trail(db, competition_id=cid, object_type="Score")
    assert {e.acting_member for e in entries} == {"M3"}
    assert {e.operator for e in entries} == {"Sekretarz Ola"}
    again = offline.preview_scoresheet_import(db, filled)
    assert again.already_imported and again.changes == 0
    before = export_competition(db, cid)
    offline.import_scoresheet(db, importer, filled)
    assert export_competition(db, cid)["scores"] == before["scores"]


def test_unchanged_export_imports_as_zero_changes(
    db: Database, actor: Actor, issued: tuple[int, bytes]
) -> None:
    cid, data = issued
    offline.import_scoresheet(db, actor, fill(data, FULL))
    fresh = offline_issue.export_scoresheet(db, actor, cid, "M3")
    preview = offline.preview_scoresheet_import(db, fresh)
    assert preview.ok and preview.changes == 0 and preview.counts()["unchanged"] == 4


def test_corrected_workbook_replaces_the_earlier_scores(
    db: Database, actor: Actor, issued: tuple[int, bytes]
) -> None:
    cid, data = issued
    offline.import_scoresheet(db, actor, fill(data, FULL))
    corrected = fill(data, {**FULL, ("O3", "K1"): ("7.5", "Po ponownej lekturze oferty")})
    preview = offline.preview_scoresheet_import(db, corrected)
    changed = [r for r in preview.rows if r[4] == "changed"]
    assert changed == [("O3", "K1", Decimal("6.0000"), Decimal("7.5"), "changed")]
    offline.import_scoresheet(db, actor, corrected)
    assert ("M3", "O3", "K1", Decimal("7.5")) in {
        (m, o, k, v) for m, o, k, v, _ in score_entry.visible_scores(db, actor, cid)
    }


def test_bad_workbook_changes_nothing_and_lists_every_problem(
    db: Database, actor: Actor, issued: tuple[int, bytes]
) -> None:
    cid, data = issued
    bad = fill(
        data, {("O1", "K1"): ("7.3", "x"), ("O3", "K2"): ("9", "y"), ("O1", "K2"): ("4", "")}
    )
    before = export_competition(db, cid)
    preview = offline.preview_scoresheet_import(db, bad)
    assert not preview.ok and len(preview.problems) >= 3
    joined = "\n".join(preview.problems)
    assert "H5" in joined and "7,3" in joined
    with pytest.raises(UserError) as caught:
        offline.import_scoresheet(db, actor, bad)
    assert caught.value.code == "import_refused"
    assert export_competition(db, cid) == before


def test_stale_workbook_is_refused(db: Database, actor: Actor, issued: tuple[int, bytes]) -> None:
    cid, data = issued
    committee.declare_conflict(db, actor, cid, "M3", "O3", "ujawniony później konflikt")
    before = export_competition(db, cid)
    preview = offline.preview_scoresheet_import(db, fill(data, FULL))
    assert not preview.ok
    with pytest.raises(UserError):
        offline.import_scoresheet(db, actor, fill(data, FULL))
    assert export_competition(db, cid) == before


def test_workbook_from_another_database_is_refused(
    db: Database, issued: tuple[int, bytes], tmp_path: Any, actor: Actor, clock: Any
) -> None:
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    foreign = offline_issue.export_scoresheet(
        other, actor, to_scoring(other, actor, clock).competition_id, "M2"
    )
    other.dispose()
    preview = offline.preview_scoresheet_import(db, fill(foreign, {("O1", "K1"): ("5", "a")}))
    assert not preview.ok
    assert "nie wydano z tej bazy" in "\n".join(preview.problems)


def test_not_a_workbook_is_refused(db: Database, issued: tuple[int, bytes]) -> None:
    preview = offline.preview_scoresheet_import(db, b"%PDF-1.7 this is not a workbook")
    assert not preview.ok and preview.problems
