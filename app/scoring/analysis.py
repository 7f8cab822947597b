"""How the committee scored and how firm the result is: leniency, agreement, stability.

Three questions an auditor or the chair may ask after scoring closes:

* ``member_leniency`` — does one member score systematically above or below the others?
* ``committee_agreement`` — how much do the members agree on which offers are better?
* ``result_stability`` — how large a change of one criterion's weight would change the winner
  or who is funded?

All three read the same input as ``compute_results`` and use only Decimal arithmetic.  Their
findings come with a ``Step`` (a code and parameters) that ``app.texts`` renders in Polish or
English.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

from app.scoring.engine import compute_results
from app.scoring.errors import ScoringInputError
from app.scoring.rounding import ENGINE_CONTEXT, ONE, ZERO, half_up, plain, quantum, tidy
from app.scoring.types import (
    AllocationMethod,
    CompetitionInput,
    CriterionKind,
    Flag,
    MemberRole,
    Results,
    RoundingStage,
    Step,
    ThresholdBasis,
)

# ---------------------------------------------------------------------------------------------
# Leniency


@dataclass(frozen=True)
class MemberLeniency:
    """How far one member's own totals lie from the other members' on the same offers."""

    member_id: str
    role: MemberRole
    advisory: bool  # an expert: compared with the counted members, never counted
    mean_difference: Decimal | None  # points; None when no offer could be compared
    offers_compared: int
    step: Step


def member_leniency(
    inp: CompetitionInput, results: Results | None = None
) -> tuple[MemberLeniency, ...]:
    """Each member's mean difference from the others, in points of the weighted total.

    For a counted member and an offer: their own weighted total over the scored criteria
    (score / max × weight, unrounded) minus the mean of the other counted members' totals on
    that offer; an offer counts only when the member and at least one other counted member
    scored every scored criterion of it.  For an expert (advisory) the comparison is with the
    mean of all counted members.  The result is the mean of these differences over the offers
    compared: +1.5 means the member gave on average 1.5 points more than the others.

    ``results`` are ``compute_results(inp)`` when the caller has them already (they are
    computed here otherwise).
    """
    with localcontext(ENGINE_CONTEXT):
        if results is None:
            results = compute_results(inp)
        own = _own_totals(inp)
        conflicts = {(c.member_id, c.offer_id) for c in inp.conflicts}
        findings: list[MemberLeniency] = []
        for member in inp.members:
            advisory = member.role is MemberRole.EXPERT
            differences: list[Decimal] = []
            for offer in results.offers:
                totals = offer.member_totals
                if advisory:
                    recused = (member.id, offer.offer_id) in conflicts
                    mine = None if recused else own.get((member.id, offer.offer_id))
                    others = list(totals.values())
                else:
                    mine = totals.get(member.id)
                    others = [t for m, t in totals.items() if m != member.id]
                if mine is None or not others:
                    continue
                differences.append(mine - sum(others, ZERO) / len(others))
            findings.append(_leniency(member.id, member.role, advisory, differences))
        return tuple(findings)


def _leniency(
    member_id: str, role: MemberRole, advisory: bool, differences: list[Decimal]
) -> MemberLeniency:
    if not differences:
        return MemberLeniency(
            member_id,
            role,
            advisory,
            None,
            0,
            Step("leniency_not_compared", {"member": member_id}),
        )
    mean = tidy(sum(differences, ZERO) / len(differences))
    code = "leniency_advisory" if advisory else "leniency"
    return MemberLeniency(
        member_id,
        role,
        advisory,
        mean,
        len(differences),
        Step(
            code, {"member": member_id, "difference": plain(mean), "offers": str(len(differences))}
        ),
    )


def _own_totals(inp: CompetitionInput) -> dict[tuple[str, str], Decimal]:
    """Every member's (experts' too) weighted total per admitted offer they fully scored."""
    scored = {c.id: c for c in inp.criteria if c.kind is CriterionKind.SCORED}
    admitted = {o.id for o in inp.offers if o.admitted}
    parts: dict[tuple[str, str], dict[str, Decimal]] = {}
    for member_id, offer_id, criterion_id, value in inp.scores:
        criterion = scored.get(criterion_id)
        if criterion is None or offer_id not in admitted:
            continue
        assert criterion.max_score is not None
        parts.setdefault((member_id, offer_id), {})[criterion.id] = (
            value * criterion.weight / criterion.max_score
        )
    return {key: sum(p.values(), ZERO) for key, p in parts.items() if len(p) == len(scored)}


# ---------------------------------------------------------------------------------------------
# Agreement

_HIGH = Decimal("0.75")
_MODERATE = Decimal("0.5")


@dataclass(frozen=True)
class Agreement:
    """One coefficient of agreement across the committee, with a plain-words band."""

    method: str  # "icc1"
    coefficient: Decimal | None  # rounded to 4 places; None when it cannot be computed
    band: str  # "high", "moderate", "low" or "undefined"
    offers: int  # offers with at least one rating
    ratings: int  # member totals used
    step: Step


def committee_agreement(inp: CompetitionInput, results: Results | None = None) -> Agreement:
    """ICC(1): one-way random-effects intraclass correlation of the members' own totals.

    The ratings are the counted members' own weighted totals (``OfferResult.member_totals``)
    on each admitted offer.  The one-way model treats the members who rated an offer as a
    random draw for that offer, so recusals, experts and absences (different members and
    different numbers of them per offer) need no special handling.  With g offers, N ratings,
    n_i ratings of offer i, offer means m_i and the grand mean m::

        MSB = Σ n_i (m_i − m)² / (g − 1)          between offers
        MSW = Σ_i Σ_j (y_ij − m_i)² / (N − g)     within offers
        n0  = (N − Σ n_i² / N) / (g − 1)          effective raters per offer
        ICC(1) = (MSB − MSW) / (MSB + (n0 − 1) · MSW)

    1 means the members agree perfectly on every offer; 0 means the differences between
    members are as large as those between offers; it can be negative.  Bands (after Koo & Li,
    2016): high ≥ 0.75, moderate ≥ 0.5, low below.  Undefined with fewer than two offers, no
    offer rated twice, or all totals equal.  ``results``: as for ``member_leniency``.
    """
    with localcontext(ENGINE_CONTEXT):
        if results is None:
            results = compute_results(inp)
        groups = [list(o.member_totals.values()) for o in results.offers if o.member_totals]
        g = len(groups)
        n_total = sum(len(group) for group in groups)
        counts = {"offers": str(g), "ratings": str(n_total)}
        coefficient = _icc1(groups)
        if coefficient is None:
            return Agreement(
                "icc1", None, "undefined", g, n_total, Step("agreement_undefined", counts)
            )
        rounded = half_up(coefficient, 4)
        band = "high" if rounded >= _HIGH else "moderate" if rounded >= _MODERATE else "low"
        return Agreement(
            "icc1",
            rounded,
            band,
            g,
            n_total,
            Step("agreement_" + band, {**counts, "coefficient": plain(rounded)}),
        )


def _icc1(groups: list[list[Decimal]]) -> Decimal | None:
    g = len(groups)
    n_total = sum(len(group) for group in groups)
    if g < 2 or n_total - g < 1:
        return None
    grand = sum((sum(group, ZERO) for group in groups), ZERO) / n_total
    between = ZERO
    within = ZERO
    for group in groups:
        mean = sum(group, ZERO) / len(group)
        between += len(group) * (mean - grand) ** 2
        within += sum(((y - mean) ** 2 for y in group), ZERO)
    msb = between / (g - 1)
    msw = within / (n_total - g)
    n0 = (n_total - Decimal(sum(len(group) ** 2 for group in groups)) / n_total) / (g - 1)
    denominator = msb + (n0 - 1) * msw
    if denominator == ZERO:
        return None
    return (msb - msw) / denominator


# ---------------------------------------------------------------------------------------------
# Stability

_MAX_RECOMPUTATIONS = 400  # per subject; each one is a full compute_results
_BEYOND = 3  # grid points tried past a crossing before the candidate is given up
_WALK_BACK = 50  # grid points tried back towards the current weight from a confirmed change
_RANGE = 3  # weights are searched within (0, 3 × current]


@dataclass(frozen=True)
class StabilityFinding:
    """The smallest change of one criterion's weight that changes one part of the result."""

    subject: str  # "first_place", "winners" (selected offers) or "funding_line" (funded)
    current: tuple[str, ...]  # the offers that make up the subject now
    stable: bool  # no single weight change within (0, 3 × weight] changes it
    criterion_id: str | None
    current_weight: Decimal | None
    new_weight: Decimal | None
    delta: Decimal | None  # new − current
    entering: tuple[str, ...]
    leaving: tuple[str, ...]
    exhaustive: bool  # False if the search stopped at its recomputation limit
    recomputations: int
    step: Step


