"""Word plans per second, in every layout schools send (tests/plan_variants.py), on a batch of files.

    python benchmarks/bench_plan_layouts.py [--files 200] [--doc 3]

The batch cycles through the Word variants of the test corpus (number rows, page-split tables, merged
cells, tracked changes, list forms with typed marks, labels alone on their line and Word numbering):
--files .docx files of 5-8 items each. Three figures:
  - read: kdcl.importing.docx_plan.read_docx alone (open the package, accept tracked changes, walk the
    tables and paragraphs, recognise the document kind and the layout, build the items);
  - preview: the whole batch through kdcl.importing.import_files with dry_run (what the import page
    and `import --dry-run` do: read, resolve the school and years, check every item, dates, money) on
    the tiny test database with the seed schools;
  - .doc: --doc Word 97-2003 files converted with LibreOffice then read (skipped without soffice).
Printed and written to benchmarks/results/plan_layouts.md. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from factory import build_tiny  # noqa: E402
from fixtures_docx import SEED_SCHOOLS_CSV  # noqa: E402
from plan_variants import VARIANTS, build, convert, soffice  # noqa: E402

from kdcl.access import Scope  # noqa: E402
from kdcl.importing import Options, Upload, import_files  # noqa: E402
from kdcl.importing.docx_plan import read_docx  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--doc", type=int, default=3)
    args = parser.parse_args()
    scope = Scope.everything(user="bench")
    with tempfile.TemporaryDirectory(prefix="kdcl-bench-") as tmp:
        folder = Path(tmp)
        names = [n for n, v in VARIANTS.items() if v[3] is None and v[2] == "docx"]
        templates = {n: build(n, folder)[1] for n in names}
        batch = [Upload(f"{i:03d}-{names[i % len(names)]}.docx", templates[names[i % len(names)]])
                 for i in range(args.files)]
        items = 0
        start = time.perf_counter()
        for upload in batch:
            items += len(read_docx(upload.name, upload.data).items)
        read_s = time.perf_counter() - start

        store = build_tiny(folder / "bench.duckdb")
        import_files(store, scope, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
        start = time.perf_counter()
        results = import_files(store, scope, batch, Options(dry_run=True))
        preview_s = time.perf_counter() - start
        store.close()
        ready = sum(r.status == "ready" for r in results)

        doc_line = "LibreOffice not installed: .doc not measured"
        if args.doc and soffice():
            doc = convert(templates["merged_cells"], "plan.docx", "doc", folder / "doc")
            from kdcl.importing.convert import to_docx

            start = time.perf_counter()
            for _ in range(args.doc):
                read_docx("plan.doc", to_docx(".doc", doc))
            doc_s = time.perf_counter() - start
            doc_line = f".doc via LibreOffice: {args.doc} files in {doc_s:.1f} s = {args.doc / doc_s:.2f} files/s"

    lines = [
        "# Word plans per second (benchmarks/bench_plan_layouts.py)",
        "",
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end (a shared machine: figures scale with it), Python "
        f"{platform.python_version()}; {args.files} .docx files cycling {len(names)} layouts, {items} items in all.",
        "",
        f"- read only (read_docx): {read_s:.2f} s = {args.files / read_s:.0f} files/s, {items / read_s:.0f} items/s",
        f"- preview (import_files, dry run, every item checked): {preview_s:.2f} s = "
        f"{args.files / preview_s:.0f} files/s ({ready}/{args.files} ready)",
        f"- {doc_line}",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "benchmarks" / "results" / "plan_layouts.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
