"""Leniency, agreement and stability on examples worked out by hand.

The numbers in the comments are the hand computation; the engine must arrive at them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from scoring_builders import competition, d, members, offer, scored, scores

from app.scoring import (
    Aggregation,
    Allocation,
    AllocationMethod,
    CompetitionInput,
    Policy,
    RoundingStage,
    TieBreaker,
    TieBreakerKind,
    committee_agreement,
    member_leniency,
    result_stability,
)
from app.texts import explain

# One criterion scored 0–10 with weight 10: a member's own total is their score.
# M1 is always 1.5 above the other two members' mean, M2 1.5 below, M3 in the middle;
# the expert E (advisory) is compared with the counted members' mean: +3, +4, −1 → +2.
SCORES = {
    "A": {"K1": {"M1": "8", "M2": "6", "M3": "7", "E": "10"}},
    "B": {"K1": {"M1": "6", "M2": "4", "M3": "5", "E": "9"}},
    "C": {"K1": {"M1": "4", "M2": "2", "M3": "3", "E": "2"}},
}


def _committee(conflicts: tuple[tuple[str, str], ...] = ()) -> CompetitionInput:
    return competition(
        [scored("K1", top="10", weight="10", step="1")],
        members("M1", "M2", "M3", "E", expert=["E"]),
        [offer("A"), offer("B"), offer("C")],
        scores(
            {
                o: {
                    c: {m: v for m, v in by.items() if (m, o) not in conflicts}
                    for c, by in row.items()
                }
                for o, row in SCORES.items()
            }
        ),
        conflicts=conflicts,
    )


def test_leniency_is_the_mean_difference_from_the_other_members() -> None:
    found = {f.member_id: f for f in member_leniency(_committee())}
    assert found["M1"].mean_difference == d("1.5")
    assert found["M2"].mean_difference == d("-1.5")
    assert found["M3"].mean_difference == 0
    assert found["E"].mean_difference == d("2")
    assert found["E"].advisory and not found["M1"].advisory
    assert {f.offers_compared for f in found.values()} == {3}
    assert explain(found["M1"].step, "pl") == (
        "M1: średnio +1,5 pkt względem pozostałych członków (porównane oferty: 3)."
    )
    assert explain(found["M2"].step, "en") == (
        "M2: on average -1.5 points against the other members (offers compared: 3)."
    )
    assert "ekspert, głos doradczy" in explain(found["E"].step, "pl")


def test_leniency_with_a_recusal_compares_only_the_members_who_scored() -> None:
    # M3 is recused from C: on C, M1 is compared with M2 alone (4 − 2 = 2), so M1's mean is
    # (1.5 + 1.5 + 2) / 3 = 5/3; M3 is compared on A and B only.
    found = {f.member_id: f for f in member_leniency(_committee((("M3", "C"),)))}
    assert found["M1"].mean_difference is not None
    assert found["M1"].mean_difference.quantize(d("0.0001")) == d("1.6667")
    assert found["M3"].offers_compared == 2
    assert found["M3"].mean_difference == 0


def test_agreement_is_icc1_of_the_members_totals() -> None:
    # groups 8,6,7 / 6,4,5 / 4,2,3: means 7, 5, 3; grand mean 5
    # MSB = 3·(4 + 0 + 4) / 2 = 12; MSW = (2 + 2 + 2) / 6 = 1; n0 = 3
    # ICC(1) = (12 − 1) / (12 + 2·1) = 11/14 = 0.7857 → high (the expert is not a rating)
    agreement = committee_agreement(_committee())
    assert agreement.coefficient == d("0.7857")
    assert agreement.band == "high"
    assert (agreement.offers, agreement.ratings) == (3, 9)
    assert explain(agreement.step, "pl") == (
        "Zgodność komisji wysoka: ICC(1) = 0,7857 (oferty: 3, sumy ocen: 9)."
    )


def test_agreement_with_unequal_numbers_of_ratings() -> None:
    # M3 recused from C: groups 8,6,7 / 6,4,5 / 4,2; N = 8, grand mean 42/8 = 5.25
    # between = 3·1.75² + 3·0.25² + 2·2.25² = 19.5 → MSB = 9.75; MSW = 6 / 5 = 1.2
    # n0 = (8 − 22/8) / 2 = 2.625; ICC(1) = (9.75 − 1.2) / (9.75 + 1.625·1.2) = 8.55 / 11.7
    agreement = committee_agreement(_committee((("M3", "C"),)))
    assert agreement.coefficient == d("0.7308")
    assert agreement.band == "moderate"
    assert "Moderate agreement" in explain(agreement.step, "en")


def test_agreement_is_undefined_when_nobody_is_rated_twice() -> None:
    inp = competition(
        [scored("K1", step="1")],
        members("M1"),
        [offer("A"), offer("B")],
        scores({"A": {"K1": {"M1": "5"}}, "B": {"K1": {"M1": "7"}}}),
    )
    agreement = committee_agreement(inp)
    assert agreement.coefficient is None and agreement.band == "undefined"


# Stability of the winner (one member; K1 weight 10, K2 weight 20, both scored 0–10).
# B was submitted first and wins a tie on the total.


def _winner_case(
    rows: dict[str, dict[str, dict[str, str]]], stage: RoundingStage
) -> CompetitionInput:
    return competition(
        [scored("K1", top="10", weight="10"), scored("K2", top="10", weight="20")],
        members("M1"),
        [offer("A", minutes=5), offer("B", minutes=0)],
        scores(rows),
        Policy(
            rounding_stage=stage,
            tie_breakers=(TieBreaker(TieBreakerKind.EARLIER_SUBMISSION),),
        ),
    )


# A: K1 10, K2 5 → w1 + 10; B: K1 0, K2 7.5 → 15 whatever w1 is: equal at w1 = 5 exactly.
# Through K2: A = 10 + 0.5·w2, B = 0.75·w2 → equal at w2 = 40 (a change of 20, farther).
EXACT = {
    "A": {"K1": {"M1": "10"}, "K2": {"M1": "5"}},
    "B": {"K1": {"M1": "0"}, "K2": {"M1": "7.5"}},
}


def test_stability_of_the_winner() -> None:
    (finding,) = result_stability(_winner_case(EXACT, RoundingStage.CRITERION))
    assert finding.subject == "first_place" and not finding.stable
    assert (finding.criterion_id, finding.current_weight, finding.new_weight) == (
        "K1",
        d("10"),
        d("5.00"),
    )
    assert finding.delta == d("-5.00")
    assert (finding.current, finding.entering, finding.leaving) == (("A",), ("B",), ("A",))
    assert finding.exhaustive
    assert explain(finding.step, "pl") == (
        "Zwycięzca zmieniłby się, gdyby waga kryterium K1 spadła z 10,00 do 5,00 pkt "
        "(o 5,00 pkt). Weszłyby: B; wypadłyby: A."
    )
    assert explain(finding.step, "en") == (
        "The winner would change if the weight of criterion K1 fell from 10.00 to 5.00 points "
        "(by 5.00). Would enter: B; would leave: A."
    )


# A: K1 10, K2 5 → w1 + 10; B: K1 6, K2 6 → 0.6·w1 + 12: equal at w1 = 5 in exact
# arithmetic, but at w1 = 5.01 B's 3.006 points (criterion stage) or 15.006 total (total
# stage) round half-up to 3.01 / 15.01 — a tie with A's 15.01 that B wins.  At 5.02 A leads
# (15.02 against 15.01), so the smallest change is to 5.01, not to 5.00.
ROUNDED = {
    "A": {"K1": {"M1": "10"}, "K2": {"M1": "5"}},
    "B": {"K1": {"M1": "6"}, "K2": {"M1": "6"}},
}


@pytest.mark.parametrize("stage", list(RoundingStage))
def test_stability_of_the_winner_follows_the_rounding(stage: RoundingStage) -> None:
    (finding,) = result_stability(_winner_case(ROUNDED, stage))
    assert (finding.criterion_id, finding.new_weight, finding.delta) == (
        "K1",
        d("5.01"),
        d("-4.99"),
    )
    assert finding.entering == ("B",)


# Funding line: budget for two requests of 1 000 zł, in rank order.  A is far ahead
# (K1 10, K2 10); B (8, 5) = 0.8·w1 + 10 and C (4, 6.5) = 0.4·w1 + 13 are equal at
# w1 = 7.5 (C submitted first wins the tie); via K2: 8 + 0.5·w2 = 4 + 0.65·w2 at w2 ≈ 26.67.
FUNDING = {
    "A": {"K1": {"M1": "10"}, "K2": {"M1": "10"}},
    "B": {"K1": {"M1": "8"}, "K2": {"M1": "5"}},
    "C": {"K1": {"M1": "4"}, "K2": {"M1": "6.5"}},
}


def test_stability_of_the_funding_line() -> None:
    inp = competition(
        [scored("K1", top="10", weight="10"), scored("K2", top="10", weight="20")],
        members("M1"),
        [offer("A", minutes=5), offer("B", minutes=10), offer("C", minutes=0)],
        scores(FUNDING),
        Policy(
            aggregation=Aggregation.MEAN,
            rounding_stage=RoundingStage.TOTAL,
            tie_breakers=(TieBreaker(TieBreakerKind.EARLIER_SUBMISSION),),
            allocation=Allocation(AllocationMethod.IN_ORDER_STOP, Decimal("2000.00")),
        ),
    )
    first, funding = result_stability(inp)
    assert first.subject == "first_place" and first.stable  # A leads under any one weight
    assert explain(first.step, "en") == (
        "The winner would not change with any change of one criterion's weight up to three "
        "times its current value."
    )
    assert funding.subject == "funding_line" and not funding.stable
    assert funding.current == ("A", "B")
    assert (funding.criterion_id, funding.new_weight, funding.delta) == (
        "K1",
        d("7.50"),
        d("-2.50"),
    )
    assert (funding.entering, funding.leaving) == (("C",), ("B",))
    assert explain(funding.step, "pl") == (
        "Lista ofert z dofinansowaniem zmieniłaby się, gdyby waga kryterium K1 spadła z 10,00 "
        "do 7,50 pkt (o 2,50 pkt). Weszłyby: C; wypadłyby: B."
    )


def test_no_stability_findings_for_a_cancelled_competition() -> None:
    inp = competition(
        [scored("K1", step="1", min_score="6")],
        members("M1"),
        [offer("A")],
        scores({"A": {"K1": {"M1": "5"}}}),
    )
    assert result_stability(inp) == ()


def test_analyses_given_the_results_already_computed_say_the_same() -> None:
    """The protocol and the results screen hand over the results they computed (one engine
    run instead of three): the findings are those computed from the input alone."""
    from app.scoring import compute_results

    inp = competition(
        [scored("K1", top="10", weight="10"), scored("K2", top="10", weight="20")],
        members("M1", "M2", "M3", expert=["M3"]),
        [offer("A", minutes=5), offer("B", minutes=10), offer("C", minutes=0)],
        scores(
            {
                "A": {"K1": {"M1": "8", "M2": "6", "M3": "9"}, "K2": {"M1": "7", "M2": "5"}},
                "B": {"K1": {"M1": "5", "M2": "7", "M3": "2"}, "K2": {"M1": "6", "M2": "9"}},
                "C": {"K1": {"M1": "9", "M2": "4", "M3": "5"}, "K2": {"M1": "3", "M2": "8"}},
            }
        ),
    )
    res = compute_results(inp)
    assert member_leniency(inp, res) == member_leniency(inp)
    assert committee_agreement(inp, res) == committee_agreement(inp)
    assert result_stability(inp, res) == result_stability(inp)
    assert any(finding.mean_difference for finding in member_leniency(inp, res))
