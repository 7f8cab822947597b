"""The protocol through the service layer and the command line.

* every worked fixture competition and every demo competition, built through the services:
  its workbook, recalculated by LibreOffice, gives the engine's numbers to the grosz;
* exporting before the results are complete says exactly what is missing;
* sign-off → reopen with a reason → sign-off gives version 2, both retrievable, and
  ``komisja protocol verify`` tells a stored version (data unchanged / changed), a signed copy
  and an unknown PDF apart;
* a cancelled competition's protocol is the cancellation notice.
"""

from __future__ import annotations

import csv
import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.db import Database
from app.errors import CancelledError, UserError
from app.protocol.pdf import render_pdf
from app.protocol.xlsx import render_xlsx, sheet_names
from app.services import demo, queries, score_entry, signoff, workflow
from app.services.base import Actor, get_competition
from app.services.protocol import (
    build_document,
    export_protocol,
    export_protocol_files,
    verify_protocol_pdf,
)
from app.services.queries import audit_trail
from app.services.signoff import reopen, sign_off, versions
from app.services.specs import ScoreEntry
from tests.acceptance.fixture_loader import load_case, play
from tests.builders import DEADLINE, SCORES, to_results, to_scoring
from tests.unit.protocol.test_protocol_samples import (
    pdf_text,
    sample_document,
    soffice_csv_many,
)
from tests.unit.protocol.test_sign import PASSWORD, make_certificate
from tests.unit.protocol.test_xlsx import check_ranking

D = Decimal
FIXTURES = Path(
    os.environ.get("KOMISJA_FIXTURES")
    or Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
)
CHAIR = Actor("Jan Testowy", member="M1")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _document(db: Database, competition_id: int, lang: str = "pl") -> Any:
    with db.read() as session:
        competition = get_competition(session, competition_id)
        return build_document(
            session, competition, lang=lang, version=1, signed_off_by=None, signed_off_at=None
        )


