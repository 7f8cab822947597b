"""One test per scoring rule: who counts, aggregation, rounding stage, criterion kinds,
thresholds, discrepancies, cancellation and the order of the results."""

from __future__ import annotations

from decimal import Decimal, getcontext, localcontext

import pytest
from scoring_builders import (
    competition,
    d,
    members,
    offer,
    same_scores,
    scored,
    scores,
)

from app.scoring import (
    Aggregation,
    Band,
    Criterion,
    CriterionKind,
    Decisions,
    DiscrepancyMethod,
    DiscrepancyResolution,
    Flag,
    Policy,
    RoundingStage,
    ScoringInputError,
    ThresholdBasis,
    compute_results,
    explain,
)
from app.scoring.rounding import ENGINE_CONTEXT, tidy

M3 = members("M1", "M2", "M3")


def _one_criterion(
    values: dict[str, str], policy: Policy | None = None, criterion: Criterion | None = None
) -> Decimal | None:
    crit = criterion or scored("K", top="10", weight="40")
    ids = list(values)
    inp = competition([crit], members(*ids), [offer("A")], scores({"A": {crit.id: values}}), policy)
    return compute_results(inp).offer("A").criteria[0].score


# -- rounding stage -------------------------------------------------------------------------


def test_stage_criterion_rounds_score_then_points() -> None:
    inp = competition(
        [scored("Q", top="10", weight="40")],
        M3,
        [offer("B")],
        scores({"B": {"Q": {"M1": "9", "M2": "9", "M3": "8.5"}}}),
    )
    result = compute_results(inp).offer("B")
    (q,) = result.criteria
    assert (q.score, q.points, q.points_exact) == (d("8.83"), d("35.32"), d("35.32"))
    assert result.total == d("35.32")


def test_stage_total_rounds_only_the_total() -> None:
    policy = Policy(rounding_stage=RoundingStage.TOTAL)
    inp = competition(
        [scored("Q", top="10", weight="40")],
        M3,
        [offer("B")],
        scores({"B": {"Q": {"M1": "9", "M2": "9", "M3": "8.5"}}}),
        policy,
    )
    result = compute_results(inp).offer("B")
    (q,) = result.criteria
    assert q.score == d("8.83")  # shown rounded
    assert q.points == d("35.33")  # display value
    assert str(q.points_exact).startswith("35.3333333333")
    assert result.total == d("35.33")


def test_stage_total_sums_exact_points_before_rounding() -> None:
    # 1/3 of 1 point on each of three criteria: 0.33 + 0.33 + 0.33 at criterion stage,
    # exactly 1.00 at total stage
    crits = [scored(f"K{i}", top="3", weight="1", step="1") for i in range(3)]
    rows = same_scores(["A"], {c.id: "1" for c in crits}, ["M1"])
    by_stage = {}
    for stage in RoundingStage:
        inp = competition(
            crits, members("M1"), [offer("A")], scores(rows), Policy(rounding_stage=stage)
        )
        by_stage[stage] = compute_results(inp).offer("A").total
    assert by_stage == {RoundingStage.CRITERION: d("0.99"), RoundingStage.TOTAL: d("1.00")}


def test_half_up_not_half_even() -> None:
    # 2.5 / 10 x 1 = 0.25 -> 0.3 with one place (half-even would give 0.2)
    inp = competition(
        [scored("K", top="10", weight="1")],
        members("M1"),
        [offer("A")],
        scores({"A": {"K": {"M1": "2.5"}}}),
        Policy(rounding_places=1),
    )
    assert compute_results(inp).offer("A").criteria[0].points == d("0.3")


def test_result_does_not_depend_on_the_callers_decimal_context() -> None:
    inp = competition(
        [scored("Q", top="10", weight="40")],
        M3,
        [offer("B")],
        scores({"B": {"Q": {"M1": "9", "M2": "9", "M3": "8.5"}}}),
    )
    expected = compute_results(inp).offer("B").total
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = "ROUND_DOWN"
        assert compute_results(inp).offer("B").total == expected
        assert getcontext().prec == 3


# -- aggregation ----------------------------------------------------------------------------


