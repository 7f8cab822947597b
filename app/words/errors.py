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
}
