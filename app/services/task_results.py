"""Results of a call evaluated task by task, with assigned evaluators and proposed amounts.

Each task of a call is evaluated, ranked and funded on its own: formula criteria compare the
offers of the same task only, ranks start at 1 in every task, the allocation runs once per task
with that task's budget, and a task with no eligible offer is cancelled alone (the call is
cancelled only when every task is).  A call without tasks is one group.

The engine is fed, not changed: ``results.build_input`` reads the competition once, and each
task's input is that input narrowed to the task's offers — with the scores of members not
assigned to an offer left out (the engine counts only members who scored an offer) and the
proposed amount in place of the request, as ``build_input`` reads it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.models import Competition, CompetitionStatus, Member, Offer, Task
from app.scoring import types as st
from app.services.base import get_competition
from app.services.results import build_input, compute_input
from app.services.tasks import assigned_by_offer


@dataclass(frozen=True)
class TaskResult:
    """One task's input and results (``code`` None: the call has no tasks)."""

    code: str | None
    name: str
    budget: Decimal | None
    input: st.CompetitionInput
    results: st.Results

    @property
    def cancel(self) -> bool:
        """No offer of this task is eligible: the task alone is cancelled."""
        return self.results.cancel


@dataclass(frozen=True)
class TaskResultsView:
    competition_id: int
    status: CompetitionStatus
    tasks: tuple[TaskResult, ...]

    @property
    def cancel(self) -> bool:
        """The call must be cancelled: every task is."""
        return all(task.cancel for task in self.tasks)

    @property
    def not_evaluated(self) -> tuple[str, ...]:
        return tuple(code for task in self.tasks for code in task.results.not_evaluated)

    @property
    def offers(self) -> Iterator[st.OfferResult]:
        """Every offer's result, task by task in each task's results order."""
        for task in self.tasks:
            yield from task.results.offers

    def offer(self, offer_id: str) -> st.OfferResult:
        for task in self.tasks:
            for result in task.results.offers:
                if result.offer_id == offer_id:
                    return result
        raise KeyError(offer_id)

    def task_of(self, offer_id: str) -> TaskResult:
        for task in self.tasks:
            if any(o.id == offer_id for o in task.input.offers):
                return task
        raise KeyError(offer_id)


def task_results(db: Database, competition_id: int) -> TaskResultsView:
    """The call's results, task by task (provisional while scoring is open)."""
    with db.read() as session:
        competition = get_competition(session, competition_id)
        inp = build_input(session, competition)
        groups = task_inputs(session, competition, inp)
        return TaskResultsView(
            competition_id,
            competition.status,
            tuple(
                TaskResult(code, name, budget, task_input, compute_input(task_input))
                for code, name, budget, task_input in groups
            ),
        )


def task_inputs(
    session: Session, competition: Competition, inp: st.CompetitionInput
) -> list[tuple[str | None, str, Decimal | None, st.CompetitionInput]]:
    """``inp`` split into one engine input per task: (code, name, budget, input)."""
    rows = session.execute(
        select(Offer.code, Offer.id, Task.code)
        .outerjoin(Task, Task.id == Offer.task_id)
        .where(Offer.competition_id == competition.id)
    ).all()
    task_of = {code: task for code, _, task in rows}
    member_codes = dict(
        session.execute(
            select(Member.id, Member.code).where(Member.competition_id == competition.id)
        ).all()
    )
    offer_codes = {offer_id: code for code, offer_id, _ in rows}
    assigned = {
        offer_codes[offer_id]: {member_codes[m] for m in members}
        for offer_id, members in assigned_by_offer(session, competition.id).items()
    }
    groups = {
        (offer, criterion): (
            {m: v for m, v in by_member.items() if m in assigned[offer]}
            if offer in assigned
            else by_member
        )
        for (offer, criterion), by_member in inp.scores.groups.items()
    }
    base = dataclasses.replace(inp, scores=st.ScoreSheet(groups))
    if not competition.tasks:
        return [(None, competition.title, inp.policy.allocation.budget, base)]
    without = sorted(code for code, task_code in task_of.items() if task_code is None)
    if without:  # the services never let this happen; an offer is never left out silently
        raise UserError("offer_task_required", {"field": "task", "offer": without[0]})
    out: list[tuple[str | None, str, Decimal | None, st.CompetitionInput]] = []
    for task in competition.tasks:
        task_offers = {code for code, task_code in task_of.items() if task_code == task.code}
        allocation = inp.policy.allocation
        budget = task.budget if allocation.method is not st.AllocationMethod.NONE else None
        out.append(
            (
                task.code,
                task.name,
                task.budget,
                _narrowed(base, task_offers, dataclasses.replace(allocation, budget=budget)),
            )
        )
    return out


def _narrowed(
    inp: st.CompetitionInput, offer_ids: set[str], allocation: st.Allocation
) -> st.CompetitionInput:
    """``inp`` with only the offers ``offer_ids`` (and what refers to them)."""
    decisions = inp.decisions
    return dataclasses.replace(
        inp,
        policy=dataclasses.replace(inp.policy, allocation=allocation),
        offers=tuple(o for o in inp.offers if o.id in offer_ids),
        scores=st.ScoreSheet(
            {key: value for key, value in inp.scores.groups.items() if key[0] in offer_ids}
        ),
        conflicts=tuple(c for c in inp.conflicts if c.offer_id in offer_ids),
        decisions=st.Decisions(
            tie_orders=tuple(t for t in decisions.tie_orders if set(t.offer_ids) <= offer_ids),
            discrepancy_resolutions=tuple(
                r for r in decisions.discrepancy_resolutions if r.offer_id in offer_ids
            ),
            manual_awards=tuple(a for a in decisions.manual_awards if a.offer_id in offer_ids),
            formal_overrides=tuple(
                f for f in decisions.formal_overrides if f.offer_id in offer_ids
            ),
        ),
    )
