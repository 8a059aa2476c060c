"""Data for the "Trường" page: one school's self-review.

The official summary counts and level, each criterion with its level, plan target and
plan items, the levels over the years, the school among its peers (aggregates only, and
only for groups of at least MIN_PEERS schools), and this year's plan items for a timeline.
Every query checks that the school is in the user's scope.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kdcl import rules
from kdcl.access import AccessDenied, Scope
from kdcl.data import ASSESSMENTS, CATALOG, PLANS, SCHOOLS, Filters, reads
from kdcl.db import Store
from kdcl.strings import t
from kdcl.text import fold_many

KIND = "self"
SCAN_LOOKUPS = 16  # SchoolChoices.label: lookups by scanning before building the position map
MIN_PEERS = 5  # peer groups smaller than this are never compared


@dataclass
class SchoolChoices:
    """The school picker's options: ids by name and their labels "name · unit (id)".

    Held as two Arrow arrays: the data cache copies the object on every page run, and 45,000
    Python strings cost ~35 ms each way where the arrays cost ~1 ms. The id list and the
    label lookup are made on first use in a run."""

    id_array: pa.Array
    label_array: pa.Array

    def __getstate__(self) -> dict:
        return {"id_array": self.id_array, "label_array": self.label_array}  # not what is derived

    @functools.cached_property
    def ids(self) -> list[str]:
        return self.id_array.to_pylist()

    @functools.cached_property
    def _position(self) -> dict[str, int]:
        return {sid: i for i, sid in enumerate(self.ids)}

    def label(self, school_id: str) -> str | None:
        """The label of a school among the choices (None for another id). The first few are found
        by scanning the array (a national picker labels only the school chosen); a long list of
        options builds the id -> position map once."""
        self._lookups = getattr(self, "_lookups", 0) + 1
        if self._lookups <= SCAN_LOOKUPS and "_position" not in self.__dict__:
            i = pc.index(self.id_array, school_id).as_py()
            i = None if i < 0 else i
        else:
            i = self._position.get(school_id)
        return None if i is None else self.label_array[i].as_py()

    def search_keys(self) -> list[str]:
        """The labels folded for searching (made only when someone searches: 45,000 take ~70 ms)."""
        return fold_many(self.label_array)


def matching(ids: list[str], keys: list[str], query: str, limit: int) -> list[str]:
    """The ids whose folded label (`keys`, from kdcl.text.fold_many) contains every word of `query`, accents
    and case ignored, in list order, at most `limit`."""
    words = fold_many([query or ""])[0].split()
    if not words:
        return []
    found = (sid for sid, key in zip(ids, keys) if all(w in key for w in words))
    return list(itertools.islice(found, limit))


@reads(SCHOOLS)
def school_choices(store: Store, scope: Scope, filters: Filters) -> SchoolChoices:
    """The schools the user may pick (scope, unit and type filters), by name, as the picker shows
    them (built once per data version and filters: the whole country has 45,000 schools; labels
    are joined in Arrow, without a DataFrame)."""
    options = store.arrow(
        "school_options", **scope.params(), unit_id=filters.unit_id, school_type=filters.school_type
    )
    labels = pc.binary_join_element_wise(
        options["name"], " · ", options["unit_name"], " (", options["school_id"], ")", ""
    )
    return SchoolChoices(options["school_id"].combine_chunks(), labels.combine_chunks())


@dataclass
class Peers:
    """The school among the schools of its type in its unit (never a rank)."""

    schools: int  # schools in the group (the school included)
    assessed: int  # of which with a self-assessment this year
    compared: bool  # False when fewer than MIN_PEERS are assessed: nothing is compared
    level: int | None = None  # the level whose criteria count is compared (the school's next level)
    value: int | None = None  # the school's criteria at that level or above
    quartiles: tuple[float, float, float] | None = None  # Q1, median, Q3 of the group (values that occur)
    band: str | None = None  # "low" (below Q1), "middle", "high" (above Q3)


@dataclass
class SchoolReport:
    school: dict  # school_id, name, school_type, framework_id, circular, rule, unit_name, former_unit_name
    school_year: str
    profile: dict | None  # the level profile this year (None: no self-assessment)
    level: int | None  # overall level (None: not or not completely assessed)
    summary: list[rules.SummaryLine]
    target_level: int | None  # the next level (None at the top or without a level)
    gap: list[str]  # criteria keeping the school from target_level
    criteria: pd.DataFrame  # one row per criterion (levels, plan target, items, peers)
    history: pd.DataFrame  # school_year, criterion_code, level (self, every year)
    years: pd.DataFrame  # school_year, level (overall, every year with an assessment)
    items: pd.DataFrame  # this year's plan items with bucket and days late
    peers: Peers
    external: bool = field(default=False)  # an external assessment exists this year

    @property
    def assessed(self) -> bool:
        return self.profile is not None and self.profile["assessed"] > 0


def _school_params(scope: Scope, school_id: str) -> dict:
    return {**scope.params(), "school_id": school_id}


@reads(ASSESSMENTS, PLANS, SCHOOLS, CATALOG)
def school_report(store: Store, scope: Scope, filters: Filters, school_id: str) -> SchoolReport:
    """Everything the school page shows about one school; AccessDenied when the school is
    not in the user's scope."""
    found = store.query("school_profile", **_school_params(scope, school_id))
    if found.empty:
        raise AccessDenied(t("access.err.view_school", school_id=school_id))
    school = found.iloc[0].to_dict()
    base = _school_params(scope, school_id)
    year = filters.school_year

    criteria = store.query(
        "school_criteria", **base, school_year=year, as_of=filters.as_of, risk_days=filters.risk_days
    )
    for col in ("self_level", "external_level", "target_level"):
        criteria[col] = criteria[col].astype("Int64")
    max_levels = dict(zip(criteria["criterion_code"], criteria["max_level"].astype(int)))
    mandatory = frozenset(criteria.loc[criteria["mandatory"], "criterion_code"])
    rule = rules.RULES[school["rule"]]

    levels_now = {c: int(v) for c, v in zip(criteria["criterion_code"], criteria["self_level"]) if pd.notna(v)}
    profile = rules.profile_from_levels(levels_now, max_levels, mandatory) if levels_now else None
    level = rules.school_level(levels_now, max_levels, rule.name, mandatory) if levels_now else None
    summary = rules.summary_counts(profile) if profile else []
    target = None if level is None or level >= rule.top_level else level + 1
    gap = rules.blocking_criteria(levels_now, max_levels, target, rule.name, mandatory) if target else []
    criteria["blocking"] = criteria["criterion_code"].isin(gap)

    history = store.query("school_level_history", **base)
    history["level"] = history["level"].astype("Int64")
    years = pd.DataFrame(
        [
            (y, rules.school_level({c: int(v) for c, v in zip(g["criterion_code"], g["level"])}, max_levels,
                                   rule.name, mandatory))
            for y, g in history.groupby("school_year", sort=True)
        ],
        columns=["school_year", "level"],
    )
    years["level"] = years["level"].astype("Int64")

    items = store.query(
        "school_plan_items", **base, school_year=year, as_of=filters.as_of, risk_days=filters.risk_days
    )
    peers = _peers(store, scope, filters, school_id, profile, level, target, criteria)
    return SchoolReport(
        school=school,
        school_year=year,
        profile=profile,
        level=level,
        summary=summary,
        target_level=target,
        gap=gap,
        criteria=criteria,
        history=history,
        years=years,
        items=items,
        peers=peers,
        external=bool(criteria["external_level"].notna().any()),
    )


