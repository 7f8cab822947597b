"""Times computing a competition's results from the database (a script, not a test).

Builds a competition in a fresh SQLite database through the service layer, exactly as the GUI
does (call, criteria, policy, committee with an advisory expert, offers, formal check,
recusals, every member's scores), using the synthetic competition of
``bench_scoring_engine`` (default: 2 000 offers × 9 members × 15 member-scored criteria, about
270 000 scores).  Then, in the same run, it times:

* the baseline: a plain SQL ``GROUP BY`` average of the scores per offer and criterion, rows
  fetched into Python;
* ``app.services.results.results`` — what the GUI, the command line and the protocol call:
  loading the engine's input and ``compute_results``, its cache cleared before each run
  (explanations are written on request, one offer at a time);
* the same with the data fingerprint, which is computed when first asked for;
* a second call with nothing changed, which the cache answers;

each the best of ``--repeat`` runs, taken in turns so that a busy moment of the machine weighs
on every side alike, and prints the ratios (the target is at most 3×), with the parts of the
results path.

    python benchmarks/bench_results_db.py [--quick] [--offers N] [--members N]
                                          [--criteria N] [--formula N] [--repeat N]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from app.db import Database
from app.models import CheckAnswer, CompetitionKind
from app.scoring import CompetitionInput, CriterionKind, compute_results
from app.services import (
    base,
    call_setup,
    committee,
    formal_check,
    registration,
    score_entry,
    workflow,
)
from app.services.base import Actor, get_competition
from app.services.results import build_input, clear_cache, fingerprint, results
from app.services.specs import (
    ApplicantSpec,
    BandSpec,
    CallSpec,
    CriterionSpec,
    MemberSpec,
    OfferSpec,
    PolicySpec,
    ScoreEntry,
    TieBreakerSpec,
)
from benchmarks.bench_scoring_engine import build_input as synthetic_input

T = TypeVar("T")
RATIO_LIMIT = 3.0
MEMORY_LIMIT_MIB = 300.0

BASELINE_SQL = text(
    "SELECT offer_id, criterion_id, AVG(value), COUNT(*) FROM score "
    "WHERE competition_id = :cid GROUP BY offer_id, criterion_id"
)


def store(db: Database, inp: CompetitionInput) -> int:
    """Plays the synthetic competition into ``db`` through the services; returns its id."""
    actor = Actor(operator="Benchmark")
    first = min(o.submitted_at for o in inp.offers)
    deadline = max(o.submitted_at for o in inp.offers) + timedelta(hours=1)
    announced = (first - timedelta(days=30)).date()
    real_now = base.now
    base.now = lambda: first - timedelta(days=35)  # the services' clock: before the call
    try:
        return _store(db, actor, inp, announced, deadline)
    finally:
        base.now = real_now


def _store(
    db: Database, actor: Actor, inp: CompetitionInput, announced: date, deadline: datetime
) -> int:
    policy = inp.policy
    budget = policy.allocation.budget
    cid = call_setup.create_competition(
        db,
        actor,
        CallSpec(
            kind=CompetitionKind.NGO_GRANT,
            title="Konkurs wzorcowy (benchmark)",
            case_reference="BENCH.1.2027",
            announced_on=announced,
            last_publication_on=announced,
            submission_deadline=deadline,
            require_justification=False,
            budget=((deadline.year, budget),) if budget is not None else (),
        ),
    )
    call_setup.set_criteria(
        db,
        actor,
        cid,
        [
            CriterionSpec(
                code=c.id,
                name=c.name,
                kind=c.kind,
                weight=c.weight,
                max_score=c.max_score,
                step=c.step,
                min_score=c.min_score,
                field=c.field,
                cap=c.cap,
                bands=tuple(BandSpec(b.from_value, b.points) for b in c.bands),
            )
            for c in inp.criteria
        ],
    )
    call_setup.set_policy(
        db,
        actor,
        cid,
        PolicySpec(
            aggregation=policy.aggregation,
            rounding_places=policy.rounding_places,
            rounding_stage=policy.rounding_stage,
            min_total=policy.min_total,
            min_total_basis=policy.min_total_basis,
            tie_breakers=tuple(TieBreakerSpec(t.kind, t.ref) for t in policy.tie_breakers),
            discrepancy_points=policy.discrepancy_points,
            winners=policy.winners,
            allocation_method=policy.allocation.method,
            award_step=policy.allocation.award_step,
            full_above=policy.allocation.full_above,
        ),
    )
    for member in inp.members:
        committee.add_member(db, actor, cid, MemberSpec(member.name, member.role, code=member.id))
        committee.sign_declaration(db, actor, cid, member.id, announced)
    workflow.advance(db, actor, cid)  # announced
    ids = {}
    for offer in inp.offers:
        ids[offer.id] = registration.add_offer(
            db,
            actor,
            cid,
            OfferSpec(
                applicant=ApplicantSpec(name=offer.label),
                received_at=offer.submitted_at,
                requested_amount=offer.requested,
                title="Zadanie publiczne",
                code=offer.id,
                values=tuple(offer.values.items()),
            ),
        )
    base.now = lambda: deadline + timedelta(days=1)
    workflow.advance(db, actor, cid)  # submissions closed
    workflow.advance(db, actor, cid)  # formal check
    for offer in inp.offers:
        answer = CheckAnswer.YES if offer.admitted else CheckAnswer.NO
        formal_check.record_formal_check(
            db,
            actor,
            cid,
            ids[offer.id],
            {
                "F2": answer,
                "F3": CheckAnswer.YES,
                "F4": CheckAnswer.YES,
                "F5": CheckAnswer.YES,
                "F6": CheckAnswer.YES,
            },
        )
    for conflict in inp.conflicts:
        committee.declare_conflict(
            db, actor, cid, conflict.member_id, conflict.offer_id, "konflikt interesów"
        )
    workflow.advance(db, actor, cid)  # scoring
    admitted = {o.id for o in inp.offers if o.admitted}
    by_member: dict[str, list[ScoreEntry]] = {}
    for score in inp.scores:
        if score.offer_id in admitted:
            by_member.setdefault(score.member_id, []).append(
                ScoreEntry(score.offer_id, score.criterion_id, score.value)
            )
    for member_code, entries in by_member.items():
        score_entry.record_scores(db, actor, cid, member_code, entries)
    workflow.advance(db, actor, cid)  # results
    return cid


def best_of(repeat: int, fn: Callable[[], T]) -> tuple[float, T]:
    times = []
    value: T | None = None
    for _ in range(repeat):
        value = None  # the previous run's value is freed before the clock starts, not in it
        began = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - began)
    assert value is not None
    return min(times), value


def sql_average(db: Database, cid: int) -> list[tuple[int, int, float, int]]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(BASELINE_SQL, {"cid": cid})]  # type: ignore[misc]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scale (smoke test)")
    parser.add_argument("--offers", type=int, default=None)
    parser.add_argument("--members", type=int, default=9)
    parser.add_argument("--criteria", type=int, default=15)
    parser.add_argument(
        "--formula", type=int, default=0, help="formula criteria added to the scored ones (0..3)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--database",
        help="SQLite file to keep the competition in; an existing one is reused as it is",
    )
    args = parser.parse_args(argv)
    offers = args.offers or (60 if args.quick else 2000)
    repeat = 1 if args.quick else args.repeat

    inp = synthetic_input(offers, args.members, args.criteria, args.formula)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.database) if args.database else Path(folder) / "bench.sqlite3"
        reuse = path.exists()
        db = Database.open(f"sqlite:///{path}")
        try:
            began = time.perf_counter()
            if reuse:  # a database left by an earlier run with --database
                with db.engine.connect() as connection:
                    cid = connection.execute(text("SELECT max(id) FROM competition")).scalar_one()
            else:
                cid = store(db, inp)
            print(
                f"database: {len(inp.offers)} offers, {len(inp.members)} members, "
                f"{len(inp.criteria)} criteria "
                f"({sum(c.kind is CriterionKind.SCORED for c in inp.criteria)} scored), "
                f"{len(inp.scores)} scores, {len(inp.conflicts)} recusals "
                f"(built through the services in {time.perf_counter() - began:.1f} s)"
            )
            # The synthetic input (a quarter of a million objects) is not part of either side:
            # left alive, the collector's passes over it would slow whichever side allocates.
            del inp
            gc.collect()
            ratio = _measure(db, cid, repeat)
        finally:
            db.dispose()
    if args.quick:
        return 0  # the smoke test: the script works; small-scale timings prove nothing
    return 0 if ratio <= RATIO_LIMIT else 1


def in_turns(
    repeat: int, *fns: Callable[[], object], before: Callable[[], object] = lambda: None
) -> list[float]:
    """The best time of each function, run in turns (one of each, ``repeat`` times), so that
    a moment when the machine is busy weighs on every side alike; ``before`` runs before each
    call, off the clock."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for index, fn in enumerate(fns):
            before()
            gc.collect()
            began = time.perf_counter()
            value = fn()
            best[index] = min(best[index], time.perf_counter() - began)
            del value  # freed before the next clock starts, not in it
    return best


