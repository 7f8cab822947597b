"""Every worked competition in the shared fixtures folder, through the service layer."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import UserError
from app.models import CompetitionStatus
from app.services.results import ResultsView, results
from app.services.task_results import task_results
from tests.acceptance.fixture_loader import (
    FIXTURE_FLAGS,
    FixtureError,
    load_case,
    play,
)

FIXTURES = Path(
    os.environ.get("KOMISJA_FIXTURES")
    or Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
)
# Every case of the folder and its subfolders (the /2 cases live in v2/).
CASES = sorted(FIXTURES.rglob("*.json"))
# Small cases of this project's own, for parts of the format the shared cases do not use yet.
OWN_CASES = sorted((Path(__file__).resolve().parent / "cases").glob("*.json"))


def test_fixture_folder_is_not_empty() -> None:
    assert CASES, f"no acceptance cases found in {FIXTURES}"
    assert any(p.parent.name == "v2" for p in CASES), f"no /2 cases found in {FIXTURES}/v2"


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "path",
    CASES + OWN_CASES,
    ids=[
        str(p.relative_to(p.parents[1 if p.parent.name == "v2" else 0]).with_suffix(""))
        for p in CASES + OWN_CASES
    ],
)
def test_fixture(path: Path, db: Any, actor: Any, clock: Any) -> None:
    case = load_case(path)
    plain = play(case, db, actor, clock)
    view = task_results(db, plain.competition_id)
    expected = case["expected"]
    assert (plain.status is CompetitionStatus.CANCELLED) is expected["cancel"]
    assert view.cancel is expected["cancel"]
    assert sorted(view.not_evaluated) == sorted(expected["not_evaluated"])
    evaluated = {o.offer_id for o in view.offers if o.admitted}
    assert evaluated == set(expected["offers"]), "evaluated offers differ"
    if "tasks" in case:
        got_tasks = {t.code: {"cancel": t.cancel} for t in view.tasks}
        assert got_tasks == expected["tasks"], f"{path.name} tasks"
    else:
        assert [t.code for t in view.tasks] == [None]
    if "tasks" in case:
        # a call with tasks has no one ranking: the competition's results refuse to give one
        with pytest.raises(UserError) as refused:
            results(db, plain.competition_id)
        assert refused.value.code == "results_by_task"
    else:
        # one group: the per-task path gives exactly what the competition's results give
        assert isinstance(plain, ResultsView)
        assert view.tasks[0].results == plain.results
    for offer_id, want in expected["offers"].items():
        got = view.offer(offer_id)
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


def _write(tmp_path: Path, case: dict[str, Any]) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    return path


REFUSED: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (lambda c: c.update(format="komisja-acceptance-case/3"), "unknown format"),
    (lambda c: c.update(tasks=[{"id": "Z1", "name": "Z", "budget": "1.00"}]), "unknown keys"),
    (lambda c: c["offers"][0].update(proposed="1.00"), "unknown keys"),
    (lambda c: _v2(c, tasks=[{"id": "Z1", "name": "Z"}]), "needs 'id', 'name' and 'budget'"),
    (lambda c: _v2(c, tasks=[{"id": "Z1", "name": "Z", "budget": "1.00"}]), "is not one of"),
    (lambda c: _v2_tasks(c, expected_tasks={}), "must name every task"),
    (lambda c: _v2_tasks(c, expected_tasks={"Z1": {"cancel": False, "x": 1}}), "unknown keys"),
    (lambda c: _v2_tasks(c, expected_tasks={"Z1": {}}), "'cancel' true/false"),
    (lambda c: _v2(c, assignments={"O1": ["M9"]}), "unknown members"),
    (lambda c: _v2(c, assignments={"X9": ["M1"]}), "unknown offer"),
    (lambda c: c.update(surprise=1), "unknown keys"),
    (lambda c: c["criteria"][1].update(max="10"), "unknown keys"),
    (lambda c: c["criteria"][1].update(kind="yes_no"), "unknown kind"),
    (lambda c: c["criteria"][1].update(bands=[]), "without bands"),
    (lambda c: c["criteria"][1]["bands"][0].pop("points"), "needs 'from' and 'points'"),
    (lambda c: c["criteria"][0].pop("max"), "needs its scale's max"),
    (lambda c: c["conflicts"].append({"member": "M1", "offer": "O1", "why": ""}), "conflict"),
    (lambda c: c["offers"][0].update(formal="maybe"), "formal"),
    (lambda c: c["expected"]["offers"]["O1"].update(flags=["lucky"]), "unknown flags"),
]


def _v2(case: dict[str, Any], **changes: Any) -> None:
    case.update(format="komisja-acceptance-case/2", **changes)


def _v2_tasks(case: dict[str, Any], expected_tasks: dict[str, Any]) -> None:
    _v2(case, tasks=[{"id": "Z1", "name": "Zadanie", "budget": "1.00"}])
    for offer in case["offers"]:
        offer["task"] = "Z1"
    case["policy"].get("allocation", {}).pop("budget", None)
    case["expected"]["tasks"] = expected_tasks


@pytest.mark.parametrize(("change", "message"), REFUSED, ids=[m for _, m in REFUSED])
def test_the_loader_refuses_what_it_does_not_understand(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    case = json.loads(OWN_CASES[0].read_text(encoding="utf-8"))
    assert OWN_CASES[0].stem == "banded-without-weight"
    change(case)
    with pytest.raises(FixtureError, match=message):
        load_case(_write(tmp_path, case))
