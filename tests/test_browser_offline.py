"""Issue 18: the app runs fully offline. A signed-in visit to the overview and the presentation
page asks nothing of any host but the app's own (the page icon used to come from fonts.gstatic.com)."""

from urllib.parse import urlparse

import pytest
from conftest import wait_for_app


pytestmark = pytest.mark.browser


def test_no_request_leaves_the_server(signed_in, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    app, _ = signed_in("phong", "office")
    page.get_by_role("link", name="Trình chiếu").click()
    page.get_by_text("Kiểm định chất lượng giáo dục năm học 2024-2025").wait_for()
    wait_for_app(page)
    icon = page.locator("link[rel*='icon']").first.get_attribute("href")
    assert icon and "gstatic" not in icon
    hosts = {urlparse(url).netloc for url in requested if urlparse(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {f"127.0.0.1:{app.port}"}, sorted(url for url in requested if "127.0.0.1" not in url)
