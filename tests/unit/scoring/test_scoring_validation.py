"""The engine refuses garbage with a stable code and parameters naming what is wrong."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

import pytest
from scoring_builders import competition, d, members, offer, scored, scores

from app.scoring import (
    Allocation,
    AllocationMethod,
    Band,
    CompetitionInput,
    Criterion,
    CriterionKind,
    Decisions,
    DiscrepancyMethod,
    DiscrepancyResolution,
    FormalOverride,
    Score,
    ScoringInputError,
    TieBreaker,
    TieBreakerKind,
    TieOrder,
    compute_results,
)
from app.scoring.codes import ERROR_PARAMS
from app.texts import message

PRICE = Criterion("P", "Cena", CriterionKind.LOWER_BETTER, d("60"), field="price")


def base() -> CompetitionInput:
    return competition(
        [scored("K", top="10", step="0.5"), PRICE],
        members("M1", "M2"),
        [offer("A", price="100"), offer("B", price="120")],
        scores({"A": {"K": {"M1": "7", "M2": "8"}}, "B": {"K": {"M1": "6", "M2": "6.5"}}}),
    )


def with_scores(*rows: Score) -> Callable[[CompetitionInput], CompetitionInput]:
    return lambda inp: dataclasses.replace(inp, scores=(*inp.scores, *rows))


def replacing(*rows: Score) -> Callable[[CompetitionInput], CompetitionInput]:
    """The input with these scores instead of the same members' scores of the same offers and
    criteria (a second score of the same key would be refused as a duplicate first)."""
    keys = {(s.member_id, s.offer_id, s.criterion_id) for s in rows}
    return lambda inp: dataclasses.replace(
        inp,
        scores=(
            *(s for s in inp.scores if (s.member_id, s.offer_id, s.criterion_id) not in keys),
            *rows,
        ),
    )


def with_criterion(criterion: Criterion) -> Callable[[CompetitionInput], CompetitionInput]:
    return lambda inp: dataclasses.replace(inp, criteria=(*inp.criteria, criterion))


def with_policy(**changes: object) -> Callable[[CompetitionInput], CompetitionInput]:
    return lambda inp: dataclasses.replace(inp, policy=dataclasses.replace(inp.policy, **changes))


def with_decisions(**changes: object) -> Callable[[CompetitionInput], CompetitionInput]:
    return lambda inp: dataclasses.replace(inp, decisions=Decisions(**changes))  # type: ignore[arg-type]


def with_offer_values(oid: str, **values: str) -> Callable[[CompetitionInput], CompetitionInput]:
    def change(inp: CompetitionInput) -> CompetitionInput:
        offers = tuple(
            dataclasses.replace(o, values={k: d(v) for k, v in values.items()})
            if o.id == oid
            else o
            for o in inp.offers
        )
        return dataclasses.replace(inp, offers=offers)

    return change


CASES: list[tuple[str, Callable[[CompetitionInput], CompetitionInput], dict[str, str]]] = [
    ("score_unknown_member", with_scores(Score("M9", "A", "K", d("5"))), {"member": "M9"}),
    ("score_unknown_offer", with_scores(Score("M1", "X", "K", d("5"))), {"offer": "X"}),
    ("score_unknown_criterion", with_scores(Score("M1", "A", "Z", d("5"))), {"criterion": "Z"}),
    (
        "score_for_unscored_criterion",
        with_scores(Score("M1", "A", "P", d("5"))),
        {"criterion": "P"},
    ),
    ("score_off_scale", replacing(Score("M1", "A", "K", d("10.5"))), {"value": "10.5"}),
    ("score_off_scale", replacing(Score("M1", "A", "K", d("-1"))), {"max": "10"}),
    ("score_off_step", replacing(Score("M1", "B", "K", d("0.25"))), {"step": "0.5"}),
    ("duplicate_score", with_scores(Score("M1", "A", "K", d("7"))), {"member": "M1", "offer": "A"}),
    ("score_not_decimal", replacing(Score("M1", "A", "K", Decimal("NaN"))), {"offer": "A"}),
    ("score_not_decimal", replacing(Score("M1", "A", "K", Decimal("sNaN"))), {"offer": "A"}),
    (
        "score_not_decimal",
        replacing(Score("M1", "A", "K", 7.0)),  # type: ignore[arg-type]
        {"value": "7.0"},
    ),
    ("invalid_weight", with_criterion(scored("Z", weight="0")), {"criterion": "Z"}),
    ("invalid_weight", with_criterion(scored("Z", weight="-1")), {"weight": "-1"}),
    ("duplicate_criterion", with_criterion(scored("K")), {"criterion": "K"}),
    ("invalid_step", with_criterion(scored("Z", step="0")), {"criterion": "Z"}),
    ("invalid_min_score", with_criterion(scored("Z", min_score="11")), {"min_score": "11"}),
    (
        "missing_scale",
        with_criterion(Criterion("Z", "Z", CriterionKind.SCORED, d("5"))),
        {"criterion": "Z"},
    ),
    (
        "missing_field",
        with_criterion(Criterion("Z", "Z", CriterionKind.LOWER_BETTER, d("5"))),
        {"criterion": "Z"},
    ),
    (
        "missing_bands",
        with_criterion(Criterion("Z", "Z", CriterionKind.BANDED, d("5"), field="price")),
        {"criterion": "Z"},
    ),
    (
        "duplicate_band",
        with_criterion(
            Criterion(
                "Z",
                "Z",
                CriterionKind.BANDED,
                d("5"),
                field="price",
                bands=(Band(d("1"), d("1")), Band(d("1"), d("2"))),
            )
        ),
        {"start": "1"},
    ),
    (
        "option_not_for_kind",
        with_criterion(dataclasses.replace(PRICE, id="Z", cap=d("5"))),
        {"option": "cap"},
    ),
    (
        "yes_no_scale",
        with_criterion(Criterion("Z", "Z", CriterionKind.YES_NO, d("1"), max_score=d("5"))),
        {"criterion": "Z"},
    ),
    ("missing_value", with_offer_values("B"), {"offer": "B", "field": "price"}),
    ("nonpositive_value", with_offer_values("B", price="0"), {"offer": "B", "value": "0"}),
    ("nonpositive_value", with_offer_values("B", price="-3"), {"offer": "B"}),
    (
        "zero_best_value",
        lambda inp: with_criterion(
            Criterion("Z", "Z", CriterionKind.HIGHER_BETTER, d("5"), field="zero")
        )(
            with_offer_values("A", price="100", zero="0")(
                with_offer_values("B", price="120", zero="0")(inp)
            )
        ),
        {"criterion": "Z"},
    ),
    (
        "winners_with_allocation",
        with_policy(winners=1, allocation=Allocation(AllocationMethod.IN_ORDER_STOP, d("10"))),
        {},
    ),
    ("missing_budget", with_policy(allocation=Allocation(AllocationMethod.IN_ORDER_STOP)), {}),
    (
        "missing_full_above",
        with_policy(allocation=Allocation(AllocationMethod.FULL_ABOVE_PRORATA_BELOW, d("10"))),
        {},
    ),
    (
        "invalid_policy_number",
        with_policy(allocation=Allocation(AllocationMethod.IN_ORDER_STOP, d("10"), d("0"))),
        {"option": "award_step"},
    ),
    ("invalid_winners", with_policy(winners=0), {"winners": "0"}),
    ("invalid_rounding_places", with_policy(rounding_places=-1), {"places": "-1"}),
    (
        "unknown_tie_breaker_criterion",
        with_policy(tie_breakers=(TieBreaker(TieBreakerKind.CRITERION, "Q"),)),
        {"criterion": "Q"},
    ),
    (
        "missing_tie_breaker_value",
        with_policy(tie_breakers=(TieBreaker(TieBreakerKind.LOWER, "budget"),)),
        {"field": "budget"},
    ),
    (
        "tie_order_unknown_offer",
        with_decisions(tie_orders=(TieOrder(("A", "X"), "r"),)),
        {"offer": "X"},
    ),
    (
        "tie_order_duplicate_offer",
        with_decisions(tie_orders=(TieOrder(("A", "B"), "r"), TieOrder(("B", "A"), "r"))),
        {"offer": "B"},
    ),
    (
        "resolution_unknown_offer",
        with_decisions(
            discrepancy_resolutions=(
                DiscrepancyResolution("X", DiscrepancyMethod.CHAIR_DECISION, "r"),
            )
        ),
        {"offer": "X"},
    ),
    (
        "consensus_not_scored",
        with_decisions(
            discrepancy_resolutions=(
                DiscrepancyResolution("A", DiscrepancyMethod.CONSENSUS, "r", {"P": d("5")}),
            )
        ),
        {"criterion": "P"},
    ),
    (
        "consensus_off_scale",
        with_decisions(
            discrepancy_resolutions=(
                DiscrepancyResolution("A", DiscrepancyMethod.CONSENSUS, "r", {"K": d("11")}),
            )
        ),
        {"value": "11"},
    ),
    (
        "consensus_scores_without_consensus",
        with_decisions(
            discrepancy_resolutions=(
                DiscrepancyResolution("A", DiscrepancyMethod.CHAIR_DECISION, "r", {"K": d("5")}),
            )
        ),
        {"offer": "A"},
    ),
    (
        "override_not_applied",
        with_decisions(formal_overrides=(FormalOverride("A", False, "r"),)),
        {"offer": "A"},
    ),
]


@pytest.mark.parametrize(
    ("code", "change", "params"), CASES, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)]
)
def test_input_errors(
    code: str, change: Callable[[CompetitionInput], CompetitionInput], params: dict[str, str]
) -> None:
    with pytest.raises(ScoringInputError) as error:
        compute_results(change(base()))
    assert error.value.code == code
    assert params.items() <= dict(error.value.params).items()
    assert set(error.value.params) == ERROR_PARAMS[code]
    for lang in ("pl", "en"):
        assert message(error.value.code, error.value.params, lang)


def test_the_base_case_is_valid() -> None:
    assert compute_results(base()).offer("A").rank == 1


def test_members_conflicts_and_offers_must_be_known_and_unique() -> None:
    inp = base()
    for change, code in [
        (dataclasses.replace(inp, members=inp.members + inp.members[:1]), "duplicate_member"),
        (dataclasses.replace(inp, offers=inp.offers + inp.offers[:1]), "duplicate_offer"),
        (
            competition(inp.criteria, inp.members, inp.offers, inp.scores, conflicts=[("M9", "A")]),
            "conflict_unknown_member",
        ),
        (
            competition(inp.criteria, inp.members, inp.offers, inp.scores, conflicts=[("M1", "X")]),
            "conflict_unknown_offer",
        ),
        (dataclasses.replace(inp, criteria=()), "no_criteria"),
    ]:
        with pytest.raises(ScoringInputError) as error:
            compute_results(change)
        assert error.value.code == code


def test_submission_time_needs_a_time_zone() -> None:
    inp = base()
    naive = dataclasses.replace(inp.offers[0], submitted_at=datetime(2027, 1, 1, 10, 0))
    with pytest.raises(ScoringInputError) as error:
        compute_results(dataclasses.replace(inp, offers=(naive, inp.offers[1])))
    assert error.value.code == "naive_submission_time"


def test_negative_request_is_refused() -> None:
    inp = base()
    bad = dataclasses.replace(inp.offers[0], requested=d("-1"))
    with pytest.raises(ScoringInputError) as error:
        compute_results(dataclasses.replace(inp, offers=(bad, inp.offers[1])))
    assert error.value.code == "invalid_request"


def test_negative_higher_is_better_value() -> None:
    capital = Criterion("C", "Kapitał", CriterionKind.HIGHER_BETTER, d("20"), field="capital")
    inp = competition([capital], members("M1"), [offer("A", capital="-5"), offer("B", capital="9")])
    with pytest.raises(ScoringInputError) as error:
        compute_results(inp)
    assert error.value.code == "negative_value"
    assert error.value.params["offer"] == "A"


def test_scores_of_a_scale_without_step_are_checked_by_range() -> None:
    free = Criterion("F", "F", CriterionKind.SCORED, d("10"), max_score=d("10"))
    inp = competition([free], members("M1"), [offer("A")], scores({"A": {"F": {"M1": "7.37"}}}))
    assert compute_results(inp).offer("A").total == d("7.37")
    with pytest.raises(ScoringInputError):
        compute_results(
            competition([free], members("M1"), [offer("A")], scores({"A": {"F": {"M1": "10.01"}}}))
        )


def test_error_carries_code_and_params() -> None:
    error = ScoringInputError("duplicate_offer", {"offer": "A"})
    assert error.code == "duplicate_offer"
    assert dict(error.params) == {"offer": "A"}
    assert "duplicate_offer" in str(error)
