"""Offline scoring: issuing score workbooks and evaluator packages, and importing them back.

Import is all-or-nothing: the file is read and checked completely, a preview says what would
change (new, changed, unchanged and removed scores), and only a file without a single problem
is written — in one transaction, attributed to the member the file was issued to, whoever
imports it.  A file imported once more changes nothing and says so.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import current_language
from app.db import Database
from app.db.audit import record_event
from app.errors import UserError
from app.models import (
    Competition,
    CompetitionStatus,
    Criterion,
    FormalStatus,
    IssueKind,
    Member,
    Score,
    ScoreSheetIssue,
    ScoreSource,
)
from app.offline.problems import problem_text
from app.offline.spec import (
    ParsedScoreSheet,
    ScoreSheetSpec,
    SheetCriterion,
    SheetEntry,
    SheetOffer,
)
from app.scoring.types import CriterionKind
from app.services import base
from app.services.base import Actor, get_competition, require_editable
from app.services.procedure import apply_scores
from app.services.specs import ScoreEntry

MAX_FILE_BYTES = 20_000_000
Row = tuple[str, str, Decimal | None, Decimal | None, str]


def plain(value: Decimal) -> Decimal:
    """Without storage zeros ("7.5000" -> "7.5", "10.0000" -> "10"), never in E notation."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@dataclass(frozen=True)
class ImportPreview:
    competition_id: int | None
    member_code: str
    member_name: str
    rows: tuple[Row, ...]  # offer, criterion, old, new, new/changed/unchanged/removed
    problems: tuple[str, ...]  # in the user's language, each with its sheet and cell
    ok: bool
    already_imported: bool

    @property
    def changes(self) -> int:
        return sum(1 for row in self.rows if row[4] != "unchanged")

    def counts(self) -> dict[str, int]:
        out = {"new": 0, "changed": 0, "unchanged": 0, "removed": 0}
        for row in self.rows:
            out[row[4]] += 1
        return out


def _member_scored_criteria(competition: Competition) -> list[Criterion]:
    return [
        c
        for c in competition.criteria
        if c.kind is CriterionKind.SCORED or (c.kind is CriterionKind.YES_NO and not c.field)
    ]


