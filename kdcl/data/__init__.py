"""Data functions used by pages, the CLI and exports.

Every function takes the user's `Scope` (which schools they may see) and the page's
`Filters`; the scope is applied inside the SQL (`scoped_schools`), so no caller can
ask for data outside it. Results are plain DataFrames/dicts; rules come from
kdcl.rules. Nothing here imports Streamlit or DuckDB. Each page's data lives in a submodule
(kdcl.data.levels, kdcl.data.plan_items, ...); shared pieces are here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

import pandas as pd

from kdcl import rules
from kdcl.access import AccessDenied, Scope
from kdcl.db import FAMILIES, Store
from kdcl.strings import t

ASSESSMENTS, PLANS, SCHOOLS, CATALOG = "assessments", "plans", "schools", "catalog"


def reads(*families: str):
    """Declare the table families (kdcl.db.FAMILIES) a data function's statements read: ui.load keys
    its cache on their versions only, so a write to another family (a status save: plans) keeps its
    cached results. Undeclared functions are keyed on every write. tests/test_ui_cache.py
    checks each declaration against the tables its statements actually scan."""
    unknown = set(families) - FAMILIES.keys()
    if unknown:
        raise ValueError(f"unknown table families: {sorted(unknown)}")

    def mark(fn):
        fn.families = frozenset(families)
        return fn

    return mark


@dataclass(frozen=True)
class Filters:
    """What a page shows: one school year, an as-of date, optionally a unit and a type."""

    school_year: str
    as_of: date = field(default_factory=date.today)
    unit_id: str | None = None
    school_type: str | None = None
    risk_days: int = rules.RISK_DAYS_DEFAULT

    def params(self) -> dict[str, Any]:
        """The bound values of the filters: one per field, named as the field."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def params(scope: Scope, filters: Filters, **extra: Any) -> dict[str, Any]:
    """Bound values for a query: the user's scope, the page filters, and extras."""
    return {**scope.params(), **filters.params(), **extra}


def school_in_scope(store: Store, scope: Scope, school_id: str) -> bool:
    return bool(store.scalar("school_in_scope", **scope.params(), school_id=school_id))


def writable_schools(store: Store, scope: Scope, school_ids: list[str]) -> set[str]:
    """Those of `school_ids` the user may change (one query for a whole import file)."""
    if not scope.can_write or not school_ids:
        return set()
    return set(store.query("schools_in_scope", **scope.params(), school_ids=list(school_ids))["school_id"])


def require_write(store: Store, scope: Scope, school_id: str) -> None:
    """Every write about a school calls this first (inside the data layer)."""
    if not scope.can_write:
        raise AccessDenied(t("access.err.read_only"))
    if not school_in_scope(store, scope, school_id):
        raise AccessDenied(t("access.err.school", school_id=school_id))


# --------------------------------------------------------------------------- options


@reads(ASSESSMENTS, PLANS)
def school_years(store: Store) -> list[str]:
    return store.query("school_years")["school_year"].tolist()


@reads(SCHOOLS)
def units(store: Store, scope: Scope) -> pd.DataFrame:
    return store.query("units", scope_unit_id=scope.unit_id)


EXPORT_ROW_QUERIES = {"plan": "import_export_plan_rows", "assessment": "import_export_assessment_rows",
                      "schools": "import_export_school_rows"}


def export_rows(store: Store, scope: Scope, template: str, school_id: str | None = None,
                school_year: str | None = None) -> int:
    """How many rows the export of a template (plan | assessment | schools) would hold for these
    schools and year: counted before a file is built (the whole country is millions)."""
    return int(store.scalar(EXPORT_ROW_QUERIES[template], **scope.params(), unit_id=None, school_type=None,
                            school_id=school_id, school_year=school_year))


def data_freshness(store: Store) -> pd.Timestamp | None:
    value = store.scalar("data_freshness")
    return None if value is None or pd.isna(value) else pd.Timestamp(value)


# --------------------------------------------------------------------------- levels


@reads(ASSESSMENTS, SCHOOLS, CATALOG)
def school_levels(store: Store, scope: Scope, filters: Filters, kind: str = "self") -> pd.DataFrame:
    """One row per school in scope: its level profile and overall level (<NA> when the
    school has no complete assessment of `kind` that year)."""
    profiles = store.query("school_level_profile", **params(scope, filters, kind=kind))
    profiles["overall_level"] = rules.school_levels(profiles) if len(profiles) else pd.Series(dtype="Int64")
    return profiles


