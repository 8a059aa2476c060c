"""kdcl.ui.load's cache: keyed on the data version, or on the versions of the table families a data
function reads (kdcl.data.reads): each declaration is checked against the tables its statements scan,
a status save keeps the levels cached, what an older version cached is let go after a write (issue
20: under a deadline's saves the dead entries held gigabytes), and a caller changing its copy cannot
change the cache."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import shutil
from datetime import date

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from factory import AS_OF, YEAR

from kdcl import db, ui, updates
from kdcl import data as d
from kdcl.access import Scope
from kdcl.data import Filters
from kdcl.data import levels as lv
from kdcl.data import plan_items as pi
from kdcl.data import report as report_data
from kdcl.data import school as school_data
from kdcl.data import weaknesses as wk

EVERYTHING = Scope.everything(user="test")
FILTERS = Filters(school_year=YEAR, as_of=AS_OF)
MODULES = ("kdcl.data", "kdcl.data.home", "kdcl.data.levels", "kdcl.data.plan_document", "kdcl.data.plan_items",
           "kdcl.data.report", "kdcl.data.school", "kdcl.data.weaknesses", "kdcl.reports.slides")


def first_item(store) -> int:
    return int(pi.item_page(store, EVERYTHING, FILTERS, pi.ItemQuery(bucket=None)).rows["item_id"].iloc[0])


def framework(store) -> str:
    return str(lv.frameworks(store, EVERYTHING, FILTERS)["framework_id"].iloc[0])


# every data function that declares its families, called as its page calls it
CALLS = {
    "kdcl.data.school_levels": lambda s: d.school_levels(s, EVERYTHING, FILTERS),
    "kdcl.data.school_plan_status": lambda s: d.school_plan_status(s, EVERYTHING, FILTERS),
    "kdcl.data.units": lambda s: d.units(s, EVERYTHING),
    "kdcl.data.school_years": lambda s: d.school_years(s),
    "kdcl.data.levels.frameworks": lambda s: lv.frameworks(s, EVERYTHING, FILTERS),
    "kdcl.data.levels.criteria": lambda s: lv.criteria(s, framework(s)),
    "kdcl.data.levels.previous_levels": lambda s: lv.previous_levels(s, EVERYTHING, FILTERS),
    "kdcl.data.levels.criterion_by_unit": lambda s: lv.criterion_by_unit(s, EVERYTHING, FILTERS, framework(s)),
    "kdcl.data.levels.school_matrix": lambda s: lv.school_matrix(s, EVERYTHING, FILTERS, framework(s)),
    "kdcl.data.levels.school_gaps": lambda s: lv.school_gaps(s, EVERYTHING, FILTERS),
    "kdcl.data.levels.self_vs_external": lambda s: lv.self_vs_external(s, EVERYTHING, FILTERS),
    "kdcl.data.school.school_choices": lambda s: school_data.school_choices(s, EVERYTHING, FILTERS),
    "kdcl.data.report.level4": lambda s: report_data.level4(s, EVERYTHING, FILTERS, "S1"),
    # issue 20, many people at once: a principal's pages and the overdue page, so that a sign-in (accounts)
    # no longer empties them
    "kdcl.data.school.school_report": lambda s: school_data.school_report(s, EVERYTHING, FILTERS, "S1"),
    "kdcl.data.plan_items.item_page": lambda s: pi.item_page(s, EVERYTHING, FILTERS, pi.ItemQuery(bucket=None)),
    "kdcl.data.plan_items.items_for_export": lambda s: pi.items_for_export(s, EVERYTHING, FILTERS,
                                                                           pi.ItemQuery(bucket=None)),
    "kdcl.data.plan_items.overdue_summary": lambda s: pi.overdue_summary(s, EVERYTHING, FILTERS),
    "kdcl.data.plan_items.overdue_breakdown": lambda s: pi.overdue_breakdown(s, EVERYTHING, FILTERS),
    "kdcl.data.plan_items.school_options": lambda s: pi.school_options(s, EVERYTHING, FILTERS),
    "kdcl.data.plan_items.criterion_options": lambda s: pi.criterion_options(s, EVERYTHING, FILTERS),
    "kdcl.data.plan_items.item_history": lambda s: pi.item_history(s, EVERYTHING, first_item(s)),
    "kdcl.data.plan_items.plan_quality": lambda s: pi.plan_quality(s, EVERYTHING, FILTERS),
    "kdcl.data.plan_items.plan_quality_by_school": lambda s: pi.plan_quality_by_school(s, EVERYTHING, FILTERS),
    "kdcl.data.criterion_weakness": lambda s: d.criterion_weakness(s, EVERYTHING, FILTERS),
    "kdcl.data.weaknesses.criteria": lambda s: wk.criteria(s, EVERYTHING, FILTERS),
    "kdcl.data.weaknesses.chronic": lambda s: wk.chronic(s, EVERYTHING, FILTERS, None),
}


def declared() -> dict[str, frozenset[str]]:
    found = {}
    for module in map(importlib.import_module, MODULES):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and hasattr(fn, "families"):
                found[f"{fn.__module__}.{name}"] = fn.families
    return found


def scanned_tables(store, name: str, params: dict) -> set[str]:
    """The tables DuckDB's plan of queries/<name>.sql scans (views and macros expanded)."""
    sql, _ = db.load_sql(name)
    with store.cursor() as cur:
        plan = cur.execute("explain (format json) " + sql, params).fetchall()[0][1]
    return {found.rsplit(".", 1)[-1] for found in re.findall(r'"Table":\s*"([^"]+)"', json.dumps(json.loads(plan)))}


