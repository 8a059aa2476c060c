"""Issue 17: a principal's pages, run by AppTest on the tiny real database.

The principal of S1 (THCS Lý Tự Trọng, seed 002: Mức 1, 16/28 at Mức 2 = 57,14%; 7 plan items:
1 overdue 1.5, 1 at risk 3.2, 1 on track 3.3, 1 no deadline 4.2, 2 done 5.6 and 2.3, 1 dropped 2.4)
lands on the school's home: its name, level, the official summary, what blocks Mức 2, the items
grouped (overdue first), each editable there; and no office furniture on any page (no unit or
school-type filter, no "Trường cần quan tâm", no "1/1" counts, no per-school chart).
"""

import re

import pytest

from conftest import page_app
from streamlit.testing.v1 import AppTest
from test_levels import add_peers

from kdcl.access import Scope
from kdcl.db import Store

PRINCIPAL = Scope(school_id="S1", role="principal", user="ht")
SCHOOL = "Trường THCS Lý Tự Trọng"
OFFICE_LABELS = ("Đơn vị quản lý", "Loại trường")  # the sidebar filters a principal must not get


def everything(at: AppTest) -> str:
    parts = [*at.title, *at.header, *at.subheader, *at.markdown, *at.caption, *at.info, *at.warning, *at.success]
    return "\n".join(str(p.value) for p in parts) + "\n" + "\n".join(e.label for e in at.expander)


def assert_no_office_furniture(at: AppTest) -> None:
    labels = [w.label for w in [*at.selectbox, *at.multiselect]]
    for office in OFFICE_LABELS:
        assert office not in labels
    text = everything(at)
    assert "Trường cần quan tâm" not in text
    assert not re.search(r"(?<![\d/])1/1(?![\d/])", text)  # a count of one ("1/1 trường"), not a date
    assert "Đơn vị quản lý: tất cả" not in text


def groups(at: AppTest) -> list:
    """The home's item groups (the other expander lists the criteria to raise)."""
    return [e for e in at.expander if not e.label.startswith("Tên ")]


def home(db, monkeypatch, scope=PRINCIPAL, **params) -> AppTest:
    return page_app("home", db, monkeypatch, scope, **params).run()


def item_key(at: AppTest, prefix: str) -> str:
    return next(b.key for b in at.button if b.key and b.key.startswith(prefix))


def test_home_names_the_school_its_level_and_summary(db, monkeypatch):
    at = home(db, monkeypatch)
    assert not at.exception
    assert at.title[0].value == SCHOOL
    text = everything(at)
    assert "Số lượng các tiêu chí đạt Mức 2: **16/28**, tỉ lệ **57,14%**" in text
    assert "Kết quả: Trường đạt **Mức 1**." in text
    assert at.metric[0].value == "Mức 1"
    assert "Để đạt **Mức 2**, trường cần nâng **12** tiêu chí" in text
    names = next(e for e in at.expander if e.label == "Tên 12 tiêu chí cần nâng").markdown[0].value
    assert "- **1\\.5** · " in names or "- **1.5** · " in names
    assert names.count("\n- ") == 11 and names.count("chưa có mục trong kế hoạch") == 5
    assert_no_office_furniture(at)


def test_home_groups_items_overdue_first(db, monkeypatch):
    at = home(db, monkeypatch)
    labels = [e.label for e in groups(at)]
    assert labels == ["Quá hạn (1)", "Sắp đến hạn (1)", "Đang thực hiện (1)", "Chưa thực hiện (1)",
                      "Đã hoàn thành (2)", "Không thực hiện (1)"]
    first = groups(at)[0]
    assert "**1.5**" in first.markdown[0].value and "quá hạn" in first.markdown[0].value


def test_home_updates_an_item_with_history_and_version(db, monkeypatch):
    at = home(db, monkeypatch)
    edit = item_key(at, "w_home_edit_")
    item_id = int(edit.rsplit("_", 1)[1])  # the first card: the overdue item
    at.button(key=edit).click().run()
    assert at.query_params["item"] == [str(item_id)] or at.query_params["item"] == str(item_id)
    assert any(e.label == "Lịch sử thay đổi" for e in at.expander)  # the item's history, beside its form
    at.selectbox(key=f"w_home_status_{item_id}").select("done").run()
    at.text_area(key=f"w_home_note_{item_id}").input("Đã phân tuyến xong").run()
    at.button(key=f"w_home_save_{item_id}").click().run()
    assert not at.exception
    assert "Đã lưu" in at.success[0].value
    assert "item" not in at.query_params
    assert groups(at)[0].label.startswith("Sắp đến hạn")  # nothing overdue any more
    store = Store(db)
    try:
        row = store.query("plan_items_current", scope_unit_id=None, scope_school_id=None, item_id=item_id)
        assert row["status"].iloc[0] == "done" and row["progress_note"].iloc[0] == "Đã phân tuyến xong"
        assert int(row["version"].iloc[0]) == 2
        history = store.query("plan_items_history", scope_unit_id=None, scope_school_id=None, item_id=item_id)
        mine = history[history["changed_by"] == "ht"]
        assert set(mine["field"]) == {"status", "completed_on", "progress_note"}
    finally:
        store.close()


