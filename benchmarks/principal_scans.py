"""What a principal's statements read: every statement the school page and the overdue page run for
one principal (captured through kdcl.db.set_tracer while AppTest runs the two pages), re-run under
DuckDB's EXPLAIN ANALYZE to count the rows and row groups each scans per table, and timed in CPU
seconds (median of --runs; process CPU includes DuckDB's threads).

    python benchmarks/principal_scans.py [--sizes 1500 45000] [--runs 7] [--out benchmarks/results/principal_scans]

A principal's scope is one school: the national tables (plan_item, assessment, plan_item_log, ...)
should be read in the one or two row groups holding that school (zone maps on rows stored by school),
not whole. The school is the first of the province P01 with plan items in the latest year (as
benchmarks/load.py picks its principals). Nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
PAGES = ("school", "overdue")


def first_school(db: Path) -> str:
    from kdcl import data
    from kdcl.access import Scope
    from kdcl.data import Filters, plan_items
    from kdcl.db import Store

    store = Store(db, read_only=True)
    try:
        year = data.school_years(store)[0]
        options = plan_items.school_options(store, Scope(unit_id="P01", user="bench"), Filters(school_year=year))
        return sorted(options["school_id"])[0]
    finally:
        store.close()


def captured(db: Path, school_id: str) -> list[tuple[str, dict]]:
    """(statement, bound values) of every read the two pages run for the school's principal, first run."""
    from streamlit.testing.v1 import AppTest

    from kdcl import db as kdb
    from kdcl import ui
    from kdcl.access import Scope

    os.environ["KDCL_DB"] = str(db)
    seen: list[tuple[str, dict]] = []
    kdb.set_tracer(lambda name, bound, seconds: seen.append((name, dict(bound))))
    try:
        for page in PAGES:
            ui.clear_cache()
            at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=600)
            at.session_state["scope"] = Scope(school_id=school_id, role="principal", user="bench")
            at.run()
            if at.exception:
                raise RuntimeError(f"{page}: {at.exception[0].message}")
    finally:
        kdb.set_tracer(None)
    unique: dict[str, tuple[str, dict]] = {}
    for name, bound in seen:
        unique.setdefault(name, (name, bound))
    return list(unique.values())


def scans(plan: dict) -> dict[str, list[int]]:
    """{table: [rows scanned, row groups scanned, row groups in the table]} over a JSON profile tree."""
    out: dict[str, list[int]] = {}

    def walk(node: dict) -> None:
        if node.get("type") == "TABLE_SCAN":
            table = str(node.get("extra_info", {}).get("Table", "?")).rsplit(".", 1)[-1]
            got = out.setdefault(table, [0, 0, 0])
            got[0] += int(node.get("rows_scanned", 0) or 0)
            got[1] += int(node.get("row_groups_scanned", 0) or 0)
            got[2] += int(node.get("total_row_groups_to_scan", 0) or 0)
        for child in node.get("children", []):
            walk(child)

    for node in plan.get("operator", [plan]) if isinstance(plan.get("operator"), list) else [plan]:
        walk(node)
    return out


def measure(db: Path, statements: list[tuple[str, dict]], runs: int) -> list[dict]:
    from kdcl import db as kdb
    from kdcl import stores

    store = stores.shared()  # the pages' own Store of KDCL_DB (a second one may not open the file)
    rows = []
    if True:
        for name, bound in statements:
            sql, _ = kdb.load_sql(name)
            with store.cursor() as cur:
                profile = json.loads(cur.execute("explain (analyze, format json) " + sql, bound).fetchall()[0][1])
                cpu = []
                for _ in range(runs):
                    started = time.process_time()
                    cur.execute(sql, bound).fetchall()
                    cpu.append(time.process_time() - started)
            rows.append({"statement": name, "cpu_ms": round(statistics.median(cpu) * 1000, 2),
                         "scans": scans(profile)})
    return rows


def render(size: int, school_id: str, rows: list[dict]) -> list[str]:
    lines = [f"## {size:,} schools (principal of {school_id})", "",
             "| statement | CPU ms (median) | tables scanned: rows (row groups / of) |", "|---|---:|---|"]
    for row in rows:
        parts = ", ".join(f"{t} {r:,} ({g}/{n})" for t, (r, g, n) in sorted(row["scans"].items()))
        lines.append(f"| {row['statement']} | {row['cpu_ms']:.2f} | {parts} |")
    lines.append(f"| total | {sum(r['cpu_ms'] for r in rows):.1f} | |")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1500, 45000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", default=str(RESULTS / "principal_scans"))
    args = parser.parse_args()
    out = Path(args.out)
    report = {}
    lines = ["# What a principal's statements read (benchmarks/principal_scans.py)", "",
             "Every read of the school page and the overdue page for one principal, under EXPLAIN ANALYZE: rows "
             "and row groups scanned per table (a row group holds 122,880 rows; zone maps let DuckDB skip the "
             "others), and the statement's CPU time (median of "
             f"{args.runs} runs, DuckDB's threads included).", ""]
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="kdcl-scans-") as work:
            db = Path(work) / f"scans_{size}.duckdb"
            shutil.copyfile(generate.build(size), db)
            school_id = first_school(db)
            rows = measure(db, captured(db, school_id), args.runs)
        report[str(size)] = {"school_id": school_id, "statements": rows}
        lines += render(size, school_id, rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(report, indent=1))
    out.with_suffix(".md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
