"""The weaknesses page's statements before and after their stored rows (issue 20, step 1.2: table
school_criterion_year, and the searched texts folded once: plan_item_fold, assessment_text_fold; migration
0014), and what keeping the tables costs the writes.

    python benchmarks/bench_weaknesses.py [--schools 45000] [--runs 5]

On a private copy of the benchmark database (benchmarks/generate.py; opening it applies 0014 when the
copy does not have it yet, timed): each statement's text before 0014 (tests/before_0014, reading the
macros of 0005, created as temporary macros) and now, national scope, the latest school year, run in
turn on one connection; then the writes with the tables kept and without them (DERIVED without the
tables of 0014, as before it): a status save, one school's plan imported, one school's
assessments imported. CPU seconds of the process (every DuckDB thread counted; the machine is shared,
so CPU time is steadier than the clock) and wall seconds, medians. Nothing asserts; the figures are
printed and written to benchmarks/results/weaknesses.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
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

BEFORE = ROOT / "tests" / "before_0014"
NEW_TABLES = ("school_criterion_year", "plan_item_fold", "assessment_text_fold")  # migration 0014
STATEMENTS = ("weakness_criteria", "weakness_chronic", "criterion_weakness", "weakness_measures_worked",
              "weakness_search")


def clocks() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def since(start: tuple[float, float]) -> tuple[float, float]:
    cpu, wall = clocks()
    return cpu - start[0], wall - start[1]


def before_macros() -> list[str]:
    from kdcl import db

    text = (db.MIGRATION_DIR / "0005_chronic_weaknesses_one_pass.sql").read_text(encoding="utf-8")
    body = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    return [re.sub(r"\b(chronic_streaks|chronic_weaknesses)\(", r"\1_0005(", s.strip()).replace(
        "create macro", "create temp macro", 1) for s in body.split(";") if s.strip().startswith("create macro")]


def bound(sql: str, values: dict) -> dict:
    body = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return {k: values[k] for k in set(re.findall(r"(?<![\w$])\$([a-z_][a-z0-9_]*)", body))}


def statement_times(store, values: dict, runs: int, framework: str) -> list[tuple[str, str, float, float, int]]:
    from kdcl import db

    rows = []
    with store.cursor() as cur:
        for macro in before_macros():
            cur.execute(macro)
        for name in STATEMENTS:
            if name == "weakness_measures_worked":  # one framework at a time, as the page asks
                values = {**values, "framework_id": framework}
            versions = [("before", (BEFORE / f"{name}.sql").read_text(encoding="utf-8")),
                        ("now", db.load_sql(name)[0])]
            times: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in versions}
            counts = {}
            for label, sql in versions:  # warm
                counts[label] = len(cur.execute(sql, bound(sql, values)).fetchall())
            for _ in range(runs):
                for label, sql in versions:
                    start = clocks()
                    cur.execute(sql, bound(sql, values)).to_arrow_table()
                    times[label].append(since(start))
            for label, _ in versions:
                rows.append((name, label, statistics.median(c for c, _ in times[label]),
                             statistics.median(w for _, w in times[label]), counts[label]))
    return rows


def plan_csv(school: str, year: str, codes: list[str], version: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Mã trường", "Năm học", "Tiêu chí", "Mức mục tiêu", "Điểm yếu", "Kết quả cần đạt", "Giải pháp"])
    for code in codes:
        writer.writerow([school, year, code, 2, f"Điểm yếu {code} lần {version}", "Đạt", f"Giải pháp {version}"])
    return out.getvalue().encode("utf-8-sig")


def write_times(store, runs: int) -> list[tuple[str, str, float, float]]:
    """Each write with the table kept ("now") and without it ("before"), alternately."""
    from kdcl import db, updates
    from kdcl.access import Scope
    from kdcl.importing import Options, Upload, import_files

    admin = Scope.everything(user="bench")
    with store.cursor() as cur:
        school, framework, year = cur.execute(
            "select s.school_id, s.framework_id, max(p.school_year) from school as s join plan as p "
            "on p.school_id = s.school_id group by all order by s.school_id limit 1").fetchone()
        codes = [r[0] for r in cur.execute(
            "select criterion_code from criterion where framework_id = ? order by sort_order limit 8",
            [framework]).fetchall()]
        item = cur.execute("select item_id from plan_item where school_id = ? order by item_id limit 1",
                           [school]).fetchone()[0]
    next_year = f"{int(year[:4]) + 1}-{int(year[:4]) + 2}"
    kept = db.DERIVED
    without = tuple(d for d in db.DERIVED if d.table not in NEW_TABLES)
    counter = {"n": 0}

    def status_save():
        with store.cursor() as cur:
            status, version = cur.execute("select status, version from plan_item where item_id = ?",
                                          [item]).fetchone()
        updates.update_item(store, admin, item, version,
                            status="in_progress" if status != "in_progress" else "not_started",
                            today=date(2026, 1, 15))

    def plan_import():
        counter["n"] += 1
        data = plan_csv(school, next_year, codes, counter["n"])
        [result] = import_files(store, admin, [Upload(f"kh-{counter['n']}.csv", data)], Options(replace=True))
        assert result.status == "imported", [e.message for e in result.errors]

    def assessment_import():
        counter["n"] += 1
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"])
        for i, code in enumerate(codes):  # levels spell the run's number: no two files alike (duplicates)
            writer.writerow([school, next_year, "Tự đánh giá", code, 1 + ((counter["n"] >> i) & 1)])
        [result] = import_files(store, admin, [Upload(f"dg-{counter['n']}.csv", out.getvalue().encode())],
                                Options())
        assert result.status == "imported", [e.message for e in result.errors]

    rows = []
    for label, write in (("status save", status_save), ("one school's plan (8 items)", plan_import),
                         ("one school's assessments (8 rows)", assessment_import)):
        times: dict[str, list[tuple[float, float]]] = {"before": [], "now": []}
        for _ in range(runs):
            for version, derived in (("before", without), ("now", kept)):
                db.DERIVED = derived
                try:
                    start = clocks()
                    write()
                    times[version].append(since(start))
                finally:
                    db.DERIVED = kept
        for version in ("before", "now"):
            rows.append((label, version, statistics.median(c for c, _ in times[version]),
                         statistics.median(w for _, w in times[version])))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=45000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source = generate.build(args.schools)
    from kdcl.access import Scope
    from kdcl.data import Filters, params
    from kdcl.db import Store

    lines = [f"# Weaknesses page statements and the writes keeping school_criterion_year ({args.schools:,} schools)",
             "", "`python benchmarks/bench_weaknesses.py --schools " + f"{args.schools} --runs {args.runs}`; "
             "medians; CPU = seconds of the process, every DuckDB thread counted.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "bench.duckdb"
        shutil.copy(source, copy)
        start = clocks()
        store = Store(copy)
        opened = since(start)
        with store.cursor() as cur:
            year = cur.execute("select max(school_year) from plan").fetchone()[0]
            framework = cur.execute("select framework_id from school group by 1 order by count(*) desc, 1 "
                                    "limit 1").fetchone()[0]
            rows = cur.execute("select count(*) from school_criterion_year").fetchone()[0]
        lines += [f"Opening the copy (applies migration 0014 if it is not there yet): CPU {opened[0]:.2f} s, "
                  f"wall {opened[1]:.2f} s; school_criterion_year: {rows:,} rows.", "",
                  f"National scope, school year {year}; measures that worked: framework {framework}, every "
                  "criterion; the search for \"si so\" (any year), 300 rows:", "",
                  "| statement | version | CPU s | wall s | rows |", "|---|---|---:|---:|---:|"]
        values = params(Scope.everything(), Filters(school_year=year, as_of=date(2026, 1, 15)), framework_id=None,
                        query="si so", limit=300,  # the search: as the page asks (SEARCH_LIMIT rows)
                        criterion_code=None)  # measures that worked: the framework's every criterion
        for name, label, cpu, wall, n in statement_times(store, values, args.runs, framework):
            lines.append(f"| {name} | {label} | {cpu:.3f} | {wall:.3f} | {n:,} |")
            print(lines[-1], flush=True)
        lines += ["", "Writes: before = the same transaction without refreshing the tables of 0014 "
                  "(DERIVED as before it); now = refreshing the schools it touched.", "",
                  "| write | version | CPU s | wall s |", "|---|---|---:|---:|"]
        for label, version, cpu, wall in write_times(store, args.runs):
            lines.append(f"| {label} | {version} | {cpu:.3f} | {wall:.3f} |")
            print(lines[-1], flush=True)
        store.close()
    out = ROOT / "benchmarks" / "results" / "weaknesses.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
