"""The scoring engine of Komisja: pure, exact (Decimal, half-up) and explained.

``compute_results`` turns a ``CompetitionInput`` into ``Results``; ``explain`` writes out how one
offer's numbers came about, as steps (codes and parameters) that ``app.texts`` renders in Polish
or English.  The
analysis functions describe the committee's scoring (leniency, agreement) and how stable the
result is against a change of one criterion's weight.

The engine and the analysis load on first use: the data model imports the plain types of this
package, and the main window, which imports the data model, never computes a result itself.
"""

from typing import TYPE_CHECKING, Any

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
    ScoreSheet,
    Step,
    ThresholdBasis,
    TieBreaker,
    TieBreakerKind,
    TieOrder,
)

if TYPE_CHECKING:
    from app.scoring.analysis import (
        Agreement,
        MemberLeniency,
        StabilityFinding,
        committee_agreement,
        member_leniency,
        result_stability,
    )
    from app.scoring.engine import compute_results, explain, explanations

_LAZY = {
    "Agreement": "analysis",
    "MemberLeniency": "analysis",
    "StabilityFinding": "analysis",
    "committee_agreement": "analysis",
    "member_leniency": "analysis",
    "result_stability": "analysis",
    "compute_results": "engine",
    "explain": "engine",
    "explanations": "engine",
}


def __getattr__(name: str) -> Any:
    """The engine's and the analysis' names, imported when first asked for (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # plain import statements, so that PyInstaller finds both modules
    if module == "engine":
        from app.scoring import engine

        return getattr(engine, name)
    from app.scoring import analysis

    return getattr(analysis, name)


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
    "ScoreSheet",
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
