"""Plays a ``komisja-acceptance-case/1`` or ``/2`` file through the service layer as a real
competition.

Nothing here calls the scoring engine: the competition is created, announced, filled with
offers (each in its task), assigned, checked, scored and closed through ``app.services`` exactly
as the GUI does it, proposed amounts are recorded, and the results come from
``app.services.task_results.task_results`` (task by task; for a call without tasks, the same
numbers as ``app.services.results.results``, which the test checks).  Any key or value the
loader does not understand fails the test.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.db import Database
from app.models import CheckAnswer, CompetitionKind
from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    MemberRole,
    RoundingStage,
    ThresholdBasis,
    TieBreakerKind,
)
from app.services import (
    call_setup,
    committee,
    formal_check,
    registration,
    score_entry,
    tasks,
    workflow,
)
from app.services.base import Actor
from app.services.results import ResultsView, results
from app.services.specs import (
    ApplicantSpec,
    BandSpec,
    CallSpec,
    CriterionSpec,
    MemberSpec,
    OfferSpec,
    PolicySpec,
    ScoreEntry,
    TaskSpec,
    TieBreakerSpec,
)
from app.services.task_results import TaskResultsView, task_results

FORMATS = {"komisja-acceptance-case/1", "komisja-acceptance-case/2"}
V2_TOP_KEYS = {"tasks", "assignments"}
TOP_KEYS = {
    "format",
    "title",
    "description",
    "kind",
    "policy",
    "criteria",
    "members",
    "offers",
    "conflicts",
    "scores",
    "expected",
}
POLICY_KEYS = {
    "aggregation",
    "rounding",
    "min_total",
    "min_total_basis",
    "tie_breakers",
    "discrepancy_points",
    "winners",
    "allocation",
}
ALLOCATION_KEYS = {"method", "budget", "award_step", "full_above"}
# The keys each criterion kind may have (README: "Criteria"); yes/no criteria are not part
# of the format.
COMMON_CRITERION_KEYS = {"id", "name", "kind", "weight"}
CRITERION_KEYS = {
    "scored": COMMON_CRITERION_KEYS | {"max", "step", "min_score"},
    "lower_better": COMMON_CRITERION_KEYS | {"field"},
    "higher_better": COMMON_CRITERION_KEYS | {"field", "cap"},
    "banded": COMMON_CRITERION_KEYS | {"field", "bands"},
}
BAND_KEYS = {"from", "points"}
CONFLICT_KEYS = {"member", "offer"}
MEMBER_KEYS = {"id", "name", "role"}
OFFER_KEYS = {"id", "applicant", "title", "requested", "submitted_at", "formal", "values"}
V2_OFFER_KEYS = {"task", "proposed"}
TASK_KEYS = {"id", "name", "budget"}
EXPECTED_TASK_KEYS = {"cancel"}
SCORE_KEYS = {"member", "offer", "criterion", "score"}
EXPECTED_KEYS = {"offers", "not_evaluated", "cancel"}
EXPECTED_OFFER_KEYS = {"points", "scores", "total", "eligible", "rank", "award", "flags"}
FIXTURE_FLAGS = {"selected", "discrepancy", "tie_unresolved"}


class FixtureError(AssertionError):
    """The fixture holds something this loader does not understand."""


def _only(keys: set[str], allowed: set[str], where: str) -> None:
    unknown = keys - allowed
    if unknown:
        raise FixtureError(f"{where}: unknown keys {sorted(unknown)}")


def _dec(value: Any, where: str) -> Decimal:
    if not isinstance(value, str):
        raise FixtureError(f"{where}: numbers must be decimal strings, got {value!r}")
    return Decimal(value)


def _tie_breaker(text: str) -> TieBreakerSpec:
    head, _, ref = text.partition(":")
    try:
        kind = TieBreakerKind(head)
    except ValueError:
        raise FixtureError(f"unknown tie-breaker {text!r}") from None
    return TieBreakerSpec(kind, ref or None)


def _weight(
    item: dict[str, Any], max_score: Decimal | None, bands: tuple[BandSpec, ...]
) -> Decimal:
    """The criterion's weight: its own, else (scored) its scale's max, else (banded) its top band.

    A banded criterion's points come from its bands alone (README: "Criteria"), so a case need
    not give it a weight.  Komisja still asks every criterion but a yes/no one for a positive
    weight, which is shown in the protocol and names the heaviest criterion for the
    ``highest_weight`` tie-breaker: for a banded criterion that is the most its bands can give,
    as an office would enter it.
    """
    if "weight" in item:
        return _dec(item["weight"], "weight")
    if max_score is not None:
        return max_score
    if bands:
        return max(band.points for band in bands)
    raise FixtureError(f"criterion {item['id']}: no weight")


def load_case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if case.get("format") not in FORMATS:
        raise FixtureError(f"{path.name}: unknown format {case.get('format')!r}")
    v2 = case["format"].endswith("/2")
    _only(set(case), TOP_KEYS | (V2_TOP_KEYS if v2 else set()), path.name)
    _only(set(case["policy"]), POLICY_KEYS, f"{path.name} policy")
    _only(set(case["policy"].get("allocation", {})), ALLOCATION_KEYS, f"{path.name} allocation")
    _only(set(case["policy"].get("rounding", {})), {"places", "stage"}, f"{path.name} rounding")
    for item in case["criteria"]:
        where = f"{path.name} criterion {item.get('id')}"
        if item.get("kind") not in CRITERION_KEYS:
            raise FixtureError(f"{where}: unknown kind {item.get('kind')!r}")
        _only(set(item), CRITERION_KEYS[item["kind"]], where)
        if item["kind"] == "banded" and not item.get("bands"):
            raise FixtureError(f"{where}: a banded criterion without bands")
        for band in item.get("bands", []):
            _only(set(band), BAND_KEYS, f"{where} band")
            if set(band) != BAND_KEYS:
                raise FixtureError(f"{where}: a band needs 'from' and 'points': {band}")
        if item["kind"] != "scored" and "weight" not in item and item["kind"] != "banded":
            raise FixtureError(f"{where}: a formula criterion needs a weight")
        if item["kind"] == "scored" and "max" not in item:
            raise FixtureError(f"{where}: a scored criterion needs its scale's max")
    for item in case["conflicts"]:
        _only(set(item), CONFLICT_KEYS, f"{path.name} conflict")
    for item in case["members"]:
        _only(set(item), MEMBER_KEYS, f"{path.name} member {item.get('id')}")
    task_ids = [item.get("id") for item in case.get("tasks", [])]
    for item in case.get("tasks", []):
        where = f"{path.name} task {item.get('id')}"
        _only(set(item), TASK_KEYS, where)
        if set(item) != TASK_KEYS:
            raise FixtureError(f"{where}: a task needs 'id', 'name' and 'budget': {item}")
        _dec(item["budget"], f"{where} budget")
    if "tasks" in case:
        if not case["tasks"]:
            raise FixtureError(f"{path.name}: 'tasks' is empty")
        if "budget" in case["policy"].get("allocation", {}):
            raise FixtureError(f"{path.name}: with tasks, the allocation has no budget")
    member_ids = {item.get("id") for item in case["members"]}
    offer_ids = {item.get("id") for item in case["offers"]}
    for offer_id, assigned in case.get("assignments", {}).items():
        if offer_id not in offer_ids or not isinstance(assigned, list):
            raise FixtureError(f"{path.name}: assignment of unknown offer {offer_id!r}")
        if not set(assigned) <= member_ids:
            raise FixtureError(f"{path.name}: {offer_id} assigned to unknown members")
    for item in case["offers"]:
        where = f"{path.name} offer {item.get('id')}"
        _only(set(item), OFFER_KEYS | (V2_OFFER_KEYS if v2 else set()), where)
        if item["formal"] not in ("pass", "fail"):
            raise FixtureError(f"{path.name}: formal {item['formal']!r}")
        if task_ids and item.get("task") not in task_ids:
            raise FixtureError(f"{where}: task {item.get('task')!r} is not one of {task_ids}")
        if not task_ids and "task" in item:
            raise FixtureError(f"{where}: a task but the case has no 'tasks'")
        if "proposed" in item:
            _dec(item["proposed"], f"{where} proposed")
    for item in case["scores"]:
        _only(set(item), SCORE_KEYS, f"{path.name} score")
    _only(
        set(case["expected"]),
        EXPECTED_KEYS | ({"tasks"} if task_ids else set()),
        f"{path.name} expected",
    )
    if task_ids:
        expected_tasks = case["expected"].get("tasks")
        if not isinstance(expected_tasks, dict) or set(expected_tasks) != set(task_ids):
            raise FixtureError(f"{path.name}: expected.tasks must name every task {task_ids}")
        for task_id, item in expected_tasks.items():
            _only(set(item), EXPECTED_TASK_KEYS, f"{path.name} expected task {task_id}")
            if not isinstance(item.get("cancel"), bool):
                raise FixtureError(f"{path.name} expected task {task_id}: 'cancel' true/false")
    for offer_id, item in case["expected"]["offers"].items():
        _only(set(item), EXPECTED_OFFER_KEYS, f"{path.name} expected {offer_id}")
        unknown_flags = set(item.get("flags", [])) - FIXTURE_FLAGS
        if unknown_flags:
            raise FixtureError(f"{path.name} expected {offer_id}: unknown flags {unknown_flags}")
    return case


def play(
    case: dict[str, Any], db: Database, actor: Actor, clock: Any
) -> ResultsView | TaskResultsView:
    """Run the whole procedure for ``case`` and return its results: the competition's results
    view, or for a call with tasks (which has no one ranking) its results task by task."""
    offers = case["offers"]
    passing = [datetime.fromisoformat(o["submitted_at"]) for o in offers if o["formal"] == "pass"]
    deadline = max(passing) if passing else datetime.fromisoformat(offers[0]["submitted_at"])
    announced = (deadline - timedelta(days=40)).date()
    policy = case["policy"]
    allocation = policy.get("allocation", {"method": "none"})
    budget_amount = allocation.get("budget")
    clock.set(deadline - timedelta(days=45))
    competition_id = call_setup.create_competition(
        db,
        actor,
        CallSpec(
            kind=CompetitionKind(case["kind"]),
            title=case.get("title", "Konkurs"),
            case_reference="AKC.1.2027",
            announced_on=announced,
            last_publication_on=announced,
            submission_deadline=deadline,
            require_justification=False,
            budget=((deadline.year, _dec(budget_amount, "budget")),) if budget_amount else (),
        ),
    )
    criteria = []
    for item in case["criteria"]:
        kind = CriterionKind(item["kind"])
        max_score = _dec(item["max"], "max") if "max" in item else None
        bands = tuple(
            BandSpec(_dec(b["from"], "band"), _dec(b["points"], "band"))
            for b in item.get("bands", [])
        )
        criteria.append(
            CriterionSpec(
                code=item["id"],
                name=item["name"],
                kind=kind,
                weight=_weight(item, max_score, bands),
                max_score=max_score,
                step=_dec(item["step"], "step") if "step" in item else None,
                min_score=_dec(item["min_score"], "min_score") if "min_score" in item else None,
                field=item.get("field"),
                cap=_dec(item["cap"], "cap") if "cap" in item else None,
                bands=bands,
            )
        )
    for item in case.get("tasks", []):
        tasks.add_task(
            db,
            actor,
            competition_id,
            TaskSpec(item["id"], item["name"], _dec(item["budget"], "task budget")),
        )
    call_setup.set_criteria(db, actor, competition_id, criteria)
    rounding = policy.get("rounding", {})
    call_setup.set_policy(
        db,
        actor,
        competition_id,
        PolicySpec(
            aggregation=Aggregation(policy["aggregation"]),
            rounding_places=int(rounding.get("places", 2)),
            rounding_stage=RoundingStage(rounding.get("stage", "criterion")),
            min_total=_dec(policy["min_total"], "min_total") if "min_total" in policy else None,
            min_total_basis=ThresholdBasis(policy.get("min_total_basis", "weighted")),
            tie_breakers=tuple(_tie_breaker(t) for t in policy.get("tie_breakers", [])),
            discrepancy_points=(
                _dec(policy["discrepancy_points"], "discrepancy")
                if "discrepancy_points" in policy
                else None
            ),
            winners=policy.get("winners"),
            allocation_method=AllocationMethod(allocation["method"]),
            award_step=_dec(allocation.get("award_step", "0.01"), "award_step"),
            full_above=(
                _dec(allocation["full_above"], "full_above") if "full_above" in allocation else None
            ),
        ),
    )
    for item in case["members"]:
        committee.add_member(
            db,
            actor,
            competition_id,
            MemberSpec(name=item["name"], role=MemberRole(item["role"]), code=item["id"]),
        )
        committee.sign_declaration(db, actor, competition_id, item["id"], announced)
    workflow.advance(db, actor, competition_id)  # announced
    offer_ids: dict[str, int] = {}
    for item in offers:
        offer_ids[item["id"]] = registration.add_offer(
            db,
            actor,
            competition_id,
            OfferSpec(
                applicant=ApplicantSpec(name=item["applicant"]),
                received_at=datetime.fromisoformat(item["submitted_at"]),
                requested_amount=_dec(item["requested"], "requested"),
                title=item.get("title", ""),
                code=item["id"],
                values=tuple((k, _dec(v, k)) for k, v in item.get("values", {}).items()),
                task=item.get("task"),
            ),
        )
    clock.set(deadline + timedelta(days=1))
    workflow.advance(db, actor, competition_id)  # submissions closed
    workflow.advance(db, actor, competition_id)  # formal check (late offers fail by themselves)
    for item in offers:
        ok = item["formal"] == "pass"
        status = formal_check.record_formal_check(
            db,
            actor,
            competition_id,
            offer_ids[item["id"]],
            {
                "F2": CheckAnswer.YES if ok else CheckAnswer.NO,
                "F3": CheckAnswer.YES,
                "F4": CheckAnswer.YES,
            }
            | (
                {"F5": CheckAnswer.YES, "F6": CheckAnswer.YES}
                if case["kind"] == "ngo_grant"
                else {}
            ),
        )
        if (status.value == "admitted") != ok:
            raise AssertionError(f"offer {item['id']}: formal outcome {status}")
    if not any(item["formal"] == "pass" for item in offers):
        # Nothing to evaluate, so the procedure cannot move on to scoring: the results must
        # call for cancelling, and the office cancels.
        view = task_results(db, competition_id)
        if not view.cancel:
            raise AssertionError("no offer admitted, yet the results do not call for cancelling")
        _cancel(db, actor, competition_id)
        return results(db, competition_id)
    # assigned first: a member may declare a conflict with an offer already assigned to them
    for offer_code, member_codes in case.get("assignments", {}).items():
        tasks.assign_members(db, actor, competition_id, offer_code, member_codes)
    for conflict in case["conflicts"]:
        committee.declare_conflict(
            db,
            actor,
            competition_id,
            conflict["member"],
            conflict["offer"],
            "konflikt interesów (przypadek testowy)",
        )
    workflow.advance(db, actor, competition_id)  # scoring
    by_member: dict[str, list[ScoreEntry]] = {}
    for item in case["scores"]:
        by_member.setdefault(item["member"], []).append(
            ScoreEntry(item["offer"], item["criterion"], _dec(item["score"], "score"))
        )
    for member_code, entries in by_member.items():
        score_entry.record_scores(db, actor, competition_id, member_code, entries)
    workflow.advance(db, actor, competition_id)  # results
    for item in offers:
        if "proposed" in item:
            tasks.set_proposed_amount(
                db, actor, competition_id, item["id"], _dec(item["proposed"], "proposed")
            )
    if task_results(db, competition_id).cancel:
        _cancel(db, actor, competition_id)
    return task_results(db, competition_id) if "tasks" in case else results(db, competition_id)


def _cancel(db: Database, actor: Actor, competition_id: int) -> None:
    """No offer is eligible: the competition is cancelled (art. 18a), as the office would."""
    workflow.cancel_competition(db, actor, competition_id, "brak ofert spełniających wymogi")


def fixture_date(value: str) -> date:
    return datetime.fromisoformat(value).date()
