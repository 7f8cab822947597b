"""The formal check: the checklist per offer, correction requests, late offers and the
checklist grid the screen reads.

Every public function that changes data is one use case and one transaction
(``Database.unit_of_work``): it completes, with its audit entries, or leaves the database as it
was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.models import (
    Applicant,
    CheckAnswer,
    Competition,
    CorrectionRequest,
    Decision,
    DecisionKind,
    FormalCheckItem,
    FormalCheckResult,
    FormalStatus,
    Offer,
)
from app.services import base
from app.services.base import Actor, get_competition, require_editable, require_reason
from app.words import Words


def _answer(
    offer: Offer,
    result: FormalCheckResult | None,
    item: FormalCheckItem,
    answer: CheckAnswer,
    note: str,
) -> None:
    """Record ``answer`` to ``item`` for ``offer``: a new result, or ``result`` changed."""
    if result is None:
        offer.check_results.append(FormalCheckResult(item_id=item.id, answer=answer, note=note))
    else:
        result.answer = answer
        result.note = note


def _checked_offer(
    session: Session, competition_id: int, offer_id: int, answers: Mapping[str, object]
) -> tuple[Competition, Offer, dict[str, FormalCheckItem]]:
    """The competition (locked for the change), the offer and the checklist by code, once
    every answered item is known to be on the call's checklist."""
    competition = get_competition(session, competition_id, for_update=True)
    require_editable(competition, "formal_check")
    offer = base.get_in(session, Offer, offer_id, competition_id)
    items = {item.code: item for item in competition.formal_items}
    unknown = sorted(set(answers) - set(items))
    if unknown:
        raise UserError("not_found", {"what": Words("entity.checklist_item"), "id": unknown[0]})
    return competition, offer, items


def is_late(competition: Competition, offer: Offer) -> bool:
    deadline = competition.submission_deadline
    return deadline is not None and offer.received_at > deadline


def _late_admitted(session: Session, offer: Offer) -> bool:
    return (
        session.scalar(
            select(Decision.id).where(
                Decision.offer_id == offer.id,
                Decision.kind == DecisionKind.LATE_ADMISSION,
                Decision.active.is_(True),
            )
        )
        is not None
    )


