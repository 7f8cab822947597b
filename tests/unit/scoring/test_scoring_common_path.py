"""The engine's fast ways give exactly what its general way gives.

Scores read from the database come grouped by offer and criterion (``ScoreTable.from_groups``)
and are used as they are; an offer that every counted member scored in full, with no agreed
score, is computed a criterion at a time in integers (``OfferEvaluator._evaluate_dense``).
Both must give the very results — numbers, flags, members' totals and explanations — of the
scores given one by one and of the offer computed criterion by criterion.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scoring_builders import competition, d, members, offer, scored, scores
from test_scoring_bulk_paths import _error, _everything, _plain_fingerprint
from test_scoring_properties import PROPERTY_SETTINGS, competitions

from app.scoring import (
    CompetitionInput,
    Criterion,
    CriterionKind,
    Member,
    MemberRole,
    Score,
    ScoreTable,
    compute_results,
)
from app.scoring.aggregate import OfferEvaluator, OfferWork
from app.scoring.rounding import ENGINE_CONTEXT
from app.scoring.steps import Lazy
from app.scoring.validation import prepare
from app.services.results import fingerprint


def _grouped(inp: CompetitionInput) -> CompetitionInput:
    """The same input with its scores grouped by (offer, criterion), then member."""
    groups: dict[tuple[str, str], dict[str, Decimal]] = {}
    for s in inp.scores:
        groups.setdefault((s.offer_id, s.criterion_id), {})[s.member_id] = s.value
    return dataclasses.replace(inp, scores=ScoreTable.from_groups(groups))


@st.composite
def varied(draw: st.DrawFn) -> CompetitionInput:
    """A generated competition, sometimes with an advisory expert who scores too, a YES_NO
    criterion the members vote on, and scores left out."""
    inp = draw(competitions())
    criteria = list(inp.criteria)
    committee = list(inp.members)
    extra: list[Score] = []
    if draw(st.booleans()):
        criteria.insert(0, Criterion("T", "Zgodność", CriterionKind.YES_NO, d("0")))
        extra += [
            Score(m.id, o.id, "T", Decimal(draw(st.integers(0, 1))))
            for o in inp.offers
            for m in committee
            if o.admitted and draw(st.integers(0, 9)) > 0
        ]
    if draw(st.booleans()):
        committee.append(Member("E", "Ekspert", MemberRole.EXPERT))
        first = {(s.offer_id, s.criterion_id): s.value for s in reversed(inp.scores)}
        extra += [
            Score("E", offer_id, criterion_id, value)
            for (offer_id, criterion_id), value in first.items()
            if draw(st.integers(0, 3)) > 0
        ]
    recused = {(c.member_id, c.offer_id) for c in inp.conflicts}
    kept = [s for s in inp.scores if draw(st.integers(0, 19)) > 0]
    return dataclasses.replace(
        inp,
        criteria=tuple(criteria),
        members=tuple(committee),
        scores=tuple(kept) + tuple(s for s in extra if (s.member_id, s.offer_id) not in recused),
    )


def _work(work: OfferWork) -> tuple[object, ...]:
    """Everything an offer's work holds but its own explanation (written by the general way),
    the criteria's explanations written out."""
    return (
        work.offer,
        work.position,
        [(c, list(c.steps)) for c in work.criteria],
        list(work.points.items()),
        work.total,
        work.unscaled_total,
        work.eligible,
        work.flags,
        work.counted,
        list(work.excluded.items()),
        list(work.member_totals.items()),
        work.spread,
    )


def _both_ways(inp: CompetitionInput) -> tuple[int, int]:
    """Every admitted offer computed both ways; (offers, offers the common way took)."""
    taken = offers = 0
    with localcontext(ENGINE_CONTEXT):
        evaluator = OfferEvaluator(prepare(inp))
        for position, o in enumerate(inp.offers):
            if not o.admitted:
                continue
            offers += 1
            fast = evaluator._evaluate_dense(o, position)
            if fast is not None:
                taken += 1
                general = evaluator._evaluate(o, position, None)
                for one, other in zip(_work(fast), _work(general), strict=True):
                    assert one == other
                # explanations: the offer's, from the general way, against its numbers
                assert [str(x) for x in (fast.total, fast.spread)] == [
                    str(x) for x in (general.total, general.spread)
                ]
    return offers, taken


@PROPERTY_SETTINGS
@given(varied())
def test_the_common_way_gives_what_the_general_way_gives(inp: CompetitionInput) -> None:
    _both_ways(inp)


@PROPERTY_SETTINGS
@given(varied())
def test_grouped_scores_give_the_same_results_and_fingerprint(inp: CompetitionInput) -> None:
    plain = compute_results(inp)
    grouped = _grouped(inp)
    assert isinstance(grouped.scores, ScoreTable)
    assert sorted(grouped.scores, key=repr) == sorted(inp.scores, key=repr)
    assert len(grouped.scores) == len(inp.scores)
    result = compute_results(grouped)
    assert _everything(result) == _everything(plain)
    assert fingerprint("u", grouped, result) == _plain_fingerprint("u", inp, plain)


