"""One offer's numbers: who counts, each criterion's aggregate and points, the total, the members'
own totals and their spread, and the thresholds.

``evaluate_offer`` is the one place where this arithmetic is done.  It takes an optional
``Recorder``: the results are computed without one, and an offer's explanation is written by
evaluating that offer again with one (``app.scoring.engine.explain``), so the words can never
describe other numbers than the results show.  Ranking and money come later, when the offers
are compared with each other (``ranking``, ``allocation``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from operator import add, mul, truediv

from app.scoring.errors import ScoringInputError
from app.scoring.rounding import HALF, ONE, ZERO, exact_text, half_up, plain, settled_half_up, tidy
from app.scoring.types import (
    Aggregation,
    CompetitionInput,
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
from app.scoring.validation import formula_value

_DASH = "—"
_NONE: Mapping[str, Decimal] = {}
# Reasons a member's scores do not count for an offer (OfferResult.excluded_members).
REASON_EXPERT = "expert"
REASON_RECUSED = "recused"
REASON_NO_SCORES = "no_scores"

Grouped = Mapping[tuple[str, str], Mapping[str, Decimal]]
# score shown, score used, exact points, rounded points, points_exact (see CriterionResult),
# threshold passed
_Points = tuple[Decimal, Decimal, Decimal, Decimal, Decimal, bool | None]


class Recorder:
    """Collects the explanation of one offer while it is evaluated."""

    def __init__(self) -> None:
        self.steps: list[Step] = []  # the offer as a whole
        self.criteria: dict[str, list[Step]] = {}  # per criterion, in the criteria's order
        self._current: list[Step] = self.steps

    def criterion(self, criterion_id: str) -> None:
        """The steps that follow belong to this criterion (until ``offer``)."""
        self._current = self.criteria.setdefault(criterion_id, [])

    def offer(self) -> None:
        """The steps that follow belong to the offer as a whole."""
        self._current = self.steps

    def add(self, code: str, **params: str) -> None:
        self._current.append(Step(code, params))


@dataclass(slots=True)
class OfferWork:
    """One admitted offer's numbers, then its place among the others (ranking, award)."""

    offer: Offer
    position: int  # in the input, for stable orders
    criteria: tuple[CriterionResult, ...]
    points: dict[str, Decimal]  # display points per criterion id (tie-breaks compare these)
    total: Decimal
    unscaled_total: Decimal
    eligible: bool
    flags: set[Flag]
    counted: tuple[str, ...]
    excluded: dict[str, str]
    member_totals: dict[str, Decimal]
    spread: Decimal | None
    rank: int | None = None
    award: Decimal | None = None
    late_steps: list[Step] = field(default_factory=list)  # ranking, selection, award


