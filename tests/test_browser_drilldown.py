"""Issue 18: drill-down from the overview: a status bar opens the plan items in that status, a level
bar opens the levels page, a row of the attention list opens that school's page (same filters)."""


import pytest
from conftest import wait_for_app
from factory import AS_OF


pytestmark = pytest.mark.browser

PLOTLY_READY = """(n) => { const p = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')[n];
  return p && p._fullLayout && p.on; }"""


def back_to_overview(page) -> None:
    page.get_by_role("link", name="Tổng quan").click()
    page.get_by_role("heading", name="Trường cần quan tâm").wait_for()
    wait_for_app(page)


def test_overview_drills_down(signed_in, page):
    signed_in("phong", "office")
    page.get_by_role("heading", name="Trường cần quan tâm").wait_for()

    charts = page.locator('[data-testid="stPlotlyChart"]')
    page.wait_for_function(PLOTLY_READY, arg=1)
    charts.nth(1).locator(".bars path").nth(1).click(force=True)  # the status chart's second bar: Sắp đến hạn
    page.wait_for_url("**/qua-han?**")
    wait_for_app(page)
    assert "bucket=at_risk" in page.url and f"asof={AS_OF.isoformat()}" in page.url
    assert page.locator('input[aria-label="Tình trạng"]').first.input_value() == "Sắp đến hạn"
    assert page.get_by_role("heading", name="Mục kế hoạch quá hạn và sắp đến hạn").is_visible()

    back_to_overview(page)
    page.wait_for_function(PLOTLY_READY, arg=0)
    charts.nth(0).locator(".bars path").first.click(force=True)  # a level's bar
    page.wait_for_url("**/muc-dat?**")
    wait_for_app(page)

    back_to_overview(page)
    grid = page.locator(".st-key-overview_attention [data-testid='stDataFrame'], "
                        ".st-key-overview_attention").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)  # the first row's selection cell
    page.wait_for_url("**/truong?**")
    wait_for_app(page)
    assert "school=S1" in page.url  # the list's first school: most overdue items
    assert "Lý Tự Trọng" in page.locator('input[aria-label="Trường"]').first.input_value()
    assert page.locator('[data-testid="stException"]').count() == 0
