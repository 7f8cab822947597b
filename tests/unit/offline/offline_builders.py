"""Builders for the offline-format tests: specs, and edits of a workbook as a member would."""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.offline.spec import ScoreKey, ScoreSheetSpec, SheetCriterion, SheetEntry, SheetOffer

CARD = "Karta oceny"
META = "komisja_meta"


def criteria(count: int = 3) -> tuple[SheetCriterion, ...]:
    """Alternating scales: 0-10 by 0.5 (odd positions) and 0-5 by 1 (even positions)."""
    result = []
    for index in range(count):
        half = index % 2 == 0
        top = Decimal(10) if half else Decimal(5)
        result.append(
            SheetCriterion(
                code=f"K{index + 1}",
                name=f"Kryterium {index + 1}: jakość i wykonalność zadania",
                max_score=top,
                step=Decimal("0.5") if half else Decimal(1),
                weight=top,
                guidance="Oceń realność harmonogramu i kosztów; uzasadnij każdą ocenę.",
            )
        )
    return tuple(result)


def offers(count: int = 3) -> tuple[SheetOffer, ...]:
    return tuple(
        SheetOffer(
            code=f"O-{index + 1:03d}",
            applicant=f"Stowarzyszenie „Źródło” nr {index + 1}",
            title=f"Aktywizacja seniorów w gminie Łącko — edycja {index + 1}",
            requested=Decimal("123456.78") + index,
        )
        for index in range(count)
    )


def make_spec(
    offer_count: int = 3,
    criterion_count: int = 3,
    *,
    existing: Mapping[ScoreKey, SheetEntry] | None = None,
    language: str = "pl",
    require_justification: bool = True,
    **changes: object,
) -> ScoreSheetSpec:
    spec = ScoreSheetSpec(
        issue_id="6f1c2b3a-1111-4222-8333-444455556666",
        competition_uid="KONK-2026-001",
        competition_title="Otwarty konkurs ofert: pomoc społeczna w 2027 r. (Łódź & okolice)",
        case_reference="SO.524.2.2027",
        member_code="M01",
        member_name="Anna Żabińska",
        member_role="member",
        deadline=date(2026, 11, 22),
        language=language,
        require_justification=require_justification,
        fingerprint="ab" * 32,
        criteria=criteria(criterion_count),
        offers=offers(offer_count),
        existing=existing or {},
    )
    return replace(spec, **changes) if changes else spec


def edit(data: bytes, change: Callable[[Workbook], None]) -> bytes:
    """Open the workbook as Excel would, change it, save it."""
    wb = load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def fill(data: bytes, cells: Mapping[str, object], sheet: str = CARD) -> bytes:
    def change(wb: Workbook) -> None:
        for ref, value in cells.items():
            wb[sheet][ref] = value

    return edit(data, change)


def problem_cells(parsed: object) -> set[tuple[str, str, str]]:
    return {(p.sheet, p.cell, p.code) for p in parsed.problems}  # type: ignore[attr-defined]


def soffice() -> str:
    """LibreOffice, or skip (fail when KOMISJA_REQUIRE_EXTERNAL is set)."""
    from tests.conftest import external_tool

    if shutil.which("soffice") is None and shutil.which("libreoffice") is not None:
        return external_tool("libreoffice")
    return external_tool("soffice")


def libreoffice_convert(data: bytes, tmp_path: Path, target: str = "xlsx") -> bytes:
    """Re-save ``data`` (an .xlsx) through LibreOffice headless; returns the new file."""
    program = soffice()
    source_dir, out_dir = tmp_path / "in", tmp_path / "out"
    source_dir.mkdir(exist_ok=True)
    out_dir.mkdir(exist_ok=True)
    source = source_dir / f"karta-{uuid.uuid4().hex[:8]}.xlsx"
    source.write_bytes(data)
    profile = f"file:///tmp/lo_komisja_{uuid.uuid4().hex}"
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    return (out_dir / f"{source.stem}.{target.split(':')[0]}").read_bytes()


# -- a competition at the scoring step, built once and copied per test -------------------------


def scoring_template(directory: Path) -> Path:
    """A SQLite file with ``tests.builders.to_scoring``'s competition (id 1), built once.

    Building through the services takes about a second; copying the file takes
    milliseconds, so the offline tests each start from their own copy.
    """
    from datetime import UTC, datetime

    from app.db import Database
    from app.services.base import Actor
    from tests.builders import to_scoring

    target = directory / "scoring-template.sqlite3"
    if target.exists():
        return target

    class _Clock:
        def __init__(self, patch: pytest.MonkeyPatch) -> None:
            self.patch = patch
            self.set(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))

        def set(self, when: datetime) -> None:
            self.patch.setattr("app.services.base.now", lambda: when)

    built = directory / "build.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        database = Database.open(f"sqlite:///{built}")
        try:
            assert to_scoring(database, Actor("Biuro konkursu"), _Clock(patch)).competition_id == 1
            database.backup_to(target)
        finally:
            database.dispose()
    return target


def fill_card(data: bytes, values: Mapping[ScoreKey, tuple[object, object]]) -> bytes:
    """Type scores and justifications into a card by (offer, criterion), as a member would."""

    def change(wb: Workbook) -> None:
        ws = wb[CARD]
        for row in range(5, ws.max_row + 1):
            key = (ws.cell(row, 1).value, ws.cell(row, 4).value)
            if key in values:
                score, justification = values[key]
                ws.cell(row, 8).value = score
                ws.cell(row, 9).value = justification

    return edit(data, change)
