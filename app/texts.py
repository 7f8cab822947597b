"""Words for the scoring engine's codes: explanations and input errors, in Polish and English.

The engine (``app.scoring``) explains every number with a ``Step``: a stable code and
parameters holding exact decimals as strings ("25.34").  This module turns them into
sentences.  Numbers are shown the Polish way in Polish (decimal comma, "25,34"; amounts with a
non-breaking space between thousands, "1 234 567,89 zł") and the English way in English.

Placeholders name a parameter and how to show it: ``{score:num}`` a number as it is (long
expansions such as 8.8333… shortened), ``{weight:num2}`` a number with two places,
``{award:money}`` an amount, ``{ratio:pct}`` a ratio as a percentage, ``{value:signed}`` a
number with its sign, ``{terms:nums}`` a text in which every number is shown as a number,
``{ahead:list}`` a list that may be empty, ``{value:dt}`` a date and time.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from datetime import datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from app.scoring.types import Step

LANGUAGES = ("pl", "en")
_NBSP = "\u00a0"
_MAX_SHOWN_PLACES = 6  # longer expansions (1/3 …) are cut to 4 places and marked with "…"
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")


# ---------------------------------------------------------------------------------------------
# Numbers


def format_decimal(value: Decimal, places: int, lang: str = "pl", grouping: bool = False) -> str:
    """``value`` rounded half-up to ``places``: "25,34" in Polish, "25.34" in English."""
    quantum = Decimal(1).scaleb(-places)
    text = format(value.quantize(quantum, rounding=ROUND_HALF_UP), "f")
    return _localise(text, lang, grouping)


def format_money(value: Decimal, lang: str = "pl") -> str:
    """An amount in złoty: "1 234 567,89 zł" (non-breaking spaces) or "PLN 1,234,567.89"."""
    text = format_decimal(value, 2, lang, grouping=True)
    return f"{text}{_NBSP}zł" if lang == "pl" else f"PLN {text}"


def _localise(text: str, lang: str, grouping: bool) -> str:
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, dot, fraction = text.partition(".")
    if grouping:
        separator = _NBSP if lang == "pl" else ","
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = separator.join([whole, *groups])
    decimal_mark = "," if lang == "pl" else "."
    return sign + whole + (decimal_mark + fraction if dot else "")


def _number(text: str, lang: str) -> str:
    """A parameter's exact decimal as it is, with long expansions shortened."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text  # "—" and the like
    plain = format(value, "f")
    _, _, fraction = plain.partition(".")
    if len(fraction) > _MAX_SHOWN_PLACES:
        cut = format(value.quantize(Decimal("0.0001"), rounding=ROUND_DOWN), "f")
        return _localise(cut, lang, False) + "…"
    return _localise(plain, lang, False)


# ---------------------------------------------------------------------------------------------
# Templates: code -> (Polish, English)

_TIE_PL = (
    "Remis sumy punktów ({total:num}) rozstrzygnięty — {how}; wyprzedza ({ahead_count}): "
    "{ahead:list}; ustępuje ({behind_count}): {behind:list}."
)
_TIE_EN = (
    "Tie on the total ({total:num}) broken by {how}; ahead of ({ahead_count}): "
    "{ahead:list}; behind ({behind_count}): {behind:list}."
)


def _tie(how_pl: str, how_en: str) -> tuple[str, str]:
    return _TIE_PL.replace("{how}", how_pl), _TIE_EN.replace("{how}", how_en)


def _stability(subject_pl: str, verb_pl: str, subject_en: str) -> dict[str, tuple[str, str]]:
    names = {"up": ("wzrosła", "rose"), "down": ("spadła", "fell")}
    texts = {
        direction: (
            f"{subject_pl} {verb_pl}, gdyby waga kryterium {{criterion}} {pl} z {{old:num2}} "
            "do {new:num2} pkt (o {delta:num2} pkt). Weszłyby: {entering:list}; "
            "wypadłyby: {leaving:list}.",
            f"{subject_en} would change if the weight of criterion {{criterion}} {en} from "
            "{old:num2} to {new:num2} points (by {delta:num2}). Would enter: {entering:list}; "
            "would leave: {leaving:list}.",
        )
        for direction, (pl, en) in names.items()
    }
    texts["stable"] = (
        f"{subject_pl} nie {verb_pl} przy żadnej zmianie wagi jednego "
        "kryterium w granicach do trzykrotności jej obecnej wartości.",
        f"{subject_en} would not change with any change of one criterion's weight up to three "
        "times its current value.",
    )
    return texts


