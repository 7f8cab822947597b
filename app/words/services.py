"""Words of the service layer that are not errors: what a record still refers to, the
problems of an exchange file (each put after its place, ``$.offers[3].requested_amount``), and
what ``komisja verify`` says about a protocol PDF."""

from __future__ import annotations

# What still refers to a row that a user wants to remove (``refuse_if_referred``).
REFERENCES: dict[str, tuple[str, str]] = {
    "attachments": ("załączniki", "attachments"),
    "formal_check": ("ocena formalna", "a formal check"),
    "recusals": ("wyłączenia członków komisji", "recusals"),
    "decisions": ("rozstrzygnięcia komisji", "decisions"),
    "scores": ("oceny", "scores"),
    "declaration": ("oświadczenie o bezstronności", "an impartiality declaration"),
    "score_sheet": ("wydany arkusz ocen", "an issued score sheet"),
    "attendance": ("obecność na posiedzeniu", "meeting attendance"),
}

# One problem of an exchange file (``app.services.exchange``): ``xchg.at`` puts it at its place.
EXCHANGE_PROBLEMS: dict[str, tuple[str, str]] = {
    "at": ("{where}: {detail}", "{where}: {detail}"),
    "too_large": (
        "plik jest za duży (bajtów: {size}, najwyżej {limit})",
        "the file is too large ({size} bytes, at most {limit})",
    ),
    "not_utf8": (
        "to nie jest tekst UTF-8 (bajt nr {byte}) — czy to plik Komisji?",
        "not UTF-8 text (byte {byte}) — is this a Komisja file?",
    ),
    "not_json": (
        "niepoprawny JSON (wiersz {line}, kolumna {column}); plik może być obcięty lub uszkodzony",
        "not valid JSON (line {line}, column {column}); the file may be truncated or damaged",
    ),
    "not_komisja": (
        "to nie jest dokument wymiany Komisji (brak pola format lub inna wartość)",
        "not a Komisja exchange document (format field missing or different)",
    ),
    "type": ("oczekiwano typu {expected}, jest {found}", "expected {expected}, found {found}"),
    "enum": ("wartość {value} nie jest jedną z: {allowed}", "{value} is not one of: {allowed}"),
    "format": ("wartość {value} ma zły format", "{value} has the wrong format"),
    "minimum": ("wartość {value} jest mniejsza niż {minimum}", "{value} is below {minimum}"),
    "missing_key": ("brak pola {key}", "missing {key}"),
    "unknown_key": ("nieznane pole {key}", "unknown key {key}"),
    "duplicate": ("wartość {value} powtarza się", "duplicate {value}"),
    "not_base64": ("treść nie jest zakodowana w base64", "the content is not base64"),
    "sha256": (
        "treść nie zgadza się z sumą kontrolną sha256",
        "the content does not match its sha256",
    ),
    "unknown": ("nieznany kod {value}", "unknown code {value}"),
    "two_chairs": ("więcej niż jedna osoba przewodnicząca komisji", "more than one chair"),
    "recused": (
        "członek komisji {member}: wyłączenie z oceny oferty {offer}",
        "member {member} is recused from {offer}",
    ),
    "off_scale": (
        "ocena {value} jest poza skalą 0–{max} z krokiem {step}",
        "{value} is off the scale 0–{max} step {step}",
    ),
}

# A protocol PDF checked against the stored versions, and the reason a signature states.
VERIFY_TEXTS: dict[str, tuple[str, str]] = {
    "altered": (
        "Ten PDF podaje się za protokół Komisji, ale NIE jest identyczny z żadną zapisaną "
        "wersją: został zmieniony, ponownie zapisany lub wygenerowany gdzie indziej.",
        "This PDF claims to be a Komisja protocol but is NOT identical to any stored version: it "
        "was changed, re-saved or generated elsewhere.",
    ),
    "not_stored": (
        "Ten plik nie jest protokołem zapisanym w tej bazie danych.",
        "This file is not a protocol stored in this database.",
    ),
    "stored_matches": (
        "Zapisany protokół konkursu „{title}” ({reference}), wersja {version} zatwierdzona "
        "przez: {signer} ({state}{copy}). Dane nadal są z nim zgodne.",
        "Stored protocol of “{title}” ({reference}), version {version} signed off by {signer} "
        "({state}{copy}). The data still match it.",
    ),
    "stored_changed": (
        "Zapisany protokół konkursu „{title}” ({reference}), wersja {version} zatwierdzona "
        "przez: {signer} ({state}{copy}). Dane ZMIENIŁY SIĘ od tego czasu (odcisk danych jest "
        "inny).",
        "Stored protocol of “{title}” ({reference}), version {version} signed off by {signer} "
        "({state}{copy}). The data have CHANGED since (the fingerprint differs).",
    ),
    "current": ("wersja obowiązująca", "the current version"),
    "superseded": ("zastąpiona wersją {latest}", "superseded by version {latest}"),
    "signed_copy": (
        "; ta kopia ma dołączony podpis elektroniczny",
        "; this copy carries a digital signature added after sign-off",
    ),
    "sign_reason": (
        "Zatwierdzenie protokołu komisji konkursowej",
        "Approval of the evaluation committee's protocol",
    ),
}
