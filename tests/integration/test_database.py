"""The database layer: migrations agree with the models, environmental failures are clear."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

import app.db as dbmodule
from app.db import Database
from app.errors import UserError
from app.models import Base
from app.services import call_setup
from app.services.queries import list_competitions
from tests.builders import call


def test_models_and_migrations_agree(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        assert compare_metadata(context, Base.metadata) == []


@pytest.mark.sqlite_only
def test_sqlite_is_durable_and_checks_foreign_keys(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


@pytest.mark.sqlite_only
def test_database_from_a_newer_program_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    Database.open(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        Database.open(f"sqlite:///{path}")
    assert caught.value.code == "db_newer"
    assert "nowszej wersji" in caught.value.text("pl")
    assert "9999_future" in caught.value.text("en")
    assert path.read_bytes() == before


@pytest.mark.sqlite_only
def test_migration_backs_up_the_file_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, actor: object
) -> None:
    path = tmp_path / "k.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    call_setup.create_competition(database, actor, call())  # type: ignore[arg-type]
    database.dispose()
    migrations = tmp_path / "migrations"
    shutil.copytree(
        dbmodule.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__")
    )
    head = database.current_revision()
    (migrations / "versions" / "9000_test.py").write_text(
        f'revision = "9000"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n"
        "def upgrade():\n"
        "    op.create_table('extra', sa.Column('id', sa.Integer, primary_key=True))\n"
        "def downgrade():\n    op.drop_table('extra')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(dbmodule, "MIGRATIONS_DIR", migrations)
    migrated = Database.open(f"sqlite:///{path}")
    assert migrated.current_revision() == "9000"
    migrated.dispose()
    backups = list(tmp_path.glob(f"k.before-{head}-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT count(*) FROM competition").fetchone() == (1,)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)


@pytest.mark.sqlite_only
def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(UserError) as caught:
        Database.open(f"sqlite:///{path}")
    assert caught.value.code == "db_corrupt"
    assert "kopii zapasowej" in caught.value.text("pl")


@pytest.mark.sqlite_only
def test_a_locked_database_is_reported_and_nothing_is_half_written(
    db: Database, actor: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = db.sqlite_path
    assert path is not None
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT_MS", 200)
        db.engine.dispose()
        with pytest.raises(UserError) as caught:
            call_setup.create_competition(db, actor, call())  # type: ignore[arg-type]
    finally:
        blocker.rollback()
        blocker.close()
    assert caught.value.code == "db_locked"
    assert "spróbuj ponownie" in caught.value.text("pl")
    assert list_competitions(db) == []


@pytest.mark.sqlite_only
def test_a_full_disk_is_reported_and_nothing_is_half_written(db: Database, actor: object) -> None:
    from sqlalchemy import event

    call_setup.create_competition(db, actor, call(title="Istniejący"))  # type: ignore[arg-type]

    def tiny(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count={pages}")
        cursor.close()

    db.engine.dispose()
    event.listen(db.engine, "connect", tiny)
    try:
        with pytest.raises(UserError) as caught:
            call_setup.create_competition(  # type: ignore[arg-type]
                db, actor, call(title="Za duży " + "x" * 50_000, task_description="y" * 200_000)
            )
    finally:
        event.remove(db.engine, "connect", tiny)
        db.engine.dispose()
    assert caught.value.code == "disk_full"
    assert [c.title for c in list_competitions(db)] == ["Istniejący"]


@pytest.mark.sqlite_only
def test_backup_is_a_consistent_copy(db: Database, actor: object, tmp_path: Path) -> None:
    call_setup.create_competition(db, actor, call())  # type: ignore[arg-type]
    target = db.backup_to(tmp_path / "copy.sqlite3")
    copy = Database.open(f"sqlite:///{target}")
    assert [c.title for c in list_competitions(copy)] == ["Konkurs testowy: wsparcie seniorów"]
    copy.dispose()
