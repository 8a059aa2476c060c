"""The overdue page in a real browser: an office user ticks an overdue item, marks it
done, and after a reload it has left the overdue list."""


import pytest
from conftest import wait_for_app
from playwright.sync_api import TimeoutError as PlaywrightTimeout


pytestmark = pytest.mark.browser

ROW_HEIGHT = 35  # st.dataframe's default row (and header) height in pixels


def open_overdue_page(page, signed_in):
    """The overdue page of a copy of the tiny database, signed in as the province's office."""
    app, db = signed_in("phong", "office")
    go_to_overdue(page)
    return app, db


def go_to_overdue(page) -> None:
    page.get_by_role("link", name="Quá hạn").click()
    wait_for_app(page)
    page.get_by_text("Mục kế hoạch quá hạn và sắp đến hạn").wait_for()


def tick_row(page, row: int) -> None:
    """Click the selection box at the start of a row of the (canvas-drawn) item table."""
    box = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    page.mouse.click(box["x"] + 17, box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2)
    wait_for_app(page)


def choose(page, label: str, option: str) -> None:
    """Pick an option of a selectbox (a combo box) by its label."""
    combo = page.get_by_role("combobox", name=label)
    opener = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.locator(
        'button[aria-label="Open"]'
    )
    for _ in range(5):  # a click that lands while the page redraws opens nothing: try again
        wait_for_app(page)
        opener.click()
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=4_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        wait_for_app(page)
        if combo.input_value() == option:
            return
    raise AssertionError(f"could not choose {option!r} in {label!r}")


def test_marking_an_item_done_takes_it_off_the_overdue_list(signed_in, tmp_path, page):
    app, db = open_overdue_page(page, signed_in)
    page.get_by_text("2 mục ở 2 trường").wait_for()  # S2's 1.1 (104 days late), then S1's 1.5 (45 days)
    tick_row(page, 1)
    page.get_by_text("Trường THCS Lý Tự Trọng · tiêu chí 1.5").wait_for()
    page.get_by_text("Lịch sử thay đổi", exact=True).click()
    page.get_by_text("Tạo mục (nhập kế hoạch)").wait_for(state="attached")  # a cell of the history table

    choose(page, "Trạng thái thực hiện", "Hoàn thành")
    page.get_by_text("Ngày hoàn thành").first.wait_for()
    page.get_by_role("button", name="Lưu thay đổi").click()
    page.get_by_text("Đã lưu thay đổi cho 1 mục.").wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0

    page.reload()  # a fresh session, still signed in (issue 18: the session cookie), and look
    page.get_by_role("button", name="Đăng xuất").wait_for()
    wait_for_app(page)
    go_to_overdue(page)
    page.get_by_text("1 mục ở 1 trường").wait_for()
    overdue = page.locator('[data-testid="stMetric"]').first.inner_text()
    assert overdue.splitlines()[0] == "Quá hạn" and "\n1\n" in f"{overdue}\n"
    tick_row(page, 0)
    page.get_by_text("Trường Tiểu học Kim Đồng · tiêu chí 1.1").wait_for()  # the only overdue item left
    assert page.get_by_text("Trường THCS Lý Tự Trọng · tiêu chí 1.5").count() == 0
    body = page.inner_text("body")
    assert "Xong trễ hạn" in body
    page.screenshot(path=str(tmp_path / "overdue.png"), full_page=True)
