"""Results of a competition: the engine's input built from the database, and its fingerprint.

The same function serves the GUI, the command line, the protocol and the acceptance tests, so
there is one path from stored scores and decisions to published numbers.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from itertools import repeat
from operator import add, itemgetter
from typing import Any, overload

from sqlalchemy import BigInteger, Text, cast, func, select, type_coerce
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.models import (
    Applicant,
    AuditHead,
    Competition,
    CompetitionStatus,
    Conflict,
    DecisionKind,
    FormalStatus,
    Member,
    Offer,
    OfferValue,
    Score,
)
from app.scoring import ScoringInputError
from app.scoring import types as st
from app.services.base import get_competition
from app.services.call_setup import effective_budget
from app.words import Words

RESULT_FORMAT = "komisja-results/1"


@overload
def _plain(value: Decimal) -> Decimal: ...
@overload
def _plain(value: None) -> None: ...
@overload
def _plain(value: Decimal | None) -> Decimal | None: ...
def _plain(value: Decimal | None) -> Decimal | None:
    """A stored definition without the column's padding: 10.0000 → 10, 0.5000 → 0.5 (so the
    explanations read "8 / 10 × 10", not "8 / 10,0000 × 10,0000")."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def build_input(session: Session, competition: Competition) -> st.CompetitionInput:
    """The engine's view of a competition: codes as ids, decisions applied as recorded."""
    policy = competition.policy
    criteria = tuple(
        st.Criterion(
            id=c.code,
            name=c.name,
            kind=c.kind,
            weight=_plain(c.weight),
            max_score=_plain(c.max_score),
            step=_plain(c.step),
            min_score=_plain(c.min_score),
            field=c.field,
            bands=tuple(st.Band(_plain(b.from_value), _plain(b.points)) for b in c.bands),
            cap=_plain(c.cap),
        )
        for c in competition.criteria
    )
    budget = effective_budget(competition)
    st_policy = st.Policy(
        aggregation=policy.aggregation,
        rounding_places=policy.rounding_places,
        rounding_stage=policy.rounding_stage,
        min_total=_plain(policy.min_total),
        min_total_basis=policy.min_total_basis,
        tie_breakers=tuple(st.TieBreaker(r.kind, r.ref) for r in competition.tie_breakers),
        discrepancy_points=_plain(policy.discrepancy_points),
        winners=policy.winners,
        allocation=st.Allocation(
            method=policy.allocation_method,
            budget=budget if policy.allocation_method is not st.AllocationMethod.NONE else None,
            award_step=_plain(policy.award_step),
            full_above=_plain(policy.full_above),
        ),
    )
    member_codes = {m.id: m.code for m in competition.members}
    members = tuple(st.Member(m.code, m.name, m.role) for m in competition.members)
    # the figures the rules read: formula criteria's and those a tie is broken by
    figures = {c.field for c in competition.criteria if c.field} | {
        r.ref
        for r in competition.tie_breakers
        if r.kind in (st.TieBreakerKind.LOWER, st.TieBreakerKind.HIGHER) and r.ref
    }
    offers, offer_codes = _offers(session, competition.id, figures)
    criterion_codes = {c.id: c.code for c in competition.criteria}
    scores = _scores(session, competition.id, member_codes, offer_codes, criterion_codes)
    conflicts = tuple(
        st.Conflict(member_codes[m], offer_codes[o])
        for m, o in session.execute(
            select(Conflict.member_id, Conflict.offer_id)
            .join(Member, Member.id == Conflict.member_id)
            .where(Member.competition_id == competition.id)
        )
    )
    tie_orders: list[st.TieOrder] = []
    resolutions: list[st.DiscrepancyResolution] = []
    awards: list[st.ManualAward] = []
    overrides: list[st.FormalOverride] = []
    for decision in competition.decisions:
        if not decision.active:
            continue
        payload: dict[str, Any] = decision.payload or {}
        code = offer_codes.get(decision.offer_id) if decision.offer_id else None
        if decision.kind is DecisionKind.TIE_ORDER:
            tie_orders.append(st.TieOrder(tuple(payload["order"]), decision.reason))
        elif decision.kind is DecisionKind.DISCREPANCY_RESOLUTION and code:
            resolutions.append(
                st.DiscrepancyResolution(
                    code,
                    st.DiscrepancyMethod(payload["method"]),
                    decision.reason,
                    {k: Decimal(v) for k, v in payload.get("consensus", {}).items()},
                )
            )
        elif decision.kind is DecisionKind.MANUAL_AWARD and code:
            awards.append(st.ManualAward(code, Decimal(payload["amount"]), decision.reason))
        elif decision.kind is DecisionKind.FORMAL_OVERRIDE and code:
            overrides.append(st.FormalOverride(code, bool(payload["admitted"]), decision.reason))
    return st.CompetitionInput(
        criteria=criteria,
        policy=st_policy,
        members=members,
        offers=offers,
        scores=scores,
        conflicts=conflicts,
        decisions=st.Decisions(
            tie_orders=tuple(tie_orders),
            discrepancy_resolutions=tuple(resolutions),
            manual_awards=tuple(awards),
            formal_overrides=tuple(overrides),
        ),
    )


