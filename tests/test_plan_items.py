"""Plan items on the overdue page: buckets at boundary dates (SQL = kdcl.rules), the
headline counts, breakdowns, the item list (filters, search, sort, pages), scope and
the plan quality checks, on the tiny real database plus items built here."""

import unicodedata
from datetime import date, datetime, timedelta

import pandas as pd
import pytest
from factory import AS_OF, YEAR

from kdcl import rules
from kdcl.access import Scope
from kdcl.data import Filters
from kdcl.data import plan_items as pi
from kdcl.text import fold

EVERYTHING = Scope.everything(user="test")
FILTERS = Filters(school_year=YEAR, as_of=AS_OF)
ITEM_COLUMNS = ["item_id", "plan_id", "position", "school_id", "framework_id", "criterion_code", "target_level",
                "weakness", "measures", "lead", "time_text", "start_date", "due_date", "ongoing", "budget_vnd",
                "budget_text", "status", "status_reason", "completed_on"]


def add_items(store, rows: list[dict]) -> list[int]:
    """Extra items in S1's plan (plan 1, THCS_THPT) from partial dicts; ids from 101 on."""
    with store.cursor() as cur:
        first = cur.execute("select coalesce(max(item_id), 0) + 100 from plan_item").fetchone()[0]
    defaults = {"plan_id": 1, "school_id": "S1", "framework_id": "THCS_THPT", "criterion_code": "1.8",
                "target_level": 2, "weakness": "Điểm yếu thử", "measures": "Biện pháp thử", "lead": "Hiệu trưởng",
                "time_text": "Tháng 5/2025", "start_date": None, "due_date": None, "ongoing": False,
                "budget_vnd": None, "budget_text": None, "status": "not_started", "status_reason": None,
                "completed_on": None}
    frame = pd.DataFrame(
        [{**defaults, **row, "item_id": first + i, "position": 50 + i} for i, row in enumerate(rows)]
    )[ITEM_COLUMNS]
    log = pd.DataFrame({"item_id": frame["item_id"], "school_id": frame["school_id"],
                        "changed_at": datetime(2024, 10, 1), "changed_by": "test", "action": "create"})
    with store.transaction() as tx:
        tx.insert_frame("plan_item", frame)
        tx.insert_frame("plan_item_log", log)
    return frame["item_id"].tolist()


def listing(store, scope=EVERYTHING, filters=FILTERS, **query) -> pi.ItemPage:
    return pi.item_page(store, scope, filters, pi.ItemQuery(**{"bucket": None, "page_size": 500, **query}))


# --------------------------------------------------------------------------- buckets


def test_bucket_macro_equals_the_python_rule_on_a_grid_of_dates(tiny_store):
    """item_bucket (SQL macro) and kdcl.rules.item_bucket agree around every boundary."""
    cases = []
    for status in rules.STATUSES:
        for ongoing in (False, True):
            for offset in [None, *range(-40, 41)]:
                for risk in (0, 1, 7, 30):
                    due = None if offset is None else AS_OF + timedelta(days=offset)
                    cases.append((status, due, ongoing, risk))
    frame = pd.DataFrame(cases, columns=["status", "due_date", "ongoing", "risk_days"])
    frame["due_date"] = pd.to_datetime(frame["due_date"]).dt.date
    with tiny_store.cursor() as cur:
        cur.register("cases", frame)
        sql = "select item_bucket(status, due_date, ongoing, ?::date, risk_days) from cases"
        got = [row[0] for row in cur.execute(sql, [AS_OF]).fetchall()]
    expected = [rules.item_bucket(s, d, o, AS_OF, r) for s, d, o, r in cases]
    assert got == expected
    assert {"overdue", "at_risk", "on_track", "no_deadline", "done", "dropped"} == set(got)


