"""Sign-in sessions that survive a reload or a new tab (issue 18). No Streamlit here: the page
side is kdcl.ui, the cookie route is kdcl.session_route (served by serve.py).

Why this design: Streamlit 1.67 reads cookies (`st.context.cookies`, the cookies of the browser's
websocket handshake) but a script cannot write one; its own answer (streamlit/streamlit#861) is a
route or middleware on the ASGI server (`st.App(..., routes=[...])`), and that is the only way to
set an *http-only* cookie (cookie-manager components write `document.cookie` from JavaScript, which
cannot be http-only and which any script in the page can read). So:

1. Signing in (kdcl.ui) starts a session row and hands the page a one-time ticket (random, valid
   TICKET_SECONDS, stored only as its sha256).
2. The page posts the ticket to /kdcl-session; the route (kdcl.session_route) swaps it for a fresh
   random token, stores the token's sha256 and answers with the cookie `kdcl_session` = token plus
   an HMAC-SHA256 signature (http-only, SameSite=Lax, no expiry date: it ends with the browser).
3. A new websocket (reload, a shared link in another tab) reads the cookie, checks the signature and
   finds the live session by the token's hash: same person, same scope, no password.
4. Every run checks the row is still live: "Đăng xuất", an idle timeout, a password change or reset
   and a disabled account end it (ended_at), in every tab at once.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import uuid
from datetime import datetime, timedelta

from kdcl import auth
from kdcl.access import Scope
from kdcl.db import Store

COOKIE = "kdcl_session"
ROUTE = "/kdcl-session"
TICKET_SECONDS = 120  # the page claims its cookie right after signing in
TOUCH_SECONDS = 60  # a session's last_seen is written at most once a minute (writes are not free)
# a session found live is not asked again for this long (every run of every tab asked: 6 % of the server's
# samples under load, issue 20) unless a session ended or an account changed meanwhile (both in this
# process, the file's one writer: sessions.end counts the first, the accounts version moves with the other)
LIVE_SECONDS = 10


def _now() -> datetime:
    return datetime.now()


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _secret(store: Store) -> bytes:
    """The key that signs cookies: KDCL_SESSION_SECRET, else one made at random and kept in the database."""
    if os.environ.get("KDCL_SESSION_SECRET"):
        return os.environ["KDCL_SESSION_SECRET"].encode()
    value = store.scalar("meta_value", key="session_secret")
    if not value:
        with store.transaction(data=False) as tx:
            tx.run("write/set_meta", key="session_secret", value=secrets.token_hex(32))
        value = store.scalar("meta_value", key="session_secret")
    return str(value).encode()


def _sign(store: Store, token: str) -> str:
    return token + "." + hmac.new(_secret(store), token.encode(), hashlib.sha256).hexdigest()


def _unsign(store: Store, cookie: str | None) -> str | None:
    if not isinstance(cookie, str):
        return None
    token, _, signature = cookie.partition(".")
    if not token or not signature:
        return None
    expected = hmac.new(_secret(store), token.encode(), hashlib.sha256).hexdigest()
    return token if hmac.compare_digest(expected, signature) else None


def start(store: Store, username: str) -> tuple[str, str]:
    """A new session for a signed-in account: (session_id, one-time ticket for the cookie route)."""
    session_id, ticket = uuid.uuid4().hex, secrets.token_urlsafe(32)
    with store.transaction(data=False) as tx:
        tx.run("write/session_start", session_id=session_id, username=username, ticket_hash=_hash(ticket),
               now=_now())
    return session_id, ticket


def claim(store: Store, ticket: str) -> str | None:
    """The signed cookie value for a fresh ticket (once); None for an unknown, used or old ticket."""
    if not ticket:
        return None
    token = secrets.token_urlsafe(32)
    now = _now()
    with store.transaction(data=False) as tx:
        done = tx.run("write/session_claim", ticket_hash=_hash(ticket), token_hash=_hash(token),
                      since=now - timedelta(seconds=TICKET_SECONDS), now=now)
    return _sign(store, token) if done else None


def _idle_limit(idle_minutes: int) -> datetime:
    return _now() - timedelta(minutes=idle_minutes)


def resume(store: Store, cookie: str | None, idle_minutes: int) -> tuple[Scope, str] | None:
    """(scope, session_id) of the live session a cookie names; None when it is not signed, unknown,
    ended, idle too long or its account is disabled."""
    token = _unsign(store, cookie)
    if token is None:
        return None
    rows = store.records("session_active", token_hash=_hash(token), session_id=None,
                         since=_idle_limit(idle_minutes))
    if not rows:
        return None
    touch(store, rows[0]["session_id"])
    return auth.scope_of(rows[0]), rows[0]["session_id"]


def is_live(store: Store, session_id: str, idle_minutes: int) -> bool:
    """Whether a tab's session still counts (not signed out anywhere, not idle, account enabled);
    keeps it alive (at most one write a minute). A session found live is taken as live for
    LIVE_SECONDS more while no session ended and no account changed."""
    key, now = (store.path, session_id), _now()
    mark = (store.versions()["accounts"], _ended[0])
    seen = _live.get(key)
    if seen is not None and seen[1] == mark and timedelta(0) <= now - seen[0] < timedelta(seconds=LIVE_SECONDS):
        return True
    rows = store.records("session_active", token_hash=None, session_id=session_id, since=_idle_limit(idle_minutes))
    if not rows:
        _live.pop(key, None)
        return False
    if now - rows[0]["last_seen"] > timedelta(seconds=TOUCH_SECONDS):
        touch(store, session_id)
    if len(_live) > 10_000:  # tabs long gone
        _live.clear()
    _live[key] = (now, mark)
    return True


_live: dict[tuple[str, str], tuple[datetime, tuple[int, int]]] = {}  # (db, session) -> (found live at, mark)
_ended = [0]  # sessions ended through end() in this process
_ended_lock = threading.Lock()


def touch(store: Store, session_id: str) -> None:
    with store.transaction(data=False) as tx:
        tx.run("write/session_touch", session_id=session_id, now=_now())


def end(store: Store, session_id: str, reason: str = "sign_out") -> None:
    with store.transaction(data=False) as tx:
        tx.run("write/session_end", session_id=session_id, reason=reason, now=_now())
    with _ended_lock:
        _ended[0] += 1  # every tab asks again (is_live)