def test_every_declaration_covers_the_tables_its_statements_scan(tiny_store):
    families = declared()
    assert set(families) == set(CALLS), "add a call for each declared data function"
    for qualified, call in CALLS.items():
        traced: list[tuple[str, dict]] = []
        db.set_tracer(lambda name, params, seconds: traced.append((name, params)))
        try:
            call(tiny_store)
        finally:
            db.set_tracer(None)
        assert traced, qualified
        allowed = set().union(*(db.FAMILIES[f] for f in families[qualified]))
        if qualified.endswith(("levels.criteria", "criterion_by_unit", "school_matrix")):
            traced = [(n, p) for n, p in traced if n != "levels_frameworks"]  # framework() above, not the call
        if qualified.endswith("item_history"):
            traced = traced[-1:]  # first_item() above, not the call
        for name, params in traced:
            tables = scanned_tables(tiny_store, name, params)
            assert tables and tables <= allowed, (qualified, name, tables - allowed)
            # a derived table (kdcl.db.DERIVED) changes with its sources: their families too
            needed = set().union(*(db.read_families(table) for table in tables))
            assert needed <= families[qualified], (qualified, name, needed - families[qualified])


def test_a_declaration_missing_a_family_is_found(tiny_store):
    """The check above can fail: plan status scans the plan tables, which the levels do not read."""
    traced = []
    db.set_tracer(lambda name, params, seconds: traced.append((name, params)))
    d.school_plan_status(tiny_store, EVERYTHING, FILTERS)
    db.set_tracer(None)
    tables = set().union(*(scanned_tables(tiny_store, n, p) for n, p in traced))
    levels_only = set().union(*(db.FAMILIES[f] for f in d.school_levels.families))
    assert {"plan", "plan_item"} <= tables and not tables <= levels_only
    # and a derived table asks for the families of its sources: the weaknesses' rows change with assessments
    assert "assessments" in db.read_families("school_criterion_year") - {"plans", "schools", "catalog"}


@pytest.fixture
def app_store(tiny_db_path, tmp_path, monkeypatch):
    copy = tmp_path / "cache.duckdb"
    shutil.copy(tiny_db_path, copy)
    monkeypatch.setenv("KDCL_DB", str(copy))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield ui.get_store()
    st.cache_data.clear()
    st.cache_resource.clear()


def statements_run(fn, *args) -> list[str]:
    traced: list[str] = []
    db.set_tracer(lambda name, params, seconds: traced.append(name))
    try:
        ui.load(fn, *args)
    finally:
        db.set_tracer(None)
    return traced


