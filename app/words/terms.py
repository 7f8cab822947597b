"""Words that other texts take as parameters: statuses, roles, things, areas of work.

A service passes the code ("scoring", "chair", "competition") and the catalogue puts it into
the reader's language: ``{status:code:status.}``.  Roles are names of functions in the
committee, which read the same for anyone who holds them ("funkcja: przewodniczący komisji"),
so no sentence has to agree with a person's grammatical gender.
"""

from __future__ import annotations

TERMS: dict[str, tuple[str, str]] = {
    "yes": ("tak", "yes"),
    "no": ("nie", "no"),
    "none": ("—", "—"),
}

STATUSES: dict[str, tuple[str, str]] = {
    "draft": ("projekt", "draft"),
    "announced": ("ogłoszony", "announced"),
    "submissions_closed": ("nabór zamknięty", "submissions closed"),
    "formal_check": ("ocena formalna", "formal check"),
    "scoring": ("ocena merytoryczna", "scoring"),
    "results": ("wyniki", "results"),
    "signed_off": ("zatwierdzony", "signed off"),
    "archived": ("zarchiwizowany", "archived"),
    "cancelled": ("unieważniony", "cancelled"),
}

ROLES: dict[str, tuple[str, str]] = {
    "chair": ("przewodniczący komisji", "chair of the committee"),
    "secretary": ("sekretarz komisji", "secretary of the committee"),
    "member": ("członek komisji", "committee member"),
    "expert": ("ekspert z głosem doradczym", "advisory expert"),
}

FORMAL_STATUSES: dict[str, tuple[str, str]] = {
    "pending": ("do oceny formalnej", "formal check pending"),
    "correction_requested": ("wezwanie do uzupełnienia", "correction requested"),
    "admitted": ("dopuszczona", "admitted"),
    "rejected": ("odrzucona", "rejected"),
}

CRITERION_KINDS: dict[str, tuple[str, str]] = {
    "scored": ("oceniane", "scored"),
    "lower_better": ("im mniej, tym lepiej", "lower is better"),
    "higher_better": ("im więcej, tym lepiej", "higher is better"),
    "banded": ("przedziały", "banded"),
    "yes_no": ("tak/nie", "yes/no"),
}

# What a "not found" error names.
ENTITIES: dict[str, tuple[str, str]] = {
    "competition": ("konkurs", "competition"),
    "offer": ("oferta", "offer"),
    "member": ("członek komisji", "committee member"),
    "criterion": ("kryterium", "criterion"),
    "protocol_version": ("wersja protokołu", "protocol version"),
    "attachment": ("załącznik", "attachment"),
    "checklist_item": ("pozycja listy kontrolnej", "checklist item"),
    "correction": ("wezwanie do uzupełnienia", "correction request"),
    "pdf": ("plik PDF", "PDF file"),
    "record": ("rekord", "record"),
}

# The areas of work that a competition's status opens and closes (``EDITABLE_IN``).
ACTIONS: dict[str, tuple[str, str]] = {
    "call": ("zmiana ogłoszenia", "changing the call"),
    "call_dates": ("zmiana terminów i miejsc posiedzeń", "changing meeting dates"),
    "criteria": ("zmiana kryteriów i zasad oceny", "changing criteria and scoring rules"),
    "offers": ("rejestracja ofert", "registering offers"),
    "formal_check": ("ocena formalna", "the formal check"),
    "committee": ("zmiana składu komisji", "changing the committee"),
    "scores": ("wpisywanie ocen", "entering scores"),
    "decisions": ("rozstrzygnięcia komisji", "committee decisions"),
    "remarks": ("uwagi", "remarks"),
    "sign_off": ("zatwierdzić wynik", "sign off the result"),
    "reopen": ("ponownie otworzyć wynik", "reopen the result"),
    "remove_offer": ("usunięcie zarejestrowanej oferty", "removing a registered offer"),
    "remove_member": ("usunięcie członka komisji", "removing a committee member"),
    "withdraw_declaration": (
        "wycofanie oświadczenia o bezstronności",
        "withdrawing an impartiality declaration",
    ),
    # what needs a recorded reason (``require_reason``)
    "reopen_signed_off": (
        "ponowne otwarcie zatwierdzonego wyniku",
        "reopening the signed-off result",
    ),
    "correction_request": ("wezwanie do uzupełnienia", "a correction request"),
    "late_admission": ("dopuszczenie oferty złożonej po terminie", "admitting a late offer"),
    "formal_override": ("zmiana wyniku oceny formalnej", "changing a formal check result"),
    "recusal": ("wyłączenie członka komisji", "a recusal"),
    "tie_decision": ("rozstrzygnięcie remisu", "a tie decision"),
    "discrepancy_resolution": ("rozstrzygnięcie rozbieżności", "a discrepancy resolution"),
    "award": ("kwota dotacji", "a grant amount"),
    "reopen_scoring": ("powrót do oceny merytorycznej", "going back to scoring"),
    "cancellation": ("unieważnienie konkursu", "cancelling the competition"),
}

