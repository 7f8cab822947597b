"""Words for the procedure's enumerations, translated the Qt way (context "Labels")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.models import CheckAnswer, CompetitionKind, CompetitionStatus, FormalStatus
from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    MemberRole,
    RoundingStage,
    ThresholdBasis,
    TieBreakerKind,
)


def kind_label(kind: CompetitionKind) -> str:
    return {
        CompetitionKind.NGO_GRANT: QCoreApplication.translate(
            "Labels", "Open competition (art. 15)"
        ),
        CompetitionKind.INVESTOR: QCoreApplication.translate("Labels", "Investor selection"),
        CompetitionKind.PROVIDER: QCoreApplication.translate("Labels", "Provider selection"),
    }[kind]


def status_text(status: CompetitionStatus) -> str:
    return {
        CompetitionStatus.DRAFT: QCoreApplication.translate("Labels", "draft"),
        CompetitionStatus.ANNOUNCED: QCoreApplication.translate("Labels", "announced"),
        CompetitionStatus.SUBMISSIONS_CLOSED: QCoreApplication.translate(
            "Labels", "submissions closed"
        ),
        CompetitionStatus.FORMAL_CHECK: QCoreApplication.translate("Labels", "formal check"),
        CompetitionStatus.SCORING: QCoreApplication.translate("Labels", "scoring"),
        CompetitionStatus.RESULTS: QCoreApplication.translate("Labels", "results"),
        CompetitionStatus.SIGNED_OFF: QCoreApplication.translate("Labels", "signed off"),
        CompetitionStatus.ARCHIVED: QCoreApplication.translate("Labels", "archived"),
        CompetitionStatus.CANCELLED: QCoreApplication.translate("Labels", "cancelled"),
    }[status]


PROCEDURE_STEPS = (
    CompetitionStatus.DRAFT,
    CompetitionStatus.ANNOUNCED,
    CompetitionStatus.SUBMISSIONS_CLOSED,
    CompetitionStatus.FORMAL_CHECK,
    CompetitionStatus.SCORING,
    CompetitionStatus.RESULTS,
    CompetitionStatus.SIGNED_OFF,
    CompetitionStatus.ARCHIVED,
)


def progress_percent(status: CompetitionStatus) -> int:
    """How far along the procedure a competition is (cancelled counts as finished)."""
    if status is CompetitionStatus.CANCELLED:
        return 100
    position = PROCEDURE_STEPS.index(status)
    return round(100 * position / (len(PROCEDURE_STEPS) - 2)) if position < 6 else 100


def role_label(role: MemberRole) -> str:
    return {
        MemberRole.CHAIR: QCoreApplication.translate("Labels", "chair"),
        MemberRole.SECRETARY: QCoreApplication.translate("Labels", "secretary"),
        MemberRole.MEMBER: QCoreApplication.translate("Labels", "member"),
        MemberRole.EXPERT: QCoreApplication.translate("Labels", "advisory expert"),
    }[role]


def criterion_kind_label(kind: CriterionKind) -> str:
    return {
        CriterionKind.SCORED: QCoreApplication.translate("Labels", "scored by members"),
        CriterionKind.LOWER_BETTER: QCoreApplication.translate(
            "Labels", "formula: lower is better"
        ),
        CriterionKind.HIGHER_BETTER: QCoreApplication.translate(
            "Labels", "formula: higher is better"
        ),
        CriterionKind.BANDED: QCoreApplication.translate("Labels", "bands of a value"),
        CriterionKind.YES_NO: QCoreApplication.translate("Labels", "yes/no"),
    }[kind]


def aggregation_label(value: Aggregation) -> str:
    return {
        Aggregation.MEAN: QCoreApplication.translate("Labels", "mean"),
        Aggregation.MEDIAN: QCoreApplication.translate("Labels", "median"),
    }[value]


def rounding_stage_label(value: RoundingStage) -> str:
    return {
        RoundingStage.CRITERION: QCoreApplication.translate("Labels", "each criterion"),
        RoundingStage.TOTAL: QCoreApplication.translate("Labels", "only the total"),
    }[value]


def basis_label(value: ThresholdBasis) -> str:
    return {
        ThresholdBasis.WEIGHTED: QCoreApplication.translate("Labels", "weighted total"),
        ThresholdBasis.UNSCALED: QCoreApplication.translate("Labels", "unweighted sum of scores"),
    }[value]


def tie_breaker_label(kind: TieBreakerKind) -> str:
    return {
        TieBreakerKind.CRITERION: QCoreApplication.translate(
            "Labels", "more points on a criterion"
        ),
        TieBreakerKind.HIGHEST_WEIGHT: QCoreApplication.translate(
            "Labels", "more points on the heaviest criterion"
        ),
        TieBreakerKind.LOWER: QCoreApplication.translate("Labels", "lower offer value"),
        TieBreakerKind.HIGHER: QCoreApplication.translate("Labels", "higher offer value"),
        TieBreakerKind.EARLIER_SUBMISSION: QCoreApplication.translate(
            "Labels", "earlier submission"
        ),
    }[kind]


def allocation_label(value: AllocationMethod) -> str:
    return {
        AllocationMethod.NONE: QCoreApplication.translate("Labels", "no allocation (winners only)"),
        AllocationMethod.IN_ORDER_STOP: QCoreApplication.translate(
            "Labels", "in rank order, stop at the first that does not fit"
        ),
        AllocationMethod.IN_ORDER_SKIP: QCoreApplication.translate(
            "Labels", "in rank order, skip what does not fit"
        ),
        AllocationMethod.IN_ORDER_PARTIAL: QCoreApplication.translate(
            "Labels", "in rank order, the last gets the remainder"
        ),
        AllocationMethod.FULL_ABOVE_PRORATA_BELOW: QCoreApplication.translate(
            "Labels", "full above a score, a percentage below"
        ),
        AllocationMethod.MANUAL: QCoreApplication.translate(
            "Labels", "amounts decided by the committee"
        ),
    }[value]


def formal_status_label(value: FormalStatus) -> str:
    return {
        FormalStatus.PENDING: QCoreApplication.translate("Labels", "pending"),
        FormalStatus.CORRECTION_REQUESTED: QCoreApplication.translate(
            "Labels", "correction requested"
        ),
        FormalStatus.ADMITTED: QCoreApplication.translate("Labels", "admitted"),
        FormalStatus.REJECTED: QCoreApplication.translate("Labels", "rejected"),
    }[value]


def answer_label(value: CheckAnswer | None) -> str:
    if value is None:
        return "—"
    return {
        CheckAnswer.YES: QCoreApplication.translate("Labels", "yes"),
        CheckAnswer.NO: QCoreApplication.translate("Labels", "no"),
        CheckAnswer.NOT_APPLICABLE: QCoreApplication.translate("Labels", "n/a"),
    }[value]