def test_median_with_an_even_count_is_the_mean_of_the_middle_two() -> None:
    policy = Policy(aggregation=Aggregation.MEDIAN)
    score = _one_criterion({"M1": "3", "M2": "2.5", "M3": "3", "M4": "2.5"}, policy)
    assert score == d("2.75")


def test_median_with_an_odd_count() -> None:
    policy = Policy(aggregation=Aggregation.MEDIAN)
    assert _one_criterion({"M1": "9", "M2": "1", "M3": "4"}, policy) == d("4.00")


def test_mean() -> None:
    assert _one_criterion({"M1": "7", "M2": "8", "M3": "8"}) == d("7.67")


# -- who counts -----------------------------------------------------------------------------


def test_expert_never_counts_and_recused_member_not_for_that_offer() -> None:
    committee = members("M1", "M2", "M3", "E", expert=["E"])
    rows = {
        "A": {"K": {"M1": "6", "M2": "10", "M3": "7", "E": "0"}},
        "B": {"K": {"M1": "6", "M2": "10", "M3": "8", "E": "0"}},
    }
    inp = competition(
        [scored("K")], committee, [offer("A"), offer("B")], scores(rows), conflicts=[("M2", "A")]
    )
    results = compute_results(inp)
    a, b = results.offer("A"), results.offer("B")
    assert a.criteria[0].score == d("6.50")  # (6 + 7) / 2: M2 recused, E advisory
    assert b.criteria[0].score == d("8.00")  # (6 + 10 + 8) / 3
    assert dict(a.excluded_members) == {"M2": "recused", "E": "expert"}
    assert dict(b.excluded_members) == {"E": "expert"}
    assert a.counted_members == ("M1", "M3")
    assert a.criteria[0].counted_members == ("M1", "M3")
    assert Flag.RECUSALS in a.flags and Flag.RECUSALS not in b.flags
    codes = [s.code for s in explain(inp, results, "A").criteria["K"]]
    assert "scores_not_counted_expert" in codes and "scores_not_counted_recused" in codes


def test_member_who_did_not_score_the_offer_is_not_counted() -> None:
    rows = {"A": {"K": {"M1": "6", "M2": "8"}}, "B": {"K": {"M1": "6", "M2": "8", "M3": "10"}}}
    inp = competition([scored("K")], M3, [offer("A"), offer("B")], scores(rows))
    a = compute_results(inp).offer("A")
    assert a.excluded_members == {"M3": "no_scores"}
    assert a.criteria[0].score == d("7.00")
    assert Flag.INCOMPLETE_SCORES not in a.flags


def test_missing_score_flags_incomplete_and_uses_scores_present() -> None:
    crits = [scored("K1"), scored("K2")]
    rows = {"A": {"K1": {"M1": "6", "M2": "8", "M3": "7"}, "K2": {"M1": "5", "M2": "9"}}}
    inp = competition(crits, M3, [offer("A")], scores(rows))
    results = compute_results(inp)
    a = results.offer("A")
    assert Flag.INCOMPLETE_SCORES in a.flags
    assert a.criteria[1].score == d("7.00")
    assert a.criteria[1].counted_members == ("M1", "M2")
    assert "M3" not in a.member_totals  # an incomplete card is not compared
    assert any(s.code == "score_missing" for s in explain(inp, results, "A").criteria["K2"])


@pytest.mark.parametrize(("weight", "top"), [("10", "10"), ("7", "3")])
def test_members_totals_are_their_weighted_scores_added_in_the_criteria_order(
    weight: str, top: str
) -> None:
    """Each member's own total (the discrepancy's measure) is score / top × weight summed over
    the scored criteria in their order, also when weight / top has no exact decimal (7 / 3):
    the engine adds a factor-exact card per offer at once, an inexact one criterion by
    criterion, and either way the total is the plain sum in the engine's precision."""
    crits = [scored("K1", top=top, weight=weight, step="1"), scored("K2", top="5", step="1")]
    rows = {
        "A": {"K1": {"M1": "2", "M2": "3", "M3": "1"}, "K2": {"M1": "4", "M2": "5", "M3": "2"}},
        "B": {"K1": {"M1": "3", "M2": "1"}, "K2": {"M1": "1", "M2": "2", "M3": "5"}},
    }
    res = compute_results(competition(crits, M3, [offer("A"), offer("B")], scores(rows)))
    with localcontext(ENGINE_CONTEXT):
        for offer_id, card in rows.items():
            expected = {}
            for member in ("M1", "M2", "M3"):
                if all(member in card[c.id] for c in crits):
                    total = Decimal(0)
                    for c in crits:
                        total += d(card[c.id][member]) * c.weight / c.max_score
                    expected[member] = tidy(total)  # settled, as every member total
            got = res.offer(offer_id).member_totals
            assert got.keys() == expected.keys()
            for member, total in expected.items():
                assert got[member] == total, (offer_id, member)
    assert "M3" not in res.offer("B").member_totals  # M3 did not score B's K1


