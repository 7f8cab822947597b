"""Tasks of a call, the members assigned to each offer, and the amounts the committee proposes.

A call may announce several tasks (*zadania*), each with its own budget, ranking and funding;
an offer is submitted to one of them.  Large calls assign each offer to a few members, who
alone score it.  After the applicant updates its budget the committee may propose less than
was requested, and the allocation then uses the proposed amount.

Every public function that changes data is one use case and one transaction
(``Database.unit_of_work``): it completes, with its audit entries, or leaves the database as it
was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.models import Assignment, Competition, Member, Offer, Score, Task
from app.scoring.types import MemberRole
from app.services import base
from app.services.base import Actor, get_competition, require_editable
from app.services.specs import TaskSpec
from app.words import Words


def _check_task_spec(spec: TaskSpec) -> None:
    if not spec.code.strip():
        raise UserError("task_code_required", {"field": "task_code"})
    if not spec.name.strip():
        raise UserError("task_name_required", {"field": "task_name", "task": spec.code})
    if spec.budget is None:
        raise UserError("task_budget_required", {"field": "task_budget", "task": spec.code})
    if spec.budget <= 0:
        raise UserError(
            "task_budget_not_positive",
            {"field": "task_budget", "task": spec.code, "budget": spec.budget},
        )


def _task_by_code(competition: Competition, code: str) -> Task:
    for task in competition.tasks:
        if task.code == code:
            return task
    raise UserError("not_found", {"what": Words("entity.task"), "id": code})


def add_task(db: Database, actor: Actor, competition_id: int, spec: TaskSpec) -> int:
    """Add a task to the call (while the call is a draft); returns its id."""
    _check_task_spec(spec)
    assert spec.budget is not None
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "call")
        code = spec.code.strip()
        if any(t.code == code for t in competition.tasks):
            raise UserError("task_code_taken", {"field": "task_code", "task": code})
        task = Task(
            competition_id=competition.id,
            code=code,
            name=spec.name.strip(),
            position=max((t.position for t in competition.tasks), default=0) + 1,
            budget=spec.budget,
        )
        competition.tasks.append(task)
        session.flush()
        return task.id


def update_task(
    db: Database, actor: Actor, competition_id: int, task_code: str, spec: TaskSpec
) -> None:
    """Rename a task, change its code or its budget (while the call is a draft)."""
    _check_task_spec(spec)
    assert spec.budget is not None
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "call")
        task = _task_by_code(competition, task_code)
        code = spec.code.strip()
        if code != task.code and any(t.code == code for t in competition.tasks):
            raise UserError("task_code_taken", {"field": "task_code", "task": code})
        task.code = code
        task.name = spec.name.strip()
        task.budget = spec.budget


def remove_task(db: Database, actor: Actor, competition_id: int, task_code: str) -> None:
    """Remove a task that no offer names (while the call is a draft)."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "call")
        task = _task_by_code(competition, task_code)
        if any(o.task_id == task.id for o in competition.offers):
            raise UserError("task_has_offers", {"task": task.code})
        competition.tasks.remove(task)


def task_specs(db: Database, competition_id: int) -> tuple[TaskSpec, ...]:
    """The call's tasks in their order (empty for a call without tasks)."""
    with db.read() as session:
        competition = get_competition(session, competition_id)
        return tuple(TaskSpec(t.code, t.name, t.budget) for t in competition.tasks)


def assign_members(
    db: Database,
    actor: Actor,
    competition_id: int,
    offer_code: str,
    member_codes: Sequence[str],
) -> None:
    """Make ``member_codes`` the members who evaluate the offer (none: the whole committee).

    A recused member cannot be assigned; an expert may be, and advises without being counted.
    Scores a member leaving the offer already gave for it are withdrawn, as on a recusal.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "committee")
        offer = base.offer_by_code(session, competition_id, offer_code)
        wanted: dict[int, Member] = {}
        for code in member_codes:
            member = base.member_by_code(session, competition_id, code)
            if any(c.offer_id == offer.id for c in member.conflicts):
                raise UserError("assignment_recused", {"member": member.code, "offer": offer.code})
            wanted[member.id] = member
        current = {
            a.member_id: a
            for a in session.scalars(select(Assignment).where(Assignment.offer_id == offer.id))
        }
        for member_id, assignment in current.items():
            if member_id not in wanted:
                session.delete(assignment)
        for member_id in wanted:
            if member_id not in current:
                session.add(
                    Assignment(
                        competition_id=competition.id, member_id=member_id, offer_id=offer.id
                    )
                )
        if wanted:
            for score in session.scalars(
                select(Score).where(
                    Score.offer_id == offer.id, Score.member_id.not_in(list(wanted))
                )
            ):
                session.delete(score)


@dataclass(frozen=True)
class OfferAssignment:
    """The members assigned to one offer (by code, committee order) and who of them count."""

    offer_code: str
    member_codes: tuple[str, ...]
    counted_codes: tuple[str, ...]  # less experts and recused members


def assignments(db: Database, competition_id: int) -> tuple[OfferAssignment, ...]:
    """Every offer that has assigned members, in registration order."""
    with db.read() as session:
        competition = get_competition(session, competition_id)
        assigned = assigned_by_offer(session, competition.id)
        out: list[OfferAssignment] = []
        for offer in competition.offers:
            ids = assigned.get(offer.id)
            if not ids:
                continue
            members = [m for m in competition.members if m.id in ids]
            recused = {m.id for m in members for c in m.conflicts if c.offer_id == offer.id}
            out.append(
                OfferAssignment(
                    offer.code,
                    tuple(m.code for m in members),
                    tuple(
                        m.code
                        for m in members
                        if m.role is not MemberRole.EXPERT and m.id not in recused
                    ),
                )
            )
        return tuple(out)


def assigned_by_offer(session: Session, competition_id: int) -> dict[int, set[int]]:
    """Offer id -> the ids of its assigned members (offers without assignment are absent)."""
    out: dict[int, set[int]] = {}
    for offer_id, member_id in session.execute(
        select(Assignment.offer_id, Assignment.member_id).where(
            Assignment.competition_id == competition_id
        )
    ):
        out.setdefault(offer_id, set()).add(member_id)
    return out


def set_proposed_amount(
    db: Database,
    actor: Actor,
    competition_id: int,
    offer_code: str,
    amount: Decimal | None,
) -> None:
    """Record the amount the committee proposes for the offer (``None``: the request stands)."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "decisions")
        offer: Offer = base.offer_by_code(session, competition_id, offer_code)
        if amount is not None:
            check_proposed(offer.code, offer.requested_amount, amount)
        offer.proposed_amount = amount


def check_proposed(offer_code: str, requested: Decimal, amount: Decimal) -> None:
    """A proposed amount lies between zero and the request."""
    if amount < 0:
        raise UserError(
            "proposed_negative", {"field": "proposed", "offer": offer_code, "amount": amount}
        )
    if amount > requested:
        raise UserError(
            "proposed_above_request",
            {"field": "proposed", "offer": offer_code, "amount": amount, "requested": requested},
        )
