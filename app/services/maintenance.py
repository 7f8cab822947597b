"""Integrity checks and backups of the whole database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from app.db import Database
from app.db.audit import ChainReport, verify_chain
from app.words import Words


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    chain: ChainReport
    integrity: str  # "ok" or what the database engine reported

    def lines(self, lang: str = "pl") -> list[str]:
        """The report worded in ``lang``."""
        chain = (
            Words("cli.verify_chain_ok", {"count": self.chain.entries})
            if self.chain.ok
            else Words(
                "cli.verify_chain_broken",
                {"entry": self.chain.first_broken, "problem": self.chain.problem},
            )
        )
        integrity = (
            Words("cli.verify_integrity_ok")
            if self.integrity == "ok"
            else Words("cli.verify_integrity_failed", {"detail": self.integrity})
        )
        return [chain.text(lang), integrity.text(lang)]


def verify(db: Database) -> VerifyReport:
    with db.engine.connect() as connection:
        chain = verify_chain(connection)
        if db.is_sqlite:
            rows = [r[0] for r in connection.execute(text("PRAGMA integrity_check"))]
            fk = list(connection.execute(text("PRAGMA foreign_key_check")))
            integrity = (
                "ok"
                if rows == ["ok"] and not fk
                else "; ".join(
                    [str(r) for r in rows if r != "ok"] + [f"foreign key: {tuple(r)}" for r in fk]
                )
            )
        else:
            connection.execute(text("SELECT 1"))
            integrity = "ok"
    return VerifyReport(chain.ok and integrity == "ok", chain, integrity)


def backup(db: Database, target: Path) -> Path:
    return db.backup_to(target)
