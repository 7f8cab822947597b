"""Offline scoring, the office side: importing returned score workbooks and evaluator
package returns.

Import is all-or-nothing: the file is read and checked completely, a preview says what would
change (new, changed, unchanged and removed scores), and only a file without a single problem
is written — in one transaction, attributed to the member the file was issued to, whoever
imports it.  A file imported once more changes nothing and says so.

:func:`preview_scoresheet_import` / :func:`import_scoresheet` and
:func:`preview_package_return` / :func:`import_package_return` — the preview (an
:class:`ImportPreview`) and the all-or-nothing import.  Optional ``competition_id`` /
``member_code`` say whose file the user means to load (the GUI knows); ``lang`` the
language of the problems.  Issuing the files is :mod:`app.services.offline_issue`; the
member's own side is :mod:`app.services.evaluator_mode`.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.config import current_language
from app.db import Database
from app.db.audit import record_event
from app.errors import UserError
from app.models import (
    AuditEntry,
    Competition,
    CompetitionStatus,
    Criterion,
    IssueKind,
    Member,
    Score,
    ScoreSheetIssue,
    ScoreSource,
)
from app.offline.package import (
    read_return,
)
from app.offline.problems import ProblemCode, problem_text
from app.offline.spec import (
    ParsedReturn,
    ParsedScoreSheet,
    ScoreSheetSpec,
    SheetEntry,
    SheetProblem,
)
from app.services import base
from app.services.base import Actor, get_competition
from app.services.offline_issue import build_spec, member_scored_criteria, sheet_problem
from app.words import format_datetime

log = logging.getLogger(__name__)


#: files above this size are refused before anything parses them (a 2 000-offer card is ~2 MB)
MAX_FILE_BYTES = 20_000_000


Row = tuple[str, str, Decimal | None, Decimal | None, str]


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do (or did): one row per score of the card, and every problem.

    ``ok`` is False when there is any problem; then nothing is or was written.
    ``already_imported``: this very file was imported before (with ``changes == 0`` an
    import writes nothing at all).
    """

    competition_id: int | None
    member_code: str
    member_name: str
    rows: tuple[Row, ...]  # offer, criterion, old, new, new/changed/unchanged/removed
    problems: tuple[str, ...]  # in the user's language, each with its sheet and cell
    ok: bool
    already_imported: bool
    issue_id: str = ""
    #: signed returns only: the return's sequence number and whether the member finished
    sequence: int | None = None
    finished: bool | None = None

    @property
    def changes(self) -> int:
        return sum(1 for row in self.rows if row[4] != "unchanged")

    def counts(self) -> dict[str, int]:
        out = {"new": 0, "changed": 0, "unchanged": 0, "removed": 0}
        for row in self.rows:
            out[row[4]] += 1
        return out


def _problems(parsed: ParsedScoreSheet, lang: str) -> tuple[str, ...]:
    return tuple(problem_text(p, lang) for p in parsed.problems)


def _diff(
    session: Session, competition: Competition, member: Member, parsed: ParsedScoreSheet
) -> tuple[Row, ...]:
    criteria = {c.id: c.code for c in member_scored_criteria(competition)}
    offers = {o.id: o.code for o in competition.offers}
    current: dict[tuple[str, str], tuple[Decimal, str]] = {}
    for offer_id, criterion_id, value, justification in session.execute(
        select(Score.offer_id, Score.criterion_id, Score.value, Score.justification).where(
            Score.member_id == member.id
        )
    ):
        if criterion_id in criteria:
            current[(offers[offer_id], criteria[criterion_id])] = (value, justification)
    rows: list[Row] = []
    keys = parsed.keys or tuple(parsed.entries)
    for key in keys:
        entry = parsed.entries.get(key)
        old = current.get(key)
        new_value = entry.value if entry is not None else None
        if new_value is None:
            if old is not None:
                rows.append((key[0], key[1], old[0], None, "removed"))
            continue
        if old is None:
            status = "new"
        elif old[0] == new_value and old[1] == (entry.justification if entry else "").strip():
            status = "unchanged"
        else:
            status = "changed"
        rows.append((key[0], key[1], None if old is None else old[0], new_value, status))
    return tuple(rows)


