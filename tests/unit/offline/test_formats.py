"""The offline formats without a database: workbook and signed return round trips, messages."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from app.offline import (
    ProblemCode,
    SheetEntry,
    SheetProblem,
    build_package,
    build_return,
    build_workbook,
    open_package,
    problem_text,
    read_return,
    read_workbook,
)
from app.offline.problems import MESSAGES
from tests.unit.offline.offline_builders import fill, make_spec, problem_cells


def test_filled_workbook_reads_back_exactly() -> None:
    spec = make_spec(2, 2)
    data = fill(build_workbook(spec), {"H5": 7.5, "I5": "Dobrze", "H6": 3, "I6": "Średnio"})
    parsed = read_workbook(data, expected=spec)
    assert parsed.ok, parsed.problems
    assert parsed.entries == {
        ("O-001", "K1"): SheetEntry(Decimal("7.5"), "Dobrze"),
        ("O-001", "K2"): SheetEntry(Decimal("3"), "Średnio"),
    }
    assert parsed.missing == (("O-002", "K1"), ("O-002", "K2"))
    assert parsed.cells[("O-001", "K1")] == "H5"


def test_workbook_checks_identity_against_the_expected_card() -> None:
    spec = make_spec(2, 2)
    data = build_workbook(spec)
    other = replace(spec, member_code="M02", fingerprint="cd" * 32)
    assert {code for _sheet, _cell, code in problem_cells(read_workbook(data, expected=other))} >= {
        ProblemCode.WRONG_MEMBER,
        ProblemCode.STALE,
    }


def test_signed_return_round_trip_and_a_changed_byte() -> None:
    spec = make_spec(2, 2)
    package_data, public = build_package(spec, {"O-001": [("opis.pdf", b"%PDF-1.4 opis")]})
    package = open_package(package_data)
    assert package.read_attachment(package.attachments[0]) == b"%PDF-1.4 opis"
    entries = {key: SheetEntry(Decimal(1), "uzasadnienie") for key in spec.keys}
    data = build_return(package, entries, True, sequence=5)
    parsed = read_return(data, public_key=public, expected=spec)
    assert parsed.ok and parsed.sequence == 5 and parsed.finished
    assert parsed.entries == entries
    envelope = json.loads(data)
    envelope["payload"] = envelope["payload"].replace('"sequence":5', '"sequence":6')
    tampered = read_return(json.dumps(envelope).encode(), public_key=public, expected=spec)
    assert tampered.codes() == (ProblemCode.TAMPERED,) and not tampered.entries


def test_package_refuses_attachments_of_offers_not_on_the_card() -> None:
    with pytest.raises(ValueError, match="not on this member's card"):
        build_package(make_spec(1, 1), {"O-999": [("x.pdf", b"x")]})


@pytest.mark.parametrize("code", list(ProblemCode))
def test_every_problem_has_both_languages_and_no_missing_parameter(code: ProblemCode) -> None:
    params = {
        name: "7.5"
        for name in [
            "size",
            "limit",
            "found",
            "expected",
            "supported",
            "sheet",
            "field",
            "offer",
            "criterion",
            "row",
            "value",
            "max",
            "step",
            "lower",
            "upper",
            "formula",
            "key_offer",
            "key_criterion",
            "expected_offer",
            "expected_criterion",
            "name",
            "detail",
            "kind",
            "issue",
            "competition",
            "status",
            "latest",
            "imported_at",
            "format",
        ]
    }
    problem = SheetProblem("Karta oceny", "H5", code, params)
    polish, english = problem_text(problem, "pl"), problem_text(problem, "en")
    assert code in MESSAGES
    assert polish.startswith("Arkusz „Karta oceny”, komórka H5: ")
    assert english.startswith("Sheet “Karta oceny”, cell H5: ")
    assert "{" not in polish + english and polish != english
