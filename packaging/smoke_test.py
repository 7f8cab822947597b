"""Smoke test of the frozen build in ``dist/Komisja``: every kind of run-time resource is used.

    python packaging/smoke_test.py [--dist dist/Komisja] [--gui-seconds 5] [--keep]

Runs the frozen ``komisja`` / ``komisja-gui`` executables (never the source tree) in a fresh
temporary folder with an isolated data folder, and checks what a user would notice:

- ``--version`` prints the version of pyproject.toml (the package metadata ships);
- ``demo`` into a fresh database: the Alembic migrations run from their files;
- a protocol exported to PDF and Excel: the DejaVu fonts are embedded (``pdffonts``) and the
  text has its Polish letters (``pdftotext``); the workbook opens and has live formulas;
- the protocol signed with a throw-away certificate (pyHanko in the frozen build);
- a competition exported to the exchange format, re-imported at the scoring stage, and an
  evaluator package and a score workbook exported from it;
- the Polish translations load (``komisja --check-resources``): Komisja's own ``.qm``
  and Qt's, checked against a message of ``resources/translations/*_pl.ts``; and every
  icon of ``resources/icons`` renders (the SVG plugin ships);
- portable mode: with ``portable.txt`` beside the program its data goes to ``data/`` there;
- the GUI started offscreen runs for a few seconds with no traceback and no error in its log,
  and so does ``komisja-gui FILE.komisja`` (what a double-click on a package runs).

Exits 0 when all pass; otherwise 1, with one line per failed check saying what is wrong.
Needs the Python that built the program (for openpyxl) and, on Linux, poppler-utils; on
Windows without poppler the PDF checks fall back to reading the file's font objects.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
TRANSLATIONS = ROOT / "resources" / "translations"  # --translations replaces it
POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Variables that would let the frozen program read files from the source tree instead.
ISOLATE = ("KOMISJA_RESOURCES", "KOMISJA_QM_DIR", "KOMISJA_DB", "KOMISJA_DATABASE_URL")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class SmokeError(Exception):
    """One check failed; the message says what and where to look."""


class Smoke:
    def __init__(self, dist: Path, work: Path, gui_seconds: float) -> None:
        self.dist = dist
        self.work = work
        self.gui_seconds = gui_seconds
        self.cli = dist / f"komisja{EXE_SUFFIX}"
        self.gui = dist / f"komisja-gui{EXE_SUFFIX}"
        self.home = work / "home"
        self.db = work / "komisja.sqlite3"
        self.env = {k: v for k, v in os.environ.items() if k not in ISOLATE}
        self.env.update(
            KOMISJA_HOME=str(self.home),
            KOMISJA_OPERATOR="Test Dymny",
            KOMISJA_LANG="pl",
            PYTHONIOENCODING="utf-8",
            QT_QPA_PLATFORM="offscreen",
        )
        self.competition = 0
        self.scoring_competition = 0
        self.package: Path | None = None

    # -- helpers -------------------------------------------------------------------------------

    def run(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        """Run the frozen command line; a non-zero exit is a failure with its stderr."""
        command = [str(self.cli), *args]
        result = subprocess.run(
            command,
            cwd=self.work,
            env=env or self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
        if result.returncode != 0:
            output = (result.stderr.strip() or result.stdout.strip()).splitlines()
            raise SmokeError(
                f"`komisja {' '.join(args)}` exited with {result.returncode}:\n"
                + "\n".join(output[-12:])
            )
        return result

    def db_args(self) -> list[str]:
        return ["--db", str(self.db)]

    # -- checks --------------------------------------------------------------------------------

    def check_executables(self) -> str:
        # The operator is known, so the GUI opens its window instead of asking in a dialog.
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "settings.json").write_text(
            json.dumps({"operator": "Test Dymny", "language": "pl"}), encoding="utf-8"
        )
        for exe in (self.cli, self.gui):
            if not exe.is_file():
                raise SmokeError(f"{exe} is missing: build first (python packaging/build.py)")
        return f"{self.dist} ({folder_size(self.dist) / 1e6:.0f} MB)"

    def check_version(self) -> str:
        expected = project_version()
        printed = self.run("--version").stdout.strip()
        if printed != f"komisja {expected}":
            raise SmokeError(f"--version printed {printed!r}, pyproject.toml says {expected}")
        # app/__init__.py falls back to a fixed version without metadata: check it really ships
        metadata = [
            *self.dist.glob("_internal/komisja-*.dist-info/METADATA"),
            *self.dist.glob("_internal/komisja.egg-info/PKG-INFO"),
        ]
        if not any(f"\nVersion: {expected}\n" in m.read_text(encoding="utf-8") for m in metadata):
            raise SmokeError(f"no package metadata of version {expected} in the build")
        return printed

    def check_demo_and_migration(self) -> str:
        out = self.run("demo", *self.db_args()).stdout
        ids = [int(line.split("\t", 1)[0]) for line in out.splitlines() if line.strip()]
        if not ids:
            raise SmokeError(f"`komisja demo` printed no competitions:\n{out}")
        self.competition = ids[0]
        head = migration_head()
        with sqlite3.connect(self.db) as connection:
            stored = [
                row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
            ]
        if stored != [head]:
            raise SmokeError(f"database at migration {stored}, expected the head {head!r}")
        listed = self.run("list", *self.db_args()).stdout
        if "konkurs ofert" not in listed.lower():
            raise SmokeError(f"`komisja list` does not show the demo competitions:\n{listed}")
        return f"{len(ids)} demo competitions, schema at revision {head}"

    def check_protocol(self) -> str:
        pdf, xlsx = self.work / "protokół.pdf", self.work / "protokół.xlsx"
        self.run(
            "protocol",
            "export",
            str(self.competition),
            "--pdf",
            str(pdf),
            "--xlsx",
            str(xlsx),
            *self.db_args(),
        )
        if not pdf.read_bytes().startswith(b"%PDF-"):
            raise SmokeError(f"{pdf} is not a PDF")
        fonts = check_pdf_fonts(pdf)
        text = pdf_text(pdf)
        missing = sorted(POLISH_LETTERS - set(text)) if text is not None else []
        if text is not None and ("Protokół" not in text or len(missing) > 8):
            raise SmokeError(
                f"the protocol's text lacks Polish letters (missing {''.join(missing)}): "
                "fonts or encoding broken"
            )
        formulas = check_workbook(xlsx)
        return f"PDF fonts {', '.join(fonts)}; workbook with {formulas} formulas"

    def check_signature(self) -> str:
        pdf = self.work / "protokół.pdf"
        if not pdf.is_file():
            raise SmokeError("no protocol PDF to sign (the protocol check failed)")
        certificate = self.work / "podpis.p12"
        certificate.write_bytes(throwaway_p12(b"smoke-test"))
        signed = self.work / "protokół-podpisany.pdf"
        env = dict(self.env, KOMISJA_P12_PASSWORD="smoke-test")
        self.run(
            "protocol",
            "sign",
            str(pdf),
            "--p12",
            str(certificate),
            "--signer",
            "Zofia Żółkiewska",
            "-o",
            str(signed),
            env=env,
        )
        data = signed.read_bytes()
        if (
            not data.startswith(pdf.read_bytes())
            or b"/ByteRange" not in data[len(pdf.read_bytes()) :]
        ):
            raise SmokeError(f"{signed} is not the protocol with a signature appended")
        return f"PAdES signature appended ({len(data) - pdf.stat().st_size} B)"

    def check_exchange_and_package(self) -> str:
        exported = self.work / "konkurs.json"
        self.run("export", str(self.competition), "-o", str(exported), *self.db_args())
        data = json.loads(exported.read_text(encoding="utf-8"))
        # The demo competitions are past scoring; an evaluator package needs one in scoring.
        data["competition"].update(
            status="scoring",
            uid="00000000-0000-4000-8000-00000000c0de",
            case_reference=data["competition"]["case_reference"] + "/SMOKE",
        )
        data["decisions"], data["protocol_versions"] = [], []
        staged = self.work / "konkurs-ocena.json"
        staged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        out = self.run("import", str(staged), *self.db_args()).stdout.strip()
        try:
            self.scoring_competition = int(out.splitlines()[-1].split()[0])
        except (IndexError, ValueError) as error:
            raise SmokeError(f"`komisja import` printed no competition id: {out!r}") from error
        member = data["members"][0]["code"]
        package = self.work / "ocena.komisja"
        workbook = self.work / "karta.xlsx"
        target = str(self.scoring_competition)
        self.run(
            "package",
            "export",
            target,
            "--member",
            member,
            "-o",
            str(package),
            "--db",
            str(self.db),
        )
        self.run(
            "scoresheet",
            "export",
            target,
            "--member",
            member,
            "-o",
            str(workbook),
            "--db",
            str(self.db),
        )
        import zipfile

        with zipfile.ZipFile(package) as archive:
            manifest = json.loads(archive.read("manifest.json"))
        if not str(manifest.get("format", "")).startswith("komisja-evaluator-package/"):
            raise SmokeError(f"{package} has no evaluator manifest")
        check_workbook(workbook, formulas=False)
        self.package = package
        return f"package for {member} ({package.stat().st_size} B), score workbook"

    def check_translations_and_icons(self) -> str:
        probe = translation_probe()
        if probe is None:
            raise SmokeError(
                f"{TRANSLATIONS} has no finished Polish message (*_pl.ts): "
                "nothing to check the shipped translations against"
            )
        context, source, expected = probe
        result = subprocess.run(
            [str(self.cli), "--check-resources", context, source],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=60,
        )
        try:
            report = json.loads(result.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError) as error:
            raise SmokeError(
                f"`komisja --check-resources` gave no report (exit {result.returncode}):\n"
                + result.stderr.strip()[-1500:]
            ) from error
        if not report["loaded"]:
            raise SmokeError(f"no Polish .qm loaded from {report['qm_dir']}")
        if report.get("probe") != expected:
            built = self.cli.stat().st_mtime
            stale = [ts.name for ts in TRANSLATIONS.glob("*.ts") if ts.stat().st_mtime > built]
            hint = f" (changed since the build: {', '.join(stale)}; rebuild)" if stale else ""
            raise SmokeError(
                f"{context}/{source!r} reads {report.get('probe')!r}, "
                f"the .ts says {expected!r}{hint}"
            )
        if report["qt_cancel"] != "Anuluj":
            raise SmokeError(
                f"Qt's own Polish translation missing: Cancel reads {report['qt_cancel']!r}"
            )
        if not report["icons"] or report["broken_icons"]:
            raise SmokeError(
                f"icons in {report['icon_dir']}: {report['icons']} found, "
                f"not loadable: {report['broken_icons']} (SVG plugin missing?)"
            )
        return (
            f"{', '.join(report['loaded'])}; {source!r} → {expected!r}; Qt: Anuluj; "
            f"{report['icons']} icons"
        )

    def check_portable_mode(self) -> str:
        marker = self.dist / "portable.txt"
        data = self.dist / "data"
        if marker.exists() or data.exists():
            raise SmokeError(f"{marker} or {data} already exists: use a clean build")
        env = {k: v for k, v in self.env.items() if k != "KOMISJA_HOME"}
        try:
            shutil.copyfile(HERE / "portable.txt", marker)
            self.run("list", env=env)
            database = data / "komisja.sqlite3"
            if not database.is_file():
                raise SmokeError(f"portable mode did not create {database}")
        finally:
            marker.unlink(missing_ok=True)
            shutil.rmtree(data, ignore_errors=True)
        return "data/ beside the program"

    def check_gui(self) -> str:
        return self.gui_runs()

    def check_gui_package(self) -> str:
        """What a double-click on a .komisja file does: ``komisja-gui FILE`` (evaluator mode)."""
        if self.package is None:
            raise SmokeError("no evaluator package to open (the package check failed)")
        return self.gui_runs(str(self.package))

    def gui_runs(self, *args: str) -> str:
        """The GUI keeps running offscreen, with no traceback and no error in its log."""
        log_file = self.home / "logs" / "komisja.log"
        before = log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""
        env = dict(self.env, KOMISJA_DB=str(self.db))
        process = subprocess.Popen(
            [str(self.gui), *args],
            cwd=self.work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        time.sleep(self.gui_seconds)
        code = process.poll()
        if code is None:
            process.terminate()
        try:
            stdout, stderr = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        output = (stdout + stderr).strip()
        if code is not None:
            raise SmokeError(
                f"the GUI quit by itself within {self.gui_seconds:g} s (exit {code}):\n{output}"
            )
        if "Traceback" in output or "[PYI-" in output:
            raise SmokeError(f"the GUI reported an error:\n{output}")
        after = log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""
        bad = [
            line
            for line in after[len(before) :].splitlines()
            if re.search(r"\b(ERROR|CRITICAL)\b|Traceback|no Polish translation", line)
        ]
        if bad:
            raise SmokeError("the GUI logged problems:\n" + "\n".join(bad))
        extra = f"; its output: {output[:300]!r}" if output else ""
        return f"ran {self.gui_seconds:g} s offscreen{extra}"


# ---------------------------------------------------------------------------------------------
# Checks of files


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return str(tomllib.loads(text)["project"]["version"])


def migration_head() -> str:
    """The revision no other revision builds on, read from the migration files."""
    revisions: dict[str, str | None] = {}
    for script in (ROOT / "app" / "migrations" / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision = re.search(r"^revision\s*=\s*['\"]([^'\"]+)", text, re.M)
        down = re.search(r"^down_revision\s*=\s*['\"]([^'\"]+)", text, re.M)
        if revision:
            revisions[revision.group(1)] = down.group(1) if down else None
    heads = set(revisions) - {d for d in revisions.values() if d}
    if len(heads) != 1:
        raise SmokeError(f"cannot tell the migration head from {sorted(revisions)}")
    return heads.pop()


def throwaway_p12(password: bytes) -> bytes:
    """A self-signed signing certificate valid for a day, as PKCS#12."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test dymny Komisji")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"smoke", key, certificate, None, serialization.BestAvailableEncryption(password)
    )


