"""Many people at once: N concurrent sessions through the real server, at 1,500 and 45,000 schools.

    python benchmarks/load.py [--sizes 1500 45000] [--sessions 10 25 50 100] [--rounds 2]
                              [--think 1 3] [--ramp 5] [--max-seconds 240] [--unit P01]
                              [--out benchmarks/results/load] [--profile DIR] [--server-env NAME=VALUE ...]
                              [--no-observer]

The scene: a province's principals update the status of their plan items before a deadline while
the province office watches. For each database size, a copy of the benchmark database
(benchmarks/generate.py) gets one principal account per school for up to max(--sessions) schools
of the province --unit that have plan items, and office accounts for that province. For each N,
a fresh `streamlit run serve.py` (as the app is started) on 127.0.0.1 (a free port; caches empty) is driven by N
sessions at once, started evenly over --ramp seconds: a tenth of them (at least one) are the
office, the rest principals. Every session signs in (the real form: password checked), then
--rounds times:

- a principal opens the school page and the overdue page (by its sidebar link), ticks the first
  item of the list (every item when nothing of theirs is overdue), switches its status between
  "in progress" and "not started", and saves (one committed write; every data cache keyed on the
  data version is emptied for everybody);
- the office opens the overview, the levels page and the overdue page;

pausing --think seconds (uniform, seeded) between actions, far shorter than a person reading a page,
so N sessions here weigh as much as several times N people. Everything is bounded: a request
waits at most 60 s (then counts as an error), a load phase at most --max-seconds (the sessions
still running are stopped and counted as cut), and the server is stopped after each phase.

The sessions speak Streamlit's websocket protocol (benchmarks/stclient.py: what it needs and
why): a page time is the server's part of what a person waits, from the click sent to the run's
last element received (script_finished); the browser's drawing comes on top. So that the figure a
person waits for is measured under the same load, one more office person (unless --no-observer)
uses a real headless Chromium through the phase (signed in before the load sessions start), clicking
the levels, overdue and overview links in turn, and reports "settled" (benchmarks/browser.py). Reported per size and N: page time
p50/p95/max over every page visit, the observer's settled p50/p95,
the save (click → page redrawn with the saved message) p50/p95, the sign-in p50/p95, errors (a
timeout, a closed connection, an exception shown on the page, a save refused), the server's CPU
(seconds of CPU per second of the phase: 2.0 is both cores) and its peak memory (VmHWM), the
client's own CPU, and the N where the page p95 passes 3 s. Results: benchmarks/results/load.md and
load.json (runs of one size keep the other size's figures). Nothing here asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import signal
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402
import run as page_bench  # noqa: E402
import stclient  # noqa: E402

from kdcl.strings import STATUS_LABELS, t  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
PASSWORD = "tai-thu-2026"
REQUEST_TIMEOUT = 60.0
APP_ERROR = t("app.error", ref="")[:40]  # what dashboard.py shows for an exception no page handled
PAGE_LIMIT_S = 3.0  # the N where the page p95 passes this is reported
PATHS = {"": "overview", "muc-dat": "levels", "truong": "school", "qua-han": "overdue"}
PRINCIPAL_PAGES = ("truong", "qua-han")
OFFICE_PAGES = ("", "muc-dat", "qua-han")


def prepare(size: int, most: int, unit: str, work: Path) -> tuple[Path, list[str], int]:
    """A copy of the benchmark database with principal accounts p0001.. (one per school with plan
    items in the latest school year in the province `unit`, up to `most`, spread over its schools)
    and office accounts o01..; (path, principals, offices)."""
    from kdcl import auth
    from kdcl import data
    from kdcl.access import Scope
    from kdcl.data import Filters, plan_items
    from kdcl.db import Store

    source = generate.build(size)
    db = work / f"load_{size}.duckdb"
    shutil.copyfile(source, db)
    store = Store(db)
    scope = Scope(unit_id=unit, user="load")
    year = data.school_years(store)[0]  # the year the pages open on
    schools = sorted(plan_items.school_options(store, scope, Filters(school_year=year))["school_id"])
    step = max(1, len(schools) // most)
    chosen = schools[::step][:most]
    for i, school_id in enumerate(chosen, 1):
        auth.add_user(store, f"p{i:04d}", PASSWORD, "principal", school_id=school_id)
    offices = max(1, most // 10)
    for i in range(1, offices + 2):  # the last one is the browser observer's
        auth.add_user(store, f"o{i:02d}", PASSWORD, "office", unit_id=unit)
    store.close()
    return db, [f"p{i:04d}" for i in range(1, len(chosen) + 1)], offices


class Recorder:
    def __init__(self) -> None:
        self.samples: list[tuple[str, str, float]] = []  # (role, action, seconds)
        self.errors: list[str] = []

    def ok(self, role: str, action: str, run: stclient.Run) -> stclient.Run:
        shown = [x for x in run.texts if x.startswith(APP_ERROR)]  # the app's own line for an unexpected error
        if run.exceptions or shown:
            self.errors.append(f"{role} {action}: {(run.exceptions or shown)[0]}")
        else:
            self.samples.append((role, action, run.seconds))
        return run


async def person(url: str, username: str, role: str, rounds: int, think: tuple[float, float], delay: float,
                 rng: random.Random, rec: Recorder) -> None:
    await asyncio.sleep(delay)
    session = None
    try:
        session = await stclient.Session.open(url, timeout=REQUEST_TIMEOUT)
        session._put(session.widget(t("auth.username")), username)
        session._put(session.widget(t("auth.password")), PASSWORD)
        await asyncio.sleep(rng.uniform(*think))
        rec.ok(role, "sign_in", await session.press(t("auth.login")))
        for _ in range(rounds):
            for path in PRINCIPAL_PAGES if role == "principal" else OFFICE_PAGES:
                await asyncio.sleep(rng.uniform(*think))
                rec.ok(role, PATHS[path], await session.goto(path))
            if role == "principal":
                await edit(session, think, rng, rec)
    except stclient.ProtocolError as exc:
        rec.errors.append(f"{role} {username}: {exc}"[:300])
    except Exception as exc:  # a client bug must not hide the others' figures
        rec.errors.append(f"{role} {username}: {type(exc).__name__}: {exc}"[:300])
    finally:
        if session is not None:
            try:
                await session.close()
            except Exception:
                pass


async def edit(session: stclient.Session, think: tuple[float, float], rng: random.Random, rec: Recorder) -> None:
    """Tick the first item of the overdue list (every item if none is overdue), switch its status, save."""
    from kdcl.data import plan_items as pi

    if "dataframe:0" not in session.last.widgets:
        await asyncio.sleep(rng.uniform(*think))
        rec.ok("principal", "list", await session.set(t("overdue.filter.bucket"), pi.list_bucket_label(None)))
    if "dataframe:0" not in session.last.widgets:
        rec.errors.append("principal edit: no item listed")
        return
    await asyncio.sleep(rng.uniform(*think))
    rec.ok("principal", "tick", await session.select_rows(0, [0]))
    status = session.widget(t("overdue.update.status")).proto
    current = status.raw_value if status.HasField("raw_value") else status.options[status.default]
    target = STATUS_LABELS["in_progress" if current != STATUS_LABELS["in_progress"] else "not_started"]
    await asyncio.sleep(rng.uniform(*think))
    rec.ok("principal", "status", await session.set(t("overdue.update.status"), target))
    await asyncio.sleep(rng.uniform(*think))
    saved = rec.ok("principal", "save", await session.press(t("overdue.update.save")))
    if not any(t("overdue.update.saved", n=1) in text for text in saved.texts):
        rec.errors.append("principal save: no saved message: "
                          + "; ".join(x for x in saved.texts if "lưu" in x.lower() or "thay đổi" in x.lower())[:200])


def observer(url: str, username: str, stop, out: dict, ready) -> None:
    """One office person in a real browser (headless Chromium) while the load runs: signs in first
    (then sets `ready`: the load sessions start only after it, so that a slow sign-in under load cannot
    eat a short phase: at 45,000 schools it recorded 0 visits), then clicks the levels, overdue and
    overview links in turn until `stop` and records "settled" (benchmarks/browser.py), the figure a
    person waits for, including the drawing."""
    import browser as bw
    from playwright.sync_api import sync_playwright

    settled: list[float] = []
    failures = 0
    try:
        with sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=bw.CHROMIUM, headless=True, args=bw.CHROMIUM_ARGS)
            page = bw.new_page(chromium)
            started = time.perf_counter()
            first = bw.sign_in(page, url, username, PASSWORD, typing_pause_ms=1000)
            out["sign_in"] = {"s": round(time.perf_counter() - started, 1), "settled": first,
                              "unsettled": list(bw.LAST_UNSETTLED)[:3] if first is None else []}
            ready.set()
            names = ("levels", "overdue", "overview")
            i = 0
            while not stop.is_set():
                got = bw.open_page(page, names[i % len(names)], visible=False)["settled"]
                i += 1
                if got is None:
                    failures += 1
                else:
                    settled.append(got)
                stop.wait(2.0)
            chromium.close()
    except Exception as exc:  # the observer must not take the load figures with it
        out["observer_error"] = f"{type(exc).__name__}: {exc}"[:200]
    finally:
        ready.set()
    out["observer"] = {"visits": len(settled), "unsettled": failures,
                       "p50": percentile(settled, 0.5), "p95": percentile(settled, 0.95),
                       "max": max(settled) if settled else None}


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def phase(db: Path, principals: list[str], offices: int, n: int, args) -> dict:
    """N sessions against a fresh server on `db`."""
    n_office = min(offices, max(1, round(n / 10)))
    n_principal = min(len(principals), n - n_office)
    people = [(f"o{i:02d}", "office") for i in range(1, n_office + 1)] + \
             [(u, "principal") for u in principals[:n_principal]]
    rng = random.Random(20261203 + n)
    rng.shuffle(people)
    server, url = page_bench.start_server(db, dict(kv.split("=", 1) for kv in args.server_env))
    rec = Recorder()
    spy = None
    if args.profile:  # py-spy samples the server's Python stacks (every thread) through the phase
        import subprocess

        Path(args.profile).mkdir(parents=True, exist_ok=True)
        target = Path(args.profile) / f"server_{db.stem.split('_')[-1]}_n{n}.txt"
        spy = subprocess.Popen(["py-spy", "record", "--pid", str(server.pid), "--format", "raw", "--rate", "50",
                                "--threads", "--output", str(target), "--nonblocking"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        watch: dict = {}
        if args.observer:
            import threading

            stop, ready = threading.Event(), threading.Event()
            watcher = threading.Thread(target=observer, args=(url, f"o{offices + 1:02d}", stop, watch, ready),
                                       daemon=True)
            watcher.start()
            ready.wait(timeout=180)  # signed in (or failed): the load starts now
        cpu0, wall0 = cpu_seconds(server.pid), time.perf_counter()
        client0 = resource.getrusage(resource.RUSAGE_SELF)

        async def everyone() -> int:
            tasks = [asyncio.create_task(person(url, u, role, args.rounds, tuple(args.think),
                                                args.ramp * i / max(1, len(people)), random.Random(rng.random()), rec))
                     for i, (u, role) in enumerate(people)]
            done, pending = await asyncio.wait(tasks, timeout=args.max_seconds)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            return len(pending)

        try:
            cut = asyncio.run(everyone())
        finally:
            if args.observer:
                stop.set()
                watcher.join(timeout=120)
        wall = time.perf_counter() - wall0
        cpu = cpu_seconds(server.pid) - cpu0
        client1 = resource.getrusage(resource.RUSAGE_SELF)
        peak = page_bench.peak_mb(server.pid)
    finally:
        if spy is not None:
            spy.send_signal(2)  # py-spy writes its file on Ctrl-C
            spy.wait(timeout=60)
        server.terminate()
        try:
            server.wait(timeout=30)
        except Exception:
            server.kill()
    pages = [s for _, a, s in rec.samples if a in PATHS.values()]
    by = {a: [s for _, act, s in rec.samples if act == a] for a in ("sign_in", "save", *PATHS.values())}

    def r(v):
        return None if v is None else round(v, 3)

    return {
        "n": n, "principals": n_principal, "offices": n_office, "wall_s": round(wall, 1), "cut": cut,
        "page_visits": len(pages), "page_p50": r(percentile(pages, 0.5)), "page_p95": r(percentile(pages, 0.95)),
        "page_max": r(max(pages) if pages else None),
        "pages": {a: {"n": len(v), "p50": r(percentile(v, 0.5)), "p95": r(percentile(v, 0.95))}
                  for a, v in by.items() if a in PATHS.values()},
        "saves": len(by["save"]), "save_p50": r(percentile(by["save"], 0.5)),
        "save_p95": r(percentile(by["save"], 0.95)),
        "sign_in_p50": r(percentile(by["sign_in"], 0.5)), "sign_in_p95": r(percentile(by["sign_in"], 0.95)),
        "errors": len(rec.errors), "error_examples": sorted(set(rec.errors))[:5],
        "server_cpu_cores": round(cpu / wall, 2), "server_cpu_s": round(cpu, 1), "server_peak_mb": peak,
        "client_cpu_s": round(client1.ru_utime + client1.ru_stime - client0.ru_utime - client0.ru_stime, 1),
        "browser_settled": {k: r(v) if isinstance(v, float) else v for k, v in watch.get("observer", {}).items()},
        "browser_error": watch.get("observer_error"),
        "browser_sign_in": watch.get("sign_in"),  # before the load started
    }


def render(report: dict) -> list[str]:
    def c(v) -> str:
        return "–" if v is None else (f"{v:.2f}" if isinstance(v, float) else str(v))

    lines = ["Many people at once (benchmarks/load.py): N sessions on one server, a tenth of them the province "
             "office (overview, levels, overdue), the rest principals (school page, overdue page, a status "
             "saved), " + report.get("setup", ""), "",
             "| schools | N | principals/office | page visits | page p50 s | page p95 s | page max s | saves | "
             "save p50 s | save p95 s | sign-in p95 s | errors | cut | server CPU (cores) | server peak MB | "
             "phase s | browser settled p50 s | browser settled p95 s |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    passes, passes_seen = [], []
    for size, phases in sorted(report.get("sizes", {}).items(), key=lambda kv: int(kv[0])):
        over = over_seen = None
        for p in sorted(phases, key=lambda p: p["n"]):
            lines.append(f"| {int(size):,} | {p['n']} | {p['principals']}/{p['offices']} | {p['page_visits']} | "
                         f"{c(p['page_p50'])} | {c(p['page_p95'])} | {c(p['page_max'])} | {p['saves']} | "
                         f"{c(p['save_p50'])} | {c(p['save_p95'])} | {c(p['sign_in_p95'])} | {p['errors']} | "
                         f"{p['cut']} | {c(p['server_cpu_cores'])} | {c(p['server_peak_mb'])} | {c(p['wall_s'])} | "
                         f"{c((p.get('browser_settled') or {}).get('p50'))} | "
                         f"{c((p.get('browser_settled') or {}).get('p95'))} |")
            if over is None and p["page_p95"] is not None and p["page_p95"] > PAGE_LIMIT_S:
                over = p["n"]
            seen = (p.get("browser_settled") or {}).get("p95")
            if over_seen is None and seen is not None and seen > PAGE_LIMIT_S:
                over_seen = p["n"]
        tested = max((p["n"] for p in phases), default=0)
        passes.append(f"{int(size):,} schools: " + (f"N = {over}" if over else f"not within N ≤ {tested}"))
        passes_seen.append(f"{int(size):,} schools: "
                           + (f"N = {over_seen}" if over_seen else f"not within N ≤ {tested}"))
    lines += ["", f"Page p95 (server) past {PAGE_LIMIT_S:.0f} s: " + "; ".join(passes),
              f"Browser settled p95 (the observer) past {PAGE_LIMIT_S:.0f} s: " + "; ".join(passes_seen), "",
              "Per page (p50 / p95 s):", ""]
    for size, phases in sorted(report.get("sizes", {}).items(), key=lambda kv: int(kv[0])):
        for p in sorted(phases, key=lambda p: p["n"]):
            per = ", ".join(f"{a} {c(v['p50'])} / {c(v['p95'])}" for a, v in p["pages"].items() if v["n"])
            lines.append(f"- {int(size):,} schools, N = {p['n']}: {per}")
            seen = p.get("browser_settled") or {}
            if seen:
                lines.append(f"  - browser observer: {seen.get('visits')} visits settled, {seen.get('unsettled')} not "
                             f"within 60 s, max {c(seen.get('max'))} s"
                             + (f"; failed: {p['browser_error']}" if p.get("browser_error") else "")
                             + (f"; its sign-in (before the load) not settled: {p['browser_sign_in']['unsettled']}"
                                if (p.get("browser_sign_in") or {}).get("unsettled") else ""))
            for example in p["error_examples"]:
                lines.append(f"  - error: {example}")
    lines += ["", "Page time: the server's part (click sent → the run's last element received); the browser's "
              "drawing comes on top. Browser settled: one more office person in headless Chromium during the "
              "phase, clicking overview, levels and overdue in turn (settled as in benchmarks/browser.py: what a "
              "person waits, drawing included). Server CPU: CPU seconds per "
              "second of the phase (2.00 = both cores busy; the client shares the machine: "
              + report.get("client_note", "") + ")."]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1500, 45000])
    parser.add_argument("--sessions", nargs="+", type=int, default=[10, 25, 50, 100])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--think", nargs=2, type=float, default=[1.0, 3.0], metavar=("MIN", "MAX"))
    parser.add_argument("--ramp", type=float, default=5.0, help="seconds over which the sessions start")
    parser.add_argument("--max-seconds", type=float, default=240.0, help="a phase is stopped after this")
    parser.add_argument("--unit", default="P01", help="the province of the principals and the office")
    parser.add_argument("--out", default=str(RESULTS / "load"), help="results: OUT.md and OUT.json")
    parser.add_argument("--no-observer", dest="observer", action="store_false",
                        help="without the office person in a real browser (settled under load)")
    parser.add_argument("--server-env", nargs="*", default=[], metavar="NAME=VALUE",
                        help="environment of the server, e.g. STREAMLIT_RUNNER_POST_SCRIPT_GC=false (A/B runs)")
    parser.add_argument("--profile", help="a folder: py-spy (requirements-dev.txt) samples the server of each "
                                          "phase into server_<size>_n<N>.txt (collapsed stacks)")
    args = parser.parse_args()
    # stopped from outside (timeout, kill): unwind, so the server started here is stopped too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    out = Path(args.out)
    report = json.loads(out.with_suffix(".json").read_text()) if out.with_suffix(".json").exists() else {}
    report["setup"] = (f"{args.rounds} rounds each, {args.think[0]:g}-{args.think[1]:g} s between actions, "
                       f"started over {args.ramp:g} s, at most {args.max_seconds:g} s per phase; "
                       f"{os.cpu_count()} cores shared by server and client")
    sizes = report.setdefault("sizes", {})
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="kdcl-load-") as work:
            db, principals, offices = prepare(size, max(args.sessions), args.unit, Path(work))
            sizes[str(size)] = [p for p in sizes.get(str(size), []) if p["n"] not in args.sessions]
            for n in sorted(args.sessions):
                result = phase(db, principals, offices, n, args)
                sizes[str(size)].append(result)
                print(json.dumps({"schools": size, **result}, ensure_ascii=False), flush=True)
                report["client_note"] = "the client used " + ", ".join(
                    f"{p['client_cpu_s']} s at N = {p['n']}" for p in sizes[str(size)])
                out.parent.mkdir(parents=True, exist_ok=True)
                out.with_suffix(".json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
                out.with_suffix(".md").write_text("\n".join(render(report)) + "\n")
    print("\n".join(render(report)))


if __name__ == "__main__":
    main()
