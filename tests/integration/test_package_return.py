"""Evaluator packages end to end: issue, score in evaluator mode, sign, return, import.

The office issues member M3 a package (offers O1 and O3; O2 is recused, O4 rejected), the
member works through the service functions the evaluator-mode GUI calls, and the office
imports the signed return.  Every way a return can be wrong is refused with a message that
says which, and leaves the database as it was.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from app.db import Database
from app.errors import UserError
from app.models import Attachment, AttachmentBlob, Offer
from app.offline import SheetEntry, build_return, open_package
from app.services import base, committee, evaluator_mode, offline, offline_issue, score_entry
from app.services.base import Actor
from app.services.exchange import export_competition, import_document
from app.services.queries import audit_trail
from tests.unit.offline.offline_builders import scoring_template

CID = 1
OFFICE = Actor("Sekretarz Ola")
SCORES = {
    ("O1", "K1"): ("7,5", "Rzetelny harmonogram"),
    ("O1", "K2"): ("4", "Koszty uzasadnione"),
    ("O3", "K1"): ("9", "Bardzo dobre doświadczenie"),
    ("O3", "K2"): ("2,5", "Koszty zawyżone"),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scoring_template(tmp_path_factory.mktemp("package-template"))


@pytest.fixture
def office_db(template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "komisja.sqlite3"
    shutil.copy(template, path)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.dispose()


def state(db: Database) -> tuple[Any, ...]:
    trail = audit_trail(db)
    return export_competition(db, CID), len(trail), trail[-1] if trail else None


def issue(db: Database, tmp_path: Path, member: str = "M3", competition: int = CID) -> Path:
    path = tmp_path / f"{member}-{competition}.komisja"
    path.write_bytes(offline_issue.export_package(db, OFFICE, competition, member))
    return path


def score(
    package: Path, values: dict[tuple[str, str], tuple[str, str]]
) -> evaluator_mode.EvaluatorSession:
    session = evaluator_mode.open_evaluator_package(package)
    for key, (value, justification) in values.items():
        session, problems = evaluator_mode.update_entry(session, key, value, justification)
        assert not problems, problems
    evaluator_mode.save_evaluator_draft(session)
    return session


def returned(package: Path, values: dict[tuple[str, str], tuple[str, str]] = SCORES) -> bytes:
    target = package.with_suffix(".komisja-return")
    evaluator_mode.write_return(score(package, values), target, finished=True)
    return target.read_bytes()


def refused(db: Database, data: bytes, **target: Any) -> str:
    before = state(db)
    preview = offline.preview_package_return(db, data, **target)
    assert not preview.ok and preview.problems and not preview.rows
    with pytest.raises(UserError) as caught:
        offline.import_package_return(db, OFFICE, data, **target)
    assert caught.value.code == "import_refused" and caught.value.details == preview.problems
    assert state(db) == before
    return "\n".join(preview.problems)


def test_package_holds_only_what_the_member_may_see(office_db: Database, tmp_path: Path) -> None:
    with office_db.unit_of_work("Biuro") as session:
        for code in ("O1", "O2"):
            offer = session.scalars(select(Offer).where(Offer.code == code)).one()
            content = f"Oferta {code}: harmonogram".encode()
            digest = __import__("hashlib").sha256(content).hexdigest()
            session.add(AttachmentBlob(sha256=digest, content=content))
            session.flush()
            offer.attachments.append(
                Attachment(
                    filename=f"harmonogram {code}.pdf",
                    sha256=digest,
                    size=len(content),
                    added_at=base.now(),
                )
            )
    package = open_package(issue(office_db, tmp_path).read_bytes())
    assert [o.code for o in package.spec.offers] == ["O1", "O3"]
    assert package.spec.member_code == "M3" and package.spec.existing == {}
    assert [(a.offer_code, a.name) for a in package.attachments] == [("O1", "harmonogram O1.pdf")]
    assert package.read_attachment(package.attachments[0]) == b"Oferta O1: harmonogram"


def test_return_imports_attributed_to_the_member_and_once_only(
    office_db: Database, tmp_path: Path
) -> None:
    data = returned(issue(office_db, tmp_path))
    preview = offline.preview_package_return(office_db, data)
    assert preview.ok and preview.member_code == "M3" and preview.finished is True
    assert preview.counts() == {"new": 4, "changed": 0, "unchanged": 0, "removed": 0}
    offline.import_package_return(office_db, Actor("Kierownik Jan"), data)
    scores = score_entry.visible_scores(office_db, Actor("x"), CID)
    assert {(m, o, k, v) for m, o, k, v, _ in scores} == {
        ("M3", "O1", "K1", Decimal("7.5")),
        ("M3", "O1", "K2", Decimal("4")),
        ("M3", "O3", "K1", Decimal("9")),
        ("M3", "O3", "K2", Decimal("2.5")),
    }
    trail = audit_trail(office_db, competition_id=CID, object_type="Score")
    assert {(e.acting_member, e.operator) for e in trail} == {("M3", "Kierownik Jan")}
    event = [
        e for e in audit_trail(office_db, object_type="ScoreSheetIssue") if e.action == "import"
    ]
    assert len(event) == 1 and '"kind":"package"' in event[0].after
    before = state(office_db)
    again = offline.preview_package_return(office_db, data)
    assert again.ok and again.already_imported and again.changes == 0
    offline.import_package_return(office_db, OFFICE, data)
    assert state(office_db) == before


def test_later_return_replaces_earlier_one_and_the_earlier_is_then_refused(
    office_db: Database, tmp_path: Path
) -> None:
    package = issue(office_db, tmp_path)
    first = returned(package)
    second = returned(package, {("O3", "K1"): ("6", "Po rozmowie z oferentem")})
    offline.import_package_return(office_db, OFFICE, first)
    preview = offline.import_package_return(office_db, OFFICE, second)
    assert preview.counts() == {"new": 0, "changed": 1, "unchanged": 3, "removed": 0}
    text = refused(office_db, first)
    assert "wczytano już nowszy lub inny plik zwrotny" in text


def test_tampered_return_is_refused(office_db: Database, tmp_path: Path) -> None:
    data = returned(issue(office_db, tmp_path))
    envelope = json.loads(data)
    envelope["payload"] = envelope["payload"].replace('"value":"2.5"', '"value":"5"')
    forged = json.dumps(envelope).encode()
    assert forged != data
    assert "Podpis pliku zwrotnego się nie zgadza" in refused(office_db, forged)


def test_return_signed_with_another_key_is_refused(office_db: Database, tmp_path: Path) -> None:
    package = open_package(issue(office_db, tmp_path).read_bytes())
    stranger = Ed25519PrivateKey.generate()
    raw = serialization.Encoding.Raw
    forged_package = replace(
        package,
        public_key=stranger.public_key().public_bytes(raw, serialization.PublicFormat.Raw),
        _private_key=stranger.private_bytes(
            raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        ),
    )
    entries = {key: SheetEntry(Decimal(1), "x") for key in package.spec.keys}
    text = refused(office_db, build_return(forged_package, entries, True))
    assert "podpisano kluczem innego pakietu oceniającego" in text


def test_another_members_return_is_refused_for_this_member(
    office_db: Database, tmp_path: Path
) -> None:
    m2 = {(o, k): ("3", "uzasadnienie") for o in ("O1", "O2", "O3") for k in ("K1", "K2")}
    data = returned(issue(office_db, tmp_path, "M2"), m2)
    text = refused(office_db, data, competition_id=CID, member_code="M3")
    assert "innego członka komisji (Piotr Zieliński (M2)), a nie Ewa Łęcka (M3)" in text


def test_another_competitions_return_is_refused_for_this_competition(
    office_db: Database, tmp_path: Path
) -> None:
    doc = export_competition(office_db, CID)
    doc["competition"]["uid"] = "KONK-DRUGI"
    doc["competition"]["case_reference"] = "SO.524.10.2027"
    other = import_document(office_db, OFFICE, doc)
    data = returned(issue(office_db, tmp_path, "M3", other))
    text = refused(office_db, data, competition_id=CID)
    assert "Plik dotyczy innego konkursu (SO.524.10.2027" in text


def test_return_from_before_a_recusal_is_stale(office_db: Database, tmp_path: Path) -> None:
    data = returned(issue(office_db, tmp_path))
    committee.declare_conflict(office_db, OFFICE, CID, "M3", "O3", "ujawniony konflikt")
    text = refused(office_db, data)
    assert "wcześniejszej wersji kryteriów lub listy ofert" in text


def test_invalid_scores_in_a_signed_return_are_all_reported(
    office_db: Database, tmp_path: Path
) -> None:
    package = open_package(issue(office_db, tmp_path).read_bytes())
    entries = {
        ("O1", "K1"): SheetEntry(Decimal("7.3"), "x"),
        ("O1", "K2"): SheetEntry(Decimal("6"), "x"),
        ("O3", "K1"): SheetEntry(Decimal("5"), ""),
    }
    text = refused(office_db, build_return(package, entries, True))
    assert "Ocena 7,3" in text and "co 0,5" in text
    assert "poza skalą 0–5" in text and "Brak uzasadnienia oceny 5" in text


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (lambda d: d[: len(d) // 2], "uszkodzony lub niekompletny"),
        (lambda d: b"", "Plik jest pusty"),
        (lambda d: b"%PDF-1.7", "nie jest pakiet ani plik zwrotny"),
        (
            lambda d: d.replace(b"komisja-evaluator-return/1", b"komisja-evaluator-return/9", 1),
            "nowszej wersji programu Komisja",
        ),
    ],
    ids=["truncated", "empty", "not a return", "newer Komisja"],
)
def test_damaged_or_foreign_files_are_refused(
    office_db: Database, tmp_path: Path, spoil: Any, words: str
) -> None:
    assert words in refused(office_db, spoil(returned(issue(office_db, tmp_path))))


def test_the_package_itself_is_not_a_return(office_db: Database, tmp_path: Path) -> None:
    text = refused(office_db, issue(office_db, tmp_path).read_bytes())
    assert "pakiet oceniającego wysłany członkowi komisji, a nie jego plik zwrotny" in text


def test_return_of_another_database_is_refused(
    office_db: Database, template: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "inna"
    elsewhere.mkdir()
    shutil.copy(template, elsewhere / "k.sqlite3")
    other = Database.open(f"sqlite:///{elsewhere / 'k.sqlite3'}")
    try:
        data = returned(issue(other, elsewhere))
    finally:
        other.dispose()
    assert "nie wydano z tej bazy" in refused(office_db, data)


def test_a_score_the_member_cleared_is_removed(office_db: Database, tmp_path: Path) -> None:
    offline.import_package_return(office_db, OFFICE, returned(issue(office_db, tmp_path)))
    package = issue(office_db, tmp_path)  # a new package carries the scores so far
    session = evaluator_mode.open_evaluator_package(package)
    assert session.progress() == (4, 4)
    session, _ = evaluator_mode.update_entry(session, ("O3", "K2"), "", "")
    target = tmp_path / "zwrot.komisja-return"
    evaluator_mode.write_return(session, target, finished=False)
    preview = offline.import_package_return(office_db, OFFICE, target.read_bytes())
    assert preview.finished is False
    assert preview.counts() == {"new": 0, "changed": 0, "unchanged": 3, "removed": 1}
    remaining = score_entry.visible_scores(office_db, OFFICE, CID)
    assert ("O3", "K2") not in {(o, k) for _m, o, k, _v, _j in remaining}


# -- evaluator mode (the member's laptop) ------------------------------------------------------


def test_typing_is_checked_and_the_draft_survives_a_restart(
    office_db: Database, tmp_path: Path
) -> None:
    package = issue(office_db, tmp_path)
    session = evaluator_mode.open_evaluator_package(package)
    session, problems = evaluator_mode.update_entry(session, ("O1", "K1"), "7,3", "opis")
    assert problems == (
        "Ocena 7,3 (oferta O1, kryterium K1) nie pasuje do skali, w której oceny zmieniają się "
        "co 0,5. Wpisz np. 7 albo 7,5.",
    )
    assert session.entry(("O1", "K1")) is None
    _, problems = evaluator_mode.update_entry(session, ("O1", "K1"), "siedem", "opis")
    assert "„siedem”" in problems[0] and "nie jest liczbą" in problems[0]
    _, problems = evaluator_mode.update_entry(session, ("O1", "K1"), "7", "  ")
    assert "Brak uzasadnienia" in problems[0]
    session, problems = evaluator_mode.update_entry(session, ("O1", "K1"), "7,5", "Dobrze")
    assert not problems
    evaluator_mode.save_evaluator_draft(session)
    reopened = evaluator_mode.open_evaluator_package(package)
    assert reopened.entry(("O1", "K1")) == SheetEntry(Decimal("7.5"), "Dobrze")
    assert reopened.progress() == (1, 4) and not reopened.notice


def test_finished_needs_every_score(office_db: Database, tmp_path: Path) -> None:
    package = issue(office_db, tmp_path)
    session = score(package, {("O1", "K1"): ("7", "ok")})
    target = tmp_path / "zwrot.komisja-return"
    with pytest.raises(UserError) as caught:
        evaluator_mode.write_return(session, target, finished=True)
    assert caught.value.code == "evaluator_incomplete" and len(caught.value.details) == 3
    assert "Oferta O3, kryterium K2: brak oceny" in caught.value.text()
    assert not target.exists()


def test_damaged_draft_is_set_aside_and_named(office_db: Database, tmp_path: Path) -> None:
    package = issue(office_db, tmp_path)
    draft = package.with_suffix(".komisja-draft")
    draft.write_text("{ to nie jest JSON", encoding="utf-8")
    session = evaluator_mode.open_evaluator_package(package)
    assert "uszkodzony" in session.notice and session.progress() == (0, 4)
    assert draft.with_name(draft.name + ".bad").exists()


def test_damaged_package_cannot_be_opened(office_db: Database, tmp_path: Path) -> None:
    package = issue(office_db, tmp_path)
    package.write_bytes(package.read_bytes()[:300])
    with pytest.raises(UserError) as caught:
        evaluator_mode.open_evaluator_package(package)
    assert caught.value.code == "package_unusable"
    assert "uszkodzony lub niekompletny" in caught.value.text()
