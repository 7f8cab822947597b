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

The workbook functions load on first use (openpyxl is large, and the main window, which
imports this package to read package returns, never writes or reads a workbook).
"""

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    """``build_workbook`` and ``read_workbook``, imported when first asked for (PEP 562)."""
    if name in ("build_workbook", "read_workbook"):
        from app.offline import workbook

        return getattr(workbook, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
