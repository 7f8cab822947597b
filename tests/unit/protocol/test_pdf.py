"""The protocol PDF: its contents as a reader (pdftotext) sees them, page chrome, PDF/A.

Also renders every kind of page to PNG (``KOMISJA_ARTIFACTS`` or the test's tmp folder) so
that a person can look at the layout; the test checks that every page was rendered.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from app.protocol.document import ProtocolDocument
from app.protocol.labels import label
from app.protocol.pdf import read_protocol_metadata, render_pdf
from tests.unit.protocol.test_protocol_samples import (
    large_document,
    pdf_text,
    require_program,
    sample_cancelled_document,
    sample_document,
    sample_investor_document,
)

pytestmark = pytest.mark.external


def pages_of(pdf: bytes, tmp_path: Path) -> list[str]:
    pages = pdf_text(pdf, tmp_path).split("\f")
    return [p for p in pages if p.strip()]


def short_fingerprint(doc: ProtocolDocument) -> str:
    return f"{doc.fingerprint[:16]}…{doc.fingerprint[-8:]}"


def assert_chrome_on_every_page(doc: ProtocolDocument, pages: list[str], page_word: str) -> None:
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        flat = " ".join(text.split())
        assert f"{page_word} {number} {'z' if doc.language == 'pl' else 'of'} {total}" in flat
        assert doc.competition.case_reference in flat, f"page {number}: no case reference"
        assert short_fingerprint(doc) in flat, f"page {number}: no fingerprint"


def test_polish_protocol_contains_everything_the_domain_lists(tmp_path: Path) -> None:
    doc = sample_document()
    pdf = render_pdf(doc)
    pages = pages_of(pdf, tmp_path)
    assert_chrome_on_every_page(doc, pages, "Strona")
    text = " ".join(" ".join(pages).split())
    sections = [
        "s_meetings",
        "s_committee",
        "s_declarations",
        "s_offers",
        "s_formal",
        "s_rules",
        "s_results",
        "s_ranking",
        "s_decisions",
        "s_analysis",
        "s_remarks",
        "s_signatures",
        "annex_scores",
        "annex_explain",
    ]
    for key in sections:
        assert label("pl", key) in text, key
    for fact in (
        "Gmina Liszki – Ośrodek Pomocy Społecznej",  # header
        "SO.524.2.2027",
        "Zarządzenie nr 12/2027 Wójta Gminy Liszki",  # the act appointing the committee
        "ustawy z dnia 24 kwietnia 2003 r.",  # legal basis
        "Urząd Gminy Liszki, sala nr 12 (parter)",  # meeting place
        "25.01.2027",  # Polish date
        "członek zarządu oferenta w latach 2023–2025",  # recusal
        "oferta złożona po terminie",  # formal rejection reason
        "średnia arytmetyczna",  # aggregation
        "na etapie każdego kryterium",  # rounding stage
        "więcej punktów w kryterium K3",  # tie-break chain
        "45 000,00 zł",  # an award, Polish style
        "Spółdzielnia zatrudnia osoby z niepełnosprawnościami",  # tie decision
        "Po dyskusji komisja uzgodniła oceny wspólne.",  # discrepancy resolution
        "Oferent O5 został poinformowany",  # remark
        "ZATWIERDZAM",
        "Żaneta Gęślicka-Źrebiec",  # the head of the institution, Polish letters intact
        "Kierownik Ośrodka Pomocy Społecznej",
        "uzupełnienie oceny oferty O3 po złożeniu korekty",  # previous version's reason
        "Brak szczegółowego opisu rekrutacji uczestników – „wg potrzeb” to za mało.",
    ):
        assert fact in text, fact
    signature_page = next(p for p in pages if label("pl", "s_signatures") in p)
    for present in ("Anna Wójcik", "Piotr Zieliński", "Małgorzata Kowalczyk"):
        assert present in signature_page
    assert "Grzegorz Łuczak" not in signature_page  # absent at sign-off: no signature line
    assert "Grzegorz Łuczak" in text  # but listed in the committee


def test_english_protocol_and_draft_mark(tmp_path: Path) -> None:
    doc = sample_document(language="en", signed=False, version=1)
    pages = pages_of(render_pdf(doc), tmp_path)
    assert_chrome_on_every_page(doc, pages, "Page")
    for page in pages:
        assert "DRAFT – protocol not signed off" in " ".join(page.split())
    text = " ".join(" ".join(pages).split())
    for key in ("s_committee", "s_rules", "s_ranking", "annex_scores", "s_signatures"):
        assert label("en", key) in text
    assert "45,000.00" in text or "45 000.00" in text


def test_cancelled_competition_gets_the_cancellation_notice(tmp_path: Path) -> None:
    doc = sample_cancelled_document()
    text = " ".join(" ".join(pages_of(render_pdf(doc), tmp_path)).split())
    assert "KONKURS UNIEWAŻNIONY" in text
    assert "art. 18a ust. 1 pkt 2" in text
    assert "nie uzyskała minimalnej liczby 33 punktów" in text
    assert label("pl", "s_ranking") not in text


def test_pdfa_metadata_output_intent_and_embedded_fonts(tmp_path: Path) -> None:
    doc = sample_investor_document()
    pdf = render_pdf(doc)
    path = tmp_path / "p.pdf"
    path.write_bytes(pdf)
    qpdf = require_program("qpdf")
    out = subprocess.run(
        [qpdf, "--json", "--json-stream-data=inline", "--decode-level=all", str(path)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    data = json.loads(out.stdout)
    objects = data["qpdf"][1]
    trailer = objects["trailer"]["value"]
    catalog = objects[trailer["/Root"].replace(" R", "").join(("obj:", " R"))]["value"]
    intents = catalog["/OutputIntents"]
    intent = objects[f"obj:{intents[0]}"]["value"] if isinstance(intents[0], str) else intents[0]
    assert intent["/S"] == "/GTS_PDFA1"
    assert "/DestOutputProfile" in intent
    metadata = objects[f"obj:{catalog['/Metadata']}"]["stream"]
    import base64

    xmp = base64.b64decode(metadata["data"]).decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    fonts = subprocess.run(
        [require_program("pdffonts"), str(path)], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts  # every font embedded
    meta = read_protocol_metadata(pdf)
    assert meta["KomisjaFingerprint"] == doc.fingerprint
    assert meta["KomisjaCaseReference"] == "WUP/OS/3/2027"


def test_same_document_gives_the_same_bytes() -> None:
    doc = sample_investor_document()
    assert render_pdf(doc) == render_pdf(doc)


def test_every_page_type_is_rendered_to_png_for_review(tmp_path: Path) -> None:
    out = Path(os.environ.get("KOMISJA_ARTIFACTS") or tmp_path) / "protocol-pages"
    out.mkdir(parents=True, exist_ok=True)
    pdftoppm = require_program("pdftoppm")
    cases = {
        "ngo": sample_document(),
        "investor": sample_investor_document(),
        "cancelled": sample_cancelled_document(),
        "english-draft": sample_document(language="en", signed=False, version=1),
        "wide-15-criteria": large_document(14, 4, 15),  # landscape results, long annex
    }
    for name, doc in cases.items():
        pdf = render_pdf(doc)
        source = out / f"{name}.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [pdftoppm, "-png", "-r", "60", str(source), str(out / name)],
            check=True,
            timeout=300,
        )
        pages = int(read_page_count(source))
        assert len(list(out.glob(f"{name}-*.png"))) == pages


def read_page_count(path: Path) -> int:
    info = subprocess.run(
        [require_program("pdfinfo"), str(path)], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
