"""The engine against a tiny reference written here, over generated competitions (hypothesis).

The reference follows the rules of ``fixtures/README.md`` in exact fractions: who counts for an
offer, the mean or median of their scores, points (score / top × weight, or the price, capped
and banded formulas), rounding half-up at the stage the policy names, the thresholds, the
members' own totals and their spread.  It shares no code with the engine.  Each offer's
explanation must then state exactly the numbers of its result.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoring_builders import T0, d

from app.scoring import (
    Aggregation,
    Band,
    CompetitionInput,
    Conflict,
    Criterion,
    CriterionKind,
    Member,
    MemberRole,
    Offer,
    OfferResult,
    Policy,
    RoundingStage,
    Score,
    ThresholdBasis,
    compute_results,
    explanations,
)
from app.scoring.codes import STEP_PARAMS

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SCALES = [(d("10"), d("0.5")), (d("5"), d("1")), (d("3"), d("1")), (d("20"), d("0.25"))]


@st.composite
def competitions(draw: st.DrawFn) -> CompetitionInput:
    criteria: list[Criterion] = []
    for index in range(draw(st.integers(1, 3))):
        top, step = draw(st.sampled_from(SCALES))
        criteria.append(
            Criterion(
                f"K{index + 1}",
                "scored",
                CriterionKind.SCORED,
                draw(st.sampled_from([top, d("7"), d("12.5"), d("10")])),
                max_score=top,
                step=step,
                min_score=draw(st.sampled_from([None, None, top / 2])),
            )
        )
    if draw(st.booleans()):
        criteria.append(Criterion("Y", "yes/no", CriterionKind.YES_NO, d("2")))
    formula = draw(st.sampled_from(["", "lower", "higher", "banded"]))
    if formula == "lower":
        criteria.append(Criterion("P", "price", CriterionKind.LOWER_BETTER, d("30"), field="v"))
    elif formula == "higher":
        cap = draw(st.sampled_from([None, d("150")]))
        criteria.append(
            Criterion("P", "capital", CriterionKind.HIGHER_BETTER, d("15"), field="v", cap=cap)
        )
    elif formula == "banded":
        bands = (Band(d("0"), d("0")), Band(d("100"), d("5")), Band(d("150"), d("10")))
        criteria.append(
            Criterion("P", "bands", CriterionKind.BANDED, d("0"), field="v", bands=bands)
        )
    members = [
        Member(f"M{i + 1}", "member", MemberRole.CHAIR if i == 0 else MemberRole.MEMBER)
        for i in range(draw(st.integers(1, 4)))
    ]
    if draw(st.booleans()):
        members.append(Member("E", "expert", MemberRole.EXPERT))
    offers = [
        Offer(
            f"O{i + 1}",
            f"offer {i + 1}",
            d("1000"),
            T0 + timedelta(minutes=i),
            admitted=draw(st.integers(0, 6)) > 0,
            values={"v": Decimal(draw(st.integers(1, 200)))},
        )
        for i in range(draw(st.integers(1, 5)))
    ]
    conflicts = [
        Conflict(m.id, o.id) for m in members for o in offers if draw(st.integers(0, 7)) == 0
    ]
    scores = [
        Score(m.id, o.id, c.id, _on_scale(draw, c))
        for o in offers
        if o.admitted
        for m in members
        for c in criteria
        if c.field is None and draw(st.integers(0, 9)) > 0  # now and then a score is missing
    ]
    total = sum((c.weight for c in criteria), Decimal(0))
    policy = Policy(
        aggregation=draw(st.sampled_from(list(Aggregation))),
        rounding_places=draw(st.sampled_from([0, 2, 3])),
        rounding_stage=draw(st.sampled_from(list(RoundingStage))),
        min_total=draw(st.sampled_from([None, total / 2])),
        min_total_basis=draw(st.sampled_from(list(ThresholdBasis))),
        discrepancy_points=draw(st.sampled_from([None, total / 4])),
    )
    return CompetitionInput(
        tuple(criteria), policy, tuple(members), tuple(offers), tuple(scores), tuple(conflicts)
    )


def _on_scale(draw: st.DrawFn, criterion: Criterion) -> Decimal:
    if criterion.kind is CriterionKind.YES_NO:
        return Decimal(draw(st.integers(0, 1)))
    assert criterion.max_score is not None and criterion.step is not None
    return criterion.step * draw(st.integers(0, int(criterion.max_score / criterion.step)))


def _round(value: Fraction, places: int) -> Fraction:
    """Half-up, as Excel's ROUND (all values here are non-negative)."""
    scaled = value * 10**places
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole, 10**places)


