"""kdcl.data.weaknesses (queries/weakness_*.sql) on the tiny database plus a few more years.

build_weakness_db() adds to tests/factory.py's data (which stays as it is):
  S1 (THCS_THPT) plan 2023-2024: 1.5 "Sĩ số bình quân học sinh/lớp ..." (done) and 1.8.
     With the 2024-2025 plan's 1.5 item that makes 1.5 chronic (two consecutive years, two
     plans); 1.8 has no 2024-2025 item, so it is not. S1's levels fell from 2 to 1 on both.
  S2 (TH) plan 2023-2024 -> 2024-2025 (one two-year plan): 1.2 without a target level. Covered
     both years by the same plan: not chronic.
  S3 (MN) self-assessment 2023-2024 (1.1 and 5.4 at 0, the rest at 1) and plan 2023-2024:
     1.1 (0 -> 1 in 2024-2025: a measure that worked) and 5.4 (still 0), with a tab and
     double spaces inside its weakness text.
For 2024-2025 (factory.AS_OF): THCS_THPT 7 criteria with items (1 school each, all below
their target 2), TH 1.1 (level 3 = target 3) and 1.2 (no target); MN none this year.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from factory import AS_OF, PREVIOUS_YEAR, YEAR, tiny_copy

from kdcl import data
from kdcl.access import Scope
from kdcl.data import weaknesses as wk

EVERYTHING = Scope.everything()
FILTERS = data.Filters(school_year=YEAR, as_of=AS_OF)
LAST_YEAR = data.Filters(school_year=PREVIOUS_YEAR, as_of=date(2024, 5, 15))
S3_TABBED = "Trẻ suy dinh\tdưỡng thể  thấp còi còn nhiều"


def build_weakness_db(path):
    store = tiny_copy(path)
    with store.cursor() as cur:
        mn = [row[0] for row in cur.execute(
            "select criterion_code from criterion where framework_id = 'MN' order by sort_order").fetchall()]
    assessments = pd.DataFrame(
        [("S3", PREVIOUS_YEAR, "self", "MN", code, 0 if code in ("1.1", "5.4") else 1) for code in mn],
        columns=["school_id", "school_year", "kind", "framework_id", "criterion_code", "level"],
    )
    with store.transaction() as tx:
        plan_base = tx.run("write/take_plan_ids", n=3)[0][0] - 3
        item_base = tx.run("write/take_plan_item_ids", n=5)[0][0] - 5
        plans = pd.DataFrame(
            [
                (plan_base + 1, "S1", PREVIOUS_YEAR, PREVIOUS_YEAR, "Kế hoạch 2023-2024"),
                (plan_base + 2, "S2", PREVIOUS_YEAR, YEAR, "Kế hoạch 2023-2025"),
                (plan_base + 3, "S3", PREVIOUS_YEAR, PREVIOUS_YEAR, "Kế hoạch 2023-2024"),
            ],
            columns=["plan_id", "school_id", "school_year", "end_school_year", "title"],
        )
        d = date
        items = pd.DataFrame(
            [
                (item_base + 1, plan_base + 1, 1, "S1", "THCS_THPT", "1.5", 2,
                 "Sĩ số bình quân học sinh/lớp chưa đảm bảo theo quy định", "Tham mưu phân tuyến tuyển sinh",
                 d(2024, 5, 31), "done", d(2024, 5, 20)),
                (item_base + 2, plan_base + 1, 2, "S1", "THCS_THPT", "1.8", 2,
                 "02 giáo viên chưa đạt trình độ Đại học.", "Cử giáo viên đi học nâng chuẩn",
                 d(2024, 5, 31), "in_progress", None),
                (item_base + 3, plan_base + 2, 1, "S2", "TH", "1.2", None,
                 "Hội đồng trường họp chưa đủ số phiên", "Xây dựng lịch họp cả năm",
                 d(2025, 5, 31), "not_started", None),
                (item_base + 4, plan_base + 3, 1, "S3", "MN", "1.1", 1,
                 "Phương hướng, chiến lược chưa được công khai", "Đăng tải phương hướng lên website",
                 d(2024, 3, 31), "done", d(2024, 3, 1)),
                (item_base + 5, plan_base + 3, 2, "S3", "MN", "5.4", 1, S3_TABBED,
                 "Phối hợp trạm y tế cân đo định kỳ", d(2024, 5, 31), "done", d(2024, 5, 30)),
            ],
            columns=["item_id", "plan_id", "position", "school_id", "framework_id", "criterion_code",
                     "target_level", "weakness", "measures", "due_date", "status", "completed_on"],
        )
        tx.insert_frame("assessment", assessments)
        tx.insert_frame("plan", plans)
        tx.insert_frame("plan_item", items)
    return store


@pytest.fixture
def store(weak_db_path, store_copy):
    return store_copy(weak_db_path)


def by_code(frame: pd.DataFrame, framework: str) -> pd.DataFrame:
    return frame[frame["framework_id"] == framework].set_index("criterion_code")


# --------------------------------------------------------------------------- per criterion


def test_criteria_counts_match_the_hand_computed_ones(store):
    crit = wk.criteria(store, EVERYTHING, FILTERS)
    thcs = by_code(crit, "THCS_THPT")
    with_items = thcs[thcs["schools_with_items"] > 0]
    assert sorted(with_items.index) == ["1.5", "2.3", "2.4", "3.2", "3.3", "4.2", "5.6"]
    c15 = thcs.loc["1.5"]
    assert c15[["schools_in_scope", "schools_with_plan", "schools_with_items", "share"]].tolist() == [1, 1, 1, 1.0]
    assert (c15["items"], c15["open_items"], c15["overdue_items"], c15["chronic_schools"]) == (1, 1, 1, 1)
    # S1's 2024-2025 level is 1 on all seven, each item targets 2
    assert with_items["below_target_schools"].tolist() == [1] * 7
    assert with_items["below_target_share"].tolist() == [1.0] * 7
    assert thcs.loc["1.8", "schools_with_items"] == 0  # only in last year's plan
    th = by_code(crit, "TH")
    assert th.loc["1.1", ["schools_with_items", "level_known_schools", "below_target_schools"]].tolist() == [1, 1, 0]
    assert th.loc["1.2", ["schools_with_items", "chronic_schools", "level_known_schools"]].tolist() == [1, 0, 0]
    assert pd.isna(th.loc["1.2", "below_target_share"])
    mn = by_code(crit, "MN")
    assert (mn["schools_with_items"] == 0).all() and mn["schools_with_plan"].iloc[0] == 0
    assert set(crit["framework_id"]) == {"MN", "TH", "THCS_THPT"}
    assert len(thcs) == 28 and thcs.loc["1.5", "standard_name"] == "Tổ chức và quản lý nhà trường"


def test_last_year_has_no_chronic_weakness_yet(store):
    crit = wk.criteria(store, EVERYTHING, LAST_YEAR)
    thcs = by_code(crit, "THCS_THPT")
    assert thcs.loc[["1.5", "1.8"], "schools_with_items"].tolist() == [1, 1]
    assert crit["chronic_schools"].sum() == 0
    assert by_code(crit, "MN").loc["1.1", "schools_with_items"] == 1


def test_frameworks_and_ranking(store):
    crit = wk.criteria(store, EVERYTHING, FILTERS)
    fws = wk.frameworks(crit)
    assert fws["framework_id"].tolist() == ["MN", "TH", "THCS_THPT"]  # one school each: by id
    assert fws.set_index("framework_id")["criteria_with_items"].to_dict() == {"MN": 0, "TH": 2, "THCS_THPT": 7}
    ranked = wk.ranking(crit, "THCS_THPT")
    assert ranked["criterion_code"].tolist() == ["1.5", "2.3", "2.4", "3.2", "3.3", "4.2", "5.6"]  # ties: catalog
    assert wk.ranking(crit, "THCS_THPT", top=3)["criterion_code"].tolist() == ["1.5", "2.3", "2.4"]
    assert wk.ranking(crit, "MN").empty


def test_scope_and_filters_limit_the_schools(store):
    office = Scope(unit_id="W2", role="office")  # S3 only
    assert set(wk.criteria(store, office, FILTERS)["framework_id"]) == {"MN"}
    by_type = wk.criteria(store, EVERYTHING, data.Filters(YEAR, AS_OF, school_type="TH"))
    assert set(by_type["framework_id"]) == {"TH"}
    principal = Scope(school_id="S2", role="principal")
    assert wk.search(store, principal, FILTERS, "si so").total == 0


# --------------------------------------------------------------------------- chronic


def test_chronic_needs_consecutive_years_from_two_plans(store):
    chronic = wk.chronic(store, EVERYTHING, FILTERS, None)
    assert chronic[["school_id", "criterion_code", "first_school_year", "years", "plans"]].values.tolist() == [
        ["S1", "1.5", PREVIOUS_YEAR, 2, 2]
    ]
    assert wk.chronic(store, EVERYTHING, FILTERS, "TH").empty  # S2 1.2: one two-year plan
    assert wk.chronic(store, EVERYTHING, LAST_YEAR, None).empty
    per_school = wk.chronic_by_school(chronic)
    assert per_school[["school_id", "criteria", "chronic_criteria", "longest"]].values.tolist() == [
        ["S1", "1.5 (2 năm)", 1, 2]
    ]
    assert wk.chronic_by_school(chronic.iloc[0:0]).empty


def test_chronic_counts_agree_with_the_chronic_list(store):
    for filters in (FILTERS, LAST_YEAR):
        counts = wk.criteria(store, EVERYTHING, filters).set_index(["framework_id", "criterion_code"])
        listed = wk.chronic(store, EVERYTHING, filters, None).groupby(["framework_id", "criterion_code"]).size()
        assert counts["chronic_schools"][counts["chronic_schools"] > 0].to_dict() == listed.to_dict()


def reference_chronic(store, school_year: str) -> set[tuple]:
    """The chronic rule in plain Python over every plan item: plans with items on a criterion
    cover an unbroken run of school years ending in `school_year` (only plans starting at or
    before it, counted up to it), two years or more, from two or more plans."""
    with store.cursor() as cur:
        rows = cur.execute(
            "select i.school_id, i.framework_id, i.criterion_code, p.plan_id, p.school_year, p.end_school_year "
            "from plan_item as i join plan as p on p.plan_id = i.plan_id").fetchall()
    year = int(school_year[:4])
    covered: dict[tuple, dict[int, set[int]]] = {}
    current = set()
    for school, framework, code, plan, first, last in rows:
        if first > school_year:
            continue
        if first <= school_year <= last:
            current.add((school, framework, code))
        for y in range(int(first[:4]), min(int(last[:4]), year) + 1):
            covered.setdefault((school, framework, code), {}).setdefault(y, set()).add(plan)
    found = set()
    for key in current:
        years = covered[key]
        start = year
        while start - 1 in years:
            start -= 1
        plans = set().union(*(years[y] for y in range(start, year + 1)))
        if year - start + 1 >= 2 and len(plans) >= 2:
            found.add((*key, f"{start}-{start + 1}", year - start + 1, len(plans)))
    return found


def test_chronic_matches_the_rule_on_multi_year_plans_gaps_and_repeated_plans(store):
    """Plans over several years, gaps, two plans in one year and plans after the year: the
    SQL (macro chronic_weaknesses, migration 0005) gives what the rule says, every year."""
    plans = [  # school, first year, last year, criteria
        ("S1", "2020-2021", "2021-2022", ["2.3", "2.4"]),
        ("S1", "2022-2023", "2022-2023", ["2.3"]),
        ("S1", PREVIOUS_YEAR, PREVIOUS_YEAR, ["1.5", "2.3"]),  # a second plan in 2023-2024
        ("S1", "2021-2022", "2025-2026", ["4.2"]),  # runs past this year
        ("S2", "2022-2023", "2022-2023", ["1.2"]),  # with S2's two-year plan: two plans now
        ("S2", "2025-2026", "2026-2027", ["1.1", "1.2"]),  # after this year
        ("S3", "2021-2022", "2021-2022", ["1.1"]),  # a gap in 2022-2023
        ("S3", YEAR, YEAR, ["1.1", "5.4"]),
    ]
    framework = {"S1": "THCS_THPT", "S2": "TH", "S3": "MN"}
    n_items = sum(len(codes) for *_, codes in plans)
    with store.transaction() as tx:
        plan_base = tx.run("write/take_plan_ids", n=len(plans))[0][0] - len(plans)
        item_base = tx.run("write/take_plan_item_ids", n=n_items)[0][0] - n_items
        plan_rows, item_rows = [], []
        for k, (school, first, last, codes) in enumerate(plans, start=1):
            plan_rows.append((plan_base + k, school, first, last, f"Kế hoạch {first}"))
            for position, code in enumerate(codes, start=1):
                item_rows.append((item_base + len(item_rows) + 1, plan_base + k, position, school, framework[school],
                                  code, f"Điểm yếu {code}", "not_started"))
        tx.insert_frame("plan", pd.DataFrame(
            plan_rows, columns=["plan_id", "school_id", "school_year", "end_school_year", "title"]))
        tx.insert_frame("plan_item", pd.DataFrame(item_rows, columns=[
            "item_id", "plan_id", "position", "school_id", "framework_id", "criterion_code", "weakness", "status"]))
    columns = ["school_id", "framework_id", "criterion_code", "first_school_year", "years", "plans"]
    seen = 0
    for first in range(2019, 2028):
        school_year = f"{first}-{first + 1}"
        filters = data.Filters(school_year=school_year, as_of=AS_OF)
        listed = wk.chronic(store, EVERYTHING, filters, None)
        assert set(map(tuple, listed[columns].values.tolist())) == reference_chronic(store, school_year), school_year
        seen += len(listed)
        counts = wk.criteria(store, EVERYTHING, filters).set_index(["framework_id", "criterion_code"])
        per_criterion = listed.groupby(["framework_id", "criterion_code"]).size()
        assert counts["chronic_schools"][counts["chronic_schools"] > 0].to_dict() == per_criterion.to_dict()
        th_only = wk.chronic(store, EVERYTHING, filters, "TH")
        assert th_only[columns].values.tolist() == listed[listed["framework_id"] == "TH"][columns].values.tolist()
    assert seen >= 10  # the rule was exercised, not only empty years
    this_year = wk.chronic(store, EVERYTHING, FILTERS, None).set_index(["school_id", "criterion_code"])
    assert this_year.loc[("S1", "2.3"), ["first_school_year", "years", "plans"]].tolist() == ["2020-2021", 5, 4]
    assert this_year.loc[("S1", "4.2"), ["first_school_year", "years", "plans"]].tolist() == ["2021-2022", 4, 2]
    assert this_year.loc[("S2", "1.2"), ["first_school_year", "years", "plans"]].tolist() == ["2022-2023", 3, 2]
    assert this_year.loc[("S3", "1.1"), ["first_school_year", "years", "plans"]].tolist() == [PREVIOUS_YEAR, 2, 2]
    assert ("S3", "5.4") in this_year.index and ("S1", "2.4") not in this_year.index


# --------------------------------------------------------------------------- items, themes, measures


def test_items_of_a_criterion_this_year_or_every_year(store):
    now = wk.items(store, EVERYTHING, FILTERS, "THCS_THPT", "1.5")
    assert (now.total, now.truncated) == (1, False)
    row = now.rows.iloc[0]
    assert (row["school_name"], row["school_year"], row["weakness"], row["status"], row["bucket"]) == (
        "Trường THCS Lý Tự Trọng", YEAR, "Sĩ số học sinh ở các lớp còn cao", "in_progress", "overdue")
    history = wk.items(store, EVERYTHING, FILTERS, "THCS_THPT", "1.5", all_years=True)
    assert history.rows["school_year"].tolist() == [YEAR, PREVIOUS_YEAR]  # newest first
    assert history.rows["measures"].tolist() == ["Tham mưu phân tuyến", "Tham mưu phân tuyến tuyển sinh"]
    everything = wk.items(store, EVERYTHING, FILTERS, "THCS_THPT", None, limit=3)
    assert (everything.total, len(everything.rows), everything.truncated) == (7, 3, True)
    two_year = wk.items(store, EVERYTHING, FILTERS, "TH", "1.2")
    assert two_year.rows["school_year"].tolist() == [f"{PREVIOUS_YEAR} → {YEAR}"]


def test_themes_of_this_years_texts(store):
    result = wk.weakness_themes(store, EVERYTHING, FILTERS, "THCS_THPT", None)
    assert (result.texts, result.capped) == (7, False)
    assert result.themes["items"].sum() == 7 and (result.themes["schools"] == 1).all()
    one = wk.weakness_themes(store, EVERYTHING, FILTERS, "THCS_THPT", "1.5").themes
    assert one[["schools", "items", "texts", "criteria"]].values.tolist() == [[1, 1, 1, ["1.5"]]]
    assert one.iloc[0]["examples"] == ["Sĩ số học sinh ở các lớp còn cao"]
    assert wk.weakness_themes(store, EVERYTHING, FILTERS, "MN", None).themes.empty


def test_measures_that_worked(store):
    mn = wk.measures_worked(store, EVERYTHING, FILTERS, "MN", None)
    assert (mn.known, mn.improved, mn.share) == (2, 1, 0.5)
    row = mn.rows.iloc[0]
    assert (row["criterion_code"], row["plan_year"], row["next_year"], row["level_before"], row["level_after"]) == (
        "1.1", PREVIOUS_YEAR, YEAR, 0, 1)
    assert row["measures"] == "Đăng tải phương hướng lên website" and row["gain"] == 1
    thcs = wk.measures_worked(store, EVERYTHING, FILTERS, "THCS_THPT", "1.5")
    assert (thcs.known, thcs.improved, len(thcs.rows)) == (1, 0, 0)  # S1 went from 2 to 1
    assert wk.measures_worked(store, EVERYTHING, FILTERS, "TH", None).known == 0  # S2: no 2023-2024 levels
    assert wk.measures_worked(store, EVERYTHING, LAST_YEAR, "MN", None).known == 0  # no next year yet


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize("query", ["si so", "SĨ SỐ", "Sĩ  số", "sĩ số"])
def test_search_ignores_accents_case_spacing_and_unicode_form(store, query):
    import unicodedata

    for form in ("NFC", "NFD"):
        found = wk.search(store, EVERYTHING, FILTERS, unicodedata.normalize(form, query))
        assert found.total == 2
        assert found.rows["weakness"].tolist() == ["Sĩ số học sinh ở các lớp còn cao",
                                                   "Sĩ số bình quân học sinh/lớp chưa đảm bảo theo quy định"]
        assert found.rows["school_year"].tolist() == [YEAR, PREVIOUS_YEAR]


def test_search_maps_d_and_looks_in_measures_and_across_white_space(store):
    found = wk.search(store, EVERYTHING, FILTERS, "dang website")  # "đăng" without its đ
    assert found.rows[["school_id", "in_weakness", "in_measures"]].values.tolist() == [["S2", True, False]]
    measures = wk.search(store, EVERYTHING, FILTERS, "ĐĂNG TẢI")  # S2's and S3's measures
    assert measures.rows[["school_id", "in_weakness", "in_measures"]].values.tolist() == [
        ["S2", False, True], ["S3", False, True]]
    tabbed = wk.search(store, EVERYTHING, FILTERS, "dinh duong the thap")
    assert tabbed.rows["weakness"].tolist() == [S3_TABBED]
    assert wk.search(store, EVERYTHING, FILTERS, "phân tuyến").total == 2  # measures only
    assert wk.search(store, EVERYTHING, FILTERS, "   ").total == 0
    assert wk.search(store, EVERYTHING, FILTERS, "không có chữ này").total == 0
    capped = wk.search(store, EVERYTHING, FILTERS, "si so", limit=1)
    assert (capped.total, len(capped.rows), capped.truncated) == (2, 1, True)