class Rules:
    """What one competition's offers are evaluated against: the policy, the criteria and the
    best figures among the admitted offers (for the price-style formulas)."""

    def __init__(self, inp: CompetitionInput) -> None:
        policy = inp.policy
        self.inp = inp
        self.criterion_weight = {c.id: c.weight for c in inp.criteria}
        # the criteria the members score -> the top of their scale (validated: ``prepare``)
        self.top: dict[str, Decimal] = {}
        for c in inp.criteria:
            if c.kind is CriterionKind.SCORED:
                assert c.max_score is not None
                self.top[c.id] = c.max_score
            elif c.kind is CriterionKind.YES_NO and c.field is None:
                self.top[c.id] = ONE
        self.places = policy.rounding_places
        self.stage_total = policy.rounding_stage is RoundingStage.TOTAL
        self.median = policy.aggregation is Aggregation.MEDIAN
        self.any_scored = any(c.kind is CriterionKind.SCORED for c in inp.criteria)
        admitted = tuple(offer for offer in inp.offers if offer.admitted)
        self.best = {c.id: _best_value(c, admitted) for c in inp.criteria}
        self.bands = {
            c.id: sorted(((b.from_value, b.points) for b in c.bands), reverse=True)
            for c in inp.criteria
        }
        # weight / top when that is exact: a member's share is then one exact multiplication,
        # equal to value × weight / top (None: divide, so it is correctly rounded)
        self.factor: dict[str, Decimal | None] = {}
        for cid, top in self.top.items():
            weight = self.criterion_weight[cid]
            factor = weight / top
            self.factor[cid] = factor if factor * top == weight else None
        recused: dict[str, set[str]] = {}
        for conflict in inp.conflicts:
            recused.setdefault(conflict.offer_id, set()).add(conflict.member_id)
        self.recused = recused
        self.resolutions = {r.offer_id: r for r in inp.decisions.discrepancy_resolutions}
        self.overrides = {o.offer_id: o for o in inp.decisions.formal_overrides}
        self._scored: dict[tuple[str, Decimal | None], _Points] = {}
        self._means: dict[tuple[Decimal, int], Decimal] = {}
        self._shown: dict[Decimal, Decimal] = {}
        self.results: dict[tuple[str, Decimal | None, tuple[str, ...], bool], CriterionResult] = {}

    def scored_points(self, criterion: Criterion, raw: Decimal | None) -> _Points:
        """What one aggregated score (None: nobody's counted) gives a SCORED criterion: the
        score shown, the score used, the exact and rounded points, ``points_exact``, and
        whether the criterion's threshold is reached (None when it has none).

        A function of the criterion and the score alone, and a criterion sees a few hundred
        distinct aggregates among thousands of offers, so each is worked out once.
        """
        key = (criterion.id, raw)
        known = self._scored.get(key)
        if known is None:
            score = used = exact = ZERO
            if raw is not None:
                score = half_up(raw, self.places)
                used = raw if self.stage_total else score
                exact = used * criterion.weight / self.top[criterion.id]
            points, points_exact = self.round_points(exact)
            passed: bool | None = None
            if criterion.min_score is not None:
                passed = raw is not None and used >= criterion.min_score
            known = self._scored[key] = (score, used, exact, points, points_exact, passed)
        return known

    def mean(self, total: Decimal, count: int) -> Decimal:
        """``total / count``; a competition has few distinct sums of scores, so each mean is
        divided out once."""
        key = (total, count)
        mean = self._means.get(key)
        if mean is None:
            mean = self._means[key] = total / count
        return mean

    def shown_total(self, exact: Decimal) -> Decimal:
        """A member's own total as results show it (``tidy``), worked out once per value."""
        shown = self._shown.get(exact)
        if shown is None:
            shown = self._shown[exact] = tidy(exact)
        return shown

    def round_points(self, exact: Decimal) -> tuple[Decimal, Decimal]:
        """(display points, points entering the total) under the rounding stage."""
        if self.stage_total:
            return settled_half_up(exact, self.places), tidy(exact)
        rounded = half_up(exact, self.places)
        return rounded, rounded