STEP_TEXTS: dict[str, tuple[str, str]] = {
    # -- one criterion --------------------------------------------------------------------
    "member_scores": (
        "Oceny liczonych członków komisji ({members}): {scores:nums}.",
        "Scores of the counted members ({members}): {scores:nums}.",
    ),
    "scores_not_counted_expert": (
        "Oceny ekspertów z głosem doradczym, niewliczane do wyniku: {scores:nums}.",
        "Scores of advisory experts, not counted: {scores:nums}.",
    ),
    "scores_not_counted_recused": (
        "Oceny członków wyłączonych z oceny tej oferty (konflikt interesów), niewliczane: "
        "{scores:nums}.",
        "Scores of members recused from this offer (conflict of interest), not counted: "
        "{scores:nums}.",
    ),
    "score_missing": (
        "Brak oceny od: {members}; wynik liczony z ocen wystawionych.",
        "No score from: {members}; the aggregate uses the scores given.",
    ),
    "mean": (
        "Średnia: ({terms:nums}) / {count} = {sum:num} / {count} = {exact:num} → "
        "po zaokrągleniu {rounded:num}.",
        "Mean: ({terms:nums}) / {count} = {sum:num} / {count} = {exact:num} → "
        "rounded {rounded:num}.",
    ),
    "median": (
        "Mediana {count} ocen ({values:nums}) = {median:num} → po zaokrągleniu {rounded:num}.",
        "Median of {count} scores ({values:nums}) = {median:num} → rounded {rounded:num}.",
    ),
    "no_scores_counted": (
        "Żaden z liczonych członków komisji nie ocenił tego kryterium: 0 pkt.",
        "No counted member scored this criterion: 0 points.",
    ),
    "consensus_score": (
        "Rozbieżność rozstrzygnięta uzgodnieniem: zamiast wyliczonej oceny {computed:num} "
        "przyjęto uzgodnioną ocenę {consensus:num}.",
        "Discrepancy resolved by consensus: the agreed score {consensus:num} replaces the "
        "computed {computed:num}.",
    ),
    "points_scored": (
        "Punkty: {score:num} / {max:num} × {weight:num} = {exact:num} → {points:num} pkt.",
        "Points: {score:num} / {max:num} × {weight:num} = {exact:num} → {points:num}.",
    ),
    "min_score_passed": (
        "Próg kryterium: ocena {score:num} ≥ {threshold:num} — spełniony.",
        "Criterion threshold: score {score:num} ≥ {threshold:num}: met.",
    ),
    "min_score_failed": (
        "Próg kryterium: ocena {score:num} < {threshold:num} — niespełniony.",
        "Criterion threshold: score {score:num} < {threshold:num}: not met.",
    ),
    "yes_no_value": (
        "Wartość z oferty ({field}): {value:num} (1 = tak, 0 = nie).",
        "Value stated in the offer ({field}): {value:num} (1 = yes, 0 = no).",
    ),
    "yes_no_passed": (
        "Kryterium formalne spełnione: wynik {score:num} > 0,5 (większość „tak”).",
        "Formal criterion met: result {score:num} > 0.5 (a majority of yes).",
    ),
    "yes_no_failed": (
        "Kryterium formalne niespełnione: wynik {score:num} nie przekracza 0,5 "
        "(brak większości „tak”).",
        "Formal criterion not met: result {score:num} does not exceed 0.5 (no majority of yes).",
    ),
    "points_yes_no": (
        "Punkty: {points:num} (waga {weight:num} przyznawana przy spełnieniu kryterium).",
        "Points: {points:num} (the weight {weight:num} is given when the criterion is met).",
    ),
    "points_lower_better": (
        "Punkty ({field}, im mniej, tym lepiej): najniższa {best:num} / {value:num} × "
        "{weight:num} = {exact:num} → {points:num} pkt.",
        "Points ({field}, lower is better): lowest {best:num} / {value:num} × {weight:num} = "
        "{exact:num} → {points:num}.",
    ),
    "value_capped": (
        "Wartość {field} {value:num} przekracza limit {cap:num}; liczy się {cap:num}.",
        "{field} {value:num} exceeds the cap {cap:num}; {cap:num} counts.",
    ),
    "points_higher_better": (
        "Punkty ({field}, im więcej, tym lepiej): {value:num} / najwyższa {best:num} × "
        "{weight:num} = {exact:num} → {points:num} pkt.",
        "Points ({field}, higher is better): {value:num} / highest {best:num} × {weight:num} = "
        "{exact:num} → {points:num}.",
    ),
    "points_banded": (
        "Punkty ({field} = {value:num}): przedział od {start:num} — {points:num} pkt.",
        "Points ({field} = {value:num}): the band from {start:num} gives {points:num}.",
    ),
    "points_banded_none": (
        "Punkty ({field} = {value:num}): poniżej najniższego przedziału (od {lowest:num}) — 0 pkt.",
        "Points ({field} = {value:num}): below the lowest band (from {lowest:num}): 0.",
    ),
    # -- one offer ------------------------------------------------------------------------
    "offer_not_admitted": (
        "Oferta nie przeszła oceny formalnej i nie podlega ocenie merytorycznej.",
        "The offer did not pass the formal check and is not scored.",
    ),
    "formal_override": (
        "Wynik oceny formalnej ustalony decyzją: {reason}.",
        "Formal check outcome set by decision: {reason}.",
    ),
    "members_counted": (
        "Liczeni członkowie komisji ({count}): {members:list}.",
        "Counted committee members ({count}): {members:list}.",
    ),
    "member_excluded_expert": (
        "{member} — ekspert z głosem doradczym; oceny nie są wliczane do wyniku.",
        "{member} is an advisory expert; their scores are not counted.",
    ),
    "member_excluded_recused": (
        "{member} — wyłączony(-a) z oceny tej oferty (konflikt interesów).",
        "{member} is recused from this offer (conflict of interest).",
    ),
    "member_excluded_no_scores": (
        "{member} — nie ocenił(a) tej oferty, więc nie jest liczony(-a).",
        "{member} did not score this offer and is not counted.",
    ),
    "incomplete_scores": (
        "Niekompletne oceny w kryteriach: {criteria}.",
        "Incomplete scores on criteria: {criteria}.",
    ),
    "total_criterion_stage": (
        "Suma punktów (zaokrąglenie przy każdym kryterium): {terms:nums} = {total:num} pkt.",
        "Total (rounded at each criterion): {terms:nums} = {total:num}.",
    ),
    "total_total_stage": (
        "Suma punktów (zaokrąglana tylko suma): {terms:nums} = {exact:num} → {total:num} pkt.",
        "Total (only the total is rounded): {terms:nums} = {exact:num} → {total:num}.",
    ),
    "member_totals": (
        "Sumy punktów poszczególnych członków (ważone, bez zaokrągleń): {totals:nums}.",
        "Each member's own weighted total (unrounded): {totals:nums}.",
    ),
    "member_total_incomplete": (
        "{member} nie ocenił(a) wszystkich kryteriów — suma tej osoby nie jest porównywana.",
        "{member} did not score every criterion; their total is not compared.",
    ),
    "spread": (
        "Rozrzut sum członków: {max_member} {max:num} − {min_member} {min:num} = {spread:num} pkt.",
        "Spread of the members' totals: {max_member} {max:num} − {min_member} {min:num} = "
        "{spread:num}.",
    ),
    "discrepancy_found": (
        "Rozbieżność ocen: rozrzut {spread:num} pkt ≥ {limit:num} pkt — wymaga rozstrzygnięcia.",
        "Discrepancy: spread {spread:num} ≥ {limit:num}; it must be resolved.",
    ),
    "discrepancy_within_limit": (
        "Rozrzut {spread:num} pkt < {limit:num} pkt — brak rozbieżności.",
        "Spread {spread:num} < {limit:num}: no discrepancy.",
    ),
    "discrepancy_resolved_consensus": (
        "Rozbieżność rozstrzygnięta uzgodnieniem ocen w komisji: {reason}.",
        "Discrepancy resolved by consensus of the committee: {reason}.",
    ),
    "discrepancy_resolved_third_evaluator": (
        "Rozbieżność rozstrzygnięta oceną trzeciego oceniającego: {reason}.",
        "Discrepancy resolved by a third evaluator: {reason}.",
    ),
    "discrepancy_resolved_chair_decision": (
        "Rozbieżność rozstrzygnięta decyzją przewodniczącego, oceny bez zmian: {reason}.",
        "Discrepancy resolved by the chair's decision, scores unchanged: {reason}.",
    ),
    "resolution_without_discrepancy_consensus": (
        "Zapisano uzgodnienie ocen, choć rozbieżności nie stwierdzono: {reason}.",
        "A consensus was recorded although no discrepancy was found: {reason}.",
    ),
    "resolution_without_discrepancy_third_evaluator": (
        "Zapisano ocenę trzeciego oceniającego; rozbieżności (już) nie stwierdzono: {reason}.",
        "A third evaluation was recorded; no discrepancy is found (any more): {reason}.",
    ),
    "resolution_without_discrepancy_chair_decision": (
        "Zapisano decyzję przewodniczącego, choć rozbieżności nie stwierdzono: {reason}.",
        "A chair's decision was recorded although no discrepancy was found: {reason}.",
    ),
    "unscaled_total": (
        "Suma ocen bez wag: {terms:nums} = {total:num}.",
        "Sum of the scores without weights: {terms:nums} = {total:num}.",
    ),
    "min_total_passed": (
        "Próg punktowy: {total:num} ≥ {threshold:num} — spełniony.",
        "Total threshold: {total:num} ≥ {threshold:num}: met.",
    ),
    "min_total_failed": (
        "Próg punktowy: {total:num} < {threshold:num} — niespełniony.",
        "Total threshold: {total:num} < {threshold:num}: not met.",
    ),
    "min_unscaled_total_passed": (
        "Próg sumy ocen bez wag: {total:num} ≥ {threshold:num} — spełniony.",
        "Threshold on the unweighted sum: {total:num} ≥ {threshold:num}: met.",
    ),
    "min_unscaled_total_failed": (
        "Próg sumy ocen bez wag: {total:num} < {threshold:num} — niespełniony.",
        "Threshold on the unweighted sum: {total:num} < {threshold:num}: not met.",
    ),
    "criterion_threshold_failed": (
        "Niespełniony próg kryterium {criterion}: {score:num} < {threshold:num}.",
        "Threshold of criterion {criterion} not met: {score:num} < {threshold:num}.",
    ),
    "formal_criterion_failed": (
        "Niespełnione kryterium formalne {criterion}.",
        "Formal criterion {criterion} not met.",
    ),
    "eligible": (
        "Oferta spełnia wszystkie warunki i bierze udział w rankingu.",
        "The offer meets every condition and is ranked.",
    ),
    "not_eligible": (
        "Oferta nie spełnia warunków: nie bierze udziału w rankingu ani w podziale środków.",
        "The offer does not meet the conditions: it is not ranked and receives no funds.",
    ),
    "rank": (
        "Miejsce w rankingu: {rank} (suma {total:num} pkt).",
        "Rank {rank} (total {total:num}).",
    ),
    "tie_criterion": _tie(
        "więcej punktów za kryterium {criterion} (ta oferta: {value:num} pkt)",
        "more points on criterion {criterion} (this offer: {value:num})",
    ),
    "tie_highest_weight": _tie(
        "więcej punktów za kryterium o najwyższej wadze, {criterion} (ta oferta: {value:num} pkt)",
        "more points on the heaviest criterion, {criterion} (this offer: {value:num})",
    ),
    "tie_lower": _tie(
        "niższa wartość {field} (ta oferta: {value:num})",
        "the lower {field} (this offer: {value:num})",
    ),
    "tie_higher": _tie(
        "wyższa wartość {field} (ta oferta: {value:num})",
        "the higher {field} (this offer: {value:num})",
    ),
    "tie_earlier_submission": _tie(
        "wcześniejsze złożenie oferty (ta oferta: {value:dt})",
        "the earlier submission (this offer: {value:dt})",
    ),
    "tie_unresolved": (
        "Nierozstrzygnięty remis z: {others} — wspólne miejsce {rank}; kolejność ustala komisja.",
        "Unresolved tie with {others}: shared rank {rank}; the committee must order them.",
    ),
    "tie_decided": (
        "Remis rozstrzygnięty decyzją komisji: kolejność {order}, ta oferta na pozycji "
        "{position} ({reason}).",
        "Tie decided by the committee: order {order}, this offer at position {position} "
        "({reason}).",
    ),
    "selected": (
        "Oferta wybrana: miejsce {rank}, wybiera się ofert: {winners}.",
        "Selected: rank {rank}, offers to select: {winners}.",
    ),
    "not_selected": (
        "Oferta niewybrana: miejsce {rank}, wybiera się ofert: {winners}.",
        "Not selected: rank {rank}, offers to select: {winners}.",
    ),
    "not_selected_tie_at_cutoff": (
        "Oferta niewybrana do czasu decyzji komisji: remis na miejscu {rank} przekracza liczbę "
        "wybieranych ofert ({winners}).",
        "Not selected until the committee decides: the tie at rank {rank} straddles the number "
        "of offers to select ({winners}).",
    ),
    "award_full": (
        "Przyznano pełną kwotę: wnioskowano {request:money}, przyznano {award:money} "
        "(zaokrąglenie w dół do {step:money}); środki: {remaining_before:money} → "
        "{remaining_after:money}.",
        "Full request granted: requested {request:money}, awarded {award:money} (rounded down "
        "to {step:money}); funds: {remaining_before:money} → {remaining_after:money}.",
    ),
    "award_full_above": (
        "Suma {total:num} ≥ {threshold:num} pkt: pełna kwota — wnioskowano {request:money}, "
        "przyznano {award:money} (zaokrąglenie w dół do {step:money}); środki: "
        "{remaining_before:money} → {remaining_after:money}.",
        "Total {total:num} ≥ {threshold:num}: full request — requested {request:money}, "
        "awarded {award:money} (rounded down to {step:money}); funds: "
        "{remaining_before:money} → {remaining_after:money}.",
    ),
    "award_partial": (
        "Wnioskowana kwota {request:money} przekracza pozostałe środki; przyznano resztę: "
        "{award:money} (zaokrąglenie w dół do {step:money}); środki: {remaining_before:money} → "
        "{remaining_after:money}. Podział zakończony.",
        "The request {request:money} exceeds the funds left; the rest is awarded: "
        "{award:money} (rounded down to {step:money}); funds: {remaining_before:money} → "
        "{remaining_after:money}. Allocation ends here.",
    ),
    "award_prorata": (
        "Wspólny procent: {request:money} × {ratio:pct} = {exact:num} zł → w dół do "
        "{step:money}: {award:money}; środki: {remaining_before:money} → "
        "{remaining_after:money}.",
        "Common percentage: {request:money} × {ratio:pct} = PLN {exact:num} → down to "
        "{step:money}: {award:money}; funds: {remaining_before:money} → "
        "{remaining_after:money}.",
    ),
    "award_manual": (
        "Kwota ustalona przez komisję: {award:money} (wnioskowano {request:money}; {reason}); "
        "środki: {remaining_before:money} → {remaining_after:money}.",
        "Amount decided by the committee: {award:money} (requested {request:money}; {reason}); "
        "funds: {remaining_before:money} → {remaining_after:money}.",
    ),
    "award_manual_none": (
        "Komisja nie przyznała tej ofercie środków.",
        "The committee awarded this offer nothing.",
    ),
    "award_no_fit_skip": (
        "Wnioskowana kwota {request:money} nie mieści się w pozostałych środkach "
        "({remaining:money}): oferta pominięta, podział trwa dalej.",
        "The request {request:money} does not fit in the funds left ({remaining:money}): "
        "skipped, the allocation goes on.",
    ),
    "award_no_fit_stop": (
        "Wnioskowana kwota {request:money} nie mieści się w pozostałych środkach "
        "({remaining:money}): podział środków zakończony.",
        "The request {request:money} does not fit in the funds left ({remaining:money}): "
        "the allocation stops.",
    ),
    "award_after_stop": (
        "Podział środków zakończył się przed tą ofertą.",
        "The allocation stopped before this offer.",
    ),
    "award_blocked_by_tie": (
        "Remis ({offers}) rozstrzyga, kto otrzyma środki: kwota zostanie ustalona, gdy komisja "
        "ustali kolejność.",
        "The tie ({offers}) decides who is funded: the amount follows once the committee "
        "orders it.",
    ),
    "award_after_tie_block": (
        "Podział wstrzymany na nierozstrzygniętym remisie ({offers}) do czasu decyzji komisji.",
        "The allocation waits at the unresolved tie ({offers}) for the committee's decision.",
    ),
    "award_not_eligible": (
        "Oferta nie spełnia warunków: bez dofinansowania.",
        "The offer does not meet the conditions: no funds.",
    ),
    # -- the competition ------------------------------------------------------------------
    "unresolved_tie": (
        "Nierozstrzygnięty remis na miejscu {rank}: {offers}; kolejność musi ustalić komisja.",
        "Unresolved tie at rank {rank}: {offers}; the committee must order them.",
    ),
    "tie_order_applied": (
        "Komisja ustaliła kolejność ofert remisujących na miejscu {rank}: {offers} ({reason}).",
        "The committee ordered the offers tied at rank {rank}: {offers} ({reason}).",
    ),
    "tie_order_not_applicable": (
        "Decyzja o kolejności ofert {offers} ({reason}) nie odpowiada żadnemu obecnemu remisowi "
        "i nie została zastosowana.",
        "The decision ordering {offers} ({reason}) matches no current tie and was not applied.",
    ),
    "selection_tie_at_cutoff": (
        "Remis na miejscu {rank} ({offers}) przekracza liczbę wybieranych ofert ({winners}): "
        "żadnej z nich nie wybrano do czasu decyzji komisji.",
        "The tie at rank {rank} ({offers}) straddles the number of offers to select "
        "({winners}): none of them is selected until the committee decides.",
    ),
    "allocation_blocked_by_tie": (
        "Podział środków wstrzymany: remis {offers} rozstrzyga o dofinansowaniu, a pozostało "
        "{remaining:money}; komisja musi ustalić kolejność.",
        "Allocation halted: the tie {offers} decides who is funded with {remaining:money} "
        "left; the committee must order it.",
    ),
    "prorata_ratio": (
        "Wspólny procent dla ofert {offers}: {remaining:money} / {requests_sum:money} = "
        "{ratio:pct}.",
        "Common percentage for {offers}: {remaining:money} / {requests_sum:money} = {ratio:pct}.",
    ),
    "allocation_summary": (
        "Przyznano {awarded:money} z {budget:money}; pozostało {remaining:money}.",
        "Awarded {awarded:money} of {budget:money}; {remaining:money} left.",
    ),
    "cancel_no_eligible": (
        "Żadna oferta nie spełnia warunków: konkurs należy unieważnić.",
        "No offer meets the conditions: the competition must be cancelled.",
    ),
    "unresolved_discrepancies": (
        "Nierozstrzygnięte rozbieżności ocen: {offers}.",
        "Unresolved scoring discrepancies: {offers}.",
    ),
    # -- analysis -------------------------------------------------------------------------
    "leniency": (
        "{member}: średnio {difference:signed} pkt względem pozostałych członków "
        "(porównane oferty: {offers}).",
        "{member}: on average {difference:signed} points against the other members "
        "(offers compared: {offers}).",
    ),
    "leniency_advisory": (
        "{member} (ekspert, głos doradczy): średnio {difference:signed} pkt względem "
        "liczonych członków (porównane oferty: {offers}).",
        "{member} (advisory expert): on average {difference:signed} points against the counted "
        "members (offers compared: {offers}).",
    ),
    "leniency_not_compared": (
        "{member}: brak ofert, na których można porównać oceny.",
        "{member}: no offer on which the scores can be compared.",
    ),
    "agreement_high": (
        "Zgodność komisji wysoka: ICC(1) = {coefficient:num} (oferty: {offers}, sumy ocen: "
        "{ratings}).",
        "High agreement in the committee: ICC(1) = {coefficient:num} (offers: {offers}, "
        "ratings: {ratings}).",
    ),
    "agreement_moderate": (
        "Zgodność komisji umiarkowana: ICC(1) = {coefficient:num} (oferty: {offers}, sumy ocen: "
        "{ratings}).",
        "Moderate agreement in the committee: ICC(1) = {coefficient:num} (offers: {offers}, "
        "ratings: {ratings}).",
    ),
    "agreement_low": (
        "Zgodność komisji niska: ICC(1) = {coefficient:num} (oferty: {offers}, sumy ocen: "
        "{ratings}).",
        "Low agreement in the committee: ICC(1) = {coefficient:num} (offers: {offers}, "
        "ratings: {ratings}).",
    ),
    "agreement_undefined": (
        "Zgodności komisji nie da się obliczyć (oferty: {offers}, sumy ocen: {ratings}).",
        "The committee's agreement cannot be computed (offers: {offers}, ratings: {ratings}).",
    ),
}
for _subject, _texts in (
    ("first_place", _stability("Zwycięzca", "zmieniłby się", "The winner")),
    ("winners", _stability("Skład wybranych ofert", "zmieniłby się", "The set of selected offers")),
    (
        "funding_line",
        _stability("Lista ofert z dofinansowaniem", "zmieniłaby się", "The list of funded offers"),
    ),
):
    for _direction, _pair in _texts.items():
        STEP_TEXTS[f"stability_{_subject}_{_direction}"] = _pair

