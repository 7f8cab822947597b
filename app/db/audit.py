"""The audit trail: every flushed change becomes a hash-chained, append-only entry.

Recording happens in the session's ``after_flush`` hook, so no service can forget it: who (the
operator and, where there is one, the acting committee member, both taken from
``session.info``), when, what, and the values before and after.  Each entry's hash covers its
content and the previous entry's hash; the single ``audit_head`` row is advanced with a
compare-and-set, which serialises concurrent writers on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.util import identity_key

from app.errors import UserError
from app.models import (
    AttachmentBlob,
    AuditEntry,
    AuditHead,
    Base,
    Competition,
    Criterion,
    Meeting,
    Member,
    Offer,
)

GENESIS_HASH = "0" * 64
_NOT_AUDITED = (AuditEntry, AuditHead, AttachmentBlob)
# child rows that reach their competition through a parent
_PARENT_KEYS: tuple[tuple[str, type[Base]], ...] = (
    ("offer_id", Offer),
    ("member_id", Member),
    ("meeting_id", Meeting),
    ("criterion_id", Criterion),
)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        # one spelling per number, whether it came from the user ("7.5") or the column ("7.5000")
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest(), "size": len(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def canonical_json(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(
    *,
    seq: int,
    at: datetime,
    operator: str,
    acting_member: str,
    competition_id: int | None,
    object_type: str,
    object_id: str,
    action: str,
    before: str,
    after: str,
    prev_hash: str,
) -> str:
    payload = canonical_json(
        [
            seq,
            at,
            operator,
            acting_member,
            competition_id,
            object_type,
            object_id,
            action,
            before,
            after,
            prev_hash,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _columns(obj: Base) -> Iterator[str]:
    for attr in inspect(obj).mapper.column_attrs:
        yield attr.key


def _snapshot(obj: Base) -> dict[str, Any]:
    return {key: _plain(getattr(obj, key)) for key in _columns(obj)}


def _changes(obj: Base) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key in _columns(obj):
        history = state.attrs[key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if _plain(old) != _plain(new):
                before[key] = _plain(old)
                after[key] = _plain(new)
    return before, after


def _object_id(obj: Base) -> str:
    identity = inspect(obj).identity
    if identity is None:
        return ""
    return ",".join(str(part) for part in identity)


class _CompetitionResolver:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._connection = session.connection()
        self._cache: dict[tuple[type[Base], int], int | None] = {}

    def __call__(self, obj: Base) -> int | None:
        if isinstance(obj, Competition):
            return obj.id
        direct = getattr(obj, "competition_id", None)
        if direct is not None:
            return int(direct)
        for key, parent in _PARENT_KEYS:
            parent_id = getattr(obj, key, None)
            if parent_id is not None:
                return self._lookup(parent, int(parent_id))
        return None

    def _lookup(self, parent: type[Base], parent_id: int) -> int | None:
        cache_key = (parent, parent_id)
        if cache_key not in self._cache:
            # The parent as the session holds it: a parent deleted in the same flush as its
            # children (an offer with its figures) is no longer in the table, but its children
            # still belong to its competition.
            held = self._session.identity_map.get(identity_key(parent, parent_id))
            known = getattr(held, "competition_id", None)
            if known is not None:
                self._cache[cache_key] = int(known)
                return self._cache[cache_key]
            table = parent.__table__
            column = table.c.competition_id
            row = self._connection.execute(select(column).where(table.c.id == parent_id)).first()
            self._cache[cache_key] = None if row is None else int(row[0])
        return self._cache[cache_key]


@dataclass(frozen=True)
class _Pending:
    competition_id: int | None
    object_type: str
    object_id: str
    action: str
    before: str
    after: str


def _collect(
    session: Session, resolve: _CompetitionResolver, deleted: Iterable[object]
) -> list[_Pending]:
    pending: list[_Pending] = []

    def add(obj: Base, action: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        pending.append(
            _Pending(
                competition_id=resolve(obj),
                object_type=type(obj).__name__,
                object_id=_object_id(obj),
                action=action,
                before=canonical_json(before) if before else "",
                after=canonical_json(after) if after else "",
            )
        )

    for obj in session.new:
        if isinstance(obj, Base) and not isinstance(obj, _NOT_AUDITED):
            add(obj, "create", {}, _snapshot(obj))
    for obj in session.dirty:
        if isinstance(obj, Base) and not isinstance(obj, _NOT_AUDITED):
            before, after = _changes(obj)
            if after:
                add(obj, "update", before, after)
    for obj in deleted:
        if isinstance(obj, Base) and not isinstance(obj, _NOT_AUDITED):
            add(obj, "delete", _snapshot(obj), {})
    return pending


def _deleted(session: Session, flush_context: UOWTransaction) -> list[object]:
    """Every row the flush deleted: those passed to ``session.delete`` and also the orphans
    (a figure removed from an offer's list, deleted by the ``delete-orphan`` cascade), which
    the flush finds itself and which ``session.deleted`` does not list."""
    deleted: list[object] = list(session.deleted)
    seen = {id(obj) for obj in deleted}
    for state, (is_delete, list_only) in flush_context.states.items():
        obj = state.obj()
        if is_delete and not list_only and obj is not None and id(obj) not in seen:
            seen.add(id(obj))
            deleted.append(obj)
    return deleted


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    connection = session.connection()
    pending = _collect(session, _CompetitionResolver(session), _deleted(session, flush_context))
    if any(isinstance(obj, _NOT_AUDITED[:2]) for obj in session.new | session.dirty):
        raise RuntimeError("audit entries are written only by the audit hook")
    extra = session.info.pop("audit_extra", [])
    pending.extend(extra)
    if not pending:
        return
    operator = str(session.info.get("operator") or "")
    if not operator:
        raise UserError("operator_missing")
    acting = str(session.info.get("member") or "")
    write_entries(connection, pending, operator=operator, acting_member=acting)


def write_entries(
    connection: Connection, pending: Iterable[_Pending], *, operator: str, acting_member: str
) -> None:
    head = connection.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)
    ).first()
    if head is None:
        connection.execute(insert(AuditHead).values(id=1, seq=0, hash=GENESIS_HASH))
        seq, prev = 0, GENESIS_HASH
    else:
        seq, prev = int(head[0]), str(head[1])
    start_seq = seq
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    for item in pending:
        seq += 1
        digest = entry_hash(
            seq=seq,
            at=now,
            operator=operator,
            acting_member=acting_member,
            competition_id=item.competition_id,
            object_type=item.object_type,
            object_id=item.object_id,
            action=item.action,
            before=item.before,
            after=item.after,
            prev_hash=prev,
        )
        rows.append(
            {
                "seq": seq,
                "at": now,
                "operator": operator,
                "acting_member": acting_member,
                "competition_id": item.competition_id,
                "object_type": item.object_type,
                "object_id": item.object_id,
                "action": item.action,
                "before": item.before,
                "after": item.after,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    connection.execute(insert(AuditEntry), rows)
    moved = connection.execute(
        update(AuditHead)
        .where(AuditHead.id == 1, AuditHead.seq == start_seq)
        .values(seq=seq, hash=prev)
    )
    if moved.rowcount != 1:
        raise UserError("concurrent_change")


def record_event(
    session: Session,
    *,
    competition_id: int | None,
    object_type: str,
    object_id: str,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add an entry for something that is not a row change (sign-off, import, reopening)."""
    session.info.setdefault("audit_extra", []).append(
        _Pending(
            competition_id=competition_id,
            object_type=object_type,
            object_id=object_id,
            action=action,
            before=canonical_json(before) if before else "",
            after=canonical_json(after) if after else "",
        )
    )


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "after_flush", _after_flush)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_broken: int | None
    problem: str  # code: "", "modified", "deleted", "reordered", "head_mismatch"


