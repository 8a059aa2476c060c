"""Time the plan-item family of queries (issue 19: migration 0011's plan_item_row, year_items, scoped_school)
on a generated database, national scope, against their text at an earlier commit.

    python benchmarks/bench_sql_homes.py [--schools 10000] [--before REV] [--runs 9] [--only NAME ...]

Each statement runs as it is now and as it was at REV (`git show REV:queries/NAME.sql`), one after the other
in the same process on the same private copy of the database, RUNS times; the fastest and the median of
each are printed (the fastest is the steadier figure on a shared machine). The older texts read the year
rule of migration 0006 (`year_items` before 0011), created in the copy as `year_items_0006`.
Nothing here asserts: the numbers are printed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

YEAR = "2025-2026"
SCHOOL = "THCS000002"
FRAMEWORK = "THCS_THPT"
# the year rule as migration 0006 wrote it, for the older texts
YEAR_ITEMS_0006 = """create or replace macro year_items_0006(p_school_year) as table
    select i.*
    from plan_item as i
    join plan as p on p.plan_id = i.plan_id
    where p_school_year between p.school_year and p.end_school_year
"""


def statements() -> list[tuple[str, dict]]:
    scope = {"scope_unit_id": None, "scope_school_id": None}
    page = {**scope, "unit_id": None, "school_type": None, "school_year": YEAR, "as_of": generate.BENCH_TODAY,
            "risk_days": 30}
    weak = {**page, "framework_id": FRAMEWORK, "criterion_code": None, "limit": 50}
    export = {**scope, "unit_id": None, "school_type": None, "school_id": None, "school_year": YEAR}
    return [
        ("plan_items_list", {**page, "bucket": None, "school_id": None, "framework_id": None, "criterion_code": None,
                             "lead_role": None, "query": "", "sort": "due_date", "descending": False, "limit": 50,
                             "offset": 0}),
        ("overdue_summary", page),
        ("overdue_breakdown", {**page, "top_n": 10}),
        ("plan_quality", {**page, "item_ids": None}),
        ("school_plan_status", page),
        ("plan_items_schools", page),
        ("plan_items_criteria", page),
        ("weakness_items", {**weak, "all_years": False}),
        ("weakness_texts", weak),
        ("weakness_measures_worked", weak),
        ("weakness_search", {**page, "query": "si so", "limit": 50}),
        ("import_export_plan_items", export),
        ("import_export_plan_rows", export),
        ("school_plan_items", {**page, "school_id": SCHOOL}),
        ("plan_document_items", {**scope, "school_id": SCHOOL, "school_year": YEAR}),
        ("school_profile", {**scope, "school_id": SCHOOL}),
        ("school_in_scope", {**scope, "school_id": SCHOOL}),
        ("units", {"scope_unit_id": None}),
        ("import_units", {}),
    ]


def query_dir(tmp: Path, before: str) -> Path:
    """Today's queries, plus the text of each at `before` under before/ (reading year_items_0006)."""
    target = tmp / "queries"
    shutil.copytree(ROOT / "queries", target)
    (target / "before").mkdir()
    (target / "before" / "year_items_0006.sql").write_text(YEAR_ITEMS_0006, encoding="utf-8")
    for name, _ in statements():
        shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{before}:queries/{name}.sql"],
                               capture_output=True, text=True)
        if shown.returncode == 0:
            text = shown.stdout.replace("year_items($school_year)", "year_items_0006($school_year)")
            (target / "before" / f"{name}.sql").write_text(text, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schools", type=int, default=10000)
    parser.add_argument("--before", default="main", help="the commit whose query texts are timed beside today's")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--only", nargs="*", default=None, help="these statements only")
    args = parser.parse_args()
    source = generate.build(args.schools)
    from kdcl import db

    with tempfile.TemporaryDirectory() as tmp:
        db.QUERY_DIR = query_dir(Path(tmp), args.before)
        copy = Path(tmp) / "bench.duckdb"
        shutil.copy(source, copy)
        store = db.Store(copy)
        with store.transaction() as tx:
            tx.run("before/year_items_0006")
        print(f"{args.schools} schools, {args.runs} warm runs each, fastest / median (ms); before = {args.before}")
        for name, params in statements():
            if args.only and name not in args.only:
                continue
            versions = [("now", name)]
            if (db.QUERY_DIR / "before" / f"{name}.sql").exists():
                versions.insert(0, ("before", f"before/{name}"))
            times: dict[str, list[float]] = {label: [] for label, _ in versions}
            for _, query in versions:
                store.query(query, **params)  # warm
            for _ in range(args.runs):
                for label, query in versions:
                    started = time.perf_counter()
                    store.query(query, **params)
                    times[label].append((time.perf_counter() - started) * 1000)
            shown = "  ".join(f"{label} {min(v):8.1f} {statistics.median(v):8.1f}" for label, v in times.items())
            print(f"{name:26s} {shown}", flush=True)
        store.close()


if __name__ == "__main__":
    main()