@pytest.mark.external
def test_workbooks_of_real_competitions_recompute_to_the_engines_numbers(
    tmp_path: Path, actor: Actor, clock: Any
) -> None:
    cases = sorted(FIXTURES.glob("*.json"))
    assert cases, f"no fixtures in {FIXTURES}"
    docs = {}
    for index, path in enumerate(cases):
        db = Database.open(f"sqlite:///{tmp_path / f'f{index}.sqlite3'}")
        try:
            view = play(load_case(path), db, actor, clock)
            docs[path.stem] = _document(db, view.competition_id)
        finally:
            db.dispose()
    db = Database.open(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    try:
        for competition_id, _title in demo.create_demo(db, actor):
            docs[f"demo-{competition_id}"] = _document(db, competition_id)
        docs["demo-en"] = _document(db, 1, "en")
    finally:
        db.dispose()
    books = tmp_path / "books"
    books.mkdir()
    for name, doc in docs.items():
        (books / f"{name}.xlsx").write_bytes(render_xlsx(doc))
    exported = soffice_csv_many(sorted(books.glob("*.xlsx")), tmp_path / "csv")
    compared = 0
    for name, doc in docs.items():
        ranking = exported[name][sheet_names(doc.language)["ranking"]]
        with ranking.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        compared += check_ranking(doc, ranking, rows)
    assert compared > 100


def test_export_before_results_are_complete_lists_exactly_what_is_missing(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_scoring(db, actor, clock)
    cid = built.competition_id
    entries = [
        ScoreEntry(offer, code, D(value), f"Uzasadnienie {offer} {code}")
        for offer, values in SCORES["M1"].items()
        for code, value in zip(("K1", "K2"), values, strict=True)
    ]
    score_entry.record_scores(db, actor, cid, "M1", entries)
    with pytest.raises(UserError) as caught:
        export_protocol(db, cid, "pl")
    text = caught.value.text("pl")
    assert caught.value.code == "results_incomplete"
    assert "Piotr Zieliński" in text or "M2" in text
    assert "Ewa Łęcka" in text or "M3" in text
    assert "Anna Wójcik" not in text  # M1 scored everything: not listed
    assert "O4" not in text  # the late offer is not scored at all
    assert "dr Jan Ekspert" not in text  # the expert's scores are never required


def _sign_off_twice(db: Database, actor: Actor, clock: Any) -> int:
    built = to_results(db, actor, clock)
    cid = built.competition_id
    clock.set(DEADLINE + timedelta(days=3))
    assert sign_off(db, CHAIR, cid) == 1
    return cid


def test_versions_verification_and_signature_from_the_command_line(
    tmp_path: Path, actor: Actor, clock: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "k.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    try:
        cid = _sign_off_twice(db, actor, clock)
        base = ("--db", str(path), "--operator", "Jan Testowy")
        v1 = tmp_path / "v1.pdf"
        code, _, err = run(
            capsys, "protocol", "export", str(cid), "--pdf", str(v1), "--xlsx",
            str(tmp_path / "v1.xlsx"), *base,
        )  # fmt: skip
        assert code == 0, err
        code, out, _ = run(capsys, "protocol", "verify", str(v1), *base)
        assert code == 0 and "wersja 1" in out and "Dane nadal są z nim zgodne" in out
        # reopen with a reason, correct a score, sign off again: version 2
        reopen(db, CHAIR, cid, "Omyłka pisarska w ocenie oferty O3 (pismo oferenta z 10.03)")
        workflow.reopen_scoring(db, actor, cid, "Korekta oceny O3 przez M2")
        score_entry.record_scores(
            db, actor, cid, "M2", [ScoreEntry("O3", "K1", D("7.5"), "Korekta omyłki")]
        )
        workflow.advance(db, actor, cid)
        code, _, err = run(capsys, "protocol", "verify", str(v1), *base)
        assert code == 1 and "ZMIENIŁY SIĘ" in err
        assert sign_off(db, CHAIR, cid) == 2
        code, out, _ = run(capsys, "protocol", "versions", str(cid), *base)
        lines = out.strip().splitlines()
        assert [line.split("\t")[0] for line in lines] == ["1", "2"]
        assert "Omyłka pisarska" in lines[0]
        v2 = tmp_path / "v2.pdf"
        old = tmp_path / "old.pdf"
        assert run(capsys, "protocol", "export", str(cid), "--pdf", str(v2), *base)[0] == 0
        assert (
            run(capsys, "protocol", "export", str(cid), "--pdf", str(old), "--version", "1", *base)[
                0
            ]
            == 0
        )
        assert old.read_bytes() == v1.read_bytes()  # the stored bytes, not a re-rendering
        assert v2.read_bytes() != v1.read_bytes()
        code, out, err = run(capsys, "protocol", "verify", str(v1), *base)
        assert code == 1 and "zastąpiona wersją 2" in err
        code, out, _ = run(capsys, "protocol", "verify", str(v2), *base)
        assert code == 0 and "wersja 2" in out and "wersja obowiązująca" in out
        text = " ".join(pdf_text(v2.read_bytes(), tmp_path).split())
        assert "Omyłka pisarska w ocenie oferty O3" in text  # the history is in version 2
        # a digitally signed copy is still recognised as version 2
        _, p12 = make_certificate("Anna Wójcik")
        cert = tmp_path / "cert.p12"
        cert.write_bytes(p12)
        signed = tmp_path / "signed.pdf"
        os.environ["KOMISJA_P12_PASSWORD"] = PASSWORD.decode()
        try:
            code, _, err = run(
                capsys, "protocol", "sign", str(v2), "--p12", str(cert), "--signer",
                "Anna Wójcik", "-o", str(signed), *base,
            )  # fmt: skip
            assert code == 0, err
            os.environ["KOMISJA_P12_PASSWORD"] = "zle"
            code, _, err = run(
                capsys, "protocol", "sign", str(v2), "--p12", str(cert), "-o",
                str(tmp_path / "x.pdf"), *base,
            )  # fmt: skip
            assert code == 2 and "błędne hasło" in err and not (tmp_path / "x.pdf").exists()
        finally:
            del os.environ["KOMISJA_P12_PASSWORD"]
        check = verify_protocol_pdf(db, signed.read_bytes(), "pl")
        assert check.known and check.version == 2 and check.signed_copy
        assert check.fingerprint_matches
        # a protocol that is not in this database, and a file that is not a protocol
        stranger = tmp_path / "stranger.pdf"
        stranger.write_bytes(render_pdf(sample_document()))
        code, _, err = run(capsys, "protocol", "verify", str(stranger), *base)
        assert code == 1 and "NIE jest identyczny" in err
        junk = tmp_path / "junk.pdf"
        junk.write_bytes(b"not a pdf at all")
        code, _, err = run(capsys, "protocol", "verify", str(junk), *base, "--lang", "en")
        assert code == 1 and "not a protocol stored in this database" in err
    finally:
        db.dispose()


def test_cancelled_competition_exports_the_cancellation_notice(
    db: Database, actor: Actor, clock: Any, tmp_path: Path
) -> None:
    built = to_scoring(db, actor, clock)
    cid = built.competition_id
    workflow.cancel_competition(
        db, actor, cid, "Żadna oferta nie spełnia wymogów ogłoszenia (art. 18a ust. 1 pkt 2)."
    )
    pdf, xlsx = export_protocol(db, cid, "pl")
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "KONKURS UNIEWAŻNIONY" in text
    assert "Żadna oferta nie spełnia wymogów ogłoszenia" in text
    assert "SO.524.9.2027" in text
    assert xlsx[:2] == b"PK"


def test_signed_off_protocol_pdf_has_every_page_marked(
    db: Database, actor: Actor, clock: Any, tmp_path: Path
) -> None:
    cid = _sign_off_twice(db, actor, clock)
    pdf, _ = export_protocol(db, cid, "pl")
    assert versions(db, cid)[0].has_pdf
    pages = [p for p in pdf_text(pdf, tmp_path).split("\f") if p.strip()]
    fingerprint = versions(db, cid)[0].fingerprint
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert f"Strona {number} z {len(pages)}" in flat
        assert "SO.524.9.2027" in flat
        assert fingerprint[:16] in flat
    text = " ".join(" ".join(pages).split())
    for fact in ("Anna Wójcik", "Ewa Łęcka", "Fundacja Alfa", "ZATWIERDZAM", "Fundacja Późna"):
        assert fact in text, fact


def test_a_cancelled_sign_off_or_export_changes_and_returns_nothing(
    db: Database, actor: Actor, clock: Any
) -> None:
    built = to_results(db, actor, clock)
    cid = built.competition_id
    clock.set(DEADLINE + timedelta(days=3))
    trail = len(audit_trail(db))
    heard: list[tuple[int, int, str]] = []

    def stop_after_pdf(done: int, total: int, text: str) -> bool:
        heard.append((done, total, text))
        return text != "XLSX"  # the PDF is rendered, then the user presses Cancel

    with pytest.raises(CancelledError):
        sign_off(db, CHAIR, cid, stop_after_pdf)
    assert [h[2] for h in heard] == ["PDF", "XLSX"]
    assert signoff.versions(db, cid) == []
    assert queries.competition_detail(db, cid).summary.status == "results"
    assert len(audit_trail(db)) == trail  # nothing recorded either
    with pytest.raises(CancelledError):
        export_protocol_files(db, cid, ("xlsx",), "pl", progress=lambda *_: False)
    # only the formats asked for are rendered, with the same bytes as both together
    heard.clear()
    files = export_protocol_files(
        db, cid, ("pdf",), "pl", progress=lambda *step: heard.append(step) or True
    )
    assert list(files) == ["pdf"] and files["pdf"].startswith(b"%PDF")
    assert [h[2] for h in heard] == ["", "PDF", ""]
