"""The overview in a real browser: headless Debian Chromium driven by Playwright."""

import shutil

import pytest
from conftest import sign_in
from factory import AS_OF, YEAR

from kdcl import auth
from kdcl.db import Store

pytestmark = pytest.mark.browser


def test_overview_shows_its_charts_and_no_error(tiny_db_path, tmp_path, live_app, page):
    db = tmp_path / "browser.duckdb"
    shutil.copy(tiny_db_path, db)
    store = Store(db)
    auth.add_user(store, "phong", "matkhau-phong", "office", unit_id="P")
    store.close()
    app = live_app(db)
    page.goto(f"{app.url}/?year={YEAR}&asof={AS_OF.isoformat()}")
    sign_in(page, "phong", "matkhau-phong")
    page.get_by_text("Tổng quan kiểm định chất lượng").first.wait_for()
    charts = page.locator('[data-testid="stPlotlyChart"]')
    charts.first.wait_for()
    assert charts.count() == 3
    page.locator(".js-plotly-plot .bars path").first.wait_for()  # bars were drawn
    assert page.locator('[data-testid="stException"]').count() == 0
    body = page.inner_text("body")
    assert "Số trường theo mức đạt" in body and "Quá hạn" in body and "70 triệu đ" in body
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
