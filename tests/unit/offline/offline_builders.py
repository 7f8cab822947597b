"""Builders for the offline-format tests: specs, and edits of a workbook as a member would."""

from __future__ import annotations

import io
import os
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
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        if os.environ.get("KOMISJA_REQUIRE_EXTERNAL"):
            pytest.fail("soffice is required (KOMISJA_REQUIRE_EXTERNAL is set) but not found")
        pytest.skip("LibreOffice (soffice) is not installed")
    return path


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
