"""Words of the scoring engine's explanation steps (``app.scoring`` ``Step`` codes).

Each step carries exact decimals as strings ("25.34"); the formats in braces say how the
catalogue shows them (see ``app.words.catalogue``).
"""

from __future__ import annotations

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
        "{member} — wyłączenie z oceny tej oferty (konflikt interesów).",
        "{member} is recused from this offer (conflict of interest).",
    ),
    "member_excluded_no_scores": (
        "{member} — brak ocen tej oferty, więc oceny tej osoby nie są liczone.",
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
        "{member} — brak ocen części kryteriów, więc suma tej osoby nie jest porównywana.",
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
