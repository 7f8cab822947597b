"""The scoring engine: ``compute_results`` turns a competition's input into its results, and
``explain`` writes out how one offer's numbers came about.

The stages, each in its own module: validation and grouping of the scores (``validation``),
one offer's arithmetic and thresholds (``evaluate``), ranking and tie-breaks (``ranking``),
selection and allocation (``allocation``).  The whole computation runs in the engine's own
decimal context.  Explanations are not kept for every offer: ``explain`` evaluates the one offer
again, by the same function, with a recorder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import localcontext

from app.scoring.allocation import allocate, select_winners
from app.scoring.evaluate import OfferWork, Recorder, Rules, evaluate_offer
from app.scoring.ranking import rank_offers
from app.scoring.rounding import CENT, ENGINE_CONTEXT, ZERO
from app.scoring.types import (
    AllocationMethod,
    CompetitionInput,
    Flag,
    FormalOverride,
    Offer,
    OfferExplanation,
    OfferResult,
    Results,
    Step,
)
from app.scoring.validation import prepare


def compute_results(inp: CompetitionInput) -> Results:
    """Compute the competition's results; raises ``ScoringInputError`` on invalid input."""
    with localcontext(ENGINE_CONTEXT):
        return _compute(inp)


def _compute(inp: CompetitionInput) -> Results:
    prep = prepare(inp)
    rules = Rules(inp)
    works = [
        evaluate_offer(rules, prep.grouped, offer, position)
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
        steps.append(Step("cancel_no_eligible", {}))
    unresolved_discrepancies = tuple(w.offer.id for w in works if Flag.DISCREPANCY in w.flags)
    if unresolved_discrepancies:
        steps.append(
            Step("unresolved_discrepancies", {"offers": ", ".join(unresolved_discrepancies)})
        )

    offers: list[OfferResult] = [_result(w) for block in ranking.blocks for w in block]
    offers.extend(_result(w) for w in ineligible)
    not_admitted = sorted((o for o in inp.offers if not o.admitted), key=lambda o: o.id)
    offers.extend(_not_admitted(offer, prep.overrides, allocating) for offer in not_admitted)
    return Results(
        offers=tuple(offers),
        not_evaluated=tuple(o.id for o in inp.offers if not o.admitted),
        cancel=cancel,
        budget=policy.allocation.budget if allocating else None,
        awarded_total=awarded,
        unresolved_ties=tuple(ranking.unresolved),
        unresolved_discrepancies=unresolved_discrepancies,
        steps=tuple(steps),
    )


def _result(work: OfferWork) -> OfferResult:
    return OfferResult(
        offer_id=work.offer.id,
        admitted=True,
        criteria=work.criteria,
        total=work.total,
        unscaled_total=work.unscaled_total,
        eligible=work.eligible,
        rank=work.rank,
        flags=frozenset(work.flags),
        award=work.award,
        counted_members=work.counted,
        excluded_members=work.excluded,
        member_totals=work.member_totals,
        spread=work.spread,
        placement=tuple(work.late_steps),
    )


def _not_admitted(
    offer: Offer, overrides: Mapping[str, FormalOverride], allocating: bool
) -> OfferResult:
    flags = frozenset({Flag.FORMAL_OVERRIDE}) if offer.id in overrides else frozenset()
    return OfferResult(
        offer_id=offer.id,
        admitted=False,
        criteria=(),
        total=None,
        unscaled_total=None,
        eligible=False,
        rank=None,
        flags=flags,
        award=ZERO.quantize(CENT) if allocating else None,
        counted_members=(),
        excluded_members={},
        member_totals={},
        spread=None,
    )


def explain(inp: CompetitionInput, results: Results, offer_id: str) -> OfferExplanation:
    """How the offer's numbers in ``results`` came about, step by step (see ``explanations``)."""
    return next(explanations(inp, results, (offer_id,)))


def explanations(
    inp: CompetitionInput, results: Results, offer_ids: Iterable[str] | None = None
) -> Iterator[OfferExplanation]:
    """The explanations of the offers named (every offer, in the results' order, by default).

    ``results`` must be ``compute_results(inp)``: each offer is evaluated again, by the same
    function that computed its numbers, this time recording each step; what compared it with
    the others (rank, ties, award) is taken from the results.  Only the named offers' scores
    are gathered, so explaining one offer costs about as much as computing one.
    """
    wanted = [o.offer_id for o in results.offers] if offer_ids is None else list(offer_ids)
    by_id = {offer.id: (position, offer) for position, offer in enumerate(inp.offers)}
    chosen = set(wanted)
    scores = {key: group for key, group in inp.scores.groups.items() if key[0] in chosen}
    overrides = {o.offer_id: o for o in inp.decisions.formal_overrides}
    with localcontext(ENGINE_CONTEXT):
        rules = Rules(inp)
    for offer_id in wanted:
        result = results.offer(offer_id)
        position, offer = by_id[offer_id]
        if not offer.admitted:
            steps = [Step("offer_not_admitted", {})]
            override = overrides.get(offer_id)
            if override is not None:
                steps.append(Step("formal_override", {"reason": override.reason}))
            yield OfferExplanation(offer_id, {}, tuple(steps))
            continue
        rec = Recorder()
        with localcontext(ENGINE_CONTEXT):
            work = evaluate_offer(rules, scores, offer, position, rec)
        if work.total != result.total or work.criteria != result.criteria:
            raise ValueError(f"the results were not computed from this input (offer {offer_id})")
        yield OfferExplanation(
            offer_id,
            {cid: tuple(steps) for cid, steps in rec.criteria.items()},
            (*rec.steps, *result.placement),
        )
