"""Streamlit plumbing shared by the pages: the cached store, cached data calls,
filters kept in the URL, and the context line every view carries.

Pages import this, kdcl.data, kdcl.charts and kdcl.strings; never duckdb.
"""

from __future__ import annotations

import copy
import dataclasses
import decimal
import json
import os
import threading
import time

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn, TypeVar

import pandas as pd
import pyarrow as pa
import streamlit as st

from kdcl import auth, data, rules, sessions, stores, updates
from kdcl.access import AccessDenied, Scope
from kdcl.data import Filters
from kdcl.data import levels as level_data
from kdcl.db import Store, StoreError
from kdcl.strings import LEVEL_LABELS, LEVEL_ORDER, ROLE_LABELS, SCHOOL_TYPE_LABELS, WIDGET_PATTERNS, WIDGET_TEXTS, t

T = TypeVar("T")


def get_store() -> Store:
    """One connection per database file and server process (each query takes its own cursor)."""
    return _open_store(str(stores.configured_path()))


@st.cache_resource(show_spinner=t("app.opening_db"))
def _open_store(path: str) -> Store:
    return stores.shared()


@st.cache_resource(show_spinner=False, max_entries=512, ttl=3600)
def _cached(_fn: Callable[..., Any], name: str, db_path: str, data_version: int | tuple, args: tuple) -> Any:
    # One object per entry, shared by every session (st.cache_data would unpickle a copy on every
    # hit: 14 ms for a national school_levels frame, 54 ms for the levels page's gaps); load() hands
    # each caller its own view (_private). `_fn` is not hashed (leading underscore): the key is its
    # qualified `name`, the database, the versions it depends on (`data_version`: the data version,
    # or (family, version) pairs) and the arguments; each entry is noted so that load() can let it
    # go once one of those versions moved
    with _entries_lock:
        _entries.append((name, db_path, data_version, args))
        if len(_entries) > _MAX_NOTED:  # entries the cache itself evicted long ago
            del _entries[: len(_entries) - _MAX_NOTED]
    return _fn(get_store(), *args)


# modules whose functions `fn(store, *args)` only read and may be cached by load()
CACHED_MODULES = ("kdcl.data", "kdcl.reports.slides")


# the families a one-school scope (a principal) reads of its own school only: every statement starts from
# scoped_schools, and none of a principal's reaches other schools' plans (their peers are compared on
# assessments); so a call with such a scope depends on its school's version of them (Store.school_version)
SCHOOL_FAMILIES = frozenset({data.PLANS})


def cache_key_versions(fn: Callable[..., Any], versions: dict[str, int],
                       school_version: Callable[[str, str], int] | None = None, args: tuple = ()) -> int | tuple:
    """What a cached result of `fn` depends on: the versions of the table families it declares
    (kdcl.data.reads), else the data version (bumped by every write). Called with a one-school scope
    (in `args`), its SCHOOL_FAMILIES are that school's versions ("plans@S1"): the other schools' status
    saves leave its entries."""
    families = getattr(fn, "families", None)
    if families is None:
        return versions["data"]
    school = next((a.school_id for a in args if isinstance(a, Scope) and a.school_id is not None), None)
    if school is None or school_version is None:
        return tuple((family, versions[family]) for family in sorted(families))
    return tuple((f"{family}@{school}", school_version(family, school)) if family in SCHOOL_FAMILIES
                 else (family, versions[family]) for family in sorted(families))


def load(fn: Callable[..., T], *args: Any) -> T:
    """Call a data function `fn(store, *args)` (from kdcl.data or a submodule, or a model
    built from them such as kdcl.reports.slides.build_deck) through the cache. The key
    holds the versions of the table families `fn` reads (kdcl.data.reads; undeclared: the
    data version), so a committed write makes the pages that read what it wrote read fresh
    data, and leaves the others' cached results alone (a status save keeps the levels)."""
    if not fn.__module__.startswith(CACHED_MODULES):
        raise ValueError(f"not a data function: {fn.__module__}.{fn.__qualname__}")
    store = get_store()
    versions = store.versions()
    if _versions_seen.get(store.path) != versions:
        _forget_older(store.path, versions, store.school_version)
    key = cache_key_versions(fn, versions, store.school_version, args)
    return _private(_cached(fn, f"{fn.__module__}.{fn.__qualname__}", store.path, key, args))