def test_list_buckets_at_the_boundary_dates(tiny_store):
    ids = add_items(tiny_store, [
        {"due_date": AS_OF - timedelta(days=1)},  # yesterday: overdue by 1 day
        {"due_date": AS_OF},  # due today: at risk, not overdue
        {"due_date": AS_OF + timedelta(days=30)},  # last day of the risk window
        {"due_date": AS_OF + timedelta(days=31)},  # first day beyond it
        {"due_date": None, "time_text": ""},  # no date at all
        {"due_date": AS_OF - timedelta(days=10), "ongoing": True},  # ongoing never overdue
        {"due_date": AS_OF - timedelta(days=10), "status": "done", "completed_on": AS_OF - timedelta(days=3)},
    ])
    rows = listing(tiny_store).rows.set_index("item_id")
    assert rows.loc[ids, "bucket"].tolist() == [
        "overdue", "at_risk", "at_risk", "on_track", "no_deadline", "no_deadline", "done"]
    for item_id, due, ongoing, status in zip(ids, rows.loc[ids, "due_date"], rows.loc[ids, "ongoing"],
                                             rows.loc[ids, "status"]):
        due_date = None if pd.isna(due) else due.date()
        assert rows.loc[item_id, "bucket"] == rules.item_bucket(status, due_date, ongoing, AS_OF, 30)
    assert rows.loc[ids[0], "days_late"] == 1
    assert rows.loc[ids[6], "days_late"] == 7 and rows.loc[ids[6], "done_late"]  # done 7 days after the due date
    assert pd.isna(rows.loc[ids[1], "days_late"])
    narrow = listing(tiny_store, filters=Filters(YEAR, AS_OF, risk_days=0)).rows.set_index("item_id")
    assert narrow.loc[ids[1:4], "bucket"].tolist() == ["at_risk", "on_track", "on_track"]


# --------------------------------------------------------------------------- headline and breakdowns


def test_summary_matches_the_hand_computed_tiny_database(tiny_store):
    s = pi.overdue_summary(tiny_store, EVERYTHING, FILTERS)
    assert s == {
        "schools_total": 3, "schools_with_plan": 2, "items": 8, "schools_with_overdue": 2,
        "overdue": 2, "at_risk": 1, "on_track": 1, "no_deadline": 1, "done": 2, "done_on_time": 1,
        "done_late": 1, "dropped": 1,
        # 1.5 (S1) due 31/03: 45 days late; 1.1 (S2) due 31/01: 104 days late
        "overdue_lt30": 0, "overdue_30_90": 1, "overdue_gt90": 1,
    }


def test_aging_bands_at_their_boundaries(tiny_store):
    add_items(tiny_store, [{"due_date": AS_OF - timedelta(days=d)} for d in (1, 29, 30, 90, 91)])
    s = pi.overdue_summary(tiny_store, EVERYTHING, FILTERS)
    # new: 1 and 29 days -> under 30; 30 and 90 -> 30-90; 91 -> over 90
    assert (s["overdue_lt30"], s["overdue_30_90"], s["overdue_gt90"]) == (2, 1 + 2, 1 + 1)
    aging = pi.overdue_breakdown(tiny_store, EVERYTHING, FILTERS).query("dimension == 'school'")
    assert aging[["lt30", "d30_90", "gt90"]].sum().tolist() == [2, 3, 2]


def test_breakdown_by_school_lead_criterion_and_standard(tiny_store):
    b = pi.overdue_breakdown(tiny_store, EVERYTHING, FILTERS)
    schools, others = pi.breakdown_groups(b, "school")
    assert others is None
    assert schools[["key", "label", "items", "d30_90", "gt90"]].values.tolist() == [
        ["S1", "Trường THCS Lý Tự Trọng", 1, 1, 0], ["S2", "Trường Tiểu học Kim Đồng", 1, 0, 1]]
    leads, _ = pi.breakdown_groups(b, "lead_role")
    assert leads[["key", "label", "items"]].values.tolist() == [["principal", "Hiệu trưởng", 2]]
    criteria, _ = pi.breakdown_groups(b, "criterion")
    assert sorted(criteria["key"]) == ["TH:1.1", "THCS_THPT:1.5"]
    assert "1.5 (THCS/THPT) · Khối lớp và tổ chức lớp học" in criteria["label"].tolist()  # two families listed
    standards, _ = pi.breakdown_groups(b, "standard")
    assert standards["label"].tolist() == ["Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"]
    assert standards["items"].tolist() == [2]  # 1.5 and 1.1 are both in standard 1

    top1 = pi.overdue_breakdown(tiny_store, EVERYTHING, FILTERS, top_n=1)
    shown, others = pi.breakdown_groups(top1, "school")
    assert len(shown) == 1 and others is not None
    assert (others["label"], others["items"], others["groups"]) == ("1 trường khác", 1, 1)


