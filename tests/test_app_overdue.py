"""pages/overdue.py run by Streamlit's AppTest on the tiny real database: the numbers
match the hand-computed ones, filters and search, a status update with its history,
a conflict, a viewer, and the analysis and plan quality tabs."""

from datetime import date

import pytest
from conftest import page_app
from streamlit.testing.v1 import AppTest

from kdcl import updates
from kdcl.access import Scope
from kdcl.db import Store


def make_app(db_path, monkeypatch, scope=None, **params: str):
    return page_app("overdue", db_path, monkeypatch, scope, **params)


@pytest.fixture
def app(db, monkeypatch):
    return make_app(db, monkeypatch)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table(at: AppTest):
    return at.dataframe[0].value


def select_rows(at: AppTest, rows: list[int]) -> AppTest:
    """Tick rows of the item table, as a click on their checkboxes would."""
    key = next(d.key for d in at.dataframe if d.key and d.key.startswith("od_table_"))
    at.session_state[key] = {"selection": {"rows": rows, "columns": [], "cells": []}}
    return at.run()


def save_button(at: AppTest):
    return next(b for b in at.button if b.key and b.key.startswith("w_od_save_"))


def test_numbers_match_the_hand_computed_ones(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "Mục kế hoạch quá hạn và sắp đến hạn"
    assert metrics(app) == {"Quá hạn": "2", "Sắp đến hạn": "1", "Đúng tiến độ": "1", "Thường xuyên": "1",
                            "Xong đúng hạn": "1", "Xong trễ hạn": "1"}
    assert app.metric[0].delta == "ở 2 trường"
    captions = " ".join(c.value for c in app.caption)
    assert "tính đến 15/05/2025" in captions and "2/3 trường đã báo cáo" in captions
    assert "Ngoài ra 1 mục không thực hiện" in captions and "Tổng cộng 8 mục" in captions
    assert any("2 mục ở 2 trường" in m.value for m in app.markdown)
    rows = table(app)
    assert rows["Trường"].tolist() == ["Trường Tiểu học Kim Đồng", "Trường THCS Lý Tự Trọng"]
    assert rows["Số ngày trễ"].tolist() == [104, 45]
    assert rows["Tình trạng"].tolist() == ["Quá hạn", "Quá hạn"]
    assert rows["Thời gian (theo kế hoạch)"].tolist() == ["Tháng 01/2025", "Tháng 3/2025"]
    assert [b.label for b in app.get("download_button")] == ["Tải Excel", "Tải CSV"]


def test_filters_come_from_the_url_and_go_back_to_it(db, monkeypatch):
    at = make_app(db, monkeypatch, bucket="at_risk").run()
    assert not at.exception
    assert table(at)["Tiêu chí"].tolist() == ["3.2 · Phòng học, phòng học bộ môn và khối phục vụ học tập"]
    at.selectbox(key="w_od_bucket").set_value("all").run()
    assert at.query_params["bucket"] == "all" and len(table(at)) == 8
    at.text_input(key="w_od_search").input("si so").run()
    assert at.query_params["q"] == "si so"
    assert table(at)["Điểm yếu"].tolist() == ["Sĩ số học sinh ở các lớp còn cao"]
    at.text_input(key="w_od_search").input("").run()
    at.selectbox(key="w_od_lead").set_value("teacher").run()
    assert table(at)["Chủ trì"].tolist() == ["GVCN"]
    at.selectbox(key="w_od_lead").set_value(None).run()
    at.selectbox(key="w_od_school").set_value("S2").run()
    assert at.query_params["school"] == "S2" and table(at)["Trường"].unique().tolist() == ["Trường Tiểu học Kim Đồng"]
    late = make_app(db, monkeypatch, bucket="done_late").run()
    assert table(late)["Tình trạng"].tolist() == ["Hoàn thành trễ hạn"]


def test_a_risk_window_from_the_sidebar_moves_items(db, monkeypatch):
    at = make_app(db, monkeypatch, risk="7").run()
    assert metrics(at)["Sắp đến hạn"] == "0" and metrics(at)["Đúng tiến độ"] == "2"


def test_marking_an_item_done_updates_the_page_and_its_history(app):
    app.run()
    select_rows(app, [1])  # S1, 1.5
    assert not app.exception
    assert app.subheader[0].value == "Trường THCS Lý Tự Trọng · tiêu chí 1.5 · Khối lớp và tổ chức lớp học"
    history = next(d.value for d in app.dataframe if "Người thực hiện" in d.value.columns)
    assert history["Nội dung"].tolist() == ["Tạo mục (nhập kế hoạch)"]
    app.selectbox(key=next(s.key for s in app.selectbox if s.key.startswith("w_od_status_"))).set_value("done")
    app.run()
    done_on = next(d for d in app.date_input if d.key.startswith("w_od_done_"))
    done_on.set_value(date(2025, 5, 10))
    next(a for a in app.text_area if a.key.startswith("w_od_note_")).input("Đã phân tuyến xong")
    save_button(app).click().run()
    assert not app.exception
    assert [s.value for s in app.success] == ["Đã lưu thay đổi cho 1 mục."]
    assert metrics(app)["Quá hạn"] == "1" and metrics(app)["Xong trễ hạn"] == "2"
    assert table(app)["Trường"].tolist() == ["Trường Tiểu học Kim Đồng"]  # it left the overdue list
    app.selectbox(key="w_od_bucket").set_value("done_late").run()
    select_rows(app, [table(app)["Tiêu chí"].tolist().index("1.5 · Khối lớp và tổ chức lớp học")])
    history = next(d.value for d in app.dataframe if "Người thực hiện" in d.value.columns)
    assert history["Nội dung"].tolist()[:3] == ["Trạng thái thực hiện", "Ngày hoàn thành", "Ghi chú tiến độ"]
    assert history["Người thực hiện"].iloc[0] == "test"
    assert history["Giá trị mới"].tolist()[:3] == ["Hoàn thành", "10/05/2025", "Đã phân tuyến xong"]


def test_bulk_update_and_a_refused_edit(app):
    app.run()
    select_rows(app, [0, 1])
    assert app.subheader[0].value == "Cập nhật 2 mục đã chọn"
    status = next(s for s in app.selectbox if s.key.startswith("w_od_status_"))
    assert status.value is None  # "keep" by default for several items
    status.set_value("dropped").run()
    save_button(app).click().run()  # no reason given
    assert [e.value for e in app.error] == ["Cần ghi lý do khi chuyển mục sang «Không thực hiện»."]
    assert metrics(app)["Quá hạn"] == "2"  # nothing changed
    next(t for t in app.text_input if t.key.startswith("w_od_reason_")).input("Chuyển sang năm học sau")
    save_button(app).click().run()
    assert [s.value for s in app.success] == ["Đã lưu thay đổi cho 2 mục."]
    assert metrics(app)["Quá hạn"] == "0"
    assert [i.value for i in app.info] == ["Không có mục nào khớp với bộ lọc đã chọn."]


def test_someone_else_saving_first_is_a_conflict(app, db):
    app.run()
    select_rows(app, [0])  # S2, 1.1 at version 1
    other = Store(db)
    try:
        updates.update_item(other, Scope.everything(user="nguoi-khac"), 8, 1, progress_note="Đã liên hệ")
    finally:
        other.close()
    next(a for a in app.text_area if a.key.startswith("w_od_note_")).input("Ghi chú của tôi")
    save_button(app).click().run()
    assert [e.value for e in app.error] == ["Mục này vừa được người khác cập nhật; hãy tải lại và thử lại."]
    assert any(b.label == "Tải lại danh sách" for b in app.button)


def test_a_viewer_sees_but_cannot_update(db, monkeypatch):
    at = make_app(db, monkeypatch, scope=Scope(unit_id="P", role="viewer", user="hdnd")).run()
    assert metrics(at)["Quá hạn"] == "2"
    select_rows(at, [0])
    assert "chỉ có quyền xem" in at.info[0].value
    assert not any(b.key and b.key.startswith("w_od_save_") for b in at.button)


def test_a_principal_sees_only_the_own_school(db, monkeypatch):
    at = make_app(db, monkeypatch, scope=Scope(school_id="S1", role="principal", user="ht")).run()
    assert metrics(at)["Quá hạn"] == "1" and metrics(at)["Xong trễ hạn"] == "1"
    # a principal's list opens on the school's open items (issue 17), none of another school's (S2's 1.1);
    # no school column: it would repeat the one school on every row
    assert "Trường" not in table(at).columns
    assert sorted(table(at)["Tiêu chí"].str.split(" · ").str[0]) == ["1.5", "3.2", "3.3", "4.2"]


def test_the_analysis_tab(app):
    app.session_state["w_od_tab"] = "Phân tích quá hạn"
    app.run()
    assert not app.exception
    charts = app.get("plotly_chart")
    assert len(charts) == 5
    assert any("không phải xếp hạng chất lượng" in c.value for c in app.caption)


def test_the_plan_quality_tab(app):
    app.session_state["w_od_tab"] = "Chất lượng kế hoạch"
    app.run()
    assert not app.exception
    assert any("3/8 mục ở 2 trường cần xem lại" in m.value for m in app.markdown)
    quality = app.dataframe[0].value.set_index("school_name")
    assert quality.loc["Trường THCS Lý Tự Trọng", "items_flagged"] == 2
    assert quality.loc["Trường THCS Lý Tự Trọng", "due_after_plan"] == "1"  # counts as text: zero is blank
    assert quality.loc["Trường Tiểu học Kim Đồng", "target_not_above"] == "1"
    checks = quality.drop(columns=["items", "items_flagged"])
    assert not checks.isna().any().any() and "" in set(checks.to_numpy().ravel())  # blank, never None
    assert any("Chưa ghi người chủ trì" in m.value for m in app.markdown)


def test_a_year_without_plans_explains_itself(db, monkeypatch):
    at = make_app(db, monkeypatch)
    at.query_params["year"] = "2023-2024"
    at.run()
    assert not at.exception
    assert at.info[0].value == "Chưa có mục kế hoạch cải tiến nào cho năm học 2023-2024."
