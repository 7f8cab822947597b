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
from app.words import Words

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
        from app.words import text

        name = input(text("cli.operator_prompt", current_language())).strip()
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

    from app.services.queries import list_competitions
    from app.words import text

    rows = list_competitions(ctx.db, args.search or "")
    if args.json:
        ctx.out(dump_json([asdict(r) for r in rows]))
        return 0
    if not rows:
        ctx.out(text("cli.no_competitions", ctx.lang))
        return 0
    for r in rows:
        ctx.out(
            f"{r.id:>4}  {text('status.' + r.status.value, ctx.lang):<20} "
            f"{r.case_reference:<18} {text('cli.offers_count', ctx.lang, count=r.offers):>10}  "
            f"{r.title}"
        )
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from app.services.queries import competition_detail
    from app.words import text

    def say(code: str, **params: object) -> str:
        return text(code, ctx.lang, **params)

    d = competition_detail(ctx.db, args.id, ctx.lang)
    s = d.summary
    ctx.out(f"{s.title}")
    ctx.out(say("cli.case_reference", ref=s.case_reference))
    ctx.out(say("cli.status", status=s.status.value))
    if s.submission_deadline:
        ctx.out(say("cli.deadline", when=s.submission_deadline))
    if s.budget is not None:
        ctx.out(say("cli.budget", amount=s.budget))
    ctx.out(say("cli.criteria"))
    for c in d.criteria:
        scale = say("cli.scale", max=c.max_score, step=c.step) if c.max_score and c.step else ""
        ctx.out(
            f"  {c.code:<5} {say(f'kind.{c.kind}'):<22} {say('cli.weight', weight=c.weight):<10} "
            f"{scale:<16} {c.name}"
        )
    ctx.out(say("cli.committee"))
    for m in d.members:
        recused = (
            f"  ({say('cli.recused', offers=', '.join(m.recused_from))})" if m.recused_from else ""
        )
        ctx.out(f"  {m.code:<5} {say(f'role.{m.role.value}'):<27} {m.name}{recused}")
    ctx.out(say("cli.offers", count=s.offers))
    for o in d.offers:
        ctx.out(
            f"  {o.code:<6} {say(f'formal.{o.formal_status.value}'):<25} "
            f"{say('cli.amount', amount=o.requested):>16}  {o.applicant}"
        )
    if d.next_status is not None:
        ctx.out(say("cli.next_step", status=d.next_status.value))
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
    from app.services.workflow import advance
    from app.words import text

    status = advance(ctx.db, ctx.actor(), args.id)
    ctx.out(text("status." + status.value, ctx.lang))
    return 0


def _print_preview(ctx: Context, preview: Any) -> None:
    from app.words import text

    def word(status: str) -> str:
        return text(f"cli.preview_{status}", ctx.lang)

    def number(value: Decimal | None) -> str:
        return "—" if value is None else text("cli.number", ctx.lang, value=value)

    counts = ", ".join(f"{word(k)}: {v}" for k, v in preview.counts().items())
    ctx.out(
        text(
            "cli.preview_member",
            ctx.lang,
            name=preview.member_name,
            code=preview.member_code,
            counts=counts,
        )
    )
    if preview.finished is False:
        ctx.out(text("cli.preview_partial", ctx.lang))
    for offer, criterion, old, new, status in preview.rows:
        if status != "unchanged":
            ctx.out(f"  {word(status):<10} {offer:<8} {criterion:<6} {number(old)} → {number(new)}")
    if preview.already_imported and preview.changes == 0:
        ctx.out(text("cli.preview_already_imported", ctx.lang))
    elif preview.ok and preview.changes == 0:
        ctx.out(text("cli.preview_no_change", ctx.lang))


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
            raise UserError("usage", {"usage": Words("cli.usage_scoresheet_export")})
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
            raise UserError("usage", {"usage": Words("cli.usage_package_export")})
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
            raise UserError("usage", {"usage": Words("cli.usage_protocol_export")})
        pdf, xlsx = protocol.export_protocol(ctx.db, args.id, ctx.lang, args.version)
        if args.pdf:
            write_atomically(Path(args.pdf), pdf)
        if args.xlsx:
            write_atomically(Path(args.xlsx), xlsx)
        return 0
    if args.action == "versions":
        from app.services.signoff import versions
        from app.words import text

        for v in versions(ctx.db, args.id):
            reopened = (
                "  " + text("cli.reopened", ctx.lang, reason=v.reopen_reason)
                if v.reopened_at
                else ""
            )
            ctx.out(
                f"{v.number}\t{v.signed_off_at:%Y-%m-%d %H:%M}\t{v.signed_off_by}\t"
                f"{v.fingerprint}{reopened}"
            )
        return 0
    if args.action == "sign":
        if not (args.p12 and args.output):
            raise UserError("usage", {"usage": Words("cli.usage_protocol_sign")})
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
        raise UserError("chair_member_required", {"action": Words("action.sign_off")})
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
                raise UserError("not_an_id", {"value": args.target}) from None
        else:
            args.file = args.target
        return handler(args, ctx)

    return wrapped