def _reference(inp: CompetitionInput, offer: Offer) -> dict[str, object]:
    """One admitted offer's numbers, worked out from the rules alone."""
    policy = inp.policy
    places = policy.rounding_places
    by_total = policy.rounding_stage is RoundingStage.TOTAL
    member_scored = [c for c in inp.criteria if c.field is None]
    mine = {
        (s.member_id, s.criterion_id): Fraction(s.value)
        for s in inp.scores
        if s.offer_id == offer.id
    }
    recused = {c.member_id for c in inp.conflicts if c.offer_id == offer.id}
    counted = [
        m.id
        for m in inp.members
        if m.role is not MemberRole.EXPERT
        and m.id not in recused
        and (not member_scored or any((m.id, c.id) in mine for c in member_scored))
    ]
    admitted = [o for o in inp.offers if o.admitted]
    numbers: dict[str, object] = {"counted": tuple(counted)}
    entering: list[Fraction] = []
    unscaled: list[Fraction] = []
    failed = False
    own: dict[str, Fraction] = dict.fromkeys(counted, Fraction(0))
    for c in inp.criteria:
        weight = Fraction(c.weight)
        if c.field is None:
            values = [mine[(m, c.id)] for m in counted if (m, c.id) in mine]
            aggregate: Fraction | None = None
            if values:
                ordered = sorted(values)
                half = len(ordered) // 2
                if policy.aggregation is Aggregation.MEAN:
                    aggregate = sum(values, Fraction(0)) / len(values)
                elif len(ordered) % 2:
                    aggregate = ordered[half]
                else:
                    aggregate = (ordered[half - 1] + ordered[half]) / 2
            numbers[c.id + ".score"] = None if aggregate is None else _round(aggregate, places)
            if c.kind is CriterionKind.YES_NO:
                passed = aggregate is not None and aggregate > Fraction(1, 2)
                points = _round(weight if passed else Fraction(0), places)
                failed = failed or not passed
                entering.append(points)
                numbers[c.id + ".points"] = points
                continue
            top = Fraction(c.max_score)  # type: ignore[arg-type]
            for m in counted:
                if (m, c.id) not in mine:
                    own.pop(m, None)  # an incomplete card is not compared
                elif m in own:
                    own[m] += mine[(m, c.id)] / top * weight
            used = Fraction(0)
            if aggregate is not None:
                used = aggregate if by_total else _round(aggregate, places)
                unscaled.append(used)
            exact = used / top * weight
            if c.min_score is not None and (aggregate is None or used < Fraction(c.min_score)):
                failed = True
        else:
            value = Fraction(offer.values["v"])
            if c.kind is CriterionKind.LOWER_BETTER:
                best = min(Fraction(o.values["v"]) for o in admitted)
                exact = best / value * weight
            elif c.kind is CriterionKind.HIGHER_BETTER:
                cap = None if c.cap is None else Fraction(c.cap)
                capped = [
                    min(Fraction(o.values["v"]), cap or Fraction(o.values["v"])) for o in admitted
                ]
                exact = min(value, cap or value) / max(capped) * weight
            else:
                exact = max(
                    (Fraction(b.points) for b in c.bands if b.from_value <= value),
                    default=Fraction(0),
                )
        numbers[c.id + ".points"] = _round(exact, places)
        entering.append(exact if by_total else _round(exact, places))
    total = _round(sum(entering, Fraction(0)), places)
    unscaled_total = _round(sum(unscaled, Fraction(0)), places)
    numbers["total"] = total
    numbers["own"] = own if any(c.kind is CriterionKind.SCORED for c in inp.criteria) else {}
    threshold = policy.min_total
    if threshold is not None:
        basis = unscaled_total if policy.min_total_basis is ThresholdBasis.UNSCALED else total
        failed = failed or basis < Fraction(threshold)
    numbers["eligible"] = not failed
    return numbers


