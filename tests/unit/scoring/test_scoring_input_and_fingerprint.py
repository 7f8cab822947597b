"""Scores are grouped by offer and criterion (a second score of one key is refused) and checked
a group at a time, the first wrong score of the first wrong group raising; the results'
fingerprint writes the score rows itself, and must stay the hash of the canonical document."""

from __future__ import annotations

import dataclasses
import hashlib
import random
from decimal import Decimal, Inexact, localcontext

import pytest
from scoring_builders import competition, d, members, offer, scored, scores

from app.scoring import (
    CompetitionInput,
    Results,
    Score,
    ScoringInputError,
    compute_results,
    explain,
)
from app.services.results import canonical_json, fingerprint, results_document


def _input(*extra: Score, top: str = "10", step: str = "0.5") -> CompetitionInput:
    return competition(
        [scored("K", top=top, step=step), scored("L", top="5", step="1")],
        members("M1", "M2", "M3", expert=["M3"]),
        [offer("A"), offer("B", minutes=5)],
        scores(
            {
                "A": {"K": {"M1": "7", "M2": "8", "M3": "2"}, "L": {"M1": "4", "M2": "5"}},
                "B": {"K": {"M1": "6", "M2": "6.5"}, "L": {"M1": "3", "M2": "3"}},
            }
        )
        + extra,
    )


def _error(inp: CompetitionInput) -> tuple[str, dict[str, str]]:
    with pytest.raises(ScoringInputError) as error:
        compute_results(inp)
    return error.value.code, dict(error.value.params)


def test_a_second_score_of_the_same_key_is_refused_when_the_scores_are_grouped() -> None:
    with pytest.raises(ScoringInputError) as error:
        _input(Score("M3", "B", "L", d("9")), Score("M1", "A", "K", d("7")))
    assert (error.value.code, error.value.params["member"]) == ("duplicate_score", "M1")


def test_the_first_group_with_a_wrong_score_is_reported() -> None:
    # groups in the sheet's order: (A, K), (A, L), (B, K), (B, L); M7 is in (A, K)
    code, params = _error(_input(Score("M3", "B", "L", d("2.5")), Score("M7", "A", "K", d("5"))))
    assert (code, params["member"]) == ("score_unknown_member", "M7")
    code, params = _error(_input(Score("M3", "B", "L", d("2.5")), Score("M3", "B", "K", d("11"))))
    assert (code, params["offer"], params["criterion"]) == ("score_off_scale", "B", "K")


def test_a_whole_number_equal_to_an_admissible_score_is_still_refused() -> None:
    # 7 == Decimal("7") and both hash alike, so a bulk check on distinct values alone would
    # take the integer for the admissible Decimal.
    inp = _input()
    inp = competition(
        inp.criteria,
        inp.members,
        inp.offers,
        [Score("M1", "A", "K", 7) if s == Score("M1", "A", "K", d("7")) else s for s in inp.scores],  # type: ignore[arg-type]
    )
    code, params = _error(inp)
    assert (code, params["member"], params["offer"], params["value"]) == (
        "score_not_decimal",
        "M1",
        "A",
        "7",
    )


def test_a_large_scale_is_checked_score_by_score() -> None:
    # 200 000 admissible values: too many to list, so each score is checked arithmetically.
    valid = compute_results(_input(top="100000"))
    assert valid.offer("A").criteria[0].score == Decimal("7.50")
    # a score off the step of a scale too large to list
    code, params = _error(_input(Score("M3", "B", "K", d("0.2")), top="100000"))
    assert (code, params["value"]) == ("score_off_step", "0.2")
    code, params = _error(
        competition(
            [scored("K", top="100000")],
            members("M1"),
            [offer("A")],
            [Score("M1", "A", "K", d("70000.25"))],
        )
    )
    assert (code, params["value"], params["step"]) == ("score_off_step", "70000.25", "0.5")