@reads(PLANS, SCHOOLS)
def school_plan_status(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """One row per school in scope: its plan items by bucket on the as-of date, and budget."""
    return store.query("school_plan_status", **params(scope, filters))


@reads(ASSESSMENTS, PLANS, SCHOOLS, CATALOG)  # school_criterion_year: assessments and plans (0014)
def criterion_weakness(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """One row per criterion of the frameworks in scope: schools with a plan item on it."""
    return store.query("criterion_weakness", **params(scope, filters))


@dataclass
class Overview:
    schools: pd.DataFrame  # levels and plan status per school
    kpis: dict[str, Any]


def overview(store: Store, scope: Scope, filters: Filters) -> Overview:
    return overview_of(school_levels(store, scope, filters), school_plan_status(store, scope, filters))


def overview_of(levels: pd.DataFrame, status: pd.DataFrame) -> Overview:
    """The overview from `school_levels` and `school_plan_status` (a page loads them through the
    cache one by one: a status save keeps the levels)."""
    schools = levels.merge(status, on="school_id", how="left")
    reported = int((schools["assessed"] > 0).sum())
    level_known = schools["overall_level"].notna()
    kpis = {
        "schools_total": len(schools),
        "schools_reported": reported,
        "schools_level2_plus": int((schools.loc[level_known, "overall_level"] >= 2).sum()),
        "schools_with_level": int(level_known.sum()),
        "plan_items": int(schools["plan_items"].sum()),
        "done_items": int(schools["done_items"].sum()),
        "done_late_items": int(schools["done_late_items"].sum()),
        "open_items": int(schools["open_items"].sum()),
        "overdue_items": int(schools["overdue_items"].sum()),
        "at_risk_items": int(schools["at_risk_items"].sum()),
        "budget_vnd": int(schools["budget_vnd"].sum()),
    }
    return Overview(schools=schools, kpis=kpis)


def level_distribution(schools: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Count of schools per overall level (None = not assessed), optionally per `by`."""
    frame = schools.assign(level=schools["overall_level"].astype("object").where(schools["overall_level"].notna()))
    keys = [by, "level"] if by else ["level"]
    counts = frame.groupby(keys, dropna=False).size().rename("schools").reset_index()
    counts["level"] = counts["level"].map(lambda v: None if pd.isna(v) else int(v))
    return counts


BUCKET_COLUMNS = {b: f"{b}_items" for b in rules.BUCKETS}


def bucket_totals(schools: pd.DataFrame) -> pd.DataFrame:
    """Total plan items per bucket (overdue, at risk, ...), in the fixed bucket order."""
    rows = [(b, int(schools[col].sum())) for b, col in BUCKET_COLUMNS.items()]
    return pd.DataFrame(rows, columns=["bucket", "items"])


# --------------------------------------------------------------------------- summary


def summary(store: Store, scope: Scope, filters: Filters) -> dict[str, Any]:
    """The machine-readable summary (`python -m kdcl summary --json`)."""
    ov = overview(store, scope, filters)
    schools = []
    for row in ov.schools.itertuples(index=False):
        level = None if pd.isna(row.overall_level) or row.assessed == 0 else int(row.overall_level)
        schools.append(
            {
                "school_id": row.school_id,
                "name": row.name,
                "framework": row.framework_id,
                "overall_level": level,
                "criteria_total": int(row.criteria_total),
                "criteria_assessed": int(row.assessed),
                "criteria_at_or_above": {"1": int(row.ge1), "2": int(row.ge2), "3": int(row.ge3)},
                "level3_applicable": int(row.m3_applicable),
                "plan_items": int(row.plan_items),
                "open_items": int(row.open_items),
                "overdue_items": int(row.overdue_items),
            }
        )
    criteria = [
        {
            "framework": row.framework_id,
            "criterion_code": row.criterion_code,
            "schools_with_weakness": int(row.schools_with_weakness),
            "schools_in_scope": int(row.schools_in_scope),
            "open_items": int(row.open_items),
            "overdue_items": int(row.overdue_items),
        }
        for row in criterion_weakness(store, scope, filters).itertuples(index=False)
    ]
    return {
        "as_of": filters.as_of.isoformat(),
        "school_year": filters.school_year,
        "risk_days": filters.risk_days,
        "schools": schools,
        "criteria": criteria,
    }
