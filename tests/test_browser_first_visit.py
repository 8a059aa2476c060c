"""Issue 18: the first visitor of a new server, arriving by a shared deep link, gets the sign-in form and
then that page, never Streamlit's "Page not found" (the pages/ folder used to be taken for the old
folder-of-pages layout until st.navigation first ran)."""

import pytest
from conftest import password_of, sign_in
from factory import AS_OF, YEAR

pytestmark = pytest.mark.browser


def test_a_deep_link_on_a_new_server_is_found(started_app, page):
    app, _ = started_app(("hdnd", "viewer", {}))
    page.goto(f"{app.url}/trinh-chieu?year={YEAR}&asof={AS_OF.isoformat()}&slide=2")  # the server's first visitor
    page.get_by_role("button", name="Đăng nhập").wait_for()
    assert page.get_by_text("does not seem to exist").count() == 0
    sign_in(page, "hdnd", password_of("hdnd"))
    page.get_by_role("heading", name="Mức đạt theo loại trường").wait_for()
    assert "/trinh-chieu" in page.url
    assert page.get_by_text("Page not found").count() == 0
    assert page.get_by_text("does not seem to exist").count() == 0
