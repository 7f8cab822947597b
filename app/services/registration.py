"""Offers: registering, correcting and removing them, their applicants and attachments, and
the offers list the screens read.

Every public function that changes data is one use case and one transaction
(``Database.unit_of_work``): it completes, with its audit entries, or leaves the database as it
was.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.models import (
    Applicant,
    Assignment,
    Attachment,
    AttachmentBlob,
    Competition,
    CompetitionStatus,
    Conflict,
    Decision,
    FormalStatus,
    Offer,
    OfferValue,
    Score,
)
from app.scoring.types import TieBreakerKind
from app.services import base
from app.services.base import Actor, get_competition, require_editable
from app.services.identifiers import validate_krs, validate_nip, validate_regon
from app.services.queries import OfferRow
from app.services.specs import (
    ApplicantSpec,
    OfferSpec,
)
from app.words import Words

# the applicant's columns an offer's registration copies and a correction may change
APPLICANT_COLUMNS = (
    "name",
    "legal_form",
    "nip",
    "regon",
    "krs",
    "address",
    "contact_person",
    "email",
    "phone",
)


def _applicant(spec: ApplicantSpec) -> Applicant:
    if not spec.name.strip():
        raise UserError("applicant_name_required", {"field": "applicant"})
    return Applicant(
        name=spec.name.strip(),
        legal_form=spec.legal_form,
        nip=validate_nip(spec.nip) if spec.nip else None,
        regon=validate_regon(spec.regon) if spec.regon else None,
        krs=validate_krs(spec.krs) if spec.krs else None,
        address=spec.address,
        contact_person=spec.contact_person,
        email=spec.email,
        phone=spec.phone,
    )


def _check_offer_spec(spec: OfferSpec) -> Applicant:
    """The applicant of ``spec``, once the offer's own figures are valid."""
    if spec.requested_amount < 0:
        raise UserError("requested_negative", {"field": "requested"})
    if spec.received_at.tzinfo is None:
        raise UserError("received_without_zone", {"field": "received"})
    return _applicant(spec.applicant)


def add_offer(db: Database, actor: Actor, competition_id: int, spec: OfferSpec) -> int:
    _check_offer_spec(spec)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        return add_offer_in_session(session, competition, spec).id


def update_applicant(
    db: Database, actor: Actor, competition_id: int, offer_id: int, spec: ApplicantSpec
) -> None:
    fresh = _applicant(spec)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        applicant = offer.applicant
        for column in APPLICANT_COLUMNS:
            setattr(applicant, column, getattr(fresh, column))


def add_attachment(
    db: Database, actor: Actor, competition_id: int, offer_id: int, filename: str, content: bytes
) -> str:
    digest = hashlib.sha256(content).hexdigest()
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        if session.get(AttachmentBlob, digest) is None:
            session.add(AttachmentBlob(sha256=digest, content=content))
            session.flush()
        offer.attachments.append(
            Attachment(filename=filename, sha256=digest, size=len(content), added_at=base.now())
        )
    return digest


def attachment_content(db: Database, sha256: str) -> bytes:
    with db.read() as session:
        blob = session.get(AttachmentBlob, sha256)
        if blob is None:
            raise UserError("not_found", {"what": Words("entity.attachment"), "id": sha256[:12]})
        if hashlib.sha256(blob.content).hexdigest() != sha256:
            raise UserError("db_corrupt", {"detail": f"attachment {sha256[:12]} checksum"})
        return blob.content


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    sha256: str
    size: int
    added_at: datetime


def offer_fields(db: Database, competition_id: int) -> tuple[str, ...]:
    """The offer figures the competition's formulas and tie-breakers use, in card order."""
    with db.read() as session:
        c = get_competition(session, competition_id)
        names: list[str] = []
        for k in c.criteria:
            if k.field and k.field not in names:
                names.append(k.field)
        for rule in c.tie_breakers:
            if (
                rule.kind in (TieBreakerKind.LOWER, TieBreakerKind.HIGHER)
                and rule.ref
                and (rule.ref not in names)
            ):
                names.append(rule.ref)
        return tuple(names)


def offer_spec(db: Database, competition_id: int, offer_id: int) -> OfferSpec:
    with db.read() as session:
        o = base.get_in(session, Offer, offer_id, competition_id)
        a = o.applicant
        return OfferSpec(
            applicant=ApplicantSpec(
                name=a.name,
                legal_form=a.legal_form,
                nip=a.nip,
                regon=a.regon,
                krs=a.krs,
                address=a.address,
                contact_person=a.contact_person,
                email=a.email,
                phone=a.phone,
            ),
            received_at=o.received_at,
            requested_amount=o.requested_amount,
            title=o.title,
            code=o.code,
            values=tuple(sorted((v.field, v.value) for v in o.values)),
            task=o.task.code if o.task is not None else None,
        )


def offer_attachments(
    db: Database, competition_id: int, offer_id: int
) -> tuple[AttachmentInfo, ...]:
    with db.read() as session:
        o = base.get_in(session, Offer, offer_id, competition_id)
        return tuple(
            AttachmentInfo(
                id=x.id, filename=x.filename, sha256=x.sha256, size=x.size, added_at=x.added_at
            )
            for x in sorted(o.attachments, key=lambda x: (x.added_at, x.id))
        )


