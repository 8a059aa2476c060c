"""The import page in a real browser: upload a Word plan, see the preview, confirm, see it written."""


import pytest
from conftest import wait_for_app
from fixtures_docx import SEEDS

from kdcl.db import Store

pytestmark = pytest.mark.browser


def open_import_page(signed_in, page):
    """The import page of a copy of the tiny database, signed in as the principal of S1."""
    app, db = signed_in("hieutruong", "principal", path="", school_id="S1")
    page.get_by_role("link", name="Nhập dữ liệu").click()
    page.get_by_role("heading", name="Nhập dữ liệu").wait_for()
    wait_for_app(page)
    return app, db


def test_upload_a_docx_plan_preview_and_confirm(signed_in, tmp_path, page):
    plan = tmp_path / "ke-hoach-ly-tu-trong.docx"
    plan.write_bytes(SEEDS["002"]())
    app, db = open_import_page(signed_in, page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(plan))
    page.get_by_text("1 tệp: 1 sẵn sàng ghi").wait_for()
    wait_for_app(page)  # the summary line comes first; the preview after it, in the same run
    # the run's last elements can still be on their way when the running indicator goes (a loaded CI
    # machine): wait, as a person does, for the preview's title before reading the page
    page.get_by_text("Xem trước những gì sẽ được ghi").wait_for()
    body = page.inner_text("body")
    assert "Kế hoạch của Trường THCS Lý Tự Trọng (S1), năm học 2023-2024: 8 mục." in body
    assert "Xem trước những gì sẽ được ghi" in body
    assert page.locator('[data-testid="stDataFrame"]').count() >= 1
    # the layout recognised, the items, and the items missing something (seed 002 has no levels nor budgets)
    assert "Bố cục nhận ra: Bảng 5 cột (Tiêu chuẩn | Tiêu chí | Mặt yếu | Biện pháp | Phân công) · 8 mục." in body
    page.get_by_text("Mục còn thiếu thông tin (8)").click()
    # the grid draws on a canvas; its cells are in the page for screen readers
    page.get_by_text("mức mục tiêu, thời gian, kinh phí").first.wait_for(state="attached")
    page.screenshot(path=str(tmp_path / "import-preview.png"), full_page=True)

    page.get_by_role("button", name="Ghi 1 tệp vào cơ sở dữ liệu").click()
    page.get_by_text("Kết quả ghi dữ liệu").wait_for()
    wait_for_app(page)
    assert "ke-hoach-ly-tu-trong.docx — Đã ghi" in page.inner_text("body")
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(tmp_path / "import-done.png"), full_page=True)

    app.stop()  # the server holds the database file
    store = Store(db)
    try:
        with store.cursor() as cur:
            rows = cur.execute(
                "select i.criterion_code, i.lead, i.updated_by from plan_item as i join plan as p using (plan_id) "
                "where p.school_id = 'S1' and p.school_year = '2023-2024' order by i.position").fetchall()
    finally:
        store.close()
    assert [r[0] for r in rows] == ["1.5", "1.8", "2.3", "2.4", "3.2", "3.3", "4.2", "5.6"]
    assert {r[1] for r in rows} == {"Hiệu trưởng"} and {r[2] for r in rows} == {"hieutruong"}


def test_download_an_empty_template_and_an_export(signed_in, tmp_path, page):
    """Templates and exports are built when their button is clicked: the files that arrive are real
    workbooks with the template's headers (and, for the export, the school's items)."""
    from openpyxl import load_workbook

    app, _ = open_import_page(signed_in, page)
    page.get_by_text("Mẫu Excel/CSV và dữ liệu hiện có").click()
    buttons = page.get_by_role("button", name="Excel")
    buttons.first.wait_for()
    with page.expect_download() as empty:
        buttons.first.click()
    path = tmp_path / "empty.xlsx"
    empty.value.save_as(path)
    sheet = load_workbook(path).worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["Mã trường", "Năm học", "Tiêu chí"] and sheet.max_row == 1

    with page.expect_download() as export:
        buttons.nth(1).click()
    path = tmp_path / "export.xlsx"
    export.value.save_as(path)
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("Mã trường", "Năm học", "Tiêu chí")
    assert len(rows) > 1 and {r[0] for r in rows[1:]} == {"S1"}
    assert page.locator('[data-testid="stException"]').count() == 0
    app.stop()
