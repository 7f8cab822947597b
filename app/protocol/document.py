"""The protocol's contract: everything a protocol shows, as frozen dataclasses of plain values.

The service layer builds one :class:`ProtocolDocument` from the database (and the scoring
engine's :class:`~app.scoring.types.Results`); the renderers in this package turn it into the
PDF and the Excel workbook.  Nothing here knows about SQLAlchemy or Qt, and nothing is
computed here: every number that the protocol prints is either given or taken from
``results``, so that the PDF and the workbook cannot disagree with the engine.

Identifiers
    Members, offers and criteria are referred to by their *codes* (``"M1"``, ``"O3"``,
    ``"K2"``).  The codes must be the ids used in the scoring input, so that
    ``results.offers[i].offer_id``, ``counted_members``, ``member_totals`` and
    ``Criterion.id`` all resolve to entries of this document.

Times
    ``datetime`` values must be timezone-aware; they are printed in Polish time
    (Europe/Warsaw).  Dates are plain ``date`` values.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType

from app.scoring.types import Criterion, MemberRole, OfferExplanation, Policy, Results

__all__ = [
    "Analysis",
    "Attendance",
    "BudgetLine",
    "CommitteeMember",
    "CompetitionInfo",
    "CompetitionKind",
    "CorrectionRequest",
    "Decision",
    "DecisionKind",
    "FormalResult",
    "IndividualScore",
    "InstitutionInfo",
    "LeniencyRow",
    "Meeting",
    "PreviousVersion",
    "ProtocolDocument",
    "ReceivedOffer",
    "Recusal",
    "SheetSource",
    "SheetSourceKind",
]

_HEX64 = re.compile(r"[0-9a-f]{64}")


class CompetitionKind(enum.StrEnum):
    NGO_GRANT = "ngo_grant"  # otwarty konkurs ofert (Public Benefit Act, art. 11-19)
    INVESTOR = "investor"  # wybór inwestora (social impact bond)
    PROVIDER = "provider"  # wybór usługodawcy (social impact bond)


class DecisionKind(enum.StrEnum):
    TIE_ORDER = "tie_order"
    DISCREPANCY_RESOLUTION = "discrepancy_resolution"
    MANUAL_AWARD = "manual_award"
    FORMAL_OVERRIDE = "formal_override"
    LATE_ADMISSION = "late_admission"
    REMARK = "remark"


class SheetSourceKind(enum.StrEnum):
    MANUAL = "manual"  # typed in at the office
    WORKBOOK = "workbook"  # returned score workbook (.xlsx)
    PACKAGE = "package"  # returned evaluator package
    IMPORT = "import"  # other import


def _require_aware(value: datetime | None, what: str) -> None:
    if value is not None and value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {value!r}")


def _frozen_decimal_map(value: Mapping[str, Decimal] | None) -> Mapping[str, Decimal]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class InstitutionInfo:
    name: str
    address: str = ""
    head_name: str = ""  # signs "ZATWIERDZAM"
    head_title: str = ""  # e.g. "Dyrektor Miejskiego Ośrodka Pomocy Społecznej"


@dataclass(frozen=True)
class BudgetLine:
    year: int
    amount: Decimal


@dataclass(frozen=True)
class CompetitionInfo:
    uid: str  # stable identifier, written into the PDF metadata
    kind: CompetitionKind
    title: str
    case_reference: str  # znak sprawy, e.g. "SO.524.2.2027"
    legal_basis: str = ""
    committee_act: str = ""  # act appointing the committee (zarządzenie nr …)
    announced_on: date | None = None
    publication_places: str = ""
    submission_deadline: datetime | None = None
    decision_date: date | None = None
    budget_lines: tuple[BudgetLine, ...] = ()
    budget_total: Decimal | None = None  # None: the sum of budget_lines

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", CompetitionKind(self.kind))
        _require_aware(self.submission_deadline, "submission_deadline")

    @property
    def total_budget(self) -> Decimal | None:
        if self.budget_total is not None:
            return self.budget_total
        if not self.budget_lines:
            return None
        return sum((line.amount for line in self.budget_lines), Decimal(0))


@dataclass(frozen=True)
class Attendance:
    member_code: str
    present: bool


@dataclass(frozen=True)
class Meeting:
    starts_at: datetime
    place: str
    purpose: str
    attendance: tuple[Attendance, ...] = ()

    def __post_init__(self) -> None:
        _require_aware(self.starts_at, "Meeting.starts_at")


@dataclass(frozen=True)
class CommitteeMember:
    code: str
    name: str
    role: MemberRole
    affiliation: str = ""
    declaration_signed_on: date | None = None  # declaration of impartiality
    present_at_sign_off: bool = True  # gets a signature line

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", MemberRole(self.role))


@dataclass(frozen=True)
class Recusal:
    member_code: str
    offer_code: str
    reason: str
    declared_on: date | None = None


@dataclass(frozen=True)
class ReceivedOffer:
    code: str
    applicant: str
    legal_form: str
    nip: str | None
    title: str
    received_at: datetime
    requested: Decimal
    late: bool = False
    # figures that formula criteria read (price, return rate, capital, …), by field name
    values: Mapping[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _require_aware(self.received_at, "ReceivedOffer.received_at")
        object.__setattr__(self, "values", _frozen_decimal_map(self.values))


@dataclass(frozen=True)
class CorrectionRequest:
    requested_on: date
    deadline: date
    scope: str
    fulfilled_on: date | None = None


@dataclass(frozen=True)
class FormalResult:
    offer_code: str
    admitted: bool
    reason: str = ""  # why rejected (or a note when admitted)
    corrections: tuple[CorrectionRequest, ...] = ()


@dataclass(frozen=True)
class Decision:
    kind: DecisionKind
    offer_codes: tuple[str, ...]  # the offers concerned (a tie order lists them best first)
    reason: str
    decided_on: date
    details: str = ""  # already-rendered description (method, amounts, agreed scores …)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DecisionKind(self.kind))


@dataclass(frozen=True)
class IndividualScore:
    member_code: str
    offer_code: str
    criterion_id: str
    score: Decimal
    justification: str = ""


@dataclass(frozen=True)
class LeniencyRow:
    member_code: str
    mean_deviation: Decimal  # member's score minus the others' mean, averaged (signed)
    offers_compared: int


@dataclass(frozen=True)
class Analysis:
    leniency: tuple[LeniencyRow, ...] = ()
    agreement_coefficient: Decimal | None = None
    agreement_band: str = ""  # already-rendered words, e.g. "dobra zgodność"


@dataclass(frozen=True)
class PreviousVersion:
    number: int
    signed_off_at: datetime
    signed_off_by: str
    reopened_at: datetime | None
    reopen_reason: str

    def __post_init__(self) -> None:
        _require_aware(self.signed_off_at, "PreviousVersion.signed_off_at")
        _require_aware(self.reopened_at, "PreviousVersion.reopened_at")


@dataclass(frozen=True)
class SheetSource:
    """Where one member's scores came from (returned workbook, evaluator package, …)."""

    member_code: str
    kind: SheetSourceKind
    reference: str = ""  # file name or issue id
    sha256: str = ""  # of the imported file
    imported_at: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", SheetSourceKind(self.kind))
        _require_aware(self.imported_at, "SheetSource.imported_at")