def test_lead_roles_come_from_the_first_role_named(tiny_store):
    leads = {
        "HT": "principal", "Hiệu trưởng, phó hiệu trưởng": "principal", "PHT": "vice_principal",
        "Phó hiệu trưởng phụ trách nuôi dưỡng": "vice_principal", "BGH-GV-NV": "leadership",
        "Ban giám hiệu": "leadership", "TTCM": "group_head", "Tổ trưởng tổ nuôi dưỡng": "group_head",
        "GVCN": "teacher", "Giáo viên các lớp": "teacher", "Kế toán": "staff", "Nhân viên y tế": "staff",
        "Công đoàn": "organisation", "Tổng phụ trách Đội": "organisation", "  ": "none", None: "none",
        "Cha mẹ học sinh": "other", "- Hiệu trưởng": "principal",
    }
    ids = add_items(tiny_store, [{"lead": lead, "due_date": AS_OF - timedelta(days=5)} for lead in leads])
    rows = listing(tiny_store).rows.set_index("item_id")
    assert dict(zip(leads, rows.loc[ids, "lead_role"])) == leads
    # the breakdown uses the same rule: principal = 2 (tiny) + 3 new
    b = pi.overdue_breakdown(tiny_store, EVERYTHING, FILTERS, top_n=20).query("dimension == 'lead_role'")
    counts = dict(zip(b["key"], b["items"]))
    assert counts["principal"] == 5 and counts["none"] == 2 and counts["staff"] == 2
    assert listing(tiny_store, lead_role="teacher").total == 3  # and the tiny GVCN item (5.6)


# --------------------------------------------------------------------------- the item list


def test_default_list_is_the_overdue_items_most_late_first(tiny_store):
    page = pi.item_page(tiny_store, EVERYTHING, FILTERS, pi.ItemQuery())
    assert (page.total, page.schools, page.pages) == (2, 2, 1)
    assert page.rows[["school_id", "criterion_code", "days_late"]].values.tolist() == [
        ["S2", "1.1", 104], ["S1", "1.5", 45]]
    assert page.rows["last_changed_by"].tolist() == ["test", "test"]


@pytest.mark.parametrize(
    "bucket, codes",
    [
        ("at_risk", ["3.2"]), ("on_track", ["3.3"]), ("no_deadline", ["4.2"]), ("done", ["2.3", "5.6"]),
        ("done_on_time", ["5.6"]), ("done_late", ["2.3"]), ("dropped", ["2.4"]),
        ("open", ["1.1", "1.5", "3.2", "3.3", "4.2"]),
    ],
)
def test_bucket_filter(tiny_store, bucket, codes):
    page = pi.item_page(tiny_store, EVERYTHING, FILTERS, pi.ItemQuery(bucket=bucket))
    assert sorted(page.rows["criterion_code"]) == codes


def test_school_criterion_and_scope_filters(tiny_store):
    assert listing(tiny_store, school_id="S2").total == 1
    assert listing(tiny_store, framework_id="THCS_THPT", criterion_code="1.5").rows["item_id"].tolist() == [1]
    assert listing(tiny_store, framework_id="TH", criterion_code="1.5").total == 0
    principal = Scope(school_id="S2", role="principal", user="ht")
    assert listing(tiny_store, principal).rows["school_id"].unique().tolist() == ["S2"]
    assert listing(tiny_store, principal, school_id="S1").total == 0  # a filter never widens the scope
    assert listing(tiny_store, Scope(unit_id="W2", role="office")).total == 0
    assert listing(tiny_store, filters=Filters(YEAR, AS_OF, unit_id="D")).rows["school_id"].unique().tolist() == ["S1"]
    assert pi.overdue_summary(tiny_store, principal, FILTERS)["overdue"] == 1


@pytest.mark.parametrize("text", ["si so", "SĨ SỐ", "Sĩ số", "sĩ  số học", "lý tự trọng", "LY TU TRONG 1.5"])
def test_search_ignores_accents_case_and_spacing(tiny_store, text):
    rows = listing(tiny_store, search=text).rows
    if "trong" in fold(text) and "1.5" not in text:
        assert set(rows["school_id"]) == {"S1"} and len(rows) == 7  # the school name matches every S1 item
    else:
        assert rows["item_id"].tolist() == [1]


def test_search_finds_decomposed_text_and_treats_symbols_literally(tiny_store):
    nfd = unicodedata.normalize("NFD", "Phòng học bộ môn chưa đủ")  # as text extracted from some PDFs
    ids = add_items(tiny_store, [{"weakness": nfd}, {"weakness": "Tỉ lệ (a+b)*2 đạt"}])
    assert listing(tiny_store, search="bo mon chua du").rows["item_id"].tolist() == [ids[0]]
    assert listing(tiny_store, search="(a+b)*2").rows["item_id"].tolist() == [ids[1]]
    assert listing(tiny_store, search="a+b").rows["item_id"].tolist() == [ids[1]]
    assert listing(tiny_store, search="đạt").total == listing(tiny_store, search="dat").total >= 1


