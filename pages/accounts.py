"""Tài khoản (issue 18): add, disable, enable, reset and re-scope accounts without stopping the
dashboard, with the command line's rules and messages (kdcl.auth through kdcl.accounts: an admin
manages every account, an office the principals of its own schools) and the account log."""

import streamlit as st

from kdcl import accounts, auth, data, ui
from kdcl.access import ROLES, AccessDenied
from kdcl.strings import ROLE_LABELS, t
from kdcl.text import fold_many

scope = ui.current_scope()
st.title(t("accounts.title"))
if not accounts.can_manage_accounts(scope):
    st.info(t("accounts.not_allowed"))
    st.stop()
store = ui.get_store()
admin = scope.role == "admin"
st.caption(t("accounts.caption_admin" if admin else "accounts.caption_office"))

flash = st.session_state.pop("accounts_flash", None)
if flash:
    st.success(flash)


def done(message: str) -> None:
    """Show `message` after the rerun that redraws the list with the change."""
    st.session_state["accounts_flash"] = message
    st.rerun()


def attempt(change, message: str) -> None:
    try:
        change()
    except (auth.AuthError, AccessDenied) as exc:
        st.error(str(exc))
        return
    done(message)


users = accounts.manageable(store, scope)
school_rows = accounts.schools(store, scope)
school_label = {r.school_id: f"{r.name} · {r.unit_name}" if r.unit_name else r.name
                for r in school_rows.itertuples(index=False)}


def school_options(key: str, chosen: str | None = None) -> list[str]:
    """The schools a form offers: all of them, or (many schools: a province, the country) those a
    search box above the form finds, accents ignored, as every school picker (ui.search_first)."""
    ids = list(school_label)
    options, _ = ui.search_first(ids, lambda: fold_many([school_label[i] for i in ids]), chosen, key)
    return options
units = ui.load(data.units, scope) if admin else None
unit_label = dict(zip(units["unit_id"], units["name"])) if units is not None else {}


def scope_text(row) -> str:
    if row.role == "principal":
        return row.school_name or row.school_id or ""
    if row.unit_id:
        return row.unit_name or row.unit_id
    return t("accounts.scope_all")


if users.empty:
    st.info(t("accounts.none"))
else:
    table = users.assign(
        role_label=users["role"].map(ROLE_LABELS),
        scope_label=[scope_text(r) for r in users.itertuples(index=False)],
        state=users["disabled"].map({True: t("accounts.state.disabled"), False: t("accounts.state.active")}),
    )[["username", "display_name", "role_label", "scope_label", "state", "created_at"]]
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={
            "username": t("accounts.col.username"), "display_name": t("accounts.col.display_name"),
            "role_label": t("accounts.col.role"), "scope_label": t("accounts.col.scope"),
            "state": t("accounts.col.state"),
            "created_at": st.column_config.DatetimeColumn(t("accounts.col.created"), format="DD/MM/YYYY HH:mm"),
        },
    )

roles = list(ROLES) if admin else ["principal"]
add_tab, edit_tab, log_tab = st.tabs([t("accounts.tab.add"), t("accounts.tab.edit"), t("accounts.tab.log")])

with add_tab:
    st.caption(t("accounts.form_hint"))
    add_schools = school_options("acc_add_school_search")
    with st.form("accounts_add", clear_on_submit=False):
        left, right = st.columns(2)
        username = left.text_input(t("auth.username"), key="acc_add_username")
        name = right.text_input(t("auth.display_name"), key="acc_add_name")
        role = left.selectbox(t("accounts.role"), roles, format_func=ROLE_LABELS.get, key="acc_add_role",
                              index=roles.index("principal"))
        school = right.selectbox(t("accounts.school"), add_schools, index=None, format_func=school_label.get,
                                 placeholder=t("accounts.choose"), key="acc_add_school")
        unit = None
        if admin:
            unit = left.selectbox(t("accounts.unit"), list(unit_label), index=None, format_func=unit_label.get,
                                  placeholder=t("accounts.choose"), key="acc_add_unit")
        password = left.text_input(t("auth.password"), type="password", key="acc_add_password")
        again = right.text_input(t("auth.repeat_password"), type="password", key="acc_add_again")
        if st.form_submit_button(t("accounts.add"), type="primary"):
            def add() -> None:
                if password != again:
                    raise auth.AuthError(t("auth.passwords_differ"))
                accounts.add(store, scope, username, password, role, unit_id=unit, school_id=school,
                             display_name=name.strip() or None)
            attempt(add, t("cli.user_added", name=username.strip().lower(), role=ROLE_LABELS[role]))

