"""Domain rules: criterion levels to school level, the official summary counts,
the gap to the next level, and the overdue buckets of plan items.

Pure functions, no I/O. A rule works on a *level profile*: per school (and year),
how many criteria reach each level. The database computes profiles for thousands of
schools in one query; the same rule then applies to one school or to a whole
DataFrame at once (numpy arrays), so there is exactly one implementation.

Adding a framework = a catalog file in data/ + one entry in RULES.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

# Columns of a level profile (one row per school and year; see queries/school_level_profile.sql).
PROFILE_COLUMNS = (
    "criteria_total",  # criteria in the school's framework
    "assessed",  # criteria with a level recorded
    "ge1",  # criteria at level >= 1
    "ge2",
    "ge3",
    "m3_applicable",  # criteria that have mức 3 indicators
    "mandatory_total",  # criteria flagged mandatory by the framework (TT57/2026)
    "mandatory_ge1",
    "mandatory_ge2",
    "other_ge1",  # non-mandatory criteria at level >= 1
    "other_ge2",
)

RISK_DAYS_DEFAULT = 30

STATUSES = ("not_started", "in_progress", "done", "dropped")
OPEN_STATUSES = ("not_started", "in_progress")
BUCKETS = ("overdue", "at_risk", "on_track", "no_deadline", "done", "dropped")


# --------------------------------------------------------------------------- profiles


def profile_from_levels(
    levels: Mapping[str, int], max_levels: Mapping[str, int], mandatory: frozenset[str] = frozenset()
) -> dict[str, int]:
    """Level profile of one school from {criterion_code: level} and the framework's
    {criterion_code: max_level}. Codes outside the framework are ignored."""
    known = {code: lvl for code, lvl in levels.items() if code in max_levels and lvl is not None}
    others = [c for c in max_levels if c not in mandatory]
    return {
        "criteria_total": len(max_levels),
        "assessed": len(known),
        "ge1": sum(lvl >= 1 for lvl in known.values()),
        "ge2": sum(lvl >= 2 for lvl in known.values()),
        "ge3": sum(lvl >= 3 for lvl in known.values()),
        "m3_applicable": sum(m >= 3 for m in max_levels.values()),
        "mandatory_total": len(mandatory & max_levels.keys()),
        "mandatory_ge1": sum(known.get(c, 0) >= 1 for c in mandatory if c in max_levels),
        "mandatory_ge2": sum(known.get(c, 0) >= 2 for c in mandatory if c in max_levels),
        "other_ge1": sum(known.get(c, 0) >= 1 for c in others),
        "other_ge2": sum(known.get(c, 0) >= 2 for c in others),
    }


def _col(profiles: pd.DataFrame, name: str) -> np.ndarray:
    return profiles[name].fillna(0).to_numpy(dtype="int64")


def _complete(profiles: pd.DataFrame) -> np.ndarray:
    total = _col(profiles, "criteria_total")
    return (total > 0) & (_col(profiles, "assessed") == total)


def _finish(levels: np.ndarray, complete: np.ndarray, index: pd.Index) -> pd.Series:
    out = pd.Series(levels, index=index, dtype="Int64")
    out[~complete] = pd.NA
    return out


# --------------------------------------------------------------------------- level rules


def level_tt2018(profiles: pd.DataFrame) -> pd.Series:
    """School level under TT17/18/19-2018 (art. 6): mức N when every criterion meets
    mức N; for mức 3 the criteria without mức 3 indicators only need mức 2.
    Any criterion at 0 gives 0 ("Chưa đạt Mức 1"). Incomplete assessment gives <NA>."""
    total = _col(profiles, "criteria_total")
    ge1, ge2, ge3 = _col(profiles, "ge1"), _col(profiles, "ge2"), _col(profiles, "ge3")
    m3 = _col(profiles, "m3_applicable")
    levels = np.select(
        [ge1 < total, ge2 < total, (m3 > 0) & (ge3 == m3)],
        [0, 1, 3],
        default=2,
    )
    return _finish(levels, _complete(profiles), profiles.index)


TT57_MIN_OTHER = 5  # "at least 5 of the other 7 criteria"


def level_tt57_2026(profiles: pd.DataFrame) -> pd.Series:
    """School level under the reported TT57/2026 (unverified): mức 1 = every mandatory
    criterion at mức 1 and at least 5 others at mức 1; mức 2 likewise at mức 2 with
    no criterion below mức 1. Only mức 1-2 exist."""
    total = _col(profiles, "criteria_total")
    m_total = _col(profiles, "mandatory_total")
    ok1 = (_col(profiles, "mandatory_ge1") == m_total) & (_col(profiles, "other_ge1") >= TT57_MIN_OTHER)
    ok2 = (
        (_col(profiles, "mandatory_ge2") == m_total)
        & (_col(profiles, "other_ge2") >= TT57_MIN_OTHER)
        & (_col(profiles, "ge1") == total)
    )
    levels = np.select([ok1 & ok2, ok1], [2, 1], default=0)
    return _finish(levels, _complete(profiles), profiles.index)


def blocking_tt2018(
    levels: Mapping[str, int], max_levels: Mapping[str, int], target: int, mandatory: frozenset[str] = frozenset()
) -> list[str]:
    """Criteria that keep a school from `target` under the 2018 rule (a criterion
    without mức 3 indicators only needs mức 2 for a mức 3 school)."""
    return [
        code
        for code, top in max_levels.items()
        if (levels.get(code) if levels.get(code) is not None else -1) < min(target, top)
    ]


def blocking_tt57_2026(
    levels: Mapping[str, int], max_levels: Mapping[str, int], target: int, mandatory: frozenset[str] = frozenset()
) -> list[str]:
    """Mandatory criteria below `target`, plus the other criteria below it when fewer
    than TT57_MIN_OTHER of them reach it (any of those would help)."""
    lv = {c: (levels.get(c) if levels.get(c) is not None else -1) for c in max_levels}
    blocked = [c for c in max_levels if c in mandatory and lv[c] < target]
    others = [c for c in max_levels if c not in mandatory]
    if sum(lv[c] >= target for c in others) < TT57_MIN_OTHER:
        blocked += [c for c in others if lv[c] < target]
    if target >= 2:
        blocked += [c for c in max_levels if lv[c] < 1 and c not in blocked]
    return blocked


@dataclass(frozen=True)
class Rule:
    name: str
    school_level: Callable[[pd.DataFrame], pd.Series]
    blocking: Callable[[Mapping[str, int], Mapping[str, int], int, frozenset[str]], list[str]]
    top_level: int


RULES: dict[str, Rule] = {
    "tt2018": Rule("tt2018", level_tt2018, blocking_tt2018, 3),
    "tt57_2026": Rule("tt57_2026", level_tt57_2026, blocking_tt57_2026, 2),
}


def school_levels(profiles: pd.DataFrame, rule_column: str = "rule") -> pd.Series:
    """Overall level for every row of a profile frame, each row by its framework's rule."""
    out = pd.Series(pd.NA, index=profiles.index, dtype="Int64")
    for name, rows in profiles.groupby(rule_column, sort=False):
        out.loc[rows.index] = RULES[str(name)].school_level(rows)
    return out