def test_search_pattern_agrees_with_the_folded_text(tiny_store):
    """The regular expression sent to DuckDB finds exactly what a plain comparison of
    folded texts (fold() in SQL, kdcl.text.fold in Python) finds."""
    texts = ["Sĩ số học sinh", "SĨ SỐ", "Đội ngũ", "đồng bộ", "Trường   Lý\tTự Trọng", "Nhà đa năng", "Khối phòng",
             "Thiết bị", "Điểm trường", "Ưu tiên", "1.5 · Khối lớp", "a+b", "Cơ sở vật chất"]
    queries = ["si so", "doi ngu", "dong", "ly tu trong", "nha da nang", "THIET BI", "diem", "uu", "1.5 ·",
               "a+b", "co so vat", "o", "ong bo"]
    with tiny_store.cursor() as cur:
        for q in queries:
            pattern = pi.search_pattern(q)
            for text in texts:
                sql_match = cur.execute("select regexp_matches(?, ?)", [text, pattern]).fetchone()[0]
                folded = cur.execute("select fold(?)", [text]).fetchone()[0]
                assert fold(text) == folded
                assert sql_match == (fold(q) in fold(text)), (q, text)
    assert pi.search_pattern("   ") == ""


def test_sort_is_allow_listed_and_every_column_sorts(tiny_store):
    with pytest.raises(ValueError):
        pi.ItemQuery(sort="weakness; drop table plan_item")
    with pytest.raises(ValueError):
        pi.ItemQuery(bucket="late")
    with pytest.raises(ValueError):
        pi.ItemQuery(page_size=10_000)
    due = listing(tiny_store, sort="due_date", descending=False).rows["due_date"]
    assert due.dropna().is_monotonic_increasing and due.isna().sum() == 1 and pd.isna(due.iloc[-1])
    schools = listing(tiny_store, sort="school", descending=True).rows["school_name"]
    assert schools.iloc[0] == "Trường Tiểu học Kim Đồng" and schools.iloc[-1] == "Trường THCS Lý Tự Trọng"
    status = listing(tiny_store, sort="status", descending=False).rows["bucket"].tolist()
    assert status[:2] == ["overdue", "overdue"] and status[-1] == "dropped"
    for column in pi.SORT_COLUMNS:
        assert listing(tiny_store, sort=column).total == 8


def test_pages_are_cut_in_sql_and_a_page_past_the_end_shows_the_last(tiny_store):
    first = listing(tiny_store, page_size=3, sort="criterion", descending=False)
    assert (first.total, first.pages, len(first.rows)) == (8, 3, 3)
    pages = [listing(tiny_store, page_size=3, page=n, sort="criterion", descending=False).rows for n in (1, 2, 3)]
    ids = [i for rows in pages for i in rows["item_id"]]
    assert sorted(ids) == list(range(1, 9))  # every item once
    beyond = listing(tiny_store, page_size=3, page=9, sort="criterion", descending=False)
    assert beyond.page == 3 and beyond.rows["item_id"].tolist() == pages[2]["item_id"].tolist()


def test_history_is_scoped(tiny_store):
    assert len(pi.item_history(tiny_store, EVERYTHING, 1)) == 1
    assert pi.item_history(tiny_store, Scope(school_id="S2", role="principal"), 1).empty


def test_table_frame_has_vietnamese_headers_and_labels(tiny_store):
    rows = pi.attach_checks(listing(tiny_store, sort="criterion", descending=False).rows,
                            pi.plan_quality(tiny_store, EVERYTHING, FILTERS))
    table = pi.table_frame(rows)
    assert list(table.columns) == [
        "Trường", "Tiêu chí", "Điểm yếu", "Biện pháp", "Chủ trì", "Thời gian (theo kế hoạch)", "Hạn hoàn thành",
        "Số ngày trễ", "Tình trạng", "Trạng thái thực hiện", "Tiến độ, ghi chú", "Lưu ý về kế hoạch",
        "Cập nhật lần cuối", "Người cập nhật"]
    by_code = table.set_index(pd.Index(rows["criterion_code"].tolist()))
    assert by_code.loc["2.3", "Tình trạng"] == "Hoàn thành trễ hạn"
    assert by_code.loc["2.3", "Tiến độ, ghi chú"] == "Hoàn thành ngày 15/02/2025"
    assert by_code.loc["5.6", "Tình trạng"] == "Hoàn thành đúng hạn"
    assert by_code.loc["2.4", "Tiến độ, ghi chú"] == "Lý do: Đã chuyển sang kế hoạch năm sau"
    assert by_code.loc["1.5", "Hạn hoàn thành"] == date(2025, 3, 31)
    assert by_code.loc["1.5", "Tiêu chí"] == "1.5 · Khối lớp và tổ chức lớp học"
    assert by_code.loc["3.3", "Lưu ý về kế hoạch"] == "Hạn sau khi kế hoạch kết thúc"
    assert pi.table_frame(rows.iloc[0:0]).columns.tolist() == table.columns.tolist()


