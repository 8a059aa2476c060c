"""pages/presentation.py run by Streamlit's AppTest on the tiny real database: one slide at a
time with ?slide=N, previous/next buttons, the print view and the export buttons."""

import pytest
from conftest import page_app
from streamlit.testing.v1 import AppTest

from kdcl.access import Scope


@pytest.fixture
def app(db, monkeypatch):
    return page_app("presentation", db, monkeypatch, timeout=60)


def slide_titles(at: AppTest) -> list[str]:
    return [h.value for h in at.html if 'class="kdcl-title"' in h.value]


def footers(at: AppTest) -> list[str]:
    return [h.value for h in at.html if "kdcl-footer\"" in h.value]


def test_next_and_previous_change_the_slide_and_the_url(app):
    app.run()
    assert not app.exception
    assert len(slide_titles(app)) == 1 and "Kiểm định chất lượng giáo dục năm học 2024-2025" in slide_titles(app)[0]
    assert app.button(key="present_prev").disabled
    footer = footers(app)[0]
    assert "tính đến 15/05/2025" in footer and "3/3 trường đã báo cáo" in footer and "1/6" in footer
    assert "70.000.000 đ" in " ".join(h.value for h in app.html)

    app.button(key="present_next").click().run()
    assert not app.exception
    assert app.query_params["slide"] == "2"
    assert "Mức đạt theo loại trường" in slide_titles(app)[0]
    assert "2/6" in footers(app)[0]

    app.button(key="present_next").click().run()
    app.button(key="present_next").click().run()
    assert app.query_params["slide"] == "4" and "Mục kế hoạch quá hạn theo trường" in slide_titles(app)[0]
    app.button(key="present_prev").click().run()
    assert app.query_params["slide"] == "3" and "Mức đạt theo đơn vị quản lý" in slide_titles(app)[0]


def test_slide_from_the_url_and_a_bad_value(app):
    app.query_params["slide"] = "6"
    app.run()
    assert "Tiến bộ so với năm học trước" in slide_titles(app)[0]
    assert app.button(key="present_next").disabled
    app.query_params["slide"] = "99"
    app.run()
    assert not app.exception
    assert any("99" in w.value for w in app.warning)
    assert "Tiến bộ so với năm học trước" in slide_titles(app)[0]  # the last one


def test_print_view_shows_every_slide(app):
    app.query_params["print"] = "1"
    app.run()
    assert not app.exception
    assert len(slide_titles(app)) == 6
    assert [f.count("/6") for f in footers(app)] == [1] * 6
    app.button(key="present_back").click().run()
    assert "print" not in app.query_params and len(slide_titles(app)) == 1


def test_exports_are_offered(app):
    app.run()
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Tải PowerPoint (.pptx)", "Tải PDF (.pdf)", "Tải số liệu Excel (.xlsx)",
                      "Tải kế hoạch cải tiến (.docx)"]
    school = app.selectbox(key="w_present_school")
    assert school.options == [
        "Trường Mầm non Hoa Sen · Xã Hai (S3)", "Trường THCS Lý Tự Trọng · Phường Một (S1)",
        "Trường Tiểu học Kim Đồng · Phường Một (S2)"]


def test_a_principal_sees_only_their_school(app):
    app.session_state["scope"] = Scope(school_id="S2", role="principal", user="ht")
    app.run()
    assert not app.exception
    assert "<span>Trường Tiểu học Kim Đồng · năm học 2024-2025" in footers(app)[0]  # issue 17: no "1/1 trường"
    assert "trường đã báo cáo" not in footers(app)[0]
    assert app.selectbox(key="w_present_school").options == ["Trường Tiểu học Kim Đồng · Phường Một (S2)"]
