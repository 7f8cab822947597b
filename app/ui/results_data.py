"""What the results screen shows, as compact plain values made in the worker process.

No Qt here.  ``read_results`` computes a competition's results in the worker process
(``app.ui.worker``) and turns them into one ``RankingRow`` per offer — the texts of its numbers
already formatted, a number per column to sort by, its flags as codes — and the figures of the
two charts: what the GUI's process receives is a few strings and numbers per offer, not the
quarter of a million scores behind them.  Rows and figures are named tuples of strings and
numbers only: the GUI's process keeps them while they are shown, and such tuples are no work
for its garbage collector, unlike an object per row.  The worker keeps the last results it
computed, so ``explain_offer`` words the "why" of one number from the very results the screen
shows when the user selects it, without computing them again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from app.scoring import types as st
from app.services import results as results_service
from app.texts import explain, format_decimal
from app.ui.formatting import money_text
from app.ui.worker import worker_database


@dataclass(frozen=True)
class ColumnCriterion:
    """A criterion of the ranking's columns (and of the discrepancy dialog)."""

    id: str
    name: str
    scored: bool  # scored by members
    max_score: Decimal | None
    step: Decimal | None
    weight: Decimal


class RankingRow(NamedTuple):
    """One offer of the ranking, ready to show.

    ``texts`` and ``sort_keys`` hold the number columns in the screen's order: one per
    criterion, then the total, the amount requested and the award.  A total is None in
    ``texts`` when the offer was rejected (the screen words it); sort keys are floats for
    ordering only, never for arithmetic.
    """

    offer_id: str
    label: str
    rank: int | None
    admitted: bool
    eligible: bool
    flags: tuple[str, ...]  # ``st.Flag`` values, sorted
    texts: tuple[str | None, ...]
    sort_keys: tuple[float, ...]
    threshold_failed: tuple[int, ...]  # criterion positions whose threshold was not met
    requested: Decimal
    award: Decimal | None
    spread: Decimal | None


class SpreadFigure(NamedTuple):
    offer_id: str
    low: Decimal
    high: Decimal
    mean: Decimal
    flagged: bool


class LeniencyFigure(NamedTuple):
    member_id: str
    mean_difference: Decimal | None
    advisory: bool


@dataclass(frozen=True)
class ResultsScreen:
    """The results of one competition as the results screen shows them."""

    token: str  # names these results in the worker (``explain_offer``)
    competition_id: int
    status: str
    complete: bool  # scoring closed (status results or later)
    criteria: tuple[ColumnCriterion, ...]
    member_names: dict[str, str]
    rows: tuple[RankingRow, ...]
    cancel: bool
    budget: Decimal | None
    awarded_total: Decimal | None
    unresolved_ties: tuple[tuple[str, ...], ...]
    unresolved_discrepancies: tuple[str, ...]
    manual_allocation: bool
    spreads: tuple[SpreadFigure, ...]
    leniency: tuple[LeniencyFigure, ...]

    def row(self, offer_id: str) -> RankingRow | None:
        return next((r for r in self.rows if r.offer_id == offer_id), None)


@dataclass(frozen=True)
class Explanation:
    """How one offer's number came about, in the engine's own steps, worded.

    ``criterion``: the criterion whose column was selected ((id, name); None for another
    column); ``scored``: that criterion has a result (an offer rejected at the formal check
    has none); ``criterion_lines``: for the total's column, each criterion's last step;
    ``lines``: the steps of the selected criterion, or else the offer's; ``member_totals``:
    (member, total as text); ``excluded``: (member, reason code); ``notes``: the
    competition's own steps.
    """

    offer_id: str
    criterion: tuple[str, str] | None
    scored: bool
    criterion_lines: tuple[str, ...]
    lines: tuple[str, ...]
    member_totals: tuple[tuple[str, str], ...]
    excluded: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]


_kept: dict[tuple[str, int, str], results_service.ResultsView] = {}


def read_results(url: str, competition_id: int, lang: str) -> ResultsScreen:
    """In the worker process: the results screen's data of one competition."""
    view = results_service.results(worker_database(url), competition_id)
    token = uuid.uuid4().hex
    _kept.clear()  # only the results on screen are kept
    _kept[(url, competition_id, token)] = view
    return _screen(view, token, lang)


