"""Every code of the catalogue, in both languages, with sample parameters: no missing or
mixed text, no raw code, numbers always written for the language."""

from __future__ import annotations

import ast
import dataclasses
import itertools
import pickle
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.errors import UserError
from app.models import CompetitionStatus
from app.services.base import status_words
from app.words import Words, catalogue, codes, fields, pair, text
from app.words.numbers import format_date, format_money, format_plain, plural_category

PLURAL_CATEGORIES = {"pl": {"one", "few", "many", "other"}, "en": {"one", "other"}}
COUNTS = (1, 2, 5, 22)
NUMBERS = (Decimal("10.0000"), Decimal("1E+1"), Decimal("2.5"), "12.345", Decimal("-0.00"))
POLISH_LETTERS = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
EXPONENT = re.compile(r"\d[eE][+-]?\d")
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
GENDERED = re.compile(r"\w\((?:-?a|y)\)")  # "wyłączony(-a)", "podpisał(a)"
# English words that have no business in a Polish sentence (short, honest: words that are not
# also Polish and not names such as NIP, PDF or the ROUND function).
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "is",
        "are",
        "not",
        "with",
        "for",
        "from",
        "by",
        "offer",
        "offers",
        "member",
        "members",
        "score",
        "scores",
        "criterion",
        "criteria",
        "found",
        "missing",
        "cannot",
        "chair",
        "secretary",
        "expert",
        "competition",
        "results",
        "scoring",
        "signed",
        "recused",
        "draft",
        "announced",
        "weight",
        "points",
        "total",
        "rank",
        "award",
        "flags",
        "provisional",
        "deadline",
        "budget",
        "none",
        "yes",
        "step",
    ]
)


def _sample_values(spec: str) -> tuple[object, ...]:
    """Values to try for a parameter shown with ``spec``."""
    kind, _, argument = spec.partition(":")
    if kind == "code":
        section = argument.partition(".")[0]
        return tuple(catalogue.SECTIONS[section])
    if kind in ("plural", "count"):
        return COUNTS
    if kind in ("num", "dec", "num2", "money", "pct", "signed"):
        return NUMBERS
    if kind == "nums":
        return ("4.5 + 1E+1 + 10.0000 = 24.5", "")
    if kind == "list":
        return ("A1, A2", "")
    if kind == "lines":
        return ([Words("term.yes"), "A1"],)
    if kind == "dt":
        return ("2026-11-22T14:30:00+01:00",)
    if kind == "date":
        return ("2026-11-22",)
    assert kind == "", f"a format the test does not know: {spec!r}"
    return ("A1", Decimal("1E+1"), 22)


def _samples(code: str) -> Iterator[dict[str, object]]:
    """Parameter sets that together try every sample value of every parameter."""
    specs = {**fields(pair(code)[0]), **fields(pair(code)[1])}
    values = {name: _sample_values(spec) for name, spec in specs.items()}
    longest = max((len(v) for v in values.values()), default=1)
    for index in range(longest):
        yield {name: options[index % len(options)] for name, options in values.items()}


def _check(code: str, lang: str, shown: str) -> None:
    where = f"{code} [{lang}]: {shown!r}"
    assert shown.strip(), where
    assert "{" not in shown and "}" not in shown, f"unformatted placeholder in {where}"
    assert not EXPONENT.search(shown), f"a number in exponent form in {where}"
    assert not SNAKE_CASE.search(shown), f"a raw code in {where}"
    if lang == "en":
        assert not POLISH_LETTERS.search(shown), f"Polish letters in English: {where}"
    else:
        words = re.findall(r"[^\W\d_]+", re.sub(r"--[\w-]+", "", shown))  # not options
        english = set(words) & ENGLISH_WORDS
        assert not english, f"English words {english} in Polish: {where}"
        assert not GENDERED.search(shown), f"a form that guesses gender in {where}"


ALL_CODES = codes()


