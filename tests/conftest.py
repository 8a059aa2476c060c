"""Shared fixtures: a tiny real DuckDB file per test session, and helpers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.chdir(ROOT)

from factory import tiny_copy  # noqa: E402


@pytest.fixture
def tiny_store(tmp_path):
    store = tiny_copy(tmp_path / "tiny.duckdb")
    yield store
    store.close()


@pytest.fixture
def store_copy(tmp_path):
    """Factory: store_copy(path) opens a Store on a private copy of a database file (e.g. weak_db_path);
    every store it opened is closed after the test."""
    import shutil

    from kdcl.db import Store

    stores = []

    def open_copy(source: Path):
        copy = tmp_path / f"copy{len(stores)}.duckdb"
        shutil.copy(source, copy)
        stores.append(Store(copy))
        return stores[-1]

    yield open_copy
    for store in stores:
        store.close()


@pytest.fixture(scope="session")
def tiny_db_path(tmp_path_factory) -> Path:
    """A tiny database file built once per session (read-only use)."""
    path = tmp_path_factory.mktemp("db") / "tiny.duckdb"
    tiny_copy(path).close()
    return path


@pytest.fixture(scope="session")
def weak_db_path(tmp_path_factory) -> Path:
    """test_weaknesses.build_weakness_db (two frameworks, chronic weaknesses), built once per session
    (read-only use: copy it)."""
    from test_weaknesses import build_weakness_db

    path = tmp_path_factory.mktemp("weak") / "weak.duckdb"
    build_weakness_db(path).close()
    return path


def db_rows(db_path: Path, sql: str) -> list[tuple]:
    """The rows of one query on a database file (after its app has stopped)."""
    from kdcl.db import Store

    store = Store(db_path)
    try:
        with store.cursor() as cur:
            return cur.execute(sql).fetchall()
    finally:
        store.close()


# --------------------------------------------------------------------------- browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveApp:
    """`streamlit run serve.py` (dashboard.py with the session-cookie route) in a subprocess on a
    free loopback port."""

    def __init__(self, db_path: Path, extra_env: dict[str, str] | None = None):
        import subprocess
        import time
        import urllib.request

        env = {**os.environ, "KDCL_DB": str(db_path), **(extra_env or {})}
        for _attempt in range(3):  # a port freed here may be taken by another test worker before the app binds it
            self.port = _free_port()
            self.url = f"http://127.0.0.1:{self.port}"
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py"), "--server.headless=true",
                 f"--server.port={self.port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
                 "--server.fileWatcherType=none"],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            )
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as resp:
                        if resp.status == 200:
                            return
                except OSError:
                    time.sleep(0.3)
            if self.proc.poll() is None:  # still running but not healthy: not a port clash
                break
        self.stop()
        raise RuntimeError("streamlit did not start:\n" + self.proc.stdout.read().decode(errors="replace"))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


@pytest.fixture
def live_app(tmp_path):
    """Factory: live_app(db_path) starts the app on that database; stopped after the test."""
    apps = []

    def start(db_path: Path, **env: str) -> LiveApp:
        app = LiveApp(db_path, env)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished running the script (no spinner, app rendered)."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelectorAll('[data-testid=\"stMainBlockContainer\"] *').length > 5",
        timeout=60_000,
    )


def sign_in(page, username: str, password: str) -> None:
    """Fill the sign-in form shown before any page, then wait for the page."""
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Đăng xuất").wait_for()
    wait_for_app(page)


def password_of(username: str) -> str:
    """The password browser tests give every account they add."""
    return "matkhau-" + username


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory) -> Path:
    """The demo database (kdcl.demo, ~60 schools, accounts with DEMO_PASSWORD), built once per test
    process for tests that only read it or copy it first."""
    from kdcl.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    build_demo(path).close()
    return path


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where a test saves its screenshots: $KDCL_SHOTS to look at them, else the test's own folder."""
    return Path(os.environ.get("KDCL_SHOTS", tmp_path))


