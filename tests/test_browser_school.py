"""The school page in a real browser: sign in, open "Trường", pick a school, read its summary."""


import pytest
from conftest import wait_for_app


pytestmark = pytest.mark.browser


def test_pick_a_school_and_see_its_summary(signed_in, tmp_path, page):
    signed_in("phong", "office")
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Trường", exact=True).click()
    page.get_by_text("Tự đánh giá của trường").first.wait_for()
    page.get_by_text("Chọn một trường ở ô phía trên").wait_for()

    page.get_by_label("Trường", exact=True).click()
    page.get_by_role("option", name="Trường THCS Lý Tự Trọng · Phường Một (S1)").click()
    page.get_by_text("16/28").first.wait_for()
    wait_for_app(page)

    assert "school=S1" in page.url
    body = page.inner_text("body")
    assert "Số lượng các tiêu chí đạt Mức 2: 16/28, tỉ lệ 57,14%" in body
    assert "Trường đạt Mức 1" in body
    assert page.locator('[data-testid="stException"]').count() == 0
    page.locator(".js-plotly-plot .bars path").first.wait_for()  # the plan timeline was drawn
    page.screenshot(path=str(tmp_path / "school.png"), full_page=True)
