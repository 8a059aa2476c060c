"""A principal's pages (issue 17): server-side time of a full script run of each page as the
principal of one school, cold (data caches empty, as after any write: every status change on the
home empties them) and warm, and the time of one status change saved through kdcl.updates.

    python benchmarks/bench_principal.py [--schools 10000]

The database comes from benchmarks/generate.py (built once, then reused). A principal's queries
start from their one school, so the times should not grow with the number of schools around it.
Nothing here asserts: the numbers are printed and written to benchmarks/results/principal.md.
"""

from __future__ import annotations

import argparse
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

RUNS = 3
PAGES = ("home", "levels", "school", "overdue", "weaknesses", "presentation")
SCHOOL = "MN000000"  # the first generated school


def page_times(db: Path) -> list[tuple[str, float, float, int]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from kdcl import ui
    from kdcl.access import Scope

    os.environ["KDCL_DB"] = str(db)
    scope = Scope(school_id=SCHOOL, role="principal", user="bench")
    rows = []
    for name in PAGES:
        colds, errors = [], 0
        for _ in range(RUNS):
            st.cache_data.clear()
            ui.clear_cache()  # ui.load's cache (st.cache_resource since issue 20)
            at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=600)
            at.session_state["scope"] = scope
            started = time.perf_counter()
            at.run()
            colds.append(time.perf_counter() - started)
            errors += len(at.exception)
        warm_app = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=600)
        warm_app.session_state["scope"] = scope
        started = time.perf_counter()
        warm_app.run()
        rows.append((name, statistics.median(colds), time.perf_counter() - started, errors))
    return rows


def save_time(db: Path) -> float:
    from kdcl import updates
    from kdcl.access import Scope
    from kdcl.data import Filters, school_years
    from kdcl.data import school as school_data
    from kdcl.db import Store

    store = Store(db)
    try:
        scope = Scope(school_id=SCHOOL, role="principal", user="bench")
        report = school_data.school_report(store, scope, Filters(school_years(store)[0]), SCHOOL)
        item = report.items.iloc[0]
        times = []
        version = int(item["version"])
        for note in ("a", "b", "c"):
            started = time.perf_counter()
            version = updates.update_item(store, scope, int(item["item_id"]), version, progress_note=note)
            times.append(time.perf_counter() - started)
        return statistics.median(times)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schools", type=int, default=10000)
    n = parser.parse_args().schools
    source = generate.build(n)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "principal.duckdb"  # a copy: the save benchmark writes
        shutil.copy(source, db)
        rows = page_times(db)
        save = save_time(db)
    lines = [f"# A principal's pages, {n:,} schools in the database", "",
             "| page | cold (s, median of 3) | warm (s) | errors |", "| --- | --- | --- | --- |"]
    lines += [f"| {name} | {cold:.3f} | {warm:.3f} | {errors} |" for name, cold, warm, errors in rows]
    lines += ["", f"One status change saved (kdcl.updates, history and version check): {save * 1000:.0f} ms (median of 3)"]
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "benchmarks" / "results" / "principal.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
