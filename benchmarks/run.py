"""Speed and memory of every page at 1,000 / 10,000 / 45,000 schools.

    python benchmarks/run.py [--sizes 1000 10000 45000] [--browser-size 45000] [--skip-browser] [--skip-import]

For each page and size: the server-side time of a full script run (Streamlit AppTest)
cold (data caches empty, as after any write; median of three runs, and the first run, which
also opens the connection and compiles the page; the process's one-time start-up is paid
first and reported on its own) and warm (cached), the time of the same SQL run
directly in DuckDB (every query the page issued, replayed with the same parameters),
the ratio page/raw, and the most marks a page sent in one chart. Then, at the browser
size: time from navigation to the page's main chart or table visible in headless Chromium, and
the peak memory (VmHWM) of the server process; then the import benchmarks
(benchmarks/bench_import.py, benchmarks/bench_schools.py). Results are printed as a table and written to
benchmarks/results/latest.md and latest.json (imports: import.md / import.json, schools.md / schools.json). Nothing here asserts: targets
are reported, not enforced (see README "Performance").
"""

from __future__ import annotations

import argparse
import base64
import json
import os
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
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FIRST_SCHOOL = "MN000000"  # the first generated school (see benchmarks/generate.py)
SKIP_PAGES: set[str] = set()  # the import page is timed as a person opens it (uploads: bench_import.py)


def pages() -> list[Path]:
    return sorted(p for p in (ROOT / "pages").glob("*.py") if p.name not in SKIP_PAGES)


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

    # the same statements straight on DuckDB (a new connection, no Streamlit, no page code), as often
    store = kdb.Store(db)
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
        "raw_sql_s": round(raw, 3),
        "queries": len(traced),
        "ratio_cold_raw": round(cold / raw, 2) if raw > 0 else None,
        "max_marks": count_marks(first_app),
        "errors": errors,
    }


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


