"""What the worker process makes for the screens (``app.ui.results_data``,
``app.ui.scoring_data``, ``app.ui.screen_reads``): it imports no Qt, and it carries the
service's numbers unchanged, formatted for the screen's language."""

from __future__ import annotations

import pickle
import subprocess
import sys
from decimal import Decimal

from app.services import protocol
from app.services import results as results_service
from app.services.base import Actor
from app.ui.results_data import explain_offer, read_results
from app.ui.scoring_data import card_set_aside, read_scoring
from app.ui.screen_reads import read_protocol
from tests import builders

WORKER_MODULES = (
    "app.ui.worker",
    "app.ui.results_data",
    "app.ui.scoring_data",
    "app.ui.screen_reads",
)


def test_what_the_worker_runs_imports_no_qt() -> None:
    """The worker starts without Qt: the modules it runs import none of it."""
    blocked = "import sys; sys.modules['PySide6'] = None; " + "; ".join(
        f"import {name}" for name in WORKER_MODULES
    )
    subprocess.run([sys.executable, "-c", blocked], check=True)


def test_the_ranking_rows_carry_the_results_formatted(db, actor, clock) -> None:  # type: ignore[no-untyped-def]
    built = builders.to_results(db, actor, clock)
    cid = built.competition_id
    screen = read_results(db.url, cid, "pl")
    view = results_service.results(db, cid)
    assert [row.offer_id for row in screen.rows] == [o.offer_id for o in view.results.offers]
    for row in screen.rows:
        offer = view.results.offer(row.offer_id)
        assert row.rank == offer.rank and row.award == offer.award
        total = row.texts[len(screen.criteria)]
        if offer.admitted:
            assert offer.total is not None
            assert total == f"{offer.total:.2f}".replace(".", ",")
        else:
            assert total is None  # the screen words "rejected"
        assert set(row.flags) == {flag.value for flag in offer.flags}
    # rows and figures are plain tuples: they cross to the GUI's process as they are
    assert pickle.loads(pickle.dumps(screen)) == screen
    assert all(type(flag) is str for row in screen.rows for flag in row.flags)


def test_an_explanation_is_worded_from_the_results_on_screen(db, actor, clock) -> None:  # type: ignore[no-untyped-def]
    built = builders.to_results(db, actor, clock)
    cid = built.competition_id
    screen = read_results(db.url, cid, "en")
    first = screen.rows[0].offer_id
    kept = explain_offer(db.url, cid, screen.token, first, None, True, "en")
    assert kept.criterion is None and kept.criterion_lines and kept.lines
    assert kept.member_totals
    # results no longer kept (another competition read, a new worker): computed again
    again = explain_offer(db.url, cid, "not-kept", first, None, True, "en")
    assert again == kept
    criterion = screen.criteria[0]
    one = explain_offer(db.url, cid, screen.token, first, criterion.id, False, "en")
    assert one.criterion == (criterion.id, criterion.name) and one.scored


def test_another_members_card_is_read_against_the_data_without_its_card(db, actor, clock) -> None:  # type: ignore[no-untyped-def]
    built = builders.to_results(db, actor, clock)
    cid = built.competition_id
    office = Actor(operator="t")
    data, progress = read_scoring(db.url, office, cid, "en", "M1", None)
    assert data.card_member == "M1" and data.scores["M1"]
    aside = card_set_aside(data)
    assert aside.scores == {}  # what is sent to the worker holds no card
    other, progress_after = read_scoring(db.url, office, cid, "en", "M2", aside)
    assert other.card_member == "M2" and set(other.scores) == {"M2"}
    assert progress_after == progress
    assert all(isinstance(v, Decimal) for v, _j in other.scores["M2"].values())


def test_the_protocol_screen_gets_the_competition_without_its_offers(db, actor, clock) -> None:  # type: ignore[no-untyped-def]
    built = builders.to_results(db, actor, clock)
    detail, blockers, versions = read_protocol(db.url, built.competition_id, "en")
    assert detail.offers == () and detail.members
    assert blockers == protocol.protocol_blockers(db, built.competition_id, "en")
    assert versions == []
