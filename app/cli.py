"""The ``komisja`` command: with no arguments the GUI, otherwise scriptable subcommands.

Every subcommand takes ``--db PATH``; errors go to stderr in the chosen language with a
non-zero exit code (2 for a problem the user can fix, 1 for a failed verification).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from app import __version__
from app.config import Settings, current_language, database_url, setup_logging
from app.db import Database
from app.errors import UserError
from app.fileio import write_atomically

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace, "Context"], int]


class Context:
    """What every subcommand needs: the language, the database, and who is acting."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang = args.lang or current_language()
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database.open(database_url(self.args.db))
        return self._db

    def actor(self) -> Any:
        from app.services.base import Actor

        return Actor(operator=resolve_operator(self.args.operator), member=self.args.member or "")

    def out(self, text: str = "") -> None:
        sys.stdout.write(text + "\n")

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def resolve_operator(explicit: str | None) -> str:
    """The operator's name: option, environment, settings, a one-time question, or the login."""
    import os

    if explicit:
        return explicit
    if os.environ.get("KOMISJA_OPERATOR"):
        return os.environ["KOMISJA_OPERATOR"]
    settings = Settings.load()
    if settings.operator:
        return settings.operator
    if sys.stdin is not None and sys.stdin.isatty():
        name = input("Imię i nazwisko operatora (zapisywane w dzienniku zdarzeń): ").strip()
        if name:
            settings.operator = name
            settings.save()
            return name
    return getpass.getuser()


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()  # date/datetime
    if hasattr(value, "value"):
        return value.value  # enums
    raise TypeError(type(value).__name__)


def dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)


# ---------------------------------------------------------------------------------------------
# Subcommands


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.demo import create_demo

    for competition_id, title in create_demo(ctx.db, ctx.actor()):
        ctx.out(f"{competition_id}\t{title}")
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from dataclasses import asdict

    from app.services.base import status_term, term_text
    from app.services.queries import list_competitions

    rows = list_competitions(ctx.db, args.search or "")
    if args.json:
        ctx.out(dump_json([asdict(r) for r in rows]))
        return 0
    if not rows:
        ctx.out("No competitions." if ctx.lang == "en" else "Brak konkursów.")
        return 0
    for r in rows:
        ctx.out(
            f"{r.id:>4}  {term_text(status_term(r.status), ctx.lang):<20} {r.case_reference:<18} "
            f"{r.offers:>5} {'offers' if ctx.lang == 'en' else 'ofert'}  {r.title}"
        )
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from app.offline.problems import format_number
    from app.offline.validation import plain
    from app.services.base import Term, status_term, term_text
    from app.services.queries import competition_detail
    from app.texts import format_money

    def number(value: Decimal) -> str:  # "10", "0,5": never "1E+1"
        return format_number(plain(value), ctx.lang)

    def word(code: str) -> str:
        return term_text(Term(code), ctx.lang)

    d = competition_detail(ctx.db, args.id, ctx.lang)
    s = d.summary
    en = ctx.lang == "en"
    ctx.out(f"{s.title}")
    ctx.out(f"{'Case reference' if en else 'Znak sprawy'}: {s.case_reference}")
    ctx.out(f"Status: {term_text(status_term(s.status), ctx.lang)}")
    if s.submission_deadline:
        ctx.out(
            f"{'Deadline' if en else 'Termin składania ofert'}: "
            f"{s.submission_deadline:%Y-%m-%d %H:%M} UTC"
        )
    if s.budget is not None:
        ctx.out(f"{'Budget' if en else 'Budżet'}: {format_money(s.budget, ctx.lang)}")
    ctx.out(f"{'Criteria' if en else 'Kryteria'}:")
    for c in d.criteria:
        scale = (
            f"0–{number(c.max_score)} / {number(c.step)}"
            if c.max_score and c.step
            else c.field or ""
        )
        ctx.out(
            f"  {c.code:<5} {word(f'kind_{c.kind}'):<24} {'weight' if en else 'waga'} "
            f"{number(c.weight):<6} {scale:<14} {c.name}"
        )
    ctx.out(f"{'Committee' if en else 'Komisja'}:")
    for m in d.members:
        recused = (
            f"  ({'recused from' if en else 'wyłączenie z oceny ofert'}: "
            f"{', '.join(m.recused_from)})"
            if m.recused_from
            else ""
        )
        ctx.out(f"  {m.code:<5} {word(f'role_{m.role.value}'):<28} {m.name}{recused}")
    ctx.out(f"{'Offers' if en else 'Oferty'} ({s.offers}):")
    for o in d.offers:
        ctx.out(
            f"  {o.code:<6} {word(f'formal_{o.formal_status.value}'):<24} "
            f"{format_money(o.requested, ctx.lang):>16}  {o.applicant}"
        )
    if d.next_status is not None:
        following = term_text(status_term(d.next_status), ctx.lang)
        ctx.out(f"{'Next step' if en else 'Następny krok'}: {following}")
        for gap in d.next_missing:
            ctx.out(f"  – {gap}")
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.exchange import export_competition

    document = export_competition(ctx.db, args.id)
    write_atomically(Path(args.output), (dump_json(document) + "\n").encode("utf-8"))
    return 0


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.exchange import import_file

    competition_id = import_file(ctx.db, ctx.actor(), Path(args.file))
    ctx.out(str(competition_id))
    return 0