def browser_times(db: Path) -> dict:
    """Navigation -> main chart or table visible per page, and the server's peak memory.

    The main content is the page's first plotly chart or table (st.dataframe / st.table) in page
    order, drawn. The school page shows neither before a school is picked: on the first visit
    the first generated school is searched for and chosen, as a person would (the session keeps it
    for the second visit), so that time includes the search."""
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    from kdcl import auth
    from kdcl.db import Store

    store = Store(db)
    if store.query("user_by_name", username="bench").empty:
        auth.add_user(store, "bench", "bench-password", "admin")
    store.close()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--server.fileWatcherType=none"],
        cwd=ROOT, env={**os.environ, "KDCL_DB": str(db)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    results: dict = {"pages": {}}
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)
            page.goto(url)
            page.get_by_label("Tên đăng nhập").wait_for()
            page.wait_for_timeout(3000)  # a person types a user name and a password
            page.get_by_label("Tên đăng nhập").fill("bench")
            page.get_by_label("Mật khẩu").fill("bench-password")
            started = time.perf_counter()
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_text("Đăng xuất").wait_for()
            page.locator('[data-testid="stMain"] .js-plotly-plot').first.wait_for()  # the overview opens first
            results["sign_in_s"] = round(time.perf_counter() - started, 2)
            # a sign-in lives in the browser session: move with the sidebar, as a person does
            # (page.goto would open a new session and show the sign-in form again)
            titles = {"overview": ("Tổng quan", "tong-quan"), "levels": ("Mức đạt", "muc-dat"),
                      "school": ("Trường", "truong"), "overdue": ("Quá hạn", "qua-han"),
                      "weaknesses": ("Điểm yếu chung", "diem-yeu"), "presentation": ("Trình chiếu", "trinh-chieu")}
            pickers = {"school": "Trường"}  # page -> label of the picker that must be set first
            nav = page.locator('[data-testid="stSidebarNav"]')
            for attempt in ("cold", "warm"):
                for name, (title, path) in titles.items():
                    if not (ROOT / "pages" / f"{name}.py").exists():
                        continue
                    started = time.perf_counter()
                    nav.get_by_text(title, exact=True).click()
                    try:
                        page.wait_for_url(lambda u, path=path: path in u or (path == "tong-quan" and u.rstrip("/").count("/") == 2))
                        if name in pickers and attempt == "cold":
                            search = page.get_by_label("Tìm trường", exact=True)  # many schools: search first
                            page.get_by_label(pickers[name], exact=True).wait_for()
                            if search.count():
                                search.fill(FIRST_SCHOOL)
                                search.press("Enter")
                                page.wait_for_selector("input[placeholder^='Chọn trong 1 trường']")
                            page.get_by_label(pickers[name], exact=True).click()
                            page.get_by_role("option").first.click()
                        # the script has finished (no running indicator) and the page's main content is
                        # drawn: its first chart or table in page order
                        page.wait_for_function(
                            "() => { if (document.querySelector('[data-testid=stStatusWidget]')) return false;"
                            " const main = document.querySelector("
                            "   '[data-testid=stPlotlyChart], [data-testid=stDataFrame], [data-testid=stTable]');"
                            " const drawn = main && (main.matches('[data-testid=stPlotlyChart]')"
                            "   ? main.querySelector('.main-svg') : main);"
                            " return !!drawn && drawn.getBoundingClientRect().height > 0; }",
                            timeout=30_000,
                        )
                        seconds = round(time.perf_counter() - started, 2)
                    except Exception:
                        seconds = None  # no chart or table within 30 s
                    results["pages"].setdefault(name, {})[attempt] = seconds
                    page.wait_for_timeout(300)
            browser.close()
        with open(f"/proc/{server.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM"):
                    results["server_peak_mb"] = round(int(line.split()[1]) / 1024)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 10000, 45000])
    parser.add_argument("--browser-size", type=int, default=45000)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-import", action="store_true", help="do not run benchmarks/bench_import.py and bench_schools.py")
    parser.add_argument("--_pages", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._pages:
        startup = warm_up()
        print(json.dumps({"startup_s": startup, "pages": [run_page(p, Path(args._pages)) for p in pages()]}))
        return

    report: dict = {"machine": f"{os.cpu_count()} cores", "sizes": {}}
    lines = ["| schools | page | cold s | first cold s | warm s | raw SQL s | queries | cold/raw | max marks |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    startups: list[str] = []
    for size in args.sizes:
        db = generate.build(size)
        measured = run_pages_in_subprocess(db)
        rows = measured["pages"]
        report["sizes"][size] = measured
        startups.append(f"{size:,} schools: {measured['startup_s']} s")
        for r in rows:
            lines.append(f"| {size:,} | {r['page']} | {r['cold_s']} | {r['cold_first_s']} | {r['warm_s']} | "
                         f"{r['raw_sql_s']} | "
                         f"{r['queries']} | {r['ratio_cold_raw']} | {r['max_marks']} |")
            if r["errors"]:
                lines.append(f"|  | ⚠ {r['page']} errors: {r['errors']} |||||||")
        print("\n".join(lines[-len(rows):]), flush=True)
    lines += ["", "Cold: the data caches empty, as after any write, in a server process whose one-time start-up",
              "(imports, first chart, first table, AppTest's first run) was paid before: " + "; ".join(startups),
              f"Cold and raw SQL: median of {COLD_RUNS} runs. First cold: the first of them, which also opens the",
              "database connection and compiles the page (once per server process). Warm: the caches filled.",
              "Raw SQL: the page's statements replayed on a new connection, results fetched as Arrow tables."]
    if not args.skip_browser:
        db = generate.build(args.browser_size)
        browser = browser_times(db)
        report["browser"] = {"schools": args.browser_size, **browser}
        lines += ["", f"Browser, {args.browser_size:,} schools: navigation → main chart or table visible (s)", "",
                  "| page | first visit | again |", "|---|---:|---:|"]
        lines += [f"| {p} | {v.get('cold')} | {v.get('warm')} |" for p, v in browser["pages"].items()]
        lines += ["", f"Sign-in → the overview's first chart: {browser.get('sign_in_s')} s (a fresh server; the "
                  "form was shown 3 s before, as a person types)",
                  "", f"Server peak memory (VmHWM): {browser.get('server_peak_mb')} MB"]
    if not args.skip_import:  # import speed (CSV, .docx) against DuckDB's own reader: its own table
        done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_import.py")], cwd=ROOT,
                              capture_output=True, text=True, timeout=3600)
        if done.returncode == 0:
            lines += ["", (RESULTS / "import.md").read_text().rstrip()]
        else:
            lines += ["", "⚠ bench_import.py failed: " + done.stderr[-500:]]
        done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_schools.py")], cwd=ROOT,
                              capture_output=True, text=True, timeout=3600)  # school lists (issue 16)
        if done.returncode == 0:
            lines += ["", (RESULTS / "schools.md").read_text().rstrip()]
        else:
            lines += ["", "⚠ bench_schools.py failed: " + done.stderr[-500:]]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    (RESULTS / "latest.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
