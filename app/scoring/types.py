"""Inputs and outputs of the scoring engine.

Everything here is a frozen dataclass of plain values (``Decimal``, ``str``, ``datetime``),
so results can cross layer and thread boundaries and be hashed into the protocol's
fingerprint.  No ORM objects, no Qt, no I/O.

Explanations are *codes with parameters*, not sentences: the user interface, the command line
and the protocol turn them into Polish or English words (see ``app.texts``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

from app.scoring.errors import ScoringInputError

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only mapping that, unlike ``MappingProxyType``, can be pickled (results are
    sent from a worker process)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(data)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))


def _frozen_map(value: Mapping[K, V] | None) -> FrozenMap[K, V]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value or {})


class CriterionKind(enum.StrEnum):
    SCORED = "scored"
    LOWER_BETTER = "lower_better"
    HIGHER_BETTER = "higher_better"
    BANDED = "banded"
    YES_NO = "yes_no"


class Aggregation(enum.StrEnum):
    MEAN = "mean"
    MEDIAN = "median"


class RoundingStage(enum.StrEnum):
    CRITERION = "criterion"
    TOTAL = "total"


class ThresholdBasis(enum.StrEnum):
    WEIGHTED = "weighted"
    UNSCALED = "unscaled"


class TieBreakerKind(enum.StrEnum):
    CRITERION = "criterion"  # more points on the named criterion wins
    HIGHEST_WEIGHT = "highest_weight"  # more points on the heaviest criterion wins
    LOWER = "lower"  # lower offer value (field) wins
    HIGHER = "higher"  # higher offer value (field) wins
    EARLIER_SUBMISSION = "earlier_submission"


class AllocationMethod(enum.StrEnum):
    NONE = "none"
    IN_ORDER_STOP = "in_order_stop"
    IN_ORDER_SKIP = "in_order_skip"
    IN_ORDER_PARTIAL = "in_order_partial"
    FULL_ABOVE_PRORATA_BELOW = "full_above_prorata_below"
    MANUAL = "manual"


class MemberRole(enum.StrEnum):
    CHAIR = "chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    EXPERT = "expert"  # advisory: scores recorded, never counted


class Flag(enum.StrEnum):
    SELECTED = "selected"
    DISCREPANCY = "discrepancy"
    DISCREPANCY_RESOLVED = "discrepancy_resolved"
    TIE_UNRESOLVED = "tie_unresolved"
    TIE_DECIDED = "tie_decided"
    BELOW_THRESHOLD = "below_threshold"
    CRITERION_THRESHOLD_FAILED = "criterion_threshold_failed"
    FORMAL_CRITERION_FAILED = "formal_criterion_failed"
    RECUSALS = "recusals"
    INCOMPLETE_SCORES = "incomplete_scores"
    MANUAL_AWARD = "manual_award"
    FORMAL_OVERRIDE = "formal_override"


class DiscrepancyMethod(enum.StrEnum):
    CONSENSUS = "consensus"  # agreed consensus scores replace the aggregate
    THIRD_EVALUATOR = "third_evaluator"  # another evaluator's scores were added
    CHAIR_DECISION = "chair_decision"  # scores stand as they are, by recorded decision


# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass(frozen=True)
class Band:
    """Points awarded when the offer's value is at least ``from_value``."""

    from_value: Decimal
    points: Decimal


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    kind: CriterionKind
    weight: Decimal
    max_score: Decimal | None = None  # SCORED / YES_NO: top of the members' scale
    step: Decimal | None = None  # SCORED: members score in multiples of this
    min_score: Decimal | None = None  # threshold on the aggregated score (SCORED)
    field: str | None = None  # LOWER_BETTER / HIGHER_BETTER / BANDED: offer value read
    bands: tuple[Band, ...] = ()
    cap: Decimal | None = None  # HIGHER_BETTER: values above the cap count as the cap


