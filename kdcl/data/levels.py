"""Data for the "Mức đạt" page: school levels across the schools in scope, how they moved
since the previous year, levels per criterion (per school or aggregated per unit), the
gap to the next level, and self- vs external assessment.

Everything that scales with the number of schools is aggregated in SQL; what remains in
pandas is one row per school (or per unit x criterion), handled with vectorised code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kdcl import data, rules
from kdcl.access import Scope
from kdcl.data import ASSESSMENTS, CATALOG, SCHOOLS, Filters, reads
from kdcl.db import Store

KIND = "self"
CHANGES = ("up", "same", "down")


def _nullable_level(values: pd.Series) -> pd.Series:
    return values.astype("Int64")


# --------------------------------------------------------------------------- frameworks


@reads(ASSESSMENTS, SCHOOLS, CATALOG)
def frameworks(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """Frameworks used by the schools in scope: framework_id, family, circular, rule,
    schools, assessed (schools with a self-assessment this year); most assessed first."""
    return store.query("levels_frameworks", **data.params(scope, filters, kind=KIND))


@reads(CATALOG)
def criteria(store: Store, framework_id: str) -> pd.DataFrame:
    """The catalog of one framework: standard_no, standard_name, criterion_code,
    criterion_name, max_level, mandatory, in catalog order."""
    return store.query("levels_criteria", framework_id=framework_id)


# --------------------------------------------------------------------------- movement


@dataclass
class Movement:
    """Schools in scope with their level this year and the year before."""

    school_year: str
    previous_year: str
    schools: pd.DataFrame  # school_id, name, school_type, unit_name, level_previous, level, change
    counts: dict[str, int] = field(default_factory=dict)  # up, same, down, not_comparable

    @property
    def comparable(self) -> int:
        return sum(self.counts.get(c, 0) for c in CHANGES)


@reads(ASSESSMENTS, SCHOOLS, CATALOG)
def previous_levels(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """school_id, overall_level of every school in scope in the school year before
    `filters.school_year` (what `movement` compares with; two columns, cheap to cache)."""
    before = dataclasses.replace(filters, school_year=rules.previous_school_year(filters.school_year))
    return data.school_levels(store, scope, before)[["school_id", "overall_level"]]


def movement(store: Store, scope: Scope, filters: Filters) -> Movement:
    """How each school's overall level changed from the previous school year (only
    schools with a complete assessment in both years are compared)."""
    now = data.school_levels(store, scope, filters)
    return movement_between(now, previous_levels(store, scope, filters), filters.school_year)


def movement_between(now: pd.DataFrame, before: pd.DataFrame, school_year: str) -> Movement:
    """`movement` from this year's data.school_levels and `previous_levels` (a page that
    already has this year's levels loads only the previous year's)."""
    previous_year = rules.previous_school_year(school_year)
    schools = now[["school_id", "name", "school_type", "unit_name", "overall_level"]].rename(
        columns={"overall_level": "level"}
    )
    schools = schools.merge(
        before[["school_id", "overall_level"]].rename(columns={"overall_level": "level_previous"}),
        on="school_id",
        how="left",
    )
    level = _nullable_level(schools["level"])
    previous = _nullable_level(schools["level_previous"])
    both = level.notna() & previous.notna()
    diff = (level.fillna(0) - previous.fillna(0)).to_numpy()
    change = np.select([~both.to_numpy(), diff > 0, diff < 0], ["not_comparable", "up", "down"], default="same")
    schools["level"], schools["level_previous"], schools["change"] = level, previous, change
    counts = {c: int((schools["change"] == c).sum()) for c in (*CHANGES, "not_comparable")}
    return Movement(school_year, previous_year, schools, counts)


def transitions(schools: pd.DataFrame) -> pd.DataFrame:
    """Schools per (previous level, level) among the comparable ones: a square table,
    rows = previous year's level, columns = this year's level (0..3)."""
    comparable = schools[schools["change"] != "not_comparable"]
    table = pd.crosstab(comparable["level_previous"].astype(int), comparable["level"].astype(int))
    return table.reindex(index=range(4), columns=range(4), fill_value=0)


# --------------------------------------------------------------------------- criterion levels


@reads(ASSESSMENTS, SCHOOLS, CATALOG)
def criterion_by_unit(store: Store, scope: Scope, filters: Filters, framework_id: str) -> pd.DataFrame:
    """Per current supervising unit and criterion of `framework_id`: schools assessed and
    how many are at each level (n0..n3). Aggregated in SQL, so it stays small at any scale."""
    return store.query("levels_criterion_unit", **data.params(scope, filters, kind=KIND, framework_id=framework_id))


def criterion_distribution(by_unit: pd.DataFrame, catalog: pd.DataFrame) -> pd.DataFrame:
    """Per criterion (catalog order): schools assessed, n0..n3 and the share at each
    level, summed over the units of `criterion_by_unit`."""
    counts = by_unit.groupby("criterion_code")[["schools", "n0", "n1", "n2", "n3"]].sum()
    out = catalog.merge(counts, left_on="criterion_code", right_index=True, how="left")
    for col in ("schools", "n0", "n1", "n2", "n3"):
        out[col] = out[col].fillna(0).astype(int)
    total = out["schools"].replace(0, np.nan)
    for lvl in range(4):
        out[f"share{lvl}"] = (out[f"n{lvl}"] / total).fillna(0.0)
    return out.reset_index(drop=True)


def share_at_least(frame: pd.DataFrame, level: int, max_levels: pd.Series | None = None) -> pd.Series:
    """Share of schools at mức `level` or above (n0..n3 / schools); <NA> where the
    criterion cannot reach that level (max_level below it) or nobody was assessed."""
    reached = frame[[f"n{lvl}" for lvl in range(level, 4)]].sum(axis=1)
    share = (reached / frame["schools"].replace(0, np.nan)).astype("Float64")
    if max_levels is not None:
        share = share.mask(max_levels.to_numpy() < level)
    return share


@reads(ASSESSMENTS, SCHOOLS, CATALOG)
def school_matrix(store: Store, scope: Scope, filters: Filters, framework_id: str) -> pd.DataFrame:
    """Criterion levels of every assessed school of `framework_id` in scope (long form:
    school_id, name, school_type, unit_id, unit_name, criterion_code, level <NA> if missing).
    Callers page it: the browser never gets more than a screenful of schools."""
    frame = store.query("levels_criterion_matrix", **data.params(scope, filters, kind=KIND, framework_id=framework_id))
    frame["level"] = _nullable_level(frame["level"])
    return frame


# --------------------------------------------------------------------------- gaps


def _pick_gaps(frame: pd.DataFrame, target: pd.Series) -> list[list[str]]:
    """The SQL gap list (2018 rule) matching each school's target level; [] without target."""
    columns = [frame[f"gap_{lvl}"].tolist() for lvl in (1, 2, 3)]
    return [
        [] if pd.isna(t) or not 1 <= int(t) <= 3 or columns[int(t) - 1][i] is None else list(columns[int(t) - 1][i])
        for i, t in enumerate(target.tolist())
    ]