def evaluate_offer(
    rules: Rules, scores: Grouped, offer: Offer, position: int, rec: Recorder | None = None
) -> OfferWork:
    """Everything about one admitted offer that does not depend on the other offers.

    ``scores``: (offer id, criterion id) -> member id -> score, for this offer at least.
    """
    oid = offer.id
    flags: set[Flag] = set()
    # the offer's scores of each criterion the members score: member -> score
    groups = {cid: scores.get((oid, cid), _NONE) for cid in rules.top}
    counted, excluded = _who_counts(rules, groups, oid)
    if rec:
        rec.add("members_counted", members=", ".join(counted), count=str(len(counted)))
        for mid, reason in excluded.items():
            rec.add("member_excluded_" + reason, member=mid)
    if REASON_RECUSED in excluded.values():
        flags.add(Flag.RECUSALS)
    override = rules.overrides.get(oid)
    if override is not None:
        flags.add(Flag.FORMAL_OVERRIDE)
        if rec:
            rec.add("formal_override", reason=override.reason)
    resolution = rules.resolutions.get(oid)
    consensus = resolution.consensus_scores if resolution is not None else _NONE

    results: list[CriterionResult] = []
    entering: list[Decimal] = []  # what each criterion adds to the total
    unscaled: list[Decimal] = []  # the scores used of the SCORED criteria (EU-style threshold)
    counted_set = frozenset(counted)
    own = [ZERO] * len(counted)  # the members' own totals over the SCORED criteria
    missing: set[str] = set()  # members who did not score every SCORED criterion
    incomplete: list[str] = []
    reasons: list[tuple[str, dict[str, str]]] = []  # why not eligible, said last
    for criterion in rules.inp.criteria:
        cid = criterion.id
        if rec:
            rec.criterion(cid)
        if cid in rules.top:
            by_member = groups[cid]
            result, enters, used = _member_scored(
                rules,
                criterion,
                by_member,
                counted,
                excluded,
                consensus.get(cid),
                counted_set,
                own,
                missing,
                rec,
            )
            if len(result.counted_members) < len(counted):
                incomplete.append(cid)
            if used is not None:
                unscaled.append(used)
            if result.threshold_passed is False and criterion.kind is CriterionKind.SCORED:
                flags.add(Flag.CRITERION_THRESHOLD_FAILED)
                reasons.append(
                    (
                        "criterion_threshold_failed",
                        {
                            "criterion": cid,
                            "score": _DASH if used is None else exact_text(used),
                            "threshold": plain(criterion.min_score or ZERO),
                        },
                    )
                )
        else:
            result, enters = _formula(rules, criterion, offer, rec)
        if criterion.kind is CriterionKind.YES_NO and not result.threshold_passed:
            flags.add(Flag.FORMAL_CRITERION_FAILED)
            reasons.append(("formal_criterion_failed", {"criterion": cid}))
        results.append(result)
        entering.append(enters)
    if rec:
        rec.offer()

    if incomplete:
        flags.add(Flag.INCOMPLETE_SCORES)
        if rec:
            rec.add("incomplete_scores", criteria=", ".join(incomplete))
    places = rules.places
    exact = sum(entering, ZERO)
    if rules.stage_total:
        total = settled_half_up(exact, places)
        unscaled_total = settled_half_up(sum(unscaled, ZERO), places)
        if rec:
            terms = " + ".join(plain(r.points_exact) for r in results)
            rec.add("total_total_stage", terms=terms, exact=exact_text(exact), total=plain(total))
    else:
        total = half_up(exact, places)
        unscaled_total = half_up(sum(unscaled, ZERO), places)
        if rec:
            terms = " + ".join(plain(r.points) for r in results)
            rec.add("total_criterion_stage", terms=terms, total=plain(total))

    member_totals: dict[str, Decimal] = {}
    if rules.any_scored:
        for mid, sum_ in zip(counted, own, strict=True):
            if mid in missing:
                if rec:
                    rec.add("member_total_incomplete", member=mid)
            else:
                member_totals[mid] = rules.shown_total(sum_)
        if member_totals and rec:
            rec.add(
                "member_totals",
                totals="; ".join(f"{mid}: {plain(t)}" for mid, t in member_totals.items()),
            )
    spread = _spread(rules, member_totals, resolution, flags, rec)
    eligible = _thresholds(rules, total, unscaled_total, unscaled, flags, rec)
    eligible = eligible and Flag.CRITERION_THRESHOLD_FAILED not in flags
    eligible = eligible and Flag.FORMAL_CRITERION_FAILED not in flags
    if rec:
        for code, params in reasons:
            rec.add(code, **params)
        rec.add("eligible" if eligible else "not_eligible")
    return OfferWork(
        offer=offer,
        position=position,
        criteria=tuple(results),
        points={r.criterion_id: r.points for r in results},
        total=total,
        unscaled_total=unscaled_total,
        eligible=eligible,
        flags=flags,
        counted=counted,
        excluded=excluded,
        member_totals=member_totals,
        spread=spread,
    )


