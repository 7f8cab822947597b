"""Offline scoring file formats: the score workbook and the evaluator package.

Pure format code — no database, no Qt.  The service layer builds a
:class:`~app.offline.spec.ScoreSheetSpec` from the database, writes the bytes these functions
return, and on import diffs a :class:`~app.offline.spec.ParsedScoreSheet` against the
database inside one transaction, importing only when it has no problems.

* :func:`build_workbook` / :func:`read_workbook` — the ``.xlsx`` card for Excel/LibreOffice.
* :func:`build_package` / :func:`open_package` / :func:`build_return` /
  :func:`read_return` — the signed evaluator package for members with Komisja installed,
  plus :class:`EvaluatorDraft` helpers for its autosave.
* :func:`problem_text` — a problem in Polish or English: where, what, what to do.
"""

from app.offline.package import (
    EvaluatorDraft,
    EvaluatorPackage,
    PackageAttachment,
    build_package,
    build_return,
    draft_path,
    load_draft,
    new_draft,
    next_return,
    open_package,
    read_return,
    save_draft,
)
from app.offline.problems import OfflineFileError, ProblemCode, problem_text, problems_text
from app.offline.spec import (
    FORMAT_VERSION,
    ParsedReturn,
    ParsedScoreSheet,
    ScoreKey,
    ScoreSheetSpec,
    SheetCriterion,
    SheetEntry,
    SheetOffer,
    SheetProblem,
)
from app.offline.workbook import build_workbook, read_workbook

__all__ = [
    "FORMAT_VERSION",
    "EvaluatorDraft",
    "EvaluatorPackage",
    "OfflineFileError",
    "PackageAttachment",
    "ParsedReturn",
    "ParsedScoreSheet",
    "ProblemCode",
    "ScoreKey",
    "ScoreSheetSpec",
    "SheetCriterion",
    "SheetEntry",
    "SheetOffer",
    "SheetProblem",
    "build_package",
    "build_return",
    "build_workbook",
    "draft_path",
    "load_draft",
    "new_draft",
    "next_return",
    "open_package",
    "problem_text",
    "problems_text",
    "read_return",
    "read_workbook",
    "save_draft",
]