def _offers(
    session: Session, competition_id: int, figures: set[str]
) -> tuple[tuple[st.Offer, ...], dict[int, str]]:
    """The offers with their applicants and the named figures, in two queries (no lazy loads;
    Core rows, as the ORM's own wrapping of plain columns is not needed).

    Only the figures the results depend on are read (a large call may record several per
    offer for the formal check and the protocol, which read them themselves)."""
    connection = session.connection()
    values: dict[int, dict[str, Decimal]] = {}
    if figures:
        for offer_id, field, value in connection.execute(
            select(OfferValue.offer_id, OfferValue.field, OfferValue.value)
            .join(Offer, Offer.id == OfferValue.offer_id)
            .where(Offer.competition_id == competition_id, OfferValue.field.in_(sorted(figures)))
        ).all():  # fetched at once: row by row, fetching took longer than the rest
            values.setdefault(offer_id, {})[field] = value
    rows = connection.execute(
        select(
            Offer.id,
            Offer.code,
            Applicant.name,
            Offer.title,
            # the committee's proposed amount, once set, is what the allocation works with
            func.coalesce(Offer.proposed_amount, Offer.requested_amount),
            Offer.received_at,
            Offer.formal_status,
        )
        .join(Applicant, Applicant.id == Offer.applicant_id)
        .where(Offer.competition_id == competition_id)
        .order_by(Offer.number)
    ).all()
    offers = tuple(
        st.Offer(
            id=code,
            label=name + (f" — {title}" if title else ""),
            requested=requested,
            submitted_at=received,
            admitted=status is FormalStatus.ADMITTED,
            values=values.get(offer_id, {}),
        )
        for offer_id, code, name, title, requested, received, status in rows
    )
    return offers, {row[0]: row[1] for row in rows}


def _scores(
    session: Session,
    competition_id: int,
    member_codes: dict[int, str],
    offer_codes: dict[int, str],
    criterion_codes: dict[int, str],
) -> st.ScoreSheet:
    """Every score of the competition, grouped by (offer, criterion), then member.

    The database hands them over one row per offer, each score written into that row's text
    as one integer, its stored value × the number of (criterion, member) pairs + its pair
    (criterion and member as offsets from the competition's lowest ids), the scores separated
    by commas.  Every item names its own criterion and member, so the order the database puts
    them in does not matter; and two thousand rows come over faster than a quarter of a
    million, the arithmetic costing the database less than building text.  A competition has
    few distinct items (pairs × the values of a scale), so each item's text is decoded once
    (``_Items``) and the offer's text is cut up and looked up in C (``str.split``, ``map``).
    """
    dialect = session.get_bind().dialect
    items = _Items(Score.value.type.process_result_value, dialect, member_codes, criterion_codes)
    item = (
        type_coerce(Score.value, BigInteger) * items.pairs
        + (Score.criterion_id - items.first_criterion) * items.members
        + (Score.member_id - items.first_member)
    )
    texts = (
        func.string_agg(cast(item, Text), ",")
        if dialect.name == "postgresql"
        else func.group_concat(item)  # "," between them
    )
    statement = (
        select(Score.offer_id, func.count(), texts)
        .where(Score.competition_id == competition_id)
        .group_by(Score.offer_id)
        .order_by(Score.offer_id)
    )
    groups: dict[tuple[str, str], dict[str, Decimal]] = {}
    for offer_id, count, text in session.connection().execute(statement).all():
        offer = offer_codes[offer_id]
        parts = text.split(",")
        if len(parts) != count:
            raise UserError("scores_misread", {"offer": offer})
        by_criterion: defaultdict[str, dict[str, Decimal]] = defaultdict(dict)
        try:
            for criterion, member, value in map(items.__getitem__, parts):
                by_criterion[criterion][member] = value
        except ValueError:  # an item not an integer: the database could not hold the product
            raise UserError("scores_misread", {"offer": offer}) from None
        # a member scores a criterion of an offer once (a unique key of the table)
        for criterion, by_member in by_criterion.items():
            groups[offer, criterion] = by_member
    return st.ScoreSheet(groups)


