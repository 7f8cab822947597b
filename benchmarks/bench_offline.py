"""Times issuing and importing score workbooks against openpyxl's plain write and read.

Scale (default, issue 4): 2 000 offers × 15 scored criteria, 9 committee members — nine cards
of 30 000 score rows each.  Measured in the same run:

* **generate**: ``export_scoresheet`` for all nine members (database read, the card with
  validation, formulas, protection, the cover and hidden metadata) against a plain
  ``openpyxl`` write-only workbook holding the same cells (the nine columns of each row).
* **import**: ``import_scoresheet`` of all nine filled cards (reading and checking every
  cell, the preview, and writing 270 000 scores with their audit entries in one transaction
  per card) against a plain ``openpyxl`` read-only pass over the same files' cells.

The target is a ratio of at most 2 for each.  The competition is built through the exchange
format and its scores are added in bulk (untimed set-up); the nine cards are issued with the
scores in the database, which are then deleted (untimed), so that the import writes every
score anew.

    python benchmarks/bench_offline.py [--quick] [--offers N] [--criteria N] [--members N]

Prints the process's peak memory too; returns 1 (full scale only) when a ratio is above 2 or
the peak above 300 MB.
"""

from __future__ import annotations

import argparse
import copy
import io
import logging
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from datetime import UTC, datetime
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from sqlalchemy import delete, insert, select

from app.db import Database
from app.models import Criterion, Member, Offer, Score, ScoreSource
from app.services import offline, offline_issue
from app.services.base import Actor
from app.services.demo import create_demo
from app.services.exchange import export_competition, import_document

OFFICE = Actor("Benchmark")
LIMIT = 2.0
MEMORY_LIMIT_MB = 300


def build_document(seed_db: Database, offers: int, criteria: int, members: int) -> dict[str, Any]:
    """The demo's open competition scaled up: ``offers`` admitted offers, ``criteria`` scored
    criteria (0–10 in halves and 0–5 in wholes, alternating), ``members`` voting members."""
    (demo_id, _), *_ = create_demo(seed_db, OFFICE)
    doc = export_competition(seed_db, demo_id)
    doc["competition"]["uid"] = "BENCH-OFFLINE"
    doc["competition"]["status"] = "scoring"
    doc["competition"]["require_justification"] = True
    scales = [("10", "0.5"), ("5", "1")]
    doc["criteria"] = [
        {
            "code": f"K{i + 1}",
            "name": f"Kryterium {i + 1}: jakość, wykonalność i koszty zadania",
            "kind": "scored",
            "weight": scales[i % 2][0],
            "max_score": scales[i % 2][0],
            "step": scales[i % 2][1],
            "min_score": None,
            "field": None,
            "cap": None,
            "guidance": "Oceń realność harmonogramu i kosztów; uzasadnij każdą ocenę.",
            "bands": [],
        }
        for i in range(criteria)
    ]
    doc["policy"]["tie_breakers"] = [{"kind": "criterion", "ref": "K1"}]
    admitted = [o for o in doc["offers"] if o["formal_status"] == "admitted"]
    model = admitted[0]
    doc["offers"] = []
    for number in range(1, offers + 1):
        offer = copy.deepcopy(model)
        offer["code"] = f"O{number:04d}"
        offer["number"] = number
        offer["title"] = f"Aktywizacja seniorów — edycja {number}"
        offer["applicant"]["name"] = f"Stowarzyszenie „Źródło” nr {number}"
        offer["attachments"] = []
        offer["values"] = {}
        doc["offers"].append(offer)
    member_model = next(m for m in doc["members"] if m["role"] == "member")
    chair = next(m for m in doc["members"] if m["role"] == "chair")
    doc["members"] = [dict(chair, conflicts=[])] + [
        dict(member_model, code=f"M{i + 2}", name=f"Członek {i + 2}", conflicts=[])
        for i in range(members - 1)
    ]
    doc["scores"] = []  # added in bulk by ``add_scores``: the exchange import audits each
    doc["decisions"] = []
    doc["protocol_versions"] = []
    doc["meetings"] = []
    return doc