def _screen(view: results_service.ResultsView, token: str, lang: str) -> ResultsScreen:
    # the analysis (and the engine under it) loads in the worker process that builds the
    # screen, not in the window's
    from app.scoring import analysis

    inp, res = view.input, view.results
    places = inp.policy.rounding_places
    offers = {o.id: o for o in inp.offers}
    positions = {c.id: i for i, c in enumerate(inp.criteria)}
    rows = []
    spreads = []
    for offer in res.offers:
        source = offers[offer.offer_id]
        points: list[str | None] = [""] * len(inp.criteria)
        point_keys = [-1.0] * len(inp.criteria)
        failed = set()
        for result in offer.criteria:
            position = positions[result.criterion_id]
            points[position] = format_decimal(result.points, places, lang)
            point_keys[position] = float(result.points)  # order only
            if result.threshold_passed is False:
                failed.add(position)
        total = format_decimal(offer.total, places, lang) if offer.total is not None else ""
        rows.append(
            RankingRow(
                offer_id=offer.offer_id,
                label=source.label,
                rank=offer.rank,
                admitted=offer.admitted,
                eligible=offer.eligible,
                flags=tuple(flag.value for flag in sorted(offer.flags)),
                texts=(
                    *points,
                    total if offer.admitted else None,
                    money_text(source.requested, lang),
                    money_text(offer.award, lang) if offer.award is not None else "",
                ),
                sort_keys=(
                    *point_keys,
                    float(offer.total) if offer.total is not None else -1.0,  # order only
                    float(source.requested),
                    float(offer.award or 0),
                ),
                threshold_failed=tuple(sorted(failed)),
                requested=source.requested,
                award=offer.award,
                spread=offer.spread,
            )
        )
        if offer.member_totals:
            values = list(offer.member_totals.values())
            spreads.append(
                SpreadFigure(
                    offer.offer_id,
                    min(values),
                    max(values),
                    sum(values, Decimal(0)) / len(values),
                    st.Flag.DISCREPANCY in offer.flags,
                )
            )
    leniency = tuple(
        LeniencyFigure(item.member_id, item.mean_difference, item.advisory)
        for item in analysis.member_leniency(inp, res)
    )
    return ResultsScreen(
        token=token,
        competition_id=view.competition_id,
        status=str(view.status),
        complete=view.complete,
        criteria=tuple(
            ColumnCriterion(
                c.id,
                c.name,
                c.kind is st.CriterionKind.SCORED,
                c.max_score,
                c.step,
                c.weight,
            )
            for c in inp.criteria
        ),
        member_names={m.id: m.name for m in inp.members},
        rows=tuple(rows),
        cancel=res.cancel,
        budget=res.budget,
        awarded_total=res.awarded_total,
        unresolved_ties=res.unresolved_ties,
        unresolved_discrepancies=res.unresolved_discrepancies,
        manual_allocation=inp.policy.allocation.method is st.AllocationMethod.MANUAL,
        spreads=tuple(spreads),
        leniency=leniency,
    )


def explain_offer(
    url: str,
    competition_id: int,
    token: str,
    offer_id: str,
    criterion_id: str | None,
    total_column: bool,
    lang: str,
) -> Explanation:
    """In the worker process: the "why" of one offer's number in the results named ``token``
    (computed again if the worker no longer holds them)."""
    view = _kept.get((url, competition_id, token))
    if view is None:
        view = results_service.results(worker_database(url), competition_id)
    offer = view.results.offer(offer_id)
    why = view.explain(offer_id)  # written for this one offer, by the same arithmetic
    criterion = next((c for c in view.input.criteria if c.id == criterion_id), None)
    criterion_lines: list[str] = []
    lines: list[str] = []
    scored = True
    if criterion is not None:
        result = next((c for c in offer.criteria if c.criterion_id == criterion.id), None)
        scored = result is not None
        if result is not None:
            lines += [explain(step, lang) for step in why.criteria.get(criterion.id, ())]
    else:
        if total_column:
            criterion_lines += [
                f"{result.criterion_id}: "
                + "; ".join(
                    explain(s, lang) for s in why.criteria.get(result.criterion_id, ())[-1:]
                )
                for result in offer.criteria
            ]
        lines += [explain(step, lang) for step in why.steps]
    return Explanation(
        offer_id=offer_id,
        criterion=(criterion.id, criterion.name) if criterion is not None else None,
        scored=scored,
        criterion_lines=tuple(criterion_lines),
        lines=tuple(lines),
        member_totals=tuple(
            (member, format_decimal(total, 2, lang))
            for member, total in offer.member_totals.items()
        ),
        excluded=tuple(offer.excluded_members.items()),
        notes=tuple(explain(step, lang) for step in view.results.steps),
    )
