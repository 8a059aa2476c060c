"""Issue 20: a fresh server pays its one-time costs at start (kdcl.warmup, started by serve.py), not
its first visitor: the pages' imports, plotly's and the table code's first use, the database's opening."""

import os
import subprocess
import sys
from pathlib import Path

from factory import tiny_copy

from kdcl import warmup

ROOT = Path(__file__).resolve().parent.parent


def test_the_modules_are_read_from_the_pages():
    modules = warmup.page_modules()
    assert "kdcl.exports" in modules  # the levels page's export (openpyxl)
    assert "kdcl.importing.service" in modules  # the import page
    assert "kdcl.data.home" in modules  # imported inside a function (the levels page's principal view)
    assert "kdcl.reports.pptx_deck" in modules  # every report module
    assert modules == sorted(set(modules))


def _fresh_python(code: str, db: Path) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "KDCL_DB": str(db), "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_serve_warms_up_at_start(tmp_path):
    db = tmp_path / "app.duckdb"
    tiny_copy(db).close()
    out = _fresh_python(
        "import sys, threading\n"
        "import serve\n"
        "[thread] = [t for t in threading.enumerate() if t.name == 'kdcl-warm-up']\n"
        "thread.join(120)\n"
        "from kdcl import stores\n"
        "print(sorted(stores._shared), 'openpyxl' in sys.modules, 'kdcl.importing.service' in sys.modules,"
        " 'plotly.graph_objects' in sys.modules)\n", db)
    assert out.split("\n")[0] == f"[{str(db)!r}] True True True"

