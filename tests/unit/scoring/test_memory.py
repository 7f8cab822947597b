"""Letting go of a large result piece by piece frees exactly what plain reference counting
would, and in steps small enough to interleave with a GUI thread's events."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cached_property

from app.scoring.memory import release_gradually, release_in_steps


class Leaf:
    """A small object that can be watched with a weak reference."""


@dataclass(frozen=True)
class Offer:
    criteria: tuple[Leaf, ...]
    notes: dict[str, Leaf] = field(default_factory=dict)

    @cached_property
    def summary(self) -> Leaf:
        return Leaf()


@dataclass(frozen=True)
class Results:
    offers: tuple[Offer, ...]
    rows: list[Leaf]


def _tree(offers: int = 300, criteria: int = 15, rows: int = 20_000) -> Results:
    return Results(
        offers=tuple(
            Offer(tuple(Leaf() for _ in range(criteria)), {"a": Leaf()}) for _ in range(offers)
        ),
        rows=[Leaf() for _ in range(rows)],
    )


def _watch(results: Results) -> list[weakref.ref[Leaf]]:
    watched = [weakref.ref(leaf) for offer in results.offers for leaf in offer.criteria]
    watched += [weakref.ref(offer.summary) for offer in results.offers]  # cached property
    watched += [weakref.ref(leaf) for offer in results.offers for leaf in offer.notes.values()]
    watched += [weakref.ref(leaf) for leaf in results.rows]
    return watched


def test_everything_nobody_else_holds_is_freed() -> None:
    results = _tree()
    watched = _watch(results)
    kept = results.offers[7].criteria[3]  # someone else still holds this one
    box = [results]
    del results
    release_gradually(box)
    assert box == []
    alive = [ref() for ref in watched if ref() is not None]
    assert alive == [kept]


def test_the_steps_are_small_and_free_everything_in_the_end() -> None:
    results = _tree()
    watched = _watch(results)
    box = [results]
    del results
    freed_per_step = []
    before = len(watched)
    for _ in release_in_steps(box, depth=3):
        now = sum(1 for ref in watched if ref() is not None)
        freed_per_step.append(before - now)
        before = now
    assert all(ref() is None for ref in watched)
    assert len(freed_per_step) > 10  # in many steps, not at once
    # no step frees more than a few thousand watched objects (a slice of the long list, or a
    # few hundred offers' worth); freed at once they would be 25,000
    assert max(freed_per_step) <= 5_000


def test_shallow_release_still_frees_everything() -> None:
    results = _tree(offers=5, rows=10)
    watched = _watch(results)
    box = [results]
    del results
    release_gradually(box, depth=1)
    assert all(ref() is None for ref in watched)
