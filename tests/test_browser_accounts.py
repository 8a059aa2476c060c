"""Issue 18: the accounts page in a real browser. An admin opens «Tài khoản» from the menu, adds a
principal account; the new account signs in (in a fresh browser) and is signed in as a principal; the change is in
the page's log. The menu has no accounts page for a principal."""

import pytest
from conftest import sign_in, wait_for_app
from factory import AS_OF, YEAR

pytestmark = pytest.mark.browser


def test_an_account_created_in_the_page_signs_in(signed_in, page, browser, shots):
    page.set_viewport_size({"width": 1440, "height": 900})
    app, _ = signed_in("quantri", "admin")
    page.get_by_role("link", name="Tài khoản").click()
    page.get_by_role("heading", name="Tài khoản").wait_for()
    wait_for_app(page)

    main = page.locator('[data-testid="stMain"]')  # (the sidebar has its own password form)
    main.get_by_label("Tên đăng nhập").fill("ht.kimdong")
    main.get_by_label("Họ và tên").fill("Hiệu trưởng Kim Đồng")
    main.get_by_label("Trường (hiệu trưởng)").click()
    page.get_by_role("option", name="Kim Đồng").first.click()
    main.get_by_label("Mật khẩu", exact=True).fill("matkhau-kimdong")
    main.get_by_label("Nhập lại mật khẩu").fill("matkhau-kimdong")
    page.get_by_role("button", name="Thêm tài khoản").click()
    page.get_by_text("Đã thêm tài khoản ht.kimdong (Hiệu trưởng).").wait_for()
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_role("tab", name="Nhật ký thay đổi").click()
    log_cell = page.locator('td[role="gridcell"]', has_text="Thêm tài khoản")  # the log's grid (a canvas)
    log_cell.first.wait_for(state="attached")
    assert page.locator('td[role="gridcell"]', has_text="Hiệu trưởng S2").count() >= 1
    page.screenshot(path=shots / "i18_accounts_1440.png", full_page=True)

    other = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN")
    try:
        newcomer = other.new_page()
        newcomer.goto(f"{app.url}/?year={YEAR}&asof={AS_OF.isoformat()}")
        sign_in(newcomer, "ht.kimdong", "matkhau-kimdong")
        assert "ht.kimdong · Hiệu trưởng" in newcomer.locator('[data-testid="stSidebar"]').inner_text()
        assert newcomer.get_by_role("link", name="Tài khoản").count() == 0  # principals manage no accounts
    finally:
        other.close()
