"""The committee's decisions on the results: tie orders, discrepancy resolutions and manual
amounts.

Every public function that changes data is one use case and one transaction
(``Database.unit_of_work``): it completes, with its audit entries, or leaves the database as it
was.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.models import (
    Competition,
    Decision,
    DecisionKind,
    Offer,
)
from app.scoring.types import AllocationMethod, DiscrepancyMethod
from app.services import base
from app.services.base import Actor, get_competition, require_editable, require_reason
from app.services.call_setup import effective_budget
from app.services.score_entry import check_score


def _decision(
    session: Session,
    competition: Competition,
    kind: DecisionKind,
    offer: Offer | None,
    payload: dict[str, Any],
    reason: str,
) -> None:
    # A newer decision of the same kind for the same offer (or tie group) replaces the older.
    key = payload.get("key")
    for old in competition.decisions:
        if (
            old.kind is kind
            and old.active
            and (
                (offer is not None and old.offer_id == offer.id)
                or (key and old.payload.get("key") == key)
            )
        ):
            old.active = False
    session.add(
        Decision(
            competition_id=competition.id,
            kind=kind,
            offer_id=offer.id if offer else None,
            payload=payload,
            reason=reason,
            decided_on=base.now().date(),
            recorded_at=base.now(),
        )
    )


def record_tie_order(
    db: Database, actor: Actor, competition_id: int, offer_codes: Sequence[str], reason: str
) -> None:
    reason = require_reason(reason, "tie_decision")
    if len(offer_codes) < 2 or len(set(offer_codes)) != len(offer_codes):
        raise UserError("tie_order_too_short", {"field": "tie_order"})
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "decisions")
        for code in offer_codes:
            base.offer_by_code(session, competition_id, code)
        key = "tie:" + ",".join(sorted(offer_codes))
        _decision(
            session,
            competition,
            DecisionKind.TIE_ORDER,
            None,
            {"key": key, "order": list(offer_codes)},
            reason,
        )


def record_discrepancy_resolution(
    db: Database,
    actor: Actor,
    competition_id: int,
    offer_code: str,
    method: str,
    reason: str,
    consensus_scores: dict[str, Decimal] | None = None,
) -> None:
    reason = require_reason(reason, "discrepancy_resolution")
    resolved = DiscrepancyMethod(method)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "decisions")
        offer = base.offer_by_code(session, competition_id, offer_code)
        consensus = dict(consensus_scores or {})
        if resolved is DiscrepancyMethod.CONSENSUS and not consensus:
            raise UserError("consensus_scores_required", {"offer": offer.code})
        for code, value in consensus.items():
            check_score(base.criterion_by_code(session, competition_id, code), value)
        _decision(
            session,
            competition,
            DecisionKind.DISCREPANCY_RESOLUTION,
            offer,
            {"method": resolved.value, "consensus": {k: str(v) for k, v in consensus.items()}},
            reason,
        )


def record_manual_award(
    db: Database, actor: Actor, competition_id: int, offer_code: str, amount: Decimal, reason: str
) -> None:
    reason = require_reason(reason, "award")
    if amount < 0:
        raise UserError("award_negative", {"field": "amount"})
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "decisions")
        offer = base.offer_by_code(session, competition_id, offer_code)
        if amount > offer.requested_amount:
            raise UserError(
                "award_over_request",
                {"offer": offer.code, "amount": amount, "requested": offer.requested_amount},
            )
        if competition.policy.allocation_method is not AllocationMethod.MANUAL:
            raise UserError("award_not_manual", {"field": "allocation"})
        budget = effective_budget(competition)
        others = sum(
            (
                Decimal(d.payload["amount"])
                for d in competition.decisions
                if d.kind is DecisionKind.MANUAL_AWARD and d.active and d.offer_id != offer.id
            ),
            Decimal(0),
        )
        if budget is not None and others + amount > budget:
            raise UserError(
                "award_over_budget",
                {"offer": offer.code, "total": others + amount, "budget": budget},
            )
        _decision(
            session, competition, DecisionKind.MANUAL_AWARD, offer, {"amount": str(amount)}, reason
        )
