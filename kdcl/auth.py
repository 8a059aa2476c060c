"""Accounts: argon2id password hashes (argon2-cffi), sign-in with lockout, and the
Scope each role gets. No Streamlit here; the login form lives in kdcl.ui.

Lockout: after MAX_FAILED wrong passwords in a row an account waits LOCK_MINUTES
before it may try again (a correct password during the wait is refused too). Each attempt is
counted before its password is checked, in one transaction, so parallel attempts cannot pass
the lockout; unknown names lock the same way (issue 21).
"""

from __future__ import annotations

import functools
import os
import threading
from datetime import datetime, timedelta

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kdcl.access import ROLES, Scope
from kdcl.db import Store, StoreRefused
from kdcl.rules import format_date
from kdcl.strings import t

MAX_FAILED = 5
LOCK_MINUTES = int(os.environ.get("KDCL_LOCK_MINUTES", "5"))
MIN_PASSWORD_LENGTH = 8

# argon2id with OWASP's first recommended setting (Password Storage Cheat Sheet: m = 46 MiB, t = 1, p = 1),
# random 16-byte salt per hash. argon2-cffi's default (RFC 9106 low-memory: 64 MiB, 3 passes, 4 lanes) is
# about four times the work: on a 2-core office PC, the sign-ins of a deadline morning thrashed the cores and
# starved every page (issue 20: 25 sign-ins within 5 s took 14 s each at the median, 2 s with a cheap hash).
# Hashes made with the old setting still verify and are re-hashed at their next sign-in (check_needs_rehash).
_hasher = PasswordHasher(time_cost=1, memory_cost=47_104, parallelism=1)
# Checks still take turns, as many at once as there are cores for their lanes: a queue, not a crowd.
_CHECKS = threading.BoundedSemaphore(max(1, (os.cpu_count() or 1) // _hasher.parallelism))


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown users (equal work), made on first use, not at import."""
    return _hasher.hash("not-a-real-password")



class AuthError(ValueError):
    """Sign-in or account change refused; the message is Vietnamese and safe to show."""


def _now() -> datetime:
    return datetime.now()


def check_role(role: str, unit_id: str | None, school_id: str | None) -> None:
    if role not in ROLES:
        raise AuthError(t("auth.err.role", role=role))
    if role == "principal" and not school_id:
        raise AuthError(t("auth.err.principal_school"))
    if role == "office" and not unit_id:
        raise AuthError(t("auth.err.office_unit"))


def _where(role: str, unit_id: str | None, school_id: str | None) -> str:
    """The log's note of a role and its scope: "principal S1", "office P", "admin"."""
    place = school_id if role == "principal" else unit_id if role in ("office", "viewer") else None
    return role + (f" {place}" if place else "")


def _log(tx, actor: str, username: str, action: str, detail: str = "") -> None:
    tx.run("write/account_log_insert", actor=actor, username=username, action=action, detail=detail, now=_now())


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError(t("auth.err.password_short", n=MIN_PASSWORD_LENGTH))


def hash_password(password: str) -> str:
    check_password_policy(password)
    return _hasher.hash(password)


def has_users(store: Store) -> bool:
    return int(store.scalar("user_count") or 0) > 0


def scope_of(row: pd.Series | dict) -> Scope:
    get = row.get
    return Scope(
        unit_id=get("unit_id") or None,
        school_id=get("school_id") or None,
        role=str(get("role")),
        user=str(get("username")),
    )


def add_user(
    store: Store,
    username: str,
    password: str,
    role: str,
    *,
    unit_id: str | None = None,
    school_id: str | None = None,
    display_name: str | None = None,
    actor: str = "cli",
) -> Scope:
    """A new account; `actor` (who adds it: a username, or "cli") goes to the account log."""
    username = username.strip().lower()
    check_role(role, unit_id, school_id)
    if not store.query("user_by_name", username=username).empty:
        raise AuthError(t("auth.err.exists", username=username))
    password_hash = hash_password(password)
    try:
        with store.transaction() as tx:
            tx.run(
                "write/user_insert",
                username=username,
                display_name=display_name or username,
                role=role,
                unit_id=unit_id if role in ("office", "viewer") else None,
                school_id=school_id if role == "principal" else None,
                password_hash=password_hash,
            )
            _log(tx, actor, username, "add", _where(role, unit_id, school_id))
    except StoreRefused as exc:  # constraint: bad name, unknown unit or school
        raise AuthError(t("auth.err.cannot_add", username=username)) from exc
    return scope_of({"username": username, "role": role, "unit_id": unit_id, "school_id": school_id})


# Unknown accounts lock exactly like real ones (so the answers never tell which names exist): their
# failure counts live in memory (name -> (failures, locked until)), bounded, per server process.
_UNKNOWN_MAX_NAMES = 10_000
_unknown: dict[str, tuple[int, datetime | None]] = {}
_unknown_lock = threading.Lock()


def _locked_error(locked_until) -> AuthError:
    return AuthError(t("auth.err.locked", n=MAX_FAILED, until=format_date(locked_until, time=True)))


def _claim_unknown(username: str, now: datetime) -> None:
    """Count an attempt at an unknown name as a real account would (raises the same 'locked' error)."""
    with _unknown_lock:
        failures, locked_until = _unknown.pop(username, (0, None))
        if locked_until is not None and locked_until > now:
            _unknown[username] = (failures, locked_until)
            raise _locked_error(locked_until)
        failures += 1
        if failures >= MAX_FAILED:
            locked_until = now + timedelta(minutes=LOCK_MINUTES)
        _unknown[username] = (failures, locked_until)
        while len(_unknown) > _UNKNOWN_MAX_NAMES:
            _unknown.pop(next(iter(_unknown)))


def authenticate(store: Store, username: str, password: str, now: datetime | None = None) -> Scope:
    """The user's Scope for a correct password; AuthError otherwise (same message for an
    unknown user and a wrong password, and the same lockout, so accounts cannot be discovered).

    The attempt is counted (write/user_login_claim, one transaction) before the password is
    checked and cleared only when it proves right: parallel wrong attempts cannot pass the lockout."""
    now = now or _now()
    username = (username or "").strip().lower()
    with store.transaction() as tx:
        claimed = tx.run(
            "write/user_login_claim",
            username=username,
            now=now,
            max_failed=MAX_FAILED,
            locked_until=now + timedelta(minutes=LOCK_MINUTES),
        )
    if not claimed:
        found = store.query("user_by_name", username=username)
        if found.empty:
            _claim_unknown(username, now)
            _verify(_dummy_hash(), password)
            raise AuthError(t("auth.err.wrong"))
        user = found.iloc[0]
        if bool(user["disabled"]):
            _verify(_dummy_hash(), password)
            raise AuthError(t("auth.err.disabled"))
        raise _locked_error(user["locked_until"])
    username_, display_name, role, unit_id, school_id, password_hash = claimed[0]
    if not _verify(password_hash, password):
        raise AuthError(t("auth.err.wrong"))  # already counted by the claim
    with store.transaction() as tx:
        tx.run("write/user_login_ok", username=username)
        if _hasher.check_needs_rehash(password_hash):
            tx.run("write/user_set_password", username=username, password_hash=_hasher.hash(password))
    return scope_of({"username": username_, "role": role, "unit_id": unit_id, "school_id": school_id})


def _verify(password_hash: str, password: str) -> bool:
    try:
        with _CHECKS:
            return _hasher.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def change_password(store: Store, username: str, old_password: str, new_password: str) -> None:
    authenticate(store, username, old_password)
    if old_password == new_password:
        raise AuthError(t("auth.err.same_password"))
    reset_password(store, username, new_password, actor=username.strip().lower(), action="change_password")


def reset_password(store: Store, username: str, new_password: str, *, actor: str = "cli",
                   action: str = "reset_password") -> None:
    """Set a new password; every signed-in session of the account ends (kdcl.sessions)."""
    password_hash = hash_password(new_password)
    username = username.strip().lower()
    with store.transaction() as tx:
        if not tx.run("write/user_set_password", username=username, password_hash=password_hash):
            raise AuthError(t("auth.err.no_account", username=username))
        tx.run("write/session_end_user", username=username, reason="password", now=_now())
        _log(tx, actor, username, action)


def set_disabled(store: Store, username: str, disabled: bool = True, *, actor: str = "cli") -> None:
    """Disable (every signed-in session ends) or enable an account."""
    username = username.strip().lower()
    with store.transaction() as tx:
        if not tx.run("write/user_set_disabled", username=username, disabled=disabled):
            raise AuthError(t("auth.err.no_account", username=username))
        if disabled:
            tx.run("write/session_end_user", username=username, reason="disabled", now=_now())
        _log(tx, actor, username, "disable" if disabled else "enable")


def set_role(store: Store, username: str, role: str, *, unit_id: str | None = None, school_id: str | None = None,
             actor: str = "cli") -> None:
    """Change an account's role and scope (same rules as a new account); its sessions end, so the
    next page it opens signs in again with the new scope."""
    username = username.strip().lower()
    check_role(role, unit_id, school_id)
    try:
        with store.transaction() as tx:
            if not tx.run("write/user_set_role", username=username, role=role,
                          unit_id=unit_id if role in ("office", "viewer") else None,
                          school_id=school_id if role == "principal" else None):
                raise AuthError(t("auth.err.no_account", username=username))
            tx.run("write/session_end_user", username=username, reason="role", now=_now())
            _log(tx, actor, username, "set_role", _where(role, unit_id, school_id))
    except AuthError:
        raise
    except StoreRefused as exc:  # constraint: unknown unit or school
        raise AuthError(t("auth.err.cannot_change_role", username=username)) from exc


EVERY_ACCOUNT = {"scope_unit_id": None, "scope_school_id": None, "everything": True}


def list_users(store: Store) -> pd.DataFrame:
    """Every account (the admin's view of kdcl.accounts.manageable), without password hashes."""
    return store.query("accounts_manageable", **EVERY_ACCOUNT)