def test_home_refuses_a_change_it_did_not_see(db, monkeypatch):
    from kdcl import updates

    at = home(db, monkeypatch)
    edit = item_key(at, "w_home_edit_")
    item_id = int(edit.rsplit("_", 1)[1])
    at.button(key=edit).click().run()
    store = Store(db)  # someone else saves the item meanwhile
    try:
        updates.update_item(store, Scope.everything(user="phong"), item_id, 1, progress_note="Phòng ghi")
    finally:
        store.close()
    at.selectbox(key=f"w_home_status_{item_id}").select("in_progress").run()
    at.button(key=f"w_home_save_{item_id}").click().run()
    assert not at.exception
    assert at.error and "người khác cập nhật" in at.error[0].value
    store = Store(db)
    try:
        row = store.query("plan_items_current", scope_unit_id=None, scope_school_id=None, item_id=item_id)
        assert row["progress_note"].iloc[0] == "Phòng ghi" and int(row["version"].iloc[0]) == 2
    finally:
        store.close()


def test_home_item_link_opens_its_editor(db, monkeypatch):
    at = home(db, monkeypatch)
    item_id = int(item_key(at, "w_home_edit_").rsplit("_", 1)[1])
    linked = home(db, monkeypatch, item=str(item_id))
    assert not linked.exception
    assert linked.selectbox(key=f"w_home_status_{item_id}").value == "in_progress"  # item 1.5 as stored


def test_home_peers_band_without_rank(db, monkeypatch):
    store = Store(db)
    try:
        add_peers(store, [0, 3, 12, 12, 12])
    finally:
        store.close()
    at = home(db, monkeypatch)
    text = everything(at)
    assert "So với các trường cùng nhóm" in text
    assert "nhóm" in text and ("khoảng giữa" in text or "nhóm thấp" in text or "nhóm cao" in text)
    assert "hạng" not in text.replace("Không xếp hạng", "")


def test_viewer_sees_no_edit_prompt_on_home_or_overdue(db, monkeypatch):
    viewer = Scope(role="viewer", user="hdnd")
    at = home(db, monkeypatch, scope=viewer, school="S1")
    assert not at.exception
    assert not [b for b in at.button if b.key and b.key.startswith("w_home_edit_")]
    assert "Cập nhật" not in everything(at)
    od = page_app("overdue", db, monkeypatch, viewer, bucket="all").run()
    assert not od.exception
    assert "Đánh dấu ô" not in everything(od)
    key = next(d.key for d in od.dataframe if d.key and d.key.startswith("od_table_"))
    for rows in ([0], [0, 1]):  # a viewer who selects rows reads them, is not asked to update them
        od.session_state[key] = {"selection": {"rows": rows, "columns": [], "cells": []}}
        od.run()
        assert not od.exception
        assert "Cập nhật" not in everything(od) and "cùng lúc" not in everything(od)
        assert not [b for b in od.button if b.key and b.key.startswith("w_od_save_")]
        assert "chỉ có quyền xem" in od.info[-1].value  # the selection was shown (and refused an edit)
    assert "2 mục đã chọn" in everything(od)


# --------------------------------------------------------------------------- the other pages, one-school forms


@pytest.fixture
def peers_db(db):
    store = Store(db)
    try:
        add_peers(store, [0, 3, 12, 12, 12])  # five THCS peers in S1's ward: compared, anonymously
    finally:
        store.close()
    return db


def test_levels_page_shows_the_school_criteria_over_the_years(db, monkeypatch):
    at = page_app("levels", db, monkeypatch, PRINCIPAL).run()
    assert not at.exception
    assert at.title[0].value == "Mức đạt của trường qua các năm"
    text = everything(at)
    assert SCHOOL in text
    assert "2023-2024: **Mức 2** → 2024-2025: **Mức 1**" in text
    assert_no_office_furniture(at)
    table = at.dataframe[0].value
    assert list(table.columns[-2:]) == ["2023-2024", "2024-2025"]
    assert table.set_index("criterion_code").loc["1.5", "2024-2025"] == "Mức 1"


def test_school_page_is_the_own_school(db, monkeypatch):
    at = page_app("school", db, monkeypatch, PRINCIPAL).run()
    assert not at.exception
    assert at.selectbox(key="w_school").disabled and at.selectbox(key="w_school").value == "S1"
    assert "S1" in everything(at)
    assert_no_office_furniture(at)


def test_weaknesses_page_shows_the_school_weaknesses_beside_peers(peers_db, monkeypatch):
    at = page_app("weaknesses", peers_db, monkeypatch, PRINCIPAL).run()
    assert not at.exception
    assert at.title[0].value == "Điểm yếu của trường"
    assert SCHOOL in everything(at)
    assert_no_office_furniture(at)
    table = at.dataframe[0].value
    rows = dict(zip(table["criterion"].str.split(" · ").str[0], table["peers"]))
    # peers P2..P5 are weak on the first 3 or 12 seed codes: 1.5 is shared by 4 of 5 others
    assert rows["1.5"] == "4/5"
    assert rows["5.2"] == "3/5"
    assert "Bạn" not in table.to_string()  # never a peer's name


