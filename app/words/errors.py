"""Words of the errors a user can act on (``app.errors.UserError`` codes).

``app.errors.MESSAGES`` is this table plus any codes added there, and is the catalogue's
``error`` section.
"""

from __future__ import annotations

USER_ERRORS: dict[str, tuple[str, str]] = {
    # -- protocol: digital signature (app/protocol/sign.py) --
    "signing_certificate_unreadable": (
        "Nie można otworzyć certyfikatu {path}: błędne hasło albo plik nie jest certyfikatem "
        "PKCS#12 (.p12/.pfx). Sprawdź hasło (zmienna KOMISJA_P12_PASSWORD) i wskaż plik "
        "certyfikatu z kluczem prywatnym. Nic nie zostało podpisane.",
        "The certificate {path} cannot be opened: the password is wrong or the file is not a "
        "PKCS#12 certificate (.p12/.pfx). Check the password (KOMISJA_P12_PASSWORD) and choose "
        "a certificate file that holds the private key. Nothing was signed.",
    ),
    "signing_certificate_incomplete": (
        "Plik {path} nie zawiera klucza prywatnego i certyfikatu potrzebnych do podpisu. "
        "Wyeksportuj certyfikat razem z kluczem prywatnym (PKCS#12). Nic nie zostało podpisane.",
        "The file {path} does not hold both the private key and the certificate needed to sign. "
        "Export the certificate together with its private key (PKCS#12). Nothing was signed.",
    ),
    "signing_pdf_unreadable": (
        "Nie można podpisać pliku {path}: to nie jest poprawny plik PDF. Wskaż protokół PDF "
        "wyeksportowany z programu. Nic nie zostało podpisane.",
        "The file {path} cannot be signed: it is not a valid PDF. Choose a protocol PDF exported "
        "from the program. Nothing was signed.",
    ),
    "signing_token_unavailable": (
        "Nie można otworzyć karty lub tokenu „{token}” (biblioteka PKCS#11 {module}). Sprawdź, "
        "czy karta jest w czytniku i czy wskazano właściwą bibliotekę. Nic nie zostało "
        "podpisane.",
        "The card or token “{token}” cannot be opened (PKCS#11 library {module}). Check that "
        "the card is in the reader and that the right library is chosen. Nothing was signed.",
    ),
    "signing_token_pin": (
        "Karta lub token „{token}” nie przyjął kodu PIN. Wpisz właściwy PIN (po kilku błędnych "
        "próbach karta się blokuje). Nic nie zostało podpisane.",
        "The card or token “{token}” refused the PIN. Enter the right PIN (a card locks after "
        "a few wrong tries). Nothing was signed.",
    ),
    "signing_token_locked": (
        "Karta lub token „{token}” jest zablokowany po błędnych kodach PIN. Odblokuj go kodem "
        "PUK u wystawcy karty. Nic nie zostało podpisane.",
        "The card or token “{token}” is locked after wrong PINs. Unlock it with the PUK from "
        "the card's issuer. Nothing was signed.",
    ),
    "signing_token_key_missing": (
        "Na karcie lub tokenie „{token}” nie ma jednego klucza i certyfikatu o etykiecie "
        "„{key}”. Wskaż etykietę klucza do podpisu. Nic nie zostało podpisane.",
        "The card or token “{token}” does not hold exactly one key and certificate labelled "
        "“{key}”. Choose the label of the signing key. Nothing was signed.",
    ),
    # -- end of protocol signature messages --
    "db_locked": (
        "Baza danych jest zajęta przez inny program lub innego użytkownika ({detail}). "
        "Poczekaj chwilę i spróbuj ponownie; nic nie zostało zapisane.",
        "The database is locked by another program or user ({detail}). "
        "Wait a moment and try again; nothing was saved.",
    ),
    "disk_full": (
        "Brak miejsca na dysku lub błąd zapisu ({detail}). Zwolnij miejsce i spróbuj ponownie; "
        "nic nie zostało zapisane.",
        "The disk is full or could not be written ({detail}). Free some space and try again; "
        "nothing was saved.",
    ),
    "db_corrupt": (
        "Plik bazy danych jest uszkodzony lub nie jest bazą Komisji ({detail}). "
        "Odtwórz go z kopii zapasowej (komisja backup).",
        "The database file is damaged or is not a Komisja database ({detail}). "
        "Restore it from a backup (komisja backup).",
    ),
    "db_newer": (
        "Baza danych pochodzi z nowszej wersji programu Komisja (schemat {revision}). "
        "Zainstaluj aktualną wersję programu; ta wersja nie zmieni tej bazy.",
        "The database comes from a newer version of Komisja (schema {revision}). "
        "Install the current version; this version will not modify it.",
    ),
    "db_unreachable": (
        "Nie można otworzyć bazy danych {url}: {detail}",
        "Cannot open the database {url}: {detail}",
    ),
    "concurrent_change": (
        "W międzyczasie ktoś inny zmienił dane. Odśwież widok i powtórz operację; "
        "Twoja zmiana nie została zapisana.",
        "Someone else changed the data in the meantime. Refresh and repeat the operation; "
        "your change was not saved.",
    ),
    "not_found": ("Nie znaleziono: {what} {id}.", "Not found: {what} {id}."),
    "usage": ("Użycie: {usage}", "Usage: {usage}"),
    "not_an_id": (
        "„{value}” nie jest identyfikatorem konkursu (liczbą).",
        "“{value}” is not a competition id (a number).",
    ),
    "invalid_value": ("{field}: {detail}", "{field}: {detail}"),
    "status_forbids": (
        "Konkurs ma status „{status}”. Czynność niedostępna na tym etapie: {action}. {hint}",
        "The competition's status is “{status}”: {action} is no longer possible. {hint}",
    ),
    "transition_not_allowed": (
        "Nie można przejść ze statusu „{current}” do „{target}”.",
        "Cannot move from the status “{current}” to “{target}”.",
    ),
    "no_next_status": (
        "Konkurs ma status „{status:code:status.}”: to ostatni etap postępowania.",
        "The competition's status is “{status:code:status.}”: there is no further step.",
    ),
    "advance_needs_signoff": (
        "Wyniki są gotowe: następnym krokiem jest zatwierdzenie wyniku przez przewodniczącego "
        "komisji (komisja signoff).",
        "The results are ready: the next step is the chair's sign-off (komisja signoff).",
    ),
    "preconditions_missing": (
        "Nie można przejść do etapu „{target}”. Brakuje:\n{missing:lines}",
        "Cannot move to the step “{target}”. Missing:\n{missing:lines}",
    ),
    "only_chair": (
        "Tylko przewodniczący komisji tego konkursu może {action} "
        "({member} — funkcja: {role:code:role.}).",
        "Only the chair of this competition's committee may {action} "
        "({member} — role: {role:code:role.}).",
    ),
    "chair_member_required": (
        "Podaj kod przewodniczącego komisji (opcja --member), aby {action}.",
        "Give the chair's member code (--member) to {action}.",
    ),
    "member_recused": (
        "Wyłączenie z oceny oferty {offer} (konflikt interesów): {member} nie może jej oceniać.",
        "{member} is recused from offer {offer} (conflict of interest) and cannot score it.",
    ),
    "offer_not_admitted": (
        "Oferta {offer} nie została dopuszczona do oceny merytorycznej.",
        "Offer {offer} was not admitted to substantive scoring.",
    ),
    "score_off_scale": (
        "Ocena {value} za kryterium {criterion} jest poza skalą 0–{max}.",
        "Score {value} for criterion {criterion} is off the scale 0–{max}.",
    ),
    "score_off_step": (
        "Ocena {value} za kryterium {criterion} nie jest wielokrotnością kroku {step}.",
        "Score {value} for criterion {criterion} is not a multiple of the step {step}.",
    ),
    "criterion_not_scored": (
        "Kryterium {criterion} nie jest oceniane przez członków komisji (liczone ze wzoru).",
        "Criterion {criterion} is not scored by members (it is computed from a formula).",
    ),
    "justification_required": (
        "Brak uzasadnienia oceny: oferta {offer}, kryterium {criterion}. "
        "Ten konkurs wymaga uzasadnienia każdej oceny.",
        "Missing justification: offer {offer}, criterion {criterion}. "
        "This competition requires a justification for every score.",
    ),
    "reason_required": (
        "Podaj uzasadnienie: {action} wymaga zapisanego powodu.",
        "Give a reason: {action} needs a recorded reason.",
    ),
    "id_not_digits": (
        "{kind} „{value}”: numer może zawierać tylko cyfry (znaleziono „{char}”). "
        "Przepisz numer z oferty bez liter i innych znaków.",
        "{kind} '{value}': only digits are allowed (found '{char}'). "
        "Copy the number from the offer without letters or other characters.",
    ),
    "id_length": (
        "{kind} „{value}”: numer ma mieć {expected} cyfr, a ma {found}. Sprawdź, czy nie "
        "pominięto lub nie dopisano cyfry.",
        "{kind} '{value}': the number must have {expected} digits, it has {found}. Check for a "
        "missing or extra digit.",
    ),
    "id_check_digit": (
        "{kind} „{value}”: błędna cyfra kontrolna — cyfra nr {position} to {found}, a dla "
        "pozostałych cyfr powinna być {expected}. Numer przepisano z błędem; sprawdź go w "
        "ofercie lub w rejestrze.",
        "{kind} '{value}': wrong check digit — digit {position} is {found}, the other digits "
        "require {expected}. The number was mistyped; check it against the offer or the "
        "register.",
    ),
    "nip_checksum_10": (
        "NIP „{value}”: taki numer nie może istnieć (suma kontrolna wynosi 10). Sprawdź numer "
        "w ofercie.",
        "NIP '{value}': no such number can exist (the checksum is 10). Check the offer.",
    ),
    "exchange_invalid": (
        "Plik wymiany jest niepoprawny ({where}): {detail}. Nic nie zostało zapisane.",
        "The exchange file is invalid ({where}): {detail}. Nothing was written.",
    ),
    "exchange_newer": (
        "Plik pochodzi z nowszej wersji programu (format {found}, obsługiwany {supported}). "
        "Zaktualizuj program Komisja. Nic nie zostało zapisane.",
        "The file comes from a newer version of Komisja (format {found}, supported "
        "{supported}). Update Komisja. Nothing was written.",
    ),
    "exchange_duplicate": (
        "Konkurs {uid} ({title}) jest już w bazie. Nic nie zostało zapisane.",
        "Competition {uid} ({title}) is already in the database. Nothing was written.",
    ),
    "import_refused": (
        "Pliku nie zaimportowano: {count:plural:one=znaleziono # problem|few=znaleziono # "
        "problemy|many=znaleziono # problemów|other=znaleziono # problemu}. Nic nie zostało "
        "zapisane. "
        "Popraw plik (lub poproś członka komisji o poprawienie) i zaimportuj go ponownie.",
        "The file was not imported: {count:plural:one=# problem|other=# problems} found. "
        "Nothing was written. Correct the file (or ask the committee member to) and import it "
        "again.",
    ),
    "file_unreadable": (
        "Nie można odczytać pliku {path}: {detail}",
        "Cannot read the file {path}: {detail}",
    ),
    "results_incomplete": (
        "Wyniki nie są kompletne. Brakuje:\n{missing:lines}",
        "The results are not complete. Missing:\n{missing:lines}",
    ),
    "scoring_input": (
        "Błąd danych do obliczenia wyników: {detail}",
        "Scoring input error: {detail}",
    ),
    "task_code_required": ("Podaj oznaczenie zadania.", "Enter the task's code."),
    "task_name_required": ("Podaj nazwę zadania {task}.", "Enter the name of task {task}."),
    "task_budget_required": (
        "Podaj kwotę środków na zadanie {task}.",
        "Enter the funds available for task {task}.",
    ),
    "task_budget_not_positive": (
        "Kwota środków na zadanie {task} musi być większa od zera (podano {budget:money}).",
        "The funds for task {task} must be more than zero (given: {budget:money}).",
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
        "Członek komisji {member} podlega wyłączeniu z oceny oferty {offer} i nie może jej "
        "oceniać.",
        "Committee member {member} is recused from offer {offer} and cannot evaluate it.",
    ),
    "member_not_assigned": (
        "Członek komisji {member} nie ma przydzielonej oferty {offer} do oceny.",
        "Committee member {member} is not assigned to evaluate offer {offer}.",
    ),
    "proposed_negative": (
        "Proponowana kwota dla oferty {offer} nie może być ujemna (podano {amount:money}).",
        "The proposed amount for offer {offer} cannot be negative (given: {amount:money}).",
    ),
    "proposed_above_request": (
        "Proponowana kwota dla oferty {offer} ({amount:money}) przekracza kwotę wnioskowaną "
        "({requested:money}).",
        "The proposed amount for offer {offer} ({amount:money}) exceeds the amount requested "
        "({requested:money}).",
    ),
    "results_by_task": (
        "Ogłoszenie obejmuje zadania ({count:count}); każde zadanie ma własny ranking i własną "
        "pulę środków. Wspólnego rankingu dla całego ogłoszenia nie pokazuje się, a wyników "
        "i protokołu z podziałem na zadania ta wersja programu jeszcze nie prezentuje.",
        "The call has tasks ({count:count}); each task has its own ranking and its own funds. "
        "One ranking for the whole call is not shown, and this version of the program does "
        "not yet present the results and the protocol task by task.",
    ),
    "scores_misread": (
        "Oceny oferty {offer} odczytane z bazy danych nie zgadzają się z ich liczbą. "
        "Sprawdź bazę danych (komisja verify); nic nie zostało obliczone.",
        "The scores of offer {offer} read from the database do not match their count. "
        "Check the database (komisja verify); nothing was computed.",
    ),
    "signed_off_locked": (
        "Wynik konkursu został zatwierdzony (protokół w wersji {version}). "
        "Aby go zmienić, otwórz konkurs ponownie z podaniem powodu — powstanie nowa wersja "
        "protokołu.",
        "The result was signed off (protocol version {version}). To change it, reopen the "
        "competition with a reason; a new protocol version will follow.",
    ),
    # -- offline scoring: evaluator packages (app/services/offline.py) --
    "package_unusable": (
        "Nie można otworzyć pakietu oceniającego {path}. Nic nie zostało zmienione.",
        "The evaluator package {path} cannot be opened. Nothing was changed.",
    ),
    "evaluator_incomplete": (
        "Nie można oznaczyć oceny jako zakończonej — brakuje ocen lub są błędne "
        "(pozycji: {count}). Uzupełnij je albo zapisz plik zwrotny jako niezakończony.",
        "The scoring cannot be marked finished: scores are missing or invalid ({count}). "
        "Complete them or save the return file as not finished.",
    ),
    "evaluator_entry_unknown": (
        "Oferta {offer}, kryterium {criterion} nie należy do tego pakietu oceniającego.",
        "Offer {offer}, criterion {criterion} is not part of this evaluator package.",
    ),
    "operator_missing": (
        "Podaj imię i nazwisko operatora (opcja --operator lub ustawienia programu); "
        "każda zmiana jest zapisywana w dzienniku zdarzeń wraz z osobą, która jej dokonała.",
        "Give the operator's name (--operator or the settings); every change is recorded in "
        "the audit trail with who made it.",
    ),
    # -- desktop shell: import of offers from XLSX/CSV (app/services/offer_import.py) --------
    "offer_import_format": (
        "Nie można zaimportować pliku {path}: wybierz arkusz .xlsx lub plik .csv.",
        "Cannot import {path}: choose an .xlsx workbook or a .csv file.",
    ),
    "offer_import_empty": (
        "Plik {path} nie zawiera żadnej oferty. Wpisz nagłówki w pierwszym wierszu, a oferty "
        "w kolejnych wierszach.",
        "The file {path} holds no offers. Put the headers in the first row and one offer per "
        "row below.",
    ),
    "offer_import_columns": (
        "W pliku {path} brakuje kolumn: {missing}. Dodaj je w pierwszym wierszu (nagłówki: "
        "oferent, data wpływu, kwota wnioskowana; opcjonalnie kod, NIP, REGON, KRS, tytuł…).",
        "The file {path} lacks the columns: {missing}. Add them to the first row (headers: "
        "applicant, received, requested; optionally code, NIP, REGON, KRS, title…).",
    ),
    "offer_import_required": (
        "Wiersz {line}: brak wartości w kolumnie „{column}”. Uzupełnij ją w pliku.",
        "Row {line}: the column '{column}' is empty. Fill it in the file.",
    ),
    "offer_import_date": (
        "Wiersz {line}: „{value}” nie jest datą wpływu. Wpisz datę i godzinę, np. "
        "22.11.2026 14:30.",
        "Row {line}: '{value}' is not a date of receipt. Write a date and time, e.g. "
        "22.11.2026 14:30.",
    ),
    "offer_import_number": (
        "Wiersz {line}, kolumna „{column}”: „{value}” nie jest poprawną kwotą lub liczbą "
        "(np. 12 500,00; najwyżej dwa miejsca po przecinku dla kwot).",
        "Row {line}, column '{column}': '{value}' is not a valid amount or number "
        "(e.g. 12500.00; at most two decimal places for amounts).",
    ),
    "offer_import_duplicate": (
        "Wiersz {line}: kod oferty {code} powtarza się (pierwszy raz w wierszu {first}). "
        "Każda oferta musi mieć własny kod.",
        "Row {line}: the offer code {code} repeats (first in row {first}). Every offer needs "
        "its own code.",
    ),
    # -- the use cases of the service layer ---------------------------------------------------
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
        "Karta oceny jest niepoprawna:\n{problems:lines}",
        "The scoring card is not valid:\n{problems:lines}",
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
    "import_row": ("wiersz {line} pliku", "row {line} of the file"),
}
