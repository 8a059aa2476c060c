"""Build a benchmark database with N schools: `python benchmarks/generate.py 45000`.

Geography at national scale: 34 provinces, each with 10 former districts and ~100
communes/wards; schools spread round-robin over communes. Each school gets 3 school
years of self-assessments and plans of 7-13 items (about 10 per school per year),
written with the same generator as the demo (kdcl.demo.generate), so the texts,
levels and statuses look like the demo's.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# building 45,000 schools in one transaction needs more than the app's 1 GB cap
os.environ.setdefault("KDCL_MEMORY_LIMIT", "12GB")

from kdcl import demo  # noqa: E402

OUT_DIR = ROOT / "benchmarks" / "results"
BENCH_TODAY = date(2026, 11, 22)  # fixed so every run measures the same data


def geography(n_schools: int) -> tuple[list[tuple], list[tuple]]:
    provinces = max(1, min(34, n_schools // 1300 or 1))
    communes_per_province = max(3, min(100, n_schools // (provinces * 13)))
    upper, communes = [], []
    for p in range(1, provinces + 1):
        pid = f"P{p:02d}"
        upper.append((pid, f"Tỉnh Thử nghiệm {p}", "province", None, None))
        for d in range(1, 11):
            upper.append((f"{pid}D{d:02d}", f"Huyện {p}-{d} (cũ)", "district", pid, date(2025, 7, 1)))
        for c in range(1, communes_per_province + 1):
            kind = "ward" if c % 3 == 0 else "commune"
            name = f"{'Phường' if kind == 'ward' else 'Xã'} {p}-{c}"
            communes.append((f"{pid}X{c:03d}", name, kind, pid, None, f"{pid}D{(c % 10) + 1:02d}"))
    return upper, communes


def build(n_schools: int, path: Path | None = None) -> Path:
    path = path or OUT_DIR / f"kdcl_{n_schools}.duckdb"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    data = demo.generate(BENCH_TODAY, n_schools=n_schools, geography=geography(n_schools), items_per_plan=(7, 13))
    generated = time.perf_counter()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = demo.Store(partial)
    demo.write(store, data)
    store.close()
    partial.rename(path)
    print(
        f"{n_schools} schools: {len(data.assessments):,} assessments, {len(data.plan_items):,} plan items; "
        f"generated in {generated - started:.1f}s, written in {time.perf_counter() - generated:.1f}s -> {path}",
        flush=True,
    )
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 45000])
    for size in parser.parse_args().sizes:
        build(size)
