"""Offline scoring: issuing a member's score workbook (``.xlsx``) or signed evaluator
package (``.komisja``).

Every issue is recorded (with the package's public key) so that the returned file can be
checked on import (:mod:`app.services.offline`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import current_language
from app.db import Database
from app.models import (
    Applicant,
    AttachmentBlob,
    Competition,
    Criterion,
    FormalStatus,
    IssueKind,
    Member,
    Offer,
    Score,
    ScoreSheetIssue,
)
from app.offline.package import (
    build_package,
)
from app.offline.spec import (
    ScoreSheetSpec,
    SheetCriterion,
    SheetEntry,
    SheetOffer,
    SheetProblem,
)
from app.scoring.types import CriterionKind
from app.services import base
from app.services.base import Actor, get_competition, require_editable

log = logging.getLogger(__name__)


def plain(value: Decimal) -> Decimal:
    """Without storage zeros ("7.5000" -> "7.5", "10.0000" -> "10"), never in E notation."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def sheet_problem(code: str, **params: object) -> SheetProblem:
    """A problem of a whole file (no row), its parameters as text."""
    return SheetProblem("", "", code, {k: str(v) for k, v in params.items()})


def member_scored_criteria(competition: Competition) -> list[Criterion]:
    return [
        c
        for c in competition.criteria
        if c.kind is CriterionKind.SCORED or (c.kind is CriterionKind.YES_NO and not c.field)
    ]


def sheet_fingerprint(competition: Competition, member: Member) -> str:
    """Version of what a member's card depends on: the scored criteria and their offers."""
    recused = {c.offer_id for c in member.conflicts}
    payload = {
        "criteria": [
            [c.code, str(c.max_score), str(c.step), str(c.weight)]
            for c in member_scored_criteria(competition)
        ],
        "offers": [
            o.code
            for o in competition.offers
            if o.formal_status is FormalStatus.ADMITTED and o.id not in recused
        ],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def build_spec(
    session: Session, competition: Competition, member: Member, issue_id: str, lang: str
) -> ScoreSheetSpec:
    recused = {c.offer_id for c in member.conflicts}
    criteria = member_scored_criteria(competition)
    # the applicants' names in one query, not one lazy load per offer (2 000 offers: seconds)
    applicants = {
        offer_id: name
        for offer_id, name in session.execute(
            select(Offer.id, Applicant.name)
            .join(Applicant, Offer.applicant_id == Applicant.id)
            .where(Offer.competition_id == competition.id)
        )
    }
    offers = [
        o
        for o in competition.offers
        if o.formal_status is FormalStatus.ADMITTED and o.id not in recused
    ]
    codes = {c.id: c.code for c in criteria}
    offer_codes = {o.id: o.code for o in offers}
    existing: dict[tuple[str, str], SheetEntry] = {}
    for score in session.scalars(select(Score).where(Score.member_id == member.id)):
        if score.offer_id in offer_codes and score.criterion_id in codes:
            existing[(offer_codes[score.offer_id], codes[score.criterion_id])] = SheetEntry(
                plain(score.value),
                score.justification,
            )
    deadline = competition.decision_date
    return ScoreSheetSpec(
        issue_id=issue_id,
        competition_uid=competition.uid,
        competition_title=competition.title,
        case_reference=competition.case_reference,
        member_code=member.code,
        member_name=member.name,
        member_role=member.role.value,
        deadline=deadline,
        language=lang,
        require_justification=competition.require_justification,
        fingerprint=sheet_fingerprint(competition, member),
        criteria=tuple(
            SheetCriterion(
                code=c.code,
                name=c.name,
                max_score=plain(c.max_score or Decimal(1)),
                step=plain(c.step or Decimal(1)),
                weight=plain(c.weight),
                guidance=c.guidance,
            )
            for c in criteria
        ),
        offers=tuple(
            SheetOffer(
                code=o.code,
                applicant=applicants[o.id],
                title=o.title,
                requested=o.requested_amount,
            )
            for o in offers
        ),
        existing=existing,
    )


def _issue(
    session: Session,
    competition_id: int,
    member_code: str,
    kind: IssueKind,
    lang: str,
) -> tuple[ScoreSheetSpec, ScoreSheetIssue, Competition, Member]:
    """A new issue row (flushed later by the caller's unit of work) and its spec."""
    competition = get_competition(session, competition_id)
    require_editable(competition, "scores")
    member = base.member_by_code(session, competition_id, member_code)
    issue_id = str(uuid.uuid4())
    spec = build_spec(session, competition, member, issue_id, lang)
    issue = ScoreSheetIssue(
        id=issue_id,
        competition_id=competition.id,
        member_id=member.id,
        kind=kind,
        fingerprint=spec.fingerprint,
        issued_at=base.now(),
        public_key=None,
    )
    return spec, issue, competition, member


def export_scoresheet(db: Database, actor: Actor, competition_id: int, member_code: str) -> bytes:
    """The member's score workbook (.xlsx); the issue is recorded so the return can be checked."""
    from app.offline.workbook import build_workbook

    with db.unit_of_work(actor.operator, actor.member) as session:
        spec, issue, _, _ = _issue(
            session, competition_id, member_code, IssueKind.WORKBOOK, current_language()
        )
        session.add(issue)
        data = build_workbook(spec)
    log.info("issued workbook %s to %s (%d bytes)", spec.issue_id, member_code, len(data))
    return data


def export_package(db: Database, actor: Actor, competition_id: int, member_code: str) -> bytes:
    """The member's evaluator package (.komisja) with their offers' attachments.

    A fresh Ed25519 key pair is made for this package alone: the private key travels in the
    package, the public key is stored with the issue, and only returns signed with it are
    accepted for this issue.  Recused and rejected offers, other members' scores and their
    attachments never enter the file.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        spec, issue, competition, _ = _issue(
            session, competition_id, member_code, IssueKind.PACKAGE, current_language()
        )
        on_card = {o.code for o in spec.offers}
        attachments: dict[str, list[tuple[str, bytes]]] = {}
        for offer in competition.offers:
            if offer.code not in on_card:
                continue
            for attachment in offer.attachments:
                blob = session.get(AttachmentBlob, attachment.sha256)
                if blob is not None:
                    attachments.setdefault(offer.code, []).append(
                        (attachment.filename, blob.content)
                    )
        data, public_key = build_package(spec, attachments)
        issue.public_key = public_key
        session.add(issue)
    return data