class _Items(dict[str, tuple[str, str, Decimal]]):
    """A score's item text (see ``_scores``) -> (criterion, member, value), decoded on first
    use; each distinct stored integer is turned into its Decimal by the column type itself
    (so the value is exactly what the ORM gives) and shared by every score with that value.

    The scores of a competition name its own members and criteria (foreign keys, and the
    services that record them), so each pair lies within the spans below.
    """

    def __init__(
        self,
        convert: Callable[[Any, Any], Decimal | None],
        dialect: Any,
        member_codes: dict[int, str],
        criterion_codes: dict[int, str],
    ) -> None:
        super().__init__()
        self._convert = convert
        self._dialect = dialect
        self._member_codes = member_codes
        self._criterion_codes = criterion_codes
        self._values: dict[int, Decimal] = {}
        self.first_member = min(member_codes, default=0)
        self.first_criterion = min(criterion_codes, default=0)
        self.members = max(member_codes, default=0) - self.first_member + 1
        self.pairs = (max(criterion_codes, default=0) - self.first_criterion + 1) * self.members

    def __missing__(self, text: str) -> tuple[str, str, Decimal]:
        stored, pair = divmod(int(text), self.pairs)  # ValueError: not an integer
        criterion, member = divmod(pair, self.members)
        value = self._values.get(stored)
        if value is None:
            converted = self._convert(stored, self._dialect)
            assert converted is not None
            value = self._values[stored] = _plain(converted)
        decoded = self[text] = (
            self._criterion_codes[criterion + self.first_criterion],
            self._member_codes[member + self.first_member],
            value,
        )
        return decoded


def compute(session: Session, competition: Competition) -> st.Results:
    refuse_tasks(competition)
    return compute_input(build_input(session, competition))


def refuse_tasks(competition: Competition) -> None:
    """A call with tasks is ranked and funded task by task (``task_results``); the one ranking
    of the screens, the command line and the protocol would mix the tasks, so it is refused
    rather than shown wrong."""
    if competition.tasks:
        raise UserError("results_by_task", {"count": len(competition.tasks)})


def compute_input(inp: st.CompetitionInput) -> st.Results:
    """``compute_results`` with its input errors as ``UserError`` (for an input already built)."""
    # the engine loads on first use: the main window imports this module but computes in the
    # worker process
    from app.scoring import compute_results

    try:
        return compute_results(inp)
    except ScoringInputError as error:
        raise UserError(
            "scoring_input", {"detail": Words(f"input.{error.code}", error.params)}
        ) from error


@dataclass(frozen=True)
class ResultsView:
    competition_id: int
    status: CompetitionStatus
    complete: bool  # scoring closed (status results or later)
    input: st.CompetitionInput
    results: st.Results
    uid: str  # the competition's stable identifier (part of the fingerprint)

    @cached_property
    def fingerprint(self) -> str:
        """The data fingerprint (see ``fingerprint``), computed when first asked for: the
        protocol, sign-off and verification need it, the results screen does not."""
        return fingerprint(self.uid, self.input, self.results)

    def explain(self, offer_id: str) -> st.OfferExplanation:
        """How the offer's numbers came about (``app.scoring.explain``)."""
        from app.scoring import explain

        return explain(self.input, self.results, offer_id)

    def explanations(self) -> Iterator[st.OfferExplanation]:
        """Every offer's explanation, in the results' order (the protocol and ``--json``)."""
        from app.scoring import explanations

        return explanations(self.input, self.results)


