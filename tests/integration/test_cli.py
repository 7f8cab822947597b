"""The command line as office IT scripts it: demo, list, show, results, export/import, backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_then_verify_and_the_other_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.sqlite3")
    code, out, _ = run(capsys, "demo", "--db", db, "--operator", "Jan Testowy")
    assert code == 0
    ids = [int(line.split("\t")[0]) for line in out.splitlines()]
    assert len(ids) == 3
    assert run(capsys, "verify", "--db", db)[0] == 0
    code, out, _ = run(capsys, "list", "--db", db, "--json")
    listed = json.loads(out)
    assert {c["kind"] for c in listed} == {"ngo_grant", "investor", "provider"}
    code, out, _ = run(capsys, "show", str(ids[0]), "--db", db)
    assert (
        "Komisja:" in out
        and "wyłączenie z oceny ofert" in out
        and "ekspert" not in out.split("Komisja:")[0]
    )
    assert "E+" not in out and "wyłączony" not in out  # numbers as numbers, neutral wording
    code, out, _ = run(capsys, "results", str(ids[0]), "--db", db, "--json")
    data = json.loads(out)
    ranked = [o for o in data["offers"] if o["rank"] is not None]
    assert ranked and all(o["explanation"] for o in ranked)
    assert any("M5" in o["excluded_members"] for o in data["offers"] if o["admitted"])
    code, out, _ = run(capsys, "results", str(ids[0]), "--db", db)
    assert "Przyznano" in out and "zł" in out
    exported = tmp_path / "c.json"
    assert run(capsys, "export", str(ids[1]), "-o", str(exported), "--db", db)[0] == 0
    other = str(tmp_path / "other.sqlite3")
    code, out, _ = run(capsys, "import", str(exported), "--db", other, "--operator", "Ola")
    assert code == 0 and out.strip() == "1"
    backup = tmp_path / "backup.sqlite3"
    assert run(capsys, "backup", "-o", str(backup), "--db", db)[0] == 0
    assert run(capsys, "list", "--db", str(backup))[1].count("\n") == 3


def test_errors_go_to_stderr_with_a_nonzero_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.sqlite3")
    code, out, err = run(capsys, "show", "42", "--db", db)
    assert code == 2 and out == "" and "Nie znaleziono" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "import", str(bad), "--db", db, "--lang", "en", "--operator", "X")
    assert code == 2 and "invalid" in err


def test_common_options_work_before_and_after_the_subcommand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tmp_path / "before.sqlite3"
    after = tmp_path / "after.sqlite3"
    assert run(capsys, "--db", str(before), "--operator", "Jan Testowy", "demo")[0] == 0
    assert run(capsys, "demo", "--db", str(after), "--operator", "Jan Testowy")[0] == 0
    assert before.exists() and after.exists()
    code, out, _ = run(capsys, "--lang", "en", "--db", str(before), "list", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_the_command_line_speaks_one_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Help, listings, numbers and errors in the chosen language, with plural forms right."""
    db = str(tmp_path / "k.sqlite3")
    assert run(capsys, "demo", "--db", db, "--operator", "Jan Testowy")[0] == 0
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0 and "14 ofert " in out and "4 oferty " in out and "5 ofert " in out
    code, out, _ = run(capsys, "--lang", "en", "list", "--db", db)
    assert "4 offers " in out and "oferty" not in out and "results" in out
    code, out, _ = run(capsys, "show", "1", "--db", db)
    assert "waga 10 " in out and "0–10 co 0,5" in out and "Termin składania ofert: " in out
    assert "przewodniczący komisji" in out and "dopuszczona" in out and "UTC" not in out
    code, out, _ = run(capsys, "--lang", "en", "show", "2", "--db", db)
    assert "weight 40 " in out and "lower is better" in out and "max_return" not in out
    assert "Case reference:" in out and "Znak sprawy" not in out and "PLN " in out
    code, out, _ = run(capsys, "verify", "--db", db)
    assert code == 0 and " wpisów, łańcuch nienaruszony." in out
    code, _, err = run(capsys, "advance", "1", "--db", db, "--operator", "X")
    assert code == 2 and "zatwierdzenie wyniku przez przewodniczącego" in err
    code, _, err = run(capsys, "signoff", "1", "--db", db, "--operator", "X")
    assert code == 2 and err.startswith("Podaj kod przewodniczącego komisji (opcja --member)")
    code, _, err = run(capsys, "--lang", "en", "scoresheet", "export", "x", "--db", db)
    assert code == 2 and "is not a competition id" in err
    code, _, err = run(capsys, "scoresheet", "export", "1", "--db", db)
    assert code == 2 and "Użycie: komisja scoresheet export ID --member KOD -o PLIK" in err


@pytest.mark.parametrize(
    ("lang", "expected", "foreign"),
    [("pl", "lista konkursów", "list competitions"), ("en", "list competitions", "konkursów")],
)
def test_help_is_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str], lang: str, expected: str, foreign: str
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", lang, "--help"])
    out = capsys.readouterr().out
    assert expected in out and foreign not in out
