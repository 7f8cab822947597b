"""Where things live (database, logs, settings) and the operator's persistent settings.

The database defaults to the per-user data folder (``%LOCALAPPDATA%\\Komisja`` on Windows);
``--db PATH`` or ``KOMISJA_DB`` choose another SQLite file and ``KOMISJA_DATABASE_URL`` a
server database (PostgreSQL).  A ``portable.txt`` file next to a frozen program keeps all data
beside it (for committee members' USB sticks).
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app import APP_NAME

log = logging.getLogger(__name__)


def _portable_root() -> Path | None:
    if getattr(sys, "frozen", False):
        root = Path(sys.executable).resolve().parent
        if (root / "portable.txt").exists():
            return root / "data"
    return None


def data_dir() -> Path:
    override = os.environ.get("KOMISJA_HOME")
    if override:
        path = Path(override)
    else:
        path = _portable_root() or Path(
            platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)
        )
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / "komisja.log"


def default_db_path() -> Path:
    return data_dir() / "komisja.sqlite3"


def database_url(db_path: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL: ``--db`` wins, then ``KOMISJA_DATABASE_URL``, then ``KOMISJA_DB``."""
    if db_path is not None:
        return f"sqlite:///{Path(db_path).resolve()}"
    url = os.environ.get("KOMISJA_DATABASE_URL")
    if url:
        return url
    path = os.environ.get("KOMISJA_DB")
    return f"sqlite:///{Path(path).resolve() if path else default_db_path()}"


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_komisja", False) for h in root.handlers):
        return
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:  # read-only or full disk: keep working, log to stderr instead
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._komisja = True  # type: ignore[attr-defined]  # marks our handler to avoid doubles
    root.addHandler(handler)
    root.setLevel(level)


@dataclass
class Settings:
    """The operator's settings shared by the command line and the GUI."""

    operator: str = ""
    language: str = "pl"

    @staticmethod
    def path() -> Path:
        return data_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        try:
            raw = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        return cls(operator=str(raw.get("operator", "")), language=str(raw.get("language", "pl")))

    def save(self) -> None:
        target = self.path()
        tmp = target.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"operator": self.operator, "language": self.language}, ensure_ascii=False),
            encoding="utf-8",
        )
        os.replace(tmp, target)


def current_language() -> str:
    lang = os.environ.get("KOMISJA_LANG") or Settings.load().language
    return "en" if lang.lower().startswith("en") else "pl"
