"""Enumerations of the procedure that the scoring engine does not need.

The scoring enums (criterion kinds, aggregation, rounding stage, …) live in
``app.scoring.types`` and are reused by the models, so the two never drift apart.
"""

from __future__ import annotations

import enum


class CompetitionKind(enum.StrEnum):
    NGO_GRANT = "ngo_grant"  # otwarty konkurs ofert (art. 11-19 of the Public Benefit Act)
    INVESTOR = "investor"  # wybór inwestora (social impact bond)
    PROVIDER = "provider"  # wybór usługodawcy (social impact bond)


class CompetitionStatus(enum.StrEnum):
    DRAFT = "draft"
    ANNOUNCED = "announced"
    SUBMISSIONS_CLOSED = "submissions_closed"
    FORMAL_CHECK = "formal_check"
    SCORING = "scoring"
    RESULTS = "results"
    SIGNED_OFF = "signed_off"
    ARCHIVED = "archived"
    CANCELLED = "cancelled"


class FormalStatus(enum.StrEnum):
    PENDING = "pending"
    CORRECTION_REQUESTED = "correction_requested"
    ADMITTED = "admitted"
    REJECTED = "rejected"


class CheckAnswer(enum.StrEnum):
    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "n/a"


class DecisionKind(enum.StrEnum):
    TIE_ORDER = "tie_order"
    DISCREPANCY_RESOLUTION = "discrepancy_resolution"
    MANUAL_AWARD = "manual_award"
    FORMAL_OVERRIDE = "formal_override"
    LATE_ADMISSION = "late_admission"
    REMARK = "remark"


class ScoreSource(enum.StrEnum):
    MANUAL = "manual"
    WORKBOOK = "workbook"
    PACKAGE = "package"
    IMPORT = "import"


class IssueKind(enum.StrEnum):
    WORKBOOK = "workbook"
    PACKAGE = "package"
