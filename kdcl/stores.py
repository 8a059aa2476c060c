"""Which database the app uses, and the one place it is opened (issue 19): the dashboard's pages
(kdcl.ui), its session-cookie route (kdcl.session_route) and the command line (kdcl.cli) all
open it here. KDCL_DB names the file; without it the built-in demo database is used, built by
kdcl.demo on first start."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from kdcl.db import Store
from kdcl.strings import t

DEMO_PATH = Path(__file__).resolve().parent.parent / "data" / "demo.duckdb"


def configured_path() -> Path:
    """KDCL_DB when set, else the built-in demo database data/demo.duckdb."""
    return Path(os.environ["KDCL_DB"]) if os.environ.get("KDCL_DB") else DEMO_PATH


def open_configured() -> Store:
    """Open the configured database. Without KDCL_DB the demo is built on first start;
    a KDCL_DB path that does not exist yet becomes a new empty database."""
    path = configured_path()
    if not os.environ.get("KDCL_DB") and not path.exists():
        from kdcl import demo  # (the demo generator is only needed once)

        # the terminal says why the first start takes a few seconds (issue 18)
        print(t("cli.demo_building", path=path), file=sys.stderr, flush=True)
        store = demo.build_demo(path)
        print(t("cli.demo_ready"), file=sys.stderr, flush=True)
        return store
    path.parent.mkdir(parents=True, exist_ok=True)
    return Store(path)


_shared: dict[str, Store] = {}
_shared_lock = threading.Lock()


def shared() -> Store:
    """The configured database, opened once per file and process: the dashboard's pages (through
    kdcl.ui's cache) and its session-cookie route (kdcl.session_route) use the same connection."""
    path = str(configured_path())
    with _shared_lock:
        if path not in _shared:
            _shared[path] = open_configured()
        return _shared[path]
