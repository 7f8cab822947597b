"""Checks the engine's input and indexes it for the computation.

The service layer validates on entry too, but the engine must never compute with garbage: each
problem raises ``ScoringInputError`` with a stable code and parameters naming the offer, member,
criterion or field concerned.  Scores come grouped by offer and criterion (``ScoreSheet``) and
are checked a group at a time, so the rest of the engine does dictionary look-ups only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.scoring.errors import ScoringInputError
from app.scoring.rounding import MAX_PLACES, ONE, ZERO, plain
from app.scoring.types import (
    AllocationMethod,
    CompetitionInput,
    Criterion,
    CriterionKind,
    DiscrepancyMethod,
    DiscrepancyResolution,
    FormalOverride,
    ManualAward,
    Member,
    Offer,
    TieBreakerKind,
    TieOrder,
)

# A scale with more admissible values than this is checked arithmetically instead of by a set.
_MAX_ALLOWED_SET = 5000


@dataclass(frozen=True, slots=True)
class Scale:
    """What members may score on one criterion."""

    max_score: Decimal
    step: Decimal | None
    allowed: frozenset[Decimal] | None  # every admissible value, when the scale is small


@dataclass(frozen=True, slots=True)
class Prepared:
    """The validated input, indexed."""

    inp: CompetitionInput
    criterion_by_id: Mapping[str, Criterion]
    member_scored: frozenset[str]  # ids of criteria that members score
    scales: Mapping[str, Scale]
    member_index: Mapping[str, int]
    offer_by_id: Mapping[str, Offer]
    admitted: tuple[Offer, ...]
    conflicts: frozenset[tuple[str, str]]  # (member id, offer id)
    # (offer id, criterion id) -> member id -> score, in the order the scores came
    grouped: Mapping[tuple[str, str], Mapping[str, Decimal]]
    resolutions: Mapping[str, DiscrepancyResolution]
    manual_awards: Mapping[str, ManualAward]
    overrides: Mapping[str, FormalOverride]
    tie_orders: tuple[TieOrder, ...]


def _fail(code: str, **params: str) -> ScoringInputError:
    return ScoringInputError(code, params)


def _number(value: object, field: str, owner: str) -> Decimal:
    if value.__class__ is not Decimal:
        raise _fail("not_a_decimal", field=field, owner=owner, value=repr(value))
    assert isinstance(value, Decimal)
    if not value.is_finite():
        raise _fail("not_a_decimal", field=field, owner=owner, value=str(value))
    return value


def prepare(inp: CompetitionInput) -> Prepared:
    """Validate everything and build the indexes; raises ``ScoringInputError``."""
    criterion_by_id, scales, member_scored = _check_criteria(inp)
    member_index = _check_members(inp.members)
    offer_by_id = _check_offers(inp.offers)
    _check_policy(inp, criterion_by_id, offer_by_id)
    conflicts = _check_conflicts(inp, member_index, offer_by_id)
    grouped = _check_scores(inp, criterion_by_id, scales, member_index, offer_by_id)
    admitted = tuple(offer for offer in inp.offers if offer.admitted)
    resolutions = _check_resolutions(inp, criterion_by_id, scales, offer_by_id)
    manual_awards = _check_manual_awards(inp, offer_by_id)
    overrides = _check_overrides(inp, offer_by_id)
    tie_orders = _check_tie_orders(inp, offer_by_id)
    return Prepared(
        inp=inp,
        criterion_by_id=criterion_by_id,
        member_scored=member_scored,
        scales=scales,
        member_index=member_index,
        offer_by_id=offer_by_id,
        admitted=admitted,
        conflicts=conflicts,
        grouped=grouped,
        resolutions=resolutions,
        manual_awards=manual_awards,
        overrides=overrides,
        tie_orders=tie_orders,
    )


def _check_criteria(
    inp: CompetitionInput,
) -> tuple[dict[str, Criterion], dict[str, Scale], frozenset[str]]:
    if not inp.criteria:
        raise _fail("no_criteria")
    by_id: dict[str, Criterion] = {}
    scales: dict[str, Scale] = {}
    member_scored: set[str] = set()
    for criterion in inp.criteria:
        cid = criterion.id
        if cid in by_id:
            raise _fail("duplicate_criterion", criterion=cid)
        by_id[cid] = criterion
        weight = _number(criterion.weight, "weight", cid)
        kind = criterion.kind
        # Formal yes/no and banded criteria may legitimately carry no points of their own.
        if weight < ZERO or (
            weight == ZERO and kind not in (CriterionKind.YES_NO, CriterionKind.BANDED)
        ):
            raise _fail("invalid_weight", criterion=cid, weight=plain(weight))
        if criterion.cap is not None and kind is not CriterionKind.HIGHER_BETTER:
            raise _fail("option_not_for_kind", criterion=cid, option="cap", kind=kind.value)
        if criterion.min_score is not None and kind is not CriterionKind.SCORED:
            raise _fail("option_not_for_kind", criterion=cid, option="min_score", kind=kind.value)
        if criterion.bands and kind is not CriterionKind.BANDED:
            raise _fail("option_not_for_kind", criterion=cid, option="bands", kind=kind.value)
        if kind is CriterionKind.SCORED:
            scales[cid] = _scored_scale(criterion)
            member_scored.add(cid)
        elif kind is CriterionKind.YES_NO:
            if criterion.field is None:
                if criterion.max_score is not None and criterion.max_score != ONE:
                    raise _fail(
                        "yes_no_scale",
                        criterion=cid,
                        max=plain(_number(criterion.max_score, "max_score", cid)),
                    )
                scales[cid] = Scale(ONE, ONE, frozenset({ZERO, ONE}))
                member_scored.add(cid)
        else:
            if not criterion.field:
                raise _fail("missing_field", criterion=cid, kind=kind.value)
            if kind is CriterionKind.BANDED:
                _check_bands(criterion)
            if criterion.cap is not None and _number(criterion.cap, "cap", cid) <= ZERO:
                raise _fail("invalid_cap", criterion=cid, cap=plain(criterion.cap))
    return by_id, scales, frozenset(member_scored)


def _scored_scale(criterion: Criterion) -> Scale:
    cid = criterion.id
    if criterion.max_score is None:
        raise _fail("missing_scale", criterion=cid)
    top = _number(criterion.max_score, "max_score", cid)
    if top <= ZERO:
        raise _fail("invalid_scale", criterion=cid, max=plain(top))
    step = criterion.step
    allowed: frozenset[Decimal] | None = None
    if step is not None:
        if _number(step, "step", cid) <= ZERO:
            raise _fail("invalid_step", criterion=cid, step=plain(step))
        count = top / step
        if count == count.to_integral_value() and count <= _MAX_ALLOWED_SET:
            allowed = frozenset(step * k for k in range(int(count) + 1))
    if criterion.min_score is not None:
        threshold = _number(criterion.min_score, "min_score", cid)
        if threshold < ZERO or threshold > top:
            raise _fail(
                "invalid_min_score", criterion=cid, min_score=plain(threshold), max=plain(top)
            )
    return Scale(top, step, allowed)


def _check_bands(criterion: Criterion) -> None:
    cid = criterion.id
    if not criterion.bands:
        raise _fail("missing_bands", criterion=cid)
    seen: set[Decimal] = set()
    for band in criterion.bands:
        start = _number(band.from_value, "band.from_value", cid)
        points = _number(band.points, "band.points", cid)
        if start in seen:
            raise _fail("duplicate_band", criterion=cid, start=plain(start))
        seen.add(start)
        if points < ZERO:
            raise _fail(
                "invalid_band_points", criterion=cid, start=plain(start), points=plain(points)
            )


def _check_members(members: tuple[Member, ...]) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, member in enumerate(members):
        if member.id in index:
            raise _fail("duplicate_member", member=member.id)
        index[member.id] = position
    return index


def _check_offers(offers: tuple[Offer, ...]) -> dict[str, Offer]:
    by_id: dict[str, Offer] = {}
    for offer in offers:
        oid = offer.id
        if oid in by_id:
            raise _fail("duplicate_offer", offer=oid)
        by_id[oid] = offer
        if _number(offer.requested, "requested", oid) < ZERO:
            raise _fail("invalid_request", offer=oid, requested=plain(offer.requested))
        if not isinstance(offer.submitted_at, datetime) or offer.submitted_at.utcoffset() is None:
            raise _fail("naive_submission_time", offer=oid)
        for name, value in offer.values.items():
            _number(value, f"values.{name}", oid)
    return by_id


def _check_policy(
    inp: CompetitionInput, criteria: Mapping[str, Criterion], offers: Mapping[str, Offer]
) -> None:
    policy = inp.policy
    places = policy.rounding_places
    if not isinstance(places, int) or places < 0 or places > MAX_PLACES:
        raise _fail("invalid_rounding_places", places=str(places), limit=str(MAX_PLACES))
    if policy.min_total is not None and _number(policy.min_total, "min_total", "policy") < ZERO:
        raise _fail("invalid_policy_number", option="min_total", value=plain(policy.min_total))
    if (
        policy.discrepancy_points is not None
        and _number(policy.discrepancy_points, "discrepancy_points", "policy") <= ZERO
    ):
        raise _fail(
            "invalid_policy_number",
            option="discrepancy_points",
            value=plain(policy.discrepancy_points),
        )
    allocation = policy.allocation
    method = allocation.method
    if policy.winners is not None:
        if policy.winners < 1:
            raise _fail("invalid_winners", winners=str(policy.winners))
        if method is not AllocationMethod.NONE:
            raise _fail("winners_with_allocation", method=method.value)
    if method is not AllocationMethod.NONE:
        if allocation.budget is None:
            raise _fail("missing_budget", method=method.value)
        if _number(allocation.budget, "budget", "allocation") < ZERO:
            raise _fail("invalid_policy_number", option="budget", value=plain(allocation.budget))
        if _number(allocation.award_step, "award_step", "allocation") <= ZERO:
            raise _fail(
                "invalid_policy_number", option="award_step", value=plain(allocation.award_step)
            )
    if method is AllocationMethod.FULL_ABOVE_PRORATA_BELOW:
        if allocation.full_above is None:
            raise _fail("missing_full_above")
        _number(allocation.full_above, "full_above", "allocation")
    for breaker in policy.tie_breakers:
        _check_tie_breaker(breaker.kind, breaker.ref, criteria, inp.offers)


def _check_tie_breaker(
    kind: TieBreakerKind,
    ref: str | None,
    criteria: Mapping[str, Criterion],
    offers: tuple[Offer, ...],
) -> None:
    if kind is TieBreakerKind.CRITERION:
        if ref is None or ref not in criteria:
            raise _fail("unknown_tie_breaker_criterion", criterion=str(ref))
    elif kind in (TieBreakerKind.LOWER, TieBreakerKind.HIGHER):
        if not ref:
            raise _fail("missing_tie_breaker_field", kind=kind.value)
        for offer in offers:
            if offer.admitted and ref not in offer.values:
                raise _fail("missing_tie_breaker_value", offer=offer.id, field=ref)


def _check_conflicts(
    inp: CompetitionInput, members: Mapping[str, int], offers: Mapping[str, Offer]
) -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for conflict in inp.conflicts:
        if conflict.member_id not in members:
            raise _fail(
                "conflict_unknown_member", member=conflict.member_id, offer=conflict.offer_id
            )
        if conflict.offer_id not in offers:
            raise _fail(
                "conflict_unknown_offer", member=conflict.member_id, offer=conflict.offer_id
            )
        pairs.add((conflict.member_id, conflict.offer_id))
    return frozenset(pairs)


def _check_scores(
    inp: CompetitionInput,
    criteria: Mapping[str, Criterion],
    scales: Mapping[str, Scale],
    members: Mapping[str, int],
    offers: Mapping[str, Offer],
) -> Mapping[tuple[str, str], Mapping[str, Decimal]]:
    """The scores by (offer, criterion), then member, once each is known to name a member,
    an offer and a criterion members score, with a Decimal on that criterion's scale.

    A group (one offer's scores on one criterion) is accepted whole when its members are
    known and its values are admissible Decimals (set operations over the group); otherwise
    its scores are checked one by one, and the first that is wrong raises.
    """
    groups = inp.scores.groups
    # the admissible values per criterion members score; empty when the scale is too large to
    # list them, so that its scores are checked arithmetically
    allowed_of = {cid: scale.allowed or frozenset() for cid, scale in scales.items()}
    for (oid, cid), by_member in groups.items():
        values = by_member.values()
        allowed = allowed_of.get(cid)
        try:
            valid = (
                allowed is not None
                and oid in offers
                and members.keys() >= by_member.keys()
                and {*map(type, values)} <= _DECIMAL
                and allowed.issuperset(values)
            )
        except TypeError:  # a signalling NaN cannot be hashed
            valid = False
        if not valid:
            for mid, value in by_member.items():
                if cid not in scales or mid not in members or oid not in offers:
                    _reject_reference(mid, oid, cid, criteria, members, offers)
                _check_score_value(mid, oid, cid, value, scales[cid])
    return groups


_DECIMAL = frozenset({Decimal})


def _reject_reference(
    mid: str,
    oid: str,
    cid: str,
    criteria: Mapping[str, Criterion],
    members: Mapping[str, int],
    offers: Mapping[str, Offer],
) -> None:
    params = {"member": mid, "offer": oid, "criterion": cid}
    if mid not in members:
        raise ScoringInputError("score_unknown_member", params)
    if oid not in offers:
        raise ScoringInputError("score_unknown_offer", params)
    if cid not in criteria:
        raise ScoringInputError("score_unknown_criterion", params)
    raise ScoringInputError("score_for_unscored_criterion", params)


def _check_score_value(mid: str, oid: str, cid: str, value: object, scale: Scale) -> None:
    params = {"member": mid, "offer": oid, "criterion": cid}
    if value.__class__ is not Decimal:
        raise ScoringInputError("score_not_decimal", {**params, "value": repr(value)})
    assert isinstance(value, Decimal)
    if not value.is_finite():
        raise ScoringInputError("score_not_decimal", {**params, "value": str(value)})
    if value < ZERO or value > scale.max_score:
        raise ScoringInputError(
            "score_off_scale", {**params, "value": plain(value), "max": plain(scale.max_score)}
        )
    step = scale.step
    if step is not None and value % step != ZERO:
        raise ScoringInputError(
            "score_off_step", {**params, "value": plain(value), "step": plain(step)}
        )


def _check_resolutions(
    inp: CompetitionInput,
    criteria: Mapping[str, Criterion],
    scales: Mapping[str, Scale],
    offers: Mapping[str, Offer],
) -> dict[str, DiscrepancyResolution]:
    by_offer: dict[str, DiscrepancyResolution] = {}
    for resolution in inp.decisions.discrepancy_resolutions:
        oid = resolution.offer_id
        if oid not in offers:
            raise _fail("resolution_unknown_offer", offer=oid)
        if oid in by_offer:
            raise _fail("resolution_duplicate", offer=oid)
        by_offer[oid] = resolution
        if resolution.consensus_scores and resolution.method is not DiscrepancyMethod.CONSENSUS:
            raise _fail(
                "consensus_scores_without_consensus", offer=oid, method=resolution.method.value
            )
        for cid, value in resolution.consensus_scores.items():
            criterion = criteria.get(cid)
            if criterion is None:
                raise _fail("consensus_unknown_criterion", offer=oid, criterion=cid)
            if criterion.kind is not CriterionKind.SCORED:
                raise _fail("consensus_not_scored", offer=oid, criterion=cid)
            top = scales[cid].max_score
            if _number(value, f"consensus.{cid}", oid) < ZERO or value > top:
                raise _fail(
                    "consensus_off_scale",
                    offer=oid,
                    criterion=cid,
                    value=plain(value),
                    max=plain(top),
                )
    return by_offer


def _check_manual_awards(
    inp: CompetitionInput, offers: Mapping[str, Offer]
) -> dict[str, ManualAward]:
    awards: dict[str, ManualAward] = {}
    method = inp.policy.allocation.method
    for award in inp.decisions.manual_awards:
        oid = award.offer_id
        if method is not AllocationMethod.MANUAL:
            raise _fail("manual_award_without_manual_method", offer=oid, method=method.value)
        offer = offers.get(oid)
        if offer is None:
            raise _fail("manual_award_unknown_offer", offer=oid)
        if oid in awards:
            raise _fail("manual_award_duplicate", offer=oid)
        amount = _number(award.amount, "amount", oid)
        if amount < ZERO:
            raise _fail("manual_award_negative", offer=oid, amount=plain(amount))
        if amount > offer.requested:
            raise _fail(
                "manual_award_exceeds_request",
                offer=oid,
                amount=plain(amount),
                requested=plain(offer.requested),
            )
        step = inp.policy.allocation.award_step
        if amount % step != ZERO:
            raise _fail("manual_award_off_step", offer=oid, amount=plain(amount), step=plain(step))
        awards[oid] = award
    return awards


def _check_overrides(
    inp: CompetitionInput, offers: Mapping[str, Offer]
) -> dict[str, FormalOverride]:
    overrides: dict[str, FormalOverride] = {}
    for override in inp.decisions.formal_overrides:
        offer = offers.get(override.offer_id)
        if offer is None:
            raise _fail("override_unknown_offer", offer=override.offer_id)
        if offer.admitted is not override.admitted:
            # The override is meant to be applied to Offer.admitted already; a mismatch means
            # the caller built the input from two different states of the data.
            raise _fail(
                "override_not_applied", offer=offer.id, admitted=str(override.admitted).lower()
            )
        overrides[offer.id] = override
    return overrides


def _check_tie_orders(inp: CompetitionInput, offers: Mapping[str, Offer]) -> tuple[TieOrder, ...]:
    claimed: set[str] = set()
    for order in inp.decisions.tie_orders:
        if len(order.offer_ids) < 2:
            raise _fail("tie_order_too_short", offers=", ".join(order.offer_ids))
        for oid in order.offer_ids:
            if oid not in offers:
                raise _fail("tie_order_unknown_offer", offer=oid)
            if oid in claimed:
                raise _fail("tie_order_duplicate_offer", offer=oid)
            claimed.add(oid)
    return inp.decisions.tie_orders


def formula_value(offer: Offer, criterion: Criterion) -> Decimal:
    """The offer's value for a formula criterion; raises when the offer does not state it."""
    field = criterion.field
    assert field is not None
    value = offer.values.get(field)
    if value is None:
        raise _fail("missing_value", offer=offer.id, field=field, criterion=criterion.id)
    return value