def _who_counts(
    rules: Rules, groups: Mapping[str, Mapping[str, Decimal]], oid: str
) -> tuple[tuple[str, ...], dict[str, str]]:
    """The members counted for the offer (in committee order) and why the others are not.

    Experts advise and recused members are excluded; a member who scored none of the offer's
    member-scored criteria (a third evaluator called for another offer, a member absent) is
    left out too: averages are taken over the members who actually scored.
    """
    recused = rules.recused.get(oid, ())
    scored_here: set[str] = set().union(*groups.values())
    counted: list[str] = []
    excluded: dict[str, str] = {}
    for member in rules.inp.members:
        mid = member.id
        if member.role is MemberRole.EXPERT:
            excluded[mid] = REASON_EXPERT
        elif mid in recused:
            excluded[mid] = REASON_RECUSED
        elif rules.top and mid not in scored_here:
            excluded[mid] = REASON_NO_SCORES
        else:
            counted.append(mid)
    return tuple(counted), excluded


def _member_scored(
    rules: Rules,
    criterion: Criterion,
    by_member: Mapping[str, Decimal],
    counted: tuple[str, ...],
    excluded: Mapping[str, str],
    agreed: Decimal | None,
    counted_set: frozenset[str],
    own: list[Decimal],
    incomplete: set[str],
    rec: Recorder | None,
) -> tuple[CriterionResult, Decimal, Decimal | None]:
    """A criterion the members score: the result, what enters the total, and the score used
    (SCORED only; None when nobody's score counted).

    A SCORED criterion adds each counted member's share (score / top × weight) to their own
    total (``own``, by position in ``counted``), or marks the member ``incomplete``.  Shares
    are added in the criteria's order; with an exact factor (weight / top) they are exact.
    """
    cid = criterion.id
    top = rules.top[cid]
    scored = criterion.kind is CriterionKind.SCORED
    if by_member.keys() >= counted_set:  # nearly always: every counted member scored it
        ids = counted
        values = list(map(by_member.__getitem__, ids))
        if scored:
            factor = rules.factor[cid]
            shares = (
                map(mul, values, repeat(factor))
                if factor is not None
                else map(truediv, map(mul, values, repeat(criterion.weight)), repeat(top))
            )
            own[:] = map(add, own, shares)
    else:
        ids = tuple(mid for mid in counted if mid in by_member)
        values = [by_member[mid] for mid in ids]
        if scored:
            for position, mid in enumerate(counted):
                found = by_member.get(mid)
                if found is None:
                    incomplete.add(mid)
                else:
                    own[position] += found * criterion.weight / top
    computed: Decimal | None = None
    if values:
        computed = _median(values) if rules.median else rules.mean(sum(values, ZERO), len(values))
    raw = computed if agreed is None else agreed
    if rec:
        _record_scores(rules, rec, by_member, counted, excluded, ids, values, computed, agreed)

    places = rules.places
    if not scored:  # YES_NO scored by the members: passed when the majority said yes
        said_yes = raw is not None and raw > HALF
        shown = None if raw is None else half_up(raw, places)
        points = _yes_no(rules, criterion, shown, said_yes, rec)
        result = CriterionResult(cid, shown, points, points, said_yes, ids, agreed is not None)
        return result, points, None

    score, used, exact, points, points_exact, passed = rules.scored_points(criterion, raw)
    threshold = criterion.min_score
    if rec:
        used_text = _DASH if raw is None else exact_text(used)
        rec.add(
            "points_scored",
            score=used_text,
            max=plain(top),
            weight=plain(criterion.weight),
            exact=exact_text(exact),
            points=plain(points),
        )
        if threshold is not None:
            code = "min_score_passed" if passed else "min_score_failed"
            rec.add(code, score=used_text, threshold=plain(threshold))
    # the same aggregate and members give the same (immutable) result: made once, shared
    key = (cid, raw, ids, agreed is not None)
    made = rules.results.get(key)
    if made is None:
        shown = score if raw is not None else None
        made = rules.results[key] = CriterionResult(
            cid, shown, points, points_exact, passed, ids, key[3]
        )
    return made, exact if rules.stage_total else points, used if raw is not None else None


