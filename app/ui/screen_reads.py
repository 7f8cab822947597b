"""Reads of the screens that run in the worker process (``app.ui.worker``); no Qt here.

Each takes the database's URL and plain values and returns only what its screen shows, so
that the GUI's process unpickles little: the protocol screen, for one, shows the competition's
summary and committee, not its 2,000 offers.
"""

from __future__ import annotations

from dataclasses import replace

from app.services import protocol, queries, signoff
from app.ui.worker import worker_database


def read_protocol(
    url: str, competition_id: int, lang: str
) -> tuple[queries.CompetitionDetail, list[str], list[signoff.VersionInfo]]:
    """The protocol screen: the competition (without its offers), what stops the export, and
    the protocol's versions."""
    db = worker_database(url)
    detail = queries.competition_detail(db, competition_id, lang)
    return (
        replace(detail, offers=()),
        protocol.protocol_blockers(db, competition_id, lang),
        signoff.versions(db, competition_id),
    )
