"""Import speed at volume: plan items per second from CSV and from .docx, against DuckDB's own CSV reader.

    python benchmarks/bench_import.py [--size 10000] [--csv-schools 1000 5000] [--docx-schools 200]

A province uploading a school year's plan items for its schools. The source is the benchmark
database of --size schools (benchmarks/generate.py). Its plan items of the latest school year
are exported with the app's own template export (kdcl.templates, CSV) and, for .docx, as the
official 9-column Word plan of each school (kdcl.reports.plan_docx). A copy of the database
without any plan is the target, so every row is a new item: read, checked, written. One more
run re-imports a 1,000-school export with one column edited on every row (every item updated
and logged), the "export, edit, import" round trip, and one re-imports a year of self-assessment
levels of the same schools.

Reference: the same CSV loaded by DuckDB's own reader (`create table as select * from
read_csv(...)`) on the same kind of connection. Results are printed and written to
benchmarks/results/import.md / import.json. Nothing here asserts.

Floor: the same rows written by DuckDB alone with nothing checked (read_csv, new plans, items,
their 'create' log rows, the derived tables those writes feed refreshed by the app's own statements
(kdcl.db.DERIVED: stored weakness rows and folded texts since migration 0014), one committed
transaction per file, as the import does; FLOOR_UPKEEP=0 leaves the derived tables out). Any import
that keeps these tables, keys, the item log and all-or-nothing files costs at least that much,
so floor/read is the best import/read it could reach; measured, it is 0.26-0.8 for one file (the
reference itself varies) and 0.26-0.36 for five: around the 0.5 target before a single cell is checked. The import itself costs about twice the floor:
Python reads the file (about what DuckDB's whole read costs), checks every row with the rules
of kdcl.importing.validate (each distinct value once), and writes typed Arrow tables.
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

from kdcl import templates  # noqa: E402
from kdcl.access import Scope  # noqa: E402
from kdcl.data.plan_document import plan_document  # noqa: E402
from kdcl.db import DERIVED, Store, load_sql  # noqa: E402
from kdcl.importing import safety  # noqa: E402
from kdcl.importing.service import Options, Upload, import_files  # noqa: E402
from kdcl.importing.tabular import read_table  # noqa: E402
from kdcl.importing.validate import Context, Problems, plans_from_table  # noqa: E402
from kdcl.importing.write import write_plans  # noqa: E402
from kdcl.reports.plan_docx import build_plan_docx  # noqa: E402
from kdcl.strings import ASSESSMENT_KIND_LABELS  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
SCOPE = Scope.everything(user="bench")
FILE_SCHOOLS = 1000


def latest_year(store: Store) -> str:
    years = store.query("school_years", **SCOPE.params(), unit_id=None, school_type=None)
    return str(sorted(years.iloc[:, 0])[-1])


def school_ids(store: Store, n: int) -> list[str]:
    frame = store.query("import_export_schools", **SCOPE.params(), unit_id=None, school_type=None, school_id=None)
    return sorted(frame["school_id"])[:n]


def without_plans(source: Path, work: Path) -> Path:
    """A copy of the benchmark database with every plan removed (the import's target)."""
    target = work / "target.duckdb"
    shutil.copyfile(source, target)
    store = Store(target)
    with store.cursor() as cur:  # benchmark set-up, not an app write path
        cur.execute("delete from plan_item_log")
        cur.execute("delete from plan_item")
        cur.execute("delete from plan")
        cur.execute("checkpoint")
    store.close()
    return target


def fresh_target(template: Path, work: Path, name: str) -> Store:
    path = work / f"{name}.duckdb"
    shutil.copyfile(template, path)
    return Store(path)


def timed_import(store: Store, uploads: list[Upload]) -> tuple[float, int, int, list]:
    """Seconds, rows written, the process's peak memory so far (MB, VmHWM), errors of files not imported."""
    started = time.perf_counter()
    results = import_files(store, SCOPE, uploads, Options(channel="cli"))
    seconds = time.perf_counter() - started
    peak = peak_mb()
    written = int(sum(r.rows for r in results if r.status == "imported"))
    errors = [(r.file, [e.as_json() for e in r.errors[:3]]) for r in results if r.status != "imported"]
    return seconds, written, peak, errors


def cpu_timed(fn) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, fn's result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def median_runs(repeat: int, make_store, run) -> tuple[float, float, object]:
    """Median wall and CPU seconds of `repeat` runs of run(store), each on a fresh store (closed after);
    the last run's result. On a machine shared with other work one run can be off by 2-3x; the CPU
    seconds move much less than the wall seconds."""
    walls, cpus, out = [], [], None
    for i in range(repeat):
        store = make_store(i)
        try:
            wall, cpu, out = cpu_timed(lambda: run(store))
        finally:
            store.close()
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus), out