def _label(competition: Competition) -> str:
    return f"{competition.case_reference} „{competition.title}”"


@dataclass(frozen=True)
class _Target:
    """What the importer says the file is for (the GUI knows; the command line does not)."""

    competition_id: int | None = None
    member_code: str | None = None

    def problems(
        self, session: Session, competition: Competition | None, member_code: str, uid: str
    ) -> list[SheetProblem]:
        found: list[SheetProblem] = []
        if self.competition_id is not None:
            wanted = get_competition(session, self.competition_id)
            if (competition.id if competition else None) != wanted.id and uid != wanted.uid:
                shown = _label(competition) if competition is not None else uid
                found.append(
                    sheet_problem(
                        ProblemCode.WRONG_COMPETITION, found=shown, expected=_label(wanted)
                    )
                )
                return found
        if self.member_code is not None and member_code and member_code != self.member_code:
            names = {}
            if competition is not None:
                names = {m.code: f"{m.name} ({m.code})" for m in competition.members}
            found.append(
                sheet_problem(
                    ProblemCode.WRONG_MEMBER,
                    found=names.get(member_code, member_code),
                    expected=names.get(self.member_code, self.member_code),
                )
            )
        return found


def _refused(
    problems: list[SheetProblem],
    lang: str,
    member_code: str = "",
    competition_id: int | None = None,
) -> ImportPreview:
    texts = tuple(problem_text(p, lang) for p in problems)
    return ImportPreview(competition_id, member_code, "", (), texts, False, False)


def _too_large(data: bytes) -> list[SheetProblem]:
    if len(data) > MAX_FILE_BYTES:
        return [sheet_problem(ProblemCode.FILE_TOO_LARGE, size=len(data), limit=MAX_FILE_BYTES)]
    return []


def _locate(session: Session, issue_id: str) -> tuple[ScoreSheetIssue, Competition, Member] | None:
    issue = session.get(ScoreSheetIssue, issue_id) if issue_id else None
    if issue is None:
        return None
    competition = get_competition(session, issue.competition_id)
    member = session.get(Member, issue.member_id)
    assert member is not None
    return issue, competition, member


def _finish_preview(
    session: Session,
    located: tuple[ScoreSheetIssue, Competition, Member],
    parsed: ParsedScoreSheet,
    extra: list[SheetProblem],
    lang: str,
    data: bytes,
) -> ImportPreview:
    issue, competition, member = located
    problems = [*parsed.problems, *extra]
    if competition.status is not CompetitionStatus.SCORING:
        problems.append(
            sheet_problem(
                ProblemCode.NOT_SCORING,
                status=base.status_words(competition.status).text(lang),
            )
        )
    rows = _diff(session, competition, member, parsed) if not problems else ()
    sequence = parsed.sequence if isinstance(parsed, ParsedReturn) else None
    finished = parsed.finished if isinstance(parsed, ParsedReturn) else None
    return ImportPreview(
        competition_id=competition.id,
        member_code=member.code,
        member_name=member.name,
        rows=rows,
        problems=tuple(problem_text(p, lang) for p in problems),
        ok=not problems,
        already_imported=issue.last_import_sha256 == hashlib.sha256(data).hexdigest(),
        issue_id=issue.id,
        sequence=sequence,
        finished=finished,
    )


def _preview_workbook(
    session: Session, data: bytes, lang: str, target: _Target
) -> tuple[ImportPreview, ScoreSheetIssue | None, ParsedScoreSheet | None]:
    from app.offline.workbook import read_workbook

    too_large = _too_large(data)
    if too_large:
        return _refused(too_large, lang), None, None
    found: list[tuple[ScoreSheetIssue, Competition, Member]] = []

    def resolve(issue_id: str) -> ScoreSheetSpec | None:
        located = _locate(session, issue_id)
        if located is None or located[0].kind is not IssueKind.WORKBOOK:
            return None
        found.append(located)
        issue, competition, member = located
        return build_spec(session, competition, member, issue.id, lang)

    # one pass: the reader looks the issue up as soon as it has read the hidden metadata
    parsed = read_workbook(data, max_bytes=MAX_FILE_BYTES, resolve=resolve)
    if not found:
        problems = list(parsed.problems) or target.problems(
            session, None, parsed.member_code, parsed.competition_uid
        )
        if not problems:
            problems = [
                sheet_problem(
                    ProblemCode.NOT_ISSUED_HERE,
                    issue=parsed.issue_id,
                    competition=parsed.competition_uid,
                )
            ]
        return _refused(problems, lang, parsed.member_code), None, parsed
    issue, competition, member = found[0]
    extra = target.problems(session, competition, member.code, competition.uid)
    return _finish_preview(session, found[0], parsed, extra, lang, data), issue, parsed


