"""The audit trail: every change recorded with who, when, before and after; tampering detected."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from app.cli import main
from app.db import Database
from app.errors import UserError
from app.models import Offer
from app.services import call_setup, registration, score_entry
from app.services.base import Actor
from app.services.maintenance import verify
from app.services.queries import audit_page, audit_trail
from app.services.specs import ScoreEntry
from tests.builders import announced, call, offer, to_scoring


def test_every_change_is_recorded_with_before_and_after(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_scoring(db, actor, clock)
    cid = built.competition_id
    score_entry.record_scores(
        db,
        Actor("Sekretarz Ola", member="M2"),
        cid,
        "M2",
        [ScoreEntry("O1", "K1", Decimal("7"), "pierwsza ocena")],
    )
    score_entry.record_scores(
        db,
        Actor("Sekretarz Ola", member="M2"),
        cid,
        "M2",
        [ScoreEntry("O1", "K1", Decimal("7.5"), "po namyśle")],
    )
    entries = audit_trail(db, competition_id=cid, object_type="Score")
    assert [e.action for e in entries] == ["create", "update"]
    change = entries[-1]
    assert change.operator == "Sekretarz Ola" and change.acting_member == "M2"
    assert json.loads(change.before) == {"justification": "pierwsza ocena", "value": "7"}
    assert json.loads(change.after)["value"] == "7.5"
    score_entry.delete_score(db, Actor("Sekretarz Ola", member="M2"), cid, "M2", "O1", "K1")
    entries = audit_trail(db, competition_id=cid, object_type="Score")
    assert [e.action for e in entries] == ["create", "update", "delete"]
    assert json.loads(entries[-1].before)["value"] == "7.5"
    assert verify(db).ok


def test_a_change_without_an_operator_is_refused(db: Database) -> None:
    with pytest.raises(UserError) as caught:
        call_setup.create_competition(db, Actor(""), call())
    assert caught.value.code == "operator_missing"


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        (
            "UPDATE audit_entry SET after = replace(after, 'Konkurs', 'Konkurz') WHERE seq = 1",
            "modified",
        ),
        ("DELETE FROM audit_entry WHERE seq = 3", "deleted"),
        ("UPDATE audit_entry SET operator = 'Ktoś inny' WHERE seq = 5", "modified"),
    ],
)
def test_tampering_is_detected_and_the_entry_named(
    db: Database, actor: Actor, tamper: str, problem: str
) -> None:
    call_setup.create_competition(db, actor, call())
    call_setup.create_competition(db, actor, call(title="Drugi konkurs"))
    assert verify(db).ok
    with db.engine.begin() as connection:
        connection.execute(text(tamper))
    report = verify(db)
    assert not report.ok
    assert report.chain.problem == problem
    seq = int(tamper.split("seq = ")[1])
    assert report.chain.first_broken == seq
    assert f"wpisu nr {seq}" in report.lines("pl")[0]


def test_swapped_entries_are_detected(db: Database, actor: Actor) -> None:
    call_setup.create_competition(db, actor, call())
    with db.engine.begin() as connection:
        rows = connection.execute(
            text(
                "SELECT seq, after, hash, prev_hash FROM audit_entry "
                "WHERE seq IN (2, 3) ORDER BY seq"
            )
        ).all()
        for (seq, *_), (_, after, digest, prev) in zip(rows, reversed(rows), strict=True):
            connection.execute(
                text("UPDATE audit_entry SET after=:a, hash=:h, prev_hash=:p WHERE seq=:s"),
                {"a": after, "h": digest, "p": prev, "s": seq},
            )
    report = verify(db)
    assert not report.ok and report.chain.first_broken == 2


def test_cutting_off_the_newest_entries_is_detected(db: Database, actor: Actor) -> None:
    call_setup.create_competition(db, actor, call())
    with db.engine.begin() as connection:
        last = connection.execute(text("SELECT max(seq) FROM audit_entry")).scalar()
        connection.execute(text("DELETE FROM audit_entry WHERE seq = :s"), {"s": last})
    report = verify(db)
    assert not report.ok and report.chain.problem == "head_mismatch"


@pytest.mark.sqlite_only
def test_verify_command_fails_and_names_the_entry(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    call_setup.create_competition(db, actor, call())
    path = db.sqlite_path
    assert path is not None
    assert main(["verify", "--db", str(path)]) == 0
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE audit_entry SET object_id = '99' WHERE seq = 2"))
    capsys.readouterr()
    assert main(["verify", "--db", str(path), "--lang", "en"]) == 1
    assert "BROKEN at entry #2" in capsys.readouterr().err


def test_a_figure_taken_off_an_offer_is_recorded_as_deleted(
    db: Database, actor: Actor, clock: Any
) -> None:
    # Removing a row from a list (the delete-orphan cascade) must reach the trail as a
    # deletion, with its competition, like a row deleted directly.
    cid = announced(db, actor, clock)
    spec = offer("Fundacja Figura", 5, "1000.00")
    spec = dataclasses.replace(spec, values=(("price", Decimal("900")), ("years", Decimal("4"))))
    offer_id = registration.add_offer(db, actor, cid, spec)
    registration.update_offer(
        db, actor, cid, offer_id, dataclasses.replace(spec, values=(("price", Decimal("900")),))
    )
    deleted = [e for e in audit_trail(db, competition_id=cid) if e.object_type == "OfferValue"]
    assert [e.action for e in deleted] == ["create", "create", "delete"]
    assert json.loads(deleted[-1].before)["field"] == "years"
    assert verify(db).ok


def test_children_deleted_with_their_parent_keep_their_competition(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = announced(db, actor, clock)
    spec = dataclasses.replace(
        offer("Fundacja Rodzic", 5, "1000.00"), values=(("price", Decimal("900")),)
    )
    offer_id = registration.add_offer(db, actor, cid, spec)
    with db.unit_of_work(actor.operator) as session:
        session.delete(session.get(Offer, offer_id))
    entries = [
        e
        for e in audit_trail(db, competition_id=cid)
        if e.action == "delete" and e.object_type in ("Offer", "OfferValue")
    ]
    assert sorted(e.object_type for e in entries) == ["Offer", "OfferValue"]
    assert verify(db).ok


def test_the_audit_page_reads_the_newest_entries_and_counts_the_rest(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_scoring(db, actor, clock)
    cid = built.competition_id
    everything = audit_trail(db, competition_id=cid)
    page = audit_page(db, limit=5, competition_id=cid)
    assert page.total == len(everything) > 5
    assert page.rows == everything[-5:]  # the newest five, oldest first
    assert page.types == tuple(sorted({e.object_type for e in everything}))
    offers = audit_page(db, limit=1000, competition_id=cid, object_type="Offer")
    assert offers.rows == [e for e in everything if e.object_type == "Offer"]
    assert offers.total == len(offers.rows)
    assert offers.types == page.types  # the type list ignores the type filter
    nobody = audit_page(db, limit=5, competition_id=cid, person="Nikt Taki")
    assert (nobody.rows, nobody.total, nobody.types) == ([], 0, ())