HINTS: dict[str, tuple[str, str]] = {
    "call": (
        "Kryteria i treść ogłoszenia są zamrożone po ogłoszeniu konkursu.",
        "The criteria and the text of the call are frozen once the call is published.",
    ),
    "criteria": (
        "Kryteria i zasady oceny są zamrożone po ogłoszeniu konkursu (art. 13 uodpp).",
        "The criteria and scoring rules are frozen once the call is published (art. 13 of the "
        "Public Benefit Act).",
    ),
    "scores": (
        "Oceny wpisuje się na etapie oceny merytorycznej.",
        "Scores are entered during the substantive evaluation.",
    ),
    "remove_offer": (
        "Po rozpoczęciu oceny formalnej oferta zostaje w rejestrze; odrzuca się ją w ocenie "
        "formalnej.",
        "Once the formal check has started the offer stays registered; it is rejected in the "
        "formal check instead.",
    ),
    "remove_member": (
        "Po rozpoczęciu oceny merytorycznej skład komisji zostaje w protokole.",
        "Once scoring has started the committee stays as recorded in the protocol.",
    ),
    "withdraw_declaration": (
        "Ocena merytoryczna zaczyna się dopiero po podpisaniu oświadczeń przez wszystkich.",
        "Scoring starts only after everyone has signed the declaration.",
    ),
}

# What stops a competition from moving to its next step (``missing_for``), one code each.
GAPS: dict[str, tuple[str, str]] = {
    "case_reference": ("znak sprawy", "the case reference"),
    "announced_on": ("data ogłoszenia", "the date of the call"),
    "submission_deadline": ("termin składania ofert", "the submission deadline"),
    "criteria": ("co najmniej jedno kryterium oceny", "at least one criterion"),
    "deadline_too_short": (
        "termin składania ofert co najmniej {days:count} dni od ostatniej publikacji ogłoszenia "
        "({published:date}; art. 13 ust. 1 uodpp)",
        "a submission deadline at least {days:count} days after the last publication of the call "
        "({published:date}; art. 13(1) of the Public Benefit Act)",
    ),
    "tie_breaker_criterion": (
        "kryterium rozstrzygania remisów {criterion} nie istnieje",
        "the tie-breaker names an unknown criterion {criterion}",
    ),
    "budget": ("kwota środków do podziału", "the funds to allocate"),
    "deadline_not_passed": (
        "termin składania ofert jeszcze nie minął ({deadline:dt})",
        "the submission deadline has not passed yet ({deadline:dt})",
    ),
    "offers": (
        "co najmniej jedna oferta (bez ofert konkurs należy unieważnić)",
        "at least one offer (with none, the competition must be cancelled)",
    ),
    "formal_check_pending": (
        "nieukończona ocena formalna "
        "{count:plural:one=# oferty|few=# ofert|many=# ofert|other=# oferty}: {offers:list}",
        "the formal check is not finished for {count:plural:one=# offer|other=# offers}: "
        "{offers:list}",
    ),
    "admitted_offer": (
        "co najmniej jedna oferta dopuszczona (bez nich konkurs należy unieważnić)",
        "at least one admitted offer (with none, the competition must be cancelled)",
    ),
    "chair": ("przewodniczący komisji", "a chair of the committee"),
    "counted_members": ("członkowie komisji oceniający oferty", "members who score"),
    "declarations": (
        "oświadczenia o bezstronności: {members:list}",
        "impartiality declarations of: {members:list}",
    ),
    "scores": (
        "{member}: oceny ofert {offers:list}",
        "{member}: scores for {offers:list}",
    ),
    "justifications": (
        "{member}: {count:plural:one=# ocena|few=# oceny|many=# ocen|other=# oceny} "
        "bez uzasadnienia",
        "{member}: {count:plural:one=# score|other=# scores} without a justification",
    ),
    "results_step": (
        "konkurs musi być na etapie wyników (jest: {status:code:status.})",
        "the competition must be at the results step (it is: {status:code:status.})",
    ),
    "unresolved_tie": (
        "nierozstrzygnięty remis ofert {offers} (zapisz decyzję komisji o kolejności)",
        "an unresolved tie between {offers} (record the committee's order)",
    ),
    "close_scoring": (
        "zamknięcie oceny merytorycznej (przejście do etapu wyników)",
        "close scoring (next step: results)",
    ),
    "before_results": (
        "postępowanie nie doszło jeszcze do etapu wyników",
        "the procedure has not reached the results yet",
    ),
    "scores_more": (
        "{member}: oceny ofert {offers:list} … (i jeszcze: {more:count})",
        "{member}: scores for {offers:list} … (and {more:count} more)",
    ),
    "unresolved_discrepancy": (
        "nierozstrzygnięta rozbieżność ocen oferty {offer}",
        "an unresolved discrepancy for offer {offer}",
    ),
}

