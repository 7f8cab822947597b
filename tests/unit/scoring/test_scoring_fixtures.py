"""Every shared acceptance case, straight into the engine, compared field by field.

This is the engine-level check (the service-level acceptance test builds the same cases
through the services).  Numbers are compared as decimal strings; flags are compared within the
fixtures' vocabulary, and anything the reader or the comparison does not understand fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scoring_builders import FixtureError, fixture_paths, load_case

from app.scoring import Results, compute_results

FIXTURE_FLAGS = frozenset({"selected", "discrepancy", "tie_unresolved"})
OFFER_KEYS = frozenset({"points", "scores", "total", "eligible", "rank", "award", "flags"})


def _check_offer(results: Results, offer_id: str, want: dict[str, Any]) -> None:
    unknown = set(want) - OFFER_KEYS
    if unknown:
        raise FixtureError(f"{offer_id}: unknown expected keys {sorted(unknown)}")
    got = results.offer(offer_id)
    assert got.admitted, offer_id
    points = {c.criterion_id: str(c.points) for c in got.criteria}
    scores = {c.criterion_id: str(c.score) for c in got.criteria if c.score is not None}
    for key, value in want.items():
        if key == "points":
            assert points == value, (offer_id, key)
        elif key == "scores":
            assert scores == value, (offer_id, key)
        elif key == "total":
            assert str(got.total) == value, (offer_id, key)
        elif key == "eligible":
            assert got.eligible is value, (offer_id, key)
        elif key == "rank":
            assert got.rank == value, (offer_id, key)
        elif key == "award":
            assert str(got.award) == value, (offer_id, key)
        elif key == "flags":
            strange = set(value) - FIXTURE_FLAGS
            if strange:
                raise FixtureError(f"{offer_id}: unknown flags {sorted(strange)}")
            ours = {flag.value for flag in got.flags} & FIXTURE_FLAGS
            assert ours == set(value), (offer_id, key)


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda p: p.stem)
def test_fixture_case(path: Path) -> None:
    inp, expected = load_case(path)
    results = compute_results(inp)
    admitted = {o.id for o in inp.offers if o.admitted}
    assert set(expected["offers"]) == admitted, "every admitted offer must be described"
    for offer_id, want in expected["offers"].items():
        _check_offer(results, offer_id, want)
    assert list(results.not_evaluated) == expected["not_evaluated"]
    assert results.cancel is expected["cancel"]


def test_fixtures_folder_is_not_empty() -> None:
    assert len(fixture_paths()) >= 6


def test_reader_refuses_unknown_keys(tmp_path: Path) -> None:
    source = fixture_paths()[0].read_text(encoding="utf-8")
    strange = tmp_path / "strange.json"
    strange.write_text(
        source.replace('"policy": {', '"policy": {"quorum": "3", ', 1), encoding="utf-8"
    )
    with pytest.raises(FixtureError, match="quorum"):
        load_case(strange)


def test_comparison_refuses_unknown_flags() -> None:
    inp, expected = load_case(fixture_paths()[0])
    results = compute_results(inp)
    offer_id, want = next(iter(expected["offers"].items()))
    with pytest.raises(FixtureError, match="lucky"):
        _check_offer(results, offer_id, {**want, "flags": ["lucky"]})
    with pytest.raises(FixtureError, match="bonus"):
        _check_offer(results, offer_id, {**want, "bonus": "1"})
