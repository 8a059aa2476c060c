"""The domain rules on hand-made cases, including seed 002's published figures."""

from datetime import date, timedelta

import pandas as pd
import pytest

from kdcl import rules

CATALOG = pd.read_csv("data/criteria_2018.csv", dtype=str)


def max_levels(framework: str) -> dict[str, int]:
    rows = CATALOG[CATALOG["framework"] == framework]
    return {code: 3 if int(m3) > 0 else 2 for code, m3 in zip(rows["criterion_code"], rows["indicators_m3"])}


THCS = max_levels("THCS_THPT")
TH = max_levels("TH")
MN = max_levels("MN")


def test_catalog_counts_match_the_circulars():
    assert (len(MN), len(TH), len(THCS)) == (25, 27, 28)
    assert sum(m == 3 for m in THCS.values()) == 20
    assert sum(m == 3 for m in TH.values()) == 19
    assert sum(m == 3 for m in MN.values()) == 19


def seed_002_levels() -> dict[str, int]:
    """Trường THCS Lý Tự Trọng 2023-2024: 28/28 at mức 1, 16/28 at mức 2, 0/20 at mức 3.
    Its plan names 8 of the 12 criteria below mức 2 (1.5, 1.8, 2.3, 2.4, 3.2, 3.3, 4.2, 5.6);
    the other four are not named in the seed, so four plausible ones stand in."""
    weak = ["1.5", "1.8", "2.3", "2.4", "3.2", "3.3", "4.2", "5.6", "1.6", "3.5", "3.6", "5.2"]
    return {code: 1 if code in weak else 2 for code in THCS}


def test_seed_002_summary_and_level():
    levels = seed_002_levels()
    profile = rules.profile_from_levels(levels, THCS)
    lines = rules.summary_counts(profile)
    assert [(ln.level, ln.reached, ln.denominator) for ln in lines] == [(1, 28, 28), (2, 16, 28), (3, 0, 20)]
    assert rules.format_percent(lines[1].share) == "57,14%"
    assert rules.format_percent(lines[0].share) == "100,00%"
    assert rules.school_level(levels, THCS) == 1
    # what keeps it from mức 2: exactly the 12 criteria still at mức 1
    assert sorted(rules.blocking_criteria(levels, THCS, 2)) == sorted(c for c, v in levels.items() if v == 1)


def test_any_criterion_at_zero_is_below_level_one():
    levels = {code: 3 if top == 3 else 2 for code, top in TH.items()}
    assert rules.school_level(levels, TH) == 3
    levels["5.5"] = 0
    assert rules.school_level(levels, TH) == 0
    assert rules.blocking_criteria(levels, TH, 1) == ["5.5"]


def test_level_three_ignores_criteria_without_level_three():
    levels = {code: top for code, top in MN.items()}  # criteria without mức 3 sit at 2
    assert rules.school_level(levels, MN) == 3
    no_m3 = next(c for c, top in MN.items() if top == 2)
    assert rules.blocking_criteria(levels, MN, 3) == []
    levels[no_m3] = 1
    assert rules.school_level(levels, MN) == 1
    assert rules.blocking_criteria(levels, MN, 3) == [no_m3]


def test_level_two_when_one_level_three_criterion_is_at_two():
    levels = {code: top for code, top in THCS.items()}
    levels["5.6"] = 2
    assert rules.school_level(levels, THCS) == 2
    assert rules.blocking_criteria(levels, THCS, 3) == ["5.6"]


def test_incomplete_assessment_has_no_level():
    levels = {code: 2 for code in list(TH)[:-1]}
    assert rules.school_level(levels, TH) is None
    assert rules.school_level({}, TH) is None


def test_unknown_codes_are_ignored():
    levels = {code: 2 for code in TH} | {"9.9": 0}
    assert rules.school_level(levels, TH) == 2


