"""Words of the scoring engine's input errors (``ScoringInputError`` codes)."""

from __future__ import annotations

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
        "Kryterium {criterion} rodzaju „{kind:code:kind.}” nie może mieć ustawienia: "
        "{option:code:option.}.",
        "Criterion {criterion} of kind “{kind:code:kind.}” cannot have the setting: "
        "{option:code:option.}.",
    ),
    "yes_no_scale": (
        "Kryterium tak/nie {criterion} musi mieć skalę 0–1, a ma 0–{max:num}.",
        "Yes/no criterion {criterion} must have the scale 0–1, not 0–{max:num}.",
    ),
    "missing_field": (
        "Kryterium {criterion} rodzaju „{kind:code:kind.}” nie wskazuje, którą wartość z "
        "oferty odczytać.",
        "Criterion {criterion} of kind “{kind:code:kind.}” does not name the offer value it reads.",
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
        "Nieprawidłowa wartość ustawienia „{option:code:option.}”: {value}.",
        "Invalid value of the setting “{option:code:option.}”: {value}.",
    ),
    "invalid_winners": (
        "Nieprawidłowa liczba wybieranych ofert: {winners}.",
        "Invalid number of offers to select: {winners}.",
    ),
    "winners_with_allocation": (
        "Liczbę wybieranych ofert podaje się tylko bez podziału środków "
        "(tu: {method:code:method.}).",
        "The number of offers to select applies only without an allocation "
        "(here: {method:code:method.}).",
    ),
    "missing_budget": (
        "Podział środków ({method:code:method.}) wymaga podania kwoty do rozdysponowania.",
        "The allocation ({method:code:method.}) needs a budget.",
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
        "Zasada rozstrzygania remisów „{kind:code:tiebreak.}” nie wskazuje wartości z oferty.",
        "The tie-breaker “{kind:code:tiebreak.}” does not name an offer value.",
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
        "Rozstrzygnięcie rozbieżności oferty {offer} ({method:code:resolution.}) zawiera "
        "oceny uzgodnione, które są dopuszczalne tylko przy uzgodnieniu ocen.",
        "The resolution for offer {offer} ({method:code:resolution.}) carries consensus "
        "scores, which only a consensus may.",
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
        "Kwota dla oferty {offer} ustalona ręcznie, a sposób podziału to: {method:code:method.}.",
        "A manual amount for offer {offer}, but the allocation method is: {method:code:method.}.",
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
