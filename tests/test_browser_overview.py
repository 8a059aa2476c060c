"""The overview in a real browser: headless Debian Chromium driven by Playwright."""


import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.browser


def test_overview_shows_its_charts_and_no_error(signed_in, tmp_path, page):
    signed_in("phong", "office")
    page.get_by_text("Tổng quan kiểm định chất lượng").first.wait_for()
    charts = page.locator('[data-testid="stPlotlyChart"]')
    expect(charts).to_have_count(3)  # exactly three, waiting while the page still draws (they come in turn)
    page.locator(".js-plotly-plot .bars path").first.wait_for()  # bars were drawn
    assert page.locator('[data-testid="stException"]').count() == 0
    for text in ("Số trường theo mức đạt", "70 triệu đ"):  # the metrics and headings may still be drawing
        page.get_by_text(text).first.wait_for()
    body = page.inner_text("body")
    assert "Số trường theo mức đạt" in body and "Quá hạn" in body and "70 triệu đ" in body
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