def phases(store: Store, upload: Upload) -> dict[str, float]:
    """Where one CSV file's import time goes: read (decode + parse), check (validation), write (one transaction)."""
    started = time.perf_counter()
    table = read_table(safety.check(upload.name, upload.data))
    read = time.perf_counter()
    problems = Problems(upload.name)
    writes = plans_from_table(Context(store, SCOPE, "cli"), problems, table, None, None, False)
    checked = time.perf_counter()
    with store.transaction() as tx:
        write_plans(tx, writes, SCOPE.user, upload.name, None)
    written = time.perf_counter()
    return {"read_s": round(read - started, 3), "check_s": round(checked - read, 3),
            "write_s": round(written - checked, 3)}


def peak_mb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM"):
                return round(int(line.split()[1]) / 1024)
    return 0


def duckdb_reference(store: Store, csv_paths: list[Path]) -> dict[str, float | int]:
    """DuckDB's own reader on the same files, two ways: into a temporary in-memory table (the reader
    alone) and loaded into a table of the database file, committed (what an import has to do too)."""
    out: dict[str, float | int] = {}
    paths = {"paths": [str(p) for p in csv_paths]}
    with store.cursor() as cur:
        started = time.perf_counter()
        cur.execute("create temp table csv_reference as select * from read_csv($paths, header = true)", paths)
        out["read_s"] = time.perf_counter() - started
        out["rows"] = cur.execute("select count(*) from csv_reference").fetchone()[0]
        cur.execute("drop table csv_reference")
        started = time.perf_counter()
        cur.execute("begin transaction")
        cur.execute("create table csv_loaded as select * from read_csv($paths, header = true)", paths)
        cur.execute("commit")
        out["load_s"] = time.perf_counter() - started
        cur.execute("drop table csv_loaded")
        cur.execute("checkpoint")
    return out


FLOOR_STEPS = [
    # the file's rows, every cell as text, in file order (no sniffing: the template's dialect is known)
    "create temp table floor_rows as select row_number() over () as n, * "
    "from read_csv($path, header = true, auto_detect = false, columns = $columns, delim = ',', quote = '\"', "
    "escape = '\"')",
    "create temp table floor_plans as select (select coalesce(max(plan_id), 0) from plan) "
    "+ row_number() over () as plan_id, school_id, school_year "
    "from (select distinct c0 as school_id, c1 as school_year from floor_rows)",
    "insert into plan (plan_id, school_id, school_year, end_school_year, title, created_by) "
    "select plan_id, school_id, school_year, school_year, 'floor', $user from floor_plans",
    "create temp table floor_items as "
    "select (select coalesce(max(item_id), 0) from plan_item) + r.n as item_id, p.plan_id, "
    "row_number() over (partition by p.plan_id order by r.n) as position, r.c0 as school_id, s.framework_id, "
    "r.c2 as criterion_code, try_cast(r.c3 as integer) as target_level, r.c4 as weakness, r.c5 as target_result, "
    "r.c6 as measures, r.c7 as lead, r.c8 as support, r.c9 as time_text, "
    "try_strptime(r.c10, '%d/%m/%Y')::date as start_date, try_strptime(r.c11, '%d/%m/%Y')::date as due_date, "
    "r.c12 as budget_text, r.c15 as note, r.c16 as other_support "
    "from floor_rows as r join floor_plans as p on p.school_id = r.c0 and p.school_year = r.c1 "
    "join school as s on s.school_id = r.c0",
    "insert into plan_item (item_id, plan_id, position, school_id, framework_id, criterion_code, target_level, "
    "weakness, target_result, measures, lead, support, time_text, start_date, due_date, budget_text, note, "
    "other_support, status, updated_by) "
    "select *, 'not_started', $user from floor_items",
    "insert into plan_item_log (item_id, school_id, changed_by, action) "
    "select item_id, school_id, $user, 'create' from floor_items",
    "drop table floor_rows", "drop table floor_plans", "drop table floor_items",
]


