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


# --------------------------------------------------------------------------- what the page shows (issue 19)
# The "Mức đạt" page only draws: every count, filter and order it shows is computed here, from
# the frames the functions above return (so these are cheap and need no store).


@dataclass
class Headline:
    """The page's first row of numbers: schools assessed, and at mức 2 or above among those
    with a complete assessment."""

    schools: int
    assessed: int
    complete: int
    level2: int


def headline(schools: pd.DataFrame) -> Headline:
    """`Headline` of data.school_levels."""
    known = schools["overall_level"].notna()
    return Headline(
        schools=len(schools),
        assessed=int((schools["assessed"] > 0).sum()),
        complete=int(known.sum()),
        level2=int((schools.loc[known, "overall_level"] >= 2).sum()),
    )


def assessed_frameworks(frameworks: pd.DataFrame) -> pd.DataFrame:
    """The rows of `frameworks` (the function above) with schools assessed this year."""
    return frameworks[frameworks["assessed"] > 0]


def assessed_schools(frameworks: pd.DataFrame, framework_id: str) -> int:
    """Schools assessed this year under `framework_id`, from `frameworks`."""
    return int(frameworks.set_index("framework_id").at[framework_id, "assessed"])


def school_type_counts(schools: pd.DataFrame) -> dict[str, int]:
    """Schools per school type code."""
    return {str(k): int(v) for k, v in schools["school_type"].value_counts().items()}


def unit_counts(schools: pd.DataFrame) -> pd.DataFrame:
    """unit_id (index), unit_name, schools: the units of data.school_levels, by name."""
    names = schools.drop_duplicates("unit_id").set_index("unit_id")["unit_name"]
    counts = schools["unit_id"].value_counts()
    out = pd.DataFrame({"unit_name": names, "schools": counts.reindex(names.index).astype(int)})
    return out.sort_values("unit_name")


def unit_level_table(by_unit: pd.DataFrame, unit_names: pd.Series) -> pd.DataFrame:
    """Schools per unit and level (data.level_distribution by unit_id), with the total and the
    share (percent) at mức 2 or above: unit, n0..n3, none (only when some school has no level),
    total, share2; by unit name."""
    counts = by_unit.assign(level=by_unit["level"].map(lambda v: "none" if v is None or pd.isna(v) else int(v)))
    table = counts.pivot_table(index="unit_id", columns="level", values="schools", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=[0, 1, 2, 3, "none"], fill_value=0)
    table.columns = ["n0", "n1", "n2", "n3", "none"]
    table["total"] = table.sum(axis=1)
    known = (table["total"] - table["none"]).replace(0, pd.NA)
    table["share2"] = ((table["n2"] + table["n3"]) / known * 100).astype("Float64")
    table.insert(0, "unit", unit_names.reindex(table.index).to_numpy())
    if not table["none"].any():
        table = table.drop(columns="none")
    return table.sort_values("unit").reset_index(drop=True)


def moved(movement: Movement, change: str) -> pd.DataFrame:
    """The schools of `movement` whose level changed as `change` (up, same, down,
    not_comparable), by unit and name."""
    rows = movement.schools[movement.schools["change"] == change]
    return rows.sort_values(["unit_name", "name"])


def first_change(movement: Movement) -> str:
    """The list the page opens first: down, else up, else same (down when nothing moved)."""
    return next((c for c in ("down", "up", "same") if movement.counts.get(c)), "down")


SCHOOL_SORTS = {  # sort key -> (columns, ascending) of matrix_schools
    "level": (["level", "gap", "name"], [True, False, True]),
    "name": (["name"], [True]),
    "unit": (["unit_name", "name"], [True, True]),
}


def matrix_schools(cells: pd.DataFrame, gaps: pd.DataFrame, sort: str) -> pd.DataFrame:
    """The schools of a school_matrix, ordered by `sort` (SCHOOL_SORTS): index school_id;
    name, unit_name, level (float, NaN when incomplete), gap (criteria to the next level)."""
    info = cells.drop_duplicates("school_id").set_index("school_id")[["name", "unit_name"]]
    by_school = gaps.set_index("school_id")
    frame = info.assign(level=by_school["level"].reindex(info.index).astype("float"),
                        gap=by_school["gap_count"].reindex(info.index).fillna(0))
    by, ascending = SCHOOL_SORTS[sort]
    return frame.sort_values(by, ascending=ascending, na_position="last")


