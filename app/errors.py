"""Errors a user can act on: a stable code, parameters, and words in Polish and English.

The service layer raises ``UserError``; the command line prints ``error.text(lang)`` to stderr
and the GUI shows it in a message box.  Anything else that escapes is a bug and goes to the
crash dialog with the log path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from app.words import register
from app.words.catalogue import render_safe
from app.words.errors import USER_ERRORS
from app.words.legacy import legacy_params

# code -> (Polish, English); parameters in {braces}.  The catalogue's "error" section: the
# words are in ``app.words.errors``; codes added here are words too.
MESSAGES: dict[str, tuple[str, str]] = {
    **USER_ERRORS,
    # -- end of the desktop shell block ---------------------------------------------------------
    # -- services: codes added by the split --
    # Words passed as parameters (``base.Term``): statuses, areas, actions, hints, roles, …
    "status_draft": ("projekt", "draft"),
    "status_announced": ("ogłoszony", "announced"),
    "status_submissions_closed": ("nabór zamknięty", "submissions closed"),
    "status_formal_check": ("ocena formalna", "formal check"),
    "status_scoring": ("ocena merytoryczna", "scoring"),
    "status_results": ("wyniki", "results"),
    "status_signed_off": ("zatwierdzony", "signed off"),
    "status_archived": ("zarchiwizowany", "archived"),
    "status_cancelled": ("unieważniony", "cancelled"),
    "area_call": ("zmiana ogłoszenia", "changing the call"),
    "area_call_dates": ("zmiana terminów i miejsc posiedzeń", "changing meeting dates"),
    "area_criteria": ("zmiana kryteriów i zasad oceny", "changing criteria and scoring rules"),
    "area_offers": ("rejestracja ofert", "registering offers"),
    "area_formal_check": ("ocena formalna", "the formal check"),
    "area_committee": ("zmiana składu komisji", "changing the committee"),
    "area_scores": ("wpisywanie ocen", "entering scores"),
    "area_decisions": ("rozstrzygnięcia komisji", "committee decisions"),
    "area_remarks": ("uwagi", "remarks"),
    "hint_call": (
        "Kryteria i treść ogłoszenia są zamrożone po ogłoszeniu konkursu.",
        "The criteria and the text of the call are frozen once the call is announced.",
    ),
    "hint_criteria": (
        "Kryteria i zasady oceny są zamrożone po ogłoszeniu konkursu (art. 13 uodpp).",
        "The criteria and scoring rules are frozen once the call is announced (art. 13 of the "
        "Public Benefit Act).",
    ),
    "hint_scores": (
        "Oceny wpisuje się na etapie oceny merytorycznej.",
        "Scores are entered during scoring.",
    ),
    "action_remove_offer": ("usunięcie zarejestrowanej oferty", "removing a registered offer"),
    "hint_remove_offer": (
        "Po rozpoczęciu oceny formalnej oferta zostaje w rejestrze; odrzuca się ją w ocenie "
        "formalnej.",
        "Once the formal check has started the offer stays registered; reject it in the formal "
        "check instead.",
    ),
    "action_remove_member": ("usunięcie członka komisji", "removing a committee member"),
    "hint_remove_member": (
        "Po rozpoczęciu oceny merytorycznej skład komisji zostaje w protokole.",
        "Once scoring has started the committee stays as it is in the protocol.",
    ),
    "action_withdraw_declaration": (
        "wycofanie oświadczenia o bezstronności",
        "withdrawing an impartiality declaration",
    ),
    "hint_withdraw_declaration": (
        "Ocena merytoryczna zaczyna się dopiero po podpisaniu oświadczeń przez wszystkich.",
        "Scoring starts only after everyone has signed the declaration.",
    ),
    "action_recusal": ("wyłączenie członka komisji z oceny oferty", "a recusal"),
    "action_tie_decision": ("rozstrzygnięcie remisu", "a tie decision"),
    "action_discrepancy_resolution": (
        "rozstrzygnięcie rozbieżności ocen",
        "a discrepancy resolution",
    ),
    "action_award": ("kwota dotacji ustalona przez komisję", "an amount set by the committee"),
    "action_correction_request": ("wezwanie do uzupełnienia", "a correction request"),
    "action_late_admission": (
        "dopuszczenie oferty złożonej po terminie",
        "admitting a late offer",
    ),
    "action_formal_override": ("zmiana wyniku oceny formalnej", "changing a formal check outcome"),
    "action_reopen_scoring": ("powrót do oceny merytorycznej", "returning to scoring"),
    "action_cancellation": ("unieważnienie konkursu", "cancelling the competition"),
    "action_reopen_signed_off": (
        "ponowne otwarcie zatwierdzonego wyniku",
        "reopening a signed-off result",
    ),
    "action_sign_off": ("zatwierdzić wynik", "sign off the result"),
    "action_reopen_result": ("ponownie otworzyć wynik", "reopen the result"),
    "role_chair": ("przewodnictwo komisji", "the chair"),
    "role_secretary": ("sekretarz komisji", "the secretary"),
    "role_member": ("członek komisji", "a member"),
    "role_expert": ("ekspert z głosem doradczym", "an advisory expert"),
    "role_none": ("brak — spoza składu komisji", "not on the committee"),
    "formal_pending": ("w toku", "pending"),
    "formal_correction_requested": ("wezwano do uzupełnienia", "correction requested"),
    "formal_admitted": ("dopuszczona", "admitted"),
    "formal_rejected": ("odrzucona", "rejected"),
    "what_competition": ("konkurs", "competition"),
    "what_offer": ("oferta", "offer"),
    "what_member": ("członek komisji", "committee member"),
    "what_criterion": ("kryterium", "criterion"),
    "what_attachment": ("załącznik", "attachment"),
    "what_checklist_item": ("pozycja listy sprawdzającej", "checklist item"),
    "what_correction": ("wezwanie do uzupełnienia dla oferty", "correction request for offer"),
    "what_protocol_version": ("wersja protokołu", "protocol version"),
    "ref_attachments": ("załączniki", "attachments"),
    "ref_formal_check": ("ocena formalna", "a formal check"),
    "ref_recusals": ("wyłączenia członków komisji", "recusals"),
    "ref_decisions": ("rozstrzygnięcia komisji", "decisions"),
    "ref_scores": ("oceny", "scores"),
    "ref_declaration": ("oświadczenie o bezstronności", "an impartiality declaration"),
    "ref_score_sheet": ("wydany arkusz ocen", "an issued score sheet"),
    "ref_attendance": ("obecność na posiedzeniu", "meeting attendance"),
    # Errors of the use cases
    "value_not_a_number": (
        "{field}: „{value}” nie jest liczbą.",
        "{field}: '{value}' is not a number.",
    ),
    "call_title_required": ("Podaj tytuł konkursu.", "Give the competition's title."),
    "budget_year_repeated": (
        "Budżet: każdy rok można podać tylko raz.",
        "Budget: each year can be given only once.",
    ),
    "budget_negative": (
        "Budżet na rok {year}: kwota nie może być ujemna.",
        "Budget for {year}: the amount cannot be negative.",
    ),
    "criteria_invalid": (
        "Karta oceny jest niepoprawna:\n{problems}",
        "The scoring card is not valid:\n{problems}",
    ),
    "criterion_no_code": ("kryterium bez kodu", "a criterion without a code"),
    "criterion_duplicate_code": ("{criterion}: kod powtórzony", "{criterion}: duplicate code"),
    "criterion_no_name": ("{criterion}: brak nazwy", "{criterion}: no name"),
    "criterion_scale_max": (
        "{criterion}: skala musi mieć maksimum większe od 0",
        "{criterion}: scale max must be > 0",
    ),
    "criterion_scale_step": (
        "{criterion}: krok skali musi być większy od 0",
        "{criterion}: scale step must be > 0",
    ),
    "criterion_max_off_step": (
        "{criterion}: maksimum {max} nie jest wielokrotnością kroku {step}",
        "{criterion}: the max {max} is not a multiple of the step {step}",
    ),
    "criterion_threshold_off_scale": (
        "{criterion}: próg poza skalą",
        "{criterion}: threshold off the scale",
    ),
    "criterion_formula_field": (
        "{criterion}: wzór wymaga pola oferty",
        "{criterion}: a formula needs an offer field",
    ),
    "criterion_no_bands": ("{criterion}: brak przedziałów", "{criterion}: no bands"),
    "criterion_weight_positive": (
        "{criterion}: waga musi być większa od 0",
        "{criterion}: weight must be > 0",
    ),
    "criterion_weight_negative": (
        "{criterion}: waga nie może być ujemna",
        "{criterion}: weight cannot be negative",
    ),
    "policy_rounding_places": (
        "Zaokrąglenie: od 0 do {max} miejsc po przecinku.",
        "Rounding: from 0 to {max} decimal places.",
    ),
    "policy_award_step": (
        "Krok kwot dotacji musi być większy od 0.",
        "The award step must be greater than 0.",
    ),
    "policy_winners": (
        "Liczba zwycięzców musi wynosić co najmniej 1.",
        "The number of winners must be at least 1.",
    ),
    "policy_full_above_required": (
        "Podaj próg pełnego finansowania (wymagany przy tej metodzie podziału środków).",
        "Give the full-funding threshold (this allocation method needs it).",
    ),
    "applicant_name_required": ("Podaj nazwę oferenta.", "Give the applicant's name."),
    "requested_negative": (
        "Kwota wnioskowana nie może być ujemna.",
        "The amount requested cannot be negative.",
    ),
    "received_without_zone": (
        "Data wpływu oferty musi mieć strefę czasową.",
        "The time an offer was received needs a time zone.",
    ),
    "offer_code_taken": (
        "Kod oferty {code} jest już zajęty; każda oferta musi mieć własny kod.",
        "The offer code {code} is taken; every offer needs its own code.",
    ),
    "offer_referred": (
        "Oferty {id} nie można usunąć, ma już: {referred}.",
        "The offer {id} cannot be removed, it has: {referred}.",
    ),
    "member_name_required": (
        "Podaj imię i nazwisko członka komisji.",
        "Give the committee member's name.",
    ),
    "member_code_taken": (
        "Kod członka komisji {code} jest już zajęty.",
        "The member code {code} is taken.",
    ),
    "committee_has_chair": (
        "Komisja ma już przewodniczącego lub przewodniczącą; najpierw zmień funkcję obecnej osoby.",
        "The committee already has a chair; change the present chair's role first.",
    ),
    "member_not_last": (
        "Członka komisji {member} nie można usunąć: usunąć można tylko ostatnio dodaną osobę.",
        "The member {member} cannot be removed: only the member added last can be removed.",
    ),
    "member_referred": (
        "Członka komisji {id} nie można usunąć, są już: {referred}.",
        "The member {id} cannot be removed, there are: {referred}.",
    ),
    "correction_only_once": (
        "Oferta {offer}: dopuszczalne jest jedno wezwanie do uzupełnienia na ofertę.",
        "Offer {offer}: one correction request per offer is allowed.",
    ),
    "correction_already_received": (
        "Oferta {offer}: uzupełnienie zostało już przyjęte, wezwania nie można wycofać.",
        "Offer {offer}: the correction was already received; the request cannot be withdrawn.",
    ),
    "formal_outcome_inconsistent": (
        "Ocena formalna oferty {offer}: wynik „{outcome}” nie wynika z odpowiedzi.",
        "Formal check of offer {offer}: the outcome '{outcome}' does not follow from the answers.",
    ),
    "tie_order_too_short": (
        "Kolejność remisu musi obejmować co najmniej dwie różne oferty.",
        "A tie order needs at least two different offers.",
    ),
    "consensus_scores_required": (
        "Oferta {offer}: podaj oceny uzgodnione przez komisję.",
        "Offer {offer}: give the scores the committee agreed on.",
    ),
    "award_negative": ("Kwota dotacji nie może być ujemna.", "The amount cannot be negative."),
    "award_over_request": (
        "Oferta {offer}: kwota {amount} przekracza kwotę wnioskowaną {requested}.",
        "Offer {offer}: the amount {amount} exceeds the amount requested {requested}.",
    ),
    "award_not_manual": (
        "Kwoty ustalane ręcznie są możliwe tylko przy metodzie podziału „ręcznie”.",
        "Amounts set by hand need the allocation method 'manual'.",
    ),
    "award_over_budget": (
        "Oferta {offer}: suma przyznanych kwot {total} przekroczyłaby budżet {budget}.",
        "Offer {offer}: the total awarded {total} would exceed the budget {budget}.",
    ),
    "transition_from_final": (
        "Konkurs ma status „{current}”: to ostatni etap postępowania.",
        "The competition is {current}: this is the last step of the procedure.",
    ),
    # What a stage needs before it starts (``workflow.CHECKS``) and what stops the results
    "gap_case_reference": ("znak sprawy", "case reference"),
    "gap_announced_on": ("data ogłoszenia", "announcement date"),
    "gap_submission_deadline": ("termin składania ofert", "submission deadline"),
    "gap_criteria": ("co najmniej jedno kryterium oceny", "at least one criterion"),
    "gap_deadline_too_early": (
        "termin składania ofert co najmniej {days} dni od ostatniej publikacji ogłoszenia "
        "({published}; art. 13 ust. 1 uodpp)",
        "a deadline at least {days} days after the last publication of the call ({published}; "
        "art. 13(1) of the Public Benefit Act)",
    ),
    "gap_tie_breaker_unknown": (
        "kryterium rozstrzygania remisów {criterion} nie istnieje",
        "the tie-breaker names an unknown criterion {criterion}",
    ),
    "gap_budget": ("kwota środków do podziału", "the budget to allocate"),
    "gap_deadline_not_passed": (
        "termin składania ofert jeszcze nie minął ({deadline})",
        "the submission deadline has not passed ({deadline})",
    ),
    "gap_offers": (
        "co najmniej jedna oferta (bez ofert konkurs należy unieważnić)",
        "at least one offer (with none, cancel the competition)",
    ),
    "gap_formal_check_pending": (
        "nieukończona ocena formalna ofert (liczba: {count}): {offers}",
        "formal check not finished (offers: {count}): {offers}",
    ),
    "gap_admitted_offer": (
        "co najmniej jedna oferta dopuszczona (bez nich konkurs należy unieważnić)",
        "at least one admitted offer (with none, cancel the competition)",
    ),
    "gap_chair": ("przewodnictwo komisji (osoba przewodnicząca)", "a chair of the committee"),
    "gap_scoring_members": ("członkowie komisji oceniający oferty", "members who score"),
    "gap_declarations": (
        "oświadczenia o bezstronności: {members}",
        "impartiality declarations of: {members}",
    ),
    "gap_scores": ("{member}: oceny ofert {offers}", "{member}: scores for {offers}"),
    "gap_scores_more": (
        "{member}: oceny ofert {offers} … (i dalsze, liczba: {more})",
        "{member}: scores for {offers} … (and {more} more)",
    ),
    "gap_justifications": (
        "{member}: oceny bez uzasadnienia (liczba: {count})",
        "{member}: scores without justification ({count})",
    ),
    "gap_not_at_results": (
        "konkurs musi być na etapie wyników (jest: {status})",
        "the competition must be at the results step (it is {status})",
    ),
    "gap_unresolved_tie": (
        "nierozstrzygnięty remis ofert {offers} (zapisz decyzję komisji o kolejności)",
        "an unresolved tie between {offers} (record the committee's order)",
    ),
    "gap_unresolved_discrepancy": (
        "nierozstrzygnięta rozbieżność ocen oferty {offer}",
        "an unresolved discrepancy for offer {offer}",
    ),
    "gap_close_scoring": (
        "zamknięcie oceny merytorycznej (przejście do etapu wyników)",
        "close scoring (next step: results)",
    ),
    "gap_before_results": (
        "postępowanie nie doszło jeszcze do etapu wyników",
        "the procedure has not reached the results yet",
    ),
    # The protocol: decisions as the protocol names them, a PDF checked against the database
    "method_consensus": ("ocena uzgodniona", "agreed consensus score"),
    "method_third_evaluator": ("ocena trzeciego oceniającego", "third evaluator"),
    "method_chair_decision": (
        "decyzja przewodniczącego lub przewodniczącej komisji",
        "chair's decision",
    ),
    "sign_reason": (
        "Zatwierdzenie protokołu komisji konkursowej",
        "Approval of the evaluation committee's protocol",
    ),
    "verify_altered": (
        "Ten PDF podaje się za protokół Komisji, ale NIE jest identyczny z żadną zapisaną "
        "wersją: został zmieniony, ponownie zapisany lub wygenerowany gdzie indziej.",
        "This PDF claims to be a Komisja protocol but is NOT identical to any stored version: "
        "it was changed, re-saved or generated elsewhere.",
    ),
    "verify_not_stored": (
        "Ten plik nie jest protokołem zapisanym w tej bazie danych.",
        "This file is not a protocol stored in this database.",
    ),
    "verify_stored_matches": (
        "Zapisany protokół konkursu „{title}” ({reference}), wersja {version} zatwierdzona "
        "przez: {signer} ({state}{copy}). Dane nadal są z nim zgodne.",
        "Stored protocol of “{title}” ({reference}), version {version} signed off by {signer} "
        "({state}{copy}). The data still match it.",
    ),
    "verify_stored_changed": (
        "Zapisany protokół konkursu „{title}” ({reference}), wersja {version} zatwierdzona "
        "przez: {signer} ({state}{copy}). Dane ZMIENIŁY SIĘ od tego czasu (odcisk danych jest "
        "inny).",
        "Stored protocol of “{title}” ({reference}), version {version} signed off by {signer} "
        "({state}{copy}). The data have CHANGED since (the fingerprint differs).",
    ),
    "verify_current": ("wersja obowiązująca", "the current version"),
    "verify_superseded": ("zastąpiona wersją {latest}", "superseded by version {latest}"),
    "verify_signed_copy": (
        "; ta kopia ma dołączony podpis elektroniczny",
        "; this copy carries a digital signature added after sign-off",
    ),
    # Integrity check of the database (``maintenance.verify``) and rows of an offer import
    "verify_chain_ok": (
        "Dziennik zdarzeń: liczba wpisów {entries}, łańcuch nienaruszony.",
        "Audit trail: {entries} entries, chain intact.",
    ),
    "verify_chain_broken": (
        "Dziennik zdarzeń NARUSZONY od wpisu nr {entry}: {problem}.",
        "Audit trail BROKEN at entry #{entry}: {problem}.",
    ),
    "chain_modified": ("wpis zmieniony po zapisaniu", "entry was modified after it was written"),
    "chain_deleted": ("brak wpisu (usunięty)", "entry is missing (deleted)"),
    "chain_reordered": ("wpisy przestawione lub podmienione", "entries were reordered or replaced"),
    "chain_head_mismatch": (
        "brak końcowych wpisów dziennika (usunięte) lub zmieniony znacznik łańcucha",
        "the last entries are missing (deleted) or the chain head was changed",
    ),
    "verify_integrity_ok": ("Spójność bazy danych: w porządku.", "Database integrity: ok."),
    "verify_integrity_problem": (
        "Spójność bazy danych: {detail}",
        "Database integrity: {detail}",
    ),
    "import_row": ("wiersz {line} pliku", "row {line} of the file"),
    # Criterion kinds (``komisja show``)
    "kind_scored": ("oceniane przez komisję", "scored"),
    "kind_lower_better": ("wzór: niżej = lepiej", "formula: lower is better"),
    "kind_higher_better": ("wzór: wyżej = lepiej", "formula: higher is better"),
    "kind_banded": ("przedziały punktowe", "banded"),
    "kind_yes_no": ("tak/nie", "yes/no"),
    # Exchange files: what is wrong, and where (``$.offers[3].requested_amount``)
    "xchg_at": ("{where}: {detail}", "{where}: {detail}"),
    "xchg_too_large": (
        "plik jest za duży (bajtów: {size}, najwyżej {limit})",
        "the file is too large ({size} bytes, at most {limit})",
    ),
    "xchg_not_utf8": (
        "to nie jest tekst UTF-8 (bajt nr {byte}) — czy to plik Komisji?",
        "not UTF-8 text (byte {byte}) — is this a Komisja file?",
    ),
    "xchg_not_json": (
        "niepoprawny JSON (wiersz {line}, kolumna {column}); plik może być obcięty lub uszkodzony",
        "not valid JSON (line {line}, column {column}); the file may be truncated or damaged",
    ),
    "xchg_not_komisja": (
        "to nie jest dokument wymiany Komisji (brak pola format lub inna wartość)",
        "not a Komisja exchange document (format field missing or different)",
    ),
    "xchg_type": ("oczekiwano typu {expected}, jest {found}", "expected {expected}, found {found}"),
    "xchg_enum": (
        "wartość {value} nie jest jedną z: {allowed}",
        "{value} is not one of: {allowed}",
    ),
    "xchg_format": ("wartość {value} ma zły format", "{value} has the wrong format"),
    "xchg_minimum": (
        "wartość {value} jest mniejsza niż {minimum}",
        "{value} is below {minimum}",
    ),
    "xchg_missing_key": ("brak pola {key}", "missing {key}"),
    "xchg_unknown_key": ("nieznane pole {key}", "unknown key {key}"),
    "xchg_duplicate": ("wartość {value} powtarza się", "duplicate {value}"),
    "xchg_not_base64": ("treść nie jest zakodowana w base64", "the content is not base64"),
    "xchg_sha256": (
        "treść nie zgadza się z sumą kontrolną sha256",
        "the content does not match its sha256",
    ),
    "xchg_unknown": ("nieznany kod {value}", "unknown code {value}"),
    "xchg_two_chairs": (
        "więcej niż jedna osoba przewodnicząca komisji",
        "more than one chair",
    ),
    "xchg_recused": (
        "członek komisji {member}: wyłączenie z oceny oferty {offer}",
        "member {member} is recused from {offer}",
    ),
    "xchg_off_scale": (
        "ocena {value} jest poza skalą 0–{max} z krokiem {step}",
        "{value} is off the scale 0–{max} step {step}",
    ),
    # -- end of the services block --
    # -- tasks: codes --
    "what_task": ("zadanie", "task"),
    "ref_assignments": ("przydział do oceny ofert", "assignments to evaluate offers"),
    "task_code_required": ("Podaj oznaczenie zadania.", "Enter the task's code."),
    "task_name_required": ("Podaj nazwę zadania {task}.", "Enter the name of task {task}."),
    "task_budget_required": (
        "Podaj kwotę środków na zadanie {task}.",
        "Enter the funds available for task {task}.",
    ),
    "task_budget_not_positive": (
        "Kwota środków na zadanie {task} musi być większa od zera (podano {budget}).",
        "The funds for task {task} must be more than zero (given: {budget}).",
    ),
    "task_code_taken": (
        "Zadanie o oznaczeniu {task} już istnieje; wybierz inne oznaczenie.",
        "A task coded {task} already exists; choose another code.",
    ),
    "task_has_offers": (
        "Do zadania {task} złożono oferty; najpierw przypisz je do innego zadania.",
        "Offers were submitted to task {task}; move them to another task first.",
    ),
    "offer_task_required": (
        "Ogłoszenie obejmuje kilka zadań: wskaż zadanie, którego dotyczy oferta.",
        "The call has several tasks: choose the task the offer is submitted to.",
    ),
    "assignment_recused": (
        "Członek komisji {member} jest wyłączony z oceny oferty {offer} i nie może jej oceniać.",
        "Committee member {member} is recused from offer {offer} and cannot evaluate it.",
    ),
    "member_not_assigned": (
        "Członek komisji {member} nie jest przydzielony do oceny oferty {offer}.",
        "Committee member {member} is not assigned to evaluate offer {offer}.",
    ),
    "proposed_negative": (
        "Proponowana kwota dla oferty {offer} nie może być ujemna (podano {amount}).",
        "The proposed amount for offer {offer} cannot be negative (given: {amount}).",
    ),
    "proposed_above_request": (
        "Proponowana kwota dla oferty {offer} ({amount}) przekracza kwotę wnioskowaną "
        "({requested}).",
        "The proposed amount for offer {offer} ({amount}) exceeds the amount requested "
        "({requested}).",
    ),
    # -- end of the tasks block --
}


class CancelledError(Exception):
    """The user stopped long work (Cancel); it ends before anything is written or committed."""


# How long work reports how far it got: progress(done, total, text) returns False once the
# user asked to stop, and the work then raises ``CancelledError`` at its next step.
Progress = Callable[[int, int, str], bool]


@dataclass
class UserError(Exception):
    """An error with a message the user can act on; the data are left as they were."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    details: tuple[str, ...] = ()  # further lines (e.g. every problem of an import)

    def __post_init__(self) -> None:
        super().__init__(self.code)

    def text(self, lang: str = "pl") -> str:
        """The message in ``lang``: the catalogue's ``error.<code>`` with the parameters put
        into words (a ``Words`` parameter in the same language)."""
        params = legacy_params(self.params, lang)
        head = render_safe(f"error.{self.code}", {"code": self.code, **params}, lang)
        if self.details:
            return head + "\n" + "\n".join(f"• {line}" for line in self.details)
        return head

    def __str__(self) -> str:
        return self.text("en")


def missing(items: Iterable[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


register("error", MESSAGES)
