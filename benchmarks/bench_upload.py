"""Peak memory and time of checking one upload batch of near-limit .docx plans (the import page's
preview, a dry run of kdcl.importing.import_files), issue 21.

    python benchmarks/bench_upload.py [--files 12] [--mb 9.5]

Each file is a real plan (.docx built by kdcl.reports.plan_docx from the tiny test database)
padded to about --mb megabytes with paragraphs of random words (about 26 MB of document XML,
under the 50 MB unzipped and ratio limits), as a plan with pages of pasted minutes is.
Every batch runs in a fresh child process, which reports its own peak resident memory
(ru_maxrss) before and after the batch; the difference is the batch's cost. Batches: all files
at once as the page sends them; the same files under the batch budget (MAX_BATCH_BYTES, the
files over it are refused unread). Results are printed and written to
benchmarks/results/upload.md / upload.json. Nothing here asserts.

Measured on the shared 2-core machine (12 files of 9.5 MB, 114 MB): before issue 21 (every
document parsed before the first was checked) the batch took 1,130 MB above the baseline (1.48 GB
peak RSS) and 115 s; reading documents one at a time (freeing each) it takes about 200 MB, and
under the 40 MB batch budget the page reads 4 of them and refuses 8 unread. Times vary with the
load of the machine (115-240 s for the same 12 files).
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/tests")
from kdcl.access import Scope
from kdcl.db import Store
from kdcl.importing.service import Options, Upload, import_files
import kdcl.importing.docx_plan, docx  # loaded before the baseline
work = Path(sys.argv[2])
store = Store(work / "db.duckdb")
uploads = [Upload(p.name, p.read_bytes()) for p in sorted(work.glob("*.docx"))]
unlimited = sys.argv[3] == "unlimited"
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
try:
    options = Options(dry_run=True, max_batch_bytes=None) if unlimited else Options(dry_run=True)
except TypeError:  # code from before the batch budget (to compare)
    options = Options(dry_run=True)
results = import_files(store, Scope.everything(user="bench"), uploads, options)
seconds = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "baseline_mb": before / 1024, "peak_mb": after / 1024,
                  "batch_mb": (after - before) / 1024,
                  "statuses": [r.status for r in results],
                  "refused_unread": sum(1 for r in results if any("chưa được đọc" in e.message for e in r.errors))}))
"""


def filler(megabytes: float) -> str:
    """Paragraphs of random words that compress about 2.8 times: `megabytes` once zipped."""
    import random

    rng = random.Random(21)
    vocab = ["".join(rng.choice("abcdeghiklmnopqrstuvxyàáảãạăâđêôơư") for _ in range(rng.randint(2, 7)))
             for _ in range(3000)]
    target = int(megabytes * 2.75 * 1024 * 1024)
    out, size = [], 0
    while size < target:
        para = f"<w:p><w:r><w:t>{' '.join(rng.choice(vocab) for _ in range(40))}</w:t></w:r></w:p>"
        out.append(para)
        size += len(para.encode("utf-8"))
    return "".join(out)


def padded_docx(data: bytes, body: str, seed: int) -> bytes:
    """`data` (a .docx) with `body` (paragraphs) added before the section properties: a near-limit
    plan, as one with pages of pasted minutes is (a text body, not a picture, is what a reader parses)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                xml = content.decode("utf-8")
                cut = xml.rindex("<w:sectPr")
                xml = xml[:cut] + f"<w:p><w:r><w:t>Bản {seed}</w:t></w:r></w:p>" + body + xml[cut:]
                content = xml.encode("utf-8")
            dst.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=12)
    parser.add_argument("--mb", type=float, default=9.5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from datetime import date

    from factory import YEAR, build_tiny

    from kdcl.access import Scope
    from kdcl.data.plan_document import plan_document
    from kdcl.reports.plan_docx import build_plan_docx

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        store = build_tiny(work / "db.duckdb")
        plan = build_plan_docx(plan_document(store, Scope.everything(), "S1", YEAR), today=date(2025, 6, 1))
        store.close()
        body = filler(args.mb)
        for i in range(args.files):
            (work / f"ke-hoach-{i:02d}.docx").write_bytes(padded_docx(plan, body, i))
        total_mb = sum(p.stat().st_size for p in work.glob("*.docx")) / 1024 / 1024
        for mode in ("unlimited", "budget"):
            done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(work), mode], capture_output=True,
                                  text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append({"mode": mode, "files": args.files, "file_mb": args.mb, "total_mb": round(total_mb, 1),
                         **{k: (round(v, 1) if isinstance(v, float) else v) for k, v in result.items()
                            if k != "statuses"}})
    lines = ["| batch | files | total MB | seconds | peak RSS MB | batch peak MB | refused unread |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['mode']} | {r['files']} | {r['total_mb']} | {r['seconds']} | {r['peak_mb']} | "
                     f"{r['batch_mb']} | {r['refused_unread']} |")
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "upload.md").write_text("# Upload batch: peak memory (benchmarks/bench_upload.py)\n\n" + text + "\n",
                                       encoding="utf-8")
    (RESULTS / "upload.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
