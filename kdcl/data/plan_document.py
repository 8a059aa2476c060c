"""One school's improvement plan for a school year, as needed to print it (Word export)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from kdcl import rules
from kdcl.access import AccessDenied, Scope
from kdcl.data import Filters, school_levels
from kdcl.db import Store
from kdcl.strings import t


@dataclass
class PlanDocument:
    school: dict
    school_year: str
    items: pd.DataFrame
    profile: dict | None  # level profile of the self-assessment that year (None: not assessed)
    overall_level: int | None


def narrow_to_school(scope: Scope, school_id: str) -> Scope:
    """The user's scope limited to one school; refused when that school is outside it."""
    if scope.school_id is not None and scope.school_id != school_id:
        raise AccessDenied(t("access.err.school", school_id=school_id))
    return replace(scope, school_id=school_id)


def plan_document(store: Store, scope: Scope, school_id: str, school_year: str) -> PlanDocument:
    one = narrow_to_school(scope, school_id)
    header = store.query("school_profile", **one.params(), school_id=school_id)
    if header.empty:
        raise AccessDenied(t("access.err.no_school", school_id=school_id))
    items = store.query("plan_document_items", **one.params(), school_id=school_id, school_year=school_year)
    levels = school_levels(store, one, Filters(school_year=school_year, as_of=date.today()))
    profile, level = None, None
    if not levels.empty and int(levels.iloc[0]["assessed"]) > 0:
        row = levels.iloc[0]
        profile = {k: int(row[k]) for k in rules.PROFILE_COLUMNS}
        level = None if pd.isna(row["overall_level"]) else int(row["overall_level"])
    return PlanDocument(header.iloc[0].to_dict(), school_year, items, profile, level)
