"""Properties of the engine over generated competitions (hypothesis).

Each test states a rule that must hold for *every* competition, not one worked example:
the order in which offers and members are listed changes nothing; an advisory expert's scores
change nothing; raising a score never lowers the offer's total; awards stay within the budget,
the requests and the award step; the cheapest offer gets the full weight of a lower-is-better
criterion.  The examples are derandomized (the same ones on every run and in CI) and few enough
to keep the file to a few seconds.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoring_builders import T0, d

from app.scoring import (
    Aggregation,
    Allocation,
    AllocationMethod,
    CompetitionInput,
    Conflict,
    Criterion,
    CriterionKind,
    Member,
    MemberRole,
    Offer,
    Policy,
    Results,
    RoundingStage,
    Score,
    TieBreaker,
    TieBreakerKind,
    compute_results,
)

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SCALES = [(d("10"), d("0.5")), (d("5"), d("1")), (d("4"), d("0.5")), (d("20"), d("1"))]
ALLOCATIONS = [
    AllocationMethod.NONE,
    AllocationMethod.IN_ORDER_STOP,
    AllocationMethod.IN_ORDER_SKIP,
    AllocationMethod.IN_ORDER_PARTIAL,
    AllocationMethod.FULL_ABOVE_PRORATA_BELOW,
]


@st.composite
def competitions(draw: st.DrawFn, with_price: bool | None = None) -> CompetitionInput:
    """A small but complete competition: scored criteria, maybe a price, recusals, a policy."""
    criteria: list[Criterion] = []
    for index in range(draw(st.integers(1, 3))):
        top, step = draw(st.sampled_from(SCALES))
        factor = draw(st.sampled_from([d("1"), d("2"), d("1.5")]))
        criteria.append(
            Criterion(
                f"K{index + 1}",
                f"Kryterium {index + 1}",
                CriterionKind.SCORED,
                top * factor,
                max_score=top,
                step=step,
                min_score=draw(st.sampled_from([None, None, step])),
            )
        )
    price = draw(st.booleans()) if with_price is None else with_price
    if price:
        criteria.append(Criterion("C", "Cena", CriterionKind.LOWER_BETTER, d("30"), field="price"))
    member_count = draw(st.integers(1, 4))
    committee = [
        Member(f"M{i + 1}", f"Członek {i + 1}", MemberRole.CHAIR if i == 0 else MemberRole.MEMBER)
        for i in range(member_count)
    ]
    offer_count = draw(st.integers(1, 6))
    offers = [
        Offer(
            id=f"O{i + 1}",
            label=f"Oferent {i + 1}",
            requested=Decimal(draw(st.integers(100, 5000))) * 10
            + Decimal(draw(st.integers(0, 99))) / 100,
            submitted_at=T0 + timedelta(minutes=draw(st.integers(0, 3))),
            admitted=draw(st.integers(0, 7)) > 0,
            values={"price": Decimal(draw(st.integers(50, 200))) * 100},
        )
        for i in range(offer_count)
    ]
    conflicts = [
        Conflict(m.id, o.id) for m in committee for o in offers if draw(st.integers(0, 9)) == 0
    ]
    recused = {(c.member_id, c.offer_id) for c in conflicts}
    scores = [
        Score(m.id, o.id, c.id, _score_on(draw, c))
        for o in offers
        if o.admitted
        for m in committee
        if (m.id, o.id) not in recused
        for c in criteria
        if c.kind is CriterionKind.SCORED
    ]
    method = draw(st.sampled_from(ALLOCATIONS))
    total_weight = sum((c.weight for c in criteria), Decimal(0))
    budget = Decimal(draw(st.integers(0, 60000))) + Decimal(draw(st.integers(0, 99))) / 100
    policy = Policy(
        aggregation=draw(st.sampled_from(list(Aggregation))),
        rounding_stage=draw(st.sampled_from(list(RoundingStage))),
        min_total=draw(st.sampled_from([None, total_weight * d("0.3")])),
        tie_breakers=draw(
            st.sampled_from(
                [
                    (),
                    (TieBreaker(TieBreakerKind.HIGHEST_WEIGHT),),
                    (
                        TieBreaker(TieBreakerKind.CRITERION, "K1"),
                        TieBreaker(TieBreakerKind.EARLIER_SUBMISSION),
                    ),
                ]
            )
        ),
        discrepancy_points=draw(st.sampled_from([None, total_weight * d("0.25")])),
        winners=draw(st.integers(1, 3)) if method is AllocationMethod.NONE else None,
        allocation=Allocation(
            method=method,
            budget=None if method is AllocationMethod.NONE else budget,
            award_step=draw(st.sampled_from([d("0.01"), d("1.00"), d("100.00")])),
            full_above=total_weight * d("0.6")
            if method is AllocationMethod.FULL_ABOVE_PRORATA_BELOW
            else None,
        ),
    )
    return CompetitionInput(
        criteria=tuple(criteria),
        policy=policy,
        members=tuple(committee),
        offers=tuple(offers),
        scores=tuple(scores),
        conflicts=tuple(conflicts),
    )


def _score_on(draw: st.DrawFn, criterion: Criterion) -> Decimal:
    assert criterion.max_score is not None and criterion.step is not None
    steps = int(criterion.max_score / criterion.step)
    return criterion.step * draw(st.integers(0, steps))


def _outcome(results: Results) -> dict[str, tuple[object, ...]]:
    """What a user reads off the results, per offer (independent of listing order)."""
    return {
        o.offer_id: (
            o.admitted,
            o.eligible,
            o.rank,
            o.total,
            o.unscaled_total,
            o.award,
            o.flags,
            tuple((c.criterion_id, c.score, c.points) for c in o.criteria),
            o.spread,
            dict(o.member_totals),
        )
        for o in results.offers
    } | {
        "": (
            results.cancel,
            results.awarded_total,
            results.budget,
            frozenset(frozenset(group) for group in results.unresolved_ties),
            frozenset(results.unresolved_discrepancies),
            frozenset(results.not_evaluated),
        )
    }


@PROPERTY_SETTINGS
@given(competitions(), st.randoms(use_true_random=False))
def test_listing_order_of_offers_members_and_scores_changes_nothing(
    inp: CompetitionInput, rng: random.Random
) -> None:
    offers = list(inp.offers)
    members = list(inp.members)
    scores = list(inp.scores)
    rng.shuffle(offers)
    rng.shuffle(members)
    rng.shuffle(scores)
    # The submission order breaks ties; the position in the list never does.
    shuffled = dataclasses.replace(
        inp, offers=tuple(offers), members=tuple(members), scores=tuple(scores)
    )
    assert _outcome(compute_results(shuffled)) == _outcome(compute_results(inp))


@PROPERTY_SETTINGS
@given(competitions(), st.data())
def test_an_advisory_experts_scores_change_nothing(
    inp: CompetitionInput, data: st.DataObject
) -> None:
    expert = Member("EXP", "Ekspert", MemberRole.EXPERT)
    extra = tuple(
        Score(expert.id, o.id, c.id, data.draw(st.sampled_from(_scale(c))))
        for o in inp.offers
        if o.admitted
        for c in inp.criteria
        if c.kind is CriterionKind.SCORED
    )
    with_expert = dataclasses.replace(
        inp, members=(*inp.members, expert), scores=(*inp.scores, *extra)
    )
    before, after = compute_results(inp), compute_results(with_expert)
    assert _outcome(after) == _outcome(before)
    for offer in after.offers:
        if offer.admitted:
            assert offer.excluded_members.get("EXP") == "expert"
            assert "EXP" not in offer.counted_members


def _scale(criterion: Criterion) -> list[Decimal]:
    assert criterion.max_score is not None and criterion.step is not None
    return [criterion.step * k for k in range(int(criterion.max_score / criterion.step) + 1)]


@PROPERTY_SETTINGS
@given(competitions(), st.data())
def test_raising_one_score_never_lowers_that_offers_total(
    inp: CompetitionInput, data: st.DataObject
) -> None:
    criteria = {c.id: c for c in inp.criteria}
    raisable = [
        i
        for i, s in enumerate(inp.scores)
        if s.value < (criteria[s.criterion_id].max_score or Decimal(0))
    ]
    if not raisable:
        return
    index = data.draw(st.sampled_from(raisable))
    score = list(inp.scores)[index]
    criterion = criteria[score.criterion_id]
    assert criterion.step is not None and criterion.max_score is not None
    higher = data.draw(
        st.sampled_from([v for v in _scale(criterion) if v > score.value]), label="raised to"
    )
    scores = list(inp.scores)
    scores[index] = score._replace(value=higher)
    raised = dataclasses.replace(inp, scores=tuple(scores))
    before = compute_results(inp).offer(score.offer_id)
    after = compute_results(raised).offer(score.offer_id)
    assert before.total is not None and after.total is not None
    assert after.total >= before.total
    assert after.unscaled_total is not None and before.unscaled_total is not None
    assert after.unscaled_total >= before.unscaled_total
    # and no single criterion loses points either
    for old, new in zip(before.criteria, after.criteria, strict=True):
        assert new.points >= old.points


@PROPERTY_SETTINGS
@given(competitions())
def test_awards_never_exceed_the_budget_any_request_or_the_award_step(
    inp: CompetitionInput,
) -> None:
    results = compute_results(inp)
    allocation = inp.policy.allocation
    if allocation.method is AllocationMethod.NONE:
        assert all(o.award is None for o in results.offers)
        return
    assert allocation.budget is not None
    requested = {o.id: o.requested for o in inp.offers}
    awarded = Decimal(0)
    for offer in results.offers:
        assert offer.award is not None
        assert Decimal(0) <= offer.award <= requested[offer.offer_id]
        assert offer.award % allocation.award_step == 0
        if not offer.eligible:
            assert offer.award == 0
        awarded += offer.award
    assert awarded == results.awarded_total
    assert awarded <= allocation.budget


@PROPERTY_SETTINGS
@given(competitions(with_price=True))
def test_the_cheapest_offer_gets_the_full_weight_of_a_lower_is_better_criterion(
    inp: CompetitionInput,
) -> None:
    results = compute_results(inp)
    price = next(c for c in inp.criteria if c.kind is CriterionKind.LOWER_BETTER)
    admitted = [o for o in inp.offers if o.admitted]
    if not admitted:
        assert results.cancel
        return
    cheapest = min(o.values["price"] for o in admitted)
    for offer in admitted:
        points = next(
            c.points for c in results.offer(offer.id).criteria if c.criterion_id == price.id
        )
        if offer.values["price"] == cheapest:
            assert points == price.weight
        else:
            assert points < price.weight