def record_formal_check(
    db: Database,
    actor: Actor,
    competition_id: int,
    offer_id: int,
    answers: dict[str, CheckAnswer],
    *,
    notes: dict[str, str] | None = None,
    rejection_reason: str = "",
) -> FormalStatus:
    """Record the checklist; the outcome follows from it (a late offer fails automatically)."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition, offer, items = _checked_offer(session, competition_id, offer_id, answers)
        late = is_late(competition, offer) and not _late_admitted(session, offer)
        results = {result.item_id: result for result in offer.check_results}
        for code, item in items.items():
            answer = answers.get(code)
            if item.is_timeliness:
                answer = CheckAnswer.NO if late else CheckAnswer.YES
            if answer is None:
                continue
            _answer(offer, results.get(item.id), item, answer, (notes or {}).get(code, ""))
        session.flush()
        answered = {r.item_id: r.answer for r in offer.check_results}
        failed = [
            "oferta złożona po terminie"
            if item.is_timeliness
            else f"niespełniony wymóg: {item.text}"
            for item in items.values()
            if answered.get(item.id) is CheckAnswer.NO
        ]
        if len(answered) < len(items):
            offer.formal_status = FormalStatus.PENDING
        elif failed:
            offer.formal_status = FormalStatus.REJECTED
            offer.rejection_reason = rejection_reason.strip() or ("; ".join(failed)).capitalize()
        else:
            offer.formal_status = FormalStatus.ADMITTED
            offer.rejection_reason = ""
        return offer.formal_status


def request_correction(
    db: Database, actor: Actor, competition_id: int, offer_id: int, scope: str, days: int = 7
) -> date:
    scope = require_reason(scope, "correction_request")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        if offer.corrections:
            raise UserError("correction_only_once", {"offer": offer.code})
        today = base.now().date()
        deadline = today + timedelta(days=days)
        offer.corrections.append(
            CorrectionRequest(requested_on=today, deadline=deadline, scope=scope)
        )
        offer.formal_status = FormalStatus.CORRECTION_REQUESTED
        return deadline


def record_correction_received(
    db: Database, actor: Actor, competition_id: int, offer_id: int, received_on: date
) -> None:
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        if not offer.corrections:
            raise UserError("not_found", {"what": Words("entity.correction"), "id": offer.code})
        request = offer.corrections[-1]
        request.fulfilled_on = received_on
        offer.formal_status = FormalStatus.PENDING


def admit_late_offer(
    db: Database, actor: Actor, competition_id: int, offer_id: int, reason: str
) -> None:
    """A recorded decision that a late offer is treated as received on time."""
    reason = require_reason(reason, "late_admission")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        session.add(
            Decision(
                competition_id=competition_id,
                kind=DecisionKind.LATE_ADMISSION,
                offer_id=offer.id,
                payload={},
                reason=reason,
                decided_on=base.now().date(),
                recorded_at=base.now(),
            )
        )


def override_formal_outcome(
    db: Database, actor: Actor, competition_id: int, offer_id: int, admitted: bool, reason: str
) -> None:
    reason = require_reason(reason, "formal_override")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "formal_check")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        offer.formal_status = FormalStatus.ADMITTED if admitted else FormalStatus.REJECTED
        offer.rejection_reason = "" if admitted else reason
        session.add(
            Decision(
                competition_id=competition_id,
                kind=DecisionKind.FORMAL_OVERRIDE,
                offer_id=offer.id,
                payload={"admitted": admitted},
                reason=reason,
                decided_on=base.now().date(),
                recorded_at=base.now(),
            )
        )


def auto_fail_late_offers(session: Session, competition: Competition) -> None:
    timeliness = next((i for i in competition.formal_items if i.is_timeliness), None)
    for offer in competition.offers:
        if is_late(competition, offer) and not _late_admitted(session, offer):
            offer.formal_status = FormalStatus.REJECTED
            offer.rejection_reason = "Oferta złożona po terminie"
            if timeliness is not None and not any(
                r.item_id == timeliness.id for r in offer.check_results
            ):
                offer.check_results.append(
                    FormalCheckResult(
                        item_id=timeliness.id,
                        answer=CheckAnswer.NO,
                        note="wpływ po terminie składania ofert",
                    )
                )


@dataclass(frozen=True)
class FormalItemInfo:
    code: str
    text: str
    is_timeliness: bool
    correctable: bool


@dataclass(frozen=True)
class CorrectionInfo:
    requested_on: date
    deadline: date
    scope: str
    fulfilled_on: date | None


@dataclass(frozen=True)
class FormalCheckRow:
    offer_id: int
    code: str
    applicant: str
    received_at: datetime
    late: bool
    late_admitted: bool
    status: FormalStatus
    rejection_reason: str
    answers: tuple[tuple[str, CheckAnswer], ...]  # (item code, answer) for answered items
    notes: tuple[tuple[str, str], ...]
    correction: CorrectionInfo | None


@dataclass(frozen=True)
class FormalCheckView:
    items: tuple[FormalItemInfo, ...]
    rows: tuple[FormalCheckRow, ...]


def formal_check_view(db: Database, competition_id: int) -> FormalCheckView:
    """The checklist grid: every offer's answers, status, correction request and lateness.

    A fixed number of queries whatever the number of offers: plain column reads of the offers
    with their applicants, of every answer and of every correction request, grouped here.
    """
    with db.read() as session:
        c = get_competition(session, competition_id)
        deadline = c.submission_deadline
        item_code = {i.id: i.code for i in c.formal_items}
        admitted_late = set(
            session.scalars(
                select(Decision.offer_id).where(
                    Decision.competition_id == competition_id,
                    Decision.kind == DecisionKind.LATE_ADMISSION,
                    Decision.active.is_(True),
                )
            )
        )
        results: dict[int, list[tuple[str, CheckAnswer, str]]] = {}
        for offer_id, item_id, answer, note in session.execute(
            select(
                FormalCheckResult.offer_id,
                FormalCheckResult.item_id,
                FormalCheckResult.answer,
                FormalCheckResult.note,
            )
            .join(Offer, Offer.id == FormalCheckResult.offer_id)
            .where(Offer.competition_id == competition_id)
        ):
            results.setdefault(offer_id, []).append((item_code[item_id], answer, note))
        last_correction: dict[int, CorrectionInfo] = {}
        for offer_id, requested_on, deadline_on, scope, fulfilled_on in session.execute(
            select(
                CorrectionRequest.offer_id,
                CorrectionRequest.requested_on,
                CorrectionRequest.deadline,
                CorrectionRequest.scope,
                CorrectionRequest.fulfilled_on,
            )
            .join(Offer, Offer.id == CorrectionRequest.offer_id)
            .where(Offer.competition_id == competition_id)
            .order_by(CorrectionRequest.id)
        ):
            last_correction[offer_id] = CorrectionInfo(
                requested_on=requested_on,
                deadline=deadline_on,
                scope=scope,
                fulfilled_on=fulfilled_on,
            )
        rows = []
        for offer_id, code, applicant, received_at, status, rejection_reason in session.execute(
            select(
                Offer.id,
                Offer.code,
                Applicant.name,
                Offer.received_at,
                Offer.formal_status,
                Offer.rejection_reason,
            )
            .join(Applicant, Applicant.id == Offer.applicant_id)
            .where(Offer.competition_id == competition_id)
            .order_by(Offer.number)
        ):
            answered = results.get(offer_id, [])
            rows.append(
                FormalCheckRow(
                    offer_id=offer_id,
                    code=code,
                    applicant=applicant,
                    received_at=received_at,
                    late=deadline is not None and received_at > deadline,  # as ``is_late``
                    late_admitted=offer_id in admitted_late,
                    status=status,
                    rejection_reason=rejection_reason,
                    answers=tuple(sorted((item, answer) for item, answer, _note in answered)),
                    notes=tuple(sorted((item, note) for item, _answer, note in answered)),
                    correction=last_correction.get(offer_id),
                )
            )
        return FormalCheckView(
            items=tuple(
                FormalItemInfo(
                    code=i.code,
                    text=i.text,
                    is_timeliness=i.is_timeliness,
                    correctable=i.correctable,
                )
                for i in c.formal_items
            ),
            rows=tuple(rows),
        )


def restore_formal_check(
    db: Database,
    actor: Actor,
    competition_id: int,
    offer_id: int,
    *,
    answers: dict[str, CheckAnswer],
    notes: dict[str, str],
    status: FormalStatus,
    rejection_reason: str,
    correction: CorrectionInfo | None,
) -> None:
    """Put an offer's formal check back as it was shown before an edit (undo).

    The checklist becomes exactly ``answers`` (items not in it are unanswered again; the
    timeliness item still follows from the received date), a correction request that was not
    there is withdrawn (never one already answered by the applicant), and the outcome must
    follow from the answers: admitted only with every item met, rejected only with one not met,
    "correction requested" only with an open request.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition, offer, items = _checked_offer(session, competition_id, offer_id, answers)
        if correction is None:
            if any(request.fulfilled_on is not None for request in offer.corrections):
                raise UserError("correction_already_received", {"offer": offer.code})
            for request in list(offer.corrections):
                offer.corrections.remove(request)
                session.delete(request)  # an orphan alone would not reach the audit trail
        elif not offer.corrections:
            raise UserError("not_found", {"what": Words("entity.correction"), "id": offer.code})
        else:
            offer.corrections[-1].fulfilled_on = correction.fulfilled_on
        late = is_late(competition, offer) and not _late_admitted(session, offer)
        results = {result.item_id: result for result in offer.check_results}
        for code, item in items.items():
            answer = answers.get(code)
            result = results.get(item.id)
            if answer is None:
                if result is not None:
                    offer.check_results.remove(result)
                    session.delete(result)
                continue
            if item.is_timeliness:
                answer = CheckAnswer.NO if late else CheckAnswer.YES
            _answer(offer, result, item, answer, notes.get(code, ""))
        session.flush()
        answered = [result.answer for result in offer.check_results]
        allowed = {FormalStatus.PENDING}
        if offer.corrections and offer.corrections[-1].fulfilled_on is None:
            allowed.add(FormalStatus.CORRECTION_REQUESTED)
        if CheckAnswer.NO in answered:
            allowed.add(FormalStatus.REJECTED)
        elif len(answered) == len(items):
            allowed.add(FormalStatus.ADMITTED)
        if status not in allowed:
            raise UserError(
                "formal_outcome_inconsistent",
                {"offer": offer.code, "outcome": Words(f"formal.{status.value}")},
            )
        offer.formal_status = status
        offer.rejection_reason = "" if status is FormalStatus.ADMITTED else rejection_reason
