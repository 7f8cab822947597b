"""The tables of a competition: call, criteria, policy, offers, committee, scores, decisions,
protocol versions and the audit trail.

The schema covers the whole procedure of DOMAIN.md so that later features add behaviour, not
tables.  Every table that holds competition data carries ``competition_id`` so the audit trail
and exports can scope by competition cheaply.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Money, Points, UTCDateTime, enum_column
from app.models.enums import (
    CheckAnswer,
    CompetitionKind,
    CompetitionStatus,
    DecisionKind,
    FormalStatus,
    IssueKind,
    ScoreSource,
)
from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    MemberRole,
    RoundingStage,
    ThresholdBasis,
    TieBreakerKind,
)


class Institution(Base):
    """The institution running competitions (one profile per database)."""

    __tablename__ = "institution"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str] = mapped_column(Text, default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="")


class Competition(Base):
    __tablename__ = "competition"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[CompetitionKind] = mapped_column(enum_column(CompetitionKind))
    status: Mapped[CompetitionStatus] = mapped_column(
        enum_column(CompetitionStatus), default=CompetitionStatus.DRAFT, index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    case_reference: Mapped[str] = mapped_column(String(100), default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    committee_act: Mapped[str] = mapped_column(Text, default="")
    task_description: Mapped[str] = mapped_column(Text, default="")
    announced_on: Mapped[date | None] = mapped_column(Date)
    publication_places: Mapped[str] = mapped_column(Text, default="")
    last_publication_on: Mapped[date | None] = mapped_column(Date)
    submission_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_date: Mapped[date | None] = mapped_column(Date)
    meeting_place: Mapped[str] = mapped_column(Text, default="")
    require_justification: Mapped[bool] = mapped_column(Boolean, default=True)
    remarks: Mapped[str] = mapped_column(Text, default="")
    cancellation_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    institution_id: Mapped[int | None] = mapped_column(ForeignKey("institution.id"))

    institution: Mapped[Institution | None] = relationship()
    policy: Mapped[ScoringPolicy] = relationship(
        back_populates="competition", cascade="all, delete-orphan", uselist=False
    )
    budget_lines: Mapped[list[BudgetLine]] = relationship(
        cascade="all, delete-orphan", order_by="BudgetLine.year"
    )
    meetings: Mapped[list[Meeting]] = relationship(
        cascade="all, delete-orphan", order_by="Meeting.starts_at"
    )
    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="competition", cascade="all, delete-orphan", order_by="Criterion.position"
    )
    tie_breakers: Mapped[list[TieBreakerRule]] = relationship(
        cascade="all, delete-orphan", order_by="TieBreakerRule.position"
    )
    formal_items: Mapped[list[FormalCheckItem]] = relationship(
        cascade="all, delete-orphan", order_by="FormalCheckItem.position"
    )
    offers: Mapped[list[Offer]] = relationship(
        back_populates="competition", cascade="all, delete-orphan", order_by="Offer.number"
    )
    members: Mapped[list[Member]] = relationship(
        back_populates="competition", cascade="all, delete-orphan", order_by="Member.position"
    )
    decisions: Mapped[list[Decision]] = relationship(
        cascade="all, delete-orphan", order_by="Decision.id"
    )
    protocol_versions: Mapped[list[ProtocolVersion]] = relationship(
        cascade="all, delete-orphan", order_by="ProtocolVersion.number"
    )
    tasks: Mapped[list[Task]] = relationship(cascade="all, delete-orphan", order_by="Task.position")


class BudgetLine(Base):
    """Public funds available, per year for multi-year tasks."""

    __tablename__ = "budget_line"
    __table_args__ = (UniqueConstraint("competition_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money)


class Task(Base):
    """One task (*zadanie*) of a call: its own budget, ranking and funding.

    A call without tasks is one task in all but name; once a call has tasks, every offer
    belongs to one of them.
    """

    __tablename__ = "task"
    __table_args__ = (UniqueConstraint("competition_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    budget: Mapped[Decimal] = mapped_column(Money)


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    attendance: Mapped[list[Attendance]] = relationship(cascade="all, delete-orphan")


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    present: Mapped[bool] = mapped_column(Boolean, default=True)


class ScoringPolicy(Base):
    __tablename__ = "scoring_policy"

    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), primary_key=True
    )
    aggregation: Mapped[Aggregation] = mapped_column(
        enum_column(Aggregation), default=Aggregation.MEAN
    )
    rounding_places: Mapped[int] = mapped_column(Integer, default=2)
    rounding_stage: Mapped[RoundingStage] = mapped_column(
        enum_column(RoundingStage), default=RoundingStage.CRITERION
    )
    min_total: Mapped[Decimal | None] = mapped_column(Points)
    min_total_basis: Mapped[ThresholdBasis] = mapped_column(
        enum_column(ThresholdBasis), default=ThresholdBasis.WEIGHTED
    )
    discrepancy_points: Mapped[Decimal | None] = mapped_column(Points)
    winners: Mapped[int | None] = mapped_column(Integer)
    allocation_method: Mapped[AllocationMethod] = mapped_column(
        enum_column(AllocationMethod), default=AllocationMethod.NONE
    )
    allocation_budget: Mapped[Decimal | None] = mapped_column(Money)
    award_step: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.01"))
    full_above: Mapped[Decimal | None] = mapped_column(Points)

    competition: Mapped[Competition] = relationship(back_populates="policy")


class TieBreakerRule(Base):
    __tablename__ = "tie_breaker_rule"
    __table_args__ = (UniqueConstraint("competition_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[TieBreakerKind] = mapped_column(enum_column(TieBreakerKind))
    ref: Mapped[str | None] = mapped_column(String(64))


class Criterion(Base):
    __tablename__ = "criterion"
    __table_args__ = (UniqueConstraint("competition_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[CriterionKind] = mapped_column(enum_column(CriterionKind))
    position: Mapped[int] = mapped_column(Integer)
    weight: Mapped[Decimal] = mapped_column(Points)
    max_score: Mapped[Decimal | None] = mapped_column(Points)
    step: Mapped[Decimal | None] = mapped_column(Points)
    min_score: Mapped[Decimal | None] = mapped_column(Points)
    field: Mapped[str | None] = mapped_column(String(64))
    cap: Mapped[Decimal | None] = mapped_column(Money)
    guidance: Mapped[str] = mapped_column(Text, default="")

    competition: Mapped[Competition] = relationship(back_populates="criteria")
    bands: Mapped[list[CriterionBand]] = relationship(
        cascade="all, delete-orphan", order_by="CriterionBand.from_value"
    )


class CriterionBand(Base):
    __tablename__ = "criterion_band"

    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    from_value: Mapped[Decimal] = mapped_column(Money)
    points: Mapped[Decimal] = mapped_column(Points)


class FormalCheckItem(Base):
    """One yes/no question of the formal checklist (eligible applicant, on time, …)."""

    __tablename__ = "formal_check_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    is_timeliness: Mapped[bool] = mapped_column(Boolean, default=False)
    correctable: Mapped[bool] = mapped_column(Boolean, default=True)


class Applicant(Base):
    __tablename__ = "applicant"

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(500))
    legal_form: Mapped[str] = mapped_column(String(200), default="")
    nip: Mapped[str | None] = mapped_column(String(10))
    regon: Mapped[str | None] = mapped_column(String(14))
    krs: Mapped[str | None] = mapped_column(String(10))
    address: Mapped[str] = mapped_column(Text, default="")
    contact_person: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")


class Offer(Base):
    __tablename__ = "offer"
    __table_args__ = (UniqueConstraint("competition_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)  # registration number within the competition
    code: Mapped[str] = mapped_column(String(32))  # label used on cards ("O1", "I2")
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"))
    title: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    requested_amount: Mapped[Decimal] = mapped_column(Money)
    formal_status: Mapped[FormalStatus] = mapped_column(
        enum_column(FormalStatus), default=FormalStatus.PENDING
    )
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    # the task the offer is submitted to (None only in a call without tasks)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    # the amount the committee proposes after the budget update (at most the request)
    proposed_amount: Mapped[Decimal | None] = mapped_column(Money)

    competition: Mapped[Competition] = relationship(back_populates="offers")
    task: Mapped[Task | None] = relationship()
    applicant: Mapped[Applicant] = relationship()
    values: Mapped[list[OfferValue]] = relationship(cascade="all, delete-orphan")
    attachments: Mapped[list[Attachment]] = relationship(cascade="all, delete-orphan")
    check_results: Mapped[list[FormalCheckResult]] = relationship(cascade="all, delete-orphan")
    corrections: Mapped[list[CorrectionRequest]] = relationship(cascade="all, delete-orphan")


class OfferValue(Base):
    """A figure that formula criteria read (price, return rate, committed capital, …)."""

    __tablename__ = "offer_value"
    __table_args__ = (UniqueConstraint("offer_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[Decimal] = mapped_column(Points)


class AttachmentBlob(Base):
    """Attachment content, stored once per distinct SHA-256."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blob.sha256"))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FormalCheckResult(Base):
    __tablename__ = "formal_check_result"
    __table_args__ = (UniqueConstraint("offer_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("formal_check_item.id", ondelete="CASCADE"))
    answer: Mapped[CheckAnswer] = mapped_column(enum_column(CheckAnswer))
    note: Mapped[str] = mapped_column(Text, default="")


class CorrectionRequest(Base):
    """Wezwanie do uzupełnienia: one round of corrections with a deadline."""

    __tablename__ = "correction_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    requested_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text)
    fulfilled_on: Mapped[date | None] = mapped_column(Date)


class Member(Base):
    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("competition_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[MemberRole] = mapped_column(enum_column(MemberRole))
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    declaration_signed_on: Mapped[date | None] = mapped_column(Date)
    declaration_text: Mapped[str] = mapped_column(Text, default="")

    competition: Mapped[Competition] = relationship(back_populates="members")
    conflicts: Mapped[list[Conflict]] = relationship(cascade="all, delete-orphan")


class Conflict(Base):
    """A declared conflict of interest: the member is recused from that offer."""

    __tablename__ = "conflict"
    __table_args__ = (UniqueConstraint("member_id", "offer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text, default="")
    declared_on: Mapped[date | None] = mapped_column(Date)


class Assignment(Base):
    """A member assigned to evaluate an offer.

    An offer with no assignment is evaluated by the whole committee; once it has any, only the
    assigned members score it.
    """

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("member_id", "offer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competition.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))


class Score(Base):
    __tablename__ = "score"
    __table_args__ = (
        UniqueConstraint("member_id", "offer_id", "criterion_id"),
        Index("ix_score_competition_offer", "competition_id", "offer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    value: Mapped[Decimal] = mapped_column(Points)
    justification: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[ScoreSource] = mapped_column(
        enum_column(ScoreSource), default=ScoreSource.MANUAL
    )
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Decision(Base):
    """A recorded committee decision: tie order, discrepancy resolution, manual award, …

    ``payload`` holds the decision's data as JSON with decimals written as strings.
    """

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    kind: Mapped[DecisionKind] = mapped_column(enum_column(DecisionKind))
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(Text)
    decided_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ScoreSheetIssue(Base):
    """A score workbook or evaluator package issued to one member (checked on return)."""

    __tablename__ = "score_sheet_issue"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    kind: Mapped[IssueKind] = mapped_column(enum_column(IssueKind))
    fingerprint: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    last_import_sha256: Mapped[str | None] = mapped_column(String(64))
    last_imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ProtocolVersion(Base):
    __tablename__ = "protocol_version"
    __table_args__ = (UniqueConstraint("competition_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    signed_off_at: Mapped[datetime] = mapped_column(UTCDateTime)
    signed_off_by: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    results_json: Mapped[str] = mapped_column(Text)
    # the stored files are read only when asked for (a version list needs only the rest)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    xlsx: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    reopened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reopen_reason: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Append-only, hash-chained record of every change."""

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator: Mapped[str] = mapped_column(String(200))
    acting_member: Mapped[str] = mapped_column(String(200), default="")
    competition_id: Mapped[int | None] = mapped_column(Integer, index=True)
    object_type: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's head (one row): compare-and-set on it serialises writers on any backend."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