def school_level(
    levels: Mapping[str, int],
    max_levels: Mapping[str, int],
    rule: str = "tt2018",
    mandatory: frozenset[str] = frozenset(),
) -> int | None:
    """Overall level of one school: 0 (chưa đạt mức 1) .. 3, or None if incomplete."""
    profile = pd.DataFrame([profile_from_levels(levels, max_levels, mandatory)])
    value = RULES[rule].school_level(profile).iloc[0]
    return None if pd.isna(value) else int(value)


def blocking_criteria(
    levels: Mapping[str, int],
    max_levels: Mapping[str, int],
    target: int,
    rule: str = "tt2018",
    mandatory: frozenset[str] = frozenset(),
) -> list[str]:
    """Criteria that keep the school from reaching `target` (the gap to that level)."""
    return RULES[rule].blocking(levels, max_levels, target, mandatory)


# --------------------------------------------------------------------------- summary


@dataclass(frozen=True)
class SummaryLine:
    level: int
    reached: int
    denominator: int

    @property
    def share(self) -> float | None:
        return None if self.denominator == 0 else self.reached / self.denominator


def summary_counts(profile: Mapping[str, int]) -> list[SummaryLine]:
    """The official counts: criteria at mức 1 and 2 over all criteria, mức 3 over the
    criteria that have mức 3 indicators (e.g. 28, 28, 20 for THCS_THPT)."""
    total = int(profile["criteria_total"])
    lines = [
        SummaryLine(1, int(profile["ge1"]), total),
        SummaryLine(2, int(profile["ge2"]), total),
    ]
    if int(profile["m3_applicable"]) > 0:
        lines.append(SummaryLine(3, int(profile["ge3"]), int(profile["m3_applicable"])))
    return lines


