"""The evaluator mode: the member's own laptop, no database, files next to the package.

For the GUI's evaluator window: :func:`open_evaluator_package` → :class:`EvaluatorSession`;
:func:`check_entry` / :func:`update_entry` as the member types; :func:`save_evaluator_draft`
(autosave); :func:`incomplete_entries` (what blocks "finished"); :func:`write_return` (the
signed file the office imports).
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.config import current_language
from app.errors import UserError
from app.offline.package import (
    EvaluatorDraft,
    EvaluatorPackage,
    draft_path,
    load_draft,
    new_draft,
    next_return,
    open_package,
    save_draft,
)
from app.offline.problems import OfflineFileError, ProblemCode, problem_text
from app.offline.spec import (
    ScoreKey,
    SheetEntry,
    SheetProblem,
)
from app.offline.validation import key_params, quote, scale_problem
from app.services.offline_issue import sheet_problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EvaluatorSession:
    """An opened evaluator package and the member's work on it.

    Plain values, safe to hand to the GUI thread.  Every change returns a new session; the
    GUI keeps the latest and calls :func:`save_evaluator_draft` after each (autosave).

    * ``package.spec`` — the card: ``criteria`` (scale, step, guidance), ``offers`` (only
      this member's), ``member_name``, ``deadline``, ``require_justification``;
      ``package.attachments_of(offer_code)`` / ``package.read_attachment(a)`` — documents.
    * ``draft.entries`` — (offer, criterion) -> :class:`SheetEntry` typed so far.
    * ``notice`` — a message to show once on opening (e.g. a damaged draft was set aside),
      in the language the session was opened in; empty when there is nothing to say.
      ``notice_in(lang)`` gives it in another language (the window after a language switch).
    """

    path: Path
    package: EvaluatorPackage
    draft: EvaluatorDraft
    notice: str = ""
    notice_problems: tuple[SheetProblem, ...] = ()  # what ``notice`` says, to say it again

    def notice_in(self, lang: str) -> str:
        if not self.notice_problems:
            return self.notice
        return "\n".join(problem_text(p, lang) for p in self.notice_problems)

    @property
    def draft_file(self) -> Path:
        return draft_path(self.path)

    @property
    def finished(self) -> bool:
        return self.draft.finished

    def entry(self, key: ScoreKey) -> SheetEntry | None:
        return self.draft.entries.get(key)

    def progress(self) -> tuple[int, int]:
        """(scores given, scores on the card) for a "12 of 40" label."""
        keys = self.package.spec.keys
        done = sum(1 for k in keys if (e := self.draft.entries.get(k)) and e.value is not None)
        return done, len(keys)


def _package_error(path: Path, error: OfflineFileError, lang: str) -> UserError:
    return UserError(
        "package_unusable",
        {"path": path},
        details=tuple(problem_text(p, lang) for p in error.problems),
    )


def open_evaluator_package(path: Path) -> EvaluatorSession:
    """Open a ``.komisja`` package and its autosaved draft (a new draft the first time).

    Raises ``UserError("package_unusable")`` listing every problem (damaged file, newer
    version, broken attachment) and ``file_unreadable`` when the file cannot be read.  A draft
    that cannot be used (damaged, or of another package) is renamed ``*.komisja-draft.bad``
    and the work starts from the package; ``notice`` says so.
    """
    lang = current_language()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError("file_unreadable", {"path": path, "detail": error.strerror}) from error
    try:
        package = open_package(data)
    except OfflineFileError as error:
        raise _package_error(path, error, lang) from None
    problems: tuple[SheetProblem, ...] = ()
    try:
        draft = load_draft(draft_path(path), package)
    except OfflineFileError as error:
        aside = draft_path(path).with_name(draft_path(path).name + ".bad")
        os.replace(draft_path(path), aside)
        problems = tuple(error.problems)
        log.warning("draft of %s set aside as %s: %s", path, aside, error)
        draft = new_draft(package)
    return EvaluatorSession(
        path=path,
        package=package,
        draft=draft,
        notice="\n".join(problem_text(p, lang) for p in problems),
        notice_problems=problems,
    )


def parse_score_text(text: str) -> Decimal | None:
    """A score as the member types it: ``7,5`` or ``7.5``; None for an empty field.

    Raises ``ValueError`` for anything that is not a number.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def check_entry(
    session: EvaluatorSession, key: ScoreKey, score_text: str, justification: str
) -> tuple[SheetEntry | None, tuple[str, ...]]:
    """Validate one card field as the member types (no side effects).

    Returns the entry to store (None when the field is not valid) and the messages to show
    next to it, in the current language: not a number, off the scale, off the step, or a
    missing justification when the competition requires one.
    """
    lang = current_language()
    spec = session.package.spec
    if key not in set(spec.keys):
        raise UserError("evaluator_entry_unknown", key_params(key))
    criterion = spec.criteria_by_code[key[1]]
    problems: list[SheetProblem] = []

    def at(code: str, params: dict[str, str]) -> SheetProblem:
        problem = sheet_problem(code, **key_params(key), **params)
        problems.append(problem)
        return problem

    try:
        value = parse_score_text(score_text)
    except ValueError:
        at(ProblemCode.SCORE_NOT_NUMBER, {"value": quote(score_text)})
        value = None
    if value is not None:
        scale_problem(value, criterion, at)
        if spec.require_justification and not justification.strip():
            at(ProblemCode.JUSTIFICATION_MISSING, {"value": str(value)})
    texts = tuple(problem_text(p, lang) for p in problems)
    return (None if problems else SheetEntry(value, justification.strip())), texts


def update_entry(
    session: EvaluatorSession, key: ScoreKey, score_text: str, justification: str
) -> tuple[EvaluatorSession, tuple[str, ...]]:
    """Store one field when it is valid (a finished card becomes unfinished again).

    Returns the new session (unchanged when the field is invalid) and the messages.  The
    caller then autosaves with :func:`save_evaluator_draft`.
    """
    entry, problems = check_entry(session, key, score_text, justification)
    if entry is None:
        return session, problems
    return replace(session, draft=session.draft.with_entry(key, entry)), problems


def save_evaluator_draft(session: EvaluatorSession) -> None:
    """Autosave: write the draft next to the package atomically (a crash keeps the old one)."""
    try:
        save_draft(session.draft_file, session.draft, session.package)
    except OSError as error:
        code = "disk_full" if error.errno == 28 else "file_unreadable"
        raise UserError(code, {"path": session.draft_file, "detail": error.strerror}) from error


def incomplete_entries(session: EvaluatorSession) -> tuple[str, ...]:
    """Why the card cannot be marked finished yet: one message per missing score or
    justification (empty when it can)."""
    lang = current_language()
    spec = session.package.spec
    problems: list[SheetProblem] = []
    for key in spec.keys:
        entry = session.draft.entries.get(key)
        if entry is None or entry.value is None:
            problems.append(sheet_problem(ProblemCode.ENTRY_INCOMPLETE, **key_params(key)))
        elif spec.require_justification and not entry.justification:
            problems.append(
                sheet_problem(
                    ProblemCode.JUSTIFICATION_MISSING, value=str(entry.value), **key_params(key)
                )
            )
    return tuple(problem_text(p, lang) for p in problems)


def write_return(session: EvaluatorSession, target: Path, *, finished: bool) -> EvaluatorSession:
    """Sign the draft and write the ``.komisja-return`` file to ``target``, atomically.

    With ``finished`` every score (and, where required, justification) must be there, else
    ``UserError("evaluator_incomplete")`` lists what is missing and nothing is written.  The
    draft is saved with the return's sequence number, so a later return supersedes this one
    at the office.  Returns the new session.
    """
    if finished:
        missing = incomplete_entries(session)
        if missing:
            raise UserError("evaluator_incomplete", {"count": len(missing)}, details=missing)
    data, draft = next_return(session.package, session.draft, finished=finished)
    _write_file(target, data)
    updated = replace(session, draft=draft, notice="", notice_problems=())
    save_evaluator_draft(updated)
    return updated


def _write_file(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        code = "disk_full" if error.errno == 28 else "file_unreadable"
        raise UserError(code, {"path": path, "detail": error.strerror}) from error