def test_nobody_scored_a_criterion() -> None:
    crits = [scored("K1"), scored("K2")]
    rows = {"A": {"K1": {"M1": "6"}}}
    a = compute_results(competition(crits, members("M1"), [offer("A")], scores(rows))).offer("A")
    assert a.criteria[1].score is None
    assert a.criteria[1].points == d("0.00")
    assert Flag.INCOMPLETE_SCORES in a.flags
    assert a.total == d("6.00")


# -- criterion kinds ------------------------------------------------------------------------


def _formula_results(
    criterion: Criterion, *offers_values: tuple[str, dict[str, str]], policy: Policy | None = None
) -> dict[str, Decimal]:
    offers = [offer(oid, **values) for oid, values in offers_values]
    results = compute_results(competition([criterion], members("M1"), offers, (), policy))
    return {o.offer_id: o.criteria[0].points for o in results.offers if o.admitted}


def test_lower_better_is_the_price_formula() -> None:
    price = Criterion("P", "Cena", CriterionKind.LOWER_BETTER, d("60"), field="price")
    points = _formula_results(price, ("A", {"price": "95690.00"}), ("B", {"price": "120000.00"}))
    assert points == {"A": d("60.00"), "B": d("47.85")}  # 47.845 half-up


def test_lower_better_reference_is_taken_over_admitted_offers_only() -> None:
    price = Criterion("P", "Cena", CriterionKind.LOWER_BETTER, d("10"), field="price")
    offers = [offer("A", price="100"), offer("B", price="50", admitted=False)]
    results = compute_results(competition([price], members("M1"), offers))
    assert results.offer("A").criteria[0].points == d("10.00")


def test_higher_better_with_cap() -> None:
    capital = Criterion(
        "C", "Kapitał", CriterionKind.HIGHER_BETTER, d("20"), field="capital", cap=d("1000000")
    )
    points = _formula_results(
        capital,
        ("A", {"capital": "1500000"}),
        ("B", {"capital": "1000000"}),
        ("C", {"capital": "600000"}),
    )
    assert points == {"A": d("20.00"), "B": d("20.00"), "C": d("12.00")}


def test_higher_better_without_cap() -> None:
    capital = Criterion("C", "Kapitał", CriterionKind.HIGHER_BETTER, d("20"), field="capital")
    points = _formula_results(capital, ("A", {"capital": "1500000"}), ("B", {"capital": "900000"}))
    assert points == {"A": d("20.00"), "B": d("12.00")}


def test_banded_takes_the_highest_band_reached() -> None:
    years = Criterion(
        "Y",
        "Doświadczenie",
        CriterionKind.BANDED,
        d("20"),
        field="years",
        bands=(Band(d("5"), d("20")), Band(d("2"), d("10"))),
    )
    points = _formula_results(
        years,
        ("A", {"years": "7"}),
        ("B", {"years": "5"}),
        ("C", {"years": "4.9"}),
        ("D", {"years": "1"}),
    )
    assert points == {"A": d("20.00"), "B": d("20.00"), "C": d("10.00"), "D": d("0.00")}


def _yes_no_offer(votes: dict[str, str]) -> tuple[bool, Decimal, frozenset[Flag]]:
    formal = Criterion("F", "Zgodność", CriterionKind.YES_NO, d("5"), max_score=d("1"))
    ids = list(votes)
    inp = competition(
        [formal, scored("K")],
        members(*ids),
        [offer("A")],
        scores({"A": {"F": votes, "K": dict.fromkeys(ids, "5")}}),
    )
    a = compute_results(inp).offer("A")
    return a.eligible, a.criteria[0].points, a.flags