def preview_scoresheet_import(
    db: Database,
    data: bytes,
    *,
    competition_id: int | None = None,
    member_code: str | None = None,
    lang: str | None = None,
) -> ImportPreview:
    """What importing this workbook would change, and every problem; writes nothing.

    ``competition_id`` / ``member_code``: when the importer says whose card it is (the GUI
    imports from a competition's or a member's view), a file of another competition or member
    is refused with a message naming both.
    """
    with db.read() as session:
        return _preview_workbook(
            session, data, lang or current_language(), _Target(competition_id, member_code)
        )[0]


def import_scoresheet(
    db: Database,
    actor: Actor,
    data: bytes,
    *,
    competition_id: int | None = None,
    member_code: str | None = None,
    lang: str | None = None,
) -> ImportPreview:
    """Write the workbook's scores (all valid) or nothing; returns what was done.

    ``lang`` (default: the user's setting) is the language of the problems; see
    :func:`preview_scoresheet_import` for ``competition_id`` / ``member_code``.

    Raises ``UserError("import_refused")`` with every problem in ``details`` when the file
    has any problem.  A file already imported that would change nothing writes nothing.
    """
    lang = lang or current_language()
    with db.unit_of_work(actor.operator, actor.member) as session:
        preview, issue, parsed = _preview_workbook(
            session, data, lang, _Target(competition_id, member_code)
        )
        if not preview.ok or issue is None or parsed is None:
            raise UserError(
                "import_refused", {"count": len(preview.problems)}, details=preview.problems
            )
        _apply(session, issue, parsed, preview, ScoreSource.WORKBOOK, data)
        return preview


_FILE_LEVEL = {
    ProblemCode.FILE_EMPTY,
    ProblemCode.FILE_TOO_LARGE,
    ProblemCode.FILE_WRONG_FORMAT,
    ProblemCode.FILE_CORRUPT,
    ProblemCode.FORMAT_NEWER,
}


def _claimed_issue(data: bytes) -> str:
    """The issue id a return file claims, read without trusting anything (empty if none)."""
    try:
        envelope = json.loads(data.decode("utf-8"))
        payload = json.loads(envelope["payload"])
        issue_id = payload["issue_id"]
    except (UnicodeDecodeError, ValueError, TypeError, KeyError, RecursionError):
        return ""
    return issue_id if isinstance(issue_id, str) else ""


