"""pages/import_data.py under Streamlit's AppTest (uploads themselves: tests/test_browser_import.py)."""

import shutil

import pytest
from conftest import ROOT, db_rows
from streamlit.testing.v1 import AppTest

from kdcl.access import Scope


@pytest.fixture
def page(tiny_db_path, tmp_path, monkeypatch):
    copy = tmp_path / "app.duckdb"
    shutil.copy(tiny_db_path, copy)
    monkeypatch.setenv("KDCL_DB", str(copy))
    return AppTest.from_file(str(ROOT / "pages" / "import_data.py"), default_timeout=60)


def test_the_page_offers_templates_fallbacks_and_rules(page):
    page.session_state["scope"] = Scope.everything(user="test")
    page.run()
    assert not page.exception
    assert page.title[0].value == "Nhập dữ liệu"
    assert [s.label for s in page.selectbox][-2:] == ["Trường, nếu tệp không ghi", "Năm học, nếu tệp không ghi"]
    assert page.checkbox[0].label == "Thay thế kế hoạch đã có"
    school = page.selectbox(key="import_school")
    assert school.options[0] == "— Lấy theo tệp —" and "Trường THCS Lý Tự Trọng · Phường Một (S1)" in school.options
    assert "2024-2025" in page.selectbox(key="import_year").options
    texts = " ".join(e.value for e in page.markdown)
    assert "Mục kế hoạch cải tiến" in texts and "Bảng 9 cột theo mẫu" in texts
    assert page.expander[0].label == "Mẫu Excel/CSV và dữ liệu hiện có"


def test_many_schools_are_searched_before_picking(page, monkeypatch):
    """Above ui.PICKER_LIMIT schools the fallback and export pickers list only what a search
    matches (a province or the country would otherwise send every name on each run)."""
    from kdcl import ui

    monkeypatch.setattr(ui, "PICKER_LIMIT", 2)
    page.session_state["scope"] = Scope.everything(user="test")
    page.run()
    assert not page.exception
    assert page.selectbox(key="import_school").options == ["— Lấy theo tệp —"]
    assert page.selectbox(key="exp_school_plan").options == ["Tất cả trường trong phạm vi"]
    page.text_input(key="import_school_search").input("kim dong").run()
    assert page.selectbox(key="import_school").options == [
        "— Lấy theo tệp —", "Trường Tiểu học Kim Đồng · Phường Một (S2)"]
    page.selectbox(key="import_school").select("S2").run()
    page.text_input(key="import_school_search").input("hoa sen").run()
    assert page.selectbox(key="import_school").value == "S2"  # the chosen school stays
    assert "Trường Mầm non Hoa Sen · Xã Hai (S3)" in page.selectbox(key="import_school").options
    page.text_input(key="exp_school_plan_search").input("ly tu trong").run()
    assert page.selectbox(key="exp_school_plan").options[1:] == ["Trường THCS Lý Tự Trọng · Phường Một (S1)"]


def test_an_export_too_big_to_import_again_is_not_offered(page, monkeypatch):
    """Each export row says how many rows its file holds; above what one file can bring back
    (safety.MAX_TABLE_ROWS) its buttons are disabled and the page says how to narrow it."""
    from kdcl.importing import safety

    page.session_state["scope"] = Scope.everything(user="test")
    page.run()
    captions = [c.value for c in page.caption]
    assert any(c.startswith("Tệp tải về có ") and c.endswith(" dòng.") for c in captions)
    assert not any(b.proto.disabled for b in page.get("download_button"))
    monkeypatch.setattr(safety, "MAX_TABLE_ROWS", 2)
    page.run()
    assert not page.exception
    assert any("nhiều hơn 2 dòng mà một tệp nhập lại được" in c.value for c in page.caption)
    exports = [b for b in page.get("download_button") if b.proto.id and "exp_" in b.proto.id]
    assert exports and all(b.proto.disabled for b in exports)
    page.selectbox(key="exp_school_plan").select("S1").run()
    assert not page.exception


def test_a_principal_sees_only_the_own_school(page):
    page.session_state["scope"] = Scope(school_id="S2", role="principal", user="ht")
    page.run()
    assert not page.exception
    school = page.selectbox(key="import_school")
    assert school.value == "S2" and len(school.options) == 2


def test_a_viewer_cannot_import(page):
    page.session_state["scope"] = Scope(role="viewer", user="xem")
    page.run()
    assert not page.exception
    assert "chỉ có quyền xem" in page.info[0].value
    assert not page.selectbox


class _Uploaded:
    """What st.file_uploader returns for one file (AppTest cannot upload; the browser tests do)."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data

    def getvalue(self) -> bytes:
        return self._data


def test_a_report_disagreement_is_shown_and_the_chosen_level_imported(page, monkeypatch):
    """Issue 15: the preview names the criterion and both levels; the person chooses, then confirms."""
    import os

    import streamlit as st
    from report_fixtures import fixture

    report = fixture("thcs_thpt_disagree")
    monkeypatch.setattr(st, "file_uploader", lambda *a, **k: [_Uploaded("bao-cao-tdg.docx", report.data)])
    page.session_state["scope"] = Scope.everything(user="test")
    page.run()
    page.selectbox(key="import_school").select("S1").run()
    page.selectbox(key="import_year").select("2025-2026").run()
    assert not page.exception
    errors = page.error[0].value
    assert "Tiêu chí 1.2: bảng tổng hợp ghi Mức 2 (bảng 1, dòng 4), mục «Tự đánh giá» của tiêu chí ghi Mức 1" in errors
    assert "hãy chọn mức đúng ở phần «Bảng và mục tiêu chí ghi khác nhau» bên dưới" in errors
    radios = {r.label: r for r in page.radio}
    assert set(radios) == {"Tiêu chí 1.2", "Tiêu chí 2.1"}
    assert radios["Tiêu chí 1.2"].options == ["Mức 2 (bảng tổng hợp)", "Mức 1 (mục «Tự đánh giá» của tiêu chí)"]
    assert page.button(key="import_confirm").proto.disabled
    radios["Tiêu chí 1.2"].set_value(1).run()
    page.radio(key="report_choice|bao-cao-tdg.docx|2.1").set_value(2).run()
    assert not page.exception and not page.error
    frame = next(d.value for d in page.dataframe if "Bảng tổng hợp" in d.value.columns)
    row = frame[frame["Tiêu chí"] == "1.2"].iloc[0]
    assert (row["Mức đạt"], row["Bảng tổng hợp"], row["Mục tiêu chí"]) == ("Mức 1", "Mức 2", "Mức 1")
    assert any("Báo cáo tự đánh giá của Trường THCS Lý Tự Trọng (S1), năm học 2025-2026: 28 tiêu chí" in c.value
               for c in page.caption)
    page.button(key="import_confirm").click().run()
    assert not page.exception
    levels = dict(db_rows(os.environ["KDCL_DB"], "select criterion_code, level from assessment where school_id = "
                                                 "'S1' and school_year = '2025-2026' and kind = 'self'"))
    assert len(levels) == 28 and levels["1.2"] == 1 and levels["2.1"] == 2
