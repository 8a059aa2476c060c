"""Reading self-assessment reports (.docx, issue 15): time per report, and what routing reports costs a
.docx plan import (kdcl.importing.service._read: the plan reader classifies the document, a report is then
read again by kdcl.importing.report_docx).

    python benchmarks/bench_report.py [--repeat 5]

Reports: every fixture of tests/report_fixtures.py (25-28 criteria, table and/or Part II sections).
Plans: the five seed plans of tests/fixtures_docx.py, read by kdcl.importing.docx_plan.read_docx
alone and through service._read (size and zip checks, read_docx, the routing).
Median of --repeat runs; printed, nothing asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fixtures_docx import SEEDS  # noqa: E402
from report_fixtures import FIXTURES, fixture  # noqa: E402

from kdcl.importing.docx_plan import read_docx  # noqa: E402
from kdcl.importing.report_docx import read_report  # noqa: E402
from kdcl.importing.service import Upload, _read  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    reports = {name: fixture(name).data for name in FIXTURES}
    times = {name: median_ms(lambda d=data: read_report(name, d), args.repeat) for name, data in reports.items()}
    sizes = {name: len(d) // 1024 for name, d in reports.items()}
    print(f"reports (report reader alone): {len(times)}, median {statistics.median(times.values()):.0f} ms, "
          f"max {max(times.values()):.0f} ms ({max(times, key=times.get)}, {sizes[max(times, key=times.get)]} KB)")
    routed = {name: median_ms(lambda d=data: _read(Upload(name + ".docx", d)), args.repeat)
              for name, data in reports.items()}
    print(f"reports through service._read (plan reader, then report reader): median "
          f"{statistics.median(routed.values()):.0f} ms, max {max(routed.values()):.0f} ms")
    for seed, build in sorted(SEEDS.items()):
        data = build()
        plan = median_ms(lambda: read_docx("p.docx", data), args.repeat)
        both = median_ms(lambda: _read(Upload("p.docx", data)), args.repeat)
        print(f"plan seed {seed}: read_docx {plan:.1f} ms, service._read {both:.1f} ms (+{both - plan:.1f} ms)")


if __name__ == "__main__":
    main()