def _numbers(inp: CompetitionInput, result: OfferResult) -> dict[str, object]:
    numbers: dict[str, object] = {"counted": result.counted_members}
    member_scored = {c.id for c in inp.criteria if c.field is None}
    for c in result.criteria:
        if c.criterion_id in member_scored:
            numbers[c.criterion_id + ".score"] = None if c.score is None else Fraction(c.score)
        numbers[c.criterion_id + ".points"] = Fraction(c.points)
    assert result.total is not None
    numbers["total"] = Fraction(result.total)
    numbers["own"] = {m: Fraction(t) for m, t in result.member_totals.items()}
    numbers["eligible"] = result.eligible
    return numbers


def _close(own: dict[str, Fraction], reference: dict[str, Fraction]) -> bool:
    """Members' totals are shown settled to 30 places (a third of a point never ends)."""
    return own.keys() == reference.keys() and all(
        abs(own[m] - reference[m]) < Fraction(1, 10**25) for m in own
    )


@SETTINGS
@given(competitions())
def test_every_offer_has_the_numbers_the_rules_give(inp: CompetitionInput) -> None:
    results = compute_results(inp)
    for offer in inp.offers:
        if not offer.admitted:
            continue
        got = _numbers(inp, results.offer(offer.id))
        want = _reference(inp, offer)
        assert _close(got.pop("own"), want.pop("own")), offer.id  # type: ignore[arg-type]
        assert got == want, offer.id


@SETTINGS
@given(competitions())
def test_an_explanation_states_the_numbers_of_its_result(inp: CompetitionInput) -> None:
    results = compute_results(inp)
    told = list(explanations(inp, results))
    assert [e.offer_id for e in told] == [o.offer_id for o in results.offers]
    written = [*results.steps, *(s for e in told for s in e.steps)]
    written += [s for e in told for steps in e.criteria.values() for s in steps]
    for step in written:  # the contract with app.texts: known codes, exactly their parameters
        assert set(step.params) == STEP_PARAMS[step.code], step
    for result, why in zip(results.offers, told, strict=True):
        codes = [s.code for s in why.steps]
        if not result.admitted:
            assert codes[0] == "offer_not_admitted"
            continue
        assert list(why.criteria) == [c.criterion_id for c in result.criteria]
        for criterion in result.criteria:
            params = {s.code: s.params for s in why.criteria[criterion.criterion_id]}
            shown = params.get("points_scored") or params.get("points_yes_no")
            for code in ("points_lower_better", "points_higher_better", "points_banded"):
                shown = shown or params.get(code)
            if shown is not None:
                assert Decimal(shown["points"]) == criterion.points
            aggregate = params.get("mean") or params.get("median")
            if aggregate is not None and "consensus_score" not in params:
                assert criterion.score is not None
                assert Decimal(aggregate["rounded"]) == criterion.score
        total = next(s for s in why.steps if s.code.startswith("total_"))
        assert total.params["total"] == format(result.total, "f")
        assert (
            codes[-len(result.placement) or len(codes) :] == [s.code for s in result.placement]
            or not result.placement
        )
        assert ("eligible" in codes) is result.eligible
        assert ("not_eligible" in codes) is not result.eligible


def test_the_reference_rounds_half_up() -> None:
    assert _round(Fraction(83175, 1000), 2) == Fraction(8318, 100)
    assert _round(Fraction(1, 3), 2) == Fraction(33, 100)
    assert Decimal("83.175").quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("83.18")
