"""A card filled in and re-saved by LibreOffice still imports, and its totals compute there.

One LibreOffice run re-saves the filled card as ``.xlsx``: the result must import through
the service exactly like the original, and LibreOffice must have computed the running-total
formulas (read back as the values it cached in the file).
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.db import Database
from app.services import offline, offline_issue, score_entry
from app.services.base import Actor
from tests.unit.offline.offline_builders import fill_card, libreoffice_convert, scoring_template

FULL: dict[tuple[str, str], tuple[object, object]] = {
    ("O1", "K1"): (9, "Bardzo dobre przygotowanie — zespół z doświadczeniem"),
    ("O1", "K2"): (4.5, "Koszty realne; wkład własny 12 %"),
    ("O3", "K1"): (6, "Przeciętnie: brak harmonogramu rekrutacji"),
    ("O3", "K2"): (3, "Koszty zawyżone (wynajem sali)"),
}


@pytest.fixture
def office_db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "komisja.sqlite3"
    shutil.copy(scoring_template(tmp_path_factory.mktemp("lo-template")), path)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.mark.external
def test_card_resaved_by_libreoffice_imports_and_totals_compute(
    office_db: Database, tmp_path: Path
) -> None:
    issued = offline_issue.export_scoresheet(office_db, Actor("Biuro"), 1, "M3")
    resaved = libreoffice_convert(fill_card(issued, FULL), tmp_path)
    assert resaved[:2] == b"PK" and resaved != issued

    ws = load_workbook(io.BytesIO(resaved), data_only=True)["Karta oceny"]
    totals = {
        ws.cell(row, 1).value: ws.cell(row, 8).value
        for row in range(5, ws.max_row + 1)
        if ws.cell(row, 4).value is None and ws.cell(row, 1).value
    }
    assert totals == {"O1": 13.5, "O3": 9}, totals

    preview = offline.preview_scoresheet_import(office_db, resaved)
    assert preview.ok, preview.problems
    assert preview.counts() == {"new": 4, "changed": 0, "unchanged": 0, "removed": 0}
    offline.import_scoresheet(office_db, Actor("Sekretarz Ola"), resaved)
    scores = score_entry.visible_scores(office_db, Actor("x"), 1)
    assert {(o, k, v, j) for _m, o, k, v, j in scores} == {
        (o, k, Decimal(str(v)), j) for (o, k), (v, j) in FULL.items()
    }
