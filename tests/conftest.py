"""Shared fixtures: a fresh migrated database per test, an operator, a controllable clock."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db import Database
from app.services.base import Actor

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings, logs and the default database go to a temporary folder, never the user's."""
    home = tmp_path_factory.mktemp("komisja-home")
    monkeypatch.setenv("KOMISJA_HOME", str(home))
    monkeypatch.delenv("KOMISJA_DB", raising=False)
    monkeypatch.delenv("KOMISJA_DATABASE_URL", raising=False)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    pg = os.environ.get("KOMISJA_TEST_DATABASE_URL")
    if pg:
        from sqlalchemy import create_engine, text

        engine = create_engine(pg)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        return pg
    return f"sqlite:///{tmp_path / 'komisja.sqlite3'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database.open(db_url)
    yield database
    database.dispose()


@pytest.fixture
def actor() -> Actor:
    return Actor(operator="Jan Testowy")


class Clock:
    """Replaces ``app.services.base.now`` so a competition can be played at its own dates."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.current = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        monkeypatch.setattr("app.services.base.now", lambda: self.current)

    def set(self, when: datetime) -> None:
        self.current = when


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def external_tool(name: str) -> str:
    """Path of an external program, or skip (fail when KOMISJA_REQUIRE_EXTERNAL is set)."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("KOMISJA_REQUIRE_EXTERNAL"):
            pytest.fail(f"{name} is required (KOMISJA_REQUIRE_EXTERNAL is set) but not installed")
        pytest.skip(f"{name} is not installed")
    return path