def test_yes_no_majority_passes() -> None:
    eligible, points, flags = _yes_no_offer({"M1": "1", "M2": "1", "M3": "0"})
    assert eligible and points == d("5.00") and Flag.FORMAL_CRITERION_FAILED not in flags


def test_yes_no_split_fails_and_makes_the_offer_ineligible() -> None:
    eligible, points, flags = _yes_no_offer({"M1": "1", "M2": "0"})
    assert not eligible and points == d("0.00") and Flag.FORMAL_CRITERION_FAILED in flags


def test_yes_no_read_from_the_offer() -> None:
    formal = Criterion("F", "Wkład własny", CriterionKind.YES_NO, d("0"), field="own_share")
    results = compute_results(
        competition(
            [formal, scored("K")],
            members("M1"),
            [offer("A", own_share="1"), offer("B", own_share="0")],
            scores({"A": {"K": {"M1": "5"}}, "B": {"K": {"M1": "9"}}}),
        )
    )
    assert results.offer("A").eligible and not results.offer("B").eligible
    assert Flag.FORMAL_CRITERION_FAILED in results.offer("B").flags
    assert results.offer("A").rank == 1


def test_yes_no_value_other_than_zero_or_one_is_refused() -> None:
    formal = Criterion("F", "Wkład", CriterionKind.YES_NO, d("0"), field="own_share")
    with pytest.raises(ScoringInputError) as error:
        compute_results(competition([formal], members("M1"), [offer("A", own_share="2")]))
    assert error.value.code == "yes_no_value_invalid"
    assert error.value.params["offer"] == "A"


# -- thresholds -----------------------------------------------------------------------------


def test_min_score_uses_the_rounded_score_at_criterion_stage_and_exact_at_total() -> None:
    crit = scored("K", top="10", step="0.01", min_score="3")
    votes = {"M1": "3", "M2": "3", "M3": "2.99"}  # mean 2.99666… -> 3.00
    outcome = {}
    for stage in RoundingStage:
        inp = competition(
            [crit], M3, [offer("A")], scores({"A": {"K": votes}}), Policy(rounding_stage=stage)
        )
        a = compute_results(inp).offer("A")
        outcome[stage] = (
            a.eligible,
            a.criteria[0].threshold_passed,
            Flag.CRITERION_THRESHOLD_FAILED in a.flags,
        )
    assert outcome[RoundingStage.CRITERION] == (True, True, False)
    assert outcome[RoundingStage.TOTAL] == (False, False, True)


def test_min_total_weighted_basis() -> None:
    crits = [scored("K1", top="5", weight="10"), scored("K2", top="5", weight="10")]
    rows = {
        "A": {"K1": {"M1": "3"}, "K2": {"M1": "3"}},
        "B": {"K1": {"M1": "2"}, "K2": {"M1": "3"}},
    }
    results = compute_results(
        competition(
            crits, members("M1"), [offer("A"), offer("B")], scores(rows), Policy(min_total=d("12"))
        )
    )
    assert results.offer("A").eligible  # 6 + 6 = 12 >= 12
    b = results.offer("B")  # 4 + 6 = 10
    assert not b.eligible and Flag.BELOW_THRESHOLD in b.flags and b.rank is None


def test_min_total_unscaled_basis_uses_the_plain_sum_of_scores() -> None:
    crits = [scored("K1", top="5", weight="10"), scored("K2", top="5", weight="10")]
    rows = {"A": {"K1": {"M1": "3"}, "K2": {"M1": "3"}}}  # unscaled 6, weighted 12
    for basis, eligible in ((ThresholdBasis.UNSCALED, False), (ThresholdBasis.WEIGHTED, True)):
        policy = Policy(min_total=d("7"), min_total_basis=basis)
        a = compute_results(
            competition(crits, members("M1"), [offer("A")], scores(rows), policy)
        ).offer("A")
        assert a.eligible is eligible, basis
        assert a.unscaled_total == d("6.00")


# -- discrepancy ----------------------------------------------------------------------------