_SCORE_PL = "Ocena członka {member} dla oferty {offer}, kryterium {criterion}"
_SCORE_EN = "The score of member {member} for offer {offer}, criterion {criterion},"

ERROR_TEXTS: dict[str, tuple[str, str]] = {
    "not_a_decimal": (
        "Nieprawidłowa liczba w polu {field} ({owner}): {value}.",
        "Not a valid number in {field} ({owner}): {value}.",
    ),
    "no_criteria": ("Konkurs nie ma żadnych kryteriów oceny.", "The competition has no criteria."),
    "duplicate_criterion": (
        "Kryterium {criterion} występuje więcej niż raz.",
        "Criterion {criterion} appears more than once.",
    ),
    "invalid_weight": (
        "Kryterium {criterion} ma nieprawidłową wagę {weight:num} (musi być większa od zera).",
        "Criterion {criterion} has an invalid weight {weight:num} (it must be above zero).",
    ),
    "option_not_for_kind": (
        "Kryterium {criterion} rodzaju „{kind}” nie może mieć ustawienia {option}.",
        "Criterion {criterion} of kind {kind} cannot have the option {option}.",
    ),
    "yes_no_scale": (
        "Kryterium tak/nie {criterion} musi mieć skalę 0–1, a ma 0–{max:num}.",
        "Yes/no criterion {criterion} must have the scale 0–1, not 0–{max:num}.",
    ),
    "missing_field": (
        "Kryterium {criterion} rodzaju „{kind}” nie wskazuje, którą wartość z oferty odczytać.",
        "Criterion {criterion} of kind {kind} does not name the offer value it reads.",
    ),
    "invalid_cap": (
        "Kryterium {criterion} ma nieprawidłowy limit {cap:num} (musi być większy od zera).",
        "Criterion {criterion} has an invalid cap {cap:num} (it must be above zero).",
    ),
    "missing_scale": (
        "Kryterium {criterion} nie ma określonej skali ocen.",
        "Criterion {criterion} has no scoring scale.",
    ),
    "invalid_scale": (
        "Kryterium {criterion} ma nieprawidłową skalę 0–{max:num}.",
        "Criterion {criterion} has an invalid scale 0–{max:num}.",
    ),
    "invalid_step": (
        "Kryterium {criterion} ma nieprawidłowy krok oceny {step:num}.",
        "Criterion {criterion} has an invalid scoring step {step:num}.",
    ),
    "invalid_min_score": (
        "Próg kryterium {criterion} ({min_score:num}) wykracza poza skalę 0–{max:num}.",
        "The threshold of criterion {criterion} ({min_score:num}) is off the scale 0–{max:num}.",
    ),
    "missing_bands": (
        "Kryterium przedziałowe {criterion} nie ma przedziałów.",
        "Banded criterion {criterion} has no bands.",
    ),
    "duplicate_band": (
        "Kryterium {criterion} ma dwa przedziały od {start:num}.",
        "Criterion {criterion} has two bands starting at {start:num}.",
    ),
    "invalid_band_points": (
        "Przedział od {start:num} kryterium {criterion} ma ujemne punkty {points:num}.",
        "The band from {start:num} of criterion {criterion} has negative points {points:num}.",
    ),
    "duplicate_member": (
        "Członek komisji {member} występuje więcej niż raz.",
        "Committee member {member} appears more than once.",
    ),
    "duplicate_offer": (
        "Oferta {offer} występuje więcej niż raz.",
        "Offer {offer} appears more than once.",
    ),
    "invalid_request": (
        "Oferta {offer} ma ujemną kwotę wnioskowaną {requested:money}.",
        "Offer {offer} requests a negative amount {requested:money}.",
    ),
    "naive_submission_time": (
        "Czas złożenia oferty {offer} nie ma strefy czasowej.",
        "The submission time of offer {offer} has no time zone.",
    ),
    "invalid_rounding_places": (
        "Nieprawidłowa liczba miejsc po przecinku: {places} (dozwolone 0–{limit}).",
        "Invalid number of decimal places: {places} (0–{limit} allowed).",
    ),
    "invalid_policy_number": (
        "Nieprawidłowa wartość ustawienia {option}: {value}.",
        "Invalid value of the setting {option}: {value}.",
    ),
    "invalid_winners": (
        "Nieprawidłowa liczba wybieranych ofert: {winners}.",
        "Invalid number of offers to select: {winners}.",
    ),
    "winners_with_allocation": (
        "Liczbę wybieranych ofert podaje się tylko bez podziału środków (tu: {method}).",
        "The number of offers to select applies only without an allocation (here: {method}).",
    ),
    "missing_budget": (
        "Podział środków ({method}) wymaga podania kwoty do rozdysponowania.",
        "The allocation ({method}) needs a budget.",
    ),
    "missing_full_above": (
        "Podział „pełna kwota powyżej progu” wymaga podania progu punktowego.",
        "Full funding above a score needs that score.",
    ),
    "unknown_tie_breaker_criterion": (
        "Zasada rozstrzygania remisów wskazuje nieznane kryterium {criterion}.",
        "A tie-breaker names an unknown criterion {criterion}.",
    ),
    "missing_tie_breaker_field": (
        "Zasada rozstrzygania remisów „{kind}” nie wskazuje wartości z oferty.",
        "The tie-breaker {kind} does not name an offer value.",
    ),
    "missing_tie_breaker_value": (
        "Oferta {offer} nie podaje wartości {field} potrzebnej do rozstrzygania remisów.",
        "Offer {offer} does not state {field}, which the tie-breakers need.",
    ),
    "conflict_unknown_member": (
        "Wyłączenie dotyczy nieznanego członka komisji {member} (oferta {offer}).",
        "A recusal names an unknown member {member} (offer {offer}).",
    ),
    "conflict_unknown_offer": (
        "Wyłączenie członka {member} dotyczy nieznanej oferty {offer}.",
        "A recusal of {member} names an unknown offer {offer}.",
    ),
    "score_unknown_member": (
        f"{_SCORE_PL}: nieznany członek komisji.",
        f"{_SCORE_EN} names an unknown member.",
    ),
    "score_unknown_offer": (
        f"{_SCORE_PL}: nieznana oferta.",
        f"{_SCORE_EN} names an unknown offer.",
    ),
    "score_unknown_criterion": (
        f"{_SCORE_PL}: nieznane kryterium.",
        f"{_SCORE_EN} names an unknown criterion.",
    ),
    "score_for_unscored_criterion": (
        f"{_SCORE_PL}: tego kryterium członkowie komisji nie oceniają.",
        f"{_SCORE_EN} is for a criterion that members do not score.",
    ),
    "score_not_decimal": (
        f"{_SCORE_PL}: nieprawidłowa liczba {{value}}.",
        f"{_SCORE_EN} is not a valid number: {{value}}.",
    ),
    "score_off_scale": (
        f"{_SCORE_PL}: {{value:num}} jest poza skalą 0–{{max:num}}.",
        f"{_SCORE_EN} {{value:num}} is off the scale 0–{{max:num}}.",
    ),
    "score_off_step": (
        f"{_SCORE_PL}: {{value:num}} nie jest wielokrotnością kroku {{step:num}}.",
        f"{_SCORE_EN} {{value:num}} is not a multiple of the step {{step:num}}.",
    ),
    "duplicate_score": (
        f"{_SCORE_PL} występuje więcej niż raz.",
        f"{_SCORE_EN} appears more than once.",
    ),
    "resolution_unknown_offer": (
        "Rozstrzygnięcie rozbieżności dotyczy nieznanej oferty {offer}.",
        "A discrepancy resolution names an unknown offer {offer}.",
    ),
    "resolution_duplicate": (
        "Oferta {offer} ma więcej niż jedno rozstrzygnięcie rozbieżności.",
        "Offer {offer} has more than one discrepancy resolution.",
    ),
    "consensus_scores_without_consensus": (
        "Rozstrzygnięcie rozbieżności oferty {offer} ({method}) zawiera oceny uzgodnione, "
        "które są dopuszczalne tylko przy uzgodnieniu ocen.",
        "The resolution for offer {offer} ({method}) carries consensus scores, which only a "
        "consensus may.",
    ),
    "consensus_unknown_criterion": (
        "Uzgodniona ocena oferty {offer} dotyczy nieznanego kryterium {criterion}.",
        "A consensus score for offer {offer} names an unknown criterion {criterion}.",
    ),
    "consensus_not_scored": (
        "Uzgodniona ocena oferty {offer} dotyczy kryterium {criterion}, którego członkowie "
        "nie oceniają punktowo.",
        "A consensus score for offer {offer} is for criterion {criterion}, which members do "
        "not score.",
    ),
    "consensus_off_scale": (
        "Uzgodniona ocena oferty {offer} za kryterium {criterion}: {value:num} jest poza skalą "
        "0–{max:num}.",
        "The consensus score for offer {offer}, criterion {criterion}: {value:num} is off the "
        "scale 0–{max:num}.",
    ),
    "manual_award_without_manual_method": (
        "Kwota dla oferty {offer} ustalona ręcznie, a sposób podziału to „{method}”.",
        "A manual amount for offer {offer}, but the allocation method is {method}.",
    ),
    "manual_award_unknown_offer": (
        "Kwota ustalona ręcznie dotyczy nieznanej oferty {offer}.",
        "A manual amount names an unknown offer {offer}.",
    ),
    "manual_award_duplicate": (
        "Oferta {offer} ma więcej niż jedną kwotę ustaloną ręcznie.",
        "Offer {offer} has more than one manual amount.",
    ),
    "manual_award_negative": (
        "Kwota dla oferty {offer} jest ujemna: {amount:money}.",
        "The amount for offer {offer} is negative: {amount:money}.",
    ),
    "manual_award_exceeds_request": (
        "Kwota dla oferty {offer} ({amount:money}) przekracza kwotę wnioskowaną "
        "({requested:money}).",
        "The amount for offer {offer} ({amount:money}) exceeds the request ({requested:money}).",
    ),
    "manual_award_off_step": (
        "Kwota dla oferty {offer} ({amount:money}) nie jest wielokrotnością {step:money}.",
        "The amount for offer {offer} ({amount:money}) is not a multiple of {step:money}.",
    ),
    "manual_award_not_eligible": (
        "Oferta {offer} nie spełnia warunków, więc nie może otrzymać środków.",
        "Offer {offer} does not meet the conditions and cannot receive funds.",
    ),
    "manual_awards_exceed_budget": (
        "Kwoty ustalone ręcznie ({total:money}) przekraczają środki ({budget:money}).",
        "The manual amounts ({total:money}) exceed the budget ({budget:money}).",
    ),
    "override_unknown_offer": (
        "Decyzja w ocenie formalnej dotyczy nieznanej oferty {offer}.",
        "A formal-check decision names an unknown offer {offer}.",
    ),
    "override_not_applied": (
        "Decyzja w ocenie formalnej oferty {offer} (dopuszczona: {admitted}) nie zgadza się "
        "z jej statusem.",
        "The formal-check decision for offer {offer} (admitted: {admitted}) does not match its "
        "status.",
    ),
    "tie_order_too_short": (
        "Decyzja o kolejności remisu musi obejmować co najmniej dwie oferty: {offers}.",
        "A tie order must name at least two offers: {offers}.",
    ),
    "tie_order_unknown_offer": (
        "Decyzja o kolejności remisu wskazuje nieznaną ofertę {offer}.",
        "A tie order names an unknown offer {offer}.",
    ),
    "tie_order_duplicate_offer": (
        "Oferta {offer} występuje w decyzjach o kolejności remisu więcej niż raz.",
        "Offer {offer} appears in the tie orders more than once.",
    ),
    "missing_value": (
        "Oferta {offer} nie podaje wartości {field} (kryterium {criterion}).",
        "Offer {offer} does not state {field} (criterion {criterion}).",
    ),
    "nonpositive_value": (
        "Oferta {offer}: wartość {field} = {value:num} musi być większa od zera "
        "(kryterium {criterion} dzieli przez nią).",
        "Offer {offer}: {field} = {value:num} must be above zero (criterion {criterion} divides "
        "by it).",
    ),
    "negative_value": (
        "Oferta {offer}: wartość {field} = {value:num} nie może być ujemna (kryterium "
        "{criterion}).",
        "Offer {offer}: {field} = {value:num} cannot be negative (criterion {criterion}).",
    ),
    "zero_best_value": (
        "Kryterium {criterion}: najwyższa wartość {field} wśród ofert wynosi zero, więc "
        "punktów nie da się obliczyć.",
        "Criterion {criterion}: the highest {field} among the offers is zero, so no points can "
        "be computed.",
    ),
    "yes_no_value_invalid": (
        "Oferta {offer}: wartość {field} = {value:num} dla kryterium {criterion} musi wynosić "
        "1 (tak) lub 0 (nie).",
        "Offer {offer}: {field} = {value:num} for criterion {criterion} must be 1 (yes) or 0 (no).",
    ),
}


