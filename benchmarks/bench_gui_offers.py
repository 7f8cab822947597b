"""Opening a competition with 2,000 offers, then a realistic session of using every screen:
time to show the offers table, and the longest GUI-thread block (a 5 ms QTimer heartbeat).

The competition is complete (2,000 offers × 9 members × 15 criteria, about 260,000 scores, at
the results step), so every screen has its full load: the offers table, the formal check, the
committee, one member's scoring grid, the ranking with its charts and the protocol's blockers.
It is written by a process of its own, so that what is measured here is the window's memory,
not the benchmark's input.  The screens read the database off the GUI thread (the heaviest
in the worker process, ``app.ui.worker``), so "shown" means: the window has finished every
read it started (``MainWindow.idle``) and the table holds every offer; the event loop keeps
running meanwhile, as it does for a user.  The session types a filter, sorts, scrolls the
offers table, switches through every screen (scrolling the scoring grid and the ranking) and
refreshes after a change.  The interpreter runs as Python sets it (the program tunes neither
the garbage collector nor the interpreter lock).

Prints the time to show the offers against a plain baseline measured in the same run (one SQL
query into a ``QStandardItemModel``), the longest heartbeat gap per step and over the whole
session against the limit of 100 ms, the full garbage collections of this process that ran
meanwhile (they hold the interpreter lock whichever thread runs them), and the peak memory of
this process and of the worker against the limit of 300 MB each.  ``--quick`` uses 200 offers
(the smoke test).
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BLOCK_LIMIT_MS = 100
MEMORY_LIMIT_MB = 300
OPEN_LIMIT_MS = 1000


def _run_delay_ms() -> float:
    """How long the calling thread has waited for a core so far (Linux; 0 elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat") as stats:
            return int(stats.read().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0


def _build(db: Any, actor: Any, count: int) -> int:
    """A competition at the results step: call, criteria, policy and committee through the
    services; offers, the formal outcome, recusals and every member's scores written in one
    transaction each (the per-offer services would take minutes at this scale)."""
    from sqlalchemy import insert

    from app.models import CompetitionKind, CompetitionStatus, Conflict, FormalStatus, Score
    from app.scoring import CriterionKind
    from app.services import base, call_setup, committee, registration
    from app.services.base import get_competition
    from app.services.specs import (
        ApplicantSpec,
        CallSpec,
        CriterionSpec,
        MemberSpec,
        OfferSpec,
        PolicySpec,
        TieBreakerSpec,
    )
    from benchmarks.bench_scoring_engine import build_input

    inp = build_input(count, 9, 15, 0)
    first = min(o.submitted_at for o in inp.offers)
    deadline = max(o.submitted_at for o in inp.offers) + timedelta(hours=1)
    announced = (first - timedelta(days=30)).date()
    real_now = base.now
    base.now = lambda: first - timedelta(days=35)  # the services' clock: before the call
    try:
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
            committee.add_member(
                db, actor, cid, MemberSpec(member.name, member.role, code=member.id)
            )
            committee.sign_declaration(db, actor, cid, member.id, announced)
    finally:
        base.now = real_now
    entered = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    admitted = {o.id for o in inp.offers if o.admitted}
    with db.unit_of_work(actor.operator) as session:
        competition = get_competition(session, cid)
        competition.status = CompetitionStatus.ANNOUNCED  # the offers are registered
        offers = {
            o.id: registration.add_offer_in_session(
                session,
                competition,
                OfferSpec(
                    applicant=ApplicantSpec(name=o.label, legal_form="fundacja"),
                    received_at=o.submitted_at,
                    requested_amount=o.requested,
                    title=f"Zadanie publiczne {o.label}",
                    code=o.id,
                    values=tuple(o.values.items()),
                ),
            )
            for o in inp.offers
        }
        for code, offer in offers.items():
            if code in admitted:
                offer.formal_status = FormalStatus.ADMITTED
            else:
                offer.formal_status = FormalStatus.REJECTED
                offer.rejection_reason = "Oferent nie jest podmiotem uprawnionym"
        members = {m.code: m for m in competition.members}
        criteria = {c.code: c for c in competition.criteria if c.kind is not CriterionKind.BANDED}
        session.flush()
        for conflict in inp.conflicts:
            members[conflict.member_id].conflicts.append(
                Conflict(
                    offer_id=offers[conflict.offer_id].id,
                    reason="konflikt interesów",
                    declared_on=date(2027, 2, 1),
                )
            )
        rows = (
            {
                "competition_id": cid,
                "member_id": members[s.member_id].id,
                "offer_id": offers[s.offer_id].id,
                "criterion_id": criteria[s.criterion_id].id,
                "value": s.value,
                "justification": "",
                "entered_at": entered,
            }
            for s in inp.scores
            if s.offer_id in admitted
        )
        while chunk := list(islice(rows, 20_000)):  # a quarter of a million rows, in parts
            session.execute(insert(Score), chunk)
        competition.status = CompetitionStatus.RESULTS
    return cid


def _build_database(url: str, count: int) -> int:
    """In a process of its own: the competition written into the database at ``url`` (its
    input of a quarter of a million scores would otherwise stay in the measured process's
    memory)."""
    from app.db import Database
    from app.services.base import Actor

    db = Database.open(url)
    try:
        return _build(db, Actor(operator="Benchmark"), count)
    finally:
        db.dispose()


def _peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory in MB of the calling process, or of the largest of its ended
    children; 0 where the platform does not say (Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    scale = 1 / 1024 / 1024 if sys.platform == "darwin" else 1 / 1024  # bytes there, KiB here
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss * scale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    count = 200 if args.quick else 2000

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import event, text

    from app.config import Settings
    from app.db import Database
    from app.ui.context import UiContext
    from app.ui.widgets.page import wait_for_loads
    from app.ui.worker import run_in_worker, stop_worker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KOMISJA_HOME"] = folder
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        built = time.perf_counter()
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=spawn) as builder:
            cid = builder.submit(_build_database, url, count).result()
        built = time.perf_counter() - built
        build_rss = _peak_rss_mb(children=True)
        db = Database.open(url)

        # baseline: one query into a QStandardItemModel shown in a view
        began = time.perf_counter()
        with db.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT o.number, o.code, a.name, o.title, o.received_at, o.requested_amount "
                    "FROM offer o JOIN applicant a ON a.id = o.applicant_id "
                    "WHERE o.competition_id = :c ORDER BY o.number"
                ),
                {"c": cid},
            ).all()
        plain = QStandardItemModel(len(rows), 6)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                plain.setItem(r, c, QStandardItem(str(value)))
        view = QTableView()
        view.setModel(plain)
        view.show()
        app.processEvents()
        baseline = time.perf_counter() - began
        view.close()
        del rows, plain, view

        from app.ui.main_window import MainWindow

        ctx = UiContext(db=db, settings=Settings(operator="Benchmark", language="pl"))
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        gaps = QElapsedTimer()
        longest = [0]
        # Each gap is split into the GUI thread's own work (its CPU time: painting, models,
        # Python), waiting for a core (runnable, but the machine's cores were busy: the
        # kernel's run delay for the thread, on Linux) and the rest: waiting for the
        # interpreter lock a reader off the GUI thread holds (and up to one 5 ms beat of
        # idling).  Database work on the GUI thread itself is timed from the pool: from taking
        # a connection to giving it back.
        cpu_mark = [time.thread_time()]
        delay_mark = [_run_delay_ms()]
        longest_wait = [0]
        longest_core_wait = [0]
        gui_thread = threading.get_ident()
        db_began: dict[int, float] = {}
        db_on_gui: list[float] = []

        def beat() -> None:
            gap = gaps.restart()
            now = time.thread_time()
            own = int((now - cpu_mark[0]) * 1000)
            cpu_mark[0] = now
            delay = _run_delay_ms()
            core_wait = int(delay - delay_mark[0])
            delay_mark[0] = delay
            longest[0] = max(longest[0], gap)
            longest_core_wait[0] = max(longest_core_wait[0], core_wait)
            longest_wait[0] = max(longest_wait[0], gap - own - core_wait)

        def checkout(*_: Any) -> None:
            if threading.get_ident() == gui_thread:
                db_began[id(threading.current_thread())] = time.perf_counter()

        def checkin(*_: Any) -> None:
            began = db_began.pop(id(threading.current_thread()), None)
            if began is not None and threading.get_ident() == gui_thread:
                db_on_gui.append(time.perf_counter() - began)

        event.listen(db.engine, "checkout", checkout)
        event.listen(db.engine, "checkin", checkin)

        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(beat)

        def run_loop(msecs: int) -> None:
            """The event loop for a while, as in a user's session (it sleeps when idle)."""
            loop = QEventLoop()
            QTimer.singleShot(msecs, loop.quit)
            loop.exec()

        def settle(limit_s: float = 60.0) -> None:
            """Run the event loop until every read that was started is shown."""
            deadline = time.perf_counter() + limit_s
            run_loop(0)
            while not window.idle and time.perf_counter() < deadline:
                run_loop(10)
            run_loop(50)  # what the screens do right after (a hint, a resize) counts too

        def scroll(table: QTableView) -> None:
            """Page down through the whole table, painting each page, as a user would."""
            bar = table.verticalScrollBar()
            while bar.value() < bar.maximum():
                bar.setValue(bar.value() + bar.pageStep())
                run_loop(5)

        collections: list[float] = []
        collection_began = [0.0]

        def collector(phase: str, info: dict[str, int]) -> None:
            if info.get("generation") != 2:
                return
            if phase == "start":
                collection_began[0] = time.perf_counter()
            else:
                collections.append(time.perf_counter() - collection_began[0])

        gc.callbacks.append(collector)
        gaps.start()
        heartbeat.start()
        began = time.perf_counter()
        window.open_competition(cid)
        offers: Any = window.show_page("offers")
        settle()
        shown = time.perf_counter() - began
        open_gap = longest[0]
        rows_shown = offers.model.rowCount()
        # normal use: type a filter, sort, scroll, use every screen, refresh after a change
        longest[0] = 0
        gaps.restart()
        use_began = time.perf_counter()
        worst: dict[str, int] = {}

        waited: dict[str, int] = {}
        waited_core: dict[str, int] = {}

        collected_in: dict[str, list[float]] = {}

        def step(name: str, action: Any = None) -> None:
            first_collection = len(collections)
            before = longest[0], longest_wait[0], longest_core_wait[0]
            longest[0] = longest_wait[0] = longest_core_wait[0] = 0
            if action is not None:
                action()
            settle()
            collected_in.setdefault(name, []).extend(collections[first_collection:])
            worst[name] = max(worst.get(name, 0), longest[0])
            waited[name] = max(waited.get(name, 0), longest_wait[0])
            waited_core[name] = max(waited_core.get(name, 0), longest_core_wait[0])
            longest[0] = max(before[0], longest[0])
            longest_wait[0] = max(before[1], longest_wait[0])
            longest_core_wait[0] = max(before[2], longest_core_wait[0])

        for typed in ("n", "nr", "nr ", "nr 1"):
            offers.search.setText(typed)
            step("typing a filter")
        offers.search.clear()
        step("clearing the filter")
        offers.table.sortByColumn(6, offers.table.horizontalHeader().sortIndicatorOrder())
        step("sorting by amount")
        step("scrolling the offers", lambda: scroll(offers.table))
        for key, _title, _page in window.pages:
            page: Any = window.show_page(key)
            step(f"showing {key}")
            if key == "scoring":
                step("scrolling the scoring grid", lambda p=page: scroll(p.view))
                page.select_member("M2")
                step("another member's card")
            elif key == "results":
                step("scrolling the ranking", lambda p=page: scroll(p.table))
        window.show_page("offers")
        step("showing offers")
        ctx.notifier.competition_changed.emit(cid)
        step("refresh after a change")
        # back to the screens holding the most: each re-reads and lets its old data go
        for key in ("scoring", "results"):
            window.show_page(key)
            step(f"showing {key} again after the change")
        use_time = time.perf_counter() - use_began
        use_longest = longest[0]
        use_wait = longest_wait[0]
        event.remove(db.engine, "checkout", checkout)
        event.remove(db.engine, "checkin", checkin)
        gc.callbacks.remove(collector)
        # the floor for any design in Python: the same read on a plain thread, no screen at all
        # (the worker holds the interpreter lock between SQLite steps; on a busy machine the
        # GUI thread also waits for a core)
        from app.services import registration

        reader = threading.Thread(target=lambda: registration.offer_table(db, cid))
        longest[0] = 0
        gaps.restart()
        reader.start()
        while reader.is_alive():
            run_loop(10)
        run_loop(0)
        floor = longest[0]
        heartbeat.stop()
        window.close()
        wait_for_loads()
        worker_rss = run_in_worker(_peak_rss_mb)  # the screens' worker process
        stop_worker()
        db.dispose()
    print(f"offers: {count}, rows shown: {rows_shown} (competition built in {built:.1f} s)")
    print(
        f"open competition and show offers table: {shown * 1000:.0f} ms "
        f"(target < {OPEN_LIMIT_MS} ms)"
    )
    print(f"baseline (plain SQL into QStandardItemModel): {baseline * 1000:.0f} ms")
    print(f"ratio to baseline: {shown / baseline:.2f}x")
    print(f"longest GUI-thread block while opening: {open_gap} ms (limit {BLOCK_LIMIT_MS} ms)")
    print(f"floor: the offers read on a plain thread alone blocks the heartbeat {floor} ms")
    if collections:
        print(
            f"full garbage collections meanwhile: {len(collections)}, longest "
            f"{max(collections) * 1000:.0f} ms (they stop every thread)"
        )
    else:
        print("full garbage collections meanwhile: none")
    for name, gap in worst.items():
        flag = "  <-- over the limit" if gap > BLOCK_LIMIT_MS else ""
        full = collected_in.get(name, [])
        during = (
            f"; {len(full)} full collection(s), longest {max(full) * 1000:.0f} ms" if full else ""
        )
        print(
            f"  {name}: longest block {gap} ms (waits: for the lock {waited[name]} ms, "
            f"for a core {waited_core[name]} ms{during}){flag}"
        )
    verdict = "within" if max(use_longest, open_gap) <= BLOCK_LIMIT_MS else "OVER"
    print(
        f"normal use ({use_time * 1000:.0f} ms, {len(worst)} steps): longest GUI-thread block "
        f"{max(use_longest, open_gap)} ms, {verdict} the limit of {BLOCK_LIMIT_MS} ms "
        "(any cause: painting, model resets, database)"
    )
    longest_db = max(db_on_gui, default=0.0) * 1000
    print(
        f"  database work on the GUI thread: {len(db_on_gui)} uses of a connection, "
        f"longest {longest_db:.0f} ms"
    )
    print(
        f"  longest wait of the GUI thread for the interpreter lock (a read off the GUI "
        f"thread holding it): {use_wait} ms; for a free core (the machine busy): "
        f"{longest_core_wait[0]} ms"
    )
    db_block = max(longest_db, use_wait)
    verdict = "within" if db_block <= BLOCK_LIMIT_MS else "OVER"
    print(
        f"blocked by database work: at most {db_block:.0f} ms, {verdict} the limit of "
        f"{BLOCK_LIMIT_MS} ms"
    )
    gui_rss = _peak_rss_mb()
    verdict = "within" if max(gui_rss, worker_rss) <= MEMORY_LIMIT_MB else "OVER"
    print(
        f"peak memory: this process (the window) {gui_rss:.0f} MB, the screens' worker "
        f"{worker_rss:.0f} MB, {verdict} the limit of {MEMORY_LIMIT_MB} MB each (the "
        f"competition was written by a process of its own: {build_rss:.0f} MB)"
    )
    return 0 if rows_shown == count else 1


if __name__ == "__main__":
    sys.exit(main())
