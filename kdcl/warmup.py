"""What a server pays once, at start, rather than its first visitor (issue 20).

A fresh server used to open the database (migrations checked: 0.9 s at 45,000 schools) on the first
request, and each page's first visitor paid the imports of that page (openpyxl for the levels page's
export, the importers for the import page, the report builders for the presentation: 0.05-0.1 s each,
more on a loaded machine), plotly's and the table code's first use. `serve.py` starts `start()` at
server start, on a thread of its own, so that the server answers at once and these costs are paid
while nobody waits. The modules are the ones the pages import (read from the pages themselves, so a
page's new import is warmed without a list to keep) and every data and report module (pages import
some of those inside functions).
"""

from __future__ import annotations

import ast
import importlib
import logging
import pkgutil
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kdcl.data", "kdcl.reports")  # every module of these (imported by pages in functions too)
_LOG = logging.getLogger(__name__)


def page_modules() -> list[str]:
    """Every module dashboard.py and pages/*.py import, at the top or inside a function, and every
    module of PACKAGES; sorted."""
    names: set[str] = set()
    for script in [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                if node.module == "kdcl":  # from kdcl import charts, ui
                    names.update(f"kdcl.{alias.name}" for alias in node.names)
    for package in PACKAGES:
        module = importlib.import_module(package)
        names.update(info.name for info in pkgutil.iter_modules(module.__path__, package + "."))
    return sorted(names)


def _first_uses() -> None:
    """The first plotly figure and its JSON, the first Arrow table of a frame and of a styled
    frame (the levels page's movement table), as Streamlit makes them for the browser."""
    import pandas as pd
    import plotly.io as pio
    from streamlit import dataframe_util

    from kdcl import charts

    counts = pd.DataFrame({"group": ["a", "a", "b"], "level": [1, 2, 3], "schools": [3, 4, 5]})
    pio.to_json(charts.level_share_by_group(counts, "group", {"a": "a", "b": "b"}, "warm-up"), validate=False)
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    dataframe_util.convert_anything_to_arrow_bytes(frame)
    frame.style.format("{:,}", subset=["a"]).to_html()


def warm_up(open_store: bool = True) -> dict[str, float]:
    """Import the pages' modules, use plotly and the table code once and (open_store) open the
    configured database (kdcl.stores.shared, which every session then uses). Seconds per step."""
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    for name in page_modules():
        try:
            importlib.import_module(name)
        except ImportError:  # an optional module (a page imports it in a try)
            _LOG.info("warm-up: %s not importable", name)
    seconds["imports"] = time.perf_counter() - started
    started = time.perf_counter()
    _first_uses()
    seconds["first_uses"] = time.perf_counter() - started
    if open_store:
        from kdcl import stores

        started = time.perf_counter()
        stores.shared()
        seconds["database"] = time.perf_counter() - started
    return {step: round(s, 3) for step, s in seconds.items()}


def _run() -> None:
    from kdcl.db import StoreError

    try:
        _LOG.info("warm-up done: %s", warm_up())
    except StoreError as exc:  # e.g. the file held by another process: the first page says so in Vietnamese
        _LOG.warning("warm-up: the database did not open: %s", exc)
    except Exception:  # noqa: BLE001 - a boundary: the first page then pays it and shows its own message
        _LOG.exception("warm-up failed (the first visit pays it)")


def start() -> threading.Thread:
    """warm_up() on a daemon thread (the server answers meanwhile; a visitor who comes first waits
    for the same locks, never for a half-done step)."""
    thread = threading.Thread(target=_run, name="kdcl-warm-up", daemon=True)
    thread.start()
    return thread