# ---------------------------------------------------------------------------------------------
# Rendering


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        text = str(value)
        lang = self.lang
        if format_spec == "":
            return text
        if format_spec == "list":
            return text or "—"
        if format_spec == "num":
            return _number(text, lang)
        if format_spec == "nums":
            return _NUMBER.sub(lambda m: _number(m.group(0), lang), text) or "—"
        if format_spec == "num2":
            return format_decimal(Decimal(text), 2, lang)
        if format_spec == "signed":
            shown = _number(text, lang)
            return shown if shown.startswith("-") or Decimal(text) == 0 else "+" + shown
        if format_spec == "money":
            return format_money(Decimal(text), lang)
        if format_spec == "pct":
            return _number(format((Decimal(text) * 100).normalize(), "f"), lang) + "%"
        if format_spec == "dt":
            moment = datetime.fromisoformat(text)
            return moment.strftime("%d.%m.%Y, godz. %H:%M" if lang == "pl" else "%Y-%m-%d %H:%M")
        raise ValueError(f"unknown format {format_spec!r}")


def _render(
    table: Mapping[str, tuple[str, str]], code: str, params: Mapping[str, str], lang: str
) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    pair = table.get(code)
    if pair is None:
        raise KeyError(f"no text for code {code!r}")
    template = pair[0] if lang == "pl" else pair[1]
    return _Formatter(lang).vformat(template, (), dict(params))


