"""Sign-off by the chair, reopening with a reason, and the stored protocol versions.

Sign-off freezes the results: version N is stored with its fingerprint, the canonical results
and the exact bytes of its PDF and workbook.  Reopening needs a reason, marks version N as
reopened and returns the competition to results; the next sign-off stores N+1.  Older versions
stay readable.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.db import Database
from app.db.audit import record_event
from app.errors import Progress, UserError
from app.models import Competition, CompetitionStatus, ProtocolVersion
from app.scoring.types import MemberRole
from app.services import base
from app.services.base import Actor, get_competition, require_reason, status_words
from app.services.protocol import render_for_sign_off, sign_off_blockers
from app.services.results import (
    build_input,
    canonical_json,
    compute_input,
    fingerprint,
    results_document,
)
from app.words import Words


def _chair_check(competition: Competition, actor: Actor, action: str) -> str:
    chair = next((m for m in competition.members if m.role is MemberRole.CHAIR), None)
    acting = next((m for m in competition.members if m.code == actor.member), None)
    if acting is None or chair is None or acting.id != chair.id:
        raise UserError(
            "only_chair",
            {
                "action": Words(f"action.{action}"),
                "member": acting.name if acting else (actor.member or actor.operator),
                "role": acting.role.value if acting else "",  # none: not on the committee
            },
        )
    return acting.name


def sign_off(
    db: Database, actor: Actor, competition_id: int, progress: Progress | None = None
) -> int:
    """The chair signs the results off; returns the new protocol version number.

    ``progress`` hears of each file rendered and may stop the sign-off (``CancelledError``) before
    it is committed: then nothing changes."""
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        chair_name = _chair_check(competition, actor, "sign_off")
        blockers = sign_off_blockers(session, competition)
        if blockers:
            raise UserError("results_incomplete", {"missing": tuple(blockers)})
        inp = build_input(session, competition)
        res = compute_input(inp)
        number = len(competition.protocol_versions) + 1
        signed_at = base.now()
        document = results_document(competition.uid, inp, res)
        competition.status = CompetitionStatus.SIGNED_OFF
        session.flush()
        pdf, xlsx = render_for_sign_off(
            session, competition, number, chair_name, signed_at, progress
        )
        version = ProtocolVersion(
            competition_id=competition.id,
            number=number,
            signed_off_at=signed_at,
            signed_off_by=chair_name,
            fingerprint=fingerprint(competition.uid, inp, res),
            results_json=canonical_json(document),
            pdf=pdf,
            pdf_sha256=hashlib.sha256(pdf).hexdigest() if pdf else None,
            xlsx=xlsx,
        )
        competition.protocol_versions.append(version)
        record_event(
            session,
            competition_id=competition.id,
            object_type="Competition",
            object_id=str(competition.id),
            action="sign_off",
            after={"version": number, "fingerprint": version.fingerprint},
        )
        return number


def reopen(db: Database, actor: Actor, competition_id: int, reason: str) -> None:
    """Reopen a signed-off competition; the next sign-off produces a new protocol version."""
    reason = require_reason(reason, "reopen_signed_off")
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id, for_update=True)
        if competition.status is not CompetitionStatus.SIGNED_OFF:
            raise UserError(
                "transition_not_allowed",
                {
                    "current": status_words(competition.status),
                    "target": status_words(CompetitionStatus.RESULTS),
                },
            )
        _chair_check(competition, actor, "reopen")
        latest = competition.protocol_versions[-1]
        latest.reopened_at = base.now()
        latest.reopen_reason = reason
        competition.status = CompetitionStatus.RESULTS
        record_event(
            session,
            competition_id=competition.id,
            object_type="Competition",
            object_id=str(competition.id),
            action="reopen",
            after={"version": latest.number, "reason": reason},
        )


@dataclass(frozen=True)
class VersionInfo:
    number: int
    signed_off_at: datetime
    signed_off_by: str
    fingerprint: str
    has_pdf: bool
    has_xlsx: bool
    reopened_at: datetime | None
    reopen_reason: str


def versions(db: Database, competition_id: int) -> list[VersionInfo]:
    with db.read() as session:
        get_competition(session, competition_id)  # a clear error for an unknown competition
        rows = session.execute(
            select(
                ProtocolVersion.number,
                ProtocolVersion.signed_off_at,
                ProtocolVersion.signed_off_by,
                ProtocolVersion.fingerprint,
                ProtocolVersion.pdf.is_not(None),  # the files themselves are not read
                ProtocolVersion.xlsx.is_not(None),
                ProtocolVersion.reopened_at,
                ProtocolVersion.reopen_reason,
            )
            .where(ProtocolVersion.competition_id == competition_id)
            .order_by(ProtocolVersion.number)
        )
        return [
            VersionInfo(number, at, by, digest, bool(has_pdf), bool(has_xlsx), reopened, reason)
            for number, at, by, digest, has_pdf, has_xlsx, reopened, reason in rows
        ]


def version_bytes(
    db: Database, competition_id: int, number: int
) -> tuple[bytes | None, bytes | None]:
    with db.read() as session:
        competition = get_competition(session, competition_id)
        for v in competition.protocol_versions:
            if v.number == number:
                return v.pdf, v.xlsx
        raise UserError("not_found", {"what": Words("entity.protocol_version"), "id": number})