def _measure(db: Database, cid: int, repeat: int) -> float:
    sql_average(db, cid)  # warm the page cache for both sides alike
    rows = sql_average(db, cid)
    view = results(db, cid)
    # the cache is emptied before each call (off the clock), so that each computes afresh
    baseline, whole, with_digest = in_turns(
        repeat,
        lambda: sql_average(db, cid),
        lambda: results(db, cid),
        lambda: results(db, cid).fingerprint,
        before=clear_cache,
    )
    results(db, cid)
    (cached,) = in_turns(repeat, lambda: results(db, cid))
    print(f"baseline: SQL GROUP BY average, {len(rows)} groups: {baseline:.3f} s")
    print(f"results(): input from the database and the engine: {whole:.3f} s")
    # the data fingerprint is computed when first asked for (protocol, sign-off, verify)
    print(f"results() and its data fingerprint: {with_digest:.3f} s")
    print(f"results() again, nothing changed (from the cache): {cached:.4f} s")

    # the parts, as results() runs them
    with db.read() as session:
        competition = get_competition(session, cid)
        load, inp = best_of(repeat, lambda: build_input(session, competition))
    engine, computed = best_of(repeat, lambda: compute_results(inp))
    digest, _ = best_of(repeat, lambda: fingerprint("x", inp, computed))
    print(
        f"  parts: load {load:.3f} s ({len(inp.scores)} scores), "
        f"engine {engine:.3f} s, fingerprint {digest:.3f} s"
    )
    _check(rows, inp)
    assert view.results.offers
    ratio = whole / baseline
    print(f"ratio results / SQL GROUP BY = {ratio:.2f}x (limit {RATIO_LIMIT:.0f}x)")
    print(f"ratio results with fingerprint / SQL GROUP BY = {with_digest / baseline:.2f}x")
    print(f"engine alone: {engine:.3f} s (limit 1 s, see bench_scoring_engine)")
    # what one call allocates at its peak (tracemalloc counts only what it allocates): the
    # rows read, the input and the results
    clear_cache()
    tracemalloc.start()
    results(db, cid)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory of one results() call: {peak / 2**20:.1f} MiB (tracemalloc); "
        f"process peak {rss_mib:.1f} MiB (limit {MEMORY_LIMIT_MIB:.0f} MiB)"
    )
    return ratio


def _check(rows: list[tuple[int, int, float, int]], inp: CompetitionInput) -> None:
    """Both sides read the same scores: as many groups, as many scores."""
    groups = {(s.offer_id, s.criterion_id) for s in inp.scores}
    counted = sum(row[3] for row in rows)
    if len(groups) != len(rows) or counted != len(inp.scores):
        raise SystemExit(
            f"mismatch: {len(groups)} groups / {len(inp.scores)} scores loaded, "
            f"{len(rows)} groups / {counted} scores in SQL"
        )


if __name__ == "__main__":
    raise SystemExit(main())