@dataclass(frozen=True)
class _Subject:
    name: str
    members: Callable[[Results], frozenset[str]]


def _first_place(results: Results) -> frozenset[str]:
    return frozenset(o.offer_id for o in results.offers if o.rank == 1)


def _selected(results: Results) -> frozenset[str]:
    return frozenset(o.offer_id for o in results.offers if Flag.SELECTED in o.flags)


def _funded(results: Results) -> frozenset[str]:
    return frozenset(o.offer_id for o in results.offers if o.award is not None and o.award > 0)


def result_stability(
    inp: CompetitionInput, results: Results | None = None
) -> tuple[StabilityFinding, ...]:
    """For the first place and for the set of selected or funded offers: the smallest change
    of any one criterion's weight (others unchanged, the weight staying above zero and at most
    three times its current value) that would change them.

    Each offer's total is piecewise linear in one criterion's weight w (points = w × score /
    max, w × min / price, …), so the weights at which two offers swap places, or an offer
    crosses the total threshold or the full-funding line, are solved for exactly from the
    current results.  Those candidates are tried nearest first on the grid of the policy's
    rounding places (0.01): each is confirmed by recomputing the whole competition with
    ``compute_results``, because rounding and tie-breaks can move the real change by a few
    hundredths; from a confirmed change the search walks back towards the current weight to the
    first grid point where the change already holds.  Banded criteria are skipped (their
    points do not depend on the weight), as are formal yes/no criteria without points, and the
    funding line under manual allocation (it is the committee's decision, not arithmetic).
    """
    with localcontext(ENGINE_CONTEXT):
        base = compute_results(inp) if results is None else results
        if base.cancel:
            return ()
        subjects = [_Subject("first_place", _first_place)]
        method = inp.policy.allocation.method
        if method is AllocationMethod.NONE:
            if inp.policy.winners is not None and inp.policy.winners > 1:
                subjects.append(_Subject("winners", _selected))
        elif method is not AllocationMethod.MANUAL:
            subjects.append(_Subject("funding_line", _funded))
        return tuple(_Search(inp, base, subject).run() for subject in subjects)


