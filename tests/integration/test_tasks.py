"""Tasks, assigned evaluators and proposed amounts: the rules refuse bad input and write
nothing, and the exchange format carries the new data without loss."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.db import Database
from app.errors import UserError
from app.models import CompetitionStatus
from app.scoring.types import MemberRole
from app.services import call_setup, committee, registration, score_entry, tasks, workflow
from app.services.base import Actor
from app.services.exchange import export_competition, import_file
from app.services.queries import audit_trail
from app.services.specs import MemberSpec, ScoreEntry, TaskSpec
from app.services.task_results import task_results
from app.words import Words
from tests.acceptance.fixture_loader import load_case, play
from tests.builders import CRITERIA, DEADLINE, call, offer

D = Decimal

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"


def _fixtures() -> Path:
    return Path(os.environ.get("KOMISJA_FIXTURES") or FIXTURES)


V2 = sorted((_fixtures() / "v2").glob("*.json"))


def state(db: Database, competition_id: int) -> tuple[Any, ...]:
    """What a refused change must leave as it was: the data and the audit trail."""
    trail = audit_trail(db)
    return export_competition(db, competition_id), len(trail)


def refused(
    db: Database, competition_id: int, change: Callable[[], object], code: str
) -> UserError:
    before = state(db, competition_id)
    with pytest.raises(UserError) as caught:
        change()
    assert caught.value.code == code
    for lang in ("pl", "en"):
        text = caught.value.text(lang)
        assert text and "{" not in text and code not in text
    assert state(db, competition_id) == before
    return caught.value


def with_tasks(db: Database, actor: Actor, clock: Any) -> int:
    """An announced call with two tasks (Z1 60 000 zł, Z2 40 000 zł) and three members."""
    clock.set(DEADLINE - timedelta(days=31))
    cid = call_setup.create_competition(db, actor, call(budget=()))
    tasks.add_task(db, actor, cid, TaskSpec("Z1", "Kluby seniora", D("60000.00")))
    tasks.add_task(db, actor, cid, TaskSpec("Z2", "Wolontariat", D("40000.00")))
    call_setup.set_criteria(db, actor, cid, CRITERIA)
    for name, role in (
        ("Anna Wójcik", MemberRole.CHAIR),
        ("Piotr Zieliński", MemberRole.MEMBER),
        ("dr Jan Ekspert", MemberRole.EXPERT),
    ):
        committee.add_member(db, actor, cid, MemberSpec(name=name, role=role))
    for code in ("M1", "M2", "M3"):
        committee.sign_declaration(db, actor, cid, code, (DEADLINE - timedelta(days=31)).date())
    workflow.advance(db, actor, cid)
    return cid


def played(name: str, db: Database, actor: Actor, clock: Any) -> int:
    path = _fixtures() / "v2" / f"{name}.json"
    return play(load_case(path), db, actor, clock).competition_id


# -- bad input ----------------------------------------------------------------------------------


def test_a_task_without_budget_is_refused(db: Database, actor: Actor) -> None:
    cid = call_setup.create_competition(db, actor, call(budget=()))
    refused(
        db,
        cid,
        lambda: tasks.add_task(db, actor, cid, TaskSpec("Z1", "Zadanie", None)),
        "task_budget_required",
    )
    refused(
        db,
        cid,
        lambda: tasks.add_task(db, actor, cid, TaskSpec("Z1", "Zadanie", D("0.00"))),
        "task_budget_not_positive",
    )
    tasks.add_task(db, actor, cid, TaskSpec("Z1", "Zadanie", D("1000.00")))
    refused(
        db,
        cid,
        lambda: tasks.add_task(db, actor, cid, TaskSpec("Z1", "Inne", D("1.00"))),
        "task_code_taken",
    )
    refused(
        db,
        cid,
        lambda: tasks.update_task(db, actor, cid, "Z1", TaskSpec("Z1", "Zadanie", None)),
        "task_budget_required",
    )
    assert tasks.task_specs(db, cid) == (TaskSpec("Z1", "Zadanie", D("1000.00")),)


def test_an_offer_without_a_task_in_a_call_with_tasks_is_refused(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = with_tasks(db, actor, clock)
    spec = offer("Fundacja Alfa", 48, "40000.00")
    refused(db, cid, lambda: registration.add_offer(db, actor, cid, spec), "offer_task_required")
    unknown = dataclass_replace(spec, task="Z9")
    error = refused(db, cid, lambda: registration.add_offer(db, actor, cid, unknown), "not_found")
    assert "Z9" in error.text("pl")
    offer_id = registration.add_offer(db, actor, cid, dataclass_replace(spec, task="Z2"))
    assert registration.offer_spec(db, cid, offer_id).task == "Z2"


def dataclass_replace(spec: Any, **changes: Any) -> Any:
    return dataclasses.replace(spec, **changes)


def test_an_assignment_of_a_recused_or_unknown_member_is_refused(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = played("assigned-evaluators", db, actor, clock)
    workflow.reopen_scoring(db, actor, cid, "przydział do poprawy")
    refused(
        db,
        cid,
        lambda: tasks.assign_members(db, actor, cid, "P7", ["M2", "M3"]),
        "assignment_recused",
    )
    refused(db, cid, lambda: tasks.assign_members(db, actor, cid, "P1", ["M1", "M9"]), "not_found")
    refused(db, cid, lambda: tasks.assign_members(db, actor, cid, "X1", ["M1"]), "not_found")


def test_a_score_from_an_unassigned_member_is_refused(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = played("assigned-evaluators", db, actor, clock)
    workflow.reopen_scoring(db, actor, cid, "ocena do poprawy")
    refused(
        db,
        cid,
        lambda: score_entry.record_scores(db, actor, cid, "M3", [ScoreEntry("P1", "A", D("10"))]),
        "member_not_assigned",
    )
    # an assigned member may still correct a score
    score_entry.record_scores(db, actor, cid, "M1", [ScoreEntry("P1", "A", D("15"))])


def test_a_proposed_amount_above_the_request_or_below_zero_is_refused(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = played("proposed-amounts", db, actor, clock)
    assert task_results(db, cid).offer("R1").award == D("32000.00")
    refused(
        db,
        cid,
        lambda: tasks.set_proposed_amount(db, actor, cid, "R1", D("40000.01")),
        "proposed_above_request",
    )
    refused(
        db,
        cid,
        lambda: tasks.set_proposed_amount(db, actor, cid, "R1", D("-0.01")),
        "proposed_negative",
    )
    # back to the request: the award follows
    tasks.set_proposed_amount(db, actor, cid, "R1", None)
    assert task_results(db, cid).offer("R1").award == D("40000.00")


def test_assigning_replaces_the_set_and_withdraws_scores_of_members_who_leave(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = played("assigned-evaluators", db, actor, clock)
    workflow.reopen_scoring(db, actor, cid, "zmiana przydziału")
    tasks.assign_members(db, actor, cid, "P6", ["M1", "M2", "M4"])
    document = export_competition(db, cid)
    p6 = next(o for o in document["offers"] if o["code"] == "P6")
    assert p6["assigned_members"] == ["M1", "M2", "M4"]
    tasks.assign_members(db, actor, cid, "P6", ["M1"])
    scored = {s["member"] for s in export_competition(db, cid)["scores"] if s["offer"] == "P6"}
    assert scored == {"M1"}
    listed = {a.offer_code: a for a in tasks.assignments(db, cid)}
    assert listed["P7"].member_codes == ("M2", "M3", "M5")
    assert listed["P7"].counted_codes == ("M2", "M5")  # M3 recused


# -- exchange -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", V2, ids=[p.stem for p in V2])
def test_v2_competitions_round_trip_through_the_exchange_format(
    path: Path, db: Database, actor: Actor, clock: Any, tmp_path: Path
) -> None:
    cid = play(load_case(path), db, actor, clock).competition_id
    document = export_competition(db, cid)
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        file = tmp_path / "c.json"
        file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        again = import_file(other, actor, file)
        assert export_competition(other, again) == document
        assert task_results(other, again).tasks == task_results(db, cid).tasks
    finally:
        other.dispose()


def test_an_exchange_document_without_the_new_keys_still_imports(
    db: Database, actor: Actor, clock: Any, tmp_path: Path
) -> None:
    cid = played("proposed-amounts", db, actor, clock)
    document = export_competition(db, cid)
    document.pop("tasks")
    for item in document["offers"]:
        for key in ("task", "proposed_amount", "assigned_members"):
            item.pop(key)
    document["competition"]["uid"] = "00000000-0000-4000-8000-000000000001"
    file = tmp_path / "old.json"
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    again = import_file(db, actor, file)
    assert task_results(db, again).offer("R1").award == D("40000.00")  # no proposal


BAD_DOCUMENTS: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (lambda d: d["offers"][0].update(task=None), "offer_task_required"),
    (lambda d: d["offers"][0].update(task="Z9"), "Z9"),
    (lambda d: d["tasks"][0].update(budget="0.00"), "task_budget_not_positive"),
    (lambda d: d["offers"][0].update(proposed_amount="99999999.00"), "proposed_above_request"),
    (lambda d: d["offers"][0].update(assigned_members=["M9"]), "M9"),
]


@pytest.mark.parametrize(("change", "needle"), BAD_DOCUMENTS, ids=[n for _, n in BAD_DOCUMENTS])
def test_bad_task_data_in_an_exchange_document_is_refused(
    db: Database,
    actor: Actor,
    clock: Any,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    needle: str,
) -> None:
    cid = played("multi-task-call", db, actor, clock)
    document = export_competition(db, cid)
    document["competition"]["uid"] = "00000000-0000-4000-8000-000000000002"
    change(document)
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = len(audit_trail(db))
    with pytest.raises(UserError) as caught:
        import_file(db, actor, file)
    assert caught.value.code == "exchange_invalid"
    detail = caught.value.params["detail"]
    assert isinstance(detail, Words)
    code = detail.code.partition(".")[2]
    assert needle in (code, caught.value.text("en")) or needle in detail.text("en"), (
        caught.value.text("en")
    )
    assert len(audit_trail(db)) == before
    assert task_results(db, cid).status is CompetitionStatus.RESULTS


def test_an_offer_with_assigned_members_is_not_removed(
    db: Database, actor: Actor, clock: Any
) -> None:
    cid = with_tasks(db, actor, clock)
    spec = dataclass_replace(offer("Fundacja Alfa", 48, "40000.00"), task="Z1")
    offer_id = registration.add_offer(db, actor, cid, spec)
    tasks.assign_members(db, actor, cid, "O1", ["M1", "M2"])
    error = refused(
        db, cid, lambda: registration.remove_offer(db, actor, cid, offer_id), "offer_referred"
    )
    assert "przydział" in error.text("pl")
    tasks.assign_members(db, actor, cid, "O1", [])
    registration.remove_offer(db, actor, cid, offer_id)
