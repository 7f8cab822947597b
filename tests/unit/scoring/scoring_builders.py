"""Helpers for the scoring tests: the shared fixtures as engine input, and small builders.

The fixture reader refuses every key and value it does not know, so a new rule added to the
shared cases fails here loudly instead of being skipped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.scoring import (
    Aggregation,
    Allocation,
    AllocationMethod,
    Band,
    CompetitionInput,
    Conflict,
    Criterion,
    CriterionKind,
    Decisions,
    Member,
    MemberRole,
    Offer,
    Policy,
    RoundingStage,
    Score,
    ThresholdBasis,
    TieBreaker,
    TieBreakerKind,
)

FIXTURES = Path(
    os.environ.get(
        "KOMISJA_FIXTURES", str(Path(__file__).resolve().parents[3].parent / "shared" / "fixtures")
    )
)
FORMAT = "komisja-acceptance-case/1"


class FixtureError(AssertionError):
    """The fixture holds something this reader does not understand."""


def fixture_paths() -> list[Path]:
    paths = sorted(FIXTURES.glob("*.json"))
    if not paths:
        raise FixtureError(f"no fixtures found in {FIXTURES}")
    return paths


def _keys(obj: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
    unknown = set(obj) - set(allowed)
    if unknown:
        raise FixtureError(f"{where}: unknown keys {sorted(unknown)}")


def _dec(value: Any, where: str) -> Decimal:
    if not isinstance(value, str):
        raise FixtureError(f"{where}: numbers must be decimal strings, got {value!r}")
    return Decimal(value)


def _opt_dec(obj: Mapping[str, Any], key: str, where: str) -> Decimal | None:
    return None if obj.get(key) is None else _dec(obj[key], f"{where}.{key}")


def _enum(enum_type: Any, value: Any, where: str) -> Any:
    try:
        return enum_type(value)
    except ValueError as exc:
        raise FixtureError(f"{where}: unknown value {value!r}") from exc


def _tie_breaker(text: Any) -> TieBreaker:
    if not isinstance(text, str):
        raise FixtureError(f"tie_breakers: {text!r}")
    kind, _, ref = text.partition(":")
    breaker_kind = _enum(TieBreakerKind, kind, "tie_breakers")
    needs_ref = breaker_kind in (
        TieBreakerKind.CRITERION,
        TieBreakerKind.LOWER,
        TieBreakerKind.HIGHER,
    )
    if needs_ref != bool(ref):
        raise FixtureError(f"tie_breakers: {text!r}")
    return TieBreaker(breaker_kind, ref or None)


def load_case(path: Path) -> tuple[CompetitionInput, dict[str, Any]]:
    """The fixture as engine input, and its ``expected`` part."""
    data = json.loads(path.read_text(encoding="utf-8"))
    _keys(
        data,
        {
            "format",
            "title",
            "description",
            "kind",
            "policy",
            "criteria",
            "members",
            "offers",
            "conflicts",
            "scores",
            "expected",
        },
        "top level",
    )
    if data.get("format") != FORMAT:
        raise FixtureError(f"format {data.get('format')!r}")
    if data.get("kind") not in {"ngo_grant", "investor", "provider"}:
        raise FixtureError(f"kind {data.get('kind')!r}")
    pol = data["policy"]
    _keys(
        pol,
        {
            "aggregation",
            "rounding",
            "min_total",
            "min_total_basis",
            "tie_breakers",
            "discrepancy_points",
            "winners",
            "allocation",
        },
        "policy",
    )
    rounding = pol.get("rounding", {})
    _keys(rounding, {"places", "stage"}, "policy.rounding")
    alloc = pol.get("allocation", {})
    _keys(alloc, {"method", "budget", "award_step", "full_above"}, "policy.allocation")
    winners = pol.get("winners")
    if winners is not None and not isinstance(winners, int):
        raise FixtureError(f"winners {winners!r}")
    places = rounding.get("places", 2)
    if not isinstance(places, int):
        raise FixtureError(f"rounding.places {places!r}")
    policy = Policy(
        aggregation=_enum(Aggregation, pol.get("aggregation", "mean"), "aggregation"),
        rounding_places=places,
        rounding_stage=_enum(RoundingStage, rounding.get("stage", "criterion"), "stage"),
        min_total=_opt_dec(pol, "min_total", "policy"),
        min_total_basis=_enum(ThresholdBasis, pol.get("min_total_basis", "weighted"), "basis"),
        tie_breakers=tuple(_tie_breaker(t) for t in pol.get("tie_breakers", [])),
        discrepancy_points=_opt_dec(pol, "discrepancy_points", "policy"),
        winners=winners,
        allocation=Allocation(
            method=_enum(AllocationMethod, alloc.get("method", "none"), "allocation.method"),
            budget=_opt_dec(alloc, "budget", "allocation"),
            award_step=_opt_dec(alloc, "award_step", "allocation") or Decimal("0.01"),
            full_above=_opt_dec(alloc, "full_above", "allocation"),
        ),
    )
    criteria = []
    for c in data["criteria"]:
        where = f"criterion {c.get('id')}"
        _keys(
            c,
            {"id", "name", "kind", "max", "step", "weight", "min_score", "field", "bands", "cap"},
            where,
        )
        kind = _enum(CriterionKind, c["kind"], where)
        top = _opt_dec(c, "max", where)
        weight = _opt_dec(c, "weight", where) or top
        if weight is None:
            raise FixtureError(f"{where}: no weight")
        bands = []
        for band in c.get("bands", []):
            _keys(band, {"from", "points"}, f"{where}.bands")
            bands.append(Band(_dec(band["from"], where), _dec(band["points"], where)))
        criteria.append(
            Criterion(
                id=c["id"],
                name=c["name"],
                kind=kind,
                weight=weight,
                max_score=top,
                step=_opt_dec(c, "step", where),
                min_score=_opt_dec(c, "min_score", where),
                field=c.get("field"),
                bands=tuple(bands),
                cap=_opt_dec(c, "cap", where),
            )
        )
    members = []
    for m in data["members"]:
        _keys(m, {"id", "name", "role"}, "member")
        members.append(Member(m["id"], m["name"], _enum(MemberRole, m["role"], "member.role")))
    offers = []
    for o in data["offers"]:
        where = f"offer {o.get('id')}"
        _keys(
            o, {"id", "applicant", "title", "requested", "submitted_at", "formal", "values"}, where
        )
        if o["formal"] not in ("pass", "fail"):
            raise FixtureError(f"{where}: formal {o['formal']!r}")
        submitted = datetime.fromisoformat(o["submitted_at"])
        if submitted.tzinfo is None:
            raise FixtureError(f"{where}: submitted_at without a time zone")
        offers.append(
            Offer(
                id=o["id"],
                label=o["applicant"],
                requested=_dec(o["requested"], where),
                submitted_at=submitted,
                admitted=o["formal"] == "pass",
                values={k: _dec(v, where) for k, v in o.get("values", {}).items()},
            )
        )
    conflicts = []
    for x in data.get("conflicts", []):
        _keys(x, {"member", "offer"}, "conflict")
        conflicts.append(Conflict(x["member"], x["offer"]))
    scores = []
    for s in data["scores"]:
        _keys(s, {"member", "offer", "criterion", "score"}, "score")
        scores.append(Score(s["member"], s["offer"], s["criterion"], _dec(s["score"], "score")))
    expected = data["expected"]
    _keys(expected, {"offers", "not_evaluated", "cancel"}, "expected")
    inp = CompetitionInput(
        criteria=tuple(criteria),
        policy=policy,
        members=tuple(members),
        offers=tuple(offers),
        scores=tuple(scores),
        conflicts=tuple(conflicts),
        decisions=Decisions(),
    )
    return inp, expected


# -- small builders for hand-made cases --------------------------------------------------------

T0 = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)


def scored(
    cid: str,
    top: str = "10",
    weight: str | None = None,
    step: str = "0.5",
    min_score: str | None = None,
) -> Criterion:
    return Criterion(
        id=cid,
        name=cid,
        kind=CriterionKind.SCORED,
        weight=Decimal(weight or top),
        max_score=Decimal(top),
        step=Decimal(step),
        min_score=None if min_score is None else Decimal(min_score),
    )


def offer(
    oid: str, requested: str = "1000.00", minutes: int = 0, admitted: bool = True, **values: str
) -> Offer:
    return Offer(
        id=oid,
        label=f"Oferent {oid}",
        requested=Decimal(requested),
        submitted_at=T0 + timedelta(minutes=minutes),
        admitted=admitted,
        values={k: Decimal(v) for k, v in values.items()},
    )


def members(*ids: str, expert: Iterable[str] = ()) -> tuple[Member, ...]:
    experts = set(expert)
    return tuple(
        Member(m, m, MemberRole.EXPERT if m in experts else MemberRole.MEMBER) for m in ids
    )


def scores(table: Mapping[str, Mapping[str, Mapping[str, str]]]) -> tuple[Score, ...]:
    """``{offer: {criterion: {member: score}}}`` as Score rows."""
    return tuple(
        Score(mid, oid, cid, Decimal(value))
        for oid, by_criterion in table.items()
        for cid, by_member in by_criterion.items()
        for mid, value in by_member.items()
    )


def same_scores(
    offers: Iterable[str], criteria: Mapping[str, str], member_ids: Iterable[str]
) -> dict[str, dict[str, dict[str, str]]]:
    """Every member gives each offer the same score per criterion (``{criterion: score}``)."""
    ids = list(member_ids)
    return {o: {c: dict.fromkeys(ids, v) for c, v in criteria.items()} for o in offers}


def competition(
    criteria: Iterable[Criterion],
    committee: Iterable[Member],
    offers: Iterable[Offer],
    score_rows: Iterable[Score] = (),
    policy: Policy | None = None,
    conflicts: Iterable[tuple[str, str]] = (),
    decisions: Decisions | None = None,
) -> CompetitionInput:
    return CompetitionInput(
        criteria=tuple(criteria),
        policy=policy or Policy(),
        members=tuple(committee),
        offers=tuple(offers),
        scores=tuple(score_rows),
        conflicts=tuple(Conflict(m, o) for m, o in conflicts),
        decisions=decisions or Decisions(),
    )


def d(text: str) -> Decimal:
    return Decimal(text)