def test_catalogue_holds_every_section() -> None:
    sections = {code.partition(".")[0] for code in ALL_CODES}
    assert {"step", "input", "error", "protocol", "cli", "status", "role", "gap"} <= sections
    assert len(ALL_CODES) > 600


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("section", sorted({c.partition(".")[0] for c in ALL_CODES}))
def test_every_code_reads_well(section: str, lang: str) -> None:
    for code in (c for c in ALL_CODES if c.startswith(section + ".")):
        for params in _samples(code):
            _check(code, lang, text(code, lang, **params))


@pytest.mark.parametrize("code", ALL_CODES)
def test_both_languages_take_the_same_parameters(code: str) -> None:
    polish, english = (fields(template) for template in pair(code))
    assert polish.keys() == english.keys(), code
    for name, spec in polish.items():
        kind, _, argument = spec.partition(":")
        other_kind, _, other_argument = english[name].partition(":")
        assert kind == other_kind, f"{code}: {name} is {spec!r} / {english[name]!r}"
        if kind == "plural":
            for lang, forms in (("pl", argument), ("en", other_argument)):
                categories = {form.partition("=")[0] for form in forms.split("|")}
                assert categories == PLURAL_CATEGORIES[lang], f"{code} [{lang}]: {categories}"
        elif kind == "code":
            assert argument == other_argument, code
            section = argument.partition(".")[0]
            assert section in catalogue.SECTIONS, code


def test_a_missing_code_or_parameter_is_a_bug() -> None:
    with pytest.raises(KeyError):
        text("error.no_such_code")
    with pytest.raises(KeyError):
        text("error.not_found", "pl", what="konkurs")  # no id
    with pytest.raises(ValueError):
        text("term.yes", "de")


@pytest.mark.parametrize(
    ("count", "polish", "english"),
    [(1, "1 oferta", "1 offer"), (2, "2 oferty", "2 offers"), (4, "4 oferty", "4 offers"),
     (5, "5 ofert", "5 offers"), (12, "12 ofert", "12 offers"), (22, "22 oferty", "22 offers"),
     (25, "25 ofert", "25 offers"), (1234, "1\u00a0234 oferty", "1,234 offers")],
)  # fmt: skip
def test_plural_forms(count: int, polish: str, english: str) -> None:
    assert text("cli.offers_count", "pl", count=count) == polish
    assert text("cli.offers_count", "en", count=count) == english


def test_plural_categories_come_from_cldr() -> None:
    assert [plural_category(n, "pl") for n in (1, 2, 5, 22, 101, 102)] == [
        "one", "few", "many", "few", "many", "few"
    ]  # fmt: skip
    assert plural_category(Decimal("1.5"), "pl") == "other"


def test_numbers_are_written_for_the_language() -> None:
    assert format_money(Decimal("1234567.885"), "pl") == "1\u00a0234\u00a0567,89\u00a0zł"
    assert format_money(Decimal("1234567.885"), "en") == "PLN 1,234,567.89"
    assert format_money(Decimal("0.125"), "pl") == "0,13\u00a0zł"  # half-up, not half-even
    assert format_money(Decimal("-0.001"), "pl") == "0,00\u00a0zł"  # no "-0,00"
    assert format_plain(Decimal("1E+1"), "pl") == "10"
    assert format_plain(Decimal("10.0000"), "en") == "10"
    assert format_plain(Decimal("2.50"), "pl") == "2,5"
    assert text("cli.scale", "pl", max=Decimal("1E+1"), step=Decimal("0.50")) == "0–10 co 0,5"
    assert text("cli.weight", "en", weight=Decimal("10.0000")) == "weight 10"
    from datetime import date

    assert format_date(date(2026, 11, 22), "pl") == "22.11.2026"


def test_a_long_expansion_is_cut_and_marked() -> None:
    assert text("step.mean", "pl", terms="1 + 1 + 2", count=3, sum=4, exact="1.333333333",
                rounded="1.33").endswith("= 1,3333… → po zaokrągleniu 1,33.")  # fmt: skip


# -- the defects of issue 14, as the user read them -----------------------------------------