def require(program: str) -> None:
    """In CI (``KOMISJA_REQUIRE_EXTERNAL``) a missing poppler program is a failure."""
    if os.environ.get("KOMISJA_REQUIRE_EXTERNAL"):
        raise SmokeError(f"{program} (poppler-utils) is required here but not installed")


def check_pdf_fonts(pdf: Path) -> list[str]:
    """Every font embedded, the DejaVu family among them; returns the font names."""
    tool = shutil.which("pdffonts")
    if tool is None:
        require("pdffonts")
        raw = pdf.read_bytes()
        names = sorted({m.decode() for m in re.findall(rb"/FontName\s*/([A-Z]{6}\+[\w-]+)", raw)})
        if not names or b"/FontFile2" not in raw:
            raise SmokeError(f"{pdf}: no embedded TrueType font found (no pdffonts to ask)")
        say("  (pdffonts not found: read the font objects instead)")
        return names
    out = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    names, not_embedded = [], []
    for row in rows:
        fields = row.split()
        # name type [encoding words] emb sub uni object ID: the "emb" column is 5th from the end
        if len(fields) < 6:
            continue
        names.append(fields[0])
        if fields[-5] != "yes":
            not_embedded.append(fields[0])
    dejavu = [name for name in names if "DejaVu" in name]
    if not dejavu:
        raise SmokeError(f"the protocol does not use the DejaVu fonts: {names}")
    if any("DejaVu" in name for name in not_embedded):
        raise SmokeError(f"DejaVu fonts not embedded in the protocol: {not_embedded}")
    if not_embedded:  # the renderer's concern, not the build's: reported, not failed
        say(f"  warning: fonts referenced but not embedded: {', '.join(not_embedded)}")
    return sorted({name.split("+", 1)[-1] for name in names})


