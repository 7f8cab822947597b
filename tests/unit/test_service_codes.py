"""Every code the services raise or return has its words in both languages.

The services say what is wrong with a code and plain parameters (``UserError``, ``RuleError``,
``Gap``) and pass words as ``Term`` codes; the words live in ``app.errors.MESSAGES``.  The
codes are read from the source with ``ast`` (literal codes) and from the tables that build the
rest (statuses, roles, editable areas, formal outcomes), so a code added without its words
fails here.
"""

from __future__ import annotations

import ast
import pickle
import string
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.errors import MESSAGES
from app.models import CompetitionStatus, FormalStatus
from app.scoring.types import CriterionKind, DiscrepancyMethod, MemberRole
from app.services import base
from app.services.base import Gap, RuleError, Term, gap

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"

# calls whose first string argument is a code, and the prefix the callee puts before it
FIRST_ARGUMENT = {
    "UserError": "",
    "RuleError": "",
    "gap": "",
    "Gap": "",
    "Term": "",
    "_required": "",
    "refuse_if_referred": "",
}
SECOND_ARGUMENT = {"require_reason": "action_", "refuse_in_status": "action_"}
THIRD_ARGUMENT = {"_chair_check": "action_"}


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def literal_codes() -> set[str]:
    found: set[str] = set()
    for path in sorted(SERVICES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            for table, position in ((FIRST_ARGUMENT, 0), (SECOND_ARGUMENT, 1), (THIRD_ARGUMENT, 2)):
                if name in table and len(node.args) > position:
                    code = _literal(node.args[position])
                    if code is not None:
                        found.add(table[name] + code)
                        if table is SECOND_ARGUMENT and name == "refuse_in_status":
                            found.add("hint_" + code)
            code = _literal(node.args[0]) if name == "append" and node.args else None
            if code is not None and code.startswith("ref_"):
                found.add(code)
    return found


def built_codes() -> set[str]:
    return (
        {f"status_{s.value}" for s in CompetitionStatus}
        | {f"formal_{s.value}" for s in FormalStatus}
        | {f"role_{r.value}" for r in MemberRole}
        | {"role_none"}
        | {f"area_{area}" for area in base.EDITABLE_IN}
        | {f"hint_{area}" for area in base.HINTED_AREAS}
        | {"what_offer", "what_member"}  # ``get_in`` is used with these two models
        | {f"method_{m.value}" for m in DiscrepancyMethod}
        | {f"kind_{k.value}" for k in CriterionKind}  # ``komisja show``
    )


def test_the_source_scan_finds_the_codes() -> None:
    codes = literal_codes()
    assert {"gap_case_reference", "action_recusal", "hint_remove_offer", "ref_scores"} <= codes


@pytest.mark.parametrize("code", sorted(literal_codes() | built_codes()))
def test_every_service_code_has_words_in_both_languages(code: str) -> None:
    assert code in MESSAGES, f"{code} has no words in app.errors.MESSAGES"
    polish, english = MESSAGES[code]
    assert polish.strip() and english.strip()
    fields = {name for _, name, _, _ in string.Formatter().parse(polish) if name}
    assert fields == {name for _, name, _, _ in string.Formatter().parse(english) if name}


def test_terms_gaps_and_dates_are_worded_in_the_readers_language() -> None:
    error = RuleError(
        "preconditions_missing",
        {
            "target": base.status_term(CompetitionStatus.SCORING),
            "missing": (
                gap("gap_chair"),
                gap("gap_deadline_too_early", days=21, published=date(2027, 1, 5)),
            ),
        },
    )
    polish, english = error.text("pl"), error.text("en")
    assert "ocena merytoryczna" in polish and "przewodnictwo komisji" in polish
    assert "05.01.2027" in polish and "2027-01-05" in english
    assert "scoring" in english and "chair" in english
    assert "ocena" not in english and "Missing" in english


def test_further_problems_are_worded_too() -> None:
    error = RuleError(
        "not_found",
        {"what": Term("what_offer"), "id": "O9"},
        more=(Gap("score_off_scale", (("value", Decimal("7")), ("criterion", "K1"), ("max", 5))),),
    )
    assert error.text("pl").startswith("Nie znaleziono: oferta O9.")
    assert "off the scale" in error.text("en") and "oferta" not in error.text("en")


def test_a_deadline_is_shown_in_polish_civil_time() -> None:
    shown = gap("gap_deadline_not_passed", deadline=datetime(2027, 2, 1, 11, 0, tzinfo=UTC))
    assert "01.02.2027 12:00" in shown.text("pl")


def test_a_rule_error_crosses_a_process_boundary_with_its_words() -> None:
    """Work runs in worker processes: the error is pickled to the GUI and worded there."""
    error = RuleError(
        "preconditions_missing",
        {"target": base.status_term(CompetitionStatus.SCORING), "missing": (gap("gap_chair"),)},
        more=(gap("gap_budget"),),
    )
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, RuleError)
    assert copy.text("pl") == error.text("pl") and copy.text("en") == error.text("en")