def _record_scores(
    rules: Rules,
    rec: Recorder,
    by_member: Mapping[str, Decimal],
    counted: tuple[str, ...],
    excluded: Mapping[str, str],
    ids: tuple[str, ...],
    values: Sequence[Decimal],
    computed: Decimal | None,
    agreed: Decimal | None,
) -> None:
    """The explanation of how a member-scored criterion's score was aggregated."""
    places = rules.places
    texts = [plain(v) for v in values]
    if values:
        rec.add("member_scores", members=", ".join(ids), scores="; ".join(texts))
    not_counted: dict[str, list[str]] = {}
    for mid, reason in excluded.items():  # in committee order
        value = by_member.get(mid)
        if value is not None:
            not_counted.setdefault(reason, []).append(f"{mid}: {plain(value)}")
    for reason, entries in not_counted.items():
        rec.add("scores_not_counted_" + reason, scores="; ".join(entries))
    if len(values) < len(counted):
        rec.add("score_missing", members=", ".join(m for m in counted if m not in by_member))
    if computed is None:
        rec.add("no_scores_counted")
    elif rules.median:
        rec.add(
            "median",
            values=", ".join(plain(v) for v in sorted(values)),
            count=str(len(values)),
            median=exact_text(computed),
            rounded=plain(half_up(computed, places)),
        )
    else:
        rec.add(
            "mean",
            terms=" + ".join(texts),
            sum=plain(sum(values, ZERO)),
            count=str(len(values)),
            exact=exact_text(computed),
            rounded=plain(half_up(computed, places)),
        )
    if agreed is not None:
        rec.add(
            "consensus_score",
            computed=_DASH if computed is None else plain(half_up(computed, places)),
            consensus=plain(agreed),
        )


def _median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _yes_no(
    rules: Rules, criterion: Criterion, score: Decimal | None, passed: bool, rec: Recorder | None
) -> Decimal:
    """The points of a yes/no criterion (its weight when passed, else none)."""
    points = half_up(criterion.weight if passed else ZERO, rules.places)
    if rec:
        rec.add(
            "yes_no_passed" if passed else "yes_no_failed",
            score=_DASH if score is None else plain(score),
        )
        rec.add("points_yes_no", weight=plain(criterion.weight), points=plain(points))
    return points


def _formula(
    rules: Rules, criterion: Criterion, offer: Offer, rec: Recorder | None
) -> tuple[CriterionResult, Decimal]:
    """A criterion computed from the offer's own figure: the result and what enters the total."""
    cid = criterion.id
    kind = criterion.kind
    value = formula_value(offer, criterion)
    name = str(criterion.field)
    if kind is CriterionKind.YES_NO:
        if value not in (ZERO, ONE):
            raise ScoringInputError(
                "yes_no_value_invalid",
                {"offer": offer.id, "field": name, "criterion": cid, "value": plain(value)},
            )
        if rec:
            rec.add("yes_no_value", field=name, value=plain(value))
        score = half_up(value, rules.places)
        passed = value == ONE
        points = _yes_no(rules, criterion, score, passed, rec)
        return CriterionResult(cid, score, points, points, passed, ()), points

    best = rules.best[cid]
    weight = criterion.weight
    if kind is CriterionKind.LOWER_BETTER:
        assert best is not None
        exact = best * weight / value
        points, points_exact = rules.round_points(exact)
        if rec:
            rec.add(
                "points_lower_better",
                field=name,
                best=plain(best),
                value=plain(value),
                weight=plain(weight),
                exact=exact_text(exact),
                points=plain(points),
            )
    elif kind is CriterionKind.HIGHER_BETTER:
        assert best is not None
        cap = criterion.cap
        if cap is not None and value > cap:
            if rec:
                rec.add("value_capped", field=name, value=plain(value), cap=plain(cap))
            value = cap
        exact = value * weight / best
        points, points_exact = rules.round_points(exact)
        if rec:
            rec.add(
                "points_higher_better",
                field=name,
                value=plain(value),
                best=plain(best),
                weight=plain(weight),
                exact=exact_text(exact),
                points=plain(points),
            )
    else:  # BANDED: the highest band the value reaches
        bands = rules.bands[cid]
        exact = ZERO
        for start, band_points in bands:
            if start <= value:
                exact = band_points
                if rec:
                    rec.add(
                        "points_banded",
                        field=name,
                        value=plain(value),
                        start=plain(start),
                        points=plain(band_points),
                    )
                break
        else:
            if rec:
                rec.add(
                    "points_banded_none", field=name, value=plain(value), lowest=plain(bands[-1][0])
                )
        points, points_exact = rules.round_points(exact)
    result = CriterionResult(cid, None, points, points_exact, None, ())
    return result, exact if rules.stage_total else points


