"""Inputs and outputs of the scoring engine.

Everything here is a frozen dataclass of plain values (``Decimal``, ``str``, ``datetime``),
so results can cross layer and thread boundaries and be hashed into the protocol's
fingerprint.  No ORM objects, no Qt, no I/O.

Explanations are *codes with parameters*, not sentences: the user interface, the command line
and the protocol turn them into Polish or English words (see ``app.texts``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from itertools import repeat
from types import MappingProxyType
from typing import Any, TypeAlias, overload


def _frozen_map(value: Mapping[str, Decimal] | None) -> Mapping[str, Decimal]:
    return MappingProxyType(dict(value or {}))


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


@dataclass(frozen=True)
class Score:
    member_id: str
    offer_id: str
    criterion_id: str
    value: Decimal


@dataclass(frozen=True)
class Conflict:
    member_id: str
    offer_id: str


_Columns: TypeAlias = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[Decimal, ...]]


class ScoreTable(Sequence[Score]):
    """Scores held column by column, or by offer and criterion, without an object per score.

    A large competition has a quarter of a million scores.  Read from the database they come
    as plain values; building a ``Score`` object for each costs more than reading them, and
    the engine only needs the values.  A table is built either from columns (the members',
    offers' and criteria's ids and the values) or with ``from_groups`` from the scores grouped
    by (offer, criterion) and then member — the form the engine works on, so scores read that
    way are not grouped twice.  The other form is made when first asked for.  Either way the
    table is a read-only sequence of ``Score`` (equal to the tuple of the same scores, in the
    columns' order or group by group), whose objects are made when first asked for.
    """

    __slots__ = ("_built", "_columns", "_count", "_groups")

    def __init__(
        self,
        member_ids: Sequence[str],
        offer_ids: Sequence[str],
        criterion_ids: Sequence[str],
        values: Sequence[Decimal],
    ) -> None:
        count = len(member_ids)
        if not (len(offer_ids) == len(criterion_ids) == len(values) == count):
            raise ValueError("score columns of different lengths")
        self._columns: _Columns | None = (
            tuple(member_ids),
            tuple(offer_ids),
            tuple(criterion_ids),
            tuple(values),
        )
        self._groups: Mapping[tuple[str, str], Mapping[str, Decimal]] | None = None
        self._count = count
        self._built: tuple[Score, ...] | None = None

    @classmethod
    def from_groups(cls, groups: Mapping[tuple[str, str], Mapping[str, Decimal]]) -> ScoreTable:
        """A table of the scores ``groups`` holds: (offer, criterion) -> member -> value.

        The table takes the mapping over as it is (nobody may change it afterwards).
        """
        table = object.__new__(cls)
        table._groups = groups
        table._columns = None
        table._count = sum(map(len, groups.values()))
        table._built = None
        return table

    @property
    def groups(self) -> Mapping[tuple[str, str], Mapping[str, Decimal]] | None:
        """The scores by (offer, criterion), then member, if the table was built that way."""
        return self._groups

    def _get_columns(self) -> _Columns:
        columns = self._columns
        if columns is None:
            assert self._groups is not None
            members: list[str] = []
            offers: list[str] = []
            criteria: list[str] = []
            values: list[Decimal] = []
            for (offer_id, criterion_id), by_member in self._groups.items():
                count = len(by_member)
                offers.extend(repeat(offer_id, count))
                criteria.extend(repeat(criterion_id, count))
                members.extend(by_member)
                values.extend(by_member.values())
            columns = self._columns = (
                tuple(members),
                tuple(offers),
                tuple(criteria),
                tuple(values),
            )
        return columns

    @property
    def member_ids(self) -> tuple[str, ...]:
        return self._get_columns()[0]

    @property
    def offer_ids(self) -> tuple[str, ...]:
        return self._get_columns()[1]

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        return self._get_columns()[2]

    @property
    def values(self) -> tuple[Decimal, ...]:
        return self._get_columns()[3]

    def rows(self) -> Iterator[tuple[str, str, str, Decimal]]:
        """(member, offer, criterion, value) per score, in order, without building objects."""
        return zip(*self._get_columns(), strict=True)

    def _scores(self) -> tuple[Score, ...]:
        built = self._built
        if built is None:
            new = object.__new__
            built_list = []
            for member_id, offer_id, criterion_id, value in self.rows():
                score: Score = new(Score)
                score.__dict__.update(
                    member_id=member_id, offer_id=offer_id, criterion_id=criterion_id, value=value
                )
                built_list.append(score)
            built = self._built = tuple(built_list)
        return built

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Score: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Score, ...]: ...
    def __getitem__(self, index: int | slice) -> Score | tuple[Score, ...]:
        return self._scores()[index]

    def __iter__(self) -> Iterator[Score]:
        return iter(self._scores())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ScoreTable):
            return self._get_columns() == other._get_columns()
        if isinstance(other, Sequence):
            return self._scores() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._scores())

    def __add__(self, other: Any) -> tuple[Score, ...]:
        return self._scores() + tuple(other)

    def __repr__(self) -> str:
        return f"ScoreTable({len(self)} scores)"


def score_rows(scores: Sequence[Score]) -> Iterator[tuple[str, str, str, Decimal]]:
    """(member, offer, criterion, value) per score, without building objects for a table."""
    if isinstance(scores, ScoreTable):
        return scores.rows()
    return ((s.member_id, s.offer_id, s.criterion_id, s.value) for s in scores)


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
    scores: Sequence[Score]  # a tuple, or a ScoreTable when read from the database
    conflicts: tuple[Conflict, ...] = ()
    decisions: Decisions = field(default_factory=Decisions)


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
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))


@dataclass(frozen=True)
class CriterionResult:
    criterion_id: str
    score: Decimal | None  # aggregated score (SCORED / YES_NO), rounded for display
    points: Decimal  # rounded to the policy's places (display value at stage TOTAL)
    points_exact: Decimal  # the value that enters the total (rounded at stage CRITERION)
    threshold_passed: bool | None  # None when the criterion has no threshold
    counted_members: tuple[str, ...]
    steps: Sequence[Step]  # a tuple, or written when first read (app.scoring.steps.LazySteps)


@dataclass(frozen=True)
class OfferResult:
    offer_id: str
    admitted: bool
    # in the criteria's order; empty when not admitted; a tuple, or made when first read
    # (app.scoring.steps.Lazy)
    criteria: Sequence[CriterionResult]
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
    # thresholds, ranking, tie-breaks, award; a tuple, or written when first read (LazySteps)
    steps: Sequence[Step]

    def __post_init__(self) -> None:
        object.__setattr__(self, "excluded_members", MappingProxyType(dict(self.excluded_members)))
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
