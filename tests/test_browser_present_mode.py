"""Issue 18: full-screen presentation (?present=1). On the demo database, at the three projector /
screen sizes, every slide lies inside the window with nothing to scroll and no sidebar or Streamlit
chrome; ← → PgUp PgDn move between slides and Esc leaves."""

import pytest
from conftest import wait_for_app

from kdcl.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]

MEASURE = """() => {
  const slide = document.querySelector('.st-key-slide');
  const r = slide.getBoundingClientRect();
  const visible = (sel) => [...document.querySelectorAll(sel)].some(e => e.getBoundingClientRect().width > 0);
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: innerWidth, height: innerHeight,
          clipped: slide.scrollHeight - slide.clientHeight,
          page_scroll: document.scrollingElement.scrollHeight - innerHeight,
          sidebar: visible('[data-testid="stSidebar"]'), header: visible('[data-testid="stHeader"]'),
          exceptions: document.querySelectorAll('[data-testid="stException"]').length};
}"""

# the slide has been drawn (chart or note) and scaled to the current window
FITTED = """(number) => {
  const slide = document.querySelector('.st-key-slide');
  if (!slide || document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const footer = slide.querySelector('.kdcl-footer .kdcl-page');
  if (!footer || (number && !footer.textContent.startsWith(number + '/'))) return false;
  if (slide.querySelector('[data-testid="stPlotlyChart"]') && !slide.querySelector('.main-svg')) return false;
  const want = Math.min(innerWidth / slide.offsetWidth, innerHeight / slide.offsetHeight) * 0.98;
  const have = parseFloat(slide.style.getPropertyValue('--kdcl-scale'));
  return Math.abs(want - have) < 0.002 && (""" + MEASURE + """)();
}"""


def footer_page(page) -> str:
    return page.inner_text(".st-key-slide .kdcl-footer .kdcl-page")


def test_every_slide_fits_the_screen_and_keys_move(signed_in, demo_db_path, page, shots):
    page.set_viewport_size({"width": 1280, "height": 720})
    signed_in("hdnd", None, source=demo_db_path, password=DEMO_PASSWORD, path="")
    page.get_by_role("link", name="Trình chiếu").click()
    page.get_by_role("button", name="Trình chiếu toàn màn hình").click()
    page.wait_for_url("**present=1**")
    page.wait_for_function(FITTED, arg=1)
    total = int(footer_page(page).split("/")[1])
    assert total >= 5
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for number in range(1, total + 1):
            if number > 1:
                page.keyboard.press("ArrowRight" if number % 2 else "PageDown")
                page.wait_for_url(f"**slide={number}**")
            box = page.wait_for_function(FITTED, arg=number).json_value()  # measured when fitted
            assert footer_page(page) == f"{number}/{total}"
            where = f"slide {number} at {width}x{height}: {box}"
            assert box["top"] >= 0 and box["left"] >= 0, where
            assert box["bottom"] <= box["height"] and box["right"] <= box["width"], where
            assert box["clipped"] <= 1 and box["page_scroll"] <= 0, where
            assert not box["sidebar"] and not box["header"] and box["exceptions"] == 0, where
            # filling the screen: the slide takes (nearly) the whole width or the whole height
            assert max((box["right"] - box["left"]) / width, (box["bottom"] - box["top"]) / height) > 0.95, where
            if (width, height) == (1280, 720) and number in (1, 3):
                page.screenshot(path=shots / f"i18_present_{number}_{width}.png")
        # back to the first slide with the other keys
        for number in range(total - 1, 0, -1):
            page.keyboard.press("ArrowLeft" if number % 2 else "PageUp")
            page.wait_for_url(f"**slide={number}**")
            page.wait_for_function(FITTED, arg=number)
        assert footer_page(page) == f"1/{total}"
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Trình chiếu toàn màn hình").wait_for()
    wait_for_app(page)
    assert "present=1" not in page.url
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible")  # back (it slides in: wait, not a snapshot)