COMMON_OPTIONS = ("db", "operator", "member", "lang")


def build_parser(lang: str = "pl") -> argparse.ArgumentParser:
    from app.words import text

    def h(key: str) -> str:
        return text(f"cli.{key}", lang)

    # SUPPRESS: an option given before the subcommand is not overwritten by the subcommand's
    # default (``komisja --db X demo`` and ``komisja demo --db X`` mean the same).
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--db", metavar="PATH", help=h("opt_db"))
    common.add_argument("--operator", help=h("opt_operator"))
    common.add_argument("--member", help=h("opt_member"))
    common.add_argument("--lang", choices=["pl", "en"], help=h("opt_lang"))

    parser = argparse.ArgumentParser(prog="komisja", parents=[common], description=h("description"))
    parser.add_argument("--version", action="version", version=f"komisja {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    add("demo", cmd_demo, h("cmd_demo"))
    p = add("list", cmd_list, h("cmd_list"))
    p.add_argument("--json", action="store_true", help=h("opt_json"))
    p.add_argument("--search", help=h("opt_search"))
    p = add("show", cmd_show, h("cmd_show"))
    p.add_argument("id", type=int)
    p = add("export", cmd_export, h("cmd_export"))
    p.add_argument("id", type=int)
    p.add_argument("-o", "--output", required=True)
    p = add("import", cmd_import, h("cmd_import"))
    p.add_argument("file")
    p = add("results", cmd_results, h("cmd_results"))
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true", help=h("opt_json"))
    add("verify", cmd_verify, h("cmd_verify"))
    p = add("backup", cmd_backup, h("cmd_backup"))
    p.add_argument("-o", "--output", required=True)
    p = add("advance", cmd_advance, h("cmd_advance"))
    p.add_argument("id", type=int)
    p = add("scoresheet", cmd_scoresheet, h("cmd_scoresheet"))
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("target", help=h("arg_scoresheet_target"))
    p.add_argument("-o", "--output")
    p.add_argument("--dry-run", action="store_true", help=h("opt_dry_run"))
    p.set_defaults(handler=_split_target(cmd_scoresheet))
    p = add("package", cmd_package, h("cmd_package"))
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("target", help=h("arg_package_target"))
    p.add_argument("-o", "--output")
    p.add_argument("--dry-run", action="store_true", help=h("opt_dry_run"))
    p.set_defaults(handler=_split_target(cmd_package))
    p = add("protocol", cmd_protocol, h("cmd_protocol"))
    p.add_argument("action", choices=["export", "verify", "versions", "sign"])
    p.add_argument("target", help=h("arg_protocol_target"))
    p.add_argument("--pdf")
    p.add_argument("--xlsx")
    p.add_argument("--version", type=int, help=h("opt_version"))
    p.add_argument("--p12", help=h("opt_p12"))
    p.add_argument("--signer", help=h("opt_signer"))
    p.add_argument("-o", "--output")
    p.set_defaults(handler=_split_target(cmd_protocol, id_actions=("export", "versions")))
    p = add("signoff", cmd_signoff, h("cmd_signoff"))
    p.add_argument("id", type=int)
    p = add("reopen", cmd_reopen, h("cmd_reopen"))
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True, help=h("opt_reason"))
    p = add("gui", lambda a, c: run_gui(a), h("cmd_gui"))
    p.add_argument("package", nargs="?", help=h("arg_package"))
    for extend in EXTENSIONS:
        extend(add)
    return parser


def run_gui(args: argparse.Namespace | None = None) -> int:
    from app.ui.main import run

    return run(
        db_path=getattr(args, "db", None) if args else None,
        package=getattr(args, "package", None) if args else None,
    )


def _language(argv: Sequence[str]) -> str:
    """The language asked for on the command line (``--lang en``), read before the arguments
    are parsed so that the help is written in it; otherwise the settings' language."""
    for index, item in enumerate(argv):
        if item.startswith("--lang="):
            return "en" if item.endswith("=en") else "pl"
        if item == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "pl"
    return current_language()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    parser = build_parser(_language(argv))
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