def add_scores(db: Database, cid: int) -> int:
    """A score with a justification from every member for every offer and criterion, written
    in bulk (set-up, not measured: no audit entries), one member's scores at a time."""
    rng = random.Random(20261123)
    added = 0
    with db.unit_of_work("Benchmark") as session:
        members = session.scalars(select(Member).where(Member.competition_id == cid)).all()
        offers = session.scalars(select(Offer).where(Offer.competition_id == cid)).all()
        criteria = session.scalars(select(Criterion).where(Criterion.competition_id == cid)).all()
        now = datetime.now(UTC)
        for member in members:
            rows = [
                {
                    "competition_id": cid,
                    "member_id": member.id,
                    "offer_id": offer.id,
                    "criterion_id": criterion.id,
                    "value": Decimal(rng.randrange(int(criterion.max_score or 1) + 1)),
                    "justification": f"Uzasadnienie {offer.code}/{criterion.code}",
                    "source": ScoreSource.MANUAL,
                    "entered_at": now,
                }
                for offer in offers
                for criterion in criteria
            ]
            session.execute(insert(Score), rows)
            added += len(rows)
    return added


def plain_write(rows: list[list[Any]]) -> bytes:
    """The baseline: openpyxl's write-only workbook with the same cells, nothing else."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Karta")
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def plain_read(data: bytes) -> int:
    """The baseline: openpyxl's read-only pass over every cell of every sheet."""
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    count = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            count += len(row)
    wb.close()
    return count


def card_rows(data: bytes) -> list[list[Any]]:
    """The visible cells of a card (what the plain write has to write)."""
    wb = load_workbook(io.BytesIO(data), read_only=True)
    rows = [list(row) for row in wb[wb.sheetnames[1]].iter_rows(values_only=True)]
    wb.close()
    return rows


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scale (smoke test)")
    parser.add_argument("--offers", type=int)
    parser.add_argument("--criteria", type=int, default=15)
    parser.add_argument("--members", type=int, default=9)
    args = parser.parse_args(argv)
    offers = args.offers or (60 if args.quick else 2000)
    criteria = 4 if args.quick and args.criteria == 15 else args.criteria
    members = 3 if args.quick and args.members == 9 else args.members
    logging.disable(logging.INFO)  # per-card log lines are not what is measured
    try:
        return _run(offers, criteria, members, args.quick)
    finally:
        logging.disable(logging.NOTSET)


def _run(offers: int, criteria: int, members: int, quick: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="komisja-bench-") as folder:
        seed = Database.open(f"sqlite:///{Path(folder) / 'seed.sqlite3'}")
        db = Database.open(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        try:
            doc = build_document(seed, offers, criteria, members)
            built, cid = timed(lambda: import_document(db, OFFICE, doc))
            add_scores(db, cid)
            codes = [m["code"] for m in doc["members"]]
            print(
                f"offline workbooks: {offers} offers × {criteria} criteria × {len(codes)} "
                f"members (competition built in {built:.1f} s)"
            )

            # measured and baseline interleaved card by card, so that other load on the
            # machine weighs on both alike
            generate = baseline_write = 0.0
            cards: list[bytes] = []
            for code in codes:
                took, card = timed(
                    lambda code=code: offline_issue.export_scoresheet(db, OFFICE, cid, code)
                )
                rows = card_rows(card)
                plain, _ = timed(lambda rows=rows: plain_write(rows))
                generate, baseline_write = generate + took, baseline_write + plain
                cards.append(card)

            with db.unit_of_work("Benchmark") as session:  # untimed: make every score new
                session.execute(delete(Score).where(Score.competition_id == cid))
            imported = baseline_read = 0.0
            cells = 0
            new = 0
            for card in cards:
                plain, count = timed(lambda card=card: plain_read(card))
                took, preview = timed(lambda card=card: offline.import_scoresheet(db, OFFICE, card))
                imported, baseline_read = imported + took, baseline_read + plain
                cells += count
                new += preview.counts()["new"]  # the previews themselves are not kept
            assert new == offers * criteria * len(codes), new
        finally:
            db.dispose()
            seed.dispose()
    ratios = {"generate": generate / baseline_write, "import": imported / baseline_read}
    print(
        f"  generate {len(cards)} cards: {generate:7.2f} s   plain openpyxl write "
        f"{baseline_write:7.2f} s   ratio {ratios['generate']:.2f}"
    )
    print(
        f"  import   {len(cards)} cards: {imported:7.2f} s   plain openpyxl read  "
        f"{baseline_read:7.2f} s   ratio {ratios['import']:.2f}   ({new} scores, {cells} cells)"
    )
    worst = max(ratios.values())
    print(f"  target: each ratio ≤ {LIMIT:.0f} — {'met' if worst <= LIMIT else 'NOT met'}")
    peak = peak_memory_mb()
    print(f"  memory: peak {peak:.0f} MB (limit {MEMORY_LIMIT_MB} MB)")
    return 0 if quick or (worst <= LIMIT and peak <= MEMORY_LIMIT_MB) else 1


def peak_memory_mb() -> float:
    """This process's peak resident set so far, in MB (0 where the platform cannot tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


if __name__ == "__main__":
    sys.exit(main())