with edit_tab:
    if users.empty:
        st.info(t("accounts.none"))
    else:
        names = users["username"].tolist()
        who = st.selectbox(t("accounts.pick"), names, index=None, placeholder=t("accounts.choose"), key="acc_pick",
                           format_func=lambda u: f"{u} · {users.set_index('username').at[u, 'display_name']}")
        if who is not None:
            row = users.set_index("username").loc[who]
            if bool(row["disabled"]):
                if st.button(t("accounts.enable"), icon=":material/lock_open:", key="acc_enable"):
                    attempt(lambda: accounts.set_disabled(store, scope, who, False), t("cli.user_enabled", name=who))
            elif st.button(t("accounts.disable"), icon=":material/lock:", key="acc_disable"):
                attempt(lambda: accounts.set_disabled(store, scope, who, True), t("cli.user_disabled", name=who))
            with st.form("accounts_reset", clear_on_submit=True):
                st.markdown(f"**{t('accounts.reset')}**")
                new = st.text_input(t("auth.new_password"), type="password", key="acc_reset_new")
                again = st.text_input(t("auth.repeat_password"), type="password", key="acc_reset_again")
                if st.form_submit_button(t("accounts.reset")):
                    def reset() -> None:
                        if new != again:
                            raise auth.AuthError(t("auth.passwords_differ"))
                        accounts.reset_password(store, scope, who, new)
                    attempt(reset, t("cli.user_password_reset", name=who))
            role_schools = school_options("acc_role_school_search",
                                          row["school_id"] if isinstance(row["school_id"], str) else None)
            with st.form("accounts_role"):
                st.markdown(f"**{t('accounts.set_role')}**")
                role = st.selectbox(t("accounts.role"), roles, format_func=ROLE_LABELS.get, key="acc_role_role",
                                    index=roles.index(row["role"]) if row["role"] in roles else 0)
                school_ids = role_schools
                school = st.selectbox(
                    t("accounts.school"), school_ids, format_func=school_label.get, placeholder=t("accounts.choose"),
                    index=school_ids.index(row["school_id"]) if row["school_id"] in school_label else None,
                    key="acc_role_school",
                )
                unit = None
                if admin:
                    unit_ids = list(unit_label)
                    unit = st.selectbox(
                        t("accounts.unit"), unit_ids, format_func=unit_label.get, placeholder=t("accounts.choose"),
                        index=unit_ids.index(row["unit_id"]) if row["unit_id"] in unit_label else None,
                        key="acc_role_unit",
                    )
                if st.form_submit_button(t("accounts.set_role")):
                    attempt(lambda: accounts.set_role(store, scope, who, role, unit_id=unit, school_id=school),
                            t("accounts.role_changed", name=who, role=ROLE_LABELS[role]))

with log_tab:
    entries = accounts.log(store, scope)
    if entries.empty:
        st.info(t("accounts.log_empty"))
    else:
        shown = entries.assign(
            actor=entries["actor"].replace({"cli": t("accounts.actor_cli")}),
            action=entries["action"].map(lambda a: t("accounts.action." + a)),
            detail=entries["detail"].map(lambda d: " ".join(ROLE_LABELS.get(w, w) for w in str(d).split(" ", 1))),
        )
        st.dataframe(
            shown, hide_index=True, width="stretch",
            column_config={
                "changed_at": st.column_config.DatetimeColumn(t("accounts.col.when"), format="DD/MM/YYYY HH:mm:ss"),
                "actor": t("accounts.col.actor"), "username": t("accounts.col.username"),
                "action": t("accounts.col.action"), "detail": t("accounts.col.detail"),
            },
        )
