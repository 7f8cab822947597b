"""Read-only views for lists and detail screens: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from app.db import Database
from app.models import (
    Applicant,
    Attachment,
    AuditEntry,
    Competition,
    CompetitionKind,
    CompetitionStatus,
    Conflict,
    FormalStatus,
    Member,
    Offer,
    ProtocolVersion,
    Score,
)
from app.scoring.types import MemberRole
from app.services.base import EDITABLE_IN, can_edit, get_competition
from app.services.call_setup import effective_budget
from app.services.workflow import missing_for, next_status


@dataclass(frozen=True)
class CompetitionSummary:
    id: int
    uid: str
    kind: CompetitionKind
    status: CompetitionStatus
    title: str
    case_reference: str
    submission_deadline: datetime | None
    offers: int
    admitted: int
    members: int
    scores: int
    budget: Decimal | None


def competition_labels(db: Database) -> dict[int, tuple[str, str]]:
    """Every competition's case reference and title, by id (one small query: menus)."""
    with db.read() as session:
        return {
            competition_id: (reference, title)
            for competition_id, reference, title in session.execute(
                select(Competition.id, Competition.case_reference, Competition.title)
            )
        }


def list_competitions(db: Database, search: str = "") -> list[CompetitionSummary]:
    with db.read() as session:
        offer_counts = dict(
            session.execute(
                select(Offer.competition_id, func.count()).group_by(Offer.competition_id)
            ).all()
        )
        admitted_counts = dict(
            session.execute(
                select(Offer.competition_id, func.count())
                .where(Offer.formal_status == FormalStatus.ADMITTED)
                .group_by(Offer.competition_id)
            ).all()
        )
        member_counts = dict(
            session.execute(
                select(Member.competition_id, func.count()).group_by(Member.competition_id)
            ).all()
        )
        score_counts = dict(
            session.execute(
                select(Score.competition_id, func.count()).group_by(Score.competition_id)
            ).all()
        )
        statement = select(Competition).order_by(Competition.id)
        if search.strip():
            like = f"%{search.strip()}%"
            statement = statement.where(
                Competition.title.ilike(like) | Competition.case_reference.ilike(like)
            )
        return [
            CompetitionSummary(
                id=c.id,
                uid=c.uid,
                kind=c.kind,
                status=c.status,
                title=c.title,
                case_reference=c.case_reference,
                submission_deadline=c.submission_deadline,
                offers=offer_counts.get(c.id, 0),
                admitted=admitted_counts.get(c.id, 0),
                members=member_counts.get(c.id, 0),
                scores=score_counts.get(c.id, 0),
                budget=effective_budget(c),
            )
            for c in session.scalars(statement)
        ]


@dataclass(frozen=True)
class CriterionRow:
    code: str
    name: str
    kind: str
    weight: Decimal
    max_score: Decimal | None
    step: Decimal | None
    min_score: Decimal | None
    field: str | None
    guidance: str


@dataclass(frozen=True)
class OfferRow:
    id: int
    number: int
    code: str
    applicant: str
    legal_form: str
    nip: str | None
    regon: str | None
    krs: str | None
    title: str
    received_at: datetime
    requested: Decimal
    formal_status: FormalStatus
    rejection_reason: str
    late: bool
    attachments: int


@dataclass(frozen=True)
class MemberRow:
    id: int
    code: str
    name: str
    role: MemberRole
    affiliation: str
    declaration_signed_on: date | None
    recused_from: tuple[str, ...]


@dataclass(frozen=True)
class CompetitionDetail:
    summary: CompetitionSummary
    legal_basis: str
    committee_act: str
    announced_on: date | None
    last_publication_on: date | None
    decision_date: date | None
    require_justification: bool
    budget_lines: tuple[tuple[int, Decimal], ...]
    criteria: tuple[CriterionRow, ...]
    offers: tuple[OfferRow, ...]
    members: tuple[MemberRow, ...]
    next_status: CompetitionStatus | None
    next_missing: tuple[str, ...]  # what the next step still needs
    protocol_versions: int