def _is_package(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "manifest.json" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _imported_sequences(session: Session, issue_id: str) -> list[tuple[int, str, datetime]]:
    """(sequence, file SHA-256, when) of every return imported for an issue, from the audit."""
    found = []
    for entry in session.scalars(
        select(AuditEntry).where(
            AuditEntry.object_type == "ScoreSheetIssue",
            AuditEntry.object_id == issue_id,
            AuditEntry.action == "import",
        )
    ):
        after = json.loads(entry.after or "{}")
        if isinstance(after.get("sequence"), int):
            found.append((after["sequence"], str(after.get("file_sha256", "")), entry.at))
    return found


def _preview_return(
    session: Session, data: bytes, lang: str, target: _Target
) -> tuple[ImportPreview, ScoreSheetIssue | None, ParsedReturn | None]:
    too_large = _too_large(data)
    if too_large:
        return _refused(too_large, lang), None, None
    if _is_package(data):
        return _refused([sheet_problem(ProblemCode.FILE_IS_PACKAGE)], lang), None, None
    claimed = _claimed_issue(data)
    located = _locate(session, claimed) if claimed else None
    if located is None or located[0].public_key is None:
        # nothing to verify against: say what is wrong with the file, or that it is not ours
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        anyone = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
        first = read_return(data, public_key=anyone, expected=None, max_bytes=MAX_FILE_BYTES)
        # no key of ours to check it with: only what is wrong with the file as such counts
        problems = [p for p in first.problems if p.code in _FILE_LEVEL]
        if not problems:
            problems = target.problems(session, None, first.member_code, first.competition_uid)
        if not problems:
            problems = [
                sheet_problem(
                    ProblemCode.NOT_ISSUED_HERE,
                    issue=first.issue_id or "—",
                    competition=first.competition_uid or "—",
                )
            ]
        return _refused(problems, lang, first.member_code), None, None
    issue, competition, member = located
    assert issue.public_key is not None
    expected = build_spec(session, competition, member, issue.id, lang)
    parsed = read_return(
        data, public_key=issue.public_key, expected=expected, max_bytes=MAX_FILE_BYTES
    )
    extra = target.problems(session, competition, member.code, competition.uid)
    if parsed.ok and parsed.sequence is not None:
        this = hashlib.sha256(data).hexdigest()
        earlier = [s for s in _imported_sequences(session, issue.id) if s[1] != this]
        latest = max(earlier, default=None)
        if latest is not None and latest[0] >= parsed.sequence:
            extra.append(
                sheet_problem(
                    ProblemCode.RETURN_SUPERSEDED,
                    found=parsed.sequence,
                    latest=latest[0],
                    imported_at=format_datetime(latest[2], lang),
                )
            )
    return _finish_preview(session, located, parsed, extra, lang, data), issue, parsed


def preview_package_return(
    db: Database,
    data: bytes,
    *,
    competition_id: int | None = None,
    member_code: str | None = None,
    lang: str | None = None,
) -> ImportPreview:
    """What importing this signed return file would change, and every problem; writes nothing.

    The signature is checked with the key stored when the package was issued; a tampered
    file, another package's key, another competition or member, stale criteria or offers,
    and a return older than one already imported from the same package are refused.
    """
    with db.read() as session:
        return _preview_return(
            session, data, lang or current_language(), _Target(competition_id, member_code)
        )[0]


def import_package_return(
    db: Database,
    actor: Actor,
    data: bytes,
    *,
    competition_id: int | None = None,
    member_code: str | None = None,
    lang: str | None = None,
) -> ImportPreview:
    """Write the return's scores (all valid) or nothing, attributed to the package's member.

    Arguments as for :func:`preview_package_return` and :func:`import_scoresheet`.
    """
    lang = lang or current_language()
    with db.unit_of_work(actor.operator, actor.member) as session:
        preview, issue, parsed = _preview_return(
            session, data, lang, _Target(competition_id, member_code)
        )
        if not preview.ok or issue is None or parsed is None:
            raise UserError(
                "import_refused", {"count": len(preview.problems)}, details=preview.problems
            )
        _apply(session, issue, parsed, preview, ScoreSource.PACKAGE, data)
        return preview


def _apply(
    session: Session,
    issue: ScoreSheetIssue,
    parsed: ParsedScoreSheet,
    preview: ImportPreview,
    source: ScoreSource,
    data: bytes,
) -> None:
    if preview.already_imported and preview.changes == 0:
        log.info("file for issue %s already imported: nothing to write", issue.id)
        return
    competition = get_competition(session, issue.competition_id, for_update=True)
    member = session.get(Member, issue.member_id)
    assert member is not None
    # the scores belong to the member the file was issued to, whoever imports it
    session.info["member"] = member.code
    _write_scores(session, competition, member, parsed, preview, source)
    issue.last_import_sha256 = hashlib.sha256(data).hexdigest()
    issue.last_imported_at = base.now()
    after: dict[str, object] = {
        "member": member.code,
        "kind": issue.kind.value,
        "file_sha256": issue.last_import_sha256,
        **preview.counts(),
    }
    if isinstance(parsed, ParsedReturn):
        after.update(sequence=parsed.sequence, finished=parsed.finished)
    record_event(
        session,
        competition_id=competition.id,
        object_type="ScoreSheetIssue",
        object_id=issue.id,
        action="import",
        after=after,
    )


_SCORE_COLUMNS = (
    "id",
    "competition_id",
    "member_id",
    "offer_id",
    "criterion_id",
    "value",
    "justification",
    "source",
    "entered_at",
)


def _write_scores(
    session: Session,
    competition: Competition,
    member: Member,
    parsed: ParsedScoreSheet,
    preview: ImportPreview,
    source: ScoreSource,
) -> None:
    """Insert, update and delete the member's scores in bulk, each with its audit entry.

    A card holds up to tens of thousands of scores; through the ORM unit of work (one
    object, one snapshot each) that took several seconds per card.  The rows are written
    with one statement per kind of change, and every change gets the audit entry the
    session hook would have written (same object type, id, action and values).  The file
    was checked against the card the database issues now (admitted offers, recusals,
    scales, steps, justifications) inside this transaction; the scale and justification
    rules are checked once more here, so no path writes a score the rules forbid.
    """
    criteria = {c.code: c for c in competition.criteria}
    offers = {o.code: o.id for o in competition.offers}
    current = {
        (row.offer_id, row.criterion_id): row
        for row in session.execute(
            select(*(getattr(Score, name) for name in _SCORE_COLUMNS)).where(
                Score.member_id == member.id
            )
        )
    }
    now = base.now()
    inserts: list[dict[str, object]] = []
    updates: list[tuple[Any, dict[str, object]]] = []
    deletes: list[Any] = []
    for offer_code, criterion_code, _old, _new, status in preview.rows:
        if status == "unchanged":
            continue
        criterion = criteria[criterion_code]
        key = (offers[offer_code], criterion.id)
        if status == "removed":
            deletes.append(current[key])
            continue
        entry = parsed.entries[(offer_code, criterion_code)]
        assert entry.value is not None
        _check_score(competition, criterion, offer_code, entry)
        values = {
            "value": entry.value,
            "justification": entry.justification.strip(),
            "source": source,
            "entered_at": now,
        }
        if status == "new":
            inserts.append(
                {
                    "competition_id": competition.id,
                    "member_id": member.id,
                    "offer_id": key[0],
                    "criterion_id": key[1],
                    **values,
                }
            )
        else:
            updates.append((current[key], values))
    if inserts:
        statement = insert(Score).returning(Score.id, sort_by_parameter_order=True)
        ids = session.execute(statement, inserts).scalars().all()
        for score_id, row in zip(ids, inserts, strict=True):
            _audit_score(session, competition.id, score_id, "create", {}, {"id": score_id, **row})
    if updates:
        session.execute(update(Score), [{"id": row.id, **values} for row, values in updates])
        for row, values in updates:
            before = {name: getattr(row, name) for name in values}
            changed = [name for name in values if before[name] != values[name]]
            _audit_score(
                session,
                competition.id,
                row.id,
                "update",
                {name: before[name] for name in changed},
                {name: values[name] for name in changed},
            )
    if deletes:
        session.execute(delete(Score).where(Score.id.in_([row.id for row in deletes])))
        for row in deletes:
            snapshot = {name: getattr(row, name) for name in _SCORE_COLUMNS}
            _audit_score(session, competition.id, row.id, "delete", snapshot, {})


def _audit_score(
    session: Session,
    competition_id: int,
    score_id: int,
    action: str,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    record_event(
        session,
        competition_id=competition_id,
        object_type="Score",
        object_id=str(score_id),
        action=action,
        before=before,
        after=after,
    )


def _check_score(
    competition: Competition, criterion: Criterion, offer_code: str, entry: SheetEntry
) -> None:
    value = entry.value
    assert value is not None
    top, step = criterion.max_score or Decimal(1), criterion.step or Decimal(1)
    if value < 0 or value > top:
        raise UserError(
            "score_off_scale", {"value": value, "criterion": criterion.code, "max": top}
        )
    if value % step != 0:
        raise UserError(
            "score_off_step", {"value": value, "criterion": criterion.code, "step": step}
        )
    if competition.require_justification and not entry.justification.strip():
        raise UserError(
            "justification_required", {"offer": offer_code, "criterion": criterion.code}
        )