def test_a_status_save_keeps_the_levels_and_an_assessment_import_does_not(app_store):
    assert "school_level_profile" in statements_run(d.school_levels, EVERYTHING, FILTERS)
    assert statements_run(lv.school_gaps, EVERYTHING, FILTERS)
    assert statements_run(d.school_plan_status, EVERYTHING, FILTERS)
    assert statements_run(d.school_levels, EVERYTHING, FILTERS) == []  # cached

    updates.update_item(app_store, Scope(unit_id="P", role="office", user="phong"), 1, 1, status="done",
                        completed_on=date(2025, 5, 20), today=date(2025, 6, 1))
    assert statements_run(d.school_levels, EVERYTHING, FILTERS) == []  # the levels stay cached ...
    assert statements_run(lv.school_gaps, EVERYTHING, FILTERS) == []
    assert statements_run(d.school_plan_status, EVERYTHING, FILTERS) == ["school_plan_status"]  # ... not the items
    assert statements_run(d.data_freshness) != []  # undeclared: every write

    missing = d.school_levels(app_store, EVERYTHING, FILTERS)[["school_id"]].head(1)
    missing = missing.assign(school_year=YEAR, kind="self", criterion_code="1.1")
    with app_store.transaction() as tx:
        tx.run_with_frame("write/import_delete_assessments", missing)
    assert "school_level_profile" in statements_run(d.school_levels, EVERYTHING, FILTERS)
    assert statements_run(d.school_plan_status, EVERYTHING, FILTERS) == []
    ui.clear_cache()  # what the benchmarks call for a cold page
    assert statements_run(d.school_plan_status, EVERYTHING, FILTERS) == ["school_plan_status"]


def test_a_sign_in_keeps_the_principal_pages_and_the_overdue_list_cached(app_store):
    """Under load, every sign-in (its attempt counter and session: the accounts family) emptied every
    undeclared cache: each principal's school report and every overdue list ran again."""
    from kdcl import auth, sessions

    auth.add_user(app_store, "ht_s1", "mat-khau-ht-s1", "principal", school_id="S1")
    principal = Scope(school_id="S1", role="principal", user="ht_s1")
    query = pi.ItemQuery(bucket=None)
    loads = [(school_data.school_report, principal, FILTERS, "S1"),
             (pi.item_page, principal, FILTERS, query), (pi.overdue_summary, EVERYTHING, FILTERS),
             (pi.school_options, principal, FILTERS), (pi.criterion_options, principal, FILTERS)]
    for fn, *args in loads:
        assert statements_run(fn, *args), fn.__name__
    assert statements_run(d.data_freshness) != []

    scope = auth.authenticate(app_store, "ht_s1", "mat-khau-ht-s1")
    sessions.start(app_store, scope.user)
    for fn, *args in loads:
        assert statements_run(fn, *args) == [], fn.__name__  # still cached
    assert statements_run(d.data_freshness) != []  # undeclared: keyed on every write, the sign-in's too


def test_a_principal_save_keeps_the_other_principals_plan_caches(app_store):
    """Under a deadline every principal saves statuses: a save of S1's item empties what S1's principal
    and the office read of the plans, not S2's principal's (a one-school scope reads its own school's
    plans only); a write whose schools are not known empties everyone's."""
    s1, s2 = (Scope(school_id=s, role="principal", user=f"ht_{s.lower()}") for s in ("S1", "S2"))
    office = Scope(unit_id="P", role="office", user="phong")
    query = pi.ItemQuery(bucket=None)
    loads = {"s1": (pi.item_page, s1, FILTERS, query), "s2": (pi.item_page, s2, FILTERS, query),
             "s2 summary": (pi.overdue_summary, s2, FILTERS), "s2 report": (school_data.school_report, s2, FILTERS, "S2"),
             "office": (pi.item_page, office, FILTERS, query)}
    for fn, *args in loads.values():
        assert statements_run(fn, *args)

    updates.update_item(app_store, s1, 1, 1, status="done", completed_on=date(2025, 5, 20), today=date(2025, 6, 1))
    ran = {name: statements_run(fn, *args) for name, (fn, *args) in loads.items()}
    assert ran["s1"] and ran["office"]  # what saw S1's item reads it again
    assert ran["s2"] == ran["s2 summary"] == ran["s2 report"] == []  # S2's principal keeps its entries
    assert pi.item_page(app_store, s1, FILTERS, query).rows.set_index("item_id").loc[1, "status"] == "done"
    assert ui.load(pi.item_page, s1, FILTERS, query).rows.set_index("item_id").loc[1, "status"] == "done"

    with app_store.transaction() as tx:  # a plan write naming no school: any school's plans may have changed
        tx.run("write/import_cleanup_superseded")
    assert statements_run(*loads["s2"]) and statements_run(*loads["s2 report"])