def cmd_results(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.results import results
    from app.services.results_text import results_json, results_table

    view = results(ctx.db, args.id)
    if args.json:
        ctx.out(dump_json(results_json(view, ctx.lang)))
    else:
        for line in results_table(view, ctx.lang):
            ctx.out(line)
    return 0


def cmd_verify(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.maintenance import verify

    report = verify(ctx.db)
    for line in report.lines(ctx.lang):
        (ctx.out if report.ok else lambda t: sys.stderr.write(t + "\n"))(line)
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.maintenance import backup

    target = backup(ctx.db, Path(args.output))
    ctx.out(str(target))
    return 0


def cmd_advance(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.base import status_term, term_text
    from app.services.workflow import advance

    status = advance(ctx.db, ctx.actor(), args.id)
    ctx.out(term_text(status_term(status), ctx.lang))
    return 0


_PREVIEW_WORDS = {
    "new": ("nowa", "new"),
    "changed": ("zmieniona", "changed"),
    "unchanged": ("bez zmian", "unchanged"),
    "removed": ("usunięta", "removed"),
}


def _print_preview(ctx: Context, preview: Any) -> None:
    from app.offline.problems import format_number
    from app.offline.validation import plain

    en = ctx.lang == "en"

    def word(status: str) -> str:
        return _PREVIEW_WORDS[status][1 if en else 0]

    def number(value: Decimal | None) -> str:
        return "—" if value is None else format_number(plain(value), ctx.lang)

    counts = preview.counts()
    ctx.out(
        (
            f"Member {preview.member_name} ({preview.member_code}): "
            if en
            else f"Członek komisji {preview.member_name} ({preview.member_code}): "
        )
        + ", ".join(f"{word(k)}: {v}" for k, v in counts.items())
    )
    if preview.finished is False:
        ctx.out(
            "The member has not marked the scoring finished (a partial return)."
            if en
            else "Członek komisji nie oznaczył oceny jako zakończonej (zwrot częściowy)."
        )
    for offer, criterion, old, new, status in preview.rows:
        if status != "unchanged":
            ctx.out(f"  {word(status):<10} {offer:<8} {criterion:<6} {number(old)} → {number(new)}")
    if preview.already_imported and preview.changes == 0:
        ctx.out(
            "This file was already imported and changes nothing; nothing will be written."
            if en
            else "Ten plik był już zaimportowany i niczego nie zmienia; nic nie zostanie zapisane."
        )
    elif preview.ok and preview.changes == 0:
        ctx.out(
            "This file changes nothing (the scores are as in the database)."
            if en
            else "Ten plik niczego nie zmienia (oceny są takie jak w bazie)."
        )


def _read_input(path: str) -> bytes:
    from app.services.offline import MAX_FILE_BYTES

    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(
                "file_unreadable", {"path": file, "detail": f"{size} B > {MAX_FILE_BYTES} B"}
            )
        return file.read_bytes()
    except OSError as error:
        raise UserError("file_unreadable", {"path": file, "detail": error.strerror}) from error


def cmd_scoresheet(args: argparse.Namespace, ctx: Context) -> int:
    from app.services import offline, offline_issue

    if args.action == "export":
        if not args.member or not args.id or not args.output:
            raise UserError(
                "invalid_value", {"field": "scoresheet export", "detail": "ID --member MID -o FILE"}
            )
        # issued by the office: the member named is the card's owner, not the one acting
        office = ctx.actor().__class__(operator=ctx.actor().operator)
        data = offline_issue.export_scoresheet(ctx.db, office, args.id, args.member)
        write_atomically(Path(args.output), data)
        return 0
    data = _read_input(args.file)
    preview = offline.preview_scoresheet_import(ctx.db, data, lang=ctx.lang)
    if not preview.ok:
        for line in preview.problems:
            sys.stderr.write(f"• {line}\n")
        raise UserError("import_refused", {"count": len(preview.problems)})
    _print_preview(ctx, preview)
    if not args.dry_run:
        offline.import_scoresheet(ctx.db, ctx.actor(), data, lang=ctx.lang)
    return 0


def cmd_package(args: argparse.Namespace, ctx: Context) -> int:
    from app.services import offline, offline_issue

    if args.action == "export":
        if not args.member or not args.output:
            raise UserError(
                "invalid_value", {"field": "package export", "detail": "ID --member MID -o FILE"}
            )
        office = ctx.actor().__class__(operator=ctx.actor().operator)
        data = offline_issue.export_package(ctx.db, office, args.id, args.member)
        write_atomically(Path(args.output), data)
        return 0
    data = _read_input(args.file)
    preview = offline.preview_package_return(ctx.db, data, lang=ctx.lang)
    if not preview.ok:
        for line in preview.problems:
            sys.stderr.write(f"• {line}\n")
        raise UserError("import_refused", {"count": len(preview.problems)})
    _print_preview(ctx, preview)
    if not args.dry_run:
        offline.import_package_return(ctx.db, ctx.actor(), data, lang=ctx.lang)
    return 0


def cmd_protocol(args: argparse.Namespace, ctx: Context) -> int:
    from app.services import protocol

    if args.action == "export":
        if not (args.pdf or args.xlsx):
            raise UserError(
                "invalid_value",
                {"field": "protocol export", "detail": "--pdf FILE and/or --xlsx FILE"},
            )
        pdf, xlsx = protocol.export_protocol(ctx.db, args.id, ctx.lang, args.version)
        if args.pdf:
            write_atomically(Path(args.pdf), pdf)
        if args.xlsx:
            write_atomically(Path(args.xlsx), xlsx)
        return 0
    if args.action == "versions":
        from app.services.signoff import versions

        for v in versions(ctx.db, args.id):
            reopened = f"  reopened: {v.reopen_reason}" if v.reopened_at else ""
            ctx.out(
                f"{v.number}\t{v.signed_off_at:%Y-%m-%d %H:%M}\t{v.signed_off_by}\t"
                f"{v.fingerprint}{reopened}"
            )
        return 0
    if args.action == "sign":
        if not (args.p12 and args.output):
            raise UserError(
                "invalid_value",
                {"field": "protocol sign", "detail": "FILE.pdf --p12 CERT.p12 -o SIGNED.pdf"},
            )
        import os

        signed = protocol.sign_protocol_pdf(
            _read_input(args.file),
            _read_input(args.p12),
            os.environ.get("KOMISJA_P12_PASSWORD", ""),
            args.signer or resolve_operator(args.operator),
            source=Path(args.p12).name,
            pdf_name=Path(args.file).name,
        )
        write_atomically(Path(args.output), signed)
        return 0
    check = protocol.verify_protocol_pdf(ctx.db, _read_input(args.file), ctx.lang)
    (
        ctx.out
        if check.known and check.fingerprint_matches
        else lambda t: sys.stderr.write(t + "\n")
    )(check.message)
    return 0 if check.known and check.fingerprint_matches else 1


def cmd_signoff(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.signoff import sign_off

    if not args.member:
        raise UserError(
            "only_chair", {"action": "zatwierdzić wynik / sign off", "member": "—", "role": "—"}
        )
    number = sign_off(ctx.db, ctx.actor(), args.id)
    ctx.out(str(number))
    return 0


def cmd_reopen(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.signoff import reopen

    reopen(ctx.db, ctx.actor(), args.id, args.reason or "")
    return 0


# ---------------------------------------------------------------------------------------------

EXTENSIONS: list[Callable[[Any], None]] = []


def _split_target(handler: Handler, id_actions: tuple[str, ...] = ("export",)) -> Handler:
    """``export ID`` takes a competition id, ``import FILE`` a path: one positional for both."""

    def wrapped(args: argparse.Namespace, ctx: Context) -> int:
        if args.action in id_actions:
            try:
                args.id = int(args.target)
            except ValueError:
                raise UserError("invalid_value", {"field": "ID", "detail": args.target}) from None
        else:
            args.file = args.target
        return handler(args, ctx)

    return wrapped


COMMON_OPTIONS = ("db", "operator", "member", "lang")


def build_parser() -> argparse.ArgumentParser:
    # SUPPRESS: an option given before the subcommand is not overwritten by the subcommand's
    # default (``komisja --db X demo`` and ``komisja demo --db X`` mean the same).
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument(
        "--db", metavar="PATH", help="SQLite database file (default: per-user data folder)"
    )
    common.add_argument("--operator", help="operator's name for the audit trail")
    common.add_argument("--member", help="acting committee member (code)")
    common.add_argument("--lang", choices=["pl", "en"], help="language of messages")

    parser = argparse.ArgumentParser(
        prog="komisja",
        parents=[common],
        description="Komisja — konkursy ofert, wybór inwestora i usługodawcy. "
        "Bez argumentów uruchamia aplikację okienkową.",
    )
    parser.add_argument("--version", action="version", version=f"komisja {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(handler=handler)
        return p

    add("demo", cmd_demo, "create demo competitions and print their ids")
    p = add("list", cmd_list, "list competitions")
    p.add_argument("--json", action="store_true")
    p.add_argument("--search", help="filter by title or case reference")
    p = add("show", cmd_show, "show one competition")
    p.add_argument("id", type=int)
    p = add("export", cmd_export, "export a competition to the JSON exchange format")
    p.add_argument("id", type=int)
    p.add_argument("-o", "--output", required=True)
    p = add("import", cmd_import, "import a competition from the JSON exchange format")
    p.add_argument("file")
    p = add("results", cmd_results, "compute and print the results")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    add("verify", cmd_verify, "check the audit trail's hash chain and the database's integrity")
    p = add("backup", cmd_backup, "write a consistent copy of the database")
    p.add_argument("-o", "--output", required=True)
    p = add("advance", cmd_advance, "move a competition to its next step (checks preconditions)")
    p.add_argument("id", type=int)
    p = add(
        "scoresheet",
        cmd_scoresheet,
        "score workbooks: export ID --member MID -o FILE | import FILE",
    )
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("target", help="competition id (export) or workbook file (import)")
    p.add_argument("-o", "--output")
    p.add_argument("--dry-run", action="store_true", help="import: show the preview only")
    p.set_defaults(handler=_split_target(cmd_scoresheet))
    p = add(
        "package", cmd_package, "evaluator packages: export ID --member MID -o FILE | import FILE"
    )
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("target", help="competition id (export) or return file (import)")
    p.add_argument("-o", "--output")
    p.add_argument("--dry-run", action="store_true", help="import: show the preview only")
    p.set_defaults(handler=_split_target(cmd_package))
    p = add(
        "protocol",
        cmd_protocol,
        "protocol: export ID --pdf F --xlsx F | verify F.pdf | versions ID | sign F.pdf",
    )
    p.add_argument("action", choices=["export", "verify", "versions", "sign"])
    p.add_argument("target", help="competition id (export, versions) or PDF file (verify, sign)")
    p.add_argument("--pdf")
    p.add_argument("--xlsx")
    p.add_argument("--version", type=int, help="a stored version (default: the latest)")
    p.add_argument("--p12", help="sign: PKCS#12 certificate (password in KOMISJA_P12_PASSWORD)")
    p.add_argument("--signer", help="sign: the signer's name")
    p.add_argument("-o", "--output")
    p.set_defaults(handler=_split_target(cmd_protocol, id_actions=("export", "versions")))
    p = add("signoff", cmd_signoff, "the chair signs the results off (--member CHAIR)")
    p.add_argument("id", type=int)
    p = add("reopen", cmd_reopen, "reopen a signed-off result (--member CHAIR --reason TEXT)")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p = add("gui", lambda a, c: run_gui(a), "start the application window")
    p.add_argument(
        "package", nargs="?", help="an evaluator package (.komisja) to open in evaluator mode"
    )
    for extend in EXTENSIONS:
        extend(add)
    return parser


def run_gui(args: argparse.Namespace | None = None) -> int:
    from app.ui.main import run

    return run(
        db_path=getattr(args, "db", None) if args else None,
        package=getattr(args, "package", None) if args else None,
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    parser = build_parser()
    if not argv:
        return run_gui()
    if len(argv) == 1 and argv[0].lower().endswith(".komisja"):  # opened from the file manager
        return run_gui(argparse.Namespace(db=None, package=argv[0]))
    args = parser.parse_args(argv)
    for option in COMMON_OPTIONS:
        if not hasattr(args, option):
            setattr(args, option, None)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    ctx = Context(args)
    try:
        return handler(args, ctx)
    except UserError as error:
        sys.stderr.write(error.text(ctx.lang) + "\n")
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


def gui_main() -> int:
    """Entry point of the windowed build (no console on Windows)."""
    setup_logging()
    return run_gui()
