"""Issue 17 in a real browser: a principal signs in, lands on the school's home, marks the
overdue item done by clicking, and an office session then sees one overdue item fewer and one
more done on the overview."""

import re

import pytest
from conftest import password_of, sign_in, wait_for_app
from factory import AS_OF, YEAR
from playwright.sync_api import expect
from test_browser_overdue import choose

pytestmark = pytest.mark.browser


def sign_in_on_phone(page, username: str, password: str) -> None:
    """conftest.sign_in, for a phone: the sidebar (with «Đăng xuất») starts folded away."""
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Đăng xuất").wait_for(state="attached")
    wait_for_app(page)


def metric_value(page, label: str):
    box = page.locator('[data-testid="stMetric"]').filter(has=page.get_by_text(label, exact=True)).first
    return box.locator('[data-testid="stMetricValue"]')


def metric(page, label: str) -> str:
    return metric_value(page, label).inner_text().strip()


def test_a_principal_updates_an_item_on_the_home_and_the_office_sees_it(started_app, browser):
    app, _ = started_app(("phong", "office", {"unit_id": "P"}), ("hieutruong", "principal", {"school_id": "S1"}))
    link = f"{app.url}/?year={YEAR}&asof={AS_OF.isoformat()}"

    office = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN").new_page()
    office.set_default_timeout(30_000)
    office.goto(link)
    sign_in(office, "phong", password_of("phong"))
    office.get_by_text("Tổng quan kiểm định chất lượng").first.wait_for()
    assert metric(office, "Quá hạn") == "2"  # S1's 1.5 and S2's 1.1
    assert metric(office, "Mục đã hoàn thành") == "2/8"

    # the principal, on a phone-sized screen
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True,
                                has_touch=True).new_page()
    phone.set_default_timeout(30_000)
    phone.goto(link)
    sign_in_on_phone(phone, "hieutruong", password_of("hieutruong"))
    phone.get_by_role("heading", name="Trường THCS Lý Tự Trọng").wait_for()
    body = phone.inner_text("body")
    assert "Tổng quan" not in body and "Trường cần quan tâm" not in body
    assert "16/28" in body and "57,14%" in body
    expanders = phone.locator('[data-testid="stMain"] [data-testid="stExpander"]')
    labels = [expanders.nth(i).locator("summary").inner_text() for i in range(expanders.count())]
    groups = [label for label in labels if "(" in label]
    assert groups[0].endswith("Quá hạn (1)")  # overdue first
    overdue_group = expanders.filter(has_text="Quá hạn (1)").first
    overdue_group.get_by_role("button", name="Cập nhật").click()
    phone.get_by_text("Cập nhật mục 1 · tiêu chí 1.5").wait_for()
    wait_for_app(phone)
    phone.wait_for_url(re.compile(r"[?&]item=1(&|$)"))  # the open editor is part of the link
    choose(phone, "Trạng thái thực hiện", "Hoàn thành")
    phone.get_by_label("Ghi chú tiến độ").fill("Đã phân tuyến xong")
    save = phone.get_by_role("button", name="Lưu thay đổi")
    save.scroll_into_view_if_needed()
    assert save.bounding_box()["height"] >= 40  # a finger can hit it
    save.click()
    wait_for_app(phone)
    phone.get_by_text("Đã lưu").first.wait_for()
    assert "Quá hạn (" not in phone.inner_text("body")
    assert phone.locator('[data-testid="stException"]').count() == 0

    office.get_by_role("link", name="Quá hạn").click()  # away and back, by clicking (same session)
    wait_for_app(office)
    office.get_by_role("link", name="Tổng quan").click()
    wait_for_app(office)
    office.get_by_text("Tổng quan kiểm định chất lượng").first.wait_for()
    expect(metric_value(office, "Quá hạn")).to_have_text("1")  # (waits while the page redraws)
    expect(metric_value(office, "Mục đã hoàn thành")).to_have_text("3/8")