def test_the_entries_of_an_older_family_version_are_let_go(app_store):
    calls = []

    def counted(_store):
        calls.append(1)
        return len(calls)

    versions = app_store.versions()
    ui.load(d.units, EVERYTHING)
    levels_key = ui.cache_key_versions(d.school_levels, versions)
    plans_key = ui.cache_key_versions(d.school_plan_status, versions)
    assert ui._cached(counted, "test.levels", app_store.path, levels_key, ()) == 1
    assert ui._cached(counted, "test.plans", app_store.path, plans_key, ()) == 2
    updates.update_item(app_store, Scope(unit_id="P", role="office", user="phong"), 1, 1, status="done",
                        completed_on=date(2025, 5, 20), today=date(2025, 6, 1))
    ui.load(d.units, EVERYTHING)  # the next load sees the new versions
    assert ui._cached(counted, "test.levels", app_store.path, levels_key, ()) == 1  # kept
    assert ui._cached(counted, "test.plans", app_store.path, plans_key, ()) == 3  # let go: computed again


def test_a_caller_changing_its_frame_cannot_change_the_cache(app_store):
    """Cached results are shared by every session (st.cache_resource): whatever a page does to its
    frame, list or dataclass stays in that page."""
    first = ui.load(d.school_levels, EVERYTHING, FILTERS)
    expected = first.copy(deep=True)
    first.loc[:, "overall_level"] = 9
    first.iloc[0, first.columns.get_loc("name")] = "changed"
    first["assessed"] += 100
    first["new_column"] = 1
    first.index = first.index + 10
    del first["unit_name"]
    with pytest.raises(ValueError):  # a shared array is read-only, never written through
        first["ge1"].to_numpy()[0] = -1
    again = ui.load(d.school_levels, EVERYTHING, FILTERS)
    assert again.equals(expected) and list(again.columns) == list(expected.columns)
    assert again is not ui.load(d.school_levels, EVERYTHING, FILTERS)  # each caller has its own

    overview = ui.load(d.overview, EVERYTHING, FILTERS)
    kpis, schools = dict(overview.kpis), overview.schools.copy(deep=True)
    overview.kpis["schools_total"] = -1
    overview.schools.loc[:, "plan_items"] = -1
    overview.schools = None
    again = ui.load(d.overview, EVERYTHING, FILTERS)
    assert again.kpis == kpis and again.schools.equals(schools)

    years = ui.load(d.school_years)
    years.append("1999-2000")
    assert "1999-2000" not in ui.load(d.school_years)


def test_private_views_copy_nothing_until_written():
    frame = pd.DataFrame({"a": [1, 2, 3]})
    view = ui._private(frame)
    assert view is not frame and np.shares_memory(view["a"].to_numpy(), frame["a"].to_numpy())
    view.loc[0, "a"] = 7
    assert frame["a"].tolist() == [1, 2, 3] and view["a"].tolist() == [7, 2, 3]
    nested = {"k": [frame, ("x", frame)]}
    copied = ui._private(nested)
    copied["k"][1][1].loc[1, "a"] = 8
    copied["k"].append(None)
    assert frame["a"].tolist() == [1, 2, 3] and len(nested["k"]) == 2


def test_a_write_frees_the_entries_of_older_versions(app_store):
    store = app_store
    calls = []

    def counted(_store):
        calls.append(1)
        return len(calls)

    before = store.data_version
    years = ui.load(d.school_years)  # load() notes the version it serves
    assert ui._cached(counted, "test.counted", store.path, before, ()) == 1
    assert ui._cached(counted, "test.counted", store.path, before, ()) == 1  # cached: not called again
    assert len(calls) == 1

    with store.transaction():
        pass  # any committed write bumps the version
    assert store.data_version == before + 1
    assert ui.load(d.school_years) == years  # the next load serves the new version ...
    assert ui._cached(counted, "test.counted", store.path, before, ()) == 2  # ... and the old entry is gone
    st.cache_resource.clear()