# --------------------------------------------------------------------------- plan quality


def test_plan_quality_on_the_tiny_database(tiny_store):
    checks = pi.plan_quality(tiny_store, EVERYTHING, FILTERS)
    assert sorted(map(tuple, checks[["item_id", "check_code"]].values.tolist())) == [
        (3, "due_after_plan"),  # 3.3 due 31/12/2025, the 2024-2025 plan ends 31/05/2025
        (4, "vague_time"),  # 4.2 "Thực hiện thường xuyên", no date
        (8, "target_not_above"),  # S2's 1.1 is already at mức 3, the target is mức 3
    ]


def test_plan_quality_of_the_items_shown_is_the_same_as_of_all(tiny_store):
    """The list page checks only the items it shows: the same rows as the full check, filtered."""
    every = pi.plan_quality(tiny_store, EVERYTHING, FILTERS)
    for ids in [(3,), (3, 4), (1, 2, 8), (), (999,)]:
        shown = pi.plan_quality(tiny_store, EVERYTHING, FILTERS, ids)
        assert shown.values.tolist() == every[every["item_id"].isin(ids)].values.tolist(), ids
    assert len(pi.plan_quality(tiny_store, Scope(school_id="S2", role="principal"), FILTERS, (3, 4, 8))) == 1


def test_every_plan_quality_check(tiny_store):
    end = date(2025, 5, 31)
    ids = add_items(tiny_store, [
        {"lead": "  ", "due_date": end},  # no lead
        {"time_text": "Khi có kinh phí", "due_date": None},  # no due date
        {"time_text": "Thường xuyên", "ongoing": True, "start_date": date(2024, 9, 1)},  # ongoing from a date: ok
        {"criterion_code": "1.6", "target_level": 1, "due_date": end},  # 1.6 is already at mức 1
        {"criterion_code": "3.5", "due_date": end},  # facilities, no budget
        {"criterion_code": "3.6", "due_date": end, "budget_text": "Xã hội hóa"},  # a budget in words: ok
        {"criterion_code": "3.6", "due_date": end + timedelta(days=1)},  # one day after the plan
    ])
    checks = pi.plan_quality(tiny_store, EVERYTHING, FILTERS)
    mine = checks[checks["item_id"].isin(ids)].groupby("item_id")["check_code"].agg(sorted).to_dict()
    assert mine == {
        ids[0]: ["no_lead"],
        ids[1]: ["no_deadline"],
        ids[3]: ["target_not_above"],
        ids[4]: ["facilities_no_budget"],
        ids[6]: ["due_after_plan", "facilities_no_budget"],
    }
    by_school = pi.plan_quality_by_school(tiny_store, EVERYTHING, FILTERS).set_index("school_id")
    assert by_school.loc["S1", "items"] == 14 and by_school.loc["S1", "items_flagged"] == 2 + 5
    assert by_school.loc["S1", "facilities_no_budget"] == 2 and by_school.loc["S2", "target_not_above"] == 1
    assert list(by_school.index) == ["S1", "S2"]  # most to review first
    # every code has a label and a one-line explanation
    for code in pi.PLAN_CHECKS:
        assert pi.PLAN_CHECK_LABELS[code] and "\n" not in pi.PLAN_CHECK_HELP[code]


def test_options_for_the_filters(tiny_store):
    schools = pi.school_options(tiny_store, EVERYTHING, FILTERS)
    assert schools[["school_id", "items", "overdue_items"]].values.tolist() == [["S1", 7, 1], ["S2", 1, 1]]
    criteria = pi.criterion_options(tiny_store, EVERYTHING, FILTERS)
    choices = pi.criterion_choices(criteria)
    assert choices["TH:1.1"].startswith("1.1 (tiểu học) · ") and len(choices) == 8
    assert pi.split_criterion_key("THCS_THPT:1.5") == ("THCS_THPT", "1.5")
    only_s1 = pi.criterion_choices(pi.criterion_options(tiny_store, Scope(school_id="S1", role="principal"), FILTERS))
    assert only_s1["THCS_THPT:1.5"] == "1.5 · Khối lớp và tổ chức lớp học"
