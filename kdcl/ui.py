"""Streamlit plumbing shared by the pages: the cached store, cached data calls,
filters kept in the URL, and the context line every view carries.

Pages import this, kdcl.data, kdcl.charts and kdcl.strings; never duckdb.
"""

from __future__ import annotations

import importlib

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from kdcl import data, rules
from kdcl.access import Scope
from kdcl.data import Filters
from kdcl.db import Store
from kdcl.demo import configured_path, open_configured_store
from kdcl.strings import SCHOOL_TYPE_LABELS, t

T = TypeVar("T")


def get_store() -> Store:
    """One connection per database file and server process (each query takes its own cursor)."""
    return _open_store(str(configured_path()))


@st.cache_resource(show_spinner="Đang mở cơ sở dữ liệu…")
def _open_store(path: str) -> Store:
    return open_configured_store()


@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def _cached(module: str, name: str, db_path: str, data_version: int, args: tuple) -> Any:
    fn = getattr(importlib.import_module(module), name)
    return fn(get_store(), *args)


def load(fn: Callable[..., T], *args: Any) -> T:
    """Call a data function `fn(store, *args)` (from kdcl.data or a submodule) through
    the cache. The key includes the database's data_version, so any committed write
    makes every page read fresh data."""
    if not fn.__module__.startswith("kdcl.data"):
        raise ValueError(f"not a data function: {fn.__module__}.{fn.__name__}")
    store = get_store()
    return _cached(fn.__module__, fn.__name__, store.path, store.data_version, args)


def current_scope() -> Scope:
    """The signed-in user's scope (everything until accounts exist)."""
    return st.session_state.get("scope") or Scope.everything()


# --------------------------------------------------------------------------- URL filters


def _from_url(name: str, options: Sequence[Any], default: Any, parse: Callable[[str], Any] = str) -> Any:
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


def _to_url(name: str, value: Any, default: Any = None) -> None:
    st.session_state["_filter_" + name] = value
    if value is None or value == default:
        if name in st.query_params:
            del st.query_params[name]
    else:
        st.query_params[name] = value.isoformat() if isinstance(value, date) else str(value)


def _unit_label(units: pd.DataFrame) -> Callable[[str | None], str]:
    names = dict(zip(units["unit_id"], units["name"]))
    depth = dict(zip(units["unit_id"], units["depth"]))

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
    (?year=2025-2026&unit=X01&type=TH&asof=2026-05-31). None when there is no data."""
    years = load(data.school_years)
    if not years:
        return None
    side = st.sidebar
    side.header(t("filter.header"))
    year = _from_url("year", years, years[0])
    year = side.selectbox(t("filter.school_year"), years, index=years.index(year), key="w_year")
    _to_url("year", year, years[0])

    unit_id = None
    if unit:
        units = load(data.units, scope)
        options = [None, *units["unit_id"].tolist()]
        unit_id = _from_url("unit", options, None)
        unit_id = side.selectbox(
            t("filter.unit"), options, index=options.index(unit_id), format_func=_unit_label(units), key="w_unit"
        )
        _to_url("unit", unit_id)

    type_code = None
    if school_type:
        options = [None, *SCHOOL_TYPE_LABELS]
        type_code = _from_url("type", options, None)
        type_code = side.selectbox(
            t("filter.school_type"),
            options,
            index=options.index(type_code),
            format_func=lambda c: t("all") if c is None else SCHOOL_TYPE_LABELS[c],
            key="w_type",
        )
        _to_url("type", type_code)

    today = date.today()
    as_of_value = today
    if as_of:
        as_of_value = _from_url("asof", [], today, parse=date.fromisoformat)
        as_of_value = side.date_input(t("filter.as_of"), value=as_of_value, format="DD/MM/YYYY", key="w_asof")
        _to_url("asof", as_of_value, today)

    risk = rules.RISK_DAYS_DEFAULT
    if risk_days:
        risk = _from_url("risk", list(range(1, 181)), risk, parse=int)
        risk = int(side.number_input(t("filter.risk_days"), 1, 180, value=risk, step=1, key="w_risk"))
        _to_url("risk", risk, rules.RISK_DAYS_DEFAULT)

    side.caption(t("filter.share_hint"))
    return Filters(school_year=year, as_of=as_of_value, unit_id=unit_id, school_type=type_code, risk_days=risk)


def format_date(value: date | pd.Timestamp | None) -> str:
    return "–" if value is None or pd.isna(value) else value.strftime("%d/%m/%Y")


def context_line(scope: Scope, filters: Filters, reported: int, total: int) -> str:
    """One line saying what the numbers are: filters, as-of date, how many reported."""
    units = load(data.units, scope)
    unit_name = _unit_label(units)(filters.unit_id).strip()
    return t(
        "context.line",
        school_year=filters.school_year,
        unit=unit_name if filters.unit_id else t("filter.unit") + ": " + t("all").lower(),
        school_type=SCHOOL_TYPE_LABELS.get(filters.school_type, t("filter.school_type") + ": " + t("all").lower()),
        as_of=format_date(filters.as_of),
        reported=reported,
        total=total,
    )


def show_context(scope: Scope, filters: Filters, reported: int, total: int) -> None:
    freshness = load(data.data_freshness)
    st.caption(
        context_line(scope, filters, reported, total)
        + (" · " + t("context.data_date", when=format_date(freshness)) if freshness is not None else "")
    )
