"""Building explanation steps.

One competition of 2 000 offers produces over a hundred thousand steps, so they are built here,
in one place, where their cost is kept down.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from types import MappingProxyType

from app.scoring.types import CriterionResult, Score, Step

_new = object.__new__


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


def make_criterion_result(
    *,
    criterion_id: str,
    score: Decimal | None,
    points: Decimal,
    points_exact: Decimal,
    threshold_passed: bool | None,
    counted_members: tuple[str, ...],
    steps: tuple[Step, ...],
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
