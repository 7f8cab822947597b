"""Selection of winners and allocation of the budget down the ranking.

Only eligible offers, in rank order, ever receive money.  Awards are rounded down to the award
step, never above the request and never past the budget.  A still-tied group whose order would
decide who is funded stops the allocation there: the committee must order it first (a
``TieOrder`` decision), and the results say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from app.scoring.errors import ScoringInputError
from app.scoring.evaluate import OfferWork
from app.scoring.ranking import Ranking
from app.scoring.rounding import CENT, ONE, ZERO, floor_to_step, plain, tidy
from app.scoring.types import AllocationMethod, Flag, Step
from app.scoring.validation import Prepared

_ZERO_AWARD = ZERO.quantize(CENT)


def select_winners(ranking: Ranking, winners: int) -> list[Step]:
    """Flag the top ``winners`` ranks as selected; a tie across the cut-off selects none of it."""
    steps: list[Step] = []
    for block in ranking.blocks:
        rank = block[0].rank
        assert rank is not None
        last = rank + len(block) - 1
        if last <= winners:
            for work in block:
                work.flags.add(Flag.SELECTED)
                work.late_steps.append(
                    Step("selected", {"rank": str(rank), "winners": str(winners)})
                )
        elif rank <= winners:
            ids = ", ".join(w.offer.id for w in block)
            steps.append(
                Step(
                    "selection_tie_at_cutoff",
                    {"offers": ids, "rank": str(rank), "winners": str(winners)},
                )
            )
            for work in block:
                work.late_steps.append(
                    Step("not_selected_tie_at_cutoff", {"rank": str(rank), "winners": str(winners)})
                )
        else:
            for work in block:
                work.late_steps.append(
                    Step("not_selected", {"rank": str(rank), "winners": str(winners)})
                )
    return steps


class _Allocator:
    """Walks the ranking once, giving each eligible offer its award and its explanation."""

    def __init__(self, prep: Prepared) -> None:
        allocation = prep.inp.policy.allocation
        self.method = allocation.method
        self.step = allocation.award_step
        budget = allocation.budget
        assert budget is not None
        self.budget = budget
        self.remaining = budget
        self.full_above = allocation.full_above
        self.steps: list[Step] = []
        self.manual = prep.manual_awards

    def give(self, work: OfferWork, amount: Decimal, code: str, params: dict[str, str]) -> None:
        before = self.remaining
        self.remaining = before - amount
        work.award = amount
        work.late_steps.append(
            Step(
                code,
                {
                    **params,
                    "award": plain(amount),
                    "remaining_before": plain(before),
                    "remaining_after": plain(self.remaining),
                },
            )
        )

    def nothing(self, work: OfferWork, code: str, params: dict[str, str]) -> None:
        work.award = _ZERO_AWARD
        work.late_steps.append(Step(code, params))

    def request(self, work: OfferWork) -> Decimal:
        return floor_to_step(work.offer.requested, self.step)

    def full(self, work: OfferWork) -> None:
        self.give(
            work,
            self.request(work),
            "award_full",
            {"request": plain(work.offer.requested), "step": plain(self.step)},
        )

    def blocked(self, block: list[OfferWork], rest: Sequence[list[OfferWork]]) -> None:
        ids = ", ".join(w.offer.id for w in block)
        self.steps.append(
            Step("allocation_blocked_by_tie", {"offers": ids, "remaining": plain(self.remaining)})
        )
        for work in block:
            self.nothing(work, "award_blocked_by_tie", {"offers": ids})
        for later in rest:
            for work in later:
                self.nothing(work, "award_after_tie_block", {"offers": ids})

    # -- in rank order --------------------------------------------------------------------

    def in_order(self, blocks: list[list[OfferWork]]) -> None:
        stopped = False
        for index, block in enumerate(blocks):
            if stopped:
                for work in block:
                    self.nothing(work, "award_after_stop", {})
                continue
            if len(block) > 1 and not self._order_irrelevant(block):
                self.blocked(block, blocks[index + 1 :])
                return
            for work in block:
                if stopped:
                    self.nothing(work, "award_after_stop", {})
                else:
                    stopped = self._one_in_order(work)

    def _order_irrelevant(self, block: list[OfferWork]) -> bool:
        """Whether every order of a still-tied group would fund the same offers the same way."""
        requests = [self.request(w) for w in block]
        remaining = self.remaining
        if sum(requests, ZERO) <= remaining or floor_to_step(remaining, self.step) == ZERO:
            return True
        fitting = [r for r in requests if r <= remaining]
        if self.method is AllocationMethod.IN_ORDER_STOP:
            return not fitting
        if self.method is AllocationMethod.IN_ORDER_SKIP:
            # if the fitting ones together fit, all of them are funded whoever goes first
            return sum(fitting, ZERO) <= remaining
        return False

    def _one_in_order(self, work: OfferWork) -> bool:
        """Allocate to one offer; returns True when the allocation stops after it."""
        request = self.request(work)
        if request <= self.remaining:
            self.full(work)
            return False
        params = {"request": plain(work.offer.requested), "remaining": plain(self.remaining)}
        if self.method is AllocationMethod.IN_ORDER_SKIP:
            self.nothing(work, "award_no_fit_skip", params)
            return False
        if self.method is AllocationMethod.IN_ORDER_PARTIAL:
            self.give(
                work,
                floor_to_step(self.remaining, self.step),
                "award_partial",
                {"request": plain(work.offer.requested), "step": plain(self.step)},
            )
            return True
        self.nothing(work, "award_no_fit_stop", params)
        return True

    # -- full above a score, one common percentage below ----------------------------------

    def tiered(self, blocks: list[list[OfferWork]]) -> None:
        full_above = self.full_above
        assert full_above is not None
        pool: list[OfferWork] = []
        filling = True
        for index, block in enumerate(blocks):
            above = block[0].total >= full_above
            if not (filling and above):
                pool.extend(block)
                continue
            requests = [self.request(w) for w in block]
            if (
                len(block) > 1
                and sum(requests, ZERO) > self.remaining
                and any(r <= self.remaining for r in requests)
            ):
                self.blocked(block, blocks[index + 1 :])
                return
            for work, request in zip(block, requests, strict=True):
                if filling and request <= self.remaining:
                    self.give(
                        work,
                        request,
                        "award_full_above",
                        {
                            "request": plain(work.offer.requested),
                            "step": plain(self.step),
                            "total": plain(work.total),
                            "threshold": plain(full_above),
                        },
                    )
                else:
                    # the first one that does not fit ends full funding; it shares the rest
                    filling = False
                    pool.append(work)
        self._prorata(pool)

    def _prorata(self, pool: list[OfferWork]) -> None:
        if not pool:
            return
        remaining = self.remaining
        requested = sum((w.offer.requested for w in pool), ZERO)
        scaled = requested > ZERO and remaining < requested
        ratio = remaining / requested if scaled else ONE
        self.steps.append(
            Step(
                "prorata_ratio",
                {
                    "offers": ", ".join(w.offer.id for w in pool),
                    "remaining": plain(remaining),
                    "requests_sum": plain(requested),
                    "ratio": plain(tidy(ratio)),
                },
            )
        )
        for work in pool:
            request = work.offer.requested
            # one division per award keeps it exact where the true value is a whole number
            exact = request * remaining / requested if scaled else request
            self.give(
                work,
                floor_to_step(exact, self.step),
                "award_prorata",
                {
                    "request": plain(request),
                    "ratio": plain(tidy(ratio)),
                    "exact": plain(tidy(exact)),
                    "step": plain(self.step),
                },
            )

    # -- decided by the committee ---------------------------------------------------------

    def manual_awards(self, blocks: list[list[OfferWork]]) -> None:
        for block in blocks:
            for work in block:
                award = self.manual.get(work.offer.id)
                if award is None:
                    self.nothing(work, "award_manual_none", {})
                else:
                    work.flags.add(Flag.MANUAL_AWARD)
                    self.give(
                        work,
                        award.amount.quantize(CENT),
                        "award_manual",
                        {"request": plain(work.offer.requested), "reason": award.reason},
                    )


def allocate(
    prep: Prepared, ranking: Ranking, ineligible: Sequence[OfferWork]
) -> tuple[Decimal, list[Step]]:
    """Award money to the ranked offers; returns the awarded total and the results' steps."""
    allocator = _Allocator(prep)
    method = allocator.method
    eligible = {w.offer.id for block in ranking.blocks for w in block}
    for oid in allocator.manual:
        if oid not in eligible:
            raise ScoringInputError("manual_award_not_eligible", {"offer": oid})
    for work in ineligible:
        allocator.nothing(work, "award_not_eligible", {})
    if method is AllocationMethod.MANUAL:
        total = sum((a.amount for a in allocator.manual.values()), ZERO)
        if total > allocator.budget:
            raise ScoringInputError(
                "manual_awards_exceed_budget",
                {"total": plain(total), "budget": plain(allocator.budget)},
            )
        allocator.manual_awards(ranking.blocks)
    elif method is AllocationMethod.FULL_ABOVE_PRORATA_BELOW:
        allocator.tiered(ranking.blocks)
    else:
        allocator.in_order(ranking.blocks)
    awarded = sum((w.award or ZERO for block in ranking.blocks for w in block), ZERO).quantize(CENT)
    allocator.steps.append(
        Step(
            "allocation_summary",
            {
                "method": method.value,
                "budget": plain(allocator.budget),
                "awarded": plain(awarded),
                "remaining": plain(allocator.budget - awarded),
            },
        )
    )
    return awarded, allocator.steps
