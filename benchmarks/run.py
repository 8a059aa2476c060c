"""Speed and memory of every page at 1,000 / 10,000 / 45,000 schools.

    python benchmarks/run.py [--sizes 1000 10000 45000] [--browser-size 45000] [--skip-browser] [--skip-import]
    python benchmarks/run.py --sizes --skip-import        # the browser figures only (the others kept)

For each page and size: the server-side time of a full script run (Streamlit AppTest)
cold (data caches empty, as after any write; median of three runs, and the first run, which
also opens the connection and compiles the page; the process's one-time start-up is paid
first and reported on its own) and warm (cached), the time of the same SQL run
directly in DuckDB (every query the page issued, replayed with the same parameters),
the ratio page/raw, and the most marks a page sent in one chart. Then, at the browser
size, in headless Chromium, from a click on the page's sidebar link (one sign-in, then moving by
clicking, as a person does): "main visible" (the first chart or table drawn) and "settled" (the
script finished and nothing left drawing, the DOM quiet for 300 ms: defined in
benchmarks/browser.py), on a first visit and again, and settled after a write (a status saved on
the overdue page, then the page opened); the peak memory (VmHWM) of the server process; then the
import benchmarks (benchmarks/bench_import.py, benchmarks/bench_schools.py). Results are printed as
a table and written to benchmarks/results/latest.md and latest.json (imports: import.md /
import.json, schools.md / schools.json); a run that skips a part keeps that part's last figures.
Many people at once: benchmarks/load.py. Nothing here asserts: targets are reported, not enforced
(see README "Performance").
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
COLD_RUNS = 3  # cold runs (and raw replays) per page; the median is reported
FIRST_SCHOOL = "MN000000"  # the first generated school (see benchmarks/generate.py)
SKIP_PAGES: set[str] = set()  # the import page is timed as a person opens it (uploads: bench_import.py)


def pages() -> list[Path]:
    only = os.environ.get("KDCL_BENCH_PAGES", "").split()  # --pages, passed to the per-size subprocess
    return sorted(p for p in (ROOT / "pages").glob("*.py")
                  if p.name not in SKIP_PAGES and (not only or p.stem in only))


def _length(value) -> int:
    """Points in a plotly array: a list, or a typed array {"dtype", "bdata", "shape"}."""
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            return sum(len(row) for row in value)
        return len(value)
    if isinstance(value, dict) and "bdata" in value:
        if "shape" in value:
            dims = [int(d) for d in str(value["shape"]).split(",")]
            total = 1
            for d in dims:
                total *= d
            return total
        import numpy as np

        return len(base64.b64decode(value["bdata"])) // np.dtype(value["dtype"]).itemsize
    return 0


def count_marks(at) -> int:
    """Most data points in one plotly chart of the run (what the browser must draw)."""
    most = 0
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        marks = sum(max(_length(trace.get(k)) for k in ("x", "y", "z", "values", "labels"))
                    for trace in spec.get("data", []))
        most = max(most, marks)
    return most


def run_page(page: Path, db: Path) -> dict:
    """Cold and warm AppTest runs of one page, and the replay of its queries in DuckDB."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from kdcl import db as kdb
    from kdcl import ui
    from kdcl.access import Scope

    os.environ["KDCL_DB"] = str(db)
    traced: list[tuple[str, dict, float]] = []
    st.cache_data.clear()
    st.cache_resource.clear()

    def app() -> AppTest:
        at = AppTest.from_file(str(page), default_timeout=600)
        if _COMPONENTS is not None:
            at._bidi_component_manager = _COMPONENTS  # what the server holds once (see warm_up)
        at.session_state["scope"] = Scope.everything(user="bench")
        if page.stem == "school":
            at.query_params["school"] = FIRST_SCHOOL
        return at

    # cold: the data caches empty, as after any write (every cache key holds the data version), so
    # this is what the first visitor after an import waits; the server's connection stays open, as
    # it does in a server. Three runs, the median reported, as single runs on a busy 2-core machine
    # vary by +-30 %. The first is reported too: it also opens the connection and compiles the page.
    colds = []
    for attempt in range(COLD_RUNS):
        st.cache_data.clear()
        ui.clear_cache()  # ui.load's cache (st.cache_resource: shared frames, issue 20)
        if attempt == 0:
            kdb.set_tracer(lambda name, params, seconds: traced.append((name, params, seconds)))
        cold_app = app()
        started = time.perf_counter()
        cold_app.run()
        colds.append(time.perf_counter() - started)
        kdb.set_tracer(None)
        if attempt == 0:
            first_app = cold_app
    cold = statistics.median(colds)
    errors = [str(e.value)[:200] for e in first_app.exception]

    warm_app = app()
    started = time.perf_counter()
    warm_app.run()
    warm = time.perf_counter() - started

    # after a status save (what a principal does every few seconds before a deadline): one plan item
    # switched between "in progress" and "not started" (a real write, through kdcl.updates), then the
    # page run again: what the write emptied is read again, what it did not touch stays cached
    store = kdb.Store(db)
    save_status(store)
    after_save_app = app()
    started = time.perf_counter()
    after_save_app.run()
    after_save = time.perf_counter() - started

    # the same statements straight on DuckDB (a new connection, no Streamlit, no page code), as often
    raws = []
    for _ in range(COLD_RUNS):
        started = time.perf_counter()
        for name, params, _seconds in traced:
            sql, _wanted = kdb.load_sql(name)
            with store.cursor() as cur:
                cur.execute(sql, params).to_arrow_table()  # DuckDB's own columnar result: no pandas
        raws.append(time.perf_counter() - started)
    raw = statistics.median(raws)
    store.close()
    return {
        "page": page.stem,
        "cold_s": round(cold, 3),
        "cold_first_s": round(colds[0], 3),
        "warm_s": round(warm, 3),
        "after_save_s": round(after_save, 3),
        "raw_sql_s": round(raw, 3),
        "queries": len(traced),
        "ratio_cold_raw": round(cold / raw, 2) if raw > 0 else None,
        "max_marks": count_marks(first_app),
        "errors": errors,
    }