def _peers(
    store: Store,
    scope: Scope,
    filters: Filters,
    school_id: str,
    profile: dict | None,
    level: int | None,
    target: int | None,
    criteria: pd.DataFrame,
) -> Peers:
    values = {**_school_params(scope, school_id), "school_year": filters.school_year, "kind": KIND,
              "min_peers": MIN_PEERS}
    group = store.query("school_peer_group", **values)
    per_criterion = store.query("school_peer_criteria", **values)
    criteria["peers_assessed"] = pd.NA
    criteria["peers_same_weakness"] = pd.NA
    if group.empty:
        return Peers(schools=0, assessed=0, compared=False)
    row = group.iloc[0]
    peers = Peers(schools=int(row["schools"]), assessed=int(row["assessed"]), compared=False)
    if peers.assessed < MIN_PEERS or profile is None:
        return peers
    # compare the criteria count at the level the school is working towards
    compare_level = target or (level if level else 1)
    quartiles = row[f"ge{compare_level}_quartiles"]
    if quartiles is None or (not isinstance(quartiles, (list, tuple)) and pd.isna(quartiles).all()):
        return peers
    q1, q2, q3 = (float(q) for q in quartiles)
    value = int(profile[f"ge{compare_level}"])
    band = "low" if value < q1 else "high" if value > q3 else "middle"
    peers = dataclasses.replace(
        peers, compared=True, level=compare_level, value=value, quartiles=(q1, q2, q3), band=band
    )
    if not per_criterion.empty:
        # "n trường cùng có điểm yếu này": other peers also below the school's next level on
        # a criterion that keeps this school from it
        merged = criteria[["criterion_code"]].merge(per_criterion, on="criterion_code", how="left")
        criteria["peers_assessed"] = merged["others_assessed"].astype("Int64").to_numpy()
        if target is not None:
            same = merged[f"others_below_{target}"].astype("Int64")
            criteria["peers_same_weakness"] = same.where(criteria["blocking"].to_numpy(), pd.NA).to_numpy()
    return peers
