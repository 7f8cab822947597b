"""Several people working at once: concurrent writers never half-write or break the audit chain.

On SQLite the second writer waits for the first (busy timeout); on PostgreSQL the audit head's
compare-and-set lets exactly one of two racing transactions commit and refuses the other with a
message that asks to repeat the action.  Either way every offer that was reported as saved is
in the database, every refused one is absent, and the audit chain verifies.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select

from app.db import Database
from app.errors import UserError
from app.models import Offer
from app.services import maintenance
from app.services.base import Actor
from tests.builders import announced, offer

WRITERS = 4
OFFERS_EACH = 6


def test_concurrent_writers_keep_the_data_and_the_audit_chain_whole(
    db: Database, actor: Actor, clock: Any
) -> None:
    from app.services import registration

    cid = announced(db, actor, clock)
    saved: list[str] = []
    refused: list[tuple[str, str]] = []
    unexpected: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(WRITERS)

    def writer(index: int) -> None:
        start.wait()
        for n in range(OFFERS_EACH):
            name = f"Stowarzyszenie {index}-{n}"
            try:
                registration.add_offer(
                    db, Actor(operator=f"Pracownik {index}"), cid, offer(name, 24, "1000.00")
                )
            except UserError as error:
                with lock:
                    refused.append((name, error.code))
            except BaseException as error:  # the test must see anything else
                with lock:
                    unexpected.append(error)
            else:
                with lock:
                    saved.append(name)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not unexpected, unexpected
    assert len(saved) + len(refused) == WRITERS * OFFERS_EACH
    assert {code for _, code in refused} <= {"concurrent_change", "db_locked"}
    assert saved, "at least one writer must have succeeded"
    with db.read() as session:
        stored = session.scalar(
            select(func.count()).select_from(Offer).where(Offer.competition_id == cid)
        )
    assert stored == len(saved)
    report = maintenance.verify(db)
    assert report.ok, report
    for code in {code for _, code in refused}:
        text = UserError(code).text("pl")
        assert "ponownie" in text or "spróbuj" in text.lower(), text
