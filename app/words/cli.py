"""Words of the command line: help, listings, the results table and import previews."""

from __future__ import annotations

_OFFERS_PL = "one=# oferta|few=# oferty|many=# ofert|other=# oferty"
_OFFERS_EN = "one=# offer|other=# offers"

CLI_TEXTS: dict[str, tuple[str, str]] = {
    # -- help ---------------------------------------------------------------------------------
    "description": (
        "Komisja — konkursy ofert, wybór inwestora i usługodawcy. Bez argumentów uruchamia "
        "aplikację okienkową.",
        "Komisja — competitions for offers, investor and provider selection. Without "
        "arguments it starts the application window.",
    ),
    "opt_db": (
        "plik bazy danych SQLite (domyślnie: folder danych użytkownika)",
        "SQLite database file (default: the per-user data folder)",
    ),
    "opt_operator": (
        "imię i nazwisko operatora zapisywane w dzienniku zdarzeń",
        "operator's name for the audit trail",
    ),
    "opt_member": ("kod działającego członka komisji", "acting committee member (code)"),
    "opt_lang": ("język komunikatów", "language of messages"),
    "opt_search": ("filtr: tytuł lub znak sprawy", "filter by title or case reference"),
    "opt_dry_run": ("import: tylko podgląd zmian", "import: show the preview only"),
    "opt_version": (
        "zapisana wersja (domyślnie: najnowsza)",
        "a stored version (default: the latest)",
    ),
    "opt_p12": (
        "podpis: certyfikat PKCS#12 (hasło w zmiennej KOMISJA_P12_PASSWORD)",
        "sign: PKCS#12 certificate (password in KOMISJA_P12_PASSWORD)",
    ),
    "opt_signer": ("podpis: imię i nazwisko podpisującego", "sign: the signer's name"),
    "opt_reason": ("powód ponownego otwarcia", "the reason for reopening"),
    "opt_json": ("wypisz w formacie JSON", "print as JSON"),
    "usage_scoresheet_export": (
        "komisja scoresheet export ID --member KOD -o PLIK",
        "komisja scoresheet export ID --member CODE -o FILE",
    ),
    "usage_package_export": (
        "komisja package export ID --member KOD -o PLIK",
        "komisja package export ID --member CODE -o FILE",
    ),
    "usage_protocol_export": (
        "komisja protocol export ID --pdf PLIK lub --xlsx PLIK (albo obie opcje)",
        "komisja protocol export ID --pdf FILE or --xlsx FILE (or both)",
    ),
    "usage_protocol_sign": (
        "komisja protocol sign PLIK.pdf --p12 CERTYFIKAT.p12 -o PODPISANY.pdf",
        "komisja protocol sign FILE.pdf --p12 CERTIFICATE.p12 -o SIGNED.pdf",
    ),
    "arg_scoresheet_target": (
        "identyfikator konkursu (export) albo plik arkusza (import)",
        "competition id (export) or workbook file (import)",
    ),
    "arg_package_target": (
        "identyfikator konkursu (export) albo plik zwrotny (import)",
        "competition id (export) or return file (import)",
    ),
    "arg_protocol_target": (
        "identyfikator konkursu (export, versions) albo plik PDF (verify, sign)",
        "competition id (export, versions) or PDF file (verify, sign)",
    ),
    "arg_package": (
        "pakiet oceniającego (.komisja) do otwarcia w trybie oceniającego",
        "an evaluator package (.komisja) to open in evaluator mode",
    ),
    "cmd_demo": (
        "utwórz konkursy demonstracyjne i wypisz ich identyfikatory",
        "create demo competitions and print their ids",
    ),
    "cmd_list": ("lista konkursów", "list competitions"),
    "cmd_show": ("pokaż jeden konkurs", "show one competition"),
    "cmd_export": (
        "eksportuj konkurs do pliku wymiany JSON",
        "export a competition to the JSON exchange format",
    ),
    "cmd_import": (
        "importuj konkurs z pliku wymiany JSON",
        "import a competition from the JSON exchange format",
    ),
    "cmd_results": ("oblicz i wypisz wyniki", "compute and print the results"),
    "cmd_verify": (
        "sprawdź łańcuch skrótów dziennika zdarzeń i spójność bazy danych",
        "check the audit trail's hash chain and the database's integrity",
    ),
    "cmd_backup": ("zapisz spójną kopię bazy danych", "write a consistent copy of the database"),
    "cmd_advance": (
        "przejdź do następnego etapu konkursu (sprawdza warunki)",
        "move a competition to its next step (checks preconditions)",
    ),
    "cmd_scoresheet": (
        "arkusze ocen: export ID --member MID -o PLIK | import PLIK",
        "score workbooks: export ID --member MID -o FILE | import FILE",
    ),
    "cmd_package": (
        "pakiety oceniającego: export ID --member MID -o PLIK | import PLIK",
        "evaluator packages: export ID --member MID -o FILE | import FILE",
    ),
    "cmd_protocol": (
        "protokół: export ID --pdf P --xlsx P | verify P.pdf | versions ID | sign P.pdf",
        "protocol: export ID --pdf F --xlsx F | verify F.pdf | versions ID | sign F.pdf",
    ),
    "cmd_signoff": (
        "przewodniczący komisji zatwierdza wynik (--member KOD)",
        "the chair signs the results off (--member CHAIR)",
    ),
    "cmd_reopen": (
        "ponownie otwórz zatwierdzony wynik (--member KOD --reason TEKST)",
        "reopen a signed-off result (--member CHAIR --reason TEXT)",
    ),
    "cmd_gui": ("uruchom aplikację okienkową", "start the application window"),
    "operator_prompt": (
        "Imię i nazwisko operatora (zapisywane w dzienniku zdarzeń): ",
        "Operator's name (recorded in the audit trail): ",
    ),
    # -- list and show --------------------------------------------------------------------------
    "no_competitions": ("Brak konkursów.", "No competitions."),
    "offers_count": (f"{{count:plural:{_OFFERS_PL}}}", f"{{count:plural:{_OFFERS_EN}}}"),
    "case_reference": ("Znak sprawy: {ref}", "Case reference: {ref}"),
    "status": ("Status: {status:code:status.}", "Status: {status:code:status.}"),
    "deadline": ("Termin składania ofert: {when:dt}", "Submission deadline: {when:dt}"),
    "budget": ("Budżet: {amount:money}", "Budget: {amount:money}"),
    "amount": ("{amount:money}", "{amount:money}"),
    "number": ("{value:dec}", "{value:dec}"),
    "criteria": ("Kryteria:", "Criteria:"),
    "scale": ("0–{max:dec} co {step:dec}", "0–{max:dec} step {step:dec}"),
    "weight": ("waga {weight:dec}", "weight {weight:dec}"),
    "committee": ("Komisja:", "Committee:"),
    "role": ("funkcja: {role:code:role.}", "role: {role:code:role.}"),
    "recused": ("wyłączenie z oceny ofert: {offers}", "recused from: {offers}"),
    "offers": ("Oferty ({count:count}):", "Offers ({count:count}):"),
    "formal_status": ("{status:code:formal.}", "{status:code:formal.}"),
    "next_step": ("Następny krok: {status:code:status.}", "Next step: {status:code:status.}"),
    "reopened": ("ponownie otwarty: {reason}", "reopened: {reason}"),
    # -- results table --------------------------------------------------------------------------
    "provisional": (
        "WYNIKI WSTĘPNE: ocena merytoryczna nie została zamknięta.",
        "PROVISIONAL: scoring is not closed yet.",
    ),
    "col_rank": ("Miejsce", "Rank"),
    "col_offer": ("Oferta", "Offer"),
    "col_total": ("Suma", "Total"),
    "col_award": ("Kwota", "Award"),
    "col_flags": ("Oznaczenia", "Flags"),
    "not_evaluated": (
        "Nieoceniane (ocena formalna): {offers}",
        "Not evaluated (formal check): {offers}",
    ),
    "awarded": (
        "Przyznano {awarded:money} z {budget:money}",
        "Awarded {awarded:money} of {budget:money}",
    ),
    "cancel": (
        "Żadna oferta nie spełnia warunków: konkurs należy unieważnić.",
        "No offer is eligible: the competition must be cancelled.",
    ),
    "fingerprint": ("Odcisk danych: {fingerprint}", "Data fingerprint: {fingerprint}"),
    # -- verify -------------------------------------------------------------------------------
    "verify_chain_ok": (
        "Dziennik zdarzeń: {count:plural:one=# wpis|few=# wpisy|many=# wpisów|other=# wpisu}, "
        "łańcuch nienaruszony.",
        "Audit trail: {count:plural:one=# entry|other=# entries}, chain intact.",
    ),
    "verify_chain_broken": (
        "Dziennik zdarzeń NARUSZONY od wpisu nr {entry}: {problem:code:chain.}.",
        "Audit trail BROKEN at entry #{entry}: {problem:code:chain.}.",
    ),
    "verify_integrity_ok": ("Spójność bazy danych: w porządku.", "Database integrity: ok."),
    "verify_integrity_failed": (
        "Spójność bazy danych NARUSZONA (komunikat SQLite: {detail}).",
        "Database integrity FAILED (SQLite says: {detail}).",
    ),
    # -- import previews ------------------------------------------------------------------------
    "preview_member": (
        "Członek komisji {name} ({code}): {counts}",
        "Member {name} ({code}): {counts}",
    ),
    "preview_new": ("nowa", "new"),
    "preview_changed": ("zmieniona", "changed"),
    "preview_unchanged": ("bez zmian", "unchanged"),
    "preview_removed": ("usunięta", "removed"),
    "preview_partial": (
        "Członek komisji nie oznaczył oceny jako zakończonej (zwrot częściowy).",
        "The member has not marked the scoring finished (a partial return).",
    ),
    "preview_already_imported": (
        "Ten plik był już zaimportowany i niczego nie zmienia; nic nie zostanie zapisane.",
        "This file was already imported and changes nothing; nothing will be written.",
    ),
    "preview_no_change": (
        "Ten plik niczego nie zmienia (oceny są takie jak w bazie).",
        "This file changes nothing (the scores are as in the database).",
    ),
}

# What breaks the audit trail's hash chain (``app.db.audit``).
CHAIN_PROBLEMS: dict[str, tuple[str, str]] = {
    "modified": ("wpis zmieniony po zapisaniu", "an entry was modified after it was written"),
    "deleted": ("brak wpisu (usunięty)", "an entry is missing (deleted)"),
    "reordered": ("wpisy przestawione lub podmienione", "entries were reordered or replaced"),
    "head_mismatch": (
        "brak końcowych wpisów dziennika (usunięte) lub zmieniony znacznik łańcucha",
        "the last entries are missing (deleted) or the chain head was changed",
    ),
}