def _full() -> CompetitionInput:
    return competition(
        [
            Criterion("T", "Zgodność", CriterionKind.YES_NO, d("0")),
            scored("K", top="10", step="0.5", min_score="4"),
            scored("L", top="5", step="1"),
        ],
        members("M1", "M2", "M3", "E", expert=["E"]),
        [offer("A"), offer("B", minutes=5), offer("C", minutes=9)],
        scores(
            {
                "A": {
                    "T": {"M1": "1", "M2": "1", "M3": "0"},
                    "K": {"M1": "7", "M2": "8.5", "M3": "6", "E": "2"},
                    "L": {"M1": "4", "M2": "5", "M3": "3"},
                },
                "B": {
                    "T": {"M1": "0", "M2": "0", "M3": "1"},
                    "K": {"M1": "3", "M2": "3.5", "M3": "4"},
                    "L": {"M1": "2", "M2": "5", "M3": "5"},
                },
                "C": {  # M3 left L out: the general way
                    "T": {"M1": "1", "M2": "1", "M3": "1"},
                    "K": {"M1": "9", "M2": "9", "M3": "9.5"},
                    "L": {"M1": "5", "M2": "4"},
                },
            }
        ),
    )


def test_offers_scored_in_full_take_the_common_way_and_the_others_do_not() -> None:
    inp = _full()
    assert _both_ways(inp) == (3, 2)
    res = {o.offer_id: o for o in compute_results(_grouped(inp)).offers}
    # A: passes; B: the members voted no and K's mean (3.5) is under its threshold (4)
    assert res["A"].eligible and not res["B"].eligible
    assert {f.value for f in res["B"].flags} >= {
        "formal_criterion_failed",
        "criterion_threshold_failed",
    }
    # each member's own total, written without trailing zeros (7 + 4, 8.5 + 5, 6 + 3)
    assert [str(v) for v in res["A"].member_totals.values()] == ["11", "13.5", "9"]
    assert "incomplete_scores" in {f.value for f in res["C"].flags}


def test_a_score_with_more_places_than_the_units_hold_takes_the_general_way() -> None:
    inp = competition(
        [scored("K", top="1", step="0.000000000000000000000000000001")],
        members("M1", "M2"),
        [offer("A")],
        scores({"A": {"K": {"M1": "0.000000000000000000000000000001", "M2": "0.5"}}}),
    )
    assert _both_ways(inp) == (1, 0)
    assert compute_results(_grouped(inp)).offers[0].criteria[0].score is not None


@pytest.mark.parametrize(
    "bad",
    [
        Score("M1", "B", "L", d("2.5")),  # off the step
        Score("M7", "A", "L", d("5")),  # unknown member
        Score("M1", "Z", "L", d("5")),  # unknown offer
        Score("M1", "A", "Q", d("5")),  # unknown criterion
        Score("M1", "B", "L", 3),  # type: ignore[arg-type]  # not a Decimal
        Score("M1", "B", "L", Decimal("sNaN")),
    ],
)
def test_grouped_scores_fail_as_the_same_scores_one_by_one(bad: Score) -> None:
    inp = _full()
    inp = dataclasses.replace(inp, scores=tuple(s for s in inp.scores if s.offer_id != "B"))
    grouped = _grouped(dataclasses.replace(inp, scores=(*inp.scores, bad)))
    assert _error(grouped) == _error(dataclasses.replace(inp, scores=tuple(grouped.scores)))


def test_an_empty_group_is_as_if_it_were_not_there() -> None:
    inp = _full()
    groups = {key: dict(value) for key, value in _grouped(inp).scores.groups.items()}  # type: ignore[union-attr]
    del groups["A", "L"]
    without = compute_results(dataclasses.replace(inp, scores=ScoreTable.from_groups(groups)))
    groups["A", "L"] = {}
    empty = compute_results(dataclasses.replace(inp, scores=ScoreTable.from_groups(groups)))
    assert _everything(empty) == _everything(without)
    assert "incomplete_scores" in {f.value for f in empty.offers[0].flags}


@pytest.mark.parametrize("first", ["A", "B"])
def test_a_means_sum_is_written_from_the_offers_own_scores(first: str) -> None:
    # equal sums written differently (7.5 + 8.5 = 16.0, 8 + 8 = 16) share their arithmetic,
    # never their text, whichever offer comes first
    listed = [offer("A"), offer("B", minutes=5)]
    inp = competition(
        [scored("K")],
        members("M1", "M2"),
        listed if first == "A" else listed[::-1],
        scores({"A": {"K": {"M1": "7.5", "M2": "8.5"}}, "B": {"K": {"M1": "8", "M2": "8"}}}),
    )
    sums = {
        o.offer_id: [s.params["sum"] for s in o.criteria[0].steps if s.code == "mean"]
        for o in compute_results(inp).offers
    }
    assert sums == {"A": ["16.0"], "B": ["16"]}


def test_a_lazy_tuple_is_made_once_when_first_read() -> None:
    calls: list[int] = []

    def build(start: int) -> tuple[int, ...]:
        calls.append(start)
        return (start, start + 1)

    lazy = Lazy(build, 1)
    assert calls == []
    assert lazy == (1, 2)
    assert (list(lazy), lazy[1], lazy[:1], len(lazy)) == ([1, 2], 2, (1,), 2)
    assert calls == [1]


def test_threads_reading_lazy_tuples_at_once_all_get_them() -> None:
    # a results screen and a protocol export may read the same offer's criteria together
    lazies = [Lazy(lambda n: tuple(range(n)), n % 7 + 1) for n in range(3000)]
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for n, lazy in enumerate(lazies):
                assert len(lazy) == n % 7 + 1
        except BaseException as error:  # reported below, from the main thread
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=read) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []


def test_an_offers_criterion_results_are_made_when_first_read() -> None:
    res = compute_results(_full())
    lazy = res.offer("A").criteria
    assert isinstance(lazy, Lazy)
    assert [c.criterion_id for c in lazy] == ["T", "K", "L"]
    assert [str(c.points) for c in lazy] == ["0.00", "7.17", "4.00"]
