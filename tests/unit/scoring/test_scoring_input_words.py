"""An input the engine refuses reaches the user in words, never as its internal code."""

from __future__ import annotations

import dataclasses

import pytest
from scoring_builders import competition, members, offer, scored, scores

from app.errors import UserError
from app.scoring import Allocation, AllocationMethod
from app.services.results import compute_input


def test_a_missing_budget_is_explained_in_each_language() -> None:
    inp = competition(
        [scored("K", top="10", step="0.5")],
        members("M1"),
        [offer("A")],
        scores({"A": {"K": {"M1": "7"}}}),
    )
    inp = dataclasses.replace(
        inp,
        policy=dataclasses.replace(
            inp.policy, allocation=Allocation(AllocationMethod.IN_ORDER_SKIP)
        ),
    )
    with pytest.raises(UserError) as caught:
        compute_input(inp)
    polish, english = caught.value.text("pl"), caught.value.text("en")
    for raw in ("missing_budget", "in_order_skip", "method="):
        assert raw not in polish and raw not in english
    assert "kwoty do rozdysponowania" in polish
    assert "needs a budget" in english
