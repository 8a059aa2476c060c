"""Common weaknesses by criterion across schools (page "Điểm yếu chung", issue 6).

Counting happens in SQL (queries/weakness_*.sql); this module adds shares, picks what a
page shows, and groups weakness texts into themes with kdcl.themes. No Streamlit here.

Definitions used on the page:
- a school "has a weakness" on a criterion when a plan covering the school year has an item on it;
- chronic: items on the same criterion in this and the previous school year(s) without a gap,
  from two or more plans (one multi-year plan is one record, not a recurrence);
- below target: the latest self-assessed level (at or before the year) is below the highest
  level the school's items on the criterion target;
- measures that worked: items of a plan whose school's level on the criterion went up from the
  plan's first year to the next year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kdcl import themes
from kdcl.access import Scope
from kdcl.data import ASSESSMENTS, CATALOG, PLANS, SCHOOLS, Filters, params, reads
from kdcl.db import Store
from kdcl.strings import t

ITEM_LIMIT = 500  # rows of a criterion's item list sent to the page
SEARCH_LIMIT = 300
MEASURE_LIMIT = 300
THEME_TEXT_LIMIT = themes.MAX_TEXTS


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    whole = whole.astype("float64")
    return (part.astype("float64") / whole.where(whole > 0)).astype("float64")


@reads(ASSESSMENTS, PLANS, SCHOOLS, CATALOG)  # school_criterion_year: assessments and plans (0014)
def criteria(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """One row per criterion of every framework in scope: schools with items this year and
    their share of the framework's schools, chronic schools, schools below their target."""
    frame = store.query("weakness_criteria", **params(scope, filters))
    frame["share"] = _share(frame["schools_with_items"], frame["schools_in_scope"])
    frame["chronic_share"] = _share(frame["chronic_schools"], frame["schools_with_items"])
    frame["below_target_share"] = _share(frame["below_target_schools"], frame["level_known_schools"])
    return frame


def frameworks(criteria_frame: pd.DataFrame) -> pd.DataFrame:
    """The frameworks present in a `criteria` frame, most schools first: framework_id,
    framework_title, schools_in_scope, schools_with_plan, criteria_with_items."""
    if criteria_frame.empty:
        return pd.DataFrame(
            columns=["framework_id", "framework_title", "schools_in_scope", "schools_with_plan", "criteria_with_items"]
        )
    grouped = criteria_frame.groupby(["framework_id", "framework_title"], as_index=False).agg(
        schools_in_scope=("schools_in_scope", "max"),
        schools_with_plan=("schools_with_plan", "max"),
        criteria_with_items=("schools_with_items", lambda s: int((s > 0).sum())),
    )
    return grouped.sort_values(["schools_in_scope", "framework_id"], ascending=[False, True]).reset_index(drop=True)


def ranking(criteria_frame: pd.DataFrame, framework_id: str, top: int | None = None) -> pd.DataFrame:
    """Criteria of one framework with at least one school, most schools first (ties: catalog order)."""
    rows = criteria_frame[(criteria_frame["framework_id"] == framework_id) & (criteria_frame["schools_with_items"] > 0)]
    rows = rows.sort_values(["schools_with_items", "items", "sort_order"], ascending=[False, False, True])
    return (rows.head(top) if top else rows).reset_index(drop=True)


# --------------------------------------------------------------------------- chronic


@reads(ASSESSMENTS, PLANS, SCHOOLS, CATALOG)
def chronic(store: Store, scope: Scope, filters: Filters, framework_id: str | None) -> pd.DataFrame:
    """One row per school and criterion with a chronic weakness ending this school year."""
    return store.query("weakness_chronic", **params(scope, filters, framework_id=framework_id))


def chronic_by_school(chronic_frame: pd.DataFrame) -> pd.DataFrame:
    """One row per school: its chronic criteria ("1.5 (3 năm)" ...), how many, the longest streak.
    Pages call it on the `chronic` frame they already loaded (no second query)."""
    if chronic_frame.empty:
        columns = ["school_id", "school_name", "unit_name", "criteria", "chronic_criteria", "longest"]
        return pd.DataFrame(columns=columns)
    ordered = chronic_frame.sort_values(["school_id", "years", "sort_order"], ascending=[True, False, True])
    labels = (ordered["criterion_code"] + " (" + ordered["years"].astype(str) + " " + t("unit.years") + ")").tolist()
    # one school = one run of rows (sorted by school, longest first): join each run's labels
    # without a Python call per group (tens of thousands of schools at a province)
    ids = ordered["school_id"].to_numpy()
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    ends = np.r_[starts[1:], len(ids)]
    first = ordered.iloc[starts].reset_index(drop=True)
    grouped = pd.DataFrame({
        "school_id": first["school_id"],
        "school_name": first["school_name"],
        "unit_name": first["unit_name"],
        "criteria": [", ".join(labels[a:b]) for a, b in zip(starts.tolist(), ends.tolist())],
        "chronic_criteria": (ends - starts).astype(np.int64),
        "longest": first["years"].astype(np.int64),
    })
    return grouped.sort_values(
        ["chronic_criteria", "longest", "school_name"], ascending=[False, False, True]
    ).reset_index(drop=True)