def test_equal_scores_written_differently_both_count() -> None:
    inp = _input()
    inp = competition(
        inp.criteria,
        inp.members,
        inp.offers,
        [
            Score("M1", "B", "K", d("6.0000")) if s == Score("M1", "B", "K", d("6")) else s
            for s in inp.scores
        ],
    )
    result = compute_results(inp).offer("B")
    assert result.criteria[0].score == Decimal("6.25")
    assert result.criteria[0].counted_members == ("M1", "M2")


def test_fingerprint_is_the_hash_of_the_canonical_document() -> None:
    # Codes with characters JSON escapes or keeps as they are (quotes, backslash, Polish).
    inp = competition(
        [scored('K"1', top="10"), scored("Ł\\2", top="5", step="1")],
        members("Ż1", 'M"2', "M3", expert=["M3"]),
        [offer("Ó/1"), offer("A\t2", minutes=3)],
        scores(
            {
                "Ó/1": {'K"1': {"Ż1": "7.0", 'M"2': "8", "M3": "1"}, "Ł\\2": {"Ż1": "4"}},
                "A\t2": {'K"1': {'M"2': "6.5", "Ż1": "6"}, "Ł\\2": {"Ż1": "3", 'M"2': "3"}},
            }
        ),
    )
    res = compute_results(inp)
    expected = _plain_fingerprint("uid-ą", inp, res)
    assert fingerprint("uid-ą", inp, res) == expected
    assert canonical_json(results_document("uid-ą", inp, res)) == _plain_document("uid-ą", inp, res)
    other = compute_results(_input())
    assert fingerprint("uid-ą", _input(), other) != expected


def _plain_document(uid: str, inp: CompetitionInput, res: Results) -> str:
    """The canonical document with its score rows sorted the plain way."""
    document = results_document(uid, inp, res, with_scores=False)
    document["scores"] = sorted(
        [s.member_id, s.offer_id, s.criterion_id, str(s.value)] for s in inp.scores
    )
    return canonical_json(document)


def _plain_fingerprint(uid: str, inp: CompetitionInput, res: Results) -> str:
    return hashlib.sha256(_plain_document(uid, inp, res).encode("utf-8")).hexdigest()


def test_the_fingerprint_orders_rows_as_text_does() -> None:
    # Member codes whose text order differs from their number order (M10 < M2), many
    # offers and criteria: the fingerprint's integer sort keys must order rows as text does.
    rng = random.Random(7)
    codes = [f"M{n}" for n in (2, 10, 1, 11, 3)]
    offers = [offer(f"O{n}", minutes=n) for n in (9, 10, 100, 11, 1)]
    grid = {
        o.id: {
            c: {m: str(rng.randrange(0, 11)) for m in codes if rng.random() < 0.9}
            for c in ("K2", "K10", "K1")
        }
        for o in offers
    }
    inp = competition(
        [scored("K2"), scored("K10"), scored("K1")], members(*codes), offers, scores(grid)
    )
    res = compute_results(inp)
    assert fingerprint("u", inp, res) == _plain_fingerprint("u", inp, res)
    shuffled = list(inp.scores)
    rng.shuffle(shuffled)
    again = dataclasses.replace(inp, scores=tuple(shuffled))
    assert fingerprint("u", again, compute_results(again)) == fingerprint("u", inp, res)


def test_explanations_do_not_depend_on_the_readers_decimal_context() -> None:
    # Explanations are written when first read; a mean of three scores needs the engine's
    # 60 digits, which a reader's everyday context (here 6 digits, every trap set) lacks.
    inp = competition(
        [scored("K", top="10", step="0.5")],
        members("M1", "M2", "M3"),
        [offer("A")],
        scores({"A": {"K": {"M1": "7", "M2": "8", "M3": "8.5"}}}),
    )
    res = compute_results(inp)
    with localcontext() as context:
        context.prec = 6
        context.traps[Inexact] = True
        why = explain(inp, res, "A")
    steps = {s.code: dict(s.params) for s in why.criteria["K"]}
    offer_steps = [s.code for s in why.steps]
    assert steps["mean"]["exact"] == "7.833333333333333333333333333333"
    assert steps["mean"]["rounded"] == "7.83"
    assert offer_steps[0] == "members_counted"
    assert "eligible" in offer_steps