@dataclass(frozen=True)
class TieBreaker:
    kind: TieBreakerKind
    ref: str | None = None  # criterion id for CRITERION, field name for LOWER / HIGHER


@dataclass(frozen=True)
class Allocation:
    method: AllocationMethod = AllocationMethod.NONE
    budget: Decimal | None = None
    award_step: Decimal = Decimal("0.01")
    full_above: Decimal | None = None  # FULL_ABOVE_PRORATA_BELOW


@dataclass(frozen=True)
class Policy:
    aggregation: Aggregation = Aggregation.MEAN
    rounding_places: int = 2
    rounding_stage: RoundingStage = RoundingStage.CRITERION
    min_total: Decimal | None = None
    min_total_basis: ThresholdBasis = ThresholdBasis.WEIGHTED
    tie_breakers: tuple[TieBreaker, ...] = ()
    discrepancy_points: Decimal | None = None
    winners: int | None = None  # with AllocationMethod.NONE: top N eligible are selected
    allocation: Allocation = field(default_factory=Allocation)


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: MemberRole


@dataclass(frozen=True)
class Offer:
    id: str
    label: str  # applicant name (and title) for explanations
    requested: Decimal
    submitted_at: datetime  # timezone-aware
    admitted: bool  # passed the formal check (after any recorded override)
    values: Mapping[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", _frozen_map(self.values))


class Score(NamedTuple):
    """One member's score of one offer on one criterion.

    A named tuple: a large competition has a quarter of a million of them, read from the
    database row by row, and a tuple is made several times faster than a dataclass.
    """

    member_id: str
    offer_id: str
    criterion_id: str
    value: Decimal


@dataclass(frozen=True)
class ScoreSheet:
    """Every score of a competition, held as the engine reads them: by (offer, criterion), then
    member.  Iterating it gives the scores one by one, as ``Score`` rows.

    A large competition has a quarter of a million scores; read from the database they are
    grouped as they come, and the engine looks an offer's criterion up instead of sorting
    them out again.  Nobody may change the mappings once the sheet is made.
    """

    groups: Mapping[tuple[str, str], Mapping[str, Decimal]]

    @classmethod
    def of(cls, scores: Iterable[Score]) -> ScoreSheet:
        """The sheet of these scores; raises ``ScoringInputError`` on a second score of one
        member for one offer and criterion."""
        groups: dict[tuple[str, str], dict[str, Decimal]] = {}
        for member_id, offer_id, criterion_id, value in scores:
            by_member = groups.setdefault((offer_id, criterion_id), {})
            if member_id in by_member:
                raise ScoringInputError(
                    "duplicate_score",
                    {"member": member_id, "offer": offer_id, "criterion": criterion_id},
                )
            by_member[member_id] = value
        return cls(groups)

    def __iter__(self) -> Iterator[Score]:
        for (offer_id, criterion_id), by_member in self.groups.items():
            for member_id, value in by_member.items():
                yield Score(member_id, offer_id, criterion_id, value)

    def __len__(self) -> int:
        return sum(map(len, self.groups.values()))


@dataclass(frozen=True)
class Conflict:
    member_id: str
    offer_id: str


# Committee decisions: what the rules leave open, each with its recorded reason.


@dataclass(frozen=True)
class TieOrder:
    """The committee's order for offers that the tie-break chain left tied (best first)."""

    offer_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class DiscrepancyResolution:
    offer_id: str
    method: DiscrepancyMethod
    reason: str
    # CONSENSUS: agreed aggregated score per scored criterion (replaces the aggregate)
    consensus_scores: Mapping[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "consensus_scores", _frozen_map(self.consensus_scores))


@dataclass(frozen=True)
class ManualAward:
    offer_id: str
    amount: Decimal
    reason: str


@dataclass(frozen=True)
class FormalOverride:
    """Recorded decision changing the formal outcome (already applied to ``Offer.admitted``)."""

    offer_id: str
    admitted: bool
    reason: str


@dataclass(frozen=True)
class Decisions:
    tie_orders: tuple[TieOrder, ...] = ()
    discrepancy_resolutions: tuple[DiscrepancyResolution, ...] = ()
    manual_awards: tuple[ManualAward, ...] = ()
    formal_overrides: tuple[FormalOverride, ...] = ()


@dataclass(frozen=True)
class CompetitionInput:
    criteria: tuple[Criterion, ...]
    policy: Policy
    members: tuple[Member, ...]
    offers: tuple[Offer, ...]
    # every score; given as ``Score`` rows, they are grouped here (see ``ScoreSheet``)
    scores: ScoreSheet
    conflicts: tuple[Conflict, ...] = ()
    decisions: Decisions = field(default_factory=Decisions)

    def __post_init__(self) -> None:
        if not isinstance(self.scores, ScoreSheet):
            object.__setattr__(self, "scores", ScoreSheet.of(self.scores))


# ---------------------------------------------------------------------------------------------
# Outputs


@dataclass(frozen=True)
class Step:
    """One line of an explanation: a stable code and its parameters as display-ready strings.

    Decimal parameters are written with ``str()`` of the exact value (``"25.34"``); the words
    around them come from ``app.texts``.
    """

    code: str
    params: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", _frozen_map(self.params))


@dataclass(frozen=True, slots=True)
class CriterionResult:
    criterion_id: str
    score: Decimal | None  # aggregated score (SCORED / YES_NO), rounded for display
    points: Decimal  # rounded to the policy's places (display value at stage TOTAL)
    points_exact: Decimal  # the value that enters the total (rounded at stage CRITERION)
    threshold_passed: bool | None  # None when the criterion has no threshold
    counted_members: tuple[str, ...]
    consensus: bool = False  # the score is the committee's agreed one, not the members' mean


@dataclass(frozen=True)
class OfferResult:
    offer_id: str
    admitted: bool
    criteria: tuple[CriterionResult, ...]  # in the criteria's order; empty when not admitted
    total: Decimal | None  # rounded to the policy's places; None when not admitted
    unscaled_total: Decimal | None  # plain sum of aggregated scores of scored criteria
    eligible: bool
    rank: int | None
    flags: frozenset[Flag]
    award: Decimal | None  # None when allocation is NONE
    counted_members: tuple[str, ...]  # members counted for this offer
    excluded_members: Mapping[str, str]  # member id -> reason code (expert, recused, ...)
    member_totals: Mapping[str, Decimal]  # each counted member's own weighted total
    spread: Decimal | None  # max - min of member_totals
    # what comparing it with the other offers gave it: rank, tie-breaks, selection, award
    # (its whole explanation is written on request: ``app.scoring.explain``)
    placement: tuple[Step, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "excluded_members", _frozen_map(self.excluded_members))
        object.__setattr__(self, "member_totals", _frozen_map(self.member_totals))


@dataclass(frozen=True)
class Results:
    offers: tuple[OfferResult, ...]  # ranked eligible first, then ineligible, then not admitted
    not_evaluated: tuple[str, ...]  # offers that failed the formal check
    cancel: bool  # nothing eligible: the competition must be cancelled
    budget: Decimal | None
    awarded_total: Decimal | None
    unresolved_ties: tuple[tuple[str, ...], ...]  # groups still tied after the chain
    unresolved_discrepancies: tuple[str, ...]
    steps: tuple[Step, ...]  # competition-level notes (e.g. common percentage, cancellation)

    def offer(self, offer_id: str) -> OfferResult:
        for result in self.offers:
            if result.offer_id == offer_id:
                return result
        raise KeyError(offer_id)


@dataclass(frozen=True)
class OfferExplanation:
    """How one offer's numbers came about, written on request (``app.scoring.explain``)."""

    offer_id: str
    criteria: Mapping[str, tuple[Step, ...]]  # criterion id -> its steps, in the criteria's order
    steps: tuple[Step, ...]  # the offer as a whole: who counted, total, thresholds, placement

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", _frozen_map(self.criteria))