def pdf_text(pdf: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        require("pdftotext")
        say("  (pdftotext not found: the text check is skipped)")
        return None
    return subprocess.run(
        [tool, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def check_workbook(path: Path, formulas: bool = True) -> int:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path)
    except Exception as error:  # any reason openpyxl refuses it is the failure to report
        raise SmokeError(f"{path} does not open as a workbook: {error}") from error
    count = sum(
        1
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    )
    if formulas and count == 0:
        raise SmokeError(f"{path} has no formulas: the totals should be live")
    return count


def translation_probe() -> tuple[str, str, str] | None:
    """(context, source, Polish translation) of a finished message in the Polish .ts files.

    One with Polish letters is preferred: it also proves the text survives the encoding.
    """
    found: list[tuple[str, str, str]] = []
    for ts in sorted(TRANSLATIONS.glob("*_pl.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if (
                    translation is None
                    or translation.get("type") in ("unfinished", "obsolete", "vanished")
                    or message.get("numerus") == "yes"
                    or not (translation.text or "").strip()
                    or translation.text == source
                ):
                    continue
                found.append((name, source, translation.text or ""))
    found.sort(key=lambda probe: not POLISH_LETTERS & set(probe[2]))
    return found[0] if found else None


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# ---------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "Komisja")
    parser.add_argument("--gui-seconds", type=float, default=5.0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--translations", type=Path, help="folder of the .ts sources the build compiled"
    )
    args = parser.parse_args(argv)
    if args.translations:
        global TRANSLATIONS
        TRANSLATIONS = args.translations
    work = Path(tempfile.mkdtemp(prefix="komisja-smoke-"))
    smoke = Smoke(args.dist.resolve(), work, args.gui_seconds)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("executables", smoke.check_executables),
        ("--version", smoke.check_version),
        ("demo + migration", smoke.check_demo_and_migration),
        ("protocol PDF + Excel", smoke.check_protocol),
        ("protocol signature", smoke.check_signature),
        ("exchange + evaluator package", smoke.check_exchange_and_package),
        ("translations + icons", smoke.check_translations_and_icons),
        ("portable mode", smoke.check_portable_mode),
        ("GUI offscreen", smoke.check_gui),
        ("GUI opening a .komisja package", smoke.check_gui_package),
    ]
    failures = 0
    started = time.monotonic()
    for name, check in checks:
        began = time.monotonic()
        try:
            detail = check()
        except (SmokeError, subprocess.SubprocessError, OSError, ValueError) as error:
            failures += 1
            say(f"FAIL {name}: {error}")
            if name in ("executables", "demo + migration"):
                break  # everything after needs these
            continue
        say(f"ok   {name} ({time.monotonic() - began:.1f} s): {detail}")
    if args.keep:
        say(f"files kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    total = time.monotonic() - started
    if failures:
        say(f"smoke test FAILED: {failures} check(s) in {total:.0f} s")
        return 1
    say(f"smoke test passed in {total:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
