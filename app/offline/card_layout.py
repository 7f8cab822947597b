"""The score workbook's layout: sheet names, rows and columns, and the words on the card.

Shared by the card writer (:mod:`app.offline.card_writer`) and the card reader
(:mod:`app.offline.card_reader`), so that both agree on where every value sits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal

from openpyxl.utils import get_column_letter

from app.offline.spec import ScoreKey

CARD_SHEET = {"pl": "Karta oceny", "en": "Score card"}
COVER_SHEET = {"pl": "Instrukcja", "en": "Instructions"}
META_SHEET = "komisja_meta"

HEADER_ROW = 4
FIRST_ROW = 5
# 1-based columns of the card
COL_OFFER, COL_APPLICANT, COL_TITLE, COL_CRITERION, COL_CRITERION_NAME = 1, 2, 3, 4, 5
COL_MAX, COL_STEP, COL_SCORE, COL_JUSTIFICATION = 6, 7, 8, 9
COL_KEY_OFFER, COL_KEY_CRITERION, COL_FACTOR = 10, 11, 12
SCORE_LETTER = get_column_letter(COL_SCORE)
JUSTIFICATION_LETTER = get_column_letter(COL_JUSTIFICATION)
TOTAL_MARK = "*"  # hidden criterion-key cell of an offer's total row

LABELS: dict[str, dict[str, str]] = {
    "pl": {
        "cover_title": "Karta oceny merytorycznej — instrukcja",
        "competition": "Konkurs",
        "case_reference": "Znak sprawy",
        "competition_uid": "Identyfikator konkursu",
        "member": "Oceniający",
        "role": "Funkcja",
        "deadline": "Termin odesłania karty",
        "no_deadline": "nie wyznaczono",
        "offers_count": "Liczba ofert do oceny",
        "criteria_count": "Liczba kryteriów",
        "justification": "Uzasadnienie ocen",
        "justification_required": "wymagane przy każdej ocenie",
        "justification_optional": "zalecane",
        "how_title": "Jak wypełnić kartę",
        "criteria_title": "Kryteria i skale ocen",
        "criteria_head_code": "Kryterium",
        "criteria_head_text": "Nazwa, skala, waga i wskazówki dla oceniających",
        "scale": "Skala: od 0 do {max} w krokach co {step}",
        "weight": "waga w wyniku: {weight} pkt",
        "card_title": "Karta oceny — {title}",
        "card_info": "Znak sprawy: {case} · Oceniający: {member} · Termin: {deadline}",
        "card_hint": (
            "Wpisuj tylko w żółte komórki: ocenę (kolumna H) i uzasadnienie (kolumna I). "
            "Nie sortuj, nie dodawaj i nie usuwaj wierszy."
        ),
        "h_offer": "Oferta",
        "h_applicant": "Oferent",
        "h_title": "Tytuł zadania",
        "h_criterion": "Kod",
        "h_criterion_name": "Kryterium",
        "h_max": "Maks.",
        "h_step": "Krok",
        "h_score": "Ocena",
        "h_justification": "Uzasadnienie",
        "requested": "Kwota wnioskowana: {amount}",
        "total_label": "Razem oferta {offer} (maks. {max} pkt)",
        "total_weighted_label": "Razem oferta {offer}: punkty ważone (maks. {max} pkt)",
        "filled": "Oceniono ",
        "filled_of": " z {count} kryteriów",
        "dv_title": "Nieprawidłowa ocena",
        "dv_error": "Ocena musi być liczbą od 0 do {max} w krokach co {step}.",
        "dv_prompt_title": "Ocena 0–{max}",
        "dv_prompt": "Wpisz liczbę od 0 do {max} w krokach co {step} (np. {example}).",
        "header_left": "Komisja · {case}",
        "header_center": "Karta oceny: {member}",
        "footer_left": "Wersja kryteriów {fingerprint}",
        "footer_right": "Strona &P z &N",
        "amount": "{amount} zł",
    },
    "en": {
        "cover_title": "Substantive scoring card — instructions",
        "competition": "Competition",
        "case_reference": "Case reference",
        "competition_uid": "Competition identifier",
        "member": "Evaluator",
        "role": "Role",
        "deadline": "Return the card by",
        "no_deadline": "not set",
        "offers_count": "Offers to score",
        "criteria_count": "Criteria",
        "justification": "Justifications",
        "justification_required": "required for every score",
        "justification_optional": "recommended",
        "how_title": "How to fill in the card",
        "criteria_title": "Criteria and scales",
        "criteria_head_code": "Criterion",
        "criteria_head_text": "Name, scale, weight and guidance for evaluators",
        "scale": "Scale: 0 to {max} in steps of {step}",
        "weight": "weight in the result: {weight} points",
        "card_title": "Score card — {title}",
        "card_info": "Case reference: {case} · Evaluator: {member} · Deadline: {deadline}",
        "card_hint": (
            "Type only in the yellow cells: the score (column H) and the justification "
            "(column I). Do not sort, add or delete rows."
        ),
        "h_offer": "Offer",
        "h_applicant": "Applicant",
        "h_title": "Task title",
        "h_criterion": "Code",
        "h_criterion_name": "Criterion",
        "h_max": "Max",
        "h_step": "Step",
        "h_score": "Score",
        "h_justification": "Justification",
        "requested": "Amount requested: {amount}",
        "total_label": "Total for offer {offer} (max {max} points)",
        "total_weighted_label": "Total for offer {offer}: weighted points (max {max})",
        "filled": "Scored ",
        "filled_of": " of {count} criteria",
        "dv_title": "Invalid score",
        "dv_error": "The score must be a number from 0 to {max} in steps of {step}.",
        "dv_prompt_title": "Score 0–{max}",
        "dv_prompt": "Type a number from 0 to {max} in steps of {step} (e.g. {example}).",
        "header_left": "Komisja · {case}",
        "header_center": "Score card: {member}",
        "footer_left": "Criteria version {fingerprint}",
        "footer_right": "Page &P of &N",
        "amount": "PLN {amount}",
    },
}

STEPS: dict[str, tuple[str, ...]] = {
    "pl": (
        "Przejdź do arkusza „Karta oceny”. Każdy wiersz to jedno kryterium jednej oferty; "
        "po każdej ofercie jest wiersz „Razem” z bieżącą sumą Twoich ocen.",
        "W kolumnie „Ocena” (H) wpisz liczbę od 0 do wartości z kolumny „Maks.” w krokach z "
        "kolumny „Krok”, np. 7,5. Nie wpisuj tekstu ani formuł. Błędną ocenę program "
        "odrzuci, a wklejoną spoza skali podświetli na czerwono.",
        "W kolumnie „Uzasadnienie” (I) napisz, dlaczego oferta dostała taką ocenę. {just}",
        "Możesz wypełniać kartę w kilku podejściach i zapisywać ją; pustą ocenę program "
        "Komisja potraktuje jako jeszcze niewystawioną.",
        "Nie zmieniaj niczego poza żółtymi komórkami: nie sortuj, nie dodawaj i nie usuwaj "
        "wierszy ani arkuszy, nie zmieniaj ich nazw. Taki plik nie zostanie przyjęty.",
        "Zapisz plik jako skoroszyt Excel (.xlsx), bez hasła (w LibreOffice: Zachowaj bieżący "
        "format). Nie zmieniaj nazwy rozszerzenia.",
        "Odeślij plik sekretarzowi komisji przed terminem. Oceniaj samodzielnie i nie "
        "udostępniaj karty innym osobom.",
    ),
    "en": (
        "Go to the “Score card” sheet. Each row is one criterion of one offer; after each "
        "offer a “Total” row shows the running sum of your scores.",
        "In the “Score” column (H) type a number from 0 to the “Max” value, in the steps "
        "given in the “Step” column, e.g. 7.5. Do not type text or formulas. An invalid score "
        "is refused; one pasted from elsewhere that is off the scale turns red.",
        "In the “Justification” column (I) write why the offer got that score. {just}",
        "You may fill the card in several sittings and save it; an empty score is treated by "
        "Komisja as not given yet.",
        "Change nothing but the yellow cells: do not sort, add or delete rows or sheets and "
        "do not rename them. Such a file will be refused.",
        "Save the file as an Excel workbook (.xlsx) without a password (LibreOffice: Use "
        "Excel 2007-365 format). Do not change the extension.",
        "Send the file back to the committee secretary before the deadline. Score on your "
        "own and do not share the card.",
    ),
}
JUST_NOTE = {
    ("pl", True): "Uzasadnienie jest wymagane przy każdej ocenie.",
    ("pl", False): "Uzasadnienie jest zalecane.",
    ("en", True): "A justification is required for every score.",
    ("en", False): "A justification is recommended.",
}


def format_amount(amount: Decimal, lang: str = "pl") -> str:
    """``1234567.89`` -> ``1 234 567,89 zł`` (Polish) or ``PLN 1,234,567.89``."""
    text = f"{amount.quantize(Decimal('0.01')):,.2f}"
    if lang == "pl":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return LABELS[lang]["amount"].format(amount=text)


def row_of(index: int, criteria_count: int) -> int:
    """Card row of the key at ``index`` in the key list (totals sit after each offer)."""
    offer_index, criterion_index = divmod(index, criteria_count)
    return FIRST_ROW + offer_index * (criteria_count + 1) + criterion_index


def keys_digest(keys: Iterable[ScoreKey]) -> str:
    """SHA-256 sealing the ordered key list in the metadata sheet."""
    digest = hashlib.sha256()
    for offer, criterion in keys:
        digest.update(f"{offer}\t{criterion}\n".encode())
    return digest.hexdigest()
