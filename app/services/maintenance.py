"""Integrity checks and backups of the whole database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from app.db import Database
from app.db.audit import ChainReport, verify_chain

PROBLEM_TEXT = {
    "modified": ("wpis zmieniony po zapisaniu", "entry was modified after it was written"),
    "deleted": ("brak wpisu (usunięty)", "entry is missing (deleted)"),
    "reordered": ("wpisy przestawione lub podmienione", "entries were reordered or replaced"),
    "head_mismatch": (
        "brak końcowych wpisów dziennika (usunięte) lub zmieniony znacznik łańcucha",
        "the last entries are missing (deleted) or the chain head was changed",
    ),
}


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    chain: ChainReport
    integrity: str  # "ok" or what the database engine reported

    def lines(self, lang: str = "pl") -> list[str]:
        en = lang == "en"
        out = []
        if self.chain.ok:
            out.append(
                f"Audit trail: {self.chain.entries} entries, chain intact."
                if en
                else f"Dziennik zdarzeń: {self.chain.entries} wpisów, łańcuch nienaruszony."
            )
        else:
            pl_text, en_text = PROBLEM_TEXT[self.chain.problem]
            out.append(
                f"Audit trail BROKEN at entry #{self.chain.first_broken}: {en_text}."
                if en
                else f"Dziennik zdarzeń NARUSZONY od wpisu nr {self.chain.first_broken}: {pl_text}."
            )
        if self.integrity == "ok":
            out.append("Database integrity: ok." if en else "Spójność bazy danych: w porządku.")
        else:
            out.append(
                f"Database integrity: {self.integrity}"
                if en
                else f"Spójność bazy danych: {self.integrity}"
            )
        return out


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
