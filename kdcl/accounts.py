"""The accounts page's rules (issue 18): who may manage which account, on top of kdcl.auth (the same
checks and messages as `python -m kdcl users`). No Streamlit here.

An admin manages every account. An office manages the principal accounts of the schools in its own
scope: it may add one, disable, enable and reset its password, and move it to another of its schools;
nothing else. Nobody disables their own account or changes their own role here (no locking oneself out).
Every change is logged by kdcl.auth in the same transaction.
"""

from __future__ import annotations

import pandas as pd

from kdcl import auth
from kdcl.access import AccessDenied, Scope
from kdcl.db import Store
from kdcl.strings import t

MANAGER_ROLES = frozenset({"admin", "office"})
LOG_ROWS = 200


def can_manage_accounts(scope: Scope) -> bool:
    return scope.role in MANAGER_ROLES


def _require_manager(scope: Scope) -> None:
    if not can_manage_accounts(scope):
        raise AccessDenied(t("access.err.manage_accounts"))


def manageable(store: Store, scope: Scope) -> pd.DataFrame:
    """The accounts `scope` may change (admin: all; office: the principals of its schools)."""
    _require_manager(scope)
    return store.query("accounts_manageable", **scope.params(), everything=scope.role == "admin")


def schools(store: Store, scope: Scope) -> pd.DataFrame:
    """The schools `scope` may give a principal account."""
    _require_manager(scope)
    return store.query("account_schools", **scope.params())


def log(store: Store, scope: Scope) -> pd.DataFrame:
    """The account log lines `scope` may read, newest first."""
    users = manageable(store, scope)["username"].tolist()
    return store.query("account_log", everything=scope.role == "admin", actor=scope.user,
                       usernames=users or [""], limit=LOG_ROWS)


def _check_target(store: Store, scope: Scope, username: str) -> str:
    username = (username or "").strip().lower()
    if username not in set(manageable(store, scope)["username"]):
        raise AccessDenied(t("access.err.account", username=username))
    return username


def _check_new_scope(store: Store, scope: Scope, role: str, school_id: str | None) -> None:
    if scope.role == "admin":
        return
    if role != "principal":
        raise AccessDenied(t("access.err.office_principals"))
    if school_id and school_id not in set(schools(store, scope)["school_id"]):
        raise AccessDenied(t("access.err.school_outside", school_id=school_id))


def add(store: Store, scope: Scope, username: str, password: str, role: str, *, unit_id: str | None = None,
        school_id: str | None = None, display_name: str | None = None) -> None:
    _require_manager(scope)
    _check_new_scope(store, scope, role, school_id)
    auth.add_user(store, username, password, role, unit_id=unit_id, school_id=school_id,
                  display_name=display_name, actor=scope.user)


def set_disabled(store: Store, scope: Scope, username: str, disabled: bool) -> None:
    username = _check_target(store, scope, username)
    if disabled and username == scope.user:
        raise auth.AuthError(t("auth.err.disable_self"))
    auth.set_disabled(store, username, disabled, actor=scope.user)


def reset_password(store: Store, scope: Scope, username: str, password: str) -> None:
    auth.reset_password(store, _check_target(store, scope, username), password, actor=scope.user)


def set_role(store: Store, scope: Scope, username: str, role: str, *, unit_id: str | None = None,
             school_id: str | None = None) -> None:
    username = _check_target(store, scope, username)
    if username == scope.user:
        raise auth.AuthError(t("auth.err.role_self"))
    _check_new_scope(store, scope, role, school_id)
    auth.set_role(store, username, role, unit_id=unit_id, school_id=school_id, actor=scope.user)