class _Search:
    def __init__(self, inp: CompetitionInput, base: Results, subject: _Subject) -> None:
        self.inp = inp
        self.base = base
        self.subject = subject
        self.current = subject.members(base)
        self.grid = quantum(inp.policy.rounding_places)
        self.recomputations = 0
        self.cache: dict[tuple[int, Decimal], frozenset[str] | None] = {}

    def run(self) -> StabilityFinding:
        candidates = sorted(self._candidates(), key=lambda c: (abs(c[1]), c[0], c[1]))
        best: tuple[Decimal, int, Decimal, frozenset[str]] | None = None
        exhaustive = True
        for index, delta in candidates:
            if best is not None and abs(delta) > abs(best[0]):
                break
            if self.recomputations >= _MAX_RECOMPUTATIONS:
                exhaustive = False
                break
            confirmed = self._confirm(index, delta)
            if confirmed is not None:
                new_weight, changed = confirmed
                found = new_weight - self.inp.criteria[index].weight
                if best is None or abs(found) < abs(best[0]):
                    best = (found, index, new_weight, changed)
        return self._finding(best, exhaustive)

    # -- candidates from the piecewise-linear totals ----------------------------------------

    def _candidates(self) -> Iterable[tuple[int, Decimal]]:
        """(criterion index, exact change of its weight) where something may change."""
        base = self.base
        policy = self.inp.policy
        weighted = policy.min_total_basis is ThresholdBasis.WEIGHTED
        admitted = [o for o in base.offers if o.admitted]
        inside = [o for o in admitted if o.offer_id in self.current]
        # An offer that fails a criterion's own threshold or a formal criterion cannot become
        # eligible through a weight; one below the weighted total threshold can.
        blocked = {Flag.CRITERION_THRESHOLD_FAILED, Flag.FORMAL_CRITERION_FAILED}
        outside = [
            o
            for o in admitted
            if o.offer_id not in self.current
            and (o.eligible or (weighted and not (o.flags & blocked)))
        ]
        levels = [
            v
            for v in (
                policy.min_total if weighted else None,
                policy.allocation.full_above
                if policy.allocation.method is AllocationMethod.FULL_ABOVE_PRORATA_BELOW
                else None,
            )
            if v is not None
        ]
        for index, criterion in enumerate(self.inp.criteria):
            weight = criterion.weight
            if criterion.kind is CriterionKind.BANDED or weight <= ZERO:
                continue
            slopes = self._slopes(index)
            # total_i(w') = rest_i + slope_i × w'
            rest = {o.offer_id: (o.total or ZERO) - slopes[o.offer_id] * weight for o in admitted}
            crossings: set[Decimal] = set()
            for a in inside:
                for b in outside:
                    ia, ib = a.offer_id, b.offer_id
                    if slopes[ia] != slopes[ib]:
                        crossings.add((rest[ib] - rest[ia]) / (slopes[ia] - slopes[ib]))
            for level in levels:
                for o in admitted:
                    if slopes[o.offer_id] != ZERO:
                        crossings.add((level - rest[o.offer_id]) / slopes[o.offer_id])
            for at in crossings:
                if ZERO < at <= weight * _RANGE:
                    if at == weight:  # a tie right now: either direction may break it
                        yield index, self.grid
                        yield index, -self.grid
                    else:
                        yield index, at - weight

    def _slopes(self, index: int) -> dict[str, Decimal]:
        """Each admitted offer's points on the criterion per unit of its weight."""
        criterion = self.inp.criteria[index]
        stage_total = self.inp.policy.rounding_stage is RoundingStage.TOTAL
        offers = {o.id: o for o in self.inp.offers}
        slopes: dict[str, Decimal] = {}
        values: dict[str, Decimal] = {}
        if criterion.field is not None:
            for o in self.base.offers:
                if o.admitted:
                    value = offers[o.offer_id].values[criterion.field]
                    if criterion.cap is not None and value > criterion.cap:
                        value = criterion.cap
                    values[o.offer_id] = value
        lowest = min(values.values(), default=ONE)
        highest = max(values.values(), default=ONE)
        for o in self.base.offers:
            if not o.admitted:
                continue
            result = o.criteria[index]
            kind = criterion.kind
            if kind is CriterionKind.SCORED:
                assert criterion.max_score is not None
                if result.score is None:
                    slopes[o.offer_id] = ZERO
                elif stage_total:
                    slopes[o.offer_id] = result.points_exact / criterion.weight
                else:
                    slopes[o.offer_id] = result.score / criterion.max_score
            elif kind is CriterionKind.YES_NO:
                slopes[o.offer_id] = ONE if result.threshold_passed else ZERO
            elif kind is CriterionKind.LOWER_BETTER:
                slopes[o.offer_id] = lowest / values[o.offer_id]
            else:
                slopes[o.offer_id] = values[o.offer_id] / highest
        return slopes

    # -- confirmation by recomputation ------------------------------------------------------

    def _confirm(self, index: int, delta: Decimal) -> tuple[Decimal, frozenset[str]] | None:
        weight = self.inp.criteria[index].weight
        target = weight + delta
        rounding = ROUND_CEILING if delta > 0 else ROUND_FLOOR
        point = (target / self.grid).to_integral_value(rounding=rounding) * self.grid
        step = self.grid if delta > 0 else -self.grid
        if point == weight:
            point += step
        for _ in range(_BEYOND):
            if not ZERO < point <= weight * _RANGE:
                return None
            changed = self._subject_at(index, point)
            if changed is not None:
                return self._walk_back(index, point, step, changed)
            point += step
        return None

    def _walk_back(
        self, index: int, point: Decimal, step: Decimal, changed: frozenset[str]
    ) -> tuple[Decimal, frozenset[str]]:
        weight = self.inp.criteria[index].weight
        for _ in range(_WALK_BACK):
            earlier = point - step
            if earlier == weight or self.recomputations >= _MAX_RECOMPUTATIONS:
                break
            members = self._subject_at(index, earlier)
            if members is None:
                break
            point, changed = earlier, members
        return point, changed

    def _subject_at(self, index: int, weight: Decimal) -> frozenset[str] | None:
        """The subject's offers with the criterion at ``weight``, if they differ from now."""
        key = (index, weight)
        if key in self.cache:
            return self.cache[key]
        criteria = list(self.inp.criteria)
        criteria[index] = dataclasses.replace(criteria[index], weight=weight)
        self.recomputations += 1
        try:
            results = compute_results(dataclasses.replace(self.inp, criteria=tuple(criteria)))
        except ScoringInputError:
            members = None  # e.g. a manual award that would no longer be valid
        else:
            found = self.subject.members(results)
            members = found if found != self.current else None
        self.cache[key] = members
        return members

    # -- the finding ------------------------------------------------------------------------

    def _finding(
        self, best: tuple[Decimal, int, Decimal, frozenset[str]] | None, exhaustive: bool
    ) -> StabilityFinding:
        name = self.subject.name
        current = _in_order(self.base, self.current)
        if best is None:
            return StabilityFinding(
                subject=name,
                current=current,
                stable=True,
                criterion_id=None,
                current_weight=None,
                new_weight=None,
                delta=None,
                entering=(),
                leaving=(),
                exhaustive=exhaustive,
                recomputations=self.recomputations,
                step=Step(f"stability_{name}_stable", {}),
            )
        delta, index, new_weight, changed = best
        criterion = self.inp.criteria[index]
        entering = tuple(sorted(changed - self.current))
        leaving = _in_order(self.base, self.current - changed)
        code = f"stability_{name}_{'up' if delta > 0 else 'down'}"
        return StabilityFinding(
            subject=name,
            current=current,
            stable=False,
            criterion_id=criterion.id,
            current_weight=criterion.weight,
            new_weight=new_weight,
            delta=delta,
            entering=entering,
            leaving=leaving,
            exhaustive=exhaustive,
            recomputations=self.recomputations,
            step=Step(
                code,
                {
                    "criterion": criterion.id,
                    "old": plain(criterion.weight),
                    "new": plain(new_weight),
                    "delta": plain(abs(delta)),
                    "entering": ", ".join(entering),
                    "leaving": ", ".join(leaving),
                },
            ),
        )


def _in_order(results: Results, ids: Iterable[str]) -> tuple[str, ...]:
    wanted = set(ids)
    return tuple(o.offer_id for o in results.offers if o.offer_id in wanted)
