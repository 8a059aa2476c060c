"""The weaknesses page in a real browser: search "si so" and see the matching weaknesses."""


import pytest
from conftest import wait_for_app
from test_weaknesses import build_weakness_db


pytestmark = pytest.mark.browser


def test_search_finds_weaknesses_without_accents(signed_in, tmp_path, page):
    build_weakness_db(tmp_path / "built.duckdb").close()
    signed_in("phong", "office", source=tmp_path / "built.duckdb")
    page.get_by_role("link", name="Điểm yếu chung").click()
    page.get_by_text("Điểm yếu chung theo tiêu chí").first.wait_for()
    wait_for_app(page)
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0  # MN first: no items this year

    box = page.get_by_role("textbox", name="Từ khóa")
    box.fill("si so")
    box.press("Enter")
    page.get_by_text("2 mục kế hoạch khớp «si so».").wait_for()
    wait_for_app(page)
    results = page.locator('[data-testid="stDataFrame"]').last
    results.scroll_into_view_if_needed()
    cells = results.locator("td")
    cells.filter(has_text="Sĩ số").first.wait_for(state="attached")  # the grid fills its (hidden) cells
    texts = [cells.nth(i).inner_text() for i in range(cells.count())]
    assert "Sĩ số học sinh ở các lớp còn cao" in texts
    assert "Sĩ số bình quân học sinh/lớp chưa đảm bảo theo quy định" in texts
    assert "q=si+so" in page.url or "q=si%20so" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0

    page.get_by_text("THCS, THPT").first.click()  # the framework with this year's items
    page.locator(".js-plotly-plot .bars path").first.wait_for()
    wait_for_app(page)
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 2
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(tmp_path / "weaknesses.png"), full_page=True)