def format_number(value: float, decimals: int = 0) -> str:
    """Vietnamese number format: dot thousands, comma decimals (1.234,56)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(share: float | None, decimals: int = 2) -> str:
    return "–" if share is None else format_number(share * 100, decimals) + "%"


def format_vnd_short(amount: float | None) -> str:
    """Compact VND for headline figures: 3,6 tỷ đ · 361 triệu đ · 950.000 đ."""
    if amount is None or pd.isna(amount):
        return "–"
    if abs(amount) >= 1e9:
        return format_number(amount / 1e9, 1).removesuffix(",0") + " tỷ đ"
    if abs(amount) >= 1e6:
        return format_number(amount / 1e6, 1).removesuffix(",0") + " triệu đ"
    return format_vnd(amount)


def format_vnd(amount: float | None) -> str:
    return "–" if amount is None or pd.isna(amount) else format_number(amount) + " đ"


DATE_FORMAT = "%d/%m/%Y"  # the one date format shown and written (dd/mm/yyyy); vectorised code uses it too
DATETIME_FORMAT = "%d/%m/%Y %H:%M"


def format_date(value: object, *, time: bool = False, empty: str = "") -> str:
    """A date (or, with `time`, a date and time) as Vietnamese offices write it: 31/05/2025 (14:30);
    `empty` for None/NaT."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return empty
    return pd.Timestamp(value).strftime(DATETIME_FORMAT if time else DATE_FORMAT)


# --------------------------------------------------------------------------- plan items


def item_bucket(
    status: str, due_date: date | None, ongoing: bool, as_of: date, risk_days: int = RISK_DAYS_DEFAULT
) -> str:
    """Where an item stands on `as_of` (mirrors the SQL macro item_bucket):
    overdue = open and due before as-of; at_risk = open and due within risk_days
    (as-of itself included); no_deadline = open and ongoing or without a due date."""
    if status == "done":
        return "done"
    if status == "dropped":
        return "dropped"
    if due_date is None or ongoing:
        return "no_deadline"
    if due_date < as_of:
        return "overdue"
    if (due_date - as_of).days <= risk_days:
        return "at_risk"
    return "on_track"


def days_late(due_date: date | None, as_of: date) -> int | None:
    return None if due_date is None else max(0, (as_of - due_date).days)


def current_school_year(today: date) -> str:
    """School year in progress on `today`: from September, the new year; June-August
    still count as the year that just ended (reports are written then)."""
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}-{start + 1}"


def previous_school_year(school_year: str) -> str:
    start = int(school_year[:4])
    return f"{start - 1}-{start}"


def level_of(value) -> int | None:
    """A level read from a frame as int, or None when missing (None, NaN or pd.NA from a nullable
    column, as for a school with plan items and no assessment)."""
    return None if value is None or pd.isna(value) else int(value)
