"""``komisja results ID --json``: the full results with explanations, as scripts read them.

A worked competition from the shared fixtures is played through the services into the
database; the command's JSON must carry every number exactly as the engine computed it (as
decimal strings, never floats) together with the explanation of each offer and criterion.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from app.cli import main
from app.db import Database
from app.scoring import compute_results, explanations
from app.services.base import Actor
from tests.acceptance.fixture_loader import load_case, play
from tests.acceptance.test_acceptance_fixtures import FIXTURES

CASE = FIXTURES / "ngo-open-competition.json"


def _no_floats(text: str) -> Decimal:
    raise AssertionError(f"a number was written as a JSON float: {text}")


def _results_json(
    db: Database,
    competition_id: int,
    lang: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, Any]:
    if db.url.startswith("sqlite:///"):
        where = ["--db", db.url.removeprefix("sqlite:///")]
    else:  # the suite running against PostgreSQL
        monkeypatch.setenv("KOMISJA_DATABASE_URL", db.url)
        where = []
    code = main(["results", str(competition_id), "--json", "--lang", lang, *where])
    out = capsys.readouterr().out
    assert code == 0
    data: dict[str, Any] = json.loads(out, parse_float=_no_floats)
    return data


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@pytest.fixture
def played(db: Database, actor: Actor, clock: Any) -> Any:
    if not CASE.exists():
        pytest.fail(f"shared fixture {CASE} is missing")
    return play(load_case(CASE), db, actor, clock)


def test_results_json_carries_every_number_of_the_engine(
    db: Database,
    played: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _results_json(db, played.competition_id, "pl", capsys, monkeypatch)
    engine = compute_results(played.input)  # the engine on the very input the service built

    assert data["fingerprint"] == played.fingerprint
    assert data["complete"] is True
    assert data["cancel"] is engine.cancel is False
    assert data["budget"] == _s(engine.budget) == "120000.00"
    assert data["awarded_total"] == _s(engine.awarded_total)
    assert data["not_evaluated"] == list(engine.not_evaluated)
    assert [o["id"] for o in data["offers"]] == [o.offer_id for o in engine.offers]

    told = {e.offer_id: e for e in explanations(played.input, engine)}
    for got, want in zip(data["offers"], engine.offers, strict=True):
        where = want.offer_id
        why = told[want.offer_id]
        assert got["rank"] == want.rank, where
        assert got["eligible"] is want.eligible, where
        assert got["total"] == _s(want.total), where
        assert got["unscaled_total"] == _s(want.unscaled_total), where
        assert got["award"] == _s(want.award), where
        assert got["flags"] == sorted(f.value for f in want.flags), where
        assert got["counted_members"] == list(want.counted_members), where
        assert got["excluded_members"] == dict(want.excluded_members), where
        assert got["member_totals"] == {m: str(v) for m, v in want.member_totals.items()}, where
        assert got["spread"] == _s(want.spread), where
        assert [c["id"] for c in got["criteria"]] == [c.criterion_id for c in want.criteria]
        for criterion, result in zip(got["criteria"], want.criteria, strict=True):
            assert criterion["score"] == _s(result.score), where
            assert criterion["points"] == str(result.points), where
            assert criterion["points_exact"] == str(result.points_exact), where
            assert criterion["threshold_passed"] is result.threshold_passed, where
            # the arithmetic is explained step by step, in words and with its parameters
            codes = [step["code"] for step in criterion["explanation"]]
            assert codes == [step.code for step in why.criteria[result.criterion_id]], where
            assert all(step["text"] for step in criterion["explanation"]), where
        assert [s["code"] for s in got["explanation"]] == [s.code for s in why.steps], where


def test_results_json_matches_the_worked_case_and_explains_it(
    db: Database,
    played: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = load_case(CASE)["expected"]["offers"]
    data = _results_json(db, played.competition_id, "pl", capsys, monkeypatch)
    offers = {o["id"]: o for o in data["offers"]}
    for offer_id, want in expected.items():
        got = offers[offer_id]
        assert got["total"] == want["total"], offer_id
        assert got["award"] == want["award"], offer_id
        assert {c["id"]: c["points"] for c in got["criteria"]} == want["points"], offer_id
        # the advisory expert is named as not counted, on every evaluated offer
        assert got["excluded_members"]["M4"] == "expert", offer_id
    # M2 declared a conflict with O3: not counted there, and the explanation says so
    o3 = offers["O3"]
    assert o3["excluded_members"]["M2"] == "recused"
    assert "M2" not in o3["counted_members"]
    texts = " ".join(step["text"] for step in o3["explanation"])
    assert "M2" in texts and "wyłącz" in texts
    # a criterion's explanation shows the scores, the mean and the points formula
    first = o3["criteria"][0]
    codes = [step["code"] for step in first["explanation"]]
    assert {"member_scores", "mean", "points_scored"} <= set(codes)
    funded = [o for o in data["offers"] if o["award"] not in (None, "0.00")]
    assert funded and all(
        any(step["code"].startswith("award_") for step in o["explanation"]) for o in funded
    )
    assert any(note["code"] == "allocation_summary" for note in data["notes"])


def test_results_json_in_english(
    db: Database,
    played: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    polish = _results_json(db, played.competition_id, "pl", capsys, monkeypatch)
    english = _results_json(db, played.competition_id, "en", capsys, monkeypatch)
    # the same numbers, other words
    assert [(o["id"], o["total"], o["award"]) for o in english["offers"]] == [
        (o["id"], o["total"], o["award"]) for o in polish["offers"]
    ]
    summary = next(n for n in english["notes"] if n["code"] == "allocation_summary")
    polish_summary = next(n for n in polish["notes"] if n["code"] == "allocation_summary")
    assert summary["params"] == polish_summary["params"]
    assert "PLN" in summary["text"] and "zł" in polish_summary["text"]
