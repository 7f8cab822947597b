"""The scoring engine of Komisja: pure, exact (Decimal, half-up) and explained.

``compute_results`` turns a ``CompetitionInput`` into ``Results``; ``explain`` writes out how one
offer's numbers came about, as steps (codes and parameters) that ``app.texts`` renders in Polish
or English.  The
analysis functions describe the committee's scoring (leniency, agreement) and how stable the
result is against a change of one criterion's weight.
"""

from app.scoring.analysis import (
    Agreement,
    MemberLeniency,
    StabilityFinding,
    committee_agreement,
    member_leniency,
    result_stability,
)
from app.scoring.engine import compute_results, explain, explanations
from app.scoring.errors import ScoringInputError
from app.scoring.types import (
    Aggregation,
    Allocation,
    AllocationMethod,
    Band,
    CompetitionInput,
    Conflict,
    Criterion,
    CriterionKind,
    CriterionResult,
    Decisions,
    DiscrepancyMethod,
    DiscrepancyResolution,
    Flag,
    FormalOverride,
    FrozenMap,
    ManualAward,
    Member,
    MemberRole,
    Offer,
    OfferExplanation,
    OfferResult,
    Policy,
    Results,
    RoundingStage,
    Score,
    Step,
    ThresholdBasis,
    TieBreaker,
    TieBreakerKind,
    TieOrder,
)

__all__ = [
    "Aggregation",
    "Agreement",
    "Allocation",
    "AllocationMethod",
    "Band",
    "CompetitionInput",
    "Conflict",
    "Criterion",
    "CriterionKind",
    "CriterionResult",
    "Decisions",
    "DiscrepancyMethod",
    "DiscrepancyResolution",
    "Flag",
    "FormalOverride",
    "FrozenMap",
    "ManualAward",
    "Member",
    "MemberLeniency",
    "MemberRole",
    "Offer",
    "OfferExplanation",
    "OfferResult",
    "Policy",
    "Results",
    "RoundingStage",
    "Score",
    "ScoringInputError",
    "StabilityFinding",
    "Step",
    "ThresholdBasis",
    "TieBreaker",
    "TieBreakerKind",
    "TieOrder",
    "committee_agreement",
    "compute_results",
    "explain",
    "explanations",
    "member_leniency",
    "result_stability",
]