def explain(step: Step, lang: str = "pl") -> str:
    """One explanation step as a sentence in Polish (default) or English."""
    return _render(STEP_TEXTS, step.code, step.params, lang)


class StepExplainer:
    """``explain(step, lang)`` for many steps (a protocol words 140,000), at a third of the
    cost: each template is parsed once, and each parameter value is formatted once per format
    (the same scores, weights and sums recur thousands of times).

    The words and number formats stay ``app.texts``'s: its templates and its formatter's
    ``format_field``; ``{x:nums}`` (every number in a text shown as ``{n:num}``) formats each
    number through the same memo.  A template this does not understand (a conversion, an
    attribute or index, a nested field) goes to ``explain`` itself.  The tests compare every
    step of large documents in both languages with ``explain``.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.formatter = _Formatter(lang)
        self.templates: dict[str, tuple[tuple[str, str | None, str], ...] | None] = {}
        self.shown: dict[tuple[str, str], str] = {}

    def _parse(self, code: str) -> tuple[tuple[str, str | None, str], ...] | None:
        pair = STEP_TEXTS.get(code)
        if pair is None:
            return None  # explain raises the error
        template = pair[0] if self.lang == "pl" else pair[1]
        parts: list[tuple[str, str | None, str]] = []
        for literal, name, spec, conversion in string.Formatter().parse(template):
            if name is None:
                parts.append((literal, None, ""))
            elif name.isidentifier() and conversion is None and "{" not in (spec or ""):
                parts.append((literal, name, spec or ""))
            else:
                return None
        return tuple(parts)

    def _field(self, value: str, spec: str) -> str:
        if spec == "nums":
            shown = _NUMBER.sub(self._number, value) or "—"
        else:
            shown = self.formatter.format_field(value, spec)
        self.shown[(spec, value)] = shown
        return shown

    def _number(self, match: re.Match[str]) -> str:
        """One number of a ``nums`` text, shown as ``{n:num}``."""
        number = match.group(0)
        shown = self.shown.get(("num", number))
        return shown if shown is not None else self._field(number, "num")

    def __call__(self, step: Step) -> str:
        code = step.code
        if code in self.templates:
            parts = self.templates[code]
        else:
            parts = self.templates[code] = self._parse(code)
        if parts is None:
            return explain(step, self.lang)
        params = step.params
        shown = self.shown
        out: list[str] = []
        for literal, name, spec in parts:
            out.append(literal)
            if name is not None:
                value = str(params[name])
                text = shown.get((spec, value))
                out.append(text if text is not None else self._field(value, spec))
        return "".join(out)


def message(code: str, params: Mapping[str, str], lang: str = "pl") -> str:
    """The words for a ``ScoringInputError`` (its ``code`` and ``params``)."""
    return _render(ERROR_TEXTS, code, params, lang)


def template_fields(template: str) -> set[str]:
    """The parameter names a template uses (for the tests)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
