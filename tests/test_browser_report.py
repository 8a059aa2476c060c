"""Issue 15 in a real browser: a self-assessment report whose table and sections disagree is
uploaded, the person picks the levels, confirms, and the school page shows the report's weaknesses."""

import pytest
from conftest import db_rows, wait_for_app
from report_fixtures import fixture

pytestmark = pytest.mark.browser


def test_upload_a_report_choose_disagreeing_levels_and_see_it_on_the_school(signed_in, tmp_path, page, shots):
    report = tmp_path / "bao-cao-tu-danh-gia.docx"
    report.write_bytes(fixture("thcs_thpt_disagree").data)
    page.set_viewport_size({"width": 1440, "height": 900})
    app, db = signed_in("hieutruong", "principal", path="", school_id="S1")
    page.get_by_role("link", name="Nhập dữ liệu").click()
    page.get_by_role("heading", name="Nhập dữ liệu").wait_for()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(report))
    page.get_by_text("1 tệp: 0 sẵn sàng ghi").wait_for()
    wait_for_app(page)
    body = page.inner_text("body")
    assert "đã có kết quả Tự đánh giá năm học 2024-2025" in body  # the file's year; S1 has levels then
    page.get_by_test_id("stCheckbox").get_by_text("Thay thế kế hoạch đã có").click()
    page.get_by_text("Bảng và mục tiêu chí ghi khác nhau", exact=True).wait_for()
    wait_for_app(page)
    body = page.inner_text("body")
    assert "Tiêu chí 1.2: bảng tổng hợp ghi Mức 2 (bảng 1, dòng 4)" in body
    page.screenshot(path=str(shots / "report-disagreement-1440.png"), full_page=True)
    page.get_by_text("Mức 1 (mục «Tự đánh giá» của tiêu chí)").first.click()
    wait_for_app(page)
    page.get_by_text("Mức 2 (bảng tổng hợp)").last.click()
    page.get_by_text("1 tệp: 1 sẵn sàng ghi").wait_for()
    wait_for_app(page)
    assert "Báo cáo tự đánh giá của Trường THCS Lý Tự Trọng (S1), năm học 2024-2025: 28 tiêu chí" in page.inner_text(
        "body")
    page.screenshot(path=str(shots / "report-preview-1440.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    wait_for_app(page)
    page.get_by_text("Xem trước những gì sẽ được ghi").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "report-preview-390.png"))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.get_by_role("button", name="Ghi 1 tệp vào cơ sở dữ liệu").click()
    page.get_by_text("Kết quả ghi dữ liệu").wait_for()
    wait_for_app(page)
    assert "bao-cao-tu-danh-gia.docx — Đã ghi" in page.inner_text("body")

    page.get_by_role("link", name="Trường", exact=True).click()
    page.get_by_text("Từng tiêu chí: mức hiện tại và kế hoạch").wait_for()
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_text("Từng tiêu chí: mức hiện tại và kế hoạch").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "report-school-1280.png"))
    page.get_by_text("Điểm yếu và kế hoạch cải tiến từ báo cáo tự đánh giá").click()
    page.get_by_text("Nguyên văn mục «3. Điểm yếu»").wait_for()
    page.get_by_text("Nguyên văn mục «3. Điểm yếu»").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "report-school-text-1280.png"))
    page.get_by_role("link", name="Điểm yếu của trường").click()  # a principal's one-school form (issue 17)
    wait_for_app(page)  # the search of report texts is an office's (AppTest: tests/test_report_import.py)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(shots / "report-weakness-search-1280.png"))
    app.stop()
    levels = dict(db_rows(db, "select criterion_code, level from assessment where school_id = 'S1' and "
                              "school_year = '2024-2025' and kind = 'self'"))
    assert levels["1.2"] == 1 and levels["2.1"] == 2 and len(levels) == 28