def _discrepancy_case(decisions: Decisions | None = None, limit: str = "4") -> dict[str, object]:
    crits = [scored("K1"), scored("K2")]
    rows = {"A": {"K1": {"M1": "9", "M2": "5"}, "K2": {"M1": "8", "M2": "8"}}}  # spread 4
    inp = competition(
        crits,
        members("M1", "M2"),
        [offer("A")],
        scores(rows),
        Policy(discrepancy_points=d(limit)),
        decisions=decisions,
    )
    results = compute_results(inp)
    a = results.offer("A")
    return {
        "flags": a.flags,
        "spread": a.spread,
        "totals": dict(a.member_totals),
        "K1": a.criteria[0].score,
        "unresolved": results.unresolved_discrepancies,
    }


def test_discrepancy_at_the_limit_is_flagged() -> None:
    case = _discrepancy_case()
    assert case["spread"] == d("4")
    assert case["totals"] == {"M1": d("17"), "M2": d("13")}
    assert Flag.DISCREPANCY in case["flags"]  # type: ignore[operator]
    assert case["unresolved"] == ("A",)


def test_spread_below_the_limit_is_not_a_discrepancy() -> None:
    case = _discrepancy_case(limit="4.01")
    assert Flag.DISCREPANCY not in case["flags"]  # type: ignore[operator]
    assert case["unresolved"] == ()


def test_consensus_replaces_the_aggregate() -> None:
    resolution = DiscrepancyResolution(
        "A", DiscrepancyMethod.CONSENSUS, "uzgodniono 8", {"K1": d("8")}
    )
    case = _discrepancy_case(Decisions(discrepancy_resolutions=(resolution,)))
    assert case["K1"] == d("8.00")
    assert case["flags"] == frozenset({Flag.DISCREPANCY_RESOLVED})
    assert case["unresolved"] == ()
    assert case["spread"] == d("4")  # the members' own totals stay as they scored


@pytest.mark.parametrize(
    "method", [DiscrepancyMethod.THIRD_EVALUATOR, DiscrepancyMethod.CHAIR_DECISION]
)
def test_other_resolutions_keep_the_computed_scores(method: DiscrepancyMethod) -> None:
    case = _discrepancy_case(
        Decisions(discrepancy_resolutions=(DiscrepancyResolution("A", method, "decyzja"),))
    )
    assert case["K1"] == d("7.00")
    assert case["flags"] == frozenset({Flag.DISCREPANCY_RESOLVED})


def test_no_spread_with_a_single_counted_member() -> None:
    inp = competition(
        [scored("K")],
        members("M1"),
        [offer("A")],
        scores({"A": {"K": {"M1": "9"}}}),
        Policy(discrepancy_points=d("0.01")),
    )
    a = compute_results(inp).offer("A")
    assert a.spread is None and Flag.DISCREPANCY not in a.flags


# -- the competition as a whole -------------------------------------------------------------


def test_cancel_when_nothing_is_eligible() -> None:
    inp = competition(
        [scored("K")],
        members("M1"),
        [offer("A"), offer("B", admitted=False)],
        scores({"A": {"K": {"M1": "1"}}}),
        Policy(min_total=d("5")),
    )
    results = compute_results(inp)
    assert results.cancel
    assert [s.code for s in results.steps] == ["cancel_no_eligible"]


def test_order_of_results_and_not_evaluated() -> None:
    offers = [
        offer("Z", admitted=False),
        offer("C"),
        offer("B"),
        offer("A", admitted=False),
        offer("D"),
        offer("E"),
    ]
    rows = {
        "C": {"K": {"M1": "4"}},
        "B": {"K": {"M1": "9"}},
        "D": {"K": {"M1": "3"}},
        "E": {"K": {"M1": "2"}},
    }
    results = compute_results(
        competition([scored("K")], members("M1"), offers, scores(rows), Policy(min_total=d("4")))
    )
    assert [o.offer_id for o in results.offers] == ["B", "C", "D", "E", "A", "Z"]
    assert results.not_evaluated == ("Z", "A")
    assert [o.rank for o in results.offers] == [1, 2, None, None, None, None]
    not_admitted = results.offer("A")
    assert not_admitted.total is None and not_admitted.criteria == () and not_admitted.award is None
