"""Allocation of the budget: each method, rounding down to the award step, exhaustion, ties,
manual amounts and their validation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from scoring_builders import competition, d, members, offer, scored, scores

from app.scoring import (
    Allocation,
    AllocationMethod,
    Decisions,
    Flag,
    ManualAward,
    Policy,
    Results,
    ScoringInputError,
    TieOrder,
    compute_results,
)

# Ranked A (9) > B (8) > C (7) > D (6); E fails the total threshold.
SCORES = {"A": "9", "B": "8", "C": "7", "D": "6", "E": "2"}


def _allocate(
    method: AllocationMethod,
    budget: str,
    requests: dict[str, str],
    step: str = "0.01",
    full_above: str | None = None,
    decisions: Decisions | None = None,
    points: dict[str, str] | None = None,
    admitted: set[str] | None = None,
) -> Results:
    values = points or SCORES
    offers = [
        offer(o, requested=requests[o], admitted=admitted is None or o in admitted)
        for o in requests
    ]
    rows = {o: {"K": {"M1": values[o]}} for o in requests}
    policy = Policy(
        min_total=d("5"),
        allocation=Allocation(
            method, d(budget), d(step), None if full_above is None else d(full_above)
        ),
    )
    return compute_results(
        competition([scored("K")], members("M1"), offers, scores(rows), policy, decisions=decisions)
    )


def _awards(results: Results) -> dict[str, str]:
    return {o.offer_id: str(o.award) for o in results.offers}


REQUESTS = {"A": "40000.00", "B": "50000.00", "C": "20000.00", "D": "15000.00", "E": "1000.00"}


def test_in_order_stop() -> None:
    results = _allocate(AllocationMethod.IN_ORDER_STOP, "100000.00", REQUESTS)
    assert _awards(results) == {
        "A": "40000.00",
        "B": "50000.00",
        "C": "0.00",
        "D": "0.00",
        "E": "0.00",
    }
    assert results.awarded_total == d("90000.00")
    assert results.budget == d("100000.00")
    assert [s.code for s in results.offer("C").placement][-1] == "award_no_fit_stop"
    assert [s.code for s in results.offer("D").placement][-1] == "award_after_stop"


def test_in_order_skip() -> None:
    results = _allocate(AllocationMethod.IN_ORDER_SKIP, "100000.00", REQUESTS)
    assert _awards(results) == {
        "A": "40000.00",
        "B": "50000.00",
        "C": "0.00",
        "D": "0.00",
        "E": "0.00",
    }
    results = _allocate(AllocationMethod.IN_ORDER_SKIP, "80000.00", REQUESTS)
    assert _awards(results) == {
        "A": "40000.00",
        "B": "0.00",
        "C": "20000.00",
        "D": "15000.00",
        "E": "0.00",
    }


def test_in_order_partial_gives_the_rest_then_stops() -> None:
    results = _allocate(AllocationMethod.IN_ORDER_PARTIAL, "100000.00", REQUESTS)
    assert _awards(results) == {
        "A": "40000.00",
        "B": "50000.00",
        "C": "10000.00",
        "D": "0.00",
        "E": "0.00",
    }
    assert results.awarded_total == d("100000.00")


def test_award_step_rounds_down_and_never_up_past_the_request() -> None:
    requests = {"A": "10000.50", "B": "5000.99", "C": "99999.00", "D": "1.00", "E": "1.00"}
    results = _allocate(AllocationMethod.IN_ORDER_PARTIAL, "16234.56", requests, step="1.00")
    assert _awards(results) == {
        "A": "10000.00",
        "B": "5000.00",
        "C": "1234.00",
        "D": "0.00",
        "E": "0.00",
    }


def test_budget_exhausted_exactly() -> None:
    requests = {"A": "60000.00", "B": "40000.00", "C": "1.00", "D": "1.00", "E": "1.00"}
    results = _allocate(AllocationMethod.IN_ORDER_SKIP, "100000.00", requests)
    assert _awards(results)["C"] == "0.00"
    assert results.awarded_total == d("100000.00")


def test_full_above_then_one_common_percentage() -> None:
    # A (9) and B (8) get everything; C, D share 27 000 of 32 000 = 84.375 %
    requests = {"A": "10000.00", "B": "8000.00", "C": "11000.00", "D": "21000.00", "E": "5000.00"}
    results = _allocate(
        AllocationMethod.FULL_ABOVE_PRORATA_BELOW, "45000.00", requests, step="1.00", full_above="8"
    )
    assert _awards(results) == {
        "A": "10000.00",
        "B": "8000.00",
        "C": "9281.00",
        "D": "17718.00",
        "E": "0.00",
    }
    (ratio,) = [s for s in results.steps if s.code == "prorata_ratio"]
    assert ratio.params["ratio"] == "0.84375"
    c_step = results.offer("C").placement[-1]
    assert c_step.code == "award_prorata" and c_step.params["exact"] == "9281.25"


def test_common_percentage_is_at_most_one_hundred() -> None:
    requests = {"A": "10000.00", "B": "8000.00", "C": "1000.00", "D": "2000.00", "E": "5000.00"}
    results = _allocate(
        AllocationMethod.FULL_ABOVE_PRORATA_BELOW, "45000.00", requests, full_above="8"
    )
    assert _awards(results)["C"] == "1000.00" and _awards(results)["D"] == "2000.00"


def test_full_tier_offer_that_does_not_fit_joins_the_common_percentage() -> None:
    requests = {"A": "30000.00", "B": "30000.00", "C": "10000.00", "D": "10000.00", "E": "1.00"}
    results = _allocate(
        AllocationMethod.FULL_ABOVE_PRORATA_BELOW, "40000.00", requests, full_above="8"
    )
    # A full; B, C, D share 10 000 of 50 000 = 20 %
    assert _awards(results) == {
        "A": "30000.00",
        "B": "6000.00",
        "C": "2000.00",
        "D": "2000.00",
        "E": "0.00",
    }


def test_awards_are_none_without_allocation_and_zero_with_it() -> None:
    none = compute_results(
        competition([scored("K")], members("M1"), [offer("A")], scores({"A": {"K": {"M1": "5"}}}))
    )
    assert none.offer("A").award is None and none.awarded_total is None and none.budget is None
    results = _allocate(AllocationMethod.IN_ORDER_STOP, "1.00", REQUESTS, admitted=set("ABCD"))
    assert results.offer("E").award == Decimal("0.00")
    assert str(results.offer("E").award) == "0.00"


# -- ties that decide the money --------------------------------------------------------------

TIED_POINTS = {"A": "9", "B": "8", "C": "8", "D": "6", "E": "2"}


def test_tie_that_decides_funding_stops_the_allocation() -> None:
    requests = {"A": "40000.00", "B": "30000.00", "C": "30000.00", "D": "1000.00", "E": "1.00"}
    results = _allocate(AllocationMethod.IN_ORDER_SKIP, "80000.00", requests, points=TIED_POINTS)
    assert _awards(results) == {"A": "40000.00", "B": "0.00", "C": "0.00", "D": "0.00", "E": "0.00"}
    assert "allocation_blocked_by_tie" in [s.code for s in results.steps]
    assert results.offer("B").placement[-1].code == "award_blocked_by_tie"
    assert results.offer("D").placement[-1].code == "award_after_tie_block"


def test_tie_that_all_fit_is_funded() -> None:
    requests = {"A": "40000.00", "B": "20000.00", "C": "20000.00", "D": "1000.00", "E": "1.00"}
    results = _allocate(AllocationMethod.IN_ORDER_STOP, "90000.00", requests, points=TIED_POINTS)
    assert _awards(results)["B"] == _awards(results)["C"] == "20000.00"
    assert _awards(results)["D"] == "1000.00"
    assert Flag.TIE_UNRESOLVED in results.offer("B").flags


def test_tie_where_nobody_fits_does_not_block_skipping() -> None:
    requests = {"A": "40000.00", "B": "50000.00", "C": "50000.00", "D": "1000.00", "E": "1.00"}
    results = _allocate(AllocationMethod.IN_ORDER_SKIP, "80000.00", requests, points=TIED_POINTS)
    assert _awards(results) == {
        "A": "40000.00",
        "B": "0.00",
        "C": "0.00",
        "D": "1000.00",
        "E": "0.00",
    }


def test_tie_order_unblocks_the_allocation() -> None:
    requests = {"A": "40000.00", "B": "30000.00", "C": "30000.00", "D": "1000.00", "E": "1.00"}
    decisions = Decisions(tie_orders=(TieOrder(("C", "B"), "losowanie"),))
    results = _allocate(
        AllocationMethod.IN_ORDER_SKIP,
        "80000.00",
        requests,
        points=TIED_POINTS,
        decisions=decisions,
    )
    assert _awards(results) == {
        "A": "40000.00",
        "C": "30000.00",
        "B": "0.00",
        "D": "1000.00",
        "E": "0.00",
    }


# -- manual ---------------------------------------------------------------------------------


def _manual(*awards: tuple[str, str], budget: str = "50000.00") -> Results:
    decisions = Decisions(manual_awards=tuple(ManualAward(o, d(a), "decyzja") for o, a in awards))
    return _allocate(AllocationMethod.MANUAL, budget, REQUESTS, decisions=decisions)


def test_manual_awards() -> None:
    results = _manual(("A", "30000.00"), ("C", "20000.00"))
    assert _awards(results) == {
        "A": "30000.00",
        "B": "0.00",
        "C": "20000.00",
        "D": "0.00",
        "E": "0.00",
    }
    assert Flag.MANUAL_AWARD in results.offer("A").flags
    assert results.awarded_total == d("50000.00")


@pytest.mark.parametrize(
    ("awards", "code"),
    [
        ((("A", "40000.01"),), "manual_award_exceeds_request"),
        ((("E", "100.00"),), "manual_award_not_eligible"),
        ((("A", "30000.00"), ("B", "20000.01")), "manual_awards_exceed_budget"),
        ((("A", "-1.00"),), "manual_award_negative"),
        ((("A", "1.00"), ("A", "2.00")), "manual_award_duplicate"),
        ((("X", "1.00"),), "manual_award_unknown_offer"),
    ],
)
def test_manual_awards_are_validated(awards: tuple[tuple[str, str], ...], code: str) -> None:
    with pytest.raises(ScoringInputError) as error:
        _manual(*awards)
    assert error.value.code == code


def test_manual_award_off_the_award_step() -> None:
    decisions = Decisions(manual_awards=(ManualAward("A", d("100.50"), "x"),))
    with pytest.raises(ScoringInputError) as error:
        _allocate(AllocationMethod.MANUAL, "50000.00", REQUESTS, step="1.00", decisions=decisions)
    assert error.value.code == "manual_award_off_step"


def test_manual_award_needs_the_manual_method() -> None:
    decisions = Decisions(manual_awards=(ManualAward("A", d("100.00"), "x"),))
    with pytest.raises(ScoringInputError) as error:
        _allocate(AllocationMethod.IN_ORDER_STOP, "50000.00", REQUESTS, decisions=decisions)
    assert error.value.code == "manual_award_without_manual_method"