def save_status(store) -> None:
    """Switch the first plan item between "in progress" and "not started" through kdcl.updates (the
    status save of the overdue page): one committed write of the plan items."""
    from kdcl import updates
    from kdcl.access import Scope

    with store.cursor() as cur:  # which item: benchmark set-up, the write itself is the app's
        item_id, version, status = cur.execute(
            "select item_id, version, status from plan_item order by item_id limit 1").fetchone()
    target = "not_started" if status == "in_progress" else "in_progress"
    updates.update_item(store, Scope.everything(user="bench"), item_id, version, status=target)


WARM_UP_SCRIPT = """
import pandas as pd
import streamlit as st

from kdcl import charts, ui

st.plotly_chart(charts.level_bar(pd.DataFrame({"level": [1, 2], "schools": [3, 4]})))
st.dataframe(pd.DataFrame({"a": [1]}).style.format("{:,}"))
"""


def warm_up() -> float:
    """The process's one-time costs, paid before any page is timed so that they do not land on
    whichever page comes first: imports (streamlit, pandas, plotly, kdcl), plotly's and the table
    styler's first use, AppTest's own first run and its scan for installed components, DuckDB's
    first DataFrame conversion. Returns the
    seconds (reported as start-up, once per server process; no school data is read)."""
    from streamlit.testing.v1 import AppTest

    from kdcl import db as kdb

    global _COMPONENTS
    _share_script_cache()
    started = time.perf_counter()
    at = AppTest.from_string(WARM_UP_SCRIPT, default_timeout=120)
    at.run()
    # AppTest scans every installed package for Streamlit components on each new instance's first
    # run (0.2-0.5 s); a server does it once at start. Pages reuse this instance's scan.
    _COMPONENTS = getattr(at, "_bidi_component_manager", None)
    with kdb.Store(":memory:").cursor() as cur:
        cur.execute("select 1 as one, 'a' as text").df()
    return round(time.perf_counter() - started, 3)


_COMPONENTS = None  # the warm-up's component registry (see warm_up)