class _ResultsCache:
    """The last few competitions' results, by database, competition and data revision.

    The revision is the audit trail's head (its sequence number and hash): every change to the
    data is recorded there, by whichever process or user makes it, so a change anywhere makes
    the next read compute afresh, and an unchanged competition is not computed twice.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._views: OrderedDict[tuple[object, ...], ResultsView] = OrderedDict()
        self._lock = threading.Lock()  # reads run on worker threads as well

    def get(self, key: tuple[object, ...]) -> ResultsView | None:
        with self._lock:
            view = self._views.get(key)
            if view is not None:
                self._views.move_to_end(key)
            return view

    def put(self, key: tuple[object, ...], view: ResultsView) -> None:
        with self._lock:
            self._views[key] = view
            self._views.move_to_end(key)
            while len(self._views) > self._size:
                self._views.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._views.clear()


# A large competition's input and results take a few tens of megabytes: keep two (the one
# open, and the one just left).
_cache = _ResultsCache(size=2)


def clear_cache() -> None:
    """Forget every cached result (for tests and benchmarks that time a computation)."""
    _cache.clear()


def _revision(session: Session) -> tuple[int, str]:
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    return (0, "") if head is None else (int(head[0]), str(head[1]))


def results(db: Database, competition_id: int) -> ResultsView:
    """The competition's results now (provisional while scoring is open); computed once per
    revision of the data and then taken from the cache."""
    with db.read() as session:
        # The revision is read before the data: a change made in between can only make the
        # data newer than the key, and that key is then never read again (the head moved on).
        key = (db.url, competition_id, *_revision(session))
        cached = _cache.get(key)
        if cached is not None:
            return cached
        competition = get_competition(session, competition_id)
        refuse_tasks(competition)
        inp = build_input(session, competition)
        computed = compute_input(inp)
        complete = competition.status in (
            CompetitionStatus.RESULTS,
            CompetitionStatus.SIGNED_OFF,
            CompetitionStatus.ARCHIVED,
        )
        view = ResultsView(
            competition_id,
            competition.status,
            complete,
            inp,
            computed,
            competition.uid,
        )
    _cache.put(key, view)
    return view


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def results_document(
    uid: str, inp: st.CompetitionInput, res: st.Results, *, with_scores: bool = True
) -> dict[str, Any]:
    """The canonical, JSON-ready form of the results (what the fingerprint covers).

    ``with_scores=False`` leaves the "scores" key out (``fingerprint`` writes it itself).
    """
    document: dict[str, Any] = {
        "format": RESULT_FORMAT,
        "competition": uid,
        "criteria": [
            {
                "id": c.id,
                "kind": c.kind.value,
                "weight": str(c.weight),
                "max": _s(c.max_score),
                "step": _s(c.step),
                "min_score": _s(c.min_score),
                "field": c.field,
                "cap": _s(c.cap),
                "bands": [[str(b.from_value), str(b.points)] for b in c.bands],
            }
            for c in inp.criteria
        ],
        "policy": {
            "aggregation": inp.policy.aggregation.value,
            "places": inp.policy.rounding_places,
            "stage": inp.policy.rounding_stage.value,
            "min_total": _s(inp.policy.min_total),
            "min_total_basis": inp.policy.min_total_basis.value,
            "tie_breakers": [[t.kind.value, t.ref] for t in inp.policy.tie_breakers],
            "discrepancy_points": _s(inp.policy.discrepancy_points),
            "winners": inp.policy.winners,
            "allocation": {
                "method": inp.policy.allocation.method.value,
                "budget": _s(inp.policy.allocation.budget),
                "award_step": str(inp.policy.allocation.award_step),
                "full_above": _s(inp.policy.allocation.full_above),
            },
        },
        "offers": [
            {
                "id": o.offer_id,
                "admitted": o.admitted,
                "eligible": o.eligible,
                "rank": o.rank,
                "total": _s(o.total),
                "award": _s(o.award),
                "flags": sorted(f.value for f in o.flags),
                "criteria": {
                    c.criterion_id: {"score": _s(c.score), "points": str(c.points)}
                    for c in o.criteria
                },
            }
            for o in res.offers
        ],
        "not_evaluated": list(res.not_evaluated),
        "cancel": res.cancel,
        "awarded_total": _s(res.awarded_total),
    }
    if with_scores:
        document["scores"] = _score_rows(inp.scores)
    return document


def _score_columns(
    scores: st.ScoreSheet,
) -> tuple[list[str], list[str], list[str], list[Decimal]]:
    """The scores as four columns (member, offer, criterion, value), group by group."""
    members: list[str] = []
    offers: list[str] = []
    criteria: list[str] = []
    values: list[Decimal] = []
    for (offer, criterion), by_member in scores.groups.items():
        count = len(by_member)
        offers.extend(repeat(offer, count))
        criteria.extend(repeat(criterion, count))
        members.extend(by_member)
        values.extend(by_member.values())
    return members, offers, criteria, values


def _canonical_order(
    scores: st.ScoreSheet,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[Decimal, ...]]:
    """The score columns sorted by (member, offer, criterion), as ``sorted`` would sort rows.

    Each id is replaced by its rank among the column's distinct ids (few), so the sort key of
    a score is one integer and the columns are permuted by ``itemgetter`` in C; a quarter of a
    million rows sort several times faster than as tuples of strings.
    """
    members, offers, criteria, values = _score_columns(scores)
    if not values:
        return (), (), (), ()
    # (member rank × offers + offer rank) × criteria + criterion rank, added up in C
    n_c = len(criterion_rank := {key: r for r, key in enumerate(sorted(set(criteria)))})
    n_oc = n_c * len(offer_set := sorted(set(offers)))
    member_base = {key: r * n_oc for r, key in enumerate(sorted(set(members)))}
    offer_base = {key: r * n_c for r, key in enumerate(offer_set)}
    keys = list(
        map(
            add,
            map(add, map(member_base.__getitem__, members), map(offer_base.__getitem__, offers)),
            map(criterion_rank.__getitem__, criteria),
        )
    )
    order = sorted(range(len(keys)), key=keys.__getitem__)
    if len(order) == 1:
        i = order[0]
        return (members[i],), (offers[i],), (criteria[i],), (values[i],)
    pick = itemgetter(*order)
    return pick(members), pick(offers), pick(criteria), pick(values)


def _value_texts(values: Sequence[Decimal], encode: Callable[[str], str]) -> Iterator[str]:
    """``encode(str(value))`` per value, each distinct object's text made once.

    Keyed by identity: equal Decimals such as 5 and 5.0000 have different texts, the same
    object always has the same one (scores read from the database share one object per value).
    """
    ids = list(map(id, values))
    texts = {key: encode(str(value)) for key, value in dict(zip(ids, values, strict=True)).items()}
    return map(texts.__getitem__, ids)


def _score_rows(scores: st.ScoreSheet) -> list[tuple[str, str, str, str]]:
    """The scores as sorted (member, offer, criterion, value) rows."""
    members, offers, criteria, values = _canonical_order(scores)
    return list(zip(members, offers, criteria, _value_texts(values, str), strict=True))


def canonical_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(uid: str, inp: st.CompetitionInput, res: st.Results) -> str:
    """SHA-256 of ``canonical_json(results_document(uid, inp, res))``, computed faster.

    The score rows (a quarter of a million in a large competition) are written straight into
    the hash instead of through ``json``: "scores" sorts last among the document's keys, so
    the canonical text is the rest of the document with ``,"scores":[...]`` before its final
    brace, each row ``[member,offer,criterion,value]`` with every string as ``json`` writes it
    (strings repeat, so each is encoded once), the rows sorted by integer keys (see
    ``_canonical_order``).  The result is byte for byte the same text.
    """
    document = results_document(uid, inp, res, with_scores=False)
    rest = canonical_json(document)
    digest = hashlib.sha256(rest[:-1].encode("utf-8"))
    digest.update(b',"scores":[')
    members, offers, criteria, values = _canonical_order(inp.scores)
    if values:
        # The rows' text assembled by one join over the pieces of every row, each piece made
        # once per distinct string: '["M1",' '"O0001",' '"K1",' '7.5],' (the last comma cut).
        first = _JsonStrings(lambda text: "[" + _json_string(text) + ",")
        middle = _JsonStrings(lambda text: _json_string(text) + ",")
        last = _JsonStrings(lambda text: _json_string(text) + "],")
        parts: list[str] = [""] * (4 * len(values))
        parts[0::4] = map(first.__getitem__, members)
        parts[1::4] = map(middle.__getitem__, offers)
        parts[2::4] = map(middle.__getitem__, criteria)
        parts[3::4] = _value_texts(values, last.__getitem__)
        digest.update("".join(parts)[:-1].encode("utf-8"))
    digest.update(b"]}")
    return digest.hexdigest()


def _json_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class _JsonStrings(dict[str, str]):
    """A string -> its encoded text, made on first use."""

    def __init__(self, encode: Callable[[str], str] = _json_string) -> None:
        super().__init__()
        self._encode = encode

    def __missing__(self, key: str) -> str:
        text = self[key] = self._encode(key)
        return text
