"""The exchange format: lossless round trip; bad files refused with the place named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.db import Database
from app.errors import UserError
from app.services.base import Actor
from app.services.demo import create_demo
from app.services.exchange import export_competition, import_file
from app.services.exchange_schema import SCHEMA
from app.services.queries import list_competitions

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_documents(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    ids = [cid for cid, _ in create_demo(database, Actor("Demo"))]
    documents = [export_competition(database, cid) for cid in ids]
    database.dispose()
    return documents


def write(tmp_path: Path, document: Any, name: str = "c.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_export_import_export_is_identical(
    demo_documents: list[dict[str, Any]], db: Database, actor: Actor, tmp_path: Path
) -> None:
    for document in demo_documents:
        cid = import_file(db, actor, write(tmp_path, document))
        again = export_competition(db, cid)
        assert again == document
    open_competition = demo_documents[0]
    assert len(open_competition["offers"]) >= 12
    assert any(m["role"] == "expert" for m in open_competition["members"])
    assert any(m["conflicts"] for m in open_competition["members"])
    assert any(o["formal_status"] == "rejected" for o in open_competition["offers"])


def test_schema_document_in_docs_is_current() -> None:
    on_disk = json.loads(
        (REPO / "docs" / "exchange-format.schema.json").read_text(encoding="utf-8")
    )
    assert on_disk == SCHEMA


def _refused(db: Database, actor: Actor, path: Path) -> UserError:
    with pytest.raises(UserError) as caught:
        import_file(db, actor, path)
    assert list_competitions(db) == []
    return caught.value


def test_truncated_file_is_refused_with_its_place(
    demo_documents: list[dict[str, Any]], db: Database, actor: Actor, tmp_path: Path
) -> None:
    text = json.dumps(demo_documents[1], ensure_ascii=False, indent=1)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    error = _refused(db, actor, path)
    assert error.code == "exchange_invalid"
    assert "line" in error.text("en") and "truncated" in error.text("en")


def test_not_a_komisja_file_is_refused(db: Database, actor: Actor, tmp_path: Path) -> None:
    error = _refused(db, actor, write(tmp_path, {"hello": "world"}))
    assert "not a Komisja exchange document" in error.text("en")
    path = tmp_path / "binary.json"
    path.write_bytes(b"PK\x03\x04\xff\xfe garbage")
    assert _refused(db, actor, path).code == "exchange_invalid"


def test_newer_format_is_refused(
    demo_documents: list[dict[str, Any]], db: Database, actor: Actor, tmp_path: Path
) -> None:
    document = dict(demo_documents[1], version=99)
    error = _refused(db, actor, write(tmp_path, document))
    assert error.code == "exchange_newer"
    assert "Zaktualizuj" in error.text("pl")


def test_broken_rule_is_refused_with_its_place(
    demo_documents: list[dict[str, Any]], db: Database, actor: Actor, tmp_path: Path
) -> None:
    document = json.loads(json.dumps(demo_documents[0]))
    document["scores"][5]["value"] = "7.3"
    document["offers"][2]["applicant"]["nip"] = "5260001247"
    error = _refused(db, actor, write(tmp_path, document))
    text = error.text("en")
    assert "$.offers[2].applicant.nip" in text
    assert "$.scores[5].value" in text


def test_wrong_type_is_refused_with_its_place(
    demo_documents: list[dict[str, Any]], db: Database, actor: Actor, tmp_path: Path
) -> None:
    document = json.loads(json.dumps(demo_documents[0]))
    document["offers"][3]["requested_amount"] = 4500.5
    error = _refused(db, actor, write(tmp_path, document))
    assert "$.offers[3].requested_amount" in error.text("en")


def test_duplicate_competition_is_refused(
    demo_documents: list[dict[str, Any]], db: Database, actor: Actor, tmp_path: Path
) -> None:
    path = write(tmp_path, demo_documents[2])
    import_file(db, actor, path)
    before = [c.id for c in list_competitions(db)]
    with pytest.raises(UserError) as caught:
        import_file(db, actor, path)
    assert caught.value.code == "exchange_duplicate"
    assert [c.id for c in list_competitions(db)] == before
