"""The scores the results are computed from are exactly the stored ones, whatever ids the
competition's members and criteria have."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Criterion, Member, Offer, Score
from app.services.base import Actor
from app.services.results import clear_cache, results
from tests.acceptance.fixture_loader import load_case, play
from tests.acceptance.test_acceptance_fixtures import FIXTURES

CASE = FIXTURES / "ngo-open-competition.json"


def test_scores_are_read_as_stored_for_a_later_competition(
    db: Database, actor: Actor, clock: Any
) -> None:
    if not CASE.exists():
        pytest.fail(f"shared fixture {CASE} is missing")
    case = load_case(CASE)
    first = play(case, db, actor, clock)
    second = play(case, db, actor, clock)  # its ids follow the first competition's
    assert second.competition_id != first.competition_id
    clear_cache()
    for cid in (first.competition_id, second.competition_id):
        with db.read() as session:
            stored = {
                (member, offer, criterion, value)
                for member, offer, criterion, value in session.execute(
                    select(Member.code, Offer.code, Criterion.code, Score.value)
                    .join(Member, Member.id == Score.member_id)
                    .join(Offer, Offer.id == Score.offer_id)
                    .join(Criterion, Criterion.id == Score.criterion_id)
                    .where(Score.competition_id == cid)
                )
            }
        read = {
            (s.member_id, s.offer_id, s.criterion_id, s.value)
            for s in results(db, cid).input.scores
        }
        assert stored
        assert read == stored