def test_not_found_names_the_thing_in_one_language() -> None:
    error = UserError("not_found", {"what": "konkurs / competition", "id": 99})
    assert error.text("pl") == "Nie znaleziono: konkurs 99."
    assert error.text("en") == "Not found: competition 99."
    coded = UserError("not_found", {"what": Words("entity.competition"), "id": 99})
    assert coded.text("en") == "Not found: competition 99."


def test_preconditions_are_in_the_readers_language() -> None:
    gaps = [Words("gap.offers"), Words("gap.justifications", {"member": "Anna Nowak", "count": 4})]
    error = UserError("preconditions_missing", {"target": "formal_check", "missing": gaps})
    english = error.text("en")
    assert english.startswith("Cannot move to the step “formal check”. Missing:\n• at least")
    assert "• Anna Nowak: 4 scores without a justification" in english
    assert not POLISH_LETTERS.search(english.replace("Anna Nowak", ""))
    polish = error.text("pl")
    assert "„ocena formalna”" in polish and "• Anna Nowak: 4 oceny bez uzasadnienia" in polish
    legacy = UserError("preconditions_missing", {"target": "ocena merytoryczna", "missing": "x"})
    assert "“scoring”" in legacy.text("en")


def test_a_role_is_put_into_words() -> None:
    error = UserError(
        "only_chair", {"action": Words("action.sign_off"), "member": "M9", "role": "secretary"}
    )
    assert error.text("pl").endswith("(M9 — funkcja: sekretarz komisji).")
    assert "secretary of the committee" in error.text("en")
    need = UserError("chair_member_required", {"action": Words("action.sign_off")})
    assert need.text("pl") == (
        "Podaj kod przewodniczącego komisji (opcja --member), aby zatwierdzić wynik."
    )


def test_a_scoring_input_error_is_in_words() -> None:
    detail = Words("input.missing_budget", {"method": "in_order_skip"})
    error = UserError("scoring_input", {"detail": detail})
    polish = error.text("pl")
    assert "in_order_skip" not in polish and "missing_budget" not in polish
    assert "z pominięciem ofert" in polish


def test_a_status_that_forbids_reads_without_agreement() -> None:
    error = UserError(
        "status_forbids",
        {"status": "ocena formalna", "action": "zmiana ogłoszenia", "hint": ""},
    )
    assert "Czynność niedostępna na tym etapie: zmiana ogłoszenia." in error.text("pl")
    assert "changing the call is no longer possible" in error.text("en")


def test_an_error_with_wrong_words_still_reaches_the_user() -> None:
    assert "no_such_code" in UserError("no_such_code", {"x": 1}).text("pl")


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_samples_cover_every_parameter(lang: str) -> None:
    """The walk above tries each plural count and each number form at least once."""
    code = "cli.offers_count"
    seen = [params["count"] for params in _samples(code)]
    assert seen == list(COUNTS)
    assert list(itertools.islice(_samples("cli.weight"), 5))[1]["weight"] == Decimal("1E+1")


@pytest.mark.parametrize(
    ("action", "english"),
    [
        ("powrót do oceny merytorycznej", "going back to scoring"),
        ("kwota dotacji / award", "a grant amount"),
        ("usunięcie członka komisji / removing a committee member", "removing a committee"),
    ],
)
def test_actions_still_written_in_words_reach_english(action: str, english: str) -> None:
    shown = UserError("reason_required", {"action": action}).text("en")
    assert english in shown and not POLISH_LETTERS.search(shown), shown


@pytest.mark.parametrize(
    ("field", "detail", "polish", "english"),
    [
        ("rola / role", "komisja ma już przewodniczącego / has a chair",
         "funkcja w komisji: komisja ma już przewodniczącego",
         "role in the committee: the committee already has a chair"),
        ("krok kwot / award step", "> 0", "krok zaokrąglania kwot: wartość musi być większa od "
         "zera", "award rounding step: the value must be above zero"),
        # written around a code: unknown, so shown whole rather than cut
        ("ocena formalna oferty / formal check of O5", "wymagane",
         "ocena formalna oferty / formal check of O5: pole wymagane",
         "ocena formalna oferty / formal check of O5: required"),
    ],
)  # fmt: skip
def test_invalid_values_still_written_in_words(
    field: str, detail: str, polish: str, english: str
) -> None:
    error = UserError("invalid_value", {"field": field, "detail": detail})
    assert (error.text("pl"), error.text("en")) == (polish, english)