def test_weaknesses_page_without_peers_says_so(db, monkeypatch):
    at = page_app("weaknesses", db, monkeypatch, PRINCIPAL).run()
    assert not at.exception
    assert "peers" not in at.dataframe[0].value.columns
    assert "ít hơn 5 trường" in everything(at)


def test_overdue_list_is_the_school_items(db, monkeypatch):
    at = page_app("overdue", db, monkeypatch, PRINCIPAL).run()
    assert not at.exception
    text = everything(at)
    assert SCHOOL in text
    assert_no_office_furniture(at)
    assert not [s for s in at.selectbox if s.key == "w_od_school"]
    assert at.selectbox(key="w_od_bucket").value == "open"  # open items first, even with none overdue
    assert "**4 mục**" in text  # overdue 1.5, at risk 3.2, on track 3.3, no deadline 4.2


def test_overdue_analysis_is_by_lead_not_by_school(db, monkeypatch):
    at = page_app("overdue", db, monkeypatch, PRINCIPAL)
    at.session_state["w_od_tab"] = "Phân tích quá hạn"
    at.run()
    assert not at.exception
    titles = [c.proto.spec for c in at.get("plotly_chart")]
    assert any("Hiệu trưởng" in spec for spec in titles)  # 1.5's lead
    assert not any("Trường có nhiều mục quá hạn nhất" in spec for spec in titles)
    assert_no_office_furniture(at)


def test_overdue_quality_is_one_row_per_check(db, monkeypatch):
    at = page_app("overdue", db, monkeypatch, PRINCIPAL)
    at.session_state["w_od_tab"] = "Chất lượng kế hoạch"
    at.run()
    assert not at.exception
    quality = at.dataframe[0].value
    assert "school_name" not in quality.columns
    assert int(quality.iloc[:, 1].sum()) >= 2
    assert_no_office_furniture(at)


def test_overview_sends_a_principal_home(db, monkeypatch):
    at = page_app("overview", db, monkeypatch, PRINCIPAL).run()
    assert not at.exception
    assert "Trường của tôi" in at.info[0].value
    assert not at.metric


def test_presentation_is_the_school_deck(db, monkeypatch):
    at = page_app("presentation", db, monkeypatch, PRINCIPAL).run()
    assert not at.exception
    html = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert SCHOOL in html and "16/28" in html and "57,14%" in html
    assert "Đơn vị quản lý" not in html and "trường đã báo cáo" not in html
    assert_no_office_furniture(at)
    at.button(key="present_next").click().run()
    assert "Các tiêu chí cần nâng mức" in "\n".join(str(h.proto.body) for h in at.get("html"))


def test_home_shows_plan_text_as_typed(db, monkeypatch):
    store = Store(db)
    try:
        with store.cursor() as cur:
            cur.execute("update plan_item set measures = 'Tham mưu *phân tuyến* [lớp 6](x)' where item_id = 1")
    finally:
        store.close()
    at = home(db, monkeypatch)
    card = groups(at)[0].markdown[1].value
    assert "\\*phân tuyến\\*" in card and "\\[lớp 6\\]" in card  # no italics, no link


@pytest.mark.parametrize(("school_id", "name", "expected"), [
    ("S2", "Trường Tiểu học Kim Đồng", "Trường đã đạt mức cao nhất của bộ tiêu chí (Mức 3)."),
    ("S3", "Trường Mầm non Hoa Sen", "chưa có kế hoạch cải tiến"),
])
def test_home_of_a_school_at_the_top_or_without_a_plan(db, monkeypatch, school_id, name, expected):
    at = home(db, monkeypatch, scope=Scope(school_id=school_id, role="principal", user="ht"))
    assert not at.exception
    assert at.title[0].value == name
    assert expected in everything(at)
    assert_no_office_furniture(at)
    for page in ("levels", "weaknesses", "overdue", "presentation", "school"):
        other = page_app(page, db, monkeypatch, Scope(school_id=school_id, role="principal", user="ht")).run()
        assert not other.exception, (page, other.exception)
        assert_no_office_furniture(other)


def test_the_school_page_after_the_home_reuses_its_report(db, monkeypatch):
    """Issue 20, many people at once: a principal signs in on the home and opens the school page next;
    both show the one school report, loaded once (it was computed twice, ~0.1 s of SQL and pandas
    each at 45,000 schools)."""
    from kdcl import db as kdb

    assert not home(db, monkeypatch).exception
    traced: list[str] = []
    kdb.set_tracer(lambda name, params, seconds: traced.append(name))
    try:
        at = page_app("school", db, monkeypatch, PRINCIPAL).run()
    finally:
        kdb.set_tracer(None)
    assert not at.exception
    assert "Kết quả tự đánh giá năm học" in everything(at)
    assert "school_criteria" not in traced and "school_profile" not in traced, traced
