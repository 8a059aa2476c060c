"""Command line: `python -m kdcl <command>`.

  demo     build the demo database          python -m kdcl demo [--db PATH] [--force] [--today YYYY-MM-DD]
  summary  print the machine-readable summary  python -m kdcl summary [--db PATH] [--year 2024-2025] [--as-of YYYY-MM-DD] --json
  users    accounts   python -m kdcl users add NAME --role admin|office|principal|viewer [--school ID] [--unit UNIT]
                      python -m kdcl users list|disable|enable|reset-password [NAME]
  import   plans (.docx/.txt) and templates (.xlsx/.csv)
           python -m kdcl import FILE... [--db PATH] [--school ID] [--year YYYY-YYYY] [--dry-run] [--replace]
                                 [--overwrite] [--accept-school-mismatch] [--json]   (a new --db is created)
  export   the templates filled with data
           python -m kdcl export plan-items|assessments|schools [--db PATH] [--school ID] [--year YYYY-YYYY] --out FILE.csv|FILE.xlsx
           (details: kdcl/importing/cli.py; exit 1 when any imported file was rejected)
  report   the presentation slides as a file (issue 8)
           python -m kdcl report --format pptx|pdf|xlsx --out FILE|DIR [--db PATH] [--year YYYY-YYYY] [--as-of YYYY-MM-DD] [--unit ID]
           python -m kdcl export plan-docx --school ID --year YYYY-YYYY --out FILE.docx|DIR [--db PATH]

Bad arguments exit with status 2 and a Vietnamese message on stderr.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from kdcl import auth, data, demo, stores
from kdcl.access import Scope
from kdcl.db import Store, StoreBusy, StoreError
from kdcl.importing import cli as importing_cli
from kdcl.strings import TEXT, t
from kdcl.timetext import normalise_school_year

COMMANDS: dict[str, Callable[[argparse.ArgumentParser, argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn):
        COMMANDS[name] = fn
        return fn

    return register


def _school_year(value: str) -> str:
    year = normalise_school_year(value)
    if year is None:
        raise argparse.ArgumentTypeError(t("cli.bad_year", value=value))
    return year


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_date", value=value)) from None


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else stores.configured_path()


def _open_existing(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Store:
    path = _db_path(args)
    if not path.exists():
        if args.db or os.environ.get("KDCL_DB"):
            parser.error(t("cli.no_db", path=path))
        return stores.open_configured()  # the demo is built on first use, as in the app
    return Store(path)


# argparse's own (English) messages, in Vietnamese (issue 21); anything else passes through unchanged
_ARGPARSE_MESSAGES = [
    (re.compile(r"unrecognized arguments: (.*)", re.S), "cli.argparse.unrecognized"),
    (re.compile(r"the following arguments are required: (.*)", re.S), "cli.argparse.required"),
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.*)\)", re.S), "cli.argparse.choice"),
    (re.compile(r"argument (.+?): invalid (\S+) value: (.*)", re.S), "cli.argparse.invalid_value"),
    (re.compile(r"argument (.+?): expected one argument", re.S), "cli.argparse.one_value"),
    (re.compile(r"argument (.+?): expected at (?:least|most) one argument", re.S), "cli.argparse.values"),
    (re.compile(r"argument (.+?): not allowed with argument (.*)", re.S), "cli.argparse.not_with"),
    (re.compile(r"argument (.+?): ignored explicit argument (.*)", re.S), "cli.argparse.explicit"),
    (re.compile(r"ambiguous option: (.+?) could match (.*)", re.S), "cli.argparse.ambiguous"),
    (re.compile(r"one of the arguments (.*) is required", re.S), "cli.argparse.one_of"),
]


def vietnamese_argparse_message(message: str) -> str:
    for pattern, key in _ARGPARSE_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return TEXT[key].format(*found.groups())
    return message


class Parser(argparse.ArgumentParser):
    """argparse with its usage line and errors in Vietnamese (sub-commands use the same class)."""

    def format_usage(self) -> str:
        return _vietnamese_usage(super().format_usage())

    def format_help(self) -> str:
        return _vietnamese_usage(super().format_help())

    def error(self, message: str):  # noqa: D102 - same contract as argparse: prints and exits 2
        self.print_usage(sys.stderr)
        self.exit(2, t("cli.error", prog=self.prog, message=vietnamese_argparse_message(message)) + "\n")


def _vietnamese_usage(text: str) -> str:
    return t("cli.usage") + text[len("usage: "):] if text.startswith("usage: ") else text


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m kdcl", description=t("cli.description"))
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help=t("cli.help.demo"))
    p.add_argument("--db", help=t("cli.help.db_demo"))
    p.add_argument("--force", action="store_true", help=t("cli.help.force"))
    p.add_argument("--today", type=_iso_date, help=t("cli.help.today"))
    p.add_argument("--schools", type=int, default=60, help=t("cli.help.schools"))

    p = sub.add_parser("summary", help=t("cli.help.summary"))
    p.add_argument("--db", help=t("cli.help.db"))
    p.add_argument("--year", type=_school_year, help=t("cli.help.year"))
    p.add_argument("--as-of", dest="as_of", type=_iso_date, help=t("cli.help.as_of"))
    p.add_argument("--unit", help=t("cli.help.unit"))
    p.add_argument("--risk-days", dest="risk_days", type=int, default=30, help=t("cli.help.risk_days"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))

    users = sub.add_parser("users", help=t("cli.help.users")).add_subparsers(dest="action", required=True)
    p = users.add_parser("add", help=t("cli.help.users_add"))
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["admin", "office", "principal", "viewer"])
    p.add_argument("--school", help=t("cli.help.user_school"))
    p.add_argument("--unit", help=t("cli.help.user_unit"))
    p.add_argument("--display-name", dest="display_name")
    p.add_argument("--db")
    p = users.add_parser("list", help=t("cli.help.users_list"))
    p.add_argument("--db")
    p = users.add_parser("disable", help=t("cli.help.users_disable"))
    p.add_argument("name")
    p.add_argument("--db")
    p = users.add_parser("enable", help=t("cli.help.users_enable"))
    p.add_argument("name")
    p.add_argument("--db")
    p = users.add_parser("reset-password", help=t("cli.help.users_reset"))
    p.add_argument("name")
    p.add_argument("--db")
    importing_cli.add_parsers(sub, _school_year)  # import / export (issue 3)
    _add_report_parsers(sub)  # report, export plan-docx (issue 8)
    return parser


def _read_password() -> str:
    """From standard input when it is not a terminal (scripts), else prompted twice."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("cli.password_prompt"))
    if getpass.getpass(t("cli.password_again")) != first:
        raise auth.AuthError(t("auth.passwords_differ"))
    return first