@reads(ASSESSMENTS, SCHOOLS, CATALOG)
def school_gaps(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """Every school in scope with a self-assessment this year: its level, the next level,
    and the criteria keeping it from that level (rules.blocking_criteria, computed for all
    schools at once from the SQL gap lists under the 2018 rule).

    Columns: school_id, name, school_type, framework_id, rule, unit_name, level (<NA> when
    the assessment is incomplete), target_level (<NA> at the top level or when incomplete),
    gap (list of codes), gap_count."""
    profiles = data.school_levels(store, scope, filters)
    profiles = profiles[profiles["assessed"] > 0].reset_index(drop=True)
    gaps = store.query("levels_school_gap", **data.params(scope, filters, kind=KIND))
    frame = profiles.merge(gaps, on="school_id", how="left")
    level = _nullable_level(frame["overall_level"])
    top = frame["rule"].map(lambda r: rules.RULES[r].top_level).astype("Int64")
    target = (level + 1).where(level < top)
    gap = pd.Series(_pick_gaps(frame, target), index=frame.index, dtype=object)
    # frameworks with another rule (TT57/2026): the rule's own blocking function, per school
    other = frame["rule"].ne("tt2018") & target.notna()
    if other.any():
        gap[other] = _other_rule_gaps(store, scope, filters, frame[other], target[other])
    out = frame[["school_id", "name", "school_type", "framework_id", "rule", "unit_id", "unit_name",
                 "criteria_total", "assessed"]].copy()
    out["level"] = level
    out["target_level"] = target.astype("Int64")
    out["gap"] = gap
    out["gap_count"] = out["gap"].map(len).astype(int)
    return out


def _other_rule_gaps(
    store: Store, scope: Scope, filters: Filters, schools: pd.DataFrame, target: pd.Series
) -> pd.Series:
    out = pd.Series([[] for _ in range(len(schools))], index=schools.index, dtype=object)
    for framework_id, rows in schools.groupby("framework_id"):
        catalog = criteria(store, str(framework_id))
        max_levels = dict(zip(catalog["criterion_code"], catalog["max_level"].astype(int)))
        mandatory = frozenset(catalog.loc[catalog["mandatory"], "criterion_code"])
        matrix = school_matrix(store, scope, filters, str(framework_id))
        matrix = matrix[matrix["school_id"].isin(rows["school_id"])]
        by_school = {
            sid: {c: int(v) for c, v in zip(g["criterion_code"], g["level"]) if pd.notna(v)}
            for sid, g in matrix.groupby("school_id")
        }
        for idx, row in rows.iterrows():
            out[idx] = rules.blocking_criteria(
                by_school.get(row["school_id"], {}), max_levels, int(target[idx]), row["rule"], mandatory
            )
    return out


def blocking_counts(gaps: pd.DataFrame) -> pd.DataFrame:
    """How many schools each criterion keeps from their next level, by target level:
    framework_id, criterion_code, target_level, schools (most blocking first)."""
    rows = gaps.loc[gaps["gap_count"] > 0, ["framework_id", "target_level", "gap"]].explode("gap")
    if rows.empty:
        return pd.DataFrame(columns=["framework_id", "criterion_code", "target_level", "schools"])
    counts = (
        rows.rename(columns={"gap": "criterion_code"})
        .groupby(["framework_id", "criterion_code", "target_level"])
        .size()
        .rename("schools")
        .reset_index()
    )
    counts["target_level"] = counts["target_level"].astype(int)
    total = counts.groupby(["framework_id", "criterion_code"])["schools"].transform("sum")
    return (
        counts.assign(_total=total)
        .sort_values(["_total", "framework_id", "criterion_code", "target_level"], ascending=[False, True, True, True])
        .drop(columns="_total")
        .reset_index(drop=True)
    )


# --------------------------------------------------------------------------- self vs external


@dataclass
class SelfVsExternal:
    school_year: str
    by_criterion: pd.DataFrame  # framework_id, criterion_code, schools, external_lower, same, external_higher, ...
    by_school: pd.DataFrame  # school_id, name, ..., self_level, external_level, external_lower, differences
    external_years: list[str]  # school years with an external assessment in scope (newest first)


@reads(ASSESSMENTS, SCHOOLS, CATALOG)
def self_vs_external(store: Store, scope: Scope, filters: Filters) -> SelfVsExternal:
    """Where a school has both a self- and an external assessment this year: the
    difference per criterion (summed over schools) and per school."""
    values = data.params(scope, filters)
    by_criterion = store.query("levels_external_criteria", **values)
    by_school = store.query("levels_external_schools", **values)
    years = store.query("levels_external_years", **values)["school_year"].tolist()
    if not by_school.empty:
        own = data.school_levels(store, scope, filters)
        ext = data.school_levels(store, scope, filters, kind="external")
        info = own[["school_id", "name", "school_type", "unit_name", "overall_level"]].rename(
            columns={"overall_level": "self_level"}
        )
        info = info.merge(
            ext[["school_id", "overall_level"]].rename(columns={"overall_level": "external_level"}), on="school_id"
        )
        by_school = info.merge(by_school, on="school_id", how="inner")
        by_school["differences"] = by_school["differences"].map(list)
    return SelfVsExternal(filters.school_year, by_criterion, by_school, years)