def duckdb_floor(store: Store, csv_paths: list[Path]) -> float:
    """What writing the same rows costs with DuckDB alone and nothing checked: per file, in one
    transaction as the import does, read_csv (text), new plans, items (joined to the school for its
    framework; level cast, explicit dates read) and their 'create' log rows, committed. The floor
    under any import that keeps the same tables, keys, log and all-or-nothing files."""
    return _floor_run(store, csv_paths, FLOOR_STEPS, len(templates.TEMPLATES["plan"]), {"plan", "plan_item"})


def _floor_run(store: Store, csv_paths: list[Path], steps: list[str], width: int, writes: set[str],
               **extra) -> float:
    """Seconds to run `steps` per file (one committed transaction each), every column of the file as text.
    When the file's rows are staged (before the first drop), the derived tables its writes feed
    (kdcl.db.DERIVED) are refreshed by the app's own statements for the rows it wrote, as every write of
    the app does: an import cannot skip them, so neither does the floor (FLOOR_UPKEEP=0 leaves them out,
    for the figures before issue 20's stored weakness rows)."""
    columns = {f"c{i}": "varchar" for i in range(width)}  # the template's columns, all of them
    upkeep = os.environ.get("FLOOR_UPKEEP", "1") != "0"
    started = time.perf_counter()
    with store.cursor() as cur:  # benchmark reference, not an app write path
        for path in csv_paths:
            cur.execute("begin transaction")
            kept = not upkeep
            for sql in steps:
                if not kept and sql.startswith("drop table"):
                    _floor_upkeep(cur, writes)
                    kept = True
                params = {k: v for k, v in {"path": str(path), "columns": columns, "user": "floor", **extra}.items()
                          if "$" + k in sql}
                cur.execute(sql, params)
            cur.execute("commit")
    return time.perf_counter() - started


def _floor_upkeep(cur, written: set[str]) -> None:
    """Refresh the derived tables fed by the `written` tables, for the schools (or items) the floor staged:
    each Derived's own clear and fill statements (kdcl.db.DERIVED), as Store.transaction does."""
    plans = "plan_item" in written  # staged in floor_items, else (assessments) in floor_levels
    schools = [r[0] for r in cur.execute("select distinct school_id from floor_items" if plans
                                         else "select distinct school_id from floor_levels").fetchall()]
    items = [r[0] for r in cur.execute("select item_id from floor_items").fetchall()] if plans else []
    for derived in DERIVED:
        if not written & derived.sources.keys():
            continue
        ids = {"school_ids": schools, "item_ids": items}
        for name in (derived.clear, derived.fill):
            sql, wanted = load_sql(name)
            cur.execute(sql, {k: ids[k] for k in wanted})


ASSESSMENT_FLOOR_STEPS = [
    FLOOR_STEPS[0],
    # the kind's label back to its code, the school's framework, the level cast; then replace and insert
    "create temp table floor_levels as select r.c0 as school_id, r.c1 as school_year, k.kind, s.framework_id, "
    "r.c3 as criterion_code, cast(r.c4 as integer) as level, $file as source "
    "from floor_rows as r join school as s on s.school_id = r.c0 "
    "join (select unnest($labels) as label, unnest($kinds) as kind) as k on k.label = r.c2",
    "delete from assessment as a using floor_levels as n where a.school_id = n.school_id "
    "and a.school_year = n.school_year and a.kind = n.kind and a.criterion_code = n.criterion_code",
    "insert into assessment (school_id, school_year, kind, framework_id, criterion_code, level, source) "
    "select * from floor_levels",
    "drop table floor_rows", "drop table floor_levels",
]