def page_of(rows: list, page: int, per_page: int) -> list:
    """Rows of page `page` (from 1) of `per_page` rows."""
    return rows[(page - 1) * per_page: page * per_page]


def pages(n: int, per_page: int) -> int:
    """How many pages `n` rows take."""
    return -(-n // per_page)


@dataclass
class UnitTotals:
    """The units of a criterion_by_unit frame: names (by unit_id) and schools assessed."""

    names: pd.Series
    schools: pd.Series

    @property
    def by_name(self) -> list[str]:
        return self.names.sort_values().index.tolist()


def unit_totals(by_unit: pd.DataFrame) -> UnitTotals:
    """`UnitTotals` of criterion_by_unit."""
    return UnitTotals(by_unit.drop_duplicates("unit_id").set_index("unit_id")["unit_name"],
                      by_unit.groupby("unit_id")["schools"].max())


def unit_shares(by_unit: pd.DataFrame, catalog: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """criterion_by_unit with the criterion's max_level and `share` at mức `threshold` or above."""
    cells = by_unit.merge(catalog[["criterion_code", "max_level"]], on="criterion_code")
    cells["share"] = share_at_least(cells, threshold, cells["max_level"])
    return cells


def unit_order(cells: pd.DataFrame, totals: UnitTotals, sort: str) -> list[str]:
    """Unit ids of `unit_shares` by name, or with sort="weakest" the lowest mean share first."""
    if sort == "weakest":
        return cells.groupby("unit_id")["share"].mean().sort_values().index.tolist()
    return totals.by_name


def top_blocking(gaps: pd.DataFrame, framework_id: str, top: int = 10) -> pd.DataFrame:
    """The blocking_counts rows of `framework_id`'s `top` most blocking criteria."""
    blocking = blocking_counts(gaps)
    blocking = blocking[blocking["framework_id"] == framework_id]
    codes = blocking.groupby("criterion_code", sort=False)["schools"].sum().head(top).index
    return blocking[blocking["criterion_code"].isin(codes)]


@dataclass
class GapSummary:
    near: int  # at most two criteria from the next level
    top: int  # at the top level of their rule
    incomplete: int  # assessment incomplete, no level


def gap_summary(gaps: pd.DataFrame) -> GapSummary:
    """`GapSummary` of school_gaps."""
    has_target = gaps["target_level"].notna()
    return GapSummary(
        near=int((has_target & (gaps["gap_count"] <= 2)).sum()),
        top=int((gaps["level"].notna() & ~has_target).sum()),
        incomplete=int(gaps["level"].isna().sum()),
    )


def gap_list(gaps: pd.DataFrame, level: int | None = None) -> pd.DataFrame:
    """The schools of school_gaps with a next level (at `level` when given), nearest first."""
    shown = gaps[gaps["target_level"].notna()]
    if level is not None:
        shown = shown[shown["level"] == level]
    return shown.sort_values(["target_level", "gap_count", "name"])


@dataclass
class ExternalSummary:
    schools: int  # schools with both assessments this year
    lower_level: int  # ... whose external level is below their own
    criteria_lower: int  # criteria the external team put lower, over those schools
    criteria_compared: int


def external_summary(by_school: pd.DataFrame) -> ExternalSummary:
    """`ExternalSummary` of SelfVsExternal.by_school."""
    lower = (by_school["external_level"] < by_school["self_level"]).fillna(False)
    return ExternalSummary(len(by_school), int(lower.sum()), int(by_school["external_lower"].sum()),
                           int(by_school["criteria_compared"].sum()))


def external_differences(by_criterion: pd.DataFrame) -> pd.DataFrame:
    """The criteria of SelfVsExternal.by_criterion where the teams differ, most differences first."""
    diff = by_criterion[(by_criterion["external_lower"] + by_criterion["external_higher"]) > 0]
    return (diff.assign(_n=diff["external_lower"] + diff["external_higher"])
            .sort_values(["_n", "framework_id"], ascending=[False, True]).drop(columns="_n"))


def external_schools(by_school: pd.DataFrame) -> pd.DataFrame:
    """SelfVsExternal.by_school, most criteria put lower first."""
    return by_school.sort_values(["external_lower", "name"], ascending=[False, True])


def school_years_until(years: pd.DataFrame, history: pd.DataFrame, school_year: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A school report's years and criterion history up to `school_year` (a principal's view)."""
    return (years[years["school_year"] <= school_year],
            history[history["school_year"] <= school_year])
