"""Ranking of eligible offers: totals, the tie-break chain, and the committee's tie orders.

Offers are sorted once by total; only groups with equal totals go through the chain, each
tie-breaker splitting a group by one sort, so the work stays O(n log n) however large a tie is.
Every split is recorded in the offers' steps: which tie-breaker placed the offer, with what
value, ahead of and behind whom.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.scoring.evaluate import OfferWork
from app.scoring.rounding import plain
from app.scoring.types import Flag, Step, TieBreaker, TieBreakerKind
from app.scoring.validation import Prepared

# At most this many offer ids are spelled out in one tie step (with the count of all of them),
# so that a tie of hundreds of offers does not produce quadratic explanations.
_MAX_LISTED = 20

_SortKey = Decimal | datetime


@dataclass(slots=True)
class Ranking:
    """Eligible offers in rank order, cut into blocks: one offer, or a still-tied group."""

    blocks: list[list[OfferWork]]
    unresolved: list[tuple[str, ...]]
    steps: list[Step]


@dataclass(frozen=True, slots=True)
class _Breaker:
    code: str
    params: dict[str, str]  # the criterion or field the tie-breaker reads
    key: Callable[[OfferWork], _SortKey]  # smaller is better
    shown: Callable[[OfferWork], str]


def rank_offers(eligible: Sequence[OfferWork], prep: Prepared) -> Ranking:
    """Assign ranks to eligible offers (competition ranking: 1, 2, 2, 4)."""
    breakers = [_breaker(tb, prep) for tb in prep.inp.policy.tie_breakers]
    ordered = sorted(eligible, key=lambda w: (-w.total, w.position))
    blocks: list[list[OfferWork]] = []
    start = 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and ordered[end].total == ordered[start].total:
            end += 1
        group = ordered[start:end]
        if len(group) == 1:
            blocks.append(group)
        else:
            blocks.extend(_split(group, breakers, 0))
        start = end

    orders = {frozenset(order.offer_ids): order for order in prep.tie_orders}
    used: set[frozenset[str]] = set()
    steps: list[Step] = []
    unresolved: list[tuple[str, ...]] = []
    final: list[list[OfferWork]] = []
    position = 1
    for block in blocks:
        if len(block) == 1:
            final.append(block)
            block[0].rank = position
            position += 1
            continue
        ids = frozenset(w.offer.id for w in block)
        order = orders.get(ids)
        if order is not None:
            used.add(ids)
            by_id = {w.offer.id: w for w in block}
            listed = ", ".join(order.offer_ids)
            steps.append(
                Step(
                    "tie_order_applied",
                    {"offers": listed, "reason": order.reason, "rank": str(position)},
                )
            )
            for index, oid in enumerate(order.offer_ids):
                work = by_id[oid]
                work.rank = position
                work.flags.add(Flag.TIE_DECIDED)
                work.late_steps.append(
                    Step(
                        "tie_decided",
                        {"order": listed, "position": str(index + 1), "reason": order.reason},
                    )
                )
                final.append([work])
                position += 1
            continue
        group_ids = tuple(w.offer.id for w in block)
        unresolved.append(group_ids)
        steps.append(
            Step("unresolved_tie", {"offers": ", ".join(group_ids), "rank": str(position)})
        )
        for work in block:
            work.rank = position
            work.flags.add(Flag.TIE_UNRESOLVED)
            work.late_steps.append(
                Step(
                    "tie_unresolved",
                    {
                        "rank": str(position),
                        "others": ", ".join(i for i in group_ids if i != work.offer.id),
                    },
                )
            )
        final.append(block)
        position += len(block)
    for ids, order in orders.items():
        if ids not in used:
            steps.append(
                Step(
                    "tie_order_not_applicable",
                    {"offers": ", ".join(order.offer_ids), "reason": order.reason},
                )
            )
    for block in final:
        for work in block:
            work.late_steps.insert(
                0, Step("rank", {"rank": str(work.rank), "total": plain(work.total)})
            )
    return Ranking(blocks=final, unresolved=unresolved, steps=steps)


def _breaker(tie_breaker: TieBreaker, prep: Prepared) -> _Breaker:
    kind = tie_breaker.kind
    ref = tie_breaker.ref or ""
    if kind is TieBreakerKind.CRITERION or kind is TieBreakerKind.HIGHEST_WEIGHT:
        if kind is TieBreakerKind.HIGHEST_WEIGHT:
            heaviest = max(c.weight for c in prep.inp.criteria)
            # first in card order among equally heavy criteria
            ref = next(c.id for c in prep.inp.criteria if c.weight == heaviest)
        cid = ref
        return _Breaker(
            code="tie_" + kind.value,
            params={"criterion": cid},
            key=lambda w: -w.points[cid],
            shown=lambda w: plain(w.points[cid]),
        )
    if kind is TieBreakerKind.LOWER:
        return _Breaker(
            code="tie_lower",
            params={"field": ref},
            key=lambda w: w.offer.values[ref],
            shown=lambda w: plain(w.offer.values[ref]),
        )
    if kind is TieBreakerKind.HIGHER:
        return _Breaker(
            code="tie_higher",
            params={"field": ref},
            key=lambda w: -w.offer.values[ref],
            shown=lambda w: plain(w.offer.values[ref]),
        )
    return _Breaker(
        code="tie_earlier_submission",
        params={},
        key=lambda w: w.offer.submitted_at,
        shown=lambda w: w.offer.submitted_at.isoformat(),
    )


def _split(group: list[OfferWork], breakers: list[_Breaker], depth: int) -> list[list[OfferWork]]:
    """Order a tied group by the chain from ``depth`` on; returns blocks best first."""
    if len(group) == 1 or depth == len(breakers):
        return [group]
    breaker = breakers[depth]
    key = breaker.key
    keyed = sorted(((key(w), w.position, w) for w in group), key=lambda t: (t[0], t[1]))
    parts: list[list[OfferWork]] = []
    previous: _SortKey | None = None
    for value, _, work in keyed:
        if parts and value == previous:
            parts[-1].append(work)
        else:
            parts.append([work])
        previous = value
    if len(parts) > 1:
        _record(parts, breaker)
    blocks: list[list[OfferWork]] = []
    for part in parts:
        blocks.extend(_split(part, breakers, depth + 1))
    return blocks


def _record(parts: list[list[OfferWork]], breaker: _Breaker) -> None:
    flat = [w.offer.id for part in parts for w in part]
    start = 0
    for part in parts:
        end = start + len(part)
        behind = flat[max(0, start - _MAX_LISTED) : start]
        ahead = flat[end : end + _MAX_LISTED]
        for work in part:
            work.late_steps.append(
                Step(
                    breaker.code,
                    {
                        **breaker.params,
                        "total": plain(work.total),
                        "value": breaker.shown(work),
                        "ahead": ", ".join(ahead),
                        "ahead_count": str(len(flat) - end),
                        "behind": ", ".join(behind),
                        "behind_count": str(start),
                    },
                )
            )
        start = end