def sheet_fingerprint(competition: Competition, member: Member) -> str:
    """Version of what a member's card depends on: the scored criteria and their offers."""
    recused = {c.offer_id for c in member.conflicts}
    payload = {
        "criteria": [
            [c.code, str(c.max_score), str(c.step), str(c.weight)]
            for c in _member_scored_criteria(competition)
        ],
        "offers": [
            o.code
            for o in competition.offers
            if o.formal_status is FormalStatus.ADMITTED and o.id not in recused
        ],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def build_spec(
    session: Session, competition: Competition, member: Member, issue_id: str, lang: str
) -> ScoreSheetSpec:
    recused = {c.offer_id for c in member.conflicts}
    criteria = _member_scored_criteria(competition)
    offers = [
        o
        for o in competition.offers
        if o.formal_status is FormalStatus.ADMITTED and o.id not in recused
    ]
    codes = {c.id: c.code for c in criteria}
    offer_codes = {o.id: o.code for o in offers}
    existing: dict[tuple[str, str], SheetEntry] = {}
    for score in session.scalars(select(Score).where(Score.member_id == member.id)):
        if score.offer_id in offer_codes and score.criterion_id in codes:
            existing[(offer_codes[score.offer_id], codes[score.criterion_id])] = SheetEntry(
                plain(score.value),
                score.justification,
            )
    deadline = competition.decision_date
    return ScoreSheetSpec(
        issue_id=issue_id,
        competition_uid=competition.uid,
        competition_title=competition.title,
        case_reference=competition.case_reference,
        member_code=member.code,
        member_name=member.name,
        member_role=member.role.value,
        deadline=deadline,
        language=lang,
        require_justification=competition.require_justification,
        fingerprint=sheet_fingerprint(competition, member),
        criteria=tuple(
            SheetCriterion(
                code=c.code,
                name=c.name,
                max_score=plain(c.max_score or Decimal(1)),
                step=plain(c.step or Decimal(1)),
                weight=plain(c.weight),
                guidance=c.guidance,
            )
            for c in criteria
        ),
        offers=tuple(
            SheetOffer(
                code=o.code, applicant=o.applicant.name, title=o.title, requested=o.requested_amount
            )
            for o in offers
        ),
        existing=existing,
    )


def _issue(
    db: Database,
    actor: Actor,
    competition_id: int,
    member_code: str,
    kind: IssueKind,
    public_key: bytes | None = None,
) -> tuple[ScoreSheetSpec, str]:
    lang = current_language()
    with db.unit_of_work(actor.operator, actor.member) as session:
        competition = get_competition(session, competition_id)
        require_editable(competition, "scores")
        member = base.member_by_code(session, competition_id, member_code)
        issue_id = str(uuid.uuid4())
        spec = build_spec(session, competition, member, issue_id, lang)
        session.add(
            ScoreSheetIssue(
                id=issue_id,
                competition_id=competition.id,
                member_id=member.id,
                kind=kind,
                fingerprint=spec.fingerprint,
                issued_at=base.now(),
                public_key=public_key,
            )
        )
        return spec, issue_id


def export_scoresheet(db: Database, actor: Actor, competition_id: int, member_code: str) -> bytes:
    from app.offline.workbook import build_workbook

    spec, _ = _issue(db, actor, competition_id, member_code, IssueKind.WORKBOOK)
    return build_workbook(spec)


# ---------------------------------------------------------------------------------------------
# Import


def _problems(parsed: ParsedScoreSheet, lang: str) -> tuple[str, ...]:
    return tuple(problem_text(p, lang) for p in parsed.problems)


def _diff(
    session: Session, competition: Competition, member: Member, parsed: ParsedScoreSheet
) -> tuple[Row, ...]:
    criteria = {c.id: c.code for c in _member_scored_criteria(competition)}
    offers = {o.id: o.code for o in competition.offers}
    current: dict[tuple[str, str], tuple[Decimal, str]] = {}
    for score in session.scalars(select(Score).where(Score.member_id == member.id)):
        if score.criterion_id in criteria:
            current[(offers[score.offer_id], criteria[score.criterion_id])] = (
                score.value,
                score.justification,
            )
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


def _locate(session: Session, issue_id: str) -> tuple[ScoreSheetIssue, Competition, Member] | None:
    issue = session.get(ScoreSheetIssue, issue_id) if issue_id else None
    if issue is None:
        return None
    competition = get_competition(session, issue.competition_id)
    member = session.get(Member, issue.member_id)
    assert member is not None
    return issue, competition, member


def _preview(
    session: Session, data: bytes, lang: str, reader: str, public_key_check: bool = False
) -> tuple[ImportPreview, ScoreSheetIssue | None, ParsedScoreSheet | None]:
    from app.offline.workbook import read_workbook

    if len(data) > MAX_FILE_BYTES:
        problem = (
            f"The file is too large ({len(data)} bytes; at most {MAX_FILE_BYTES}). It is "
            "not a score workbook issued by Komisja."
            if lang == "en"
            else f"Plik jest za duży ({len(data)} bajtów; najwyżej {MAX_FILE_BYTES}). To nie jest "
            "karta oceny wydana przez program Komisja."
        )
        return ImportPreview(None, "", "", (), (problem,), False, False), None, None
    first = read_workbook(data, max_bytes=MAX_FILE_BYTES) if reader == "workbook" else None
    assert first is not None
    located = _locate(session, first.issue_id)
    if located is None:
        problems = _problems(first, lang) or (
            (
                "This workbook was not issued by this database (unknown issue id); import it "
                "where it was issued."
                if lang == "en"
                else "Tej karty nie wydano z tej bazy danych (nieznany identyfikator wydania); "
                "zaimportuj ją tam, gdzie ją wydano."
            ),
        )
        return ImportPreview(None, first.member_code, "", (), problems, False, False), None, first
    issue, competition, member = located
    expected = build_spec(session, competition, member, issue.id, lang)
    parsed = read_workbook(data, expected=expected, max_bytes=MAX_FILE_BYTES)
    problems = list(_problems(parsed, lang))
    if competition.status is not CompetitionStatus.SCORING:
        problems.append(
            "The competition is not at the scoring step "
            f"({base.status_label(competition.status, 'en')})."
            if lang == "en"
            else "Konkurs nie jest na etapie oceny merytorycznej "
            f"(status: {base.status_label(competition.status)})."
        )
    rows = _diff(session, competition, member, parsed) if not parsed.problems else ()
    already = issue.last_import_sha256 == hashlib.sha256(data).hexdigest()
    preview = ImportPreview(
        competition_id=competition.id,
        member_code=member.code,
        member_name=member.name,
        rows=rows,
        problems=tuple(problems),
        ok=not problems,
        already_imported=already,
    )
    return preview, issue, parsed


def preview_scoresheet_import(db: Database, data: bytes) -> ImportPreview:
    with db.read() as session:
        return _preview(session, data, current_language(), "workbook")[0]


def import_scoresheet(db: Database, actor: Actor, data: bytes) -> ImportPreview:
    """Write the workbook's scores (all valid) or nothing; returns what was done."""
    lang = current_language()
    with db.unit_of_work(actor.operator, actor.member) as session:
        preview, issue, parsed = _preview(session, data, lang, "workbook")
        if not preview.ok or issue is None or parsed is None:
            raise UserError(
                "import_refused", {"count": len(preview.problems)}, details=preview.problems
            )
        _apply(session, issue, parsed, preview, ScoreSource.WORKBOOK, data)
        return preview


def _apply(
    session: Session,
    issue: ScoreSheetIssue,
    parsed: ParsedScoreSheet,
    preview: ImportPreview,
    source: ScoreSource,
    data: bytes,
) -> None:
    competition = get_competition(session, issue.competition_id, for_update=True)
    member = session.get(Member, issue.member_id)
    assert member is not None
    # the scores belong to the member the file was issued to, whoever imports it
    session.info["member"] = member.code
    entries = [
        ScoreEntry(
            offer,
            criterion,
            parsed.entries[(offer, criterion)].value or Decimal(0),
            parsed.entries[(offer, criterion)].justification,
        )
        for offer, criterion, _old, _new, status in preview.rows
        if status in ("new", "changed")
    ]
    if entries:
        apply_scores(session, competition, member.code, entries, source=source)
    removed = [(o, c) for o, c, _old, _new, status in preview.rows if status == "removed"]
    if removed:
        criteria = {c.code: c.id for c in competition.criteria}
        offers = {o.code: o.id for o in competition.offers}
        for offer, criterion in removed:
            for score in session.scalars(
                select(Score).where(
                    Score.member_id == member.id,
                    Score.offer_id == offers[offer],
                    Score.criterion_id == criteria[criterion],
                )
            ):
                session.delete(score)
    issue.last_import_sha256 = hashlib.sha256(data).hexdigest()
    issue.last_imported_at = base.now()
    record_event(
        session,
        competition_id=competition.id,
        object_type="ScoreSheetIssue",
        object_id=issue.id,
        action="import",
        after={"member": member.code, "file_sha256": issue.last_import_sha256, **preview.counts()},
    )


__all__ = ["ImportPreview", "export_scoresheet", "import_scoresheet", "preview_scoresheet_import"]