APP = Path(__file__).resolve().parents[2] / "app"

# calls whose argument at a position is a code, and the catalogue prefix the callee puts first
CODE_ARGUMENTS: dict[str, tuple[int, tuple[str, ...]]] = {
    "UserError": (0, ("error.",)),
    "refuse_if_referred": (0, ("error.",)),
    "Words": (0, ("",)),
    "text": (0, ("",)),
    "render": (0, ("",)),
    "words_text": (0, ("",)),
    "_required": (0, ("",)),
    "require_reason": (1, ("action.",)),
    "refuse_in_status": (1, ("action.", "hint.")),
    "_chair_check": (2, ("action.",)),
}


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literals(node: ast.expr) -> list[str]:
    """The string constants ``node`` may be (a literal, or either branch of ``a if c else b``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


FILE_SUFFIXES = {"pdf", "txt", "xlsx", "json", "komisja"}  # "protocol.pdf" is a file name


def literal_codes() -> set[str]:
    """Every code written as a literal anywhere in ``app`` (raised, returned or rendered)."""
    found: set[str] = set()
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name in CODE_ARGUMENTS:
                position, prefixes = CODE_ARGUMENTS[name]
                if len(node.args) > position:
                    for code in _literals(node.args[position]):
                        found.update(prefix + code for prefix in prefixes)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # the pieces of an f-string are prefixes (f"cli.preview_{status}"), not codes
        pieces = {
            id(part) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for part in f.values
        }
        for node in ast.walk(tree):
            # any other literal written as a code of a section ("ref.scores" in a table)
            if id(node) in pieces:
                continue
            for code in _literals(node) if isinstance(node, ast.expr) else ():
                if not re.fullmatch(r"[a-z]+\.[a-z0-9_]+", code):
                    continue
                section, dot, key = code.partition(".")
                if dot and section in catalogue.SECTIONS and key not in FILE_SUFFIXES:
                    found.add(code)
    return {code for code in found if "." in code and " " not in code}


def built_codes() -> set[str]:
    """Codes the program builds from its own tables and enums (``f"status.{status.value}"``)."""
    from app.db.audit import ChainReport
    from app.models import CompetitionStatus, FormalStatus
    from app.scoring.types import CriterionKind, DiscrepancyMethod, MemberRole
    from app.services import base

    problems = {"modified", "deleted", "reordered", "head_mismatch"}
    assert "problem" in {f.name for f in dataclasses.fields(ChainReport)}
    return (
        {f"status.{s.value}" for s in CompetitionStatus}
        | {f"formal.{s.value}" for s in FormalStatus}
        | {f"role.{r.value}" for r in MemberRole}
        | {f"action.{area}" for area in base.EDITABLE_IN}
        | {f"hint.{area}" for area in base.HINTED_AREAS}
        | {"entity.offer", "entity.member"}  # ``get_in`` is used with these two models
        | {f"resolution.{m.value}" for m in DiscrepancyMethod}
        | {f"kind.{k.value}" for k in CriterionKind}  # ``komisja show``
        | {f"chain.{p}" for p in problems}
    )


def test_the_source_scan_finds_the_codes() -> None:
    codes_found = literal_codes()
    assert {"gap.case_reference", "action.recusal", "hint.remove_offer", "ref.scores",
            "error.not_found", "xchg.not_json", "verify.sign_reason",
            "formal.rejected"} <= codes_found  # fmt: skip
    assert len(codes_found) > 150


@pytest.mark.parametrize("code", sorted(literal_codes() | built_codes()))
def test_every_code_the_program_uses_has_words(code: str) -> None:
    """A code raised, returned or rendered anywhere in ``app`` is in the catalogue (found in
    the source, so that a new code without words fails here rather than in front of a user);
    the walk above then reads it in both languages."""
    assert code in set(codes()), f"{code} has no words in the catalogue"


def test_words_gaps_and_dates_are_worded_in_the_readers_language() -> None:
    error = UserError(
        "preconditions_missing",
        {
            "target": status_words(CompetitionStatus.SCORING),
            "missing": (
                Words("gap.chair"),
                Words("gap.deadline_too_short", {"days": 21, "published": date(2027, 1, 5)}),
            ),
        },
    )
    polish, english = error.text("pl"), error.text("en")
    assert "„ocena merytoryczna”" in polish and "• przewodniczący komisji" in polish
    assert "21 dni" in polish and "05.01.2027" in polish and "2027-01-05" in english
    assert "“scoring”" in english and "chair" in english
    assert not POLISH_LETTERS.search(english) and "Missing" in english


def test_further_problems_are_worded_too() -> None:
    error = UserError(
        "not_found",
        {"what": Words("entity.offer"), "id": "O9"},
        details=(
            Words("error.score_off_scale", {"value": Decimal("7"), "criterion": "K1", "max": 5}),
        ),
    )
    assert error.text("pl").startswith("Nie znaleziono: oferta O9.\n• Ocena 7 ")
    assert "off the scale" in error.text("en") and "oferta" not in error.text("en")


def test_a_deadline_is_shown_in_polish_civil_time() -> None:
    shown = Words("gap.deadline_not_passed", {"deadline": datetime(2027, 2, 1, 11, 0, tzinfo=UTC)})
    assert "01.02.2027, godz. 12:00" in shown.text("pl")
    assert "2027-02-01 12:00" in shown.text("en")


def test_a_status_refusal_names_status_action_and_hint() -> None:
    error = UserError(
        "status_forbids",
        {
            "status": status_words(CompetitionStatus.FORMAL_CHECK),
            "action": Words("action.remove_offer"),
            "hint": Words("hint.remove_offer"),
        },
    )
    assert "„ocena formalna”" in error.text("pl") and "usunięcie zarejestrowanej" in error.text(
        "pl"
    )
    assert not POLISH_LETTERS.search(error.text("en"))


def test_a_rule_error_crosses_a_process_boundary_with_its_words() -> None:
    """Work runs in worker processes: the error is pickled to the GUI and worded there."""
    error = UserError(
        "preconditions_missing",
        {
            "target": status_words(CompetitionStatus.SCORING),
            "missing": (Words("gap.chair"),),
        },
        details=(Words("gap.budget"),),
    )
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, UserError)
    assert copy.text("pl") == error.text("pl") and copy.text("en") == error.text("en")


def test_words_and_errors_cross_process_boundaries() -> None:
    """Worker processes send errors to the GUI pickled; the engine's parameters are
    read-only views, which pickle cannot carry."""
    from types import MappingProxyType

    detail = Words("input.missing_budget", MappingProxyType({"method": "in_order_skip"}))
    error = pickle.loads(pickle.dumps(UserError("scoring_input", {"detail": detail})))
    assert error.text("en") == (
        "Scoring input error: The allocation (in rank order, skipping offers that do not fit) "
        "needs a budget."
    )


def test_the_results_table_names_flags_in_words() -> None:
    from types import SimpleNamespace

    from app.scoring.types import Flag
    from app.services.results_text import _flags

    # only the flags are read: a stand-in for the engine's OfferResult
    offer: Any = SimpleNamespace(flags={Flag.BELOW_THRESHOLD, Flag.SELECTED, Flag.RECUSALS})
    assert _flags(offer, "pl") == "wybrana, poniżej progu punktowego, wyłączenia członków"
    assert _flags(offer, "en") == "selected, below the minimum total, recusals"


@pytest.mark.parametrize(
    ("count", "shown"),
    [(1, "Wybrano 1 ofertę."), (4, "Wybrano 4 oferty."), (5, "Wybrano 5 ofert."),
     (22, "Wybrano 22 oferty.")],
)  # fmt: skip
def test_plural_forms_follow_the_case_the_sentence_needs(count: int, shown: str) -> None:
    template = "Wybrano {count:plural:one=# ofertę|few=# oferty|many=# ofert|other=# oferty}."
    assert catalogue.render_template(template, {"count": count}, "pl") == shown
