"""Issue 18: staying signed in. After signing in, the browser holds a signed, http-only session cookie;
a reload and a shared link opened in another tab stay signed in; "Đăng xuất" ends the session in every
tab (and a reload then asks for the password); a password change ends the other tabs' sessions."""

import pytest
from conftest import sign_in, wait_for_app
from factory import AS_OF, YEAR

pytestmark = pytest.mark.browser


@pytest.fixture
def app(started_app):
    return started_app(("phong", "office", {"unit_id": "P"}))[0]


def session_cookie(context) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == "kdcl_session"), None)


def sign_in_with_cookie(page, username: str, password: str) -> dict:
    """Sign in and wait for the page's claim of its session cookie (a same-origin POST)."""
    with page.expect_response(lambda r: r.url.endswith("/kdcl-session") and r.request.method == "POST") as claim:
        sign_in(page, username, password)
    assert claim.value.status == 204
    cookie = session_cookie(page.context)
    assert cookie is not None
    return cookie


def assert_signed_in(page) -> None:
    page.get_by_role("button", name="Đăng xuất").wait_for()
    assert page.get_by_label("Mật khẩu", exact=True).count() == 0  # no sign-in form


def test_reload_and_new_tab_stay_signed_in_until_sign_out(app, page):
    page.goto(f"{app.url}/?year={YEAR}&asof={AS_OF.isoformat()}")
    cookie = sign_in_with_cookie(page, "phong", "matkhau-phong")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert "." in cookie["value"] and "phong" not in cookie["value"]  # a signed random token, no name in it
    assert page.evaluate("document.cookie").find("kdcl_session") == -1  # scripts cannot read it

    page.reload()
    wait_for_app(page)
    assert_signed_in(page)

    shared = page.context.new_page()  # a shared link in a new tab of the same browser
    shared.goto(f"{app.url}/qua-han?year={YEAR}&asof={AS_OF.isoformat()}")
    wait_for_app(shared)
    assert_signed_in(shared)
    assert "/qua-han" in shared.url

    # the session ends on the server; then the page clears its cookie
    with page.expect_response(lambda r: r.url.endswith("/kdcl-session") and r.request.method == "DELETE"):
        page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_role("button", name="Đăng nhập").wait_for()
    assert session_cookie(page.context) is None

    shared.bring_to_front()  # a person switches to the other tab before clicking in it
    wait_for_app(shared)
    shared.get_by_role("link", name="Trình chiếu").click()  # the other tab's next step: ended there too
    shared.get_by_text("Phiên đăng nhập đã kết thúc").wait_for()
    shared.reload()
    shared.get_by_role("button", name="Đăng nhập").wait_for()
    page.reload()
    page.get_by_role("button", name="Đăng nhập").wait_for()
    assert page.get_by_role("button", name="Đăng xuất").count() == 0


def test_a_stolen_or_forged_cookie_signs_nobody_in(app, page):
    page.goto(f"{app.url}/?year={YEAR}&asof={AS_OF.isoformat()}")
    cookie = sign_in_with_cookie(page, "phong", "matkhau-phong")
    token, _, signature = cookie["value"].partition(".")
    other = page.context.browser.new_context()
    try:
        forged = other.new_page()
        other.add_cookies([{**cookie, "value": token + "." + "0" * len(signature)}])
        forged.goto(app.url)
        forged.get_by_role("button", name="Đăng nhập").wait_for()
        assert forged.get_by_role("button", name="Đăng xuất").count() == 0
    finally:
        other.close()


def test_password_change_ends_the_other_tabs(app, page):
    page.goto(f"{app.url}/?year={YEAR}&asof={AS_OF.isoformat()}")
    sign_in_with_cookie(page, "phong", "matkhau-phong")
    other = page.context.new_page()
    other.goto(app.url)
    wait_for_app(other)
    assert_signed_in(other)

    page.get_by_text("Đổi mật khẩu").first.click()
    page.get_by_label("Mật khẩu hiện tại").fill("matkhau-phong")
    page.get_by_label("Mật khẩu mới").fill("matkhau-moi-1")
    page.get_by_label("Nhập lại mật khẩu").fill("matkhau-moi-1")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.get_by_text("Đã đổi mật khẩu").wait_for()

    other.get_by_role("link", name="Trình chiếu").click()
    other.get_by_text("Phiên đăng nhập đã kết thúc").wait_for()
    page.reload()  # this tab got a new session and cookie with the change
    wait_for_app(page)
    assert_signed_in(page)
