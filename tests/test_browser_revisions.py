"""Issue 16 in a real browser: a stale export's conflicts are listed and the person chooses; a Word plan
naming another school than the chosen one is asked about before anything is written."""

import csv
import io
from datetime import date

import pytest
from conftest import db_rows as query
from conftest import wait_for_app
from fixtures_docx import SEED_SCHOOLS_CSV, SEEDS
from playwright.sync_api import expect

from kdcl import templates
from kdcl.access import Scope
from kdcl.importing import Options, Upload, import_files
from kdcl.updates import update_item

pytestmark = pytest.mark.browser
ADMIN = Scope.everything(user="so")


def open_import_page(page, signed_in, username="phong", role="office", **options):
    """signed_in(...) on the app's first page, then «Nhập dữ liệu» from the menu. Returns (app, database path)."""
    app, db = signed_in(username, role, path="", **options)
    page.get_by_role("link", name="Nhập dữ liệu").click()
    page.get_by_role("heading", name="Nhập dữ liệu").wait_for()
    wait_for_app(page)
    return app, db


def test_a_stale_export_lists_its_conflicts_and_the_person_chooses(signed_in, tmp_path, page, shots):
    exported = []

    def export_then_change(store):  # the export, then a change made after it
        exported.append(templates.export_bytes(store, ADMIN, "plan", "csv", "S1", "2024-2025")[0])
        update_item(store, Scope(school_id="S1", role="principal", user="ht"), 1, 1, status="done",
                    completed_on=date(2025, 5, 2), today=date(2025, 5, 15))

    app, db = open_import_page(page, signed_in, prepare=export_then_change)
    rows = list(csv.reader(io.StringIO(exported[0].decode("utf-8-sig"))))
    rows[2][rows[0].index("Chủ trì")] = "Phó hiệu trưởng"
    stale = tmp_path / "muc-ke-hoach-s1.csv"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    stale.write_text(out.getvalue(), encoding="utf-8")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(stale))
    page.get_by_text("Mục đã được sửa sau khi xuất tệp", exact=True).wait_for()
    wait_for_app(page)
    page.get_by_text("Dòng 2 · tiêu chí 1.5 (mã mục 1)").wait_for()  # the choice drawn after the messages
    body = page.inner_text("body")
    assert "1 có lỗi" in body and "ht (" in body
    for width, height in ((1440, 900), (1280, 720), (390, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=shots / f"i16-conflict-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_text("Giữ bản trong hệ thống", exact=True).first.click()  # the choice for item 1
    page.get_by_text("1 tệp: 1 sẵn sàng ghi").wait_for()
    wait_for_app(page)
    page.screenshot(path=shots / "i16-conflict-chosen.png", full_page=True)
    page.get_by_role("button", name="Ghi 1 tệp vào cơ sở dữ liệu").click()
    page.get_by_text("Kết quả ghi dữ liệu").wait_for()
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    app.stop()
    assert query(db, "select status, completed_on from plan_item where item_id = 1") == [("done", date(2025, 5, 2))]
    assert query(db, "select lead from plan_item where item_id = 2") == [("Phó hiệu trưởng",)]


def test_a_plan_naming_another_school_is_asked_about(signed_in, tmp_path, page, shots):
    def import_schools(store):
        [schools] = import_files(store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
        assert schools.status == "imported"

    plan = tmp_path / "ke-hoach.docx"
    plan.write_bytes(SEEDS["003"]())  # names Trường Mầm non Trục Mỹ
    app, db = open_import_page(page, signed_in, prepare=import_schools)
    page.get_by_role("combobox", name="Trường, nếu tệp không ghi").click()
    page.get_by_role("option", name="Trường Mầm non Hoa Sen · Xã Hai (S3)").click()
    wait_for_app(page)
    expect(page.get_by_role("combobox", name="Trường, nếu tệp không ghi")).to_have_value(
        "Trường Mầm non Hoa Sen · Xã Hai (S3)")  # the choice is in before the file comes
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(plan))
    page.get_by_text("1 tệp: 0 sẵn sàng ghi").wait_for()
    wait_for_app(page)
    page.get_by_text("Tệp ghi «Trường Mầm non Trục Mỹ» (MN_TM), khác trường đã chọn: Trường Mầm non Hoa Sen (S3)"
                     ).wait_for()
    page.screenshot(path=shots / "i16-mismatch.png", full_page=True)
    page.get_by_text("Vẫn nhập vào trường đã chọn", exact=True).click()
    page.get_by_text("1 tệp: 1 sẵn sàng ghi").wait_for()
    wait_for_app(page)
    page.get_by_role("button", name="Ghi 1 tệp vào cơ sở dữ liệu").click()
    page.get_by_text("Kết quả ghi dữ liệu").wait_for()
    wait_for_app(page)
    app.stop()
    assert query(db, "select count(*) from plan_item as i join plan as p using (plan_id) "
                     "where p.school_id = 'S3' and p.school_year = '2025-2026'") == [(5,)]
    assert query(db, "select count(*) from plan_item where school_id = 'MN_TM'") == [(0,)]


def test_a_new_version_of_a_plan_previews_what_it_keeps(signed_in, tmp_path, page, shots):
    """The principal of S1 brings a new version of the school's plan with «Thay thế»: the preview says
    which items are kept, changed, new and removed (and which removed ones had progress) before writing."""
    plan = tmp_path / "ke-hoach-moi.docx"
    plan.write_bytes(SEEDS["000"]())
    app, _ = open_import_page(page, signed_in, "hieutruong", "principal", school_id="S1")
    page.get_by_text("Thay thế kế hoạch đã có", exact=True).click()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(plan))
    page.get_by_text("1 tệp: 1 sẵn sàng ghi").wait_for()
    wait_for_app(page)
    # seed 000 has one item, 4.2: the six other items of S1's plan go, four of them with progress
    page.get_by_text("So với kế hoạch đang có: giữ nguyên 0 mục, sửa 1 mục, thêm 0 mục, bỏ 6 mục.").wait_for()
    page.get_by_text("lưu ý (tệp vẫn được ghi)").click()
    page.get_by_text("Mục tiêu chí 5.6 («Còn học sinh yếu») đang có tiến độ (Hoàn thành; hoàn thành 20/04/2025)"
                     ).wait_for()
    for width, height in ((1440, 900), (1280, 720), (390, 900)):
        page.set_viewport_size({"width": width, "height": height})
        wait_for_app(page)
        page.screenshot(path=shots / f"i16-replace-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1440, "height": 900})
    wait_for_app(page)
    table = page.locator('[data-testid="stDataFrame"]').last
    table.scroll_into_view_if_needed()
    table.screenshot(path=shots / "i16-replace-table.png")
    app.stop()
