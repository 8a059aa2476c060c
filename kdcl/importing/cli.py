"""`python -m kdcl import` and `python -m kdcl export` (registered in kdcl.cli).

  import FILE... [--db PATH] [--school ID] [--year YYYY-YYYY] [--dry-run] [--replace] [--overwrite]
         [--accept-school-mismatch] [--json]
      exit 0 when every file went in (or was a duplicate), 1 when any file was rejected, 2 for bad
      arguments (a file or --school that does not exist). A --db that does not exist is created
      (schema and criteria catalogs, as the app does) and the CLI says so. --school: a Word/text
      plan goes to that school or nowhere; a file whose header names another school is rejected
      naming both, unless --accept-school-mismatch. A template row whose "Phiên bản" (exported
      version) is older than the item's is rejected naming the item, who changed it and when,
      unless --overwrite (kdcl.importing.service); --json lines then carry "conflicts" and
      "school_mismatch". With
      --json one JSON object per file per line: {"file", "status": "imported"|"duplicate"|"rejected",
      "kind": "plan"|"assessment"|"schools", "rows", "errors": [{"row", "column", "message"}],
      "warnings": [...], ...}. With --dry-run nothing is written and "status" says what would happen.
  export plan-items|assessments|schools [--db PATH] [--school ID] [--year YYYY-YYYY] --out FILE.csv|FILE.xlsx
      the import templates filled with the data (canonical headers, dd/mm/yyyy, money as integers,
      CSV in UTF-8 with BOM), so export -> edit -> import round-trips.
The CLI acts with Scope.everything(user="cli").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from kdcl.access import Scope
from kdcl.db import Store
from kdcl.importing.plan_preview import layout_line, missing_frame
from kdcl.importing.safety import MAX_FILE_BYTES
from kdcl.importing.service import Options, Upload, import_files
from kdcl.importing.validate import Context
from kdcl.strings import t
from kdcl.templates import export_bytes

EXPORT_KINDS = {"plan-items": "plan", "assessments": "assessment", "schools": "schools"}
CLI_SCOPE = Scope.everything(user="cli")


def add_parsers(sub, school_year: Callable[[str], str]) -> None:
    p = sub.add_parser("import", help=t("import.cli.help_import"))
    p.add_argument("files", nargs="+", metavar="FILE", help=t("import.cli.files"))
    p.add_argument("--db", help=t("import.cli.db"))
    p.add_argument("--school", help=t("import.cli.school"))
    p.add_argument("--year", type=school_year, help=t("import.cli.year"))
    p.add_argument("--dry-run", dest="dry_run", action="store_true", help=t("import.cli.dry_run"))
    p.add_argument("--replace", action="store_true", help=t("import.cli.replace"))
    p.add_argument("--overwrite", action="store_true", help=t("import.cli.overwrite"))
    p.add_argument("--accept-school-mismatch", dest="accept_school_mismatch", action="store_true",
                   help=t("import.cli.accept_school_mismatch"))
    p.add_argument("--json", action="store_true", help=t("import.cli.json"))

    p = sub.add_parser("export", help=t("import.cli.help_export"))
    p.add_argument("what", choices=sorted(EXPORT_KINDS), help=t("import.cli.what"))
    p.add_argument("--db", help=t("cli.help.db"))
    p.add_argument("--school", help=t("import.cli.school"))
    p.add_argument("--year", type=school_year, help=t("import.cli.year"))
    p.add_argument("--out", required=True, help=t("import.cli.out"))


def _school(parser: argparse.ArgumentParser, store: Store, ref: str | None) -> str | None:
    if not ref:
        return None
    school = Context(store, CLI_SCOPE).school(ref)
    if school is None:
        parser.error(t("import.cli.unknown_school", value=ref))
    return school["school_id"]


def _read(path: Path) -> bytes:
    with open(path, "rb") as fh:  # never more than the cap (+1 byte so the size check can refuse it)
        return fh.read(MAX_FILE_BYTES + 1)


def run_import(parser: argparse.ArgumentParser, args: argparse.Namespace,
               open_store: Callable[[argparse.ArgumentParser, argparse.Namespace], Store]) -> int:
    for name in args.files:
        if not Path(name).is_file():
            parser.error(t("import.cli.no_file", path=name))
    created = bool(args.db) and not Path(args.db).exists()
    if created:  # a new database: schema and catalogs, as the app creates them
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        store = Store(args.db)
        print(t("import.cli.created_db", path=args.db), file=sys.stderr if args.json else sys.stdout)
    else:
        store = open_store(parser, args)
    try:
        school = _school(parser, store, args.school)
        uploads = [Upload(name, _read(Path(name))) for name in args.files]
        options = Options(school=school, year=args.year, replace=args.replace, dry_run=args.dry_run, channel="cli",
                          max_batch_bytes=None,  # files are read from disk; the page bounds its uploads
                          conflicts="file" if args.overwrite else "ask",
                          accept_school_mismatch=args.accept_school_mismatch)
        results = import_files(store, CLI_SCOPE, uploads, options)
    finally:
        store.close()
    for r in results:
        if args.json:
            sys.stdout.write(json.dumps(r.as_json(), ensure_ascii=False) + "\n")
            continue
        line = "ready" if r.status == "ready" else r.status
        print(t("import.cli.line." + line, file=r.file, summary=r.summary))
        if r.status in ("ready", "imported", "rejected") and (layout := layout_line(r)):
            print("  " + layout)
            for row in missing_frame(r).itertuples(index=False) if r.status != "rejected" else ():
                print(t("import.cli.missing", code=row[0], where=row[1], fields=row[2]))
        for e in r.errors:
            print(t("import.cli.error", message=e.message))
        for w in r.warnings:
            print(t("import.cli.warning", message=w.message))
    return 1 if any(r.status == "rejected" for r in results) else 0


def run_export(parser: argparse.ArgumentParser, args: argparse.Namespace,
               open_store: Callable[[argparse.ArgumentParser, argparse.Namespace], Store]) -> int:
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        parser.error(t("import.cli.bad_out", value=args.out))
    store = open_store(parser, args)
    try:
        school = _school(parser, store, args.school)
        content, rows = export_bytes(store, CLI_SCOPE, EXPORT_KINDS[args.what], fmt, school, args.year)
    finally:
        store.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    print(t("import.cli.exported", rows=rows, path=out))
    return 0
