"""Building explanation steps.

One competition of 2 000 offers produces over a hundred thousand steps, so they are built here,
in one place, where their cost is kept down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, localcontext
from types import MappingProxyType
from typing import Any, TypeVar, overload

from app.scoring.memory import no_cyclic_gc
from app.scoring.rounding import ENGINE_CONTEXT
from app.scoring.types import CriterionResult, Score, Step

_new = object.__new__
T = TypeVar("T")


def make_step(code: str, params: dict[str, str]) -> Step:
    """A step with a code listed in ``app.scoring.codes``; takes ownership of ``params``.

    ``Step.__init__`` copies the parameters into a fresh read-only mapping, which costs more
    than all the arithmetic of a criterion; the engine always passes a dict it has just built
    and never touches again, so the step is assembled directly in the same final state.
    """
    step: Step = _new(Step)
    fields = step.__dict__
    fields["code"] = code
    fields["params"] = MappingProxyType(params)
    return step


class Lazy(Sequence[T]):
    """A tuple made when it is first read.

    The engine records the function that makes the items and the values it needs (all
    immutable, fixed when the result was computed); the items are made — in the engine's
    decimal context — on first access, then kept.  Reading it gives exactly the items an
    eager engine would have made; it compares equal to the tuple of those items.
    """

    __slots__ = ("_items", "_recipe")

    def __init__(self, build: Callable[..., tuple[T, ...]], *args: Any) -> None:
        # one attribute, so a thread reading it sees the function and its values together
        self._recipe: tuple[Callable[..., tuple[T, ...]], tuple[Any, ...]] | None = (build, args)
        self._items: tuple[T, ...] | None = None

    def _get(self) -> tuple[T, ...]:
        items = self._items
        if items is None:
            recipe = self._recipe
            if recipe is None:  # made meanwhile by another thread (items are set first)
                items = self._items
                assert items is not None
                return items
            build, args = recipe
            # the engine's context, and the collector kept out as while the engine runs
            with no_cyclic_gc(), localcontext(ENGINE_CONTEXT):
                items = build(*args)
            self._items = items
            self._recipe = None  # the inputs are no longer needed
        return items

    def __len__(self) -> int:
        return len(self._get())

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self._get()[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self._get())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return self._get() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._get())

    def __repr__(self) -> str:
        return repr(self._get())


class LazySteps(Lazy[Step]):
    """An explanation written out when it is first read.

    A large competition explains thirty thousand criterion results, and writing every line of
    text took longer than all the arithmetic; a screen shows one offer's explanation at a time.
    """

    __slots__ = ()


def make_criterion_result(
    *,
    criterion_id: str,
    score: Decimal | None,
    points: Decimal,
    points_exact: Decimal,
    threshold_passed: bool | None,
    counted_members: tuple[str, ...],
    steps: Sequence[Step],
) -> CriterionResult:
    """A ``CriterionResult`` built without the frozen dataclass's per-field ``__setattr__``.

    Thirty thousand of them per large competition; the state is exactly what ``__init__``
    would produce (the class has no ``__post_init__``).
    """
    result: CriterionResult = _new(CriterionResult)
    result.__dict__.update(
        criterion_id=criterion_id,
        score=score,
        points=points,
        points_exact=points_exact,
        threshold_passed=threshold_passed,
        counted_members=counted_members,
        steps=steps,
    )
    return result


def make_scores(rows: Iterable[tuple[str, str, str, Decimal]]) -> tuple[Score, ...]:
    """``Score`` rows from (member, offer, criterion, value) tuples, built in bulk.

    A quarter of a million of them are read from the database for a large competition; the
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which costs
    more than reading the row.  The state is exactly what ``__init__`` would produce.
    """
    scores: list[Score] = []
    append = scores.append
    for member_id, offer_id, criterion_id, value in rows:
        score: Score = _new(Score)
        score.__dict__.update(
            member_id=member_id, offer_id=offer_id, criterion_id=criterion_id, value=value
        )
        append(score)
    return tuple(scores)