def update_offer(
    db: Database, actor: Actor, competition_id: int, offer_id: int, spec: OfferSpec
) -> None:
    """Correct a registered offer: applicant, title, received time, amount, figures, code."""
    fresh = _check_offer_spec(spec)
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        if spec.code and spec.code != offer.code:
            if any(o.code == spec.code for o in competition.offers if o.id != offer.id):
                raise UserError("offer_code_taken", {"field": "offer_code", "code": spec.code})
            offer.code = spec.code
        for column in APPLICANT_COLUMNS:
            setattr(offer.applicant, column, getattr(fresh, column))
        offer.task_id = _task_id(competition, spec.task)
        offer.title = spec.title
        offer.received_at = spec.received_at
        offer.requested_amount = spec.requested_amount
        wanted = dict(spec.values)
        for value in list(offer.values):
            if value.field not in wanted:
                offer.values.remove(value)
            else:
                value.value = wanted.pop(value.field)
        for field_name, amount in wanted.items():
            offer.values.append(OfferValue(field=field_name, value=amount))


def _task_id(competition: Competition, task_code: str | None) -> int | None:
    """The id of the offer's task: required in a call with tasks, refused in one without."""
    if task_code is None:
        if competition.tasks:
            raise UserError("offer_task_required", {"field": "task"})
        return None
    for task in competition.tasks:
        if task.code == task_code:
            return task.id
    raise UserError("not_found", {"what": Words("entity.task"), "id": task_code})


def add_offer_in_session(session: Session, competition: Competition, spec: OfferSpec) -> Offer:
    """``add_offer`` inside the caller's transaction (imports add many offers or none)."""
    applicant = _check_offer_spec(spec)
    require_editable(competition, "offers")
    number = (
        session.scalar(select(func.max(Offer.number)).where(Offer.competition_id == competition.id))
        or 0
    ) + 1
    code = spec.code or f"O{number}"
    duplicate = session.scalar(
        select(Offer.id).where(Offer.competition_id == competition.id, Offer.code == code)
    )
    if duplicate is not None:
        raise UserError("offer_code_taken", {"field": "offer_code", "code": code})
    task_id = _task_id(competition, spec.task)
    applicant.competition_id = competition.id
    session.add(applicant)
    session.flush()
    offer = Offer(
        competition_id=competition.id,
        number=number,
        code=code,
        applicant_id=applicant.id,
        title=spec.title,
        received_at=spec.received_at,
        requested_amount=spec.requested_amount,
        formal_status=FormalStatus.PENDING,
        task_id=task_id,
    )
    for field_name, value in spec.values:
        offer.values.append(OfferValue(field=field_name, value=value))
    session.add(offer)
    session.flush()
    return offer


def offer_table(db: Database, competition_id: int) -> tuple[Any, ...]:
    """The offers list as ``queries.OfferRow`` values, in two queries whatever the count."""
    with db.read() as session:
        c = get_competition(session, competition_id)
        deadline = c.submission_deadline
        attachments = dict(
            session.execute(
                select(Attachment.offer_id, func.count())
                .join(Offer, Offer.id == Attachment.offer_id)
                .where(Offer.competition_id == competition_id)
                .group_by(Attachment.offer_id)
            ).all()
        )
        rows = session.execute(
            select(Offer, Applicant)
            .join(Applicant, Applicant.id == Offer.applicant_id)
            .where(Offer.competition_id == competition_id)
            .order_by(Offer.number)
        ).all()
        return tuple(
            OfferRow(
                id=o.id,
                number=o.number,
                code=o.code,
                applicant=a.name,
                legal_form=a.legal_form,
                nip=a.nip,
                regon=a.regon,
                krs=a.krs,
                title=o.title,
                received_at=o.received_at,
                requested=o.requested_amount,
                formal_status=o.formal_status,
                rejection_reason=o.rejection_reason,
                late=deadline is not None and o.received_at > deadline,
                attachments=attachments.get(o.id, 0),
            )
            for o, a in rows
        )


_BEFORE_FORMAL_CHECK = (CompetitionStatus.ANNOUNCED, CompetitionStatus.SUBMISSIONS_CLOSED)


def remove_offer(db: Database, actor: Actor, competition_id: int, offer_id: int) -> None:
    """Remove an offer registered by mistake (what undoing ``add_offer`` does).

    Only before the formal check starts, and only while nothing refers to the offer yet (files,
    recusals, checklist answers, correction requests, decisions, scores): such an offer is
    part of the procedure and stays.
    """
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        require_editable(competition, "offers")
        if competition.status not in _BEFORE_FORMAL_CHECK:
            base.refuse_in_status(competition, "remove_offer")
        offer = base.get_in(session, Offer, offer_id, competition_id)
        referred: list[str] = []
        if offer.attachments:
            referred.append("ref.attachments")
        if offer.check_results or offer.corrections:
            referred.append("ref.formal_check")
        if session.scalar(select(Conflict.id).where(Conflict.offer_id == offer.id).limit(1)):
            referred.append("ref.recusals")
        if session.scalar(select(Decision.id).where(Decision.offer_id == offer.id).limit(1)):
            referred.append("ref.decisions")
        if session.scalar(select(Score.id).where(Score.offer_id == offer.id).limit(1)):
            referred.append("ref.scores")
        if session.scalar(select(Assignment.id).where(Assignment.offer_id == offer.id).limit(1)):
            referred.append("ref.assignments")
        base.refuse_if_referred("offer_referred", offer.code, referred)
        for value in list(offer.values):  # first, while the audit hook can still reach the
            offer.values.remove(value)  # competition through the offer
            session.delete(value)
        session.flush()
        applicant = offer.applicant
        session.delete(offer)
        session.flush()
        if (
            session.scalar(select(Offer.id).where(Offer.applicant_id == applicant.id).limit(1))
            is None
        ):
            session.delete(applicant)