def _share_script_cache() -> None:
    """A server compiles each page script once (its ScriptCache is shared by every session), but
    each AppTest run builds a new cache and compiles the page again (0.05-0.12 s: Streamlit's
    "magic" rewrites the syntax tree). Runs here share one cache as a server's sessions do, so a
    page's compile lands on its first cold run only (reported as "first cold")."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import local_script_runner

    shared = ScriptCache()
    local_script_runner.ScriptCache = lambda: shared


def run_pages_in_subprocess(db: Path) -> dict:
    """Each size in a fresh interpreter, so 'cold' really starts cold and memory is not shared."""
    out = subprocess.run(
        [sys.executable, __file__, "--_pages", str(db)], capture_output=True, text=True, timeout=3600, cwd=ROOT
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_server(db: Path, extra_env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run serve.py` (as the app is started: dashboard.py, the session-cookie route and what
    serve.py does at start) on 127.0.0.1 and a free port, on `db`; (process, url) once healthy."""
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--server.fileWatcherType=none",
         "--browser.gatherUsageStats=false"],
        cwd=ROOT, env={**os.environ, "KDCL_DB": str(db), **(extra_env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return server, url
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("streamlit exited at start")
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("streamlit did not start")


def peak_mb(pid: int) -> int | None:
    """The process's peak resident memory (VmHWM), MB."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """CPU seconds the process used so far (user + system, every thread: /proc/<pid>/stat)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def browser_times(db: Path) -> dict:
    """Per page, in headless Chromium, from a click on its sidebar link: "main visible" (the first
    chart or table drawn) and "settled" (the script finished and nothing left drawing; defined in
    benchmarks/browser.py), on a first visit (a fresh server: caches empty) and again; then
    "settled after a write": before each page, the first item of the overdue list is switched between
    "in progress" and "not started" on the
    overdue page and saved (a write empties every data cache), then the page is opened. Also the
    sign-in, each save, and the server's peak memory. The overview opens with the sign-in: its
    first visit is the sign-in's (from the click on "Đăng nhập", the password check included).

    The school page shows neither chart nor table before a school is picked: on the first visit
    the first generated school is searched for and chosen, as a person would (the session keeps it
    afterwards), so that time includes the search. A copy of the database is used (the writes)."""
    import shutil
    import tempfile

    from playwright.sync_api import sync_playwright

    import browser as bw
    from kdcl import auth
    from kdcl.db import Store

    work = Path(tempfile.mkdtemp(prefix="kdcl-bench-"))
    copy = work / db.name
    shutil.copyfile(db, copy)
    store = Store(copy)
    if store.query("user_by_name", username="bench").empty:
        auth.add_user(store, "bench", "bench-password", "admin")
    store.close()
    server, url = start_server(copy)
    names = [n for n in bw.PAGES if (ROOT / "pages" / f"{n}.py").exists()]
    results: dict = {"pages": {n: {} for n in names}, "saves": []}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=bw.CHROMIUM, headless=True, args=bw.CHROMIUM_ARGS)
            page = bw.new_page(browser)
            started = time.perf_counter()
            cpu_before = None

            def typed() -> None:  # the server's CPU from the click on «Đăng nhập» on
                nonlocal cpu_before
                cpu_before = cpu_seconds(server.pid)

            results["sign_in_settled_s"] = bw.sign_in(page, url, "bench", "bench-password", before_click=typed)
            results["sign_in_s"] = round(time.perf_counter() - started - 3, 2)  # without the 3 s of typing
            results["pages"]["overview"]["weight_first"] = bw.weight(page)
            cpu_after = cpu_seconds(server.pid)
            if cpu_before is not None and cpu_after is not None:
                results["pages"]["overview"]["weight_first"]["server_cpu_s"] = round(cpu_after - cpu_before, 2)
            # the overview opens with the sign-in (its first visit is the sign-in's, password check included)
            results["pages"]["overview"]["settled_first"] = results["sign_in_settled_s"]
            for attempt in ("first", "again"):
                for name in names:
                    if name == "overview" and attempt == "first":
                        continue
                    pick = None
                    if name == "school" and attempt == "first":
                        pick = lambda: bw.pick_first_school(page, FIRST_SCHOOL)  # noqa: E731
                    cpu_before = cpu_seconds(server.pid)
                    got = bw.open_page(page, name, before_settled=pick)
                    cpu_after = cpu_seconds(server.pid)
                    results["pages"][name][f"visible_{attempt}"] = got["visible"]
                    results["pages"][name][f"settled_{attempt}"] = got["settled"]
                    results["pages"][name][f"weight_{attempt}"] = {k: got.get(k) for k in bw.WEIGHT_KEYS}
                    if cpu_before is not None and cpu_after is not None:  # the server's own work: load-robust
                        results["pages"][name][f"weight_{attempt}"]["server_cpu_s"] = round(cpu_after - cpu_before, 2)
                    page.wait_for_timeout(300)
            for name in names:  # cold after a write: a save on the overdue page, then the page
                if "overdue" not in names:
                    break
                bw.open_page(page, "overdue", visible=False)
                saved = bw.save_first_overdue_item(page)
                results["saves"].append(saved)
                if name == "overdue":  # the save's own redraw is the overdue page after a write
                    results["pages"][name]["settled_after_write"] = saved
                    continue
                got = bw.open_page(page, name, visible=False)
                results["pages"][name]["settled_after_write"] = got["settled"]
            browser.close()
        results["server_peak_mb"] = peak_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return results


def page_lines(report: dict) -> list[str]:
    lines = ["| schools | page | cold s | first cold s | warm s | after a status save s | raw SQL s | queries | "
             "cold/raw | max marks |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    startups = []
    for size, measured in report.get("sizes", {}).items():
        startups.append(f"{int(size):,} schools: {measured['startup_s']} s")
        for r in measured["pages"]:
            lines.append(f"| {int(size):,} | {r['page']} | {r['cold_s']} | {r['cold_first_s']} | {r['warm_s']} | "
                         f"{r.get('after_save_s', '')} | {r['raw_sql_s']} | {r['queries']} | {r['ratio_cold_raw']} | "
                         f"{r['max_marks']} |")
            if r["errors"]:
                lines.append(f"|  | ⚠ {r['page']} errors: {r['errors']} |||||||")
    return lines + [
        "", "Cold: the data caches empty, as after any write, in a server process whose one-time start-up",
        "(imports, first chart, first table, AppTest's first run) was paid before: " + "; ".join(startups),
        f"Cold and raw SQL: median of {COLD_RUNS} runs. First cold: the first of them, which also opens the",
        "database connection and compiles the page (once per server process). Warm: the caches filled.",
        "After a status save: one plan item's status switched through kdcl.updates, then the page run again",
        "(the caches of what the write touched emptied; before issue 20's table families: every cache).",
        "Raw SQL: the page's statements replayed on a new connection, results fetched as Arrow tables."]


def browser_lines(browser: dict) -> list[str]:
    def cell(value) -> str:
        return "–" if value is None else f"{value:.2f}"

    lines = [f"Browser, {browser['schools']:,} schools (headless Chromium, a click on the page's sidebar link; "
             "definitions: benchmarks/browser.py)", "",
             "| page | main visible: first visit | again | settled: first visit | again | settled after a write | "
             "script done: first visit | again |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, v in browser["pages"].items():
        first, again = v.get("weight_first") or {}, v.get("weight_again") or {}
        lines.append(f"| {name} | {cell(v.get('visible_first'))} | {cell(v.get('visible_again'))} | "
                     f"{cell(v.get('settled_first'))} | {cell(v.get('settled_again'))} | "
                     f"{cell(v.get('settled_after_write'))} | {cell(first.get('script_s'))} | "
                     f"{cell(again.get('script_s'))} |")
    saves = [s for s in browser.get("saves", []) if s is not None]
    lines += ["",
              "Main visible: a script run finished, the running indicator gone and the page's first chart or table "
              "drawn. Settled: the "
              "script finished and nothing left drawing (no running indicator, skeleton, spinner or stale element; "
              "every chart and table drawn) and the DOM quiet for 300 ms; the time of the last change is reported. "
              "First visit: a fresh server (caches empty). After a write: the first item of the overdue list switched "
              "between in progress and not started and saved, then the page opened (the caches of the plan items emptied by "
              "the write, every cache before issue 20's table families; the overdue page's figure is the save's own "
              "redraw). Script done: when the end of the page's last script run reached the browser (the server's "
              "part; settled minus it is the browser's drawing after the last message).",
              ]
    lines += ["", "What each page cost the browser (the same whatever the machine's load; first visit / again):", "",
              "| page | server CPU s | websocket KB | deltas | elements | DOM nodes | files fetched KB |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for name, v in browser["pages"].items():
        first, again = v.get("weight_first") or {}, v.get("weight_again") or {}
        lines.append(f"| {name} | " + " | ".join(
            f"{_figure(first.get(k))} / {_figure(again.get(k))}" for k in ("server_cpu_s", "ws_kb", "deltas",
                                                                          "elements", "dom_nodes", "fetched_kb"))
            + " |")
    lines += ["", "Server CPU s: the CPU seconds the server process used from the click until settled (every "
              "thread; other work on the machine barely moves it, unlike the times). Websocket KB: the server's messages from the click until settled; deltas: how many of them drew "
              "an element or block; elements, DOM nodes: Streamlit elements and DOM nodes of the main area once "
              "settled; files fetched: script chunks and other files the browser loaded after the click (the "
              "overview's first visit is the sign-in's)."]
    lines += ["",
              f"Sign-in → the overview settled: {browser.get('sign_in_settled_s')} s (a fresh server; the form was "
              "shown 3 s before, as a person types)"]
    if saves:
        lines.append(f"Save on the overdue page → settled: {min(saves):.2f}-{max(saves):.2f} s ({len(saves)} saves)")
    lines += ["", f"Server peak memory (VmHWM): {browser.get('server_peak_mb')} MB"]
    return lines


def _figure(value) -> str:
    """A count or size in a results table: thousands with a comma, "–" when not measured."""
    if value is None:
        return "–"
    return f"{value:,.1f}" if isinstance(value, float) and not value.is_integer() else f"{int(value):,}"


def render(report: dict, imports: bool = True) -> list[str]:
    lines = page_lines(report) if report.get("sizes") else []
    if report.get("browser"):
        lines += (["", ""] if lines else []) + browser_lines(report["browser"])
    for name in ("import.md", "schools.md") if imports else ():  # the import benchmarks' own tables
        if (RESULTS / name).exists():
            lines += ["", (RESULTS / name).read_text().rstrip()]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 10000, 45000],
                        help="database sizes for the AppTest runs; none (--sizes alone) skips them and keeps "
                             "the last ones in latest.json")
    parser.add_argument("--browser-size", type=int, default=45000)
    parser.add_argument("--skip-browser", action="store_true", help="keep the last browser figures")
    parser.add_argument("--skip-import", action="store_true",
                        help="do not run benchmarks/bench_import.py and bench_schools.py")
    parser.add_argument("--pages", nargs="*", default=None,
                        help="these pages only (file stems: weaknesses school ...), for a before/after of a few")
    parser.add_argument("--out", default="latest",
                        help="results file stem in benchmarks/results (a run of a few pages: not latest)")
    parser.add_argument("--_pages", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pages:
        os.environ["KDCL_BENCH_PAGES"] = " ".join(args.pages)
    # stopped from outside (timeout, kill): unwind, so the server started here is stopped too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args._pages:
        startup = warm_up()
        print(json.dumps({"startup_s": startup, "pages": [run_page(p, Path(args._pages)) for p in pages()]}))
        return

    latest = RESULTS / f"{args.out}.json"
    report: dict = json.loads(latest.read_text()) if latest.exists() else {}
    report["machine"] = f"{os.cpu_count()} cores"
    if args.sizes:
        report["sizes"] = {}
        for size in args.sizes:
            db = generate.build(size)
            report["sizes"][str(size)] = run_pages_in_subprocess(db)
            print("\n".join(page_lines({"sizes": {str(size): report["sizes"][str(size)]}})[2:-8]), flush=True)
    if not args.skip_browser:
        db = generate.build(args.browser_size)
        report["browser"] = {"schools": args.browser_size, **browser_times(db)}
        print("\n".join(browser_lines(report["browser"])), flush=True)
    if not args.skip_import:  # import speed (CSV, .docx) against DuckDB's own reader: its own table
        done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_import.py")], cwd=ROOT,
                              capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            print("⚠ bench_import.py failed: " + done.stderr[-500:], file=sys.stderr)
        done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_schools.py")], cwd=ROOT,
                              capture_output=True, text=True, timeout=3600)  # school lists (issue 16)
        if done.returncode != 0:
            print("⚠ bench_schools.py failed: " + done.stderr[-500:], file=sys.stderr)
    for figures in (report.get("browser") or {}).get("pages", {}).values():  # the format before "settled"
        if "cold" in figures:
            figures["visible_first"], figures["visible_again"] = figures.pop("cold"), figures.pop("warm", None)
    RESULTS.mkdir(parents=True, exist_ok=True)
    lines = render(report, imports=args.out == "latest")
    latest.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    (RESULTS / f"{args.out}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
