"""Issue 18: server-side sign-in sessions behind the cookie (kdcl.sessions)."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kdcl import auth, sessions


@pytest.fixture
def store(tiny_store):
    auth.add_user(tiny_store, "phong", "matkhau-phong", "office", unit_id="P")
    return tiny_store


def signed_in(store, username="phong") -> tuple[str, str]:
    session_id, ticket = sessions.start(store, username)
    cookie = sessions.claim(store, ticket)
    assert cookie is not None
    return session_id, cookie


def test_a_ticket_becomes_one_signed_cookie_once(store):
    session_id, ticket = sessions.start(store, "phong")
    cookie = sessions.claim(store, ticket)
    assert sessions.claim(store, ticket) is None  # used
    assert sessions.claim(store, "made-up") is None
    scope, found = sessions.resume(store, cookie, 30)
    assert found == session_id and scope.user == "phong" and scope.unit_id == "P" and scope.role == "office"
    token, _, signature = cookie.partition(".")
    assert sessions.resume(store, token + ".00" + signature[2:], 30) is None  # signature changed
    assert sessions.resume(store, token, 30) is None  # unsigned
    assert store.scalar("meta_value", key="session_secret")  # made once, kept in the database


def test_an_old_ticket_is_refused(store, monkeypatch):
    _, ticket = sessions.start(store, "phong")
    later = datetime.now() + timedelta(seconds=sessions.TICKET_SECONDS + 5)
    monkeypatch.setattr(sessions, "_now", lambda: later)
    assert sessions.claim(store, ticket) is None


def test_sign_out_password_and_disabling_end_sessions(store):
    first, cookie = signed_in(store)
    second, _ = signed_in(store)
    sessions.end(store, first)
    assert sessions.resume(store, cookie, 30) is None and not sessions.is_live(store, first, 30)
    assert sessions.is_live(store, second, 30)

    auth.reset_password(store, "phong", "matkhau-moi-1")
    assert not sessions.is_live(store, second, 30)

    third, cookie = signed_in(store)
    auth.set_disabled(store, "phong", True)
    assert not sessions.is_live(store, third, 30) and sessions.resume(store, cookie, 30) is None
    auth.set_disabled(store, "phong", False)
    assert not sessions.is_live(store, third, 30)  # enabling again does not bring old sessions back


def test_idle_sessions_end_and_session_writes_keep_the_caches(store, monkeypatch):
    version = store.data_version
    session_id, cookie = signed_in(store)
    assert sessions.is_live(store, session_id, 30)
    assert store.data_version == version  # page caches stay valid while people click around
    later = datetime.now() + timedelta(minutes=31)
    monkeypatch.setattr(sessions, "_now", lambda: later)
    assert not sessions.is_live(store, session_id, 30)
    assert sessions.resume(store, cookie, 30) is None


def test_a_live_session_is_not_asked_again_until_a_session_ends_or_an_account_changes(store, monkeypatch):
    """Issue 20: every run of every tab asked the database whether its session was live."""
    from kdcl import db

    asked: list[str] = []
    db.set_tracer(lambda name, params, seconds: asked.append(name))
    try:
        first, _ = signed_in(store)
        second, _ = signed_in(store)
        assert sessions.is_live(store, first, 30) and sessions.is_live(store, second, 30)
        asked.clear()
        assert sessions.is_live(store, first, 30) and sessions.is_live(store, second, 30)
        assert asked == []  # known live a moment ago

        sessions.end(store, first)  # signed out in another tab: every tab asks again
        assert not sessions.is_live(store, first, 30) and sessions.is_live(store, second, 30)
        assert asked.count("session_active") == 2
        auth.set_disabled(store, "phong", True)  # an account changed: asked again
        assert not sessions.is_live(store, second, 30)

        later = datetime.now() + timedelta(seconds=sessions.LIVE_SECONDS + 1)
        auth.set_disabled(store, "phong", False)
        fourth, _ = signed_in(store)
        assert sessions.is_live(store, fourth, 30)
        monkeypatch.setattr(sessions, "_now", lambda: later)  # and after LIVE_SECONDS, asked again
        asked.clear()
        assert sessions.is_live(store, fourth, 30) and asked == ["session_active"]
    finally:
        db.set_tracer(None)


def test_a_tab_whose_session_ended_says_why_on_the_sign_in_form(db, monkeypatch):
    """Signed out elsewhere: the tab says so, and the sign-in form that follows on the next run still
    says so (under load a second run came before the person read the first: a bare form, no reason)."""
    import time

    from streamlit.testing.v1 import AppTest

    from kdcl.access import Scope
    from kdcl.db import Store
    from kdcl.strings import t

    store = Store(db)  # a private copy: the tiny database file is shared read-only
    auth.add_user(store, "phong", "matkhau-phong", "office", unit_id="P")
    session_id, _ = signed_in(store)
    sessions.end(store, session_id)  # "Đăng xuất" in another tab
    store.close()

    monkeypatch.setenv("KDCL_DB", str(db))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "dashboard.py"), default_timeout=60)
    at.session_state["scope"] = Scope(unit_id="P", role="office", user="phong")
    at.session_state["auth_session"] = session_id
    at.session_state["auth_seen"] = time.monotonic()
    at.run()
    assert not at.exception
    ended = t("auth.session_ended")
    assert [w.value for w in at.warning] == [ended]
    at.run()  # the next run: the sign-in form, with the reason above it
    assert any(b.label == "Đăng nhập" for b in at.button)
    assert ended in [w.value for w in at.warning]
