"""Time the plan-item family of queries (issue 19: migration 0011's plan_item_row, year_items, scoped_school)
on a generated database, national scope: the fastest and the median of RUNS warm runs of each statement
(the fastest is the steadier figure on a shared machine).

    python benchmarks/bench_sql_homes.py [--schools 10000]

Before/after: copy this file into a checkout of the older tree (`git archive <rev> | tar -x -C DIR`) and run
it there too; each run works on its own copy of the database (opening it applies that tree's migrations).
Nothing here asserts: the numbers are printed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

RUNS = 9
YEAR = "2025-2026"
SCHOOL = "THCS000002"
FRAMEWORK = "THCS_THPT"


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
        ("units", {"scope_unit_id": None}),
        ("import_units", {}),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schools", type=int, default=10000)
    args = parser.parse_args()
    source = generate.build(args.schools)
    from kdcl.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "bench.duckdb"
        shutil.copy(source, copy)
        store = Store(copy)
        print(f"{ROOT.name}: {args.schools} schools, fastest / median of {RUNS} warm runs (ms)")
        for name, params in statements():
            if not (ROOT / "queries" / f"{name}.sql").exists():
                continue
            store.query(name, **params)  # warm
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                rows = len(store.query(name, **params))
                times.append((time.perf_counter() - started) * 1000)
            print(f"{name:28s} {min(times):8.1f} {statistics.median(times):8.1f}  ({rows} rows)", flush=True)
        store.close()


if __name__ == "__main__":
    main()
