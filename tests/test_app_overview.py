"""dashboard.py (the overview) run by Streamlit's AppTest on the tiny real database."""

import shutil

import pytest
from factory import AS_OF, YEAR
from streamlit.testing.v1 import AppTest

from conftest import ROOT

from kdcl.access import Scope


@pytest.fixture
def app(tiny_db_path, tmp_path, monkeypatch):
    # a private copy: the app keeps its database open for the whole test session
    copy = tmp_path / "app.duckdb"
    shutil.copy(tiny_db_path, copy)
    monkeypatch.setenv("KDCL_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state["scope"] = Scope.everything(user="test")  # signed in (see test_app_access.py)
    at.query_params["year"] = YEAR
    at.query_params["asof"] = AS_OF.isoformat()
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_numbers_match_the_hand_computed_ones(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "Tổng quan kiểm định chất lượng"
    values = metrics(app)
    assert values["Trường đã báo cáo"] == "3/3"
    assert values["Đạt Mức 2 trở lên"] == "1/3"
    assert values["Quá hạn"] == "2"
    assert values["Mục đã hoàn thành"] == "2/8"
    assert values["Kinh phí dự kiến"] == "70 triệu đ"
    assert values["Sắp đến hạn"] == "1"
    context = " ".join(c.value for c in app.caption)
    assert "Năm học 2024-2025" in context and "15/05/2025" in context and "3/3 trường đã báo cáo" in context
    # the schools needing attention: S3 (chưa đạt mức 1) and the two with overdue items
    table = app.dataframe[0].value
    assert sorted(table["school_id"]) == ["S1", "S2", "S3"]


def test_filters_from_the_url_change_the_numbers(app):
    app.query_params["unit"] = "W2"
    app.run()
    assert not app.exception
    assert metrics(app)["Trường đã báo cáo"] == "1/1"
    assert metrics(app)["Quá hạn"] == "0"


def test_widget_change_is_written_to_the_url(app):
    app.run()
    app.sidebar.selectbox(key="w_type").set_value("TH").run()
    assert app.query_params["type"] == "TH"
    assert metrics(app)["Trường đã báo cáo"] == "1/1"


def test_bad_url_value_is_reported_not_fatal(app):
    app.query_params["year"] = "1999-2000"
    app.run()
    assert not app.exception
    assert any("1999-2000" in w.value for w in app.warning)


def test_empty_database_asks_for_an_admin_then_explains_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("KDCL_DB", str(tmp_path / "empty.duckdb"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Tạo tài khoản quản trị"
    at.text_input[1].input("Nguyễn Văn A")
    at.text_input[2].input("mat-khau-quan-tri")
    at.text_input[3].input("mat-khau-quan-tri")
    at.button[0].click().run()
    assert not at.exception
    assert "chưa có kết quả tự đánh giá" in at.info[0].value