def competition_detail(db: Database, competition_id: int, lang: str = "pl") -> CompetitionDetail:
    """The competition with its offers, members and criteria.

    A fixed number of queries whatever the number of offers: the offer rows are plain column
    reads (no ORM object per offer) joined with their applicants, and attachments, recusals
    and protocol versions are counted or listed in one query each.
    """
    with db.read() as session:
        c = get_competition(session, competition_id)
        deadline = c.submission_deadline
        attachments: dict[int, int] = dict(
            session.execute(
                select(Attachment.offer_id, func.count())
                .join(Offer, Offer.id == Attachment.offer_id)
                .where(Offer.competition_id == competition_id)
                .group_by(Attachment.offer_id)
            ).all()
        )
        offers = tuple(
            OfferRow(
                id=row.id,
                number=row.number,
                code=row.code,
                applicant=row.name,
                legal_form=row.legal_form,
                nip=row.nip,
                regon=row.regon,
                krs=row.krs,
                title=row.title,
                received_at=row.received_at,
                requested=row.requested_amount,
                formal_status=row.formal_status,
                rejection_reason=row.rejection_reason,
                late=deadline is not None and row.received_at > deadline,
                attachments=attachments.get(row.id, 0),
            )
            for row in session.execute(
                select(
                    Offer.id,
                    Offer.number,
                    Offer.code,
                    Applicant.name,
                    Applicant.legal_form,
                    Applicant.nip,
                    Applicant.regon,
                    Applicant.krs,
                    Offer.title,
                    Offer.received_at,
                    Offer.requested_amount,
                    Offer.formal_status,
                    Offer.rejection_reason,
                )
                .join(Applicant, Applicant.id == Offer.applicant_id)
                .where(Offer.competition_id == competition_id)
                .order_by(Offer.number)
            )
        )
        recused: dict[int, list[str]] = {}
        for member_id, offer_code in session.execute(
            select(Conflict.member_id, Offer.code)
            .join(Offer, Offer.id == Conflict.offer_id)
            .where(Offer.competition_id == competition_id)
            .order_by(Conflict.member_id, Offer.number, Conflict.id)
        ):
            recused.setdefault(member_id, []).append(offer_code)
        scores = session.scalar(select(func.count()).where(Score.competition_id == c.id)) or 0
        versions = (
            session.scalar(
                select(func.count()).where(ProtocolVersion.competition_id == competition_id)
            )
            or 0
        )
        summary = CompetitionSummary(
            id=c.id,
            uid=c.uid,
            kind=c.kind,
            status=c.status,
            title=c.title,
            case_reference=c.case_reference,
            submission_deadline=c.submission_deadline,
            offers=len(offers),
            admitted=sum(1 for o in offers if o.formal_status is FormalStatus.ADMITTED),
            members=len(c.members),
            scores=scores,
            budget=effective_budget(c),
        )
        target = next_status(c.status)
        gaps = tuple(g.text(lang) for g in missing_for(session, c, target)) if target else ()
        return CompetitionDetail(
            summary=summary,
            legal_basis=c.legal_basis,
            committee_act=c.committee_act,
            announced_on=c.announced_on,
            last_publication_on=c.last_publication_on,
            decision_date=c.decision_date,
            require_justification=c.require_justification,
            budget_lines=tuple((b.year, b.amount) for b in c.budget_lines),
            criteria=tuple(
                CriterionRow(
                    code=k.code,
                    name=k.name,
                    kind=k.kind.value,
                    weight=k.weight,
                    max_score=k.max_score,
                    step=k.step,
                    min_score=k.min_score,
                    field=k.field,
                    guidance=k.guidance,
                )
                for k in c.criteria
            ),
            offers=offers,
            members=tuple(
                MemberRow(
                    id=m.id,
                    code=m.code,
                    name=m.name,
                    role=m.role,
                    affiliation=m.affiliation,
                    declaration_signed_on=m.declaration_signed_on,
                    recused_from=tuple(recused.get(m.id, ())),
                )
                for m in c.members
            ),
            next_status=target,
            next_missing=gaps,
            protocol_versions=versions,
        )


def editable_areas(db: Database, competition_id: int) -> tuple[str, ...]:
    """The areas of ``base.EDITABLE_IN`` open in the competition's status: what
    ``workflow.shell_status`` says in one small query, without the next step's gaps (which
    read every offer and score)."""
    with db.read() as session:
        c = get_competition(session, competition_id)
        return tuple(area for area in EDITABLE_IN if can_edit(c, area))


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    operator: str
    acting_member: str
    competition_id: int | None
    object_type: str
    object_id: str
    action: str
    before: str
    after: str


def _audit_filters(
    statement: Any,
    *,
    competition_id: int | None,
    object_type: str | None,
    person: str | None,
    since: datetime | None,
    until: datetime | None,
) -> Any:
    if competition_id is not None:
        statement = statement.where(AuditEntry.competition_id == competition_id)
    if object_type:
        statement = statement.where(AuditEntry.object_type == object_type)
    if person:
        like = f"%{person}%"
        statement = statement.where(
            AuditEntry.operator.ilike(like) | AuditEntry.acting_member.ilike(like)
        )
    if since is not None:
        statement = statement.where(AuditEntry.at >= since)
    if until is not None:
        statement = statement.where(AuditEntry.at <= until)
    return statement


def _audit_row(e: AuditEntry) -> AuditRow:
    return AuditRow(
        seq=e.seq,
        at=e.at,
        operator=e.operator,
        acting_member=e.acting_member,
        competition_id=e.competition_id,
        object_type=e.object_type,
        object_id=e.object_id,
        action=e.action,
        before=e.before,
        after=e.after,
    )


def audit_trail(
    db: Database,
    *,
    competition_id: int | None = None,
    object_type: str | None = None,
    person: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[AuditRow]:
    with db.read() as session:
        statement = _audit_filters(
            select(AuditEntry).order_by(AuditEntry.seq),
            competition_id=competition_id,
            object_type=object_type,
            person=person,
            since=since,
            until=until,
        )
        if limit is not None:
            statement = statement.limit(limit)
        return [_audit_row(e) for e in session.scalars(statement)]


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]  # the newest ``limit`` matching entries, oldest first
    total: int  # how many entries match
    types: tuple[str, ...]  # the object types among the entries matching the other filters


def audit_page(
    db: Database,
    *,
    limit: int,
    competition_id: int | None = None,
    object_type: str | None = None,
    person: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> AuditPage:
    """The newest entries that match, how many match, and which object types occur.

    A large competition leaves hundreds of thousands of entries (one per score); the screen
    shows a page of the newest, so only that page is read and the rest is counted in SQL.
    """
    with db.read() as session:

        def where(statement: Any, with_type: bool = True) -> Any:
            return _audit_filters(
                statement,
                competition_id=competition_id,
                object_type=object_type if with_type else None,
                person=person,
                since=since,
                until=until,
            )

        total = session.scalar(where(select(func.count()).select_from(AuditEntry)))
        types = tuple(
            session.scalars(
                where(select(AuditEntry.object_type).distinct(), with_type=False).order_by(
                    AuditEntry.object_type
                )
            )
        )
        newest = session.scalars(
            where(select(AuditEntry).order_by(AuditEntry.seq.desc())).limit(limit)
        ).all()
        return AuditPage([_audit_row(e) for e in reversed(newest)], int(total or 0), types)