def duckdb_assessment_floor(store: Store, csv_paths: list[Path]) -> float:
    """The floor of an assessments file: DuckDB alone reads it, replaces the levels it names and inserts
    them (kind label to code, the school's framework), nothing checked, one transaction per file."""
    return _floor_run(store, csv_paths, ASSESSMENT_FLOOR_STEPS, len(templates.TEMPLATES["assessment"]),
                      {"assessment"}, labels=list(ASSESSMENT_KIND_LABELS.values()), kinds=list(ASSESSMENT_KIND_LABELS),
                      file=csv_paths[0].name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000, help="benchmark database (schools)")
    parser.add_argument("--csv-schools", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--docx-schools", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="CSV imports and floors: median of this many runs")
    args = parser.parse_args()

    source_path = generate.build(args.size)
    source = Store(source_path, read_only=True)
    year = latest_year(source)
    rows_out: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="kdcl-bench-import-") as tmp:
        work = Path(tmp)
        empty = without_plans(source_path, work)
        everything = templates.export_frame(source, SCOPE, "plan", school_year=year)
        for n in args.csv_schools:
            # files of at most FILE_SCHOOLS schools each (an upload is capped at 10 MB), imported as one batch
            ids = school_ids(source, n)
            uploads, paths, rows = [], [], 0
            for part, first in enumerate(range(0, len(ids), FILE_SCHOOLS), start=1):
                frame = everything[everything.iloc[:, 0].isin(set(ids[first:first + FILE_SCHOOLS]))]
                data = templates.to_csv(frame)
                path = work / f"ke-hoach-{n}-{part}.csv"
                path.write_bytes(data)
                uploads.append(Upload(path.name, data))
                paths.append(path)
                rows += len(frame)
            floor, floor_cpu, _ = median_runs(args.repeat, lambda i: fresh_target(empty, work, f"floor{n}-{i}"),
                                              lambda st: duckdb_floor(st, paths))
            store = fresh_target(empty, work, f"csv{n}")
            ref = duckdb_reference(store, paths)
            store.close()
            seconds, cpu, (_, written, peak, errors) = median_runs(
                args.repeat, lambda i: fresh_target(empty, work, f"csv{n}-{i}"), lambda st: timed_import(st, uploads))
            split = phases(fresh_target(empty, work, f"phases{n}"), uploads[0])
            rate = written / seconds
            rows_out.append({"source": "csv", "schools": n, "files": len(uploads), "rows": rows, "written": written,
                             "seconds": round(seconds, 3), "items_per_s": round(rate),
                             "duckdb_read_s": round(ref["read_s"], 3), "duckdb_load_s": round(ref["load_s"], 3),
                             "vs_duckdb_read": round(rate / (ref["rows"] / ref["read_s"]), 2),
                             "vs_duckdb_load": round(rate / (ref["rows"] / ref["load_s"]), 2),
                             "floor_s": round(floor, 3), "floor_vs_read": round(ref["read_s"] / floor, 2),
                             "cpu_s": round(cpu, 3), "floor_cpu_s": round(floor_cpu, 3),
                             "peak_mb": peak, "errors": errors[:2], "first_file": split})
            print(rows_out[-1], flush=True)

        # export -> edit -> import: every row of a 1,000-school file changes one column (an update each)
        ids = set(school_ids(source, FILE_SCHOOLS))
        frame = everything[everything.iloc[:, 0].isin(ids)].copy()
        note = next(c for c in frame.columns if c.startswith("Ghi chú"))
        frame[note] = "Đã rà soát lại"
        data = templates.to_csv(frame)
        seconds, cpu, (_, written, peak, errors) = median_runs(
            args.repeat, lambda i: fresh_target(source_path, work, f"edit-{i}"),
            lambda st: timed_import(st, [Upload("ke-hoach-sua.csv", data)]))
        rows_out.append({"source": "csv, every row edited", "schools": len(ids), "files": 1, "rows": len(frame),
                         "written": written, "seconds": round(seconds, 3), "items_per_s": round(written / seconds),
                         "cpu_s": round(cpu, 3), "peak_mb": peak, "errors": errors[:2]})
        print(rows_out[-1], flush=True)

        # a year of self-assessment levels of 1,000 schools, re-imported (each level replaced)
        levels = templates.export_frame(source, SCOPE, "assessment", school_year=year)
        levels = levels[levels.iloc[:, 0].isin(ids)]
        level_path = work / "muc-dat.csv"
        level_path.write_bytes(templates.to_csv(levels))
        level_upload = Upload(level_path.name, level_path.read_bytes())
        floor, floor_cpu, _ = median_runs(args.repeat, lambda i: fresh_target(source_path, work, f"levels-floor-{i}"),
                                          lambda st: duckdb_assessment_floor(st, [level_path]))
        store = fresh_target(source_path, work, "levels-reference")
        ref = duckdb_reference(store, [level_path])
        store.close()
        seconds, cpu, (_, written, peak, errors) = median_runs(
            args.repeat, lambda i: fresh_target(source_path, work, f"levels-{i}"),
            lambda st: timed_import(st, [level_upload]))
        rate = written / seconds
        rows_out.append({"source": "csv, assessments", "schools": len(ids), "files": 1, "rows": len(levels),
                         "written": written, "seconds": round(seconds, 3), "items_per_s": round(rate),
                         "duckdb_read_s": round(ref["read_s"], 3), "duckdb_load_s": round(ref["load_s"], 3),
                         "vs_duckdb_read": round(rate / (ref["rows"] / ref["read_s"]), 2),
                         "vs_duckdb_load": round(rate / (ref["rows"] / ref["load_s"]), 2),
                         "floor_s": round(floor, 3), "floor_vs_read": round(ref["read_s"] / floor, 2),
                         "cpu_s": round(cpu, 3), "floor_cpu_s": round(floor_cpu, 3),
                         "peak_mb": peak, "errors": errors[:2]})
        print(rows_out[-1], flush=True)

        ids = school_ids(source, args.docx_schools)
        uploads = []
        for school_id in ids:
            doc = plan_document(source, SCOPE, school_id, year)
            if doc.items is not None and len(doc.items):
                uploads.append(Upload(f"ke-hoach_{school_id}.docx", build_plan_docx(doc)))
        store = fresh_target(empty, work, "docx")
        seconds, written, peak, errors = timed_import(store, uploads)
        store.close()
        rows_out.append({"source": "docx", "schools": len(uploads), "files": len(uploads), "rows": written, "written": written,
                         "seconds": round(seconds, 3), "items_per_s": round(written / seconds) if seconds else None,
                         "peak_mb": peak, "errors": errors[:2]})
        print(rows_out[-1], flush=True)
    source.close()

    lines = [f"Import, target = {args.size:,}-school database without plans, school year {year}", "",
             "| source | schools | files | rows | written | seconds | rows/s | DuckDB read s | DuckDB load s |"
             " import/read | import/load | floor s | floor/read | import/floor | import CPU s | floor CPU s |"
             " CPU import/floor | process peak MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows_out:
        r["import_vs_floor"] = round(r["seconds"] / r["floor_s"], 2) if r.get("floor_s") else ""
        r["cpu_vs_floor"] = round(r["cpu_s"] / r["floor_cpu_s"], 2) if r.get("floor_cpu_s") else ""
        lines.append(f"| {r['source']} | {r['schools']:,} | {r['files']:,} | {r['rows']:,} | {r['written']:,} | "
                     f"{r['seconds']} | {r['items_per_s']:,} | {r.get('duckdb_read_s', '')} | "
                     f"{r.get('duckdb_load_s', '')} | {r.get('vs_duckdb_read', '')} | {r.get('vs_duckdb_load', '')} | "
                     f"{r.get('floor_s', '')} | {r.get('floor_vs_read', '')} | {r['import_vs_floor']} | {r.get('cpu_s', '')} | "
                     f"{r.get('floor_cpu_s', '')} | {r['cpu_vs_floor']} | {r['peak_mb']} |")
    lines += ["", "DuckDB read: read_csv into a temporary in-memory table. DuckDB load: read_csv into a table of the",
              "database file, committed. Import: decode, parse, check every row, write plans, items and their log.",
              "Floor: DuckDB alone writes the same rows, nothing checked (read_csv, plans, items, their log, one",
              "committed transaction per file): no import keeping these tables and all-or-nothing files beats it.",
              "floor/read is the best import/read any such import could reach. Assessments: the floor reads the",
              "file, replaces the levels it names and inserts them (kind label to code, the school's framework).",
              "import/floor: the import's seconds over the floor's (issue 20's target: at most 2). CSV rows (the edited",
              f"one too): median of {args.repeat} runs each (fresh copies); CPU s: this process's CPU time (every thread), which",
              "other work on a shared machine disturbs far less than the wall time.", "",
              "Where a 1,000-school CSV file's time goes (s): "
              + "; ".join(f"{r['rows'] // r['files']:,} rows: read {r['first_file']['read_s']}, check "
                          f"{r['first_file']['check_s']}, write {r['first_file']['write_s']}"
                          for r in rows_out if r["source"] == "csv")]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "import.md").write_text("\n".join(lines) + "\n")
    (RESULTS / "import.json").write_text(json.dumps(rows_out, indent=1, ensure_ascii=False))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
