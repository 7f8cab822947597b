"""Ranking: totals, every tie-breaker, unresolved ties, the committee's tie orders, winners."""

from __future__ import annotations

from decimal import Decimal

import pytest
from scoring_builders import competition, d, members, offer, scored, scores

from app.scoring import (
    Criterion,
    CriterionKind,
    Decisions,
    Flag,
    Policy,
    Results,
    TieBreaker,
    TieBreakerKind,
    TieOrder,
    compute_results,
)

# A and B tie on the total (12): A is better on K1, B on K2.
CRITERIA = [scored("K1", top="10", weight="10"), scored("K2", top="10", weight="20")]
TIED = {
    "A": {"K1": {"M1": "8"}, "K2": {"M1": "2"}},  # 8 + 4
    "B": {"K1": {"M1": "6"}, "K2": {"M1": "3"}},  # 6 + 6
}


def _rank(
    breakers: tuple[TieBreaker, ...],
    offers: list[object] | None = None,
    rows: dict[str, dict[str, dict[str, str]]] | None = None,
    criteria: list[Criterion] | None = None,
    **policy: object,
) -> Results:
    inp = competition(
        criteria or CRITERIA,
        members("M1"),
        offers or [offer("A"), offer("B")],  # type: ignore[arg-type]
        scores(rows or TIED),
        Policy(tie_breakers=breakers, **policy),  # type: ignore[arg-type]
    )
    return compute_results(inp)


def _order(results: Results) -> list[tuple[str, int | None]]:
    return [(o.offer_id, o.rank) for o in results.offers if o.eligible]


def test_higher_total_ranks_first() -> None:
    rows = {
        "A": {"K1": {"M1": "8"}, "K2": {"M1": "2"}},
        "B": {"K1": {"M1": "9"}, "K2": {"M1": "2"}},
    }
    assert _order(_rank((), rows=rows)) == [("B", 1), ("A", 2)]


def test_criterion_tie_breaker() -> None:
    assert _order(_rank((TieBreaker(TieBreakerKind.CRITERION, "K1"),))) == [("A", 1), ("B", 2)]
    assert _order(_rank((TieBreaker(TieBreakerKind.CRITERION, "K2"),))) == [("B", 1), ("A", 2)]


def test_highest_weight_tie_breaker() -> None:
    assert _order(_rank((TieBreaker(TieBreakerKind.HIGHEST_WEIGHT),))) == [("B", 1), ("A", 2)]


def test_highest_weight_takes_the_first_of_equally_heavy_criteria() -> None:
    criteria = [scored("K1", top="10", weight="20"), scored("K2", top="10", weight="20")]
    rows = {
        "A": {"K1": {"M1": "8"}, "K2": {"M1": "2"}},
        "B": {"K1": {"M1": "6"}, "K2": {"M1": "4"}},
    }
    results = _rank((TieBreaker(TieBreakerKind.HIGHEST_WEIGHT),), rows=rows, criteria=criteria)
    assert _order(results) == [("A", 1), ("B", 2)]


def test_lower_value_tie_breaker() -> None:
    offers = [offer("A", price="100"), offer("B", price="90")]
    results = _rank((TieBreaker(TieBreakerKind.LOWER, "price"),), offers=offers)
    assert _order(results) == [("B", 1), ("A", 2)]


def test_higher_value_tie_breaker() -> None:
    offers = [offer("A", outcome="100"), offer("B", outcome="90")]
    results = _rank((TieBreaker(TieBreakerKind.HIGHER, "outcome"),), offers=offers)
    assert _order(results) == [("A", 1), ("B", 2)]


def test_earlier_submission_tie_breaker() -> None:
    offers = [offer("A", minutes=30), offer("B", minutes=10)]
    results = _rank((TieBreaker(TieBreakerKind.EARLIER_SUBMISSION),), offers=offers)
    assert _order(results) == [("B", 1), ("A", 2)]


def test_the_chain_goes_on_while_tied() -> None:
    offers = [offer("A", price="100", minutes=5), offer("B", price="100", minutes=1)]
    chain = (
        TieBreaker(TieBreakerKind.LOWER, "price"),
        TieBreaker(TieBreakerKind.EARLIER_SUBMISSION),
    )
    results = _rank(chain, offers=offers)
    assert _order(results) == [("B", 1), ("A", 2)]
    b_steps = [s for s in results.offer("B").placement if s.code.startswith("tie_")]
    assert [s.code for s in b_steps] == ["tie_earlier_submission"]
    assert b_steps[0].params["ahead"] == "A" and b_steps[0].params["total"] == "12.00"


