"""The items of the plans covering a school year, one rule (migration 0011: plan_covers, year_plans, year_items)
read alike by every query of the plan-item family.

On top of the tiny database: S1 gets a plan over three school years (2023-2024 -> 2025-2026, item 101, overdue
on AS_OF, no lead) and a plan of the next year (2025-2026, item 102); S2 a plan that ended the year before
(2022-2023 -> 2023-2024, item 103); S3 a plan of this year without items. A query that read only the plan's
first year would miss 101; one that read only its last year would miss 101 too and take 102; one that counted
items where it meant plans would not see S3's plan; one that ignored the years would take 102 and 103.
"""

from datetime import date

import pandas as pd
import pytest
from factory import AS_OF, PREVIOUS_YEAR, YEAR

from kdcl import data
from kdcl.access import Scope

EVERYTHING = Scope.everything()
FILTERS = data.Filters(school_year=YEAR, as_of=AS_OF)
NEXT_YEAR = "2025-2026"
THIS_YEAR_ITEMS = {1, 2, 3, 4, 5, 6, 7, 8, 101}  # the tiny database's eight and the three-year plan's one


@pytest.fixture
def store(tiny_store):
    plans = pd.DataFrame(
        [(3, "S1", PREVIOUS_YEAR, NEXT_YEAR, "Kế hoạch 2023-2026"), (4, "S1", NEXT_YEAR, NEXT_YEAR, "Kế hoạch sau"),
         (5, "S2", "2022-2023", PREVIOUS_YEAR, "Kế hoạch cũ"), (6, "S3", YEAR, YEAR, "Kế hoạch chưa có mục")],
        columns=["plan_id", "school_id", "school_year", "end_school_year", "title"],
    )
    items = pd.DataFrame(
        [(101, 3, 1, "S1", "THCS_THPT", "1.1", "Cơ cấu tổ chức chưa đủ", "Bổ sung nhân sự", None,
          date(2025, 4, 1), date(2025, 4, 30)),
         (102, 4, 1, "S1", "THCS_THPT", "1.2", "Việc của năm sau", "Làm năm sau", "Hiệu trưởng",
          date(2025, 9, 1), date(2025, 10, 31)),
         (103, 5, 1, "S2", "TH", "1.2", "Việc của năm trước", "Đã làm", "Hiệu trưởng",
          date(2023, 9, 1), date(2023, 10, 31))],
        columns=["item_id", "plan_id", "position", "school_id", "framework_id", "criterion_code", "weakness",
                 "measures", "lead", "start_date", "due_date"],
    )
    with tiny_store.transaction() as tx:
        tx.insert_frame("plan", plans)
        tx.insert_frame("plan_item", items)
    return tiny_store


def test_every_plan_item_query_takes_the_items_of_the_plans_covering_the_year(store):
    p = data.params(EVERYTHING, FILTERS)
    listed = store.query("plan_items_list", **p, bucket=None, school_id=None, framework_id=None, criterion_code=None,
                         lead_role=None, query="", sort="due_date", descending=False, limit=100, offset=0)
    assert set(listed["item_id"]) == THIS_YEAR_ITEMS and listed["total_rows"].iloc[0] == 9
    s1 = store.query("school_plan_items", **p, school_id="S1")
    assert set(s1["item_id"]) == THIS_YEAR_ITEMS - {8}
    three_years = s1.set_index("item_id").loc[101]
    assert (three_years["plan_start_year"], three_years["plan_end_year"]) == (PREVIOUS_YEAR, NEXT_YEAR)
    assert three_years["bucket"] == "overdue" and three_years["days_late"] == 15
    document = store.query("plan_document_items", **p, school_id="S1")
    assert set(document["item_id"]) == THIS_YEAR_ITEMS - {8}
    quality = store.query("plan_quality", **p, item_ids=None)
    assert set(quality["item_id"]) <= THIS_YEAR_ITEMS and (101, "no_lead") in set(
        zip(quality["item_id"], quality["check_code"]))
    status = data.school_plan_status(store, EVERYTHING, FILTERS).set_index("school_id")
    assert status["plan_items"].to_dict() == {"S1": 8, "S2": 1, "S3": 0}
    assert status.loc["S1", "overdue_items"] == 2  # 1.5 and the three-year plan's 1.1
    schools = store.query("plan_items_schools", **p).set_index("school_id")
    assert schools["items"].to_dict() == {"S1": 8, "S2": 1}
    criteria = store.query("plan_items_criteria", **p)
    assert criteria["items"].sum() == 9 and "1.2" not in set(criteria["criterion_code"])
    breakdown = store.query("overdue_breakdown", **p, top_n=10)
    by_school = breakdown[breakdown["dimension"] == "school"].set_index("key")["items"].to_dict()
    assert by_school == {"S1": 2, "S2": 1}


def test_counts_of_items_and_of_plans_keep_their_difference(store):
    summary = store.query("overdue_summary", **data.params(EVERYTHING, FILTERS)).iloc[0]
    # S3's plan covers the year without items: it has a plan, and no item
    assert (summary["schools_total"], summary["schools_with_plan"], summary["items"]) == (3, 3, 9)
    assert (summary["overdue"], summary["schools_with_overdue"]) == (3, 2)
    before = store.query("overdue_summary", **data.params(EVERYTHING, data.Filters(PREVIOUS_YEAR, AS_OF))).iloc[0]
    assert (before["schools_with_plan"], before["items"]) == (2, 2)  # S1's three-year plan, S2's old one


def test_exports_and_weakness_pages_read_the_same_years(store):
    base = {**EVERYTHING.params(), "unit_id": None, "school_type": None, "school_id": None}
    assert store.query("import_export_plan_rows", **base, school_year=YEAR)["export_rows"].iloc[0] == 9
    assert store.query("import_export_plan_rows", **base, school_year=None)["export_rows"].iloc[0] == 11
    exported = store.query("import_export_plan_items", **base, school_year=YEAR)
    assert len(exported) == 9
    assert exported.loc[exported["weakness"] == "Cơ cấu tổ chức chưa đủ", "school_year"].tolist() == [PREVIOUS_YEAR]
    weak = {"framework_id": "THCS_THPT", "criterion_code": None, "limit": 100}
    texts = store.query("weakness_texts", **data.params(EVERYTHING, FILTERS), **weak)
    assert "Cơ cấu tổ chức chưa đủ" in set(texts["text"]) and "Việc của năm sau" not in set(texts["text"])
    items = store.query("weakness_items", **data.params(EVERYTHING, FILTERS), **weak, all_years=False)
    assert set(items["item_id"]) == THIS_YEAR_ITEMS - {8}
    assert items.set_index("item_id").loc[101, "school_year"] == f"{PREVIOUS_YEAR} → {NEXT_YEAR}"
    th = {**weak, "framework_id": "TH"}
    this_year = store.query("weakness_items", **data.params(EVERYTHING, FILTERS), **th, all_years=False)
    up_to = store.query("weakness_items", **data.params(EVERYTHING, FILTERS), **th, all_years=True)
    assert set(this_year["item_id"]) == {8} and set(up_to["item_id"]) == {8, 103}