@dataclass(frozen=True)
class ProtocolDocument:
    """One version of the protocol, complete.  Renderers print this and nothing else."""

    language: str  # "pl" or "en"
    version: int  # protocol version number (1, 2, … after reopening)
    fingerprint: str  # hex SHA-256 of the data (given by the service layer)
    generated_at: datetime
    institution: InstitutionInfo
    competition: CompetitionInfo
    meetings: tuple[Meeting, ...]
    committee: tuple[CommitteeMember, ...]
    recusals: tuple[Recusal, ...]
    offers: tuple[ReceivedOffer, ...]  # every offer received, in registration order
    formal_results: tuple[FormalResult, ...]
    policy: Policy  # scoring rules: aggregation, rounding, thresholds, ties, allocation
    criteria: tuple[Criterion, ...]  # card order
    results: Results
    decisions: tuple[Decision, ...] = ()
    # how each offer's numbers came about (annex 2), in the results' order
    explanations: tuple[OfferExplanation, ...] = ()
    remarks: tuple[str, ...] = ()
    individual_scores: tuple[IndividualScore, ...] = ()  # the annex, every member's scores
    analysis: Analysis = field(default_factory=Analysis)
    stability: tuple[str, ...] = ()  # already-rendered sentences
    previous_versions: tuple[PreviousVersion, ...] = ()  # reopen history
    cancelled: bool = False
    cancellation_reason: str = ""
    signed_off_by: str | None = None  # None for a draft
    signed_off_at: datetime | None = None
    sheet_sources: tuple[SheetSource, ...] = ()

    def __post_init__(self) -> None:
        if self.language not in ("pl", "en"):
            raise ValueError(f"language must be 'pl' or 'en', got {self.language!r}")
        if self.version < 1:
            raise ValueError(f"version must be 1 or more, got {self.version}")
        if not _HEX64.fullmatch(self.fingerprint):
            raise ValueError("fingerprint must be 64 lowercase hex digits (SHA-256)")
        _require_aware(self.generated_at, "generated_at")
        _require_aware(self.signed_off_at, "signed_off_at")
        if (self.signed_off_by is None) != (self.signed_off_at is None):
            raise ValueError("signed_off_by and signed_off_at must both be set or both be None")

    # -- look-ups (computed once; the dataclass stays immutable) ------------------------------

    @cached_property
    def member_by_code(self) -> Mapping[str, CommitteeMember]:
        return MappingProxyType({m.code: m for m in self.committee})

    @cached_property
    def offer_by_code(self) -> Mapping[str, ReceivedOffer]:
        return MappingProxyType({o.code: o for o in self.offers})

    @cached_property
    def criterion_by_id(self) -> Mapping[str, Criterion]:
        return MappingProxyType({c.id: c for c in self.criteria})

    @cached_property
    def formal_by_offer(self) -> Mapping[str, FormalResult]:
        return MappingProxyType({f.offer_code: f for f in self.formal_results})

    @property
    def is_draft(self) -> bool:
        return self.signed_off_by is None

    @property
    def is_cancelled(self) -> bool:
        """The competition is cancelled: recorded as such, or nothing was eligible."""
        return self.cancelled or self.results.cancel

    def check_consistency(self) -> None:
        """Raise ``ValueError`` naming the first reference that does not resolve.

        The renderers call this before drawing anything: a protocol that names an unknown
        member or offer must never be produced.
        """
        members = self.member_by_code
        offers = self.offer_by_code
        criteria = self.criterion_by_id
        problems: list[str] = []
        if len(members) != len(self.committee):
            problems.append("duplicate member codes")
        if len(offers) != len(self.offers):
            problems.append("duplicate offer codes")
        if len(criteria) != len(self.criteria):
            problems.append("duplicate criterion ids")
        for result in self.results.offers:
            if result.offer_id not in offers:
                problems.append(f"results name unknown offer {result.offer_id!r}")
            for code in (*result.counted_members, *result.excluded_members):
                if code not in members:
                    problems.append(f"results name unknown member {code!r}")
            for crit in result.criteria:
                if crit.criterion_id not in criteria:
                    problems.append(f"results name unknown criterion {crit.criterion_id!r}")
        for recusal in self.recusals:
            if recusal.member_code not in members or recusal.offer_code not in offers:
                problems.append(f"recusal {recusal.member_code}/{recusal.offer_code} unresolved")
        for formal in self.formal_results:
            if formal.offer_code not in offers:
                problems.append(f"formal result for unknown offer {formal.offer_code!r}")
        for meeting in self.meetings:
            for att in meeting.attendance:
                if att.member_code not in members:
                    problems.append(f"attendance of unknown member {att.member_code!r}")
        seen_bad: set[tuple[str, str, str]] = set()
        for score in self.individual_scores:
            if (
                score.member_code not in members
                or score.offer_code not in offers
                or score.criterion_id not in criteria
            ):
                key = (score.member_code, score.offer_code, score.criterion_id)
                if key not in seen_bad:
                    seen_bad.add(key)
                    problems.append(f"individual score {'/'.join(key)} unresolved")
        for row in self.analysis.leniency:
            if row.member_code not in members:
                problems.append(f"leniency row of unknown member {row.member_code!r}")
        if problems:
            shown = "; ".join(problems[:10])
            more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
            raise ValueError(f"inconsistent protocol document: {shown}{more}")