_IMMUTABLE = (str, bytes, int, float, bool, type(None), date, pd.Timestamp, frozenset, decimal.Decimal, pa.Array,
              pa.ChunkedArray, pa.Table, pa.Scalar)


def _private(value: Any) -> Any:
    """The caller's own view of a cached result, so that what a page does to it never reaches the
    cache or another session: frames and series are shallow copies (pandas >= 3 copies on write:
    a changed column, cell or index is the copy's alone), containers and dataclasses are rebuilt
    around private views of their members, anything else is deep-copied. Cheap: no data is copied
    until a caller writes (tests/test_ui_cache.py). Not covered: a Python object inside a cell (the
    list of a gap column) changed in place; pages replace such cells, never mutate them."""
    if isinstance(value, _IMMUTABLE):
        return value
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=False)
    if isinstance(value, list):
        return [_private(v) for v in value]
    if isinstance(value, dict):
        return {k: _private(v) for k, v in value.items()}
    if type(value) is tuple:
        return tuple(_private(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        own = copy.copy(value)
        for f in dataclasses.fields(value):
            object.__setattr__(own, f.name, _private(getattr(value, f.name)))
        return own
    return copy.deepcopy(value)


def _forget_older(db_path: str, versions: dict[str, int],
                  school_version: Callable[[str, str], int] | None = None) -> None:
    """Let go of the entries of older versions: they can never be asked for again, and left in
    place they hold their frames until evicted (512 entries, an hour): at 45,000 schools a
    national overview alone is 14 MB, and under a deadline's saves every few seconds that is
    gigabytes. Entries of families no write touched stay."""
    current = dict(versions)

    def now(family: str) -> int | None:
        if "@" in family and school_version is not None:  # "plans@S1": one school's version
            name, school = family.split("@", 1)
            return school_version(name, school)
        return current.get(family)

    def stale(key: int | tuple) -> bool:
        if isinstance(key, tuple):
            return any(now(family) != version for family, version in key)
        return key != current["data"]

    with _entries_lock:
        gone = [e for e in _entries if e[1] == db_path and stale(e[2])]
        _entries[:] = [e for e in _entries if not (e[1] == db_path and stale(e[2]))]
        _versions_seen[db_path] = current
    for name, path, key, args in gone:
        _cached.clear(None, name, path, key, args)


def clear_cache() -> None:
    """Empty load()'s cache (a benchmark's cold page, as after a write; st.cache_data.clear() does
    not reach it)."""
    with _entries_lock:
        _entries.clear()
    _cached.clear()


_versions_seen: dict[str, dict[str, int]] = {}  # database path -> the versions load() saw last
_entries: list[tuple[str, str, int | tuple, tuple]] = []  # what _cached holds (or held): name, path, key, args
_entries_lock = threading.Lock()
_MAX_NOTED = 4096


SESSION_MINUTES = int(os.environ.get("KDCL_SESSION_MINUTES", "30"))


def current_scope() -> Scope:
    """The signed-in user's scope. Stops the page (with a message) when nobody is
    signed in, the session has been idle longer than KDCL_SESSION_MINUTES, or it was
    ended elsewhere ("Đăng xuất" in another tab, a password change, a disabled account)."""
    scope = st.session_state.get("scope")
    if scope is None:
        st.info(t("auth.login_required"))
        st.stop()
    now = time.monotonic()
    seen = st.session_state.get("auth_seen", now)
    if now - seen > SESSION_MINUTES * 60:
        sign_out("idle")
        _signed_out_because(t("auth.session_expired", minutes=SESSION_MINUTES))
    session_id = st.session_state.get("auth_session")
    if session_id is not None and not sessions.is_live(get_store(), session_id, SESSION_MINUTES):
        sign_out(None)
        _signed_out_because(t("auth.session_ended"))
    st.session_state["auth_seen"] = now
    return scope


def _signed_out_because(message: str) -> NoReturn:
    """Say why this tab is signed out and stop; the sign-in form repeats it until the next sign-in
    (another run may come before the person reads it: the cookie is cleared, a widget reruns)."""
    st.session_state["auth_notice"] = message
    st.warning(message)
    st.stop()


def sign_out(reason: str | None = "sign_out") -> None:
    """Forget the sign-in in this tab and end its session everywhere (`reason` None: it has ended
    already); the browser's cookie is cleared on the next run."""
    session_id = st.session_state.pop("auth_session", None)
    if session_id is not None:
        if reason is not None:
            sessions.end(get_store(), session_id, reason)
        st.session_state["auth_clear_cookie"] = True
    for key in ("scope", "auth_seen", "auth_name", "auth_ticket"):
        st.session_state.pop(key, None)


def _sign_in(scope: Scope, session_id: str | None = None) -> None:
    """Sign this tab in; a fresh sign-in (no `session_id`) starts a session whose cookie the
    browser claims on the next run (_session_scripts)."""
    if session_id is None:
        session_id, st.session_state["auth_ticket"] = sessions.start(get_store(), scope.user)
    st.session_state.pop("auth_notice", None)
    st.session_state["scope"] = scope
    st.session_state["auth_session"] = session_id
    st.session_state["auth_seen"] = time.monotonic()


def _session_scripts() -> None:
    """The page's side of the session cookie (kdcl.sessions): claim it with the one-time ticket
    after a sign-in, or clear it after a sign-out. Same-origin fetches; nothing leaves the server."""
    ticket = st.session_state.pop("auth_ticket", None)
    clear = st.session_state.pop("auth_clear_cookie", False)
    if ticket:
        body = f"method: 'POST', body: {json.dumps(ticket)}, headers: {{'Content-Type': 'text/plain'}}"
    elif clear:
        body = "method: 'DELETE'"
    else:
        return
    st.sidebar.html(f"<script>fetch({json.dumps(sessions.ROUTE)}, {{{body}, credentials: 'same-origin'}});</script>",
                    unsafe_allow_javascript=True)


def widget_texts() -> None:
    """Install (once per browser tab) the translation of Streamlit's own widget texts (WIDGET_TEXTS)."""
    import json as _json

    script = """<script>
(() => {
  if (window.kdclTexts) return;
  window.kdclTexts = true;
  const exact = %s, patterns = %s.map(([re, to]) => [new RegExp(re), to]);
  const fix = (node) => {
    const text = node.nodeValue, bare = text.trim();
    if (exact[bare]) { node.nodeValue = text.replace(bare, exact[bare]); return; }
    for (const [re, to] of patterns) if (re.test(bare)) { node.nodeValue = bare.replace(re, to); return; }
  };
  const placeholder = (el) => {
    const to = exact[el.getAttribute('placeholder')];
    if (to) el.setAttribute('placeholder', to);
  };
  const walk = (root) => {
    const it = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = it.nextNode(); n; n = it.nextNode()) fix(n);
    if (root.hasAttribute && root.hasAttribute('placeholder')) placeholder(root);
    root.querySelectorAll('[placeholder]').forEach(placeholder);
  };
  new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === 'characterData') fix(c.target);
      else if (c.type === 'attributes') placeholder(c.target);
      for (const n of c.addedNodes) n.nodeType === 3 ? fix(n) : (n.nodeType === 1 && walk(n));
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true,
                             attributeFilter: ['placeholder']});
  walk(document.body);
})();
</script>""" % (_json.dumps(WIDGET_TEXTS, ensure_ascii=False), _json.dumps(WIDGET_PATTERNS, ensure_ascii=False))
    with st.container(key="kdcl_page_scripts"):
        st.html("<style>.st-key-kdcl_page_scripts {display: none;}</style>" + script, unsafe_allow_javascript=True)


def restore_session() -> bool:
    """Sign this tab in from the browser's session cookie when it names a live session (a reload,
    a shared link in another tab). dashboard.py calls it before it builds the menu."""
    if "scope" in st.session_state:
        return True
    cookie = st.context.cookies.get(sessions.COOKIE)
    if not isinstance(cookie, str) or not cookie:  # (AppTest's context has no real cookies)
        return False
    found = sessions.resume(get_store(), cookie, SESSION_MINUTES)
    if found is None:
        st.session_state["auth_clear_cookie"] = True  # ended or forged: the browser forgets it
        return False
    _sign_in(*found)
    return True


def login_gate() -> Scope:
    """Called by dashboard.py before any page: a live session cookie signs the tab in (a reload,
    a shared link in another tab); else first-run admin creation on a database without accounts,
    or the sign-in form; then the account box in the sidebar."""
    store = get_store()
    if "scope" not in st.session_state and not restore_session():
        _session_scripts()
        if not auth.has_users(store):
            _first_admin_form(store)
            st.stop()
        _login_form(store)
        st.stop()
    scope = current_scope()
    _session_scripts()
    with st.sidebar:
        st.caption(t("auth.signed_in_as", user=scope.user, role=ROLE_LABELS[scope.role]))
        if st.button(t("auth.logout"), key="auth_logout"):
            sign_out()
            st.rerun()
        with st.expander(t("auth.change_password")):
            with st.form("auth_change_password", clear_on_submit=True):
                old = st.text_input(t("auth.old_password"), type="password")
                new = st.text_input(t("auth.new_password"), type="password")
                again = st.text_input(t("auth.repeat_password"), type="password")
                if st.form_submit_button(t("auth.change_password")):
                    try:
                        if new != again:
                            raise auth.AuthError(t("auth.passwords_differ"))
                        auth.change_password(store, scope.user, old, new)  # ends every session of the account
                        _sign_in(scope)  # ... but this tab: a new session and cookie
                        st.toast(t("auth.password_changed"), icon=":material/check_circle:")  # the box closes
                        _session_scripts()
                    except auth.AuthError as exc:
                        st.error(str(exc))
    return scope


def _login_form(store: Store) -> None:
    st.title(t("auth.login_title"))
    if notice := st.session_state.get("auth_notice"):  # why this tab was signed out (_signed_out_because)
        st.warning(notice)
    if store.scalar("meta_value", key="demo_built_on"):
        st.info(t("auth.demo_hint"))
    with st.form("auth_login"):
        username = st.text_input(t("auth.username"), key="auth_username")
        password = st.text_input(t("auth.password"), type="password", key="auth_password")
        if st.form_submit_button(t("auth.login"), type="primary"):
            try:
                _sign_in(auth.authenticate(store, username, password))
                st.rerun()
            except auth.AuthError as exc:
                st.error(str(exc))
    _preload_charts()  # after the form: the form shows first


def _preload_charts() -> None:
    """A browser loads its chart library (plotly.js, several MB) the first time a page draws a chart:
    2 s or more on a modest office PC, after sign-in, before the overview's first chart. One empty
    chart, hidden under the sign-in form, has it loaded while the person types; so do an empty table,
    a metric, a select box and a date box (the table's code and Arrow reader, 1.3 MB of script, and
    the others' 0.4 MB were fetched after the click on «Đăng nhập»: issue 20)."""
    from kdcl import charts

    st.html("<style>.st-key-preload_charts {display: none;}</style>")
    with st.container(key="preload_charts"):
        st.plotly_chart(charts.empty_figure(), key="preload_chart", config={"staticPlot": True})
        st.dataframe(pd.DataFrame({"": [""]}), hide_index=True, key="preload_table")
        st.metric(t("preload.label"), "")
        st.selectbox(t("preload.label"), [""], disabled=True, key="preload_select", label_visibility="collapsed")
        st.date_input(t("preload.label"), None, disabled=True, key="preload_date", label_visibility="collapsed")


def _first_admin_form(store: Store) -> None:
    st.title(t("auth.setup_title"))
    st.write(t("auth.setup_intro"))
    with st.form("auth_setup"):
        username = st.text_input(t("auth.username"), value="admin")
        name = st.text_input(t("auth.display_name"))
        password = st.text_input(t("auth.password"), type="password")
        again = st.text_input(t("auth.repeat_password"), type="password")
        if st.form_submit_button(t("auth.setup_create"), type="primary"):
            try:
                if password != again:
                    raise auth.AuthError(t("auth.passwords_differ"))
                _sign_in(auth.add_user(store, username, password, "admin", display_name=name or None))
                st.rerun()
            except auth.AuthError as exc:
                st.error(str(exc))


# --------------------------------------------------------------------------- URL filters


# One way of keeping a widget's state in the URL (issue 19): `from_url` reads a value (the URL's, else
# the one used last in this session, else the default), `to_url` writes it back (dropped from the URL
# when it is the default). The sidebar filters, `url_choice`, `url_text` and `url_tabs` are built on
# them; pages call these, never st.query_params for their own state.


def from_url(name: str, options: Sequence[Any], default: Any, parse: Callable[[str], Any] = str) -> Any:
    """Value of a filter: the URL's if valid, else the one used last in this session,
    else `default`. An invalid URL value is reported, not silently dropped."""
    raw = st.query_params.get(name)
    if raw is not None:
        try:
            value = parse(raw)
        except (TypeError, ValueError):
            value = None
        if value in options or (not options and value is not None):
            return value
        st.warning(t("error.bad_query_param", value=raw, name=name))
    remembered = st.session_state.get("_filter_" + name)
    if remembered is not None and (remembered in options or not options):
        return remembered
    return default


def to_url(name: str, value: Any, default: Any = None) -> None:
    """Remember `value` for this session and put it in the URL as ?name=value (a date as
    yyyy-mm-dd); the default (or None) leaves the URL."""
    st.session_state["_filter_" + name] = value
    if value is None or value == default:
        if name in st.query_params:
            del st.query_params[name]
    else:
        st.query_params[name] = value.isoformat() if isinstance(value, date) else str(value)


def stop_if(condition: bool, message: str) -> None:
    """Stop the page with `message` (an st.info) when `condition` holds: nothing to show."""
    if condition:
        st.info(message)
        st.stop()


def filters_query(filters: Filters, **extra: str) -> dict[str, str]:
    """The URL query of `filters` (year, as-of date, unit and type when set) plus `extra`: what a
    page passes to st.switch_page to open another page on the same filters."""
    query = {"year": filters.school_year, "asof": filters.as_of.isoformat(), **extra}
    query.update({k: v for k, v in (("unit", filters.unit_id), ("type", filters.school_type)) if v})
    return query


def _unit_label(units: pd.DataFrame) -> Callable[[str | None], str]:
    ids = units["unit_id"].tolist()  # (Python lists first: iterating Arrow strings is slow, thousands of units)
    names = dict(zip(ids, units["name"].tolist()))
    depth = dict(zip(ids, units["depth"].tolist()))

    def label(unit_id: str | None) -> str:
        if unit_id is None:
            return t("all")
        return "\u2003" * int(depth.get(unit_id, 0)) + names.get(unit_id, unit_id)

    return label


def filter_bar(
    scope: Scope,
    *,
    unit: bool = True,
    school_type: bool = True,
    as_of: bool = True,
    risk_days: bool = False,
) -> Filters | None:
    """Sidebar filters, read from and written back to the URL query parameters
    (?year=2025-2026&unit=X01&type=TH&asof=2026-05-31). None when there is no data.
    A one-school scope (a principal) never gets the unit and school-type filters."""
    if scope.school_id is not None:
        unit = school_type = False
    years = load(data.school_years)
    if not years:
        return None
    side = st.sidebar
    side.header(t("filter.header"))
    year = from_url("year", years, years[0])
    year = side.selectbox(t("filter.school_year"), years, index=years.index(year), key="w_year")
    to_url("year", year, years[0])

    unit_id = None
    if unit:
        units = load(data.units, scope)
        options = [None, *units["unit_id"].tolist()]
        unit_id = from_url("unit", options, None)
        unit_id = side.selectbox(
            t("filter.unit"), options, index=options.index(unit_id), format_func=_unit_label(units), key="w_unit"
        )
        to_url("unit", unit_id)

    type_code = None
    if school_type:
        options = [None, *SCHOOL_TYPE_LABELS]
        type_code = from_url("type", options, None)
        type_code = side.selectbox(
            t("filter.school_type"),
            options,
            index=options.index(type_code),
            format_func=lambda c: t("all") if c is None else SCHOOL_TYPE_LABELS[c],
            key="w_type",
        )
        to_url("type", type_code)

    today = date.today()
    as_of_value = today
    if as_of:
        as_of_value = from_url("asof", [], today, parse=date.fromisoformat)
        as_of_value = side.date_input(t("filter.as_of"), value=as_of_value, format="DD/MM/YYYY", key="w_asof")
        to_url("asof", as_of_value, today)

    risk = rules.RISK_DAYS_DEFAULT
    if risk_days:
        risk = from_url("risk", list(range(1, 181)), risk, parse=int)
        risk = int(side.number_input(t("filter.risk_days"), 1, 180, value=risk, step=1, key="w_risk"))
        to_url("risk", risk, rules.RISK_DAYS_DEFAULT)

    side.caption(t("filter.share_hint"))
    return Filters(school_year=year, as_of=as_of_value, unit_id=unit_id, school_type=type_code, risk_days=risk)


def format_date(value: date | pd.Timestamp | None) -> str:
    return rules.format_date(value, empty="–")


def context_line(scope: Scope, filters: Filters, reported: int, total: int) -> str:
    """One line saying what the numbers are: filters, as-of date, how many reported."""
    from kdcl.reports.slides import ReportContext  # the same line the slides and exports carry

    units = load(data.units, scope)
    unit_id = filters.unit_id or scope.unit_id  # a person limited to one ward sees that ward, not "tất cả"
    unit_name = _unit_label(units)(unit_id).strip()
    unit = unit_name if unit_id else t("filter.unit") + ": " + t("all").lower()
    return ReportContext.of(filters, unit, reported, total).line()


def school_line(scope: Scope, filters: Filters) -> str:
    """The context of a one-school scope (a principal): the school, year and as-of date, no counts of one."""
    from kdcl.data import school as school_data

    choices = load(school_data.school_choices, scope, Filters(school_year=filters.school_year))
    name = choices.label(scope.school_id) or scope.school_id
    return t("context.school_line", school=name, school_year=filters.school_year, as_of=format_date(filters.as_of))


def show_context(scope: Scope, filters: Filters, reported: int, total: int) -> None:
    freshness = load(data.data_freshness)
    st.caption(
        (school_line(scope, filters) if scope.school_id is not None else context_line(scope, filters, reported, total))
        + (" · " + t("context.data_date", when=format_date(freshness)) if freshness is not None else "")
    )


# --------------------------------------------------------------------------- school picker (issue 4)


LIST_PAGE_ROWS = 100  # rows of a long list sent to the browser at a time (a page)
PICKER_LIMIT = 2000  # more schools than this in scope: the picker searches first (45,000 names are slow to send)
SEARCH_FROM = 12  # more schools than this: a search box (accents optional) above the picker


def search_first(ids: list[str], keys: Callable[[], list[str]], chosen: str | None, key: str,
                 container: Any = None) -> tuple[list[str], str]:
    """The options and placeholder of a school selectbox. Up to SEARCH_FROM schools: all of them. Up to
    PICKER_LIMIT: all of them, narrowed by a search box once something is typed. More (a province, the
    country): the search box first, then only the schools whose label matches every typed word
    (accents and case ignored; `keys()` gives the folded labels); `chosen` stays."""
    from kdcl.data import school as school_data

    if len(ids) <= min(SEARCH_FROM, PICKER_LIMIT):
        return ids, t("school.picker_placeholder", n=rules.format_number(len(ids)))
    # the selectbox's own type-to-search needs the accents ("ngo quyen" misses "Ngô Quyền"): a search
    # box folded like every search here (accents and case ignored) from SEARCH_FROM schools (issue 18)
    query = (container or st).text_input(t("school.search"), key=key,
                                         placeholder=t("school.search_placeholder", n=rules.format_number(len(ids))))
    if not query.strip() and len(ids) <= PICKER_LIMIT:
        return ids, t("school.picker_placeholder", n=rules.format_number(len(ids)))
    options = school_data.matching(ids, keys(), query, PICKER_LIMIT) if query.strip() else []
    placeholder = (t("school.search_first") if not query.strip() else t("school.search_none", query=query.strip())
                   if not options else t("school.search_matches", n=rules.format_number(len(options))))
    if chosen is not None and chosen not in options:
        options = [chosen, *options]
    return options, placeholder


def school_picker(scope: Scope, filters: Filters, container: Any = None) -> str | None:
    """A searchable selectbox of the schools in scope (narrowed by the unit/type filters),
    kept in the URL as ?school=ID. Preselected when the scope holds one school (a
    principal); otherwise None until a school is picked."""
    from kdcl.data import school as school_data

    choices = load(school_data.school_choices, scope, filters)
    ids = choices.ids
    if not ids:
        return None
    where = container or st
    chosen = from_url("school", ids, ids[0] if len(ids) == 1 else None)
    options, placeholder = search_first(ids, choices.search_keys, chosen, "w_school_search", where)
    chosen = where.selectbox(
        t("school.picker"),
        options,
        index=None if chosen is None else options.index(chosen),
        format_func=choices.label,
        placeholder=placeholder,
        disabled=len(ids) == 1,  # a principal sees their own school only
        key="w_school",
    )
    to_url("school", chosen)
    return chosen


# --------------------------------------------------------------------------- page choices in the URL (issue 6)


def url_choice(
    name: str,
    label: str,
    options: Sequence[Any],
    default: Any = None,
    *,
    key: str,
    format_func: Callable[[Any], str] = str,
    radio: bool = False,
    segmented: bool = False,
    container: Any = None,
    **widget_args: Any,
) -> Any:
    """A page's own choice (a framework, a criterion) kept in the URL like the sidebar
    filters (?crit=1.5): a selectbox, a horizontal radio with radio=True, a segmented
    control with segmented=True. The URL holds the option (str(option)); a link holding its
    label (format_func) is understood too. A selectbox whose default is None starts empty
    (its `placeholder`); a segmented control left unselected gives the default."""
    options = list(options)
    box = container if container is not None else st
    value = from_url(name, options, default, parse=_option_parser(options, format_func))
    if key in st.session_state and st.session_state[key] not in options:
        st.session_state.pop(key, None)  # a value the options no longer hold (another framework, year)
    if segmented:
        widget, extra = box.segmented_control, {}
        if key not in st.session_state:
            extra["default"] = value
    else:
        widget, extra = (box.radio, {"horizontal": True}) if radio else (box.selectbox, {})
        if key not in st.session_state:  # else the widget's own value (or set_url_choice's): no second default
            extra["index"] = options.index(value) if value in options else None
    value = widget(label, options, format_func=format_func, key=key, **extra, **widget_args)
    if value is None and segmented:
        value = default
    to_url(name, value, default)
    return value


def _option_parser(options: list[Any], format_func: Callable[[Any], str]) -> Callable[[str], Any]:
    """URL text -> the option it names: its str() or its label (links made when the URL held labels)."""

    def parse(raw: str) -> Any:
        for option in options:
            if str(option) == raw:
                return option
        for option in options:
            if format_func(option) == raw:
                return option
        return raw

    return parse


def url_flag(name: str) -> bool:
    """A mode only a link switches on (?present=1, ?print=1): read from the URL alone, never remembered
    for the session (the next visit without it is not in that mode)."""
    return st.query_params.get(name) == "1"


def set_url_flag(name: str, on: bool) -> None:
    """Switch a `url_flag` mode on or off (a button's callback)."""
    set_url_number(name, 1 if on else None)


def url_number(name: str, low: int, high: int) -> int:
    """A whole number read from the URL alone (?slide=3), `low` when absent; one that is not a number or
    outside low..high is reported (error.bad_query_param) and the nearest valid one used."""
    raw = st.query_params.get(name)
    if raw is None:
        return low
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        st.warning(t("error.bad_query_param", value=raw, name=name))
        value = min(max(value, low), high)
    return value


def set_url_number(name: str, value: int | None) -> None:
    """Put ?name=value in the URL (None: take it out); nothing is remembered for the session."""
    if value is not None:
        st.query_params[name] = str(value)
    elif name in st.query_params:
        del st.query_params[name]


def page_rows(table: pd.DataFrame, key: str, caption: str, per_page: int = LIST_PAGE_ROWS) -> pd.DataFrame:
    """The rows of `table` a table sends: all of them, or when there are more than `per_page`, the page
    chosen in a pagination under the `caption` text ({n} rows, {per_page} per page); index from 0.
    Long lists are sent a page at a time (issue 20): a person reads a screenful, not 500 rows."""
    page = 1
    if len(table) > per_page:
        st.caption(t(caption, n=rules.format_number(len(table)), per_page=per_page))
        page = st.pagination(level_data.pages(len(table), per_page), key=f"page_{key}")
    return table.iloc[level_data.page_of(range(len(table)), page, per_page)].reset_index(drop=True)


def url_tabs(name: str, labels: Sequence[str]) -> Sequence[Any]:
    """Lazy tabs (only the open one runs: `tab.open`) whose open tab is kept in the URL as
    ?name=<tab label> (Streamlit keeps it: its tabs have no other way to be lazy and linked)."""
    return st.tabs(list(labels), key=name, bind="query-params")


def page_filters(title: str, principal: Callable[[Scope, Filters], None] | None = None,
                 **filter_args: Any) -> tuple[Scope, Filters]:
    """The start of every page: the signed-in scope and the sidebar filters; a page without
    school years stops under its `title` with the "no data" message. A page with a view of its
    own for one school (a principal, issue 17) draws it with `principal(scope, filters)` and stops;
    any other page gets its `title` drawn."""
    scope = current_scope()
    filters = filter_bar(scope, **filter_args)
    if filters is None:
        st.title(title)
        st.info(t("empty.no_years"))
        st.stop()
    if principal is not None:
        if scope.school_id is not None:
            principal(scope, filters)
            st.stop()
        st.title(title)
    return scope, filters


def url_text(name: str, label: str, *, key: str, container: Any = None, **widget_args: Any) -> str:
    """A free-text page parameter kept in the URL (?q=si+so); "" when empty."""
    box = container if container is not None else st
    value = from_url(name, [], "")
    value = box.text_input(label, value=value, key=key, **widget_args) or ""
    to_url(name, value.strip(), "")
    return value.strip()


def forget_url_choice(name: str, key: str) -> None:
    """Drop a page choice from the URL, the session memory and its widget (e.g. the
    criterion when the framework changes, so it is not reported as invalid)."""
    if name in st.query_params:
        del st.query_params[name]
    st.session_state.pop("_filter_" + name, None)
    st.session_state.pop(key, None)


def set_url_choice(name: str, key: str, value: Any) -> None:
    """Choose a value for a page choice before its widget is drawn (e.g. from a chart click). The
    widget's own state is set too: a keyed widget keeps the browser's value otherwise (issue 18)."""
    st.session_state[key] = value
    to_url(name, value)


# --------------------------------------------------------------------------- errors (issue 21)


def show_unexpected_error(exc: BaseException) -> None:
    """An error no page handled: the traceback goes to the server log with a short reference, the
    visitor sees one Vietnamese line with that reference (never a path or a traceback). A database
    error (kdcl.db.StoreError: the file is held by another process...) shows its own message."""
    import logging
    import uuid

    if isinstance(exc, StoreError):  # the database's own Vietnamese message (busy file, cannot open)
        st.error(str(exc), icon=":material/lock:")
        return
    ref = uuid.uuid4().hex[:8]
    logging.getLogger("kdcl").error("unhandled error on a page (ref %s)", ref, exc_info=exc)
    st.error(t("app.error", ref=ref), icon=":material/error:")


def save_item_changes(scope: Scope, changes: list[updates.ItemChange], reload_key: str,
                      on_reload: Callable[[], None]) -> dict[int, int] | None:
    """Save plan-item status changes (kdcl.updates: history and version check) for the home and the
    overdue page. A change made meanwhile by someone else is shown with a button that reloads the form
    (`on_reload`); a refused change is shown; None when nothing was saved, else each item's version."""
    try:
        return updates.update_items(get_store(), scope, changes)
    except updates.ConflictError as exc:
        st.error(str(exc))
        st.button(t("overdue.error.reload"), key=reload_key, on_click=on_reload)
    except (updates.UpdateError, AccessDenied) as exc:
        st.error(str(exc))
    return None


# --- issue 20 (engineer E): per-click cost, tables coloured in the browser instead of a pandas Styler


def level_column(label: str, **kwargs: Any) -> Any:
    """A read-only st.dataframe column of level labels (each cell a one-label list) drawn as a pill in
    its level colour (charts.LEVEL_PILL_COLORS: LEVEL_COLORS lightened where Streamlit's white text would
    not read on a projector), so a page sends the labels, not a CSS rule per cell."""
    from kdcl.charts import LEVEL_PILL_COLORS  # lazily, as _preload_charts: plotly is not needed to sign in

    return st.column_config.MultiselectColumn(
        label, options=[LEVEL_LABELS[k] for k in LEVEL_ORDER], color=[LEVEL_PILL_COLORS[k] for k in LEVEL_ORDER],
        **kwargs)
