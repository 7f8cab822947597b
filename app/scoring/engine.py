"""The scoring engine: ``compute_results`` turns a competition's input into its results.

The stages, each in its own module: validation and indexing (``validation``), per-offer
arithmetic and thresholds (``aggregate``), ranking and tie-breaks (``ranking``), selection and
allocation (``allocation``).  The whole computation runs in the engine's own decimal context.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import localcontext
from types import MappingProxyType

from app.scoring.aggregate import OfferEvaluator, OfferWork
from app.scoring.allocation import allocate, select_winners
from app.scoring.memory import no_cyclic_gc
from app.scoring.ranking import rank_offers
from app.scoring.rounding import CENT, ENGINE_CONTEXT, ZERO
from app.scoring.steps import Lazy, LazySteps, make_step
from app.scoring.types import (
    AllocationMethod,
    CompetitionInput,
    Flag,
    Offer,
    OfferResult,
    Results,
    Step,
)
from app.scoring.validation import Prepared, prepare


def compute_results(inp: CompetitionInput) -> Results:
    """Compute the competition's results; raises ``ScoringInputError`` on invalid input."""
    with no_cyclic_gc(), localcontext(ENGINE_CONTEXT):
        return _compute(inp)


def _compute(inp: CompetitionInput) -> Results:
    prep = prepare(inp)
    evaluator = OfferEvaluator(prep)
    works = [
        evaluator.evaluate(offer, position)
        for position, offer in enumerate(inp.offers)
        if offer.admitted
    ]
    eligible = [w for w in works if w.eligible]
    ineligible = sorted((w for w in works if not w.eligible), key=lambda w: (-w.total, w.position))
    ranking = rank_offers(eligible, prep)
    steps: list[Step] = list(ranking.steps)

    policy = inp.policy
    allocating = policy.allocation.method is not AllocationMethod.NONE
    awarded = None
    if allocating:
        awarded, allocation_steps = allocate(prep, ranking, ineligible)
        steps.extend(allocation_steps)
    elif policy.winners is not None:
        steps.extend(select_winners(ranking, policy.winners))

    cancel = not eligible
    if cancel:
        steps.append(make_step("cancel_no_eligible", {}))
    unresolved_discrepancies = tuple(w.offer.id for w in works if Flag.DISCREPANCY in w.flags)
    if unresolved_discrepancies:
        steps.append(
            make_step("unresolved_discrepancies", {"offers": ", ".join(unresolved_discrepancies)})
        )

    offers: list[OfferResult] = [_result(w) for block in ranking.blocks for w in block]
    offers.extend(_result(w) for w in ineligible)
    not_admitted = [offer for offer in inp.offers if not offer.admitted]
    offers.extend(
        _not_admitted(offer, prep, allocating) for offer in sorted(not_admitted, key=lambda o: o.id)
    )
    return Results(
        offers=tuple(offers),
        not_evaluated=tuple(offer.id for offer in not_admitted),
        cancel=cancel,
        budget=policy.allocation.budget if allocating else None,
        awarded_total=awarded,
        unresolved_ties=tuple(ranking.unresolved),
        unresolved_discrepancies=unresolved_discrepancies,
        steps=tuple(steps),
    )


def _result(work: OfferWork) -> OfferResult:
    """The offer's result, built as ``OfferResult(...)`` would build it but without the
    frozen dataclass's per-field ``__setattr__`` (two thousand of them in a large competition):
    its maps are wrapped read-only as ``__post_init__`` does, without copying them again (the
    work is the engine's own and is dropped next)."""
    result: OfferResult = _new(OfferResult)
    result.__dict__.update(
        offer_id=work.offer.id,
        admitted=True,
        criteria=work.criteria if isinstance(work.criteria, Lazy) else tuple(work.criteria),
        total=work.total,
        unscaled_total=work.unscaled_total,
        eligible=work.eligible,
        rank=work.rank,
        flags=frozenset(work.flags),
        award=work.award,
        counted_members=work.counted,
        excluded_members=MappingProxyType(work.excluded),
        member_totals=MappingProxyType(work.member_totals),
        spread=work.spread,
        steps=LazySteps(_joined, work.steps, tuple(work.late_steps)),
    )
    return result


_new = object.__new__


def _joined(early: Sequence[Step], late: tuple[Step, ...]) -> tuple[Step, ...]:
    return (*early, *late)


def _not_admitted(offer: Offer, prep: Prepared, allocating: bool) -> OfferResult:
    steps = [make_step("offer_not_admitted", {})]
    flags: set[Flag] = set()
    override = prep.overrides.get(offer.id)
    if override is not None:
        flags.add(Flag.FORMAL_OVERRIDE)
        steps.append(make_step("formal_override", {"reason": override.reason}))
    return OfferResult(
        offer_id=offer.id,
        admitted=False,
        criteria=(),
        total=None,
        unscaled_total=None,
        eligible=False,
        rank=None,
        flags=frozenset(flags),
        award=ZERO.quantize(CENT) if allocating else None,
        counted_members=(),
        excluded_members={},
        member_totals={},
        spread=None,
        steps=tuple(steps),
    )
