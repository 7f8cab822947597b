"""Per-offer arithmetic: who counts, aggregated scores, points per criterion, totals.

Everything an offer's result needs before the offers are compared with each other (ranking and
money come later): the members counted and why others are not, each criterion's aggregate and
points with the formula written out, the total, the members' own totals and their spread, and
the thresholds.

Speed: a competition has at most a few hundred distinct (sum of scores, number of scores)
pairs per criterion, so the arithmetic and the text that follow from an aggregate are computed
once per distinct aggregate and shared (they are immutable); what remains per offer and
criterion is gathering the scores and writing the member-specific lines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from operator import attrgetter, is_, itemgetter, mul
from typing import TypeVar, cast

from app.scoring.errors import ScoringInputError
from app.scoring.rounding import (
    HALF,
    ONE,
    ZERO,
    exact_text,
    half_up,
    plain,
    settled_half_up,
    tidy,
)
from app.scoring.steps import Lazy, LazySteps, make_criterion_result, make_step
from app.scoring.types import (
    Aggregation,
    Criterion,
    CriterionKind,
    CriterionResult,
    DiscrepancyResolution,
    Flag,
    MemberRole,
    Offer,
    RoundingStage,
    Step,
    ThresholdBasis,
)
from app.scoring.validation import Prepared, formula_value

_NO_SCORES: Mapping[str, Decimal] = {}
_new = object.__new__
_NOBODY: frozenset[str] = frozenset()
_X = TypeVar("_X")
_DASH = "—"
# Reasons a member's scores do not count for an offer (OfferResult.excluded_members).
REASON_EXPERT = "expert"
REASON_RECUSED = "recused"
REASON_NO_SCORES = "no_scores"


@dataclass(slots=True)
class OfferWork:
    """One admitted offer while the engine works on it."""

    offer: Offer
    position: int  # in the input, for stable orders
    criteria: Sequence[CriterionResult]  # a list, or made when first read (steps.Lazy)
    points: dict[str, Decimal]  # display points per criterion id (tie-breaks compare these)
    total: Decimal
    unscaled_total: Decimal
    eligible: bool
    flags: set[Flag]
    steps: Sequence[Step]  # the offer's own steps (written when first read)
    counted: tuple[str, ...]
    excluded: dict[str, str]
    member_totals: dict[str, Decimal]
    spread: Decimal | None
    rank: int | None = None
    award: Decimal | None = None
    late_steps: list[Step] = field(default_factory=list)  # ranking, selection, award


@dataclass(frozen=True, slots=True)
class _CriterionPlan:
    """What stays the same for one criterion across all offers."""

    criterion: Criterion
    member_scored: bool
    top: Decimal  # top of the members' scale (1 when members do not score it)
    weight_text: str
    max_text: str
    # weight / top when that is exact (the common case), so a member's contribution to their
    # own total is one multiplication; None when a division is needed to stay exact.
    factor: Decimal | None
    best: Decimal | None  # lowest (LOWER_BETTER) or highest (HIGHER_BETTER) admitted value
    bands: tuple[tuple[Decimal, Decimal], ...]  # (from, points), highest from first


@dataclass(frozen=True, slots=True)
class _Counted:
    """The members counted for one offer, in committee order."""

    ids: tuple[str, ...]
    members: frozenset[str]
    text: str  # the ids joined, reused by every criterion that all of them scored
    # a criterion's scores of these members, in this order, from its member -> score map
    pick: Callable[[Mapping[str, Decimal]], tuple[Decimal, ...]]


def _counted(ids: tuple[str, ...]) -> _Counted:
    def pick_few(scores: Mapping[str, Decimal]) -> tuple[Decimal, ...]:  # 0 or 1 member
        return tuple(scores[mid] for mid in ids)

    # itemgetter: one C call per offer and criterion (it gives a tuple for two ids or more)
    pick = itemgetter(*ids) if len(ids) > 1 else pick_few
    return _Counted(ids, frozenset(ids), ", ".join(ids), pick)


@dataclass(frozen=True, slots=True)
class _Dense:
    """What one sum of scores gives a member-scored criterion that every counted member
    scored (SCORED or YES_NO).

    The mean, and so everything after it, depends only on the sum and the number of members;
    a criterion sees a few hundred distinct sums at most, so this is computed once per sum.
    """

    fields: Mapping[str, object]  # the CriterionResult's fields but the members and steps
    computed: Decimal  # the mean
    part: _ScoredPoints | None  # SCORED
    yes_no: tuple[Decimal | None, bool, Decimal] | None  # YES_NO: score, passed, points
    threshold_failed: bool  # a SCORED criterion's own threshold failed
    formal_failed: bool  # a YES_NO criterion failed
    failed: bool  # either
    points: Decimal
    used: Decimal | None  # SCORED: the score the points and thresholds use
    entering: Decimal


def _points_steps(
    plan: _CriterionPlan,
    missing: bool,
    used: Decimal,
    points_raw: Decimal,
    points: Decimal,
    passed: bool | None,
) -> tuple[Step, ...]:
    """The points formula of a SCORED criterion and its threshold, written when first read
    (shared by every offer with the same aggregated score)."""
    used_text = _DASH if missing else exact_text(used)
    steps = [
        make_step(
            "points_scored",
            {
                "score": used_text,
                "max": plan.max_text,
                "weight": plan.weight_text,
                "exact": exact_text(points_raw),
                "points": plain(points),
            },
        )
    ]
    threshold = plan.criterion.min_score
    if threshold is not None:
        steps.append(
            make_step(
                "min_score_passed" if passed else "min_score_failed",
                {"score": used_text, "threshold": plain(threshold)},
            )
        )
    return tuple(steps)


def _taking(indices: list[int]) -> Callable[[Sequence[_X]], Sequence[_X]]:
    """A function giving the items of a sequence at ``indices``, in that order (in C)."""
    if len(indices) >= 2:
        return cast("Callable[[Sequence[_X]], Sequence[_X]]", itemgetter(*indices))

    def take(items: Sequence[_X]) -> Sequence[_X]:
        return [items[index] for index in indices]

    return take


_cached: Callable[[dict[int, _Dense], int], _Dense | None] = dict.get

# Scores and (score × factor) products are added up as integers, in these decimal places.
UNIT_PLACES = 12
PRODUCT_PLACES = 24


class _NotInUnitsError(Exception):
    """A value has more decimal places than its integer units hold."""


class _Units(dict[Decimal, int]):
    """A value (times a factor) -> that product as an integer count of 10^-places.

    Computed when first asked for, kept for the next score with the same value; integers add
    up exactly and several times faster than Decimals.  A value that does not fit raises
    ``_NotInUnitsError`` (the caller then takes the general path, in Decimals).
    """

    def __init__(self, places: int, factor: Decimal = ONE) -> None:
        super().__init__()
        self._places = places
        self._factor = factor

    def __missing__(self, value: Decimal) -> int:
        scaled = (value * self._factor).scaleb(self._places)
        if scaled != scaled.to_integral_value():
            raise _NotInUnitsError(value)
        units = self[value] = int(scaled)
        return units


class _MemberTotal(dict[int, Decimal]):
    """A member's own total in units of 10^-PRODUCT_PLACES -> its value, as ``tidy`` gives
    it for the same sum added up in Decimals."""

    def __missing__(self, units: int) -> Decimal:
        value = self[units] = tidy(Decimal(units).scaleb(-PRODUCT_PLACES))
        return value


_FAILED = attrgetter("failed")
_THRESHOLD_FAILED = attrgetter("threshold_failed")
_FORMAL_FAILED = attrgetter("formal_failed")
_POINTS = attrgetter("points")
_USED = attrgetter("used")
_ENTERING = attrgetter("entering")


@dataclass(frozen=True, slots=True)
class _ScoredPoints:
    """What follows from one aggregated score of one SCORED criterion."""

    score: Decimal  # rounded for display
    used: Decimal  # what the points and the thresholds use (rounded at stage CRITERION)
    points: Decimal
    points_exact: Decimal
    entering: Decimal  # into the total: the rounded points, or the exact ones at stage TOTAL
    passed: bool | None
    steps: Sequence[Step]  # points formula and threshold (written when first read)


class _MemberSums:
    """Each counted member's own weighted total over the scored criteria, as it accumulates.

    Held by position in the committee order.  When every scored criterion's factor (weight /
    top) is exact, every product and sum is exact (the engine's precision holds them), so the
    order of the additions cannot change a total: a criterion that every counted member scored
    (nearly all of them) is then only noted (``rows``), and ``finish`` adds the noted ones per
    member in C.  Otherwise each criterion is added as it comes, in the criteria's order.
    """

    __slots__ = ("factors", "incomplete", "rows", "totals")

    def __init__(self, count: int) -> None:
        self.totals = [ZERO] * count
        self.incomplete: set[int] = set()
        self.rows: list[tuple[Decimal, ...]] = []  # the noted criteria's scores, by member
        self.factors: list[Decimal] = []  # and their factors

    def finish(self) -> list[Decimal]:
        """The totals, the noted criteria added."""
        if self.rows:
            factors = self.factors
            self.totals = [
                sum(map(mul, by_member, factors), total)
                for total, by_member in zip(self.totals, zip(*self.rows, strict=True), strict=True)
            ]
            self.rows, self.factors = [], []
        return self.totals

    def add_all(self, plan: _CriterionPlan, values: Sequence[Decimal]) -> None:
        factor = plan.factor
        if factor is not None:
            self.totals = [t + v * factor for t, v in zip(self.totals, values, strict=True)]
        else:
            weight, top = plan.criterion.weight, plan.top
            self.totals = [t + v * weight / top for t, v in zip(self.totals, values, strict=True)]

    def add_some(self, plan: _CriterionPlan, found: list[Decimal | None]) -> None:
        weight, top = plan.criterion.weight, plan.top
        totals = self.totals
        for position, value in enumerate(found):
            if value is None:
                self.incomplete.add(position)
            else:
                totals[position] += value * weight / top


def plan_criteria(prep: Prepared) -> list[_CriterionPlan]:
    """Per-criterion constants, including the formula reference values over admitted offers."""
    plans: list[_CriterionPlan] = []
    for criterion in prep.inp.criteria:
        member_scored = criterion.id in prep.member_scored
        top = prep.scales[criterion.id].max_score if member_scored else ONE
        weight = criterion.weight
        factor: Decimal | None = weight / top
        if factor is not None and factor * top != weight:
            factor = None
        plans.append(
            _CriterionPlan(
                criterion=criterion,
                member_scored=member_scored,
                top=top,
                weight_text=plain(weight),
                max_text=plain(top),
                factor=factor,
                best=_best_value(criterion, prep.admitted),
                bands=tuple(
                    sorted(((b.from_value, b.points) for b in criterion.bands), reverse=True)
                ),
            )
        )
    return plans


def _best_value(criterion: Criterion, admitted: tuple[Offer, ...]) -> Decimal | None:
    kind = criterion.kind
    if kind is CriterionKind.LOWER_BETTER:
        lowest: Decimal | None = None
        for offer in admitted:
            value = formula_value(offer, criterion)
            if value <= ZERO:
                raise ScoringInputError(
                    "nonpositive_value",
                    {
                        "offer": offer.id,
                        "field": str(criterion.field),
                        "criterion": criterion.id,
                        "value": plain(value),
                    },
                )
            if lowest is None or value < lowest:
                lowest = value
        return lowest
    if kind is CriterionKind.HIGHER_BETTER:
        highest: Decimal | None = None
        for offer in admitted:
            value = formula_value(offer, criterion)
            if value < ZERO:
                raise ScoringInputError(
                    "negative_value",
                    {
                        "offer": offer.id,
                        "field": str(criterion.field),
                        "criterion": criterion.id,
                        "value": plain(value),
                    },
                )
            if criterion.cap is not None and value > criterion.cap:
                value = criterion.cap
            if highest is None or value > highest:
                highest = value
        if highest is not None and highest == ZERO:
            raise ScoringInputError(
                "zero_best_value", {"criterion": criterion.id, "field": str(criterion.field)}
            )
        return highest
    return None


class OfferEvaluator:
    """Computes ``OfferWork`` for admitted offers under one competition's policy."""

    def __init__(self, prep: Prepared) -> None:
        self._prep = prep
        self._plans = plan_criteria(prep)
        policy = prep.inp.policy
        self._places = policy.rounding_places
        self._stage_total = policy.rounding_stage is RoundingStage.TOTAL
        self._median = policy.aggregation is Aggregation.MEDIAN
        self._limit = policy.discrepancy_points
        self._min_total = policy.min_total
        self._unscaled_basis = policy.min_total_basis is ThresholdBasis.UNSCALED
        self._any_scored = any(p.criterion.kind is CriterionKind.SCORED for p in self._plans)
        # every member-scored SCORED criterion's factor exact: members' totals are exact sums
        self._exact_factors = all(
            p.factor is not None
            for p in self._plans
            if p.member_scored and p.criterion.kind is CriterionKind.SCORED
        )
        self._means: dict[tuple[Decimal, int], Decimal] = {}
        self._scored_points: dict[tuple[str, Decimal | None], _ScoredPoints] = {}
        self._not_counted_steps: dict[tuple[str, str], Step] = {}
        self._grouped = prep.grouped
        # The common case (``_evaluate_dense``): its criteria, or none when it cannot arise;
        # per number of counted members, per criterion, sum of scores -> _Dense.
        member_scored = [p for p in self._plans if p.member_scored]
        common = not self._median and all(
            p.criterion.kind is CriterionKind.YES_NO
            or (p.criterion.kind is CriterionKind.SCORED and p.factor is not None)
            for p in member_scored
        )
        self._dense_plans = member_scored if common else []
        self._dense_ids = tuple(p.criterion.id for p in self._dense_plans)
        # Each criterion's scores in integer units (see _Units): for a SCORED criterion with a
        # weight, score × factor, which make up the members' own totals (and whose sum stands
        # for the sum of the scores, a fixed multiple of it); for the others, the scores.
        units = _Units(UNIT_PLACES)
        scored = [
            index
            for index, plan in enumerate(self._dense_plans)
            if plan.criterion.kind is CriterionKind.SCORED
        ]
        adding = [index for index in scored if self._dense_plans[index].factor]
        self._dense_tables: list[Callable[[Decimal], int]] = [
            _Units(PRODUCT_PLACES, plan.factor).__getitem__
            if index in adding and plan.factor is not None
            else units.__getitem__
            for index, plan in enumerate(self._dense_plans)
        ]
        self._dense_adding = _taking(adding)
        self._dense_scored = _taking(scored)
        self._dense_any_scored = bool(scored)
        self._member_total = _MemberTotal()
        self._formula_plans = [p for p in self._plans if not p.member_scored]
        self._criterion_ids = tuple(p.criterion.id for p in self._plans)
        self._dense_by_count: dict[int, list[dict[int, _Dense]]] = {}
        recused: dict[str, set[str]] = {}
        for mid, oid in prep.conflicts:
            recused.setdefault(oid, set()).add(mid)
        self._recused = {oid: frozenset(mids) for oid, mids in recused.items()}
        self._member_scored_ids = tuple(
            p.criterion.id for p in self._plans if p.member_scored
        )  # in the criteria's order
        self._who_by_recused: dict[
            frozenset[str], tuple[_Counted, frozenset[str], dict[str, str]]
        ] = {}
        self._counted_cache: dict[tuple[str, ...], _Counted] = {}

    def evaluate(self, offer: Offer, position: int) -> OfferWork:
        """Everything about one admitted offer that does not depend on the other offers.

        The offer's own explanation is written when first read: by evaluating the offer again,
        this time writing the steps (the evaluation is deterministic and cheap for one offer).
        """
        work = self._evaluate_dense(offer, position)
        if work is None:
            work = self._evaluate(offer, position, None)
        work.steps = LazySteps(self._explain, offer, position)
        return work

    def _evaluate_dense(self, offer: Offer, position: int) -> OfferWork | None:
        """``_evaluate`` for the common case, a criterion at a time in C; None if not that case.

        The case: the mean of the members' scores; every member-scored criterion is SCORED
        with an exact factor (see ``_MemberSums``) or YES_NO; every counted member scored
        every one of them for this offer, and no score was agreed instead.  Then each
        criterion's numbers follow from the sum of its scores alone (``_Dense``, computed once
        per sum), and the offer's scores are picked, added up and looked up criterion by
        criterion with ``map``, in integers (``_Units``).  The explanation is written by
        ``_evaluate`` (the same numbers, by the general path; the tests hold the two equal).
        """
        prep = self._prep
        oid = offer.id
        plans = self._dense_plans
        if not plans or oid in prep.resolutions:
            return None
        counted, excluded = self._who_counts(oid)
        ids = counted.ids
        if not ids:
            return None
        groups = list(map(self._grouped.get, zip(repeat(oid), self._dense_ids), repeat(_NO_SCORES)))
        try:
            rows = list(map(counted.pick, groups))  # KeyError: a counted member did not score
            in_units = list(map(tuple, map(map, self._dense_tables, rows)))
        except (KeyError, _NotInUnitsError):
            return None
        sums = list(map(sum, in_units))
        caches = self._dense_vectors(len(ids))
        knowns = list(map(_cached, caches, sums))
        if any(map(is_, knowns, repeat(None))):
            for index, known in enumerate(knowns):
                if known is None:
                    knowns[index] = caches[index][sums[index]] = self._dense(
                        plans[index], rows[index]
                    )
        dense = cast("list[_Dense]", knowns)
        flags: set[Flag] = set()
        if REASON_RECUSED in excluded.values():
            flags.add(Flag.RECUSALS)
        if oid in prep.overrides:
            flags.add(Flag.FORMAL_OVERRIDE)
        failed = False
        if any(map(_FAILED, dense)):
            if any(map(_THRESHOLD_FAILED, dense)):
                flags.add(Flag.CRITERION_THRESHOLD_FAILED)
            if any(map(_FORMAL_FAILED, dense)):
                flags.add(Flag.FORMAL_CRITERION_FAILED)
            failed = True
        unscaled = list(map(_USED, self._dense_scored(dense)))
        entering = list(map(_ENTERING, dense))
        points = dict(zip(self._dense_ids, map(_POINTS, dense), strict=True))
        formula: dict[str, CriterionResult] = {}
        if self._formula_plans:
            by_id_entering = dict(zip(self._dense_ids, entering, strict=True))
            for plan in self._formula_plans:
                result, enters = self._formula(plan, offer)
                if plan.criterion.kind is CriterionKind.YES_NO and not result.threshold_passed:
                    flags.add(Flag.FORMAL_CRITERION_FAILED)
                    failed = True
                formula[plan.criterion.id] = result
                by_id_entering[plan.criterion.id] = enters
                points[plan.criterion.id] = result.points
            order = self._criterion_ids
            entering = list(map(by_id_entering.__getitem__, order))
            points = dict(zip(order, map(points.__getitem__, order), strict=True))
        # the criterion results themselves are made when first read (see _dense_criteria)
        criteria = Lazy(self._dense_criteria, dense, counted, excluded, groups, rows, formula)
        places = self._places
        if self._stage_total:
            total = settled_half_up(sum(entering, ZERO), places)
            unscaled_total = settled_half_up(sum(unscaled, ZERO), places)
        else:
            total = half_up(sum(entering, ZERO), places)
            unscaled_total = half_up(sum(unscaled, ZERO), places)
        member_totals: dict[str, Decimal] = {}
        if self._dense_any_scored:
            # each member's own total: their (score × factor)s in integer units, already at
            # hand, added up per member in C and turned back into a value once per sum
            adding = self._dense_adding(in_units)
            own = list(map(sum, zip(*adding, strict=True))) if adding else [0] * len(ids)
            member_totals = dict(zip(ids, map(self._member_total.__getitem__, own), strict=True))
        spread = self._spread(member_totals, None, flags, None)
        eligible = self._thresholds(total, unscaled_total, unscaled, flags, None) and not failed
        return OfferWork(
            offer=offer,
            position=position,
            criteria=criteria,
            points=points,
            total=total,
            unscaled_total=unscaled_total,
            eligible=eligible,
            flags=flags,
            steps=(),
            counted=ids,
            excluded=excluded,
            member_totals=member_totals,
            spread=spread,
        )

    def _explain(self, offer: Offer, position: int) -> tuple[Step, ...]:
        steps: list[Step] = []
        self._evaluate(offer, position, steps)
        return tuple(steps)

    def _evaluate(self, offer: Offer, position: int, steps: list[Step] | None) -> OfferWork:
        """``evaluate``, writing the offer's steps into ``steps`` unless it is None."""
        prep = self._prep
        oid = offer.id
        explain = steps is not None
        flags: set[Flag] = set()
        counted, excluded = self._who_counts(oid)
        counted_ids = counted.ids
        if steps is not None:
            steps.append(
                make_step(
                    "members_counted", {"members": counted.text, "count": str(len(counted_ids))}
                )
            )
            for mid, reason in excluded.items():
                steps.append(make_step("member_excluded_" + reason, {"member": mid}))
        if REASON_RECUSED in excluded.values():
            flags.add(Flag.RECUSALS)
        override = prep.overrides.get(oid)
        if override is not None:
            flags.add(Flag.FORMAL_OVERRIDE)
            if steps is not None:
                steps.append(make_step("formal_override", {"reason": override.reason}))

        resolution = prep.resolutions.get(oid)
        consensus = resolution.consensus_scores if resolution is not None else _NO_SCORES
        results: list[CriterionResult] = []
        points: dict[str, Decimal] = {}
        entering: list[Decimal] = []
        unscaled: list[Decimal] = []
        sums = _MemberSums(len(counted_ids))
        incomplete_criteria: list[str] = []
        ineligible_reasons: list[Step] = []
        failed = False
        for plan in self._plans:
            criterion = plan.criterion
            if plan.member_scored:
                result, enters, used = self._member_scored(
                    plan, oid, counted, excluded, consensus, sums
                )
                if len(result.counted_members) < len(counted_ids):
                    incomplete_criteria.append(criterion.id)
                if criterion.kind is CriterionKind.SCORED:
                    if used is not None:
                        unscaled.append(used)
                    if result.threshold_passed is False:
                        flags.add(Flag.CRITERION_THRESHOLD_FAILED)
                        failed = True
                        if explain:
                            ineligible_reasons.append(self._threshold_failed(criterion, used))
            else:
                result, enters = self._formula(plan, offer)
            if criterion.kind is CriterionKind.YES_NO and not result.threshold_passed:
                flags.add(Flag.FORMAL_CRITERION_FAILED)
                failed = True
                if explain:
                    ineligible_reasons.append(
                        make_step("formal_criterion_failed", {"criterion": criterion.id})
                    )
            results.append(result)
            points[criterion.id] = result.points
            entering.append(enters)

        if incomplete_criteria:
            flags.add(Flag.INCOMPLETE_SCORES)
            if steps is not None:
                steps.append(
                    make_step("incomplete_scores", {"criteria": ", ".join(incomplete_criteria)})
                )

        places = self._places
        if self._stage_total:
            exact = sum(entering, ZERO)
            total = settled_half_up(exact, places)
            if steps is not None:
                steps.append(
                    make_step(
                        "total_total_stage",
                        {
                            "terms": " + ".join(plain(r.points_exact) for r in results),
                            "exact": exact_text(exact),
                            "total": plain(total),
                        },
                    )
                )
            unscaled_total = settled_half_up(sum(unscaled, ZERO), places)
        else:
            total = half_up(sum(entering, ZERO), places)
            if steps is not None:
                steps.append(
                    make_step(
                        "total_criterion_stage",
                        {
                            "terms": " + ".join(plain(r.points) for r in results),
                            "total": plain(total),
                        },
                    )
                )
            unscaled_total = half_up(sum(unscaled, ZERO), places)

        member_totals, spread = self._discrepancy(counted_ids, sums, resolution, flags, steps)
        eligible = self._thresholds(total, unscaled_total, unscaled, flags, steps)
        if failed:
            eligible = False
        if steps is not None:
            steps.extend(ineligible_reasons)
            steps.append(make_step("eligible" if eligible else "not_eligible", {}))
        return OfferWork(
            offer=offer,
            position=position,
            criteria=results,
            points=points,
            total=total,
            unscaled_total=unscaled_total,
            eligible=eligible,
            flags=flags,
            steps=(),
            counted=counted_ids,
            excluded=excluded,
            member_totals=member_totals,
            spread=spread,
        )

    def _dense_criteria(
        self,
        dense: list[_Dense],
        counted: _Counted,
        excluded: dict[str, str],
        groups: list[Mapping[str, Decimal]],
        rows: list[tuple[Decimal, ...]],
        formula: dict[str, CriterionResult],
    ) -> tuple[CriterionResult, ...]:
        """The criterion results of an offer ``_evaluate_dense`` computed, in the criteria's
        order (``formula``: the results of the criteria computed from the offer's figures).

        Thirty thousand of them in a large competition, each with its explanation to come:
        making them took a quarter of the engine's time, and most readers (the ranking,
        the results list) need only the points, which the offer's work holds.
        """
        ids = counted.ids
        offer = (counted, excluded, dense, groups, rows)  # what each explanation is written from
        explain = self._dense_steps
        results: list[CriterionResult] = []
        append = results.append
        for index, known in enumerate(dense):
            result = _new(CriterionResult)
            fields = result.__dict__
            fields.update(known.fields)
            fields["counted_members"] = ids
            fields["steps"] = LazySteps(explain, offer, index)
            append(result)
        if not formula:
            return tuple(results)
        by_id = dict(zip(self._dense_ids, results, strict=True))
        by_id.update(formula)
        return tuple(map(by_id.__getitem__, self._criterion_ids))

    def _dense_steps(
        self,
        offer: tuple[
            _Counted,
            dict[str, str],
            list[_Dense],
            list[Mapping[str, Decimal]],
            list[tuple[Decimal, ...]],
        ],
        index: int,
    ) -> tuple[Step, ...]:
        """The explanation of the offer's ``index``-th criterion of ``_evaluate_dense``."""
        counted, excluded, dense, groups, rows = offer
        known = dense[index]
        return self._member_steps(
            self._dense_plans[index],
            counted,
            excluded,
            groups[index],
            counted.ids,
            rows[index],
            known.computed,
            None,
            known.part,
            known.yes_no,
        )

    def _dense_vectors(self, count: int) -> list[dict[int, _Dense]]:
        """Per criterion of ``_evaluate_dense``, the ``_Dense`` results by sum of ``count``
        members' scores."""
        caches = self._dense_by_count.get(count)
        if caches is None:
            caches = self._dense_by_count[count] = [{} for _ in self._dense_plans]
        return caches

    def _dense(self, plan: _CriterionPlan, values: Sequence[Decimal]) -> _Dense:
        """The ``_Dense`` of these scores."""
        computed = self._mean_of(values)
        if plan.criterion.kind is CriterionKind.SCORED:
            part = self._points_of(plan, computed)
            known = _Dense(
                fields={
                    "criterion_id": plan.criterion.id,
                    "score": part.score,
                    "points": part.points,
                    "points_exact": part.points_exact,
                    "threshold_passed": part.passed,
                },
                computed=computed,
                part=part,
                yes_no=None,
                threshold_failed=part.passed is False,
                formal_failed=False,
                failed=part.passed is False,
                points=part.points,
                used=part.used,
                entering=part.entering,
            )
        else:  # YES_NO, as in _member_scored
            passed = computed > HALF
            score = half_up(computed, self._places)
            points = self._yes_no_points(plan, passed)
            known = _Dense(
                fields={
                    "criterion_id": plan.criterion.id,
                    "score": score,
                    "points": points,
                    "points_exact": points,
                    "threshold_passed": passed,
                },
                computed=computed,
                part=None,
                yes_no=(score, passed, points),
                threshold_failed=False,
                formal_failed=not passed,
                failed=not passed,
                points=points,
                used=None,
                entering=points,
            )
        return known

    def _threshold_failed(self, criterion: Criterion, used: Decimal | None) -> Step:
        return make_step(
            "criterion_threshold_failed",
            {
                "criterion": criterion.id,
                "score": _DASH if used is None else exact_text(used),
                "threshold": plain(criterion.min_score or ZERO),
            },
        )

    def _who_counts(self, oid: str) -> tuple[_Counted, dict[str, str]]:
        """The members counted for the offer (in committee order) and why the others are not.

        Most offers share their outcome: the same members are experts, few offers have a
        recusal, and nearly always every other member scored the offer.  So the outcome is
        built once per set of recused members and reused when one of the offer's criteria was
        scored by all the candidates; only otherwise is every member looked at again.
        """
        recused = self._recused.get(oid, _NOBODY)
        template = self._who_by_recused.get(recused)
        if template is None:
            template = self._who_by_recused[recused] = self._who_template(recused)
        candidates, candidate_set, excluded = template
        grouped = self._grouped
        scored_by_all = not self._prep.member_scored or any(
            grouped.get((oid, cid), _NO_SCORES).keys() >= candidate_set
            for cid in self._member_scored_ids
        )
        if scored_by_all:
            return candidates, dict(excluded)
        scored_here: set[str] = set()
        for cid in self._member_scored_ids:
            scored_here.update(grouped.get((oid, cid), _NO_SCORES))
        counted: list[str] = []
        everyone: dict[str, str] = {}
        for member in self._prep.inp.members:
            mid = member.id
            reason = excluded.get(mid)
            if reason is not None:
                everyone[mid] = reason
            elif mid not in scored_here:
                # Absent from this offer altogether (a third evaluator who scored only the
                # disputed offer, a member who did not take part): averages are taken over the
                # members who actually scored, as the procedure requires.
                everyone[mid] = REASON_NO_SCORES
            else:
                counted.append(mid)
        return self._counted_of(tuple(counted)), everyone

    def _who_template(
        self, recused: frozenset[str]
    ) -> tuple[_Counted, frozenset[str], dict[str, str]]:
        """The candidates (neither experts nor recused) and the reasons of the others."""
        candidates: list[str] = []
        excluded: dict[str, str] = {}
        for member in self._prep.inp.members:
            mid = member.id
            if member.role is MemberRole.EXPERT:
                excluded[mid] = REASON_EXPERT
            elif mid in recused:
                excluded[mid] = REASON_RECUSED
            else:
                candidates.append(mid)
        return self._counted_of(tuple(candidates)), frozenset(candidates), excluded

    def _counted_of(self, ids: tuple[str, ...]) -> _Counted:
        counted = self._counted_cache.get(ids)
        if counted is None:
            counted = self._counted_cache[ids] = _counted(ids)
        return counted

    # -- criteria that members score ------------------------------------------------------

    def _member_scored(
        self,
        plan: _CriterionPlan,
        oid: str,
        counted: _Counted,
        excluded: Mapping[str, str],
        consensus: Mapping[str, Decimal],
        sums: _MemberSums,
    ) -> tuple[CriterionResult, Decimal, Decimal | None]:
        """The result, the value entering the total, and the score used (SCORED only).

        Only the numbers are computed here; the explanation is written when it is first read
        (``_member_steps``, from the same values).
        """
        criterion = plan.criterion
        cid = criterion.id
        by_member = self._grouped.get((oid, cid), _NO_SCORES)
        is_scored = criterion.kind is CriterionKind.SCORED
        values: tuple[Decimal, ...]
        if by_member.keys() >= counted.members:
            ids = counted.ids
            values = counted.pick(by_member)
            if is_scored:
                factor = plan.factor
                if self._exact_factors and factor is not None:  # noted, added per offer in C
                    sums.rows.append(values)
                    sums.factors.append(factor)
                else:
                    sums.add_all(plan, values)
        else:
            ids = tuple(mid for mid in counted.ids if mid in by_member)
            values = tuple(by_member[mid] for mid in ids)
            if is_scored:
                sums.add_some(plan, [by_member.get(mid) for mid in counted.ids])

        computed: Decimal | None = None
        if values:
            computed = self._median_raw(values) if self._median else self._mean_of(values)
        agreed = consensus.get(cid)
        raw = computed if agreed is None else agreed

        part: _ScoredPoints | None = None
        yes_no: tuple[Decimal | None, bool, Decimal] | None = None
        if is_scored:
            part = self._points_of(plan, raw)
            score, points, exact, passed = (
                part.score if raw is not None else None,
                part.points,
                part.points_exact,
                part.passed,
            )
        else:
            passed = raw is not None and raw > HALF
            score = None if raw is None else half_up(raw, self._places)
            points = exact = self._yes_no_points(plan, passed)
            yes_no = (score, passed, points)
        result = make_criterion_result(
            criterion_id=cid,
            score=score,
            points=points,
            points_exact=exact,
            threshold_passed=passed,
            counted_members=ids,
            steps=LazySteps(
                self._member_steps,
                plan,
                counted,
                excluded,
                by_member,
                ids,
                values,
                computed,
                agreed,
                part,
                yes_no,
            ),
        )
        if part is None:
            return result, points, None
        return result, part.entering, part.used if raw is not None else None

    def _member_steps(
        self,
        plan: _CriterionPlan,
        counted: _Counted,
        excluded: Mapping[str, str],
        by_member: Mapping[str, Decimal],
        ids: tuple[str, ...],
        values: Sequence[Decimal],
        computed: Decimal | None,
        agreed: Decimal | None,
        part: _ScoredPoints | None,
        yes_no: tuple[Decimal | None, bool, Decimal] | None,
    ) -> tuple[Step, ...]:
        """The explanation of one member-scored criterion of one offer (see ``LazySteps``)."""
        steps: list[Step] = []
        # The values' texts never contain "; ", so the mean's terms are the same text with
        # another separator.
        scores_text = "; ".join(map(plain, values))
        if values:
            ids_text = counted.text if ids is counted.ids else ", ".join(ids)
            steps.append(make_step("member_scores", {"members": ids_text, "scores": scores_text}))
        if len(by_member) > len(values):
            self._not_counted(by_member, excluded, steps)
        if len(values) < len(counted.ids):
            steps.append(
                make_step(
                    "score_missing",
                    {"members": ", ".join(mid for mid in counted.ids if mid not in by_member)},
                )
            )
        if values:
            if self._median:
                steps.append(make_step("median", self._median_params(values)))
            else:
                params = self._mean_params(values)
                params["terms"] = scores_text.replace("; ", " + ")
                steps.append(make_step("mean", params))
        else:
            steps.append(make_step("no_scores_counted", {}))
        if agreed is not None:
            steps.append(
                make_step(
                    "consensus_score",
                    {
                        "computed": _DASH
                        if computed is None
                        else plain(half_up(computed, self._places)),
                        "consensus": plain(agreed),
                    },
                )
            )
        if yes_no is not None:
            score, passed, points = yes_no
            self._yes_no_steps(plan, score, passed, points, steps)
        else:
            assert part is not None
            steps.extend(part.steps)
        return tuple(steps)

    def _mean_of(self, values: Sequence[Decimal]) -> Decimal:
        """The mean, computed once per distinct (sum, count) and shared."""
        total = sum(values, ZERO)
        count = len(values)
        key = (total, count)
        mean = self._means.get(key)
        if mean is None:
            mean = self._means[key] = total / count
        return mean

    def _mean_params(self, values: Sequence[Decimal]) -> dict[str, str]:
        """The explanation of a mean: the sum of these very scores, the count, the result."""
        mean = self._mean_of(values)
        return {
            "sum": plain(sum(values, ZERO)),
            "count": str(len(values)),
            "exact": exact_text(mean),
            "rounded": plain(half_up(mean, self._places)),
        }

    def _median_raw(self, values: Sequence[Decimal]) -> Decimal:
        ordered = sorted(values)
        count = len(ordered)
        middle = count // 2
        return ordered[middle] if count % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    def _median_params(self, values: Sequence[Decimal]) -> dict[str, str]:
        ordered = sorted(values)
        raw = self._median_raw(values)
        return {
            "values": ", ".join(plain(v) for v in ordered),
            "count": str(len(ordered)),
            "median": exact_text(raw),
            "rounded": plain(half_up(raw, self._places)),
        }

    def _points_of(self, plan: _CriterionPlan, raw: Decimal | None) -> _ScoredPoints:
        key = (plan.criterion.id, raw)
        part = self._scored_points.get(key)
        if part is None:
            part = self._scored_points[key] = self._compute_points(plan, raw)
        return part

    def _compute_points(self, plan: _CriterionPlan, raw: Decimal | None) -> _ScoredPoints:
        criterion = plan.criterion
        places = self._places
        score = used = points_raw = ZERO
        if raw is not None:
            score = half_up(raw, places)
            used = raw if self._stage_total else score
            points_raw = used * criterion.weight / plan.top
        points, points_exact = self._round_points(points_raw)
        passed: bool | None = None
        threshold = criterion.min_score
        if threshold is not None:
            passed = raw is not None and used >= threshold
        return _ScoredPoints(
            score=score,
            used=used,
            points=points,
            points_exact=points_exact,
            entering=points_raw if self._stage_total else points,
            passed=passed,
            steps=LazySteps(_points_steps, plan, raw is None, used, points_raw, points, passed),
        )

    def _not_counted(
        self, by_member: Mapping[str, Decimal], excluded: Mapping[str, str], steps: list[Step]
    ) -> None:
        lines: dict[str, list[str]] = {}
        for mid, reason in excluded.items():  # in committee order
            value = by_member.get(mid)
            if value is not None:
                lines.setdefault(reason, []).append(f"{mid}: {plain(value)}")
        cache = self._not_counted_steps
        for reason, entries in lines.items():
            # The same few lines recur (an advisory expert's score on each criterion), and a
            # step is immutable, so equal ones are shared.
            key = (reason, "; ".join(entries))
            step = cache.get(key)
            if step is None:
                step = cache[key] = make_step("scores_not_counted_" + reason, {"scores": key[1]})
            steps.append(step)

    def _yes_no_points(self, plan: _CriterionPlan, passed: bool) -> Decimal:
        return half_up(plan.criterion.weight if passed else ZERO, self._places)

    def _yes_no_steps(
        self,
        plan: _CriterionPlan,
        score: Decimal | None,
        passed: bool,
        points: Decimal,
        steps: list[Step],
    ) -> None:
        steps.append(
            make_step(
                "yes_no_passed" if passed else "yes_no_failed",
                {"score": _DASH if score is None else plain(score)},
            )
        )
        steps.append(
            make_step("points_yes_no", {"weight": plan.weight_text, "points": plain(points)})
        )

    def _yes_no_result(
        self,
        plan: _CriterionPlan,
        score: Decimal | None,
        passed: bool,
        ids: tuple[str, ...],
        steps: list[Step] | None,
        later: Sequence[Step],
    ) -> CriterionResult:
        """The result; its steps written into ``steps``, or ``later`` when that is None."""
        points = self._yes_no_points(plan, passed)
        if steps is not None:
            self._yes_no_steps(plan, score, passed, points, steps)
        return make_criterion_result(
            criterion_id=plan.criterion.id,
            score=score,
            points=points,
            points_exact=points,
            threshold_passed=passed,
            counted_members=ids,
            steps=later if steps is None else tuple(steps),
        )

    # -- criteria computed from the offer's own figures ------------------------------------

    def _formula(self, plan: _CriterionPlan, offer: Offer) -> tuple[CriterionResult, Decimal]:
        """The result of a criterion computed from the offer's own figure, and what enters
        the total; its explanation is written when first read (by the same arithmetic)."""
        return self._formula_work(plan, offer, None)

    def _formula_steps(self, plan: _CriterionPlan, offer: Offer) -> tuple[Step, ...]:
        steps: list[Step] = []
        self._formula_work(plan, offer, steps)
        return tuple(steps)

    def _formula_work(
        self, plan: _CriterionPlan, offer: Offer, steps: list[Step] | None
    ) -> tuple[CriterionResult, Decimal]:
        """``_formula``, writing the explanation into ``steps`` unless it is None."""
        criterion = plan.criterion
        kind = criterion.kind
        value = formula_value(offer, criterion)
        field_name = str(criterion.field)
        later: Sequence[Step] = LazySteps(self._formula_steps, plan, offer) if steps is None else ()
        if kind is CriterionKind.YES_NO:
            if value not in (ZERO, ONE):
                raise ScoringInputError(
                    "yes_no_value_invalid",
                    {
                        "offer": offer.id,
                        "field": field_name,
                        "criterion": criterion.id,
                        "value": plain(value),
                    },
                )
            if steps is not None:
                steps.append(
                    make_step("yes_no_value", {"field": field_name, "value": plain(value)})
                )
            result = self._yes_no_result(
                plan, half_up(value, self._places), value == ONE, (), steps, later
            )
            return result, result.points
        best = plan.best
        weight = criterion.weight
        if kind is CriterionKind.LOWER_BETTER:
            assert best is not None
            points_raw = best * weight / value
            points, points_exact = self._round_points(points_raw)
            if steps is not None:
                steps.append(
                    make_step(
                        "points_lower_better",
                        {
                            "field": field_name,
                            "best": plain(best),
                            "value": plain(value),
                            "weight": plan.weight_text,
                            "exact": exact_text(points_raw),
                            "points": plain(points),
                        },
                    )
                )
        elif kind is CriterionKind.HIGHER_BETTER:
            assert best is not None
            cap = criterion.cap
            if cap is not None and value > cap:
                if steps is not None:
                    steps.append(
                        make_step(
                            "value_capped",
                            {"field": field_name, "value": plain(value), "cap": plain(cap)},
                        )
                    )
                value = cap
            points_raw = value * weight / best
            points, points_exact = self._round_points(points_raw)
            if steps is not None:
                steps.append(
                    make_step(
                        "points_higher_better",
                        {
                            "field": field_name,
                            "value": plain(value),
                            "best": plain(best),
                            "weight": plan.weight_text,
                            "exact": exact_text(points_raw),
                            "points": plain(points),
                        },
                    )
                )
        else:
            points_raw = ZERO
            for start, band_points in plan.bands:
                if start <= value:
                    points_raw = band_points
                    if steps is not None:
                        steps.append(
                            make_step(
                                "points_banded",
                                {
                                    "field": field_name,
                                    "value": plain(value),
                                    "start": plain(start),
                                    "points": plain(band_points),
                                },
                            )
                        )
                    break
            else:
                if steps is not None:
                    steps.append(
                        make_step(
                            "points_banded_none",
                            {
                                "field": field_name,
                                "value": plain(value),
                                "lowest": plain(plan.bands[-1][0]),
                            },
                        )
                    )
            points, points_exact = self._round_points(points_raw)
        result = make_criterion_result(
            criterion_id=criterion.id,
            score=None,
            points=points,
            points_exact=points_exact,
            threshold_passed=None,
            counted_members=(),
            steps=later if steps is None else tuple(steps),
        )
        return result, points_raw if self._stage_total else points

    def _round_points(self, points_raw: Decimal) -> tuple[Decimal, Decimal]:
        """(display points, points entering the total) under the rounding stage."""
        if self._stage_total:
            return settled_half_up(points_raw, self._places), tidy(points_raw)
        rounded = half_up(points_raw, self._places)
        return rounded, rounded

    # -- the offer as a whole ---------------------------------------------------------------

    def _discrepancy(
        self,
        counted: tuple[str, ...],
        sums: _MemberSums,
        resolution: DiscrepancyResolution | None,
        flags: set[Flag],
        steps: list[Step] | None,
    ) -> tuple[dict[str, Decimal], Decimal | None]:
        member_totals: dict[str, Decimal] = {}
        if self._any_scored:
            totals = sums.finish()
            for position, mid in enumerate(counted):
                if position in sums.incomplete:
                    if steps is not None:
                        steps.append(make_step("member_total_incomplete", {"member": mid}))
                else:
                    member_totals[mid] = tidy(totals[position])
            if member_totals and steps is not None:
                steps.append(
                    make_step(
                        "member_totals",
                        {
                            "totals": "; ".join(
                                f"{mid}: {plain(total)}" for mid, total in member_totals.items()
                            )
                        },
                    )
                )
        return member_totals, self._spread(member_totals, resolution, flags, steps)

    def _spread(
        self,
        member_totals: dict[str, Decimal],
        resolution: DiscrepancyResolution | None,
        flags: set[Flag],
        steps: list[Step] | None,
    ) -> Decimal | None:
        """The spread of the members' own totals, and the discrepancy it shows, if any."""
        spread: Decimal | None = None
        found = False
        if len(member_totals) >= 2:
            high = max(member_totals, key=member_totals.__getitem__)
            low = min(member_totals, key=member_totals.__getitem__)
            spread = member_totals[high] - member_totals[low]
            if steps is not None:
                steps.append(
                    make_step(
                        "spread",
                        {
                            "spread": plain(spread),
                            "max_member": high,
                            "max": plain(member_totals[high]),
                            "min_member": low,
                            "min": plain(member_totals[low]),
                        },
                    )
                )
            if self._limit is not None:
                found = spread >= self._limit
                if steps is not None:
                    steps.append(
                        make_step(
                            "discrepancy_found" if found else "discrepancy_within_limit",
                            {"spread": plain(spread), "limit": plain(self._limit)},
                        )
                    )
        if resolution is not None:
            method = resolution.method.value
            if found:
                flags.add(Flag.DISCREPANCY_RESOLVED)
                if steps is not None:
                    steps.append(
                        make_step("discrepancy_resolved_" + method, {"reason": resolution.reason})
                    )
            elif steps is not None:
                steps.append(
                    make_step(
                        "resolution_without_discrepancy_" + method, {"reason": resolution.reason}
                    )
                )
        elif found:
            flags.add(Flag.DISCREPANCY)
        return spread

    def _thresholds(
        self,
        total: Decimal,
        unscaled_total: Decimal,
        unscaled: list[Decimal],
        flags: set[Flag],
        steps: list[Step] | None,
    ) -> bool:
        threshold = self._min_total
        if threshold is None:
            return True
        if self._unscaled_basis:
            if steps is not None:
                steps.append(
                    make_step(
                        "unscaled_total",
                        {
                            "terms": " + ".join(exact_text(v) for v in unscaled),
                            "total": plain(unscaled_total),
                        },
                    )
                )
            value, code = unscaled_total, "min_unscaled_total"
        else:
            value, code = total, "min_total"
        passed = value >= threshold
        if steps is not None:
            steps.append(
                make_step(
                    code + ("_passed" if passed else "_failed"),
                    {"total": plain(value), "threshold": plain(threshold)},
                )
            )
        if not passed:
            flags.add(Flag.BELOW_THRESHOLD)
        return passed