def verify_chain(connection: Connection) -> ChainReport:
    """Recompute the chain; name the first entry that was edited, deleted or reordered."""
    expected_seq = 0
    prev = GENESIS_HASH
    count = 0
    rows = connection.execute(select(AuditEntry.__table__).order_by(AuditEntry.seq))
    for row in rows.mappings():
        count += 1
        seq = int(row["seq"])
        expected_seq += 1
        if seq != expected_seq:
            return ChainReport(False, count, expected_seq, "deleted")
        at = row["at"]
        if isinstance(at, datetime) and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        digest = entry_hash(
            seq=seq,
            at=at,
            operator=row["operator"],
            acting_member=row["acting_member"],
            competition_id=row["competition_id"],
            object_type=row["object_type"],
            object_id=row["object_id"],
            action=row["action"],
            before=row["before"],
            after=row["after"],
            prev_hash=row["prev_hash"],
        )
        if row["prev_hash"] != prev:
            return ChainReport(False, count, seq, "reordered")
        if digest != row["hash"]:
            return ChainReport(False, count, seq, "modified")
        prev = row["hash"]
    head = connection.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)
    ).first()
    head_seq, head_hash = (0, GENESIS_HASH) if head is None else (int(head[0]), str(head[1]))
    if head_seq != expected_seq or head_hash != prev:
        # entries after the last surviving one were removed (or the head was edited)
        return ChainReport(False, count, expected_seq + 1, "head_mismatch")
    return ChainReport(True, count, None, "")