def _spread(
    rules: Rules,
    member_totals: dict[str, Decimal],
    resolution: DiscrepancyResolution | None,
    flags: set[Flag],
    rec: Recorder | None,
) -> Decimal | None:
    """The spread of the members' own totals, and the discrepancy it shows, if any."""
    limit = rules.inp.policy.discrepancy_points
    spread: Decimal | None = None
    found = False
    if len(member_totals) >= 2:
        high = max(member_totals, key=member_totals.__getitem__)
        low = min(member_totals, key=member_totals.__getitem__)
        spread = member_totals[high] - member_totals[low]
        if rec:
            rec.add(
                "spread",
                spread=plain(spread),
                max_member=high,
                max=plain(member_totals[high]),
                min_member=low,
                min=plain(member_totals[low]),
            )
        if limit is not None:
            found = spread >= limit
            if rec:
                code = "discrepancy_found" if found else "discrepancy_within_limit"
                rec.add(code, spread=plain(spread), limit=plain(limit))
    if resolution is not None:
        method = resolution.method.value
        if found:
            flags.add(Flag.DISCREPANCY_RESOLVED)
            if rec:
                rec.add("discrepancy_resolved_" + method, reason=resolution.reason)
        elif rec:
            rec.add("resolution_without_discrepancy_" + method, reason=resolution.reason)
    elif found:
        flags.add(Flag.DISCREPANCY)
    return spread


def _thresholds(
    rules: Rules,
    total: Decimal,
    unscaled_total: Decimal,
    unscaled: list[Decimal],
    flags: set[Flag],
    rec: Recorder | None,
) -> bool:
    """Whether the total (or the unscaled sum, EU-style) reaches the competition's threshold."""
    policy = rules.inp.policy
    threshold = policy.min_total
    if threshold is None:
        return True
    if policy.min_total_basis is ThresholdBasis.UNSCALED:
        if rec:
            rec.add(
                "unscaled_total",
                terms=" + ".join(exact_text(v) for v in unscaled),
                total=plain(unscaled_total),
            )
        value, code = unscaled_total, "min_unscaled_total"
    else:
        value, code = total, "min_total"
    passed = value >= threshold
    if rec:
        rec.add(
            code + ("_passed" if passed else "_failed"),
            total=plain(value),
            threshold=plain(threshold),
        )
    if not passed:
        flags.add(Flag.BELOW_THRESHOLD)
    return passed


def _best_value(criterion: Criterion, admitted: tuple[Offer, ...]) -> Decimal | None:
    """The lowest (LOWER_BETTER) or highest, capped (HIGHER_BETTER) figure of the admitted
    offers, which the price-style formulas compare each offer with."""
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