def test_tie_step_names_the_breaker_and_the_other_offers() -> None:
    results = _rank((TieBreaker(TieBreakerKind.CRITERION, "K1"),))
    (step,) = [s for s in results.offer("B").placement if s.code == "tie_criterion"]
    assert dict(step.params) == {
        "criterion": "K1",
        "total": "12.00",
        "value": "6.00",
        "ahead": "",
        "ahead_count": "0",
        "behind": "A",
        "behind_count": "1",
    }


def _four_with_a_tie(decisions: Decisions | None = None, winners: int | None = None) -> Results:
    rows = {
        "A": {"K1": {"M1": "9"}},
        "B": {"K1": {"M1": "7"}},
        "C": {"K1": {"M1": "7"}},
        "D": {"K1": {"M1": "5"}},
    }
    inp = competition(
        [scored("K1")],
        members("M1"),
        [offer(o) for o in "ABCD"],
        scores(rows),
        Policy(winners=winners),
        decisions=decisions,
    )
    return compute_results(inp)


def test_unresolved_tie_shares_a_rank() -> None:
    results = _four_with_a_tie()
    assert _order(results) == [("A", 1), ("B", 2), ("C", 2), ("D", 4)]
    assert results.unresolved_ties == (("B", "C"),)
    assert Flag.TIE_UNRESOLVED in results.offer("B").flags
    assert Flag.TIE_UNRESOLVED not in results.offer("A").flags
    assert [s.code for s in results.steps] == ["unresolved_tie"]


def test_tie_order_decides_a_still_tied_group() -> None:
    order = TieOrder(("C", "B"), "losowanie")
    results = _four_with_a_tie(Decisions(tie_orders=(order,)))
    assert _order(results) == [("A", 1), ("C", 2), ("B", 3), ("D", 4)]
    assert results.unresolved_ties == ()
    assert Flag.TIE_DECIDED in results.offer("B").flags
    assert Flag.TIE_UNRESOLVED not in results.offer("B").flags


def test_tie_order_that_matches_no_tie_is_reported_not_applied() -> None:
    order = TieOrder(("A", "B"), "stara decyzja")
    results = _four_with_a_tie(Decisions(tie_orders=(order,)))
    assert results.unresolved_ties == (("B", "C"),)
    assert "tie_order_not_applicable" in [s.code for s in results.steps]


@pytest.mark.parametrize(("winners", "selected"), [(1, {"A"}), (2, {"A"}), (3, {"A", "B", "C"})])
def test_winners_and_a_tie_across_the_cut_off(winners: int, selected: set[str]) -> None:
    results = _four_with_a_tie(winners=winners)
    assert {o.offer_id for o in results.offers if Flag.SELECTED in o.flags} == selected
    straddles = winners == 2
    assert ("selection_tie_at_cutoff" in [s.code for s in results.steps]) is straddles


def test_tie_order_lets_the_cut_off_select() -> None:
    results = _four_with_a_tie(Decisions(tie_orders=(TieOrder(("C", "B"), "losowanie"),)), 2)
    assert {o.offer_id for o in results.offers if Flag.SELECTED in o.flags} == {"A", "C"}


def test_ranking_compares_the_rounded_total_at_total_stage() -> None:
    # A: 10/3 = 3.333…, B: 3.33 exactly; both show 3.33 and tie
    criteria = [scored("K", top="3", weight="1", step="0.01")]
    rows = {"A": {"K": {"M1": "1", "M2": "1", "M3": "1"}}, "B": {"K": {"M1": "0.99"}}}
    inp = competition(
        criteria,
        members("M1", "M2", "M3"),
        [offer("A"), offer("B")],
        scores(rows),
        Policy(rounding_stage="total"),
    )  # type: ignore[arg-type]
    results = compute_results(inp)
    assert results.offer("A").total == results.offer("B").total == Decimal("0.33")
    assert results.unresolved_ties == (("A", "B"),)


def test_yes_no_criterion_counts_in_highest_weight() -> None:
    formal = Criterion("F", "F", CriterionKind.YES_NO, d("50"), max_score=d("1"))
    criteria = [formal, *CRITERIA]
    rows = {o: {**TIED[o], "F": {"M1": "1"}} for o in TIED}
    results = _rank((TieBreaker(TieBreakerKind.HIGHEST_WEIGHT),), rows=rows, criteria=criteria)
    assert results.unresolved_ties == (("A", "B"),)  # both have 50 on F