def test_vectorised_rule_matches_single_school():
    cases = [seed_002_levels(), {c: t for c, t in THCS.items()}, {c: 0 for c in THCS}, {c: 2 for c in THCS}]
    profiles = pd.DataFrame([rules.profile_from_levels(lv, THCS) for lv in cases]).assign(rule="tt2018")
    assert rules.school_levels(profiles).tolist() == [rules.school_level(lv, THCS) for lv in cases] == [1, 3, 0, 2]


# ------------------------------------------------------------------- TT57/2026 (unverified)

TT57 = {f"{s}.{i}": 2 for s, n in [(1, 4), (2, 3), (3, 5), (4, 3)] for i in range(1, n + 1)}
MANDATORY = frozenset({"1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"})


def test_tt57_levels():
    levels = dict.fromkeys(TT57, 2)
    assert rules.school_level(levels, TT57, "tt57_2026", MANDATORY) == 2
    others = sorted(set(TT57) - MANDATORY)
    # two of the seven others at mức 1 still leaves five at mức 2
    levels.update({others[0]: 1, others[1]: 1})
    assert rules.school_level(levels, TT57, "tt57_2026", MANDATORY) == 2
    levels[others[2]] = 1  # now only four others at mức 2
    assert rules.school_level(levels, TT57, "tt57_2026", MANDATORY) == 1
    assert set(rules.blocking_criteria(levels, TT57, 2, "tt57_2026", MANDATORY)) == set(others[:3])
    levels["1.3"] = 0  # a mandatory criterion below mức 1
    assert rules.school_level(levels, TT57, "tt57_2026", MANDATORY) == 0
    assert "1.3" in rules.blocking_criteria(levels, TT57, 1, "tt57_2026", MANDATORY)


# ------------------------------------------------------------------- plan item buckets

AS_OF = date(2025, 12, 31)


@pytest.mark.parametrize(
    ("status", "due", "ongoing", "expected"),
    [
        ("not_started", AS_OF - timedelta(days=1), False, "overdue"),
        ("in_progress", AS_OF - timedelta(days=1), False, "overdue"),
        ("in_progress", AS_OF, False, "at_risk"),  # due today is not late yet
        ("not_started", AS_OF + timedelta(days=30), False, "at_risk"),
        ("not_started", AS_OF + timedelta(days=31), False, "on_track"),
        ("done", AS_OF - timedelta(days=100), False, "done"),
        ("dropped", AS_OF - timedelta(days=100), False, "dropped"),
        ("in_progress", None, False, "no_deadline"),
        ("in_progress", AS_OF - timedelta(days=5), True, "no_deadline"),
    ],
)
def test_item_bucket_boundaries(status, due, ongoing, expected):
    assert rules.item_bucket(status, due, ongoing, AS_OF) == expected


def test_risk_window_is_configurable():
    due = AS_OF + timedelta(days=10)
    assert rules.item_bucket("not_started", due, False, AS_OF, risk_days=7) == "on_track"
    assert rules.item_bucket("not_started", due, False, AS_OF, risk_days=10) == "at_risk"


def test_days_late_and_school_year():
    assert rules.days_late(date(2025, 12, 1), AS_OF) == 30
    assert rules.days_late(date(2026, 1, 1), AS_OF) == 0
    assert rules.current_school_year(date(2025, 9, 1)) == "2025-2026"
    assert rules.current_school_year(date(2025, 8, 31)) == "2024-2025"
    assert rules.previous_school_year("2025-2026") == "2024-2025"


def test_vietnamese_number_format():
    assert rules.format_number(10_000_000) == "10.000.000"
    assert rules.format_vnd(60_000_000) == "60.000.000 đ"
    assert rules.format_percent(16 / 28) == "57,14%"
    assert rules.format_percent(None) == "–"
    assert rules.format_vnd_short(3_612_000_000) == "3,6 tỷ đ"
    assert rules.format_vnd_short(70_000_000) == "70 triệu đ"
    assert rules.format_vnd_short(950_000) == "950.000 đ"