@pytest.fixture
def started_app(tiny_db_path, tmp_path, live_app):
    """Factory for browser tests: started_app(*accounts, source=..., prepare=...) copies the database
    (`source`, default the tiny one), adds each account (username, role, where-dict) with password_of(username),
    calls prepare(store) for what must be in the database before the app starts, and starts the app.
    Returns (app, database path). The test opens the app and signs in itself (see `signed_in`)."""
    copies = []

    def start(*accounts: tuple[str, str, dict], source: Path | None = None, prepare=None):
        import shutil

        from kdcl import auth
        from kdcl.db import Store

        db = tmp_path / f"browser{len(copies) or ''}.duckdb"
        copies.append(db)
        shutil.copy(source or tiny_db_path, db)
        if accounts or prepare is not None:
            store = Store(db)
            try:
                for username, role, where in accounts:
                    auth.add_user(store, username, password_of(username), role, **where)
                if prepare is not None:
                    prepare(store)
            finally:
                store.close()
        return live_app(db), db

    return start


@pytest.fixture
def signed_in(started_app, page):
    """Factory for browser tests: signed_in(username, role, source=..., path=..., **where) copies the
    database (`source`, default the tiny one), adds the account (password_of(username); an office's scope
    defaults to the province P; role=None: an account the source already has, with `password`), starts
    the app, opens `path` (default: the tiny database's year and as-of date) and signs in. `accounts`
    and `prepare` as for `started_app`. Returns (app, database path)."""

    def start(username: str = "phong", role: str | None = "office", *, source: Path | None = None,
              path: str | None = None, password: str | None = None, accounts: tuple = (), prepare=None,
              **where: str):
        from factory import AS_OF, YEAR

        if role == "office" and not where:
            where = {"unit_id": "P"}
        own = ((username, role, where),) if role is not None else ()
        app, db = started_app(*own, *accounts, source=source, prepare=prepare)
        page.goto(app.url + (path if path is not None else f"/?year={YEAR}&asof={AS_OF.isoformat()}"))
        sign_in(page, username, password or password_of(username))
        return app, db

    return start


# --------------------------------------------------------------------------- AppTest


@pytest.fixture
def db(tiny_db_path, tmp_path):
    """A private copy of the tiny database (a page keeps its database open)."""
    import shutil

    copy = tmp_path / "app.duckdb"
    shutil.copy(tiny_db_path, copy)
    return copy


def page_app(page: str, db_path, monkeypatch, scope=None, timeout: int = 90, **params: str):
    """AppTest of pages/<page>.py on `db_path`, signed in (full scope unless given), with
    the tiny database's year and as-of date in the URL plus any other query params."""
    from factory import AS_OF, YEAR
    from streamlit.testing.v1 import AppTest

    from kdcl.access import Scope

    monkeypatch.setenv("KDCL_DB", str(db_path))
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=timeout)
    at.session_state["scope"] = scope or Scope.everything(user="test")
    at.query_params["year"] = YEAR
    at.query_params["asof"] = AS_OF.isoformat()
    for key, value in params.items():
        at.query_params[key] = value
    return at


def generated_app(page: Path | str, schools: int, tmp_path: Path, monkeypatch):
    """An AppTest of `page` over a benchmark database of `schools` schools (benchmarks/generate.py,
    written in tmp_path), signed in for the whole country."""
    from streamlit.testing.v1 import AppTest

    from kdcl.access import Scope

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    monkeypatch.setenv("KDCL_DB", str(generate.build(schools, tmp_path / "many.duckdb")))
    at = AppTest.from_file(str(page), default_timeout=120)
    at.session_state["scope"] = Scope.everything(user="test")
    return at


def page_through(at, key: str, total: int, rows_of, per_page: int = 100) -> list:
    """Every page of a long list drawn by ui.page_rows (widget `page_<key>`), in turn: each holds
    `per_page` rows (the last the rest); the rows of all pages, in order (`rows_of(at)`: a page's rows)."""
    seen: list = []
    for page in range(1, -(-total // per_page) + 1):
        at.session_state[f"page_{key}"] = page
        at.run()
        rows = rows_of(at)
        assert len(rows) == min(per_page, total - per_page * (page - 1)), page
        seen += rows
    return seen