# Short names of the allocation methods, for sentences (the protocol states them in full).
ALLOCATION_METHODS: dict[str, tuple[str, str]] = {
    "none": ("bez podziału kwot", "no amounts"),
    "in_order_stop": (
        "w kolejności rankingu do pierwszej oferty, która się nie mieści",
        "in rank order up to the first offer that does not fit",
    ),
    "in_order_skip": (
        "w kolejności rankingu z pominięciem ofert, które się nie mieszczą",
        "in rank order, skipping offers that do not fit",
    ),
    "in_order_partial": (
        "w kolejności rankingu, reszta dla pierwszej oferty, która się nie mieści",
        "in rank order, the rest to the first offer that does not fit",
    ),
    "full_above_prorata_below": (
        "pełne kwoty powyżej progu, poniżej jednakowy procent",
        "full amounts above a score, a common percentage below it",
    ),
    "manual": ("kwoty ustalone przez komisję", "amounts decided by the committee"),
}

DISCREPANCY_METHODS: dict[str, tuple[str, str]] = {
    "consensus": ("uzgodnienie ocen", "consensus"),
    "third_evaluator": ("ocena trzeciego oceniającego", "a third evaluator"),
    "chair_decision": ("decyzja przewodniczącego komisji", "the chair's decision"),
}

TIE_BREAKERS: dict[str, tuple[str, str]] = {
    "criterion": ("więcej punktów w kryterium", "more points on a criterion"),
    "highest_weight": (
        "więcej punktów w kryterium o najwyższej wadze",
        "more points on the heaviest criterion",
    ),
    "lower": ("niższa wartość z oferty", "the lower offer value"),
    "higher": ("wyższa wartość z oferty", "the higher offer value"),
    "earlier_submission": ("wcześniejsze złożenie oferty", "the earlier submission"),
}

# Settings of a criterion or of the scoring rules that an input error may name.
OPTIONS: dict[str, tuple[str, str]] = {
    "cap": ("limit wartości", "value cap"),
    "min_score": ("próg kryterium", "criterion threshold"),
    "bands": ("przedziały", "bands"),
    "min_total": ("próg punktowy", "minimum total"),
    "discrepancy_points": ("próg rozbieżności ocen", "discrepancy threshold"),
    "budget": ("kwota do podziału", "funds to allocate"),
    "award_step": ("krok zaokrąglania kwot", "award rounding step"),
}

# What an "invalid value" error names (``error.invalid_value``: "{field}: {detail}").
FIELDS: dict[str, tuple[str, str]] = {
    "requested": ("kwota wnioskowana", "amount requested"),
    "offer_code": ("kod oferty", "offer code"),
    "received": ("data wpływu", "date received"),
    "correction": ("wezwanie do uzupełnienia", "correction request"),
    "role": ("funkcja w komisji", "role in the committee"),
    "name": ("imię i nazwisko", "name"),
    "rounding": ("zaokrąglenie", "rounding"),
    "title": ("tytuł", "title"),
    "full_above": ("próg pełnego finansowania", "full-funding threshold"),
    "allocation": ("podział środków", "allocation"),
    "consensus_scores": ("oceny uzgodnione", "consensus scores"),
    "applicant": ("nazwa oferenta", "applicant"),
    "winners": ("liczba wybieranych ofert", "number of offers to select"),
    "amount": ("kwota", "amount"),
    "criteria": ("kryteria", "criteria"),
    "award_step": ("krok zaokrąglania kwot", "award rounding step"),
    "budget": ("budżet", "budget"),
    "order": ("kolejność", "order"),
    "budget_year": ("budżet na rok {year}", "budget for {year}"),
}

DETAILS: dict[str, tuple[str, str]] = {
    "required": ("pole wymagane", "required"),
    "negative_amount": ("kwota ujemna", "a negative amount"),
    "no_time_zone": ("brak strefy czasowej", "no time zone"),
    "has_chair": ("komisja ma już przewodniczącego", "the committee already has a chair"),
    "not_a_number": ("wartość nie jest liczbą", "the value is not a number"),
    "text_not_a_number": ("„{value}” nie jest liczbą", "“{value}” is not a number"),
    "year_repeated": ("rok powtórzony", "a year given twice"),
    "places": ("od 0 do 4 miejsc po przecinku", "0 to 4 decimal places"),
    "above_zero": ("wartość musi być większa od zera", "the value must be above zero"),
    "at_least_one": ("co najmniej 1", "at least 1"),
    "two_offers": ("co najmniej dwie różne oferty", "at least two different offers"),
}

# Exact texts that call sites still pass instead of codes -> the code ("app.words.legacy").
ALIASES: dict[str, str] = {
    "pozycja listy": "entity.checklist_item",
    "wezwanie": "entity.correction",
    "rola": "field.role",
    "wezwanie / correction": "field.correction",
    "wymagane": "detail.required",
    "wymagany": "detail.required",
    "od 0 do 4 miejsc": "detail.places",
    "> 0": "detail.above_zero",
    "≥ 1": "detail.at_least_one",
    "liczba zwycięzców": "field.winners",
    "krok kwot": "field.award_step",
}
