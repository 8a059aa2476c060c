"""Issue 18: on the weaknesses page the criterion box follows a click on the ranking chart, click after
click (it used to keep its old value)."""

import pytest
from conftest import wait_for_app
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from kdcl.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def criterion_box(page) -> str:
    return page.locator('input[aria-label="Tiêu chí"]:visible').first.input_value()


def test_the_criterion_box_follows_chart_clicks(signed_in, demo_db_path, page):
    page.set_viewport_size({"width": 1440, "height": 900})
    signed_in("tinh", None, source=demo_db_path, password=DEMO_PASSWORD, path="")
    page.get_by_role("link", name="Điểm yếu chung").click()
    bars = page.locator('[data-testid="stPlotlyChart"] .bars path')
    bars.first.wait_for()
    wait_for_app(page)
    assert criterion_box(page).startswith("Tất cả")
    seen = []
    changed = ("(before) => { const e = [...document.querySelectorAll('input[aria-label=\"Tiêu chí\"]')]"
               ".find(x => x.offsetParent); return e && e.value !== before; }")
    for index in (0, 2, 1):
        before = criterion_box(page)
        for _ in range(5):  # a click that lands while plotly redraws selects nothing: click again
            wait_for_app(page)
            # plotly has drawn the bars and bound its click handling
            page.wait_for_function("() => { const p = document.querySelector('[data-testid=\"stPlotlyChart\"] "
                                   ".js-plotly-plot'); return p && p._fullLayout && p.on; }")
            bars.nth(index).click(force=True)
            try:
                page.wait_for_function(changed, arg=before, timeout=8_000)
                break
            except PlaywrightTimeout:
                continue
        wait_for_app(page)
        seen.append(criterion_box(page))
        assert seen[-1] != before, f"the box did not follow the click on bar {index}"
        # the URL names the criterion the box shows (it is written back after the rerun: wait, then check)
        page.wait_for_url(f"**crit={seen[-1].split(' ')[0]}**", timeout=15_000)
        assert "crit=" + seen[-1].split(" ")[0] in page.url
    assert len(set(seen)) == 3, seen  # three bars, three criteria, each shown in the box
