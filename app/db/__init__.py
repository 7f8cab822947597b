"""Opening the database: engine set-up, migrations after a backup, units of work, error triage.

``Database.open(url)`` is the one way in.  SQLite gets WAL, foreign keys and durable commits;
PostgreSQL needs nothing special because the models use nothing SQLite-only.  Known,
environmental database failures (locked, disk full, corrupt, unreachable) become a
``UserError`` that says what to do; everything else is a bug and propagates.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.db import audit
from app.errors import UserError
from app.resources import package_path

log = logging.getLogger(__name__)

MIGRATIONS_DIR = package_path("migrations")  # a file folder, also in the frozen build
BUSY_TIMEOUT_MS = 5000  # how long a writer waits for another before "locked" is reported


class KomisjaSession(Session):
    """Session class that carries the audit hook."""


audit.install(KomisjaSession)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def classify(error: BaseException, url: str = "") -> UserError | None:
    """Map an environmental database failure to a user error; ``None`` means a bug."""
    original = getattr(error, "orig", error)
    detail = (
        str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    )
    lowered = detail.lower()
    if getattr(original, "sqlstate", None) in {"40001", "40P01"}:  # serialization, deadlock
        return UserError("concurrent_change")
    if "locked" in lowered or "busy" in lowered or "could not obtain lock" in lowered:
        return UserError("db_locked", {"detail": detail})
    if (
        "disk is full" in lowered
        or "disk i/o" in lowered
        or "no space" in lowered
        or (isinstance(original, OSError) and getattr(original, "errno", None) == 28)
    ):
        return UserError("disk_full", {"detail": detail})
    if "not a database" in lowered or "malformed" in lowered or "file is encrypted" in lowered:
        return UserError("db_corrupt", {"detail": detail})
    if (
        "unable to open database" in lowered
        or "connection refused" in lowered
        or ("could not connect" in lowered or "password authentication" in lowered)
    ):
        return UserError("db_unreachable", {"url": _safe_url(url), "detail": detail})
    if "readonly" in lowered or "read-only" in lowered:
        return UserError("disk_full", {"detail": detail})
    return None


def _is_race(error: IntegrityError) -> bool:
    """A uniqueness clash that the services checked beforehand: another writer came first."""
    text_ = str(error.orig)
    code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return (
        "audit_entry" in text_
        or "UNIQUE constraint failed" in text_
        or code in {"23505", "40001", "40P01"}
    )


def _safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is reported as given
        return url


class Database:
    """An open, migrated database and the way to run units of work against it."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self._sessions = sessionmaker(bind=engine, class_=KomisjaSession, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        database = make_url(self.url).database
        if not self.is_sqlite or not database or database == ":memory:":
            return None
        return Path(database)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Database:
        parsed = make_url(url)
        kwargs: dict[str, Any] = {}
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        engine = create_engine(url, **kwargs)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        database = cls(engine, url)
        try:
            if migrate:
                database.migrate()
            else:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
        except (OperationalError, DBAPIError, sqlite3.Error, OSError) as error:
            engine.dispose()
            known = classify(error, url)
            if known is None:
                raise
            raise known from error
        except Exception:
            engine.dispose()
            raise
        return database

    # -- migrations ---------------------------------------------------------------------------

    def _alembic_config(self) -> Any:
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.set_main_option("path_separator", "os")
        return config

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def migrate(self) -> None:
        """Bring the schema to this program's head, after backing up an existing file."""
        from alembic import command
        from alembic.script import ScriptDirectory

        config = self._alembic_config()
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        current = self.current_revision()
        if current == head:
            return
        if current is not None:
            known = {revision.revision for revision in script.walk_revisions()}
            if current not in known:
                raise UserError("db_newer", {"revision": current})
            self.backup_before_migration(current)
        elif self._has_foreign_tables():
            raise UserError(
                "db_corrupt", {"detail": "the file holds tables that are not Komisja's"}
            )
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        log.info("database %s migrated from %s to %s", _safe_url(self.url), current, head)

    def _has_foreign_tables(self) -> bool:
        with self.engine.connect() as connection:
            names = inspect(connection).get_table_names()
        return bool([name for name in names if name != "alembic_version"])

    def backup_before_migration(self, revision: str) -> Path | None:
        path = self.sqlite_path
        if path is None or not path.exists():
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}")
        self.backup_to(target)
        log.info("backup before migration: %s", target)
        return target

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of a SQLite database (safe while it is in use)."""
        path = self.sqlite_path
        if path is None:
            raise UserError(
                "invalid_value",
                {"field": "backup", "detail": "use pg_dump for a PostgreSQL database"},
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        try:
            source = sqlite3.connect(str(path))
            try:
                destination = sqlite3.connect(str(tmp))
                try:
                    source.backup(destination)
                finally:
                    destination.close()
            finally:
                source.close()
            shutil.move(str(tmp), str(target))
        except (sqlite3.Error, OSError) as error:
            tmp.unlink(missing_ok=True)
            known = classify(error, self.url)
            if known is None:
                raise
            raise known from error
        return target

    # -- units of work ------------------------------------------------------------------------

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        session = self._sessions()
        try:
            yield session
        except (OperationalError, DBAPIError) as error:
            known = classify(error, self.url)
            if known is None:
                raise
            raise known from error
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def unit_of_work(self, operator: str, member: str = "") -> Iterator[Session]:
        """One transaction: everything in the block is committed together, or nothing is."""
        if not operator.strip():
            raise UserError("operator_missing")
        session = self._sessions()
        session.info["operator"] = operator.strip()
        session.info["member"] = member
        try:
            if self.is_sqlite:
                # Take the write lock now, not at the first INSERT: what the block reads
                # (the next offer number, the audit head) cannot change before it writes.
                session.execute(text("BEGIN IMMEDIATE"))
            yield session
            session.commit()
        except IntegrityError as error:
            session.rollback()
            if _is_race(error):
                raise UserError("concurrent_change") from error
            raise
        except (OperationalError, DBAPIError) as error:
            session.rollback()
            known = classify(error, self.url)
            if known is None:
                raise
            raise known from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
