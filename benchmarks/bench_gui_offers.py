"""Opening a competition with 2,000 offers: time to show the offers table, and the longest
GUI-thread block (a 5 ms QTimer heartbeat) while the screens are used.

The screens read the database off the GUI thread, so "shown" means: the window has finished
every read it started (``MainWindow.idle``) and the table holds every offer; the event loop
keeps running meanwhile, as it does for a user.  Prints the time against a plain baseline
measured in the same run (one SQL query into a ``QStandardItemModel``), and the longest
heartbeat gap while opening and while using the screens (target < 100 ms).  ``--quick`` uses
200 offers (the smoke test).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _build(db, actor, count: int) -> int:  # type: ignore[no-untyped-def]
    from app.models import CompetitionKind, CompetitionStatus
    from app.services import procedure
    from app.services.base import get_competition
    from app.services.specs import ApplicantSpec, CallSpec, OfferSpec

    cid = procedure.create_from_template(db, actor, CompetitionKind.NGO_GRANT, "Benchmark")
    start = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
    with db.unit_of_work(actor.operator) as session:
        competition = get_competition(session, cid)
        competition.status = CompetitionStatus.ANNOUNCED
        for number in range(count):
            procedure.add_offer_in_session(
                session,
                competition,
                OfferSpec(
                    applicant=ApplicantSpec(name=f"Fundacja nr {number}", legal_form="fundacja"),
                    received_at=start + timedelta(minutes=number),
                    requested_amount=Decimal(10_000 + number * 7) / 100,
                    title=f"Zadanie {number}",
                ),
            )
    del CallSpec
    return cid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    count = 200 if args.quick else 2000

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import text

    from app.config import Settings
    from app.db import Database
    from app.services.base import Actor
    from app.ui.context import UiContext
    from app.ui.widgets.page import wait_for_loads

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KOMISJA_HOME"] = folder
        db = Database.open(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        actor = Actor(operator="Benchmark")
        cid = _build(db, actor, count)

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

        from app.ui.main_window import MainWindow

        ctx = UiContext(db=db, settings=Settings(operator="Benchmark", language="pl"))
        window = MainWindow(ctx)
        window.show()
        app.processEvents()
        gaps = QElapsedTimer()
        longest = [0]

        def beat() -> None:
            longest[0] = max(longest[0], gaps.restart())

        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(beat)

        def run_loop(msecs: int) -> None:
            """The event loop for a while, as in a user's session (it sleeps when idle)."""
            loop = QEventLoop()
            QTimer.singleShot(msecs, loop.quit)
            loop.exec()

        def settle(limit_s: float = 30.0) -> None:
            """Run the event loop until every read that was started is shown."""
            deadline = time.perf_counter() + limit_s
            run_loop(0)
            while not window.idle and time.perf_counter() < deadline:
                run_loop(10)
            run_loop(0)

        # the collector's full passes hold the interpreter lock whichever thread runs them;
        # they are printed so a long block can be told apart from the screens' own work
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
        offers = window.show_page("offers")
        settle()
        shown = time.perf_counter() - began
        open_gap = longest[0]
        rows_shown = offers.model.rowCount()  # type: ignore[attr-defined]
        # normal use: type a filter, sort, switch screens, refresh after a change
        longest[0] = 0
        gaps.restart()
        use_began = time.perf_counter()
        worst: dict[str, int] = {}

        def step(name: str) -> None:
            before = longest[0]
            longest[0] = 0
            settle()
            worst[name] = longest[0]
            longest[0] = max(before, longest[0])

        for typed in ("n", "nr", "nr ", "nr 1"):
            offers.search.setText(typed)  # type: ignore[attr-defined]
            step("typing a filter")
        offers.search.clear()  # type: ignore[attr-defined]
        step("clearing the filter")
        offers.table.sortByColumn(6, offers.table.horizontalHeader().sortIndicatorOrder())  # type: ignore[attr-defined]
        step("sorting by amount")
        for key in ("call", "criteria", "offers", "audit", "competitions", "offers"):
            window.show_page(key)
            step(f"showing {key}")
        ctx.notifier.competition_changed.emit(cid)
        step("refresh after a change")
        use_time = time.perf_counter() - use_began
        use_longest = longest[0]
        gc.callbacks.remove(collector)
        # the floor for any design in Python: the same read on a plain thread, no screen at all
        # (the worker holds the interpreter lock between SQLite steps; on a busy machine the
        # GUI thread also waits for a core)
        from app.services import procedure

        reader = threading.Thread(target=lambda: procedure.offer_table(db, cid))
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
        db.dispose()
    print(f"offers: {count}, rows shown: {rows_shown}")
    print(f"open competition and show offers table: {shown * 1000:.0f} ms (target < 1000 ms)")
    print(f"baseline (plain SQL into QStandardItemModel): {baseline * 1000:.0f} ms")
    print(f"ratio to baseline: {shown / baseline:.2f}x")
    print(f"longest GUI-thread block while opening: {open_gap} ms (target < 100 ms)")
    print(f"floor: the offers read on a plain thread alone blocks the heartbeat {floor} ms")
    if collections:
        print(
            f"full garbage collections meanwhile: {len(collections)}, longest "
            f"{max(collections) * 1000:.0f} ms (they stop every thread)"
        )
    for name, gap in worst.items():
        print(f"  {name}: longest block {gap} ms")
    print(
        f"normal use ({use_time * 1000:.0f} ms): longest GUI-thread block {use_longest} ms "
        "(target < 100 ms)"
    )
    return 0 if rows_shown == count else 1


if __name__ == "__main__":
    sys.exit(main())
