"""Data for a principal's home ("Trường của tôi"): the school's report (kdcl.data.school)
with this year's plan items grouped by what needs doing first, and the one-school forms the
other pages show a principal (criteria over the years, weaknesses beside their peers).

Groups, in the order the home lists them: overdue, due soon (the at-risk bucket), in
progress, not started, done, dropped. An open item with no deadline falls under its status
(in progress / not started). No Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kdcl.access import Scope
from kdcl.data import school as school_data

GROUPS = ("overdue", "due_soon", "in_progress", "not_started", "done", "dropped")
OPEN_GROUPS = frozenset({"overdue", "due_soon"})  # shown unfolded on the home


def item_group(status: str, bucket: str) -> str:
    """The home's group of one plan item, from its status and its bucket on the as-of date."""
    if bucket == "overdue":
        return "overdue"
    if bucket == "at_risk":
        return "due_soon"
    if status in ("done", "dropped"):
        return status
    return "in_progress" if status == "in_progress" else "not_started"


def group_items(items: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every group (empty ones too) with its items: overdue by days late (most first), the
    others by due date (undated last), then plan order."""
    grouped = items.assign(group=[item_group(s, b) for s, b in zip(items["status"], items["bucket"])])
    out = {}
    for name in GROUPS:
        part = grouped[grouped["group"] == name]
        keys = ["days_late", "due_date", "position"] if name == "overdue" else ["due_date", "position"]
        ascending = [False, True, True] if name == "overdue" else [True, True]
        out[name] = part.sort_values(keys, ascending=ascending, na_position="last", kind="stable").reset_index(
            drop=True)
    return out


@dataclass
class Home:
    report: school_data.SchoolReport
    groups: dict[str, pd.DataFrame]  # GROUPS -> items

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.groups.items()}


def home_of(report: school_data.SchoolReport) -> Home:
    """The principal's home of a school's report (school_data.school_report, AccessDenied outside the scope):
    the page loads the report through the cache it shares with the school page (a principal signing in
    lands here and goes there next: one report for both)."""
    return Home(report=report, groups=group_items(report.items))


def own_school(scope: Scope) -> str | None:
    """The one school of a principal's scope (None for the office, an admin, a viewer)."""
    return scope.school_id


def criteria_over_years(report: school_data.SchoolReport) -> pd.DataFrame:
    """The school's criteria (rows) by school year (columns) up to the report's year: the level of
    each, as the levels page shows a principal."""
    history = report.history[report.history["school_year"] <= report.school_year]
    if history.empty:
        return pd.DataFrame(columns=["criterion_code", "criterion_name"])
    wide = history.pivot_table(index="criterion_code", columns="school_year", values="level", aggfunc="first")
    names = report.criteria.set_index("criterion_code")["criterion_name"]
    order = [c for c in report.criteria["criterion_code"] if c in wide.index]
    wide = wide.reindex(order)
    wide.insert(0, "criterion_name", names.reindex(order).to_numpy())
    return wide.reset_index()


def school_weaknesses(report: school_data.SchoolReport) -> pd.DataFrame:
    """The school's weaknesses: each criterion below the next level (it keeps the school from it)
    or with an item in this year's plan, with the plan items on it and how many other schools of
    its peer group are also below that level on it (counts only, never which schools).
    Columns: criterion_code, criterion_name, self_level, blocking, items, open_items, overdue_items,
    peers_same_weakness, peers_assessed, weakness (the plan's texts, joined)."""
    crit = report.criteria
    texts = (
        report.items.dropna(subset=["weakness"]).groupby("criterion_code")["weakness"]
        .agg(lambda s: " · ".join(dict.fromkeys(str(v).strip() for v in s if str(v).strip())))
    )
    frame = crit.assign(
        weakness=crit["criterion_code"].map(texts),
        open_items=crit["items"] - crit["done_items"] - crit["dropped_items"],
    )
    frame = frame[frame["blocking"] | (frame["items"] > 0)]
    frame = frame.sort_values(["blocking", "peers_same_weakness", "criterion_code"], ascending=[False, False, True],
                              na_position="last", kind="stable")
    return frame[["criterion_code", "criterion_name", "self_level", "blocking", "items", "open_items",
                  "overdue_items", "peers_same_weakness", "peers_assessed", "weakness"]].reset_index(drop=True)
