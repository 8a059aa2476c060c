"""School-list import speed: schools per second for a national list (issue 16).

    python benchmarks/bench_schools.py [--sizes 1000 10000 45000] [--runs 1]

A ministry-style school list in the schools template (CSV, UTF-8): at 45,000 schools it names
34 provinces, 3,300 communes/wards and 700 former districts, the proportions of Vietnam after the
2025 reform; smaller lists keep the proportions (at least 50 communes, 20 districts). A third of
the rows name their supervising office as offices write it ("Phòng Văn hóa - Xã hội phường X",
"Phòng VH-XH", "Sở GD&ĐT ..."). Each size is imported twice through the app's own path
(kdcl.importing.import_files, as `python -m kdcl import` does):

    new       into a new database (schema and catalogs only): every unit and school is created
    again     the same list with every school renamed: every row is an update

Printed and written to benchmarks/results/schools.md / schools.json. Nothing here asserts; the
target of issue 16 is 45,000 schools in under 60 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kdcl.access import Scope  # noqa: E402
from kdcl.db import Store  # noqa: E402
from kdcl.importing.service import Options, Upload, import_files  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
SCOPE = Scope.everything(user="bench")
HEADER = ["Mã trường", "Tên trường", "Loại trường", "Tỉnh/Thành phố", "Xã/Phường", "Quận/Huyện cũ", "Đơn vị quản lý"]
TYPES = [("MN", "Trường Mầm non"), ("TH", "Trường Tiểu học"), ("THCS", "Trường THCS"), ("THPT", "Trường THPT")]
SYLLABLES = ["An", "Bình", "Cát", "Đông", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Hưng", "Lộc", "Phước", "Sơn",
             "Thủy", "Trung", "Vĩnh", "Xuân", "Yên", "Quang"]


def place(k: int) -> str:
    """A distinct Vietnamese-looking place name for every k."""
    a, b = divmod(k, len(SYLLABLES))
    c, a = divmod(a, len(SYLLABLES))
    return f"{SYLLABLES[a]} {SYLLABLES[b]}" + (f" {c + 1}" if c else "")


def school_list(n: int, suffix: str = "", offices: bool = True) -> bytes:
    communes = max(50, round(3300 * n / 45000))
    districts = max(20, round(700 * n / 45000))
    provinces = 34
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(HEADER)
    for i in range(n):
        c = i % communes
        d = c % districts  # a commune lies in one former district, a district in one province
        p = d % provinces
        kind = "Phường" if c % 3 == 0 else "Xã"
        commune = f"{kind} {place(c)}"
        province = f"Tỉnh {place(1000 + p)}"
        district = f"Huyện {place(2000 + d)}"
        school_type, prefix = TYPES[i % 4]
        office = ""
        if i % 3 == 0 and offices:
            office = (f"Phòng Văn hóa - Xã hội {commune.lower()}", "Phòng VH-XH", f"Sở GD&ĐT {province}")[(i // 3) % 3]
            if school_type in ("MN", "TH", "THCS") and office.startswith("Sở"):
                office = ""
            if school_type == "THPT" and not office.startswith("Sở"):
                office = f"Sở GD&ĐT {province}"
        w.writerow([f"T{i:06d}", f"{prefix} {place(i)} {i}{suffix}", school_type, province, commune, district, office])
    return out.getvalue().encode("utf-8")


def run(store: Store, name: str, data: bytes) -> tuple[float, str, int]:
    start = time.perf_counter()
    [result] = import_files(store, SCOPE, [Upload(name, data)], Options(channel="cli"))
    seconds = time.perf_counter() - start
    if result.status != "imported":
        raise SystemExit(f"{name}: {result.status}: {[e.message for e in result.errors[:5]]}")
    return seconds, result.summary, len(result.warnings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 45000])
    parser.add_argument("--no-offices", dest="offices", action="store_false",
                        help="leave the office column empty (to time code that does not read office names)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for n in args.sizes:
            store = Store(Path(work) / f"schools-{n}.duckdb")
            try:
                for label, data in (("new", school_list(n, offices=args.offices)),
                                 ("again", school_list(n, " (mới)", offices=args.offices))):
                    seconds, summary, warnings = run(store, f"truong-{n}-{label}.csv", data)
                    rows.append({"schools": n, "run": label, "seconds": round(seconds, 2),
                                 "schools_per_second": round(n / seconds), "warnings": warnings, "summary": summary})
                    print(f"{n:>6} {label:<6} {seconds:7.2f} s  {n / seconds:8.0f} schools/s  "
                          f"{warnings} warnings  {summary}", flush=True)
            finally:
                store.close()
    RESULTS.mkdir(parents=True, exist_ok=True)
    meta = {"python": platform.python_version(), "machine": platform.machine(), "cpus": __import__("os").cpu_count()}
    (RESULTS / "schools.json").write_text(json.dumps({"meta": meta, "rows": rows}, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    lines = ["# School-list import (benchmarks/bench_schools.py)", "",
             "| schools | run | seconds | schools/s | warnings | summary |", "|---:|---|---:|---:|---:|---|"]
    lines += [f"| {r['schools']:,} | {r['run']} | {r['seconds']} | {r['schools_per_second']:,} | {r['warnings']} | "
              f"{r['summary']} |" for r in rows]
    (RESULTS / "schools.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
