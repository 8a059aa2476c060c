"""The presentation page in a real browser: open it from the navigation, go to the next slide
(button and arrow key), see its title and chart, and the slide number in the URL."""


import pytest
from conftest import wait_for_app


pytestmark = pytest.mark.browser


def test_presentation_goes_to_the_next_slide(signed_in, tmp_path, page):
    signed_in("hdnd", "viewer", unit_id="P")
    page.get_by_role("link", name="Trình chiếu").click()
    page.get_by_text("Kiểm định chất lượng giáo dục năm học 2024-2025").wait_for()
    wait_for_app(page)
    assert "/trinh-chieu" in page.url
    assert page.locator(".kdcl-figure").count() == 6
    assert "3/3 trường đã báo cáo" in page.inner_text(".kdcl-footer")

    page.get_by_role("button", name="Trang sau").click()
    page.get_by_role("heading", name="Mức đạt theo loại trường").wait_for()
    wait_for_app(page)
    assert "slide=2" in page.url
    page.locator('[data-testid="stPlotlyChart"] .bars path').first.wait_for()  # the chart was drawn
    assert "2/6" in page.inner_text(".kdcl-footer")

    page.keyboard.press("ArrowRight")  # a presenter's keyboard or remote
    page.get_by_role("heading", name="Mức đạt theo đơn vị quản lý").wait_for()
    assert "slide=3" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(tmp_path / "presentation.png"), full_page=True)