# --------------------------------------------------------------------------- item lists


@dataclass(frozen=True)
class ItemList:
    rows: pd.DataFrame
    total: int  # matching items before the row limit
    from_reports: int = 0  # search: of `total`, the matches from assessment reports (issue 15)

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


def _item_list(frame: pd.DataFrame) -> ItemList:
    total = int(frame["total"].iloc[0]) if len(frame) else 0
    return ItemList(frame.drop(columns="total"), total)


def items(
    store: Store,
    scope: Scope,
    filters: Filters,
    framework_id: str,
    criterion_code: str | None,
    all_years: bool = False,
    limit: int = ITEM_LIMIT,
) -> ItemList:
    """Plan items (weakness, measures, status) on a criterion (None = every criterion of the
    framework) this school year, or in every plan up to it with `all_years`."""
    frame = store.query(
        "weakness_items",
        **params(scope, filters, framework_id=framework_id, criterion_code=criterion_code, all_years=all_years,
                 limit=limit),
    )
    return _item_list(frame)


def search(store: Store, scope: Scope, filters: Filters, query: str, limit: int = SEARCH_LIMIT) -> ItemList:
    """Plan items of any school year whose weakness or measures contain `query`, ignoring
    accents, case and repeated spaces (the school year filter does not apply), and the criteria of
    imported assessment reports whose weakness or improvement text contains it (column `source`;
    `ItemList.from_reports`: how many of all the matches come from reports)."""
    query = themes.clean(query)
    if not query:
        return ItemList(pd.DataFrame(), 0)
    frame = store.query("weakness_search", **params(scope, filters, query=query, limit=limit))
    from_reports = int(frame["report_total"].iloc[0]) if len(frame) else 0
    found = _item_list(frame.drop(columns="report_total"))
    return ItemList(found.rows, found.total, from_reports)


# --------------------------------------------------------------------------- themes


@dataclass(frozen=True)
class ThemeResult:
    themes: pd.DataFrame  # kdcl.themes.THEME_COLUMNS
    texts: int  # distinct texts grouped
    capped: bool  # only the THEME_TEXT_LIMIT most frequent texts were grouped


def weakness_themes(
    store: Store, scope: Scope, filters: Filters, framework_id: str, criterion_code: str | None
) -> ThemeResult:
    """This year's weakness texts on a criterion (None = the whole framework) grouped into themes."""
    frame = store.query(
        "weakness_texts",
        **params(scope, filters, framework_id=framework_id, criterion_code=criterion_code,
                 limit=THEME_TEXT_LIMIT + 1),
    )
    capped = len(frame) > THEME_TEXT_LIMIT
    found, _ = themes.group_themes(
        frame.head(THEME_TEXT_LIMIT), school="schools", criterion="criteria", weight="items"
    )
    return ThemeResult(found, min(len(frame), THEME_TEXT_LIMIT), capped)


# --------------------------------------------------------------------------- measures that worked


@dataclass(frozen=True)
class MeasuresWorked:
    rows: pd.DataFrame  # improved items, biggest gain first
    known: int  # items whose level in the plan year and the next one are both known
    improved: int  # of those, items whose level went up

    @property
    def share(self) -> float | None:
        return None if self.known == 0 else self.improved / self.known


def measures_worked(
    store: Store,
    scope: Scope,
    filters: Filters,
    framework_id: str,
    criterion_code: str | None,
    limit: int = MEASURE_LIMIT,
) -> MeasuresWorked:
    frame = store.query(
        "weakness_measures_worked",
        **params(scope, filters, framework_id=framework_id, criterion_code=criterion_code, limit=limit),
    )
    if frame.empty:
        return MeasuresWorked(frame, 0, 0)
    known, improved = int(frame["known_items"].iloc[0]), int(frame["improved_items"].iloc[0])
    rows = frame[frame["improved"]].drop(columns=["known_items", "improved_items", "improved"])
    rows = rows.assign(gain=(rows["level_after"] - rows["level_before"]).astype(np.int64))
    return MeasuresWorked(rows.reset_index(drop=True), known, improved)
