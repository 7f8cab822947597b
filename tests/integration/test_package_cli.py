"""``komisja package`` and ``komisja scoresheet`` end to end on a database file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.services import evaluator_mode
from tests.unit.offline.offline_builders import fill_card, scoring_template


@pytest.fixture
def db_file(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    path = tmp_path / "komisja.sqlite3"
    shutil.copy(scoring_template(tmp_path_factory.mktemp("cli-template")), path)
    return path


def run(db_file: Path, *args: str) -> int:
    return main([*args, "--db", str(db_file), "--operator", "Sekretarz Ola"])


def test_package_export_score_return_import(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "M3.komisja"
    assert run(db_file, "package", "export", "1", "--member", "M3", "-o", str(package)) == 0
    session = evaluator_mode.open_evaluator_package(package)
    for key, value in {("O1", "K1"): "7,5", ("O1", "K2"): "4"}.items():
        session, problems = evaluator_mode.update_entry(session, key, value, "uzasadnienie")
        assert not problems
    back = tmp_path / "M3.komisja-return"
    evaluator_mode.write_return(session, back, finished=False)
    capsys.readouterr()

    assert run(db_file, "package", "import", str(back), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Ewa Łęcka (M3): nowa: 2" in out and "O1       K1     — → 7,5" in out
    assert "zwrot częściowy" in out
    assert run(db_file, "package", "import", str(back)) == 0
    capsys.readouterr()
    assert run(db_file, "package", "import", str(back)) == 0
    assert "był już zaimportowany i niczego nie zmienia" in capsys.readouterr().out

    assert run(db_file, "package", "import", str(package)) == 2
    err = capsys.readouterr().err
    assert "a nie jego plik zwrotny" in err and "Nic nie zostało zapisane" in err


def test_scoresheet_import_reports_every_problem(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = tmp_path / "M3.xlsx"
    assert run(db_file, "scoresheet", "export", "1", "--member", "M3", "-o", str(card)) == 0
    card.write_bytes(
        fill_card(card.read_bytes(), {("O1", "K1"): (7.3, "x"), ("O3", "K2"): (9, "y")})
    )
    assert run(db_file, "scoresheet", "import", str(card), "--lang", "en") == 2
    err = capsys.readouterr().err
    assert "cell H5" in err and "cell H9" in err and "Nothing was written" in err
