"""Plain input values for the service layer (what the GUI, the command line and imports send)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.models import CompetitionKind
from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    MemberRole,
    RoundingStage,
    ThresholdBasis,
    TieBreakerKind,
)


@dataclass(frozen=True)
class CallSpec:
    kind: CompetitionKind
    title: str
    case_reference: str = ""
    legal_basis: str = ""
    committee_act: str = ""
    task_description: str = ""
    announced_on: date | None = None
    publication_places: str = ""
    last_publication_on: date | None = None
    submission_deadline: datetime | None = None
    decision_date: date | None = None
    meeting_place: str = ""
    require_justification: bool = True
    budget: tuple[tuple[int, Decimal], ...] = ()  # (year, amount)


@dataclass(frozen=True)
class BandSpec:
    from_value: Decimal
    points: Decimal


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    name: str
    kind: CriterionKind
    weight: Decimal
    max_score: Decimal | None = None
    step: Decimal | None = None
    min_score: Decimal | None = None
    field: str | None = None
    cap: Decimal | None = None
    bands: tuple[BandSpec, ...] = ()
    guidance: str = ""


@dataclass(frozen=True)
class TieBreakerSpec:
    kind: TieBreakerKind
    ref: str | None = None


@dataclass(frozen=True)
class PolicySpec:
    aggregation: Aggregation = Aggregation.MEAN
    rounding_places: int = 2
    rounding_stage: RoundingStage = RoundingStage.CRITERION
    min_total: Decimal | None = None
    min_total_basis: ThresholdBasis = ThresholdBasis.WEIGHTED
    tie_breakers: tuple[TieBreakerSpec, ...] = ()
    discrepancy_points: Decimal | None = None
    winners: int | None = None
    allocation_method: AllocationMethod = AllocationMethod.NONE
    allocation_budget: Decimal | None = None  # None: the sum of the call's budget lines
    award_step: Decimal = Decimal("0.01")
    full_above: Decimal | None = None


@dataclass(frozen=True)
class ApplicantSpec:
    name: str
    legal_form: str = ""
    nip: str | None = None
    regon: str | None = None
    krs: str | None = None
    address: str = ""
    contact_person: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class OfferSpec:
    applicant: ApplicantSpec
    received_at: datetime
    requested_amount: Decimal
    title: str = ""
    code: str | None = None  # defaults to "O<number>"
    values: tuple[tuple[str, Decimal], ...] = ()
    task: str | None = None  # the task's code; required once the call has tasks


@dataclass(frozen=True)
class TaskSpec:
    """A task (*zadanie*) of a call: its code, name and budget (``None``: not given yet)."""

    code: str
    name: str
    budget: Decimal | None


@dataclass(frozen=True)
class MemberSpec:
    name: str
    role: MemberRole
    code: str | None = None  # defaults to "M<position>"
    affiliation: str = ""
    email: str = ""


@dataclass(frozen=True)
class ScoreEntry:
    offer_code: str
    criterion_code: str
    value: Decimal
    justification: str = ""


@dataclass(frozen=True)
class MeetingSpec:
    starts_at: datetime
    place: str = ""
    purpose: str = ""
    present: tuple[str, ...] = field(default_factory=tuple)  # member codes
