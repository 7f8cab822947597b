"""Every worked competition in the shared fixtures folder, through the service layer."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.fixture_loader import FIXTURE_FLAGS, load_case, play

FIXTURES = Path(
    os.environ.get("KOMISJA_FIXTURES")
    or Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
)
CASES = sorted(FIXTURES.glob("*.json"))


def test_fixture_folder_is_not_empty() -> None:
    assert CASES, f"no acceptance cases found in {FIXTURES}"


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


@pytest.mark.acceptance
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture(path: Path, db: Any, actor: Any, clock: Any) -> None:
    case = load_case(path)
    view = play(case, db, actor, clock)
    res = view.results
    expected = case["expected"]
    assert res.cancel is expected["cancel"]
    assert list(res.not_evaluated) == expected["not_evaluated"]
    evaluated = {o.offer_id for o in res.offers if o.admitted}
    assert evaluated == set(expected["offers"]), "evaluated offers differ"
    for offer_id, want in expected["offers"].items():
        got = res.offer(offer_id)
        where = f"{path.name} {offer_id}"
        points = {c.criterion_id: str(c.points) for c in got.criteria}
        assert points == want["points"], f"{where} points"
        scores = {c.criterion_id: str(c.score) for c in got.criteria if c.score is not None}
        assert scores == want["scores"], f"{where} scores"
        assert _s(got.total) == want["total"], f"{where} total"
        assert got.eligible is want["eligible"], f"{where} eligible"
        assert got.rank == want["rank"], f"{where} rank"
        flags = sorted(f.value for f in got.flags if f.value in FIXTURE_FLAGS)
        assert flags == sorted(want["flags"]), f"{where} flags"
        if "award" in want:
            assert _s(got.award) == want["award"], f"{where} award"
        else:
            assert got.award is None, f"{where} award should be absent"