@command("users")
def _users(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    path = _db_path(args)
    if not path.exists() and (args.db or os.environ.get("KDCL_DB")) and args.action != "add":
        parser.error(t("cli.no_db", path=path))
    store = Store(path) if path.exists() or args.db or os.environ.get("KDCL_DB") else stores.open_configured()
    try:
        if args.action == "add":
            auth.add_user(store, args.name, _read_password(), args.role, unit_id=args.unit, school_id=args.school,
                          display_name=args.display_name)
            print(t("cli.user_added", name=args.name.strip().lower(), role=args.role))
        elif args.action == "list":
            for row in store.records("accounts_manageable", **auth.EVERY_ACCOUNT):  # plain values: a missing unit is None, never NaN
                where = row["school_id"] or row["unit_id"] or "*"
                state = t("cli.user_state_disabled") if row["disabled"] else ""
                print(f"{row['username']}\t{row['role']}\t{where}\t{row['display_name']}\t{state}".rstrip())
        elif args.action in ("disable", "enable"):
            auth.set_disabled(store, args.name, args.action == "disable")
            print(t("cli.user_" + args.action + "d", name=args.name))
        elif args.action == "reset-password":
            auth.reset_password(store, args.name, _read_password())
            print(t("cli.user_password_reset", name=args.name))
    except auth.AuthError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


@command("demo")
def _demo(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    path = _db_path(args)
    if path.exists():
        if not args.force:
            parser.error(t("cli.demo_exists", path=path))
        path.unlink()
        Path(str(path) + ".wal").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = demo.build_demo(path, today=args.today, n_schools=args.schools)
    counts = store.scalar("demo_counts")
    print(t("cli.demo_built", path=path, schools=counts["schools"], items=counts["plan_items"]))
    store.close()
    return 0


@command("summary")
def _summary(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.risk_days < 0:
        parser.error(t("cli.bad_risk_days", value=args.risk_days))
    store = _open_existing(parser, args)
    years = data.school_years(store)
    year = args.year or (years[0] if years else None)
    if year is None:
        parser.error(t("empty.no_years"))
    units = set(data.units(store, Scope.everything())["unit_id"])
    if args.unit and args.unit not in units:
        parser.error(t("cli.bad_unit", value=args.unit))
    filters = data.Filters(
        school_year=year, as_of=args.as_of or date.today(), unit_id=args.unit, risk_days=args.risk_days
    )
    result = data.summary(store, Scope.everything(user="cli"), filters)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


@command("import")
def _import(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    return importing_cli.run_import(parser, args, _open_existing)


@command("export")
def _export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    return importing_cli.run_export(parser, args, _open_existing)


# --------------------------------------------------------------------------- report, export plan-docx (issue 8)

REPORT_FORMATS = ("pptx", "pdf", "xlsx")


def _report_format(value: str) -> str:
    if value.lower() not in REPORT_FORMATS:
        raise argparse.ArgumentTypeError(t("cli.bad_format", value=value))
    return value.lower()


def _add_report_parsers(sub) -> None:
    p = sub.add_parser("report", help=t("cli.help.report"))
    p.add_argument("--format", required=True, type=_report_format, help=t("cli.help.report_format"))
    p.add_argument("--out", required=True, help=t("cli.help.report_out"))
    p.add_argument("--db", help=t("cli.help.db"))
    p.add_argument("--year", type=_school_year, help=t("cli.help.year"))
    p.add_argument("--as-of", dest="as_of", type=_iso_date, help=t("cli.help.as_of"))
    p.add_argument("--unit", help=t("cli.help.unit"))
    export = sub.choices.get("export")
    if export is None:  # the template exports (issue 3) are not there: a parser of our own
        export = sub.add_parser("export", help=t("cli.help.export"))
        export.add_argument("what", choices=["plan-docx"])
        export.add_argument("--db", help=t("cli.help.db"))
        export.add_argument("--school", help=t("cli.help.school"))
        export.add_argument("--year", type=_school_year, help=t("cli.help.school_year"))
        export.add_argument("--out", required=True, help=t("cli.help.out"))
    else:  # add "plan-docx" to the existing choices
        what = next(a for a in export._actions if a.dest == "what")
        what.choices = [*what.choices, "plan-docx"]


def _out_path(parser: argparse.ArgumentParser, out: str, default_name: str) -> Path:
    path = Path(out)
    if path.is_dir():
        return path / default_name
    if not path.parent.is_dir():
        parser.error(t("cli.bad_out", path=path))
    return path


@command("report")
def _report(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from kdcl.reports import pdf_report, pptx_deck, slides, xlsx_figures

    store = _open_existing(parser, args)
    try:
        years = data.school_years(store)
        year = args.year or (years[0] if years else None)
        if year is None:
            parser.error(t("empty.no_years"))
        if args.unit and args.unit not in set(data.units(store, Scope.everything())["unit_id"]):
            parser.error(t("cli.bad_unit", value=args.unit))
        filters = data.Filters(school_year=year, as_of=args.as_of or date.today(), unit_id=args.unit)
        out = _out_path(parser, args.out, slides.file_name(filters, args.format))
        deck = slides.build_slides(store, Scope.everything(user="cli"), filters)
    finally:
        store.close()
    build = {"pptx": pptx_deck.build_pptx, "pdf": pdf_report.build_pdf, "xlsx": xlsx_figures.build_xlsx}
    try:
        content = build[args.format](deck)
    except pdf_report.PdfError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    out.write_bytes(content)
    print(t("cli.report_written", what=args.format.upper(), path=out, slides=len(deck)))
    return 0


def _export_plan_docx(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from kdcl.access import AccessDenied
    from kdcl.data.plan_document import plan_document
    from kdcl.reports.plan_docx import build_plan_docx
    from kdcl.reports.plan_docx import file_name as docx_file_name

    if not args.school or not args.year:
        parser.error(t("cli.plan_docx_args"))
    today = date.today()
    out = _out_path(parser, args.out, docx_file_name(args.school, args.year, today))
    store = _open_existing(parser, args)
    try:
        doc = plan_document(store, Scope.everything(user="cli"), args.school, args.year)
    except AccessDenied:
        parser.error(t("cli.bad_school", value=args.school))
    finally:
        store.close()
    out.write_bytes(build_plan_docx(doc, today=today))
    print(t("cli.docx_written", school=args.school, path=out))
    return 0


_export_templates = COMMANDS["export"]


@command("export")
def _export_or_plan_docx(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.what == "plan-docx":
        return _export_plan_docx(parser, args)
    return _export_templates(parser, args)


EXIT_DB_BUSY = 3  # another process holds the database file (README: exit codes)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](parser, args)
    except StoreBusy as exc:  # one Vietnamese line, never DuckDB's traceback (issue 21)
        print(exc, file=sys.stderr)
        return EXIT_DB_BUSY
    except StoreError as exc:  # a write the database refused, in the app's words (issue 19)
        print(exc, file=sys.stderr)
        return 1
