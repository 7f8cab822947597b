"""Results are computed once per revision of the data and recomputed after any change, by
whichever connection (another process, another user) makes it."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import pytest

from app.db import Database
from app.models import CompetitionStatus
from app.scoring import compute_results
from app.services import score_entry, workflow
from app.services.base import Actor
from app.services.results import ResultsView, clear_cache, results
from app.services.specs import ScoreEntry
from tests.acceptance.fixture_loader import load_case, play
from tests.acceptance.test_acceptance_fixtures import FIXTURES

CASE = FIXTURES / "ngo-open-competition.json"


@pytest.fixture
def played(db: Database, actor: Actor, clock: Any) -> ResultsView:
    if not CASE.exists():
        pytest.fail(f"shared fixture {CASE} is missing")
    return play(load_case(CASE), db, actor, clock)


def test_unchanged_data_is_not_computed_again(db: Database, played: ResultsView) -> None:
    first = results(db, played.competition_id)
    assert results(db, played.competition_id) is first
    clear_cache()
    again = results(db, played.competition_id)
    assert again is not first
    assert again.results == first.results


def test_a_change_through_another_connection_is_seen(
    db: Database, db_url: str, actor: Actor, played: ResultsView
) -> None:
    cid = played.competition_id
    before = results(db, cid)
    assert before.status is CompetitionStatus.RESULTS
    other = Database.open(db_url, migrate=False)  # as another process would
    try:
        workflow.reopen_scoring(other, actor, cid, "korekta karty oceny")
        reopened = results(db, cid)
        assert reopened is not before
        assert reopened.status is CompetitionStatus.SCORING
        # a member lowers one score: the offer's total follows
        offer = next(o for o in before.results.offers if o.admitted and o.criteria)
        member = offer.counted_members[0]
        criterion = next(c for c in offer.criteria if c.score is not None and c.score > 0)
        score = next(
            s
            for s in before.input.scores
            if (s.member_id, s.offer_id, s.criterion_id)
            == (member, offer.offer_id, criterion.criterion_id)
        )
        card = next(c for c in before.input.criteria if c.id == criterion.criterion_id)
        lower = score.value - (card.step or Decimal(1))
        score_entry.record_scores(
            other, actor, cid, member, [ScoreEntry(offer.offer_id, criterion.criterion_id, lower)]
        )
    finally:
        other.dispose()
    after = results(db, cid)
    assert after is not reopened
    changed = next(s for s in after.input.scores if s == score._replace(value=lower))
    assert changed.value == lower
    assert after.results.offer(offer.offer_id).total < offer.total  # type: ignore[operator]
    assert after.results == compute_results(after.input)


def test_results_cross_a_process_boundary(db: Database, played: ResultsView) -> None:
    view = results(db, played.competition_id)
    copy = pickle.loads(pickle.dumps(view.results))
    assert copy == view.results
    assert copy.offers[0].member_totals == view.results.offers[0].member_totals
    why = view.explain(view.results.offers[0].offer_id)
    assert pickle.loads(pickle.dumps(why)) == why
