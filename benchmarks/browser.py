"""Timing pages in headless Chromium the way a person waits (used by run.py and load.py).

A person clicks a page's link in the sidebar and waits until the page has stopped changing.
Two measures are taken from the same click, both on the browser's own clock from the moment the
click reaches the page (a capture-phase listener; Playwright's checks before clicking are not
counted; until December 2026 "main visible" was timed from Python, about 0.1-0.2 s more):

- **main visible** (the older measure): seconds from the click until a script run has finished
  (as in 1. below), the running indicator is gone and the page's first plotly chart or table (in page
  order) is drawn with a height (checked at every animation frame). It hides whatever is still
  drawing below it.
- **settled**: seconds from the click to the last
  change of the page's DOM, once all of these hold together:
    1. a script run has finished after the click (the server's script_finished message, read off
       the page's websocket; a run ended by st.rerun() does not count, the run after it does) and
       the DOM has changed since the click;
    2. no Streamlit running indicator (`[data-testid=stStatusWidget]`: shown once a run has lasted
       500 ms, until 200 ms after it finished: on its own it says nothing about the first 500 ms of a
       run), no app skeleton
       (`stAppSkeleton`), no element skeleton (`stSkeleton`), no spinner (`stSpinner`), and no
       element still marked stale (`[data-stale="true"]`: left over from the previous run);
    3. every plotly chart of the main area on screen has drawn its SVG (`.main-svg`) and every
       table (`stDataFrame`) on screen its canvas (tables below the fold draw when scrolled to,
       tables in a closed expander when it is opened);
    4. the DOM has been quiet (no child, attribute or text change anywhere in the document, seen
       by a MutationObserver) for QUIET_MS = 300 ms.
  The time reported is that of the last change, not the end of the quiet window. A page that does
  not settle within SETTLE_TIMEOUT_MS reports None.

Beside the times, when the last script run's end reached the browser (settled minus it: the browser's
drawing after the server's last message), and what the page cost the browser, which the machine's load
does not change (WEIGHT_JS):
the bytes of the server's websocket messages from the click until settled and how many of them were
deltas (an element or block sent), the Streamlit elements and DOM nodes of the main area once settled,
and the bytes of files the browser fetched after the click (the chart library's script chunk on the
first chart of a browser session, for instance).

Moving between pages is always by clicking the sidebar (page.goto would open a new session and
show the sign-in form again); one sign-in per browser context.
"""

from __future__ import annotations

from collections.abc import Callable

from kdcl.strings import STATUS_LABELS, t

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUIET_MS = 300
SETTLE_TIMEOUT_MS = 60_000
ROW_HEIGHT = 35  # st.dataframe's default row (and header) height in pixels

# page stem -> (sidebar title, url path); sidebar order
PAGES = {
    "overview": (t("nav.overview"), "tong-quan"),
    "levels": (t("nav.levels"), "muc-dat"),
    "school": (t("nav.school"), "truong"),
    "overdue": (t("nav.overdue"), "qua-han"),
    "weaknesses": (t("nav.weaknesses"), "diem-yeu"),
    "presentation": (t("nav.presentation"), "trinh-chieu"),
    "import_data": (t("nav.import"), "nhap-du-lieu"),
}

# installed in every document before its own scripts: the time of the last DOM change, of the first
# click since the last reset (arm()), whether the script ran since, and why the page is not settled
INIT_SCRIPT = """
(() => {
  const k = window.__kdcl = {last: performance.now(), clickAt: null, ran: false};
  performance.setResourceTimingBufferSize(100000);  // every fetched file counted (default: the first 250)
  new MutationObserver(() => { k.last = performance.now(); })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  // the server's messages: a ForwardMsg whose top-level field 6 (script_finished) is set, with any
  // status but 2 (FINISHED_EARLY_FOR_RERUN: st.rerun() runs the script again), ends a run
  const finished = (bytes) => {
    let i = 0;
    const varint = () => { let v = 0, m = 1, b; do { b = bytes[i++]; v += (b & 127) * m; m *= 128; } while (b & 128); return v; };
    while (i < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) { const v = varint(); if (field === 6) return v !== 2; }
      else if (wire === 2) { const n = varint(); i += n; }  // not "i += varint()": i is read before the call
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return false;
    }
    return false;
  };
  // what the server sent since the click: bytes of its messages and how many of them were deltas (an
  // element or a block drawn: ForwardMsg field 5); load-independent, unlike the times
  k.bytes = 0; k.deltas = 0;
  const isDelta = (bytes) => {
    let i = 0;
    const varint = () => { let v = 0, m = 1, b; do { b = bytes[i++]; v += (b & 127) * m; m *= 128; } while (b & 128); return v; };
    while (i < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
      if (field === 5 && wire === 2) return true;
      if (wire === 0) varint();
      else if (wire === 2) { const n = varint(); i += n; }  // not "i += varint()": i is read before the call
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return false;
    }
    return false;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (k.clickAt === null || !(event.data instanceof ArrayBuffer)) return;
        const bytes = new Uint8Array(event.data);
        k.bytes += bytes.length;
        if (isDelta(bytes)) k.deltas += 1;
        if (finished(bytes)) { k.ran = true; k.finishedAt = performance.now(); }
      });
    }
  };
  document.addEventListener('click', () => { if (k.clickAt === null) k.clickAt = performance.now(); }, true);
  const onScreen = (el) => {  // a table below the fold draws when scrolled to; one in a closed expander never
    const box = el.getBoundingClientRect();
    return el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}) && box.height > 0
      && box.bottom > 0 && box.top < window.innerHeight;
  };
  k.unsettled = (quiet) => {  // what still keeps the page from being settled ([] when settled)
    const why = [];
    if (k.clickAt === null) why.push('no click');
    if (!k.ran) why.push('no script run has finished since the click');
    if (k.last <= k.clickAt) why.push('nothing changed since the click');
    if (performance.now() - k.last < quiet) why.push('the DOM changed less than ' + quiet + ' ms ago');
    for (const el of document.querySelectorAll('[data-testid=stStatusWidget], [data-testid=stAppSkeleton],'
        + ' [data-testid=stSkeleton], [data-testid=stSpinner], [data-stale="true"]'))
      why.push(el.getAttribute('data-stale') === 'true' ? 'a stale element' : el.getAttribute('data-testid'));
    for (const c of document.querySelectorAll('[data-testid=stMain] [data-testid=stPlotlyChart]'))
      if (onScreen(c) && !c.querySelector('.main-svg')) why.push('a chart not drawn');
    for (const d of document.querySelectorAll('[data-testid=stMain] [data-testid=stDataFrame]'))
      if (onScreen(d) && !d.querySelector('canvas')) why.push('a table not drawn');
    return why;
  };
})();
"""

SETTLED_JS = """
(quiet) => {
  const k = window.__kdcl;
  if (!k || k.unsettled(quiet).length) return false;
  return Math.max(k.last - k.clickAt, 1) / 1000;
}
"""

MAIN_VISIBLE_JS = """
() => {
  const k = window.__kdcl;
  if (!k || k.clickAt === null || !k.ran) return false;
  if (document.querySelector('[data-testid=stStatusWidget]')) return false;
  const main = document.querySelector(
    '[data-testid=stMain] :is([data-testid=stPlotlyChart], [data-testid=stDataFrame], [data-testid=stTable])');
  const drawn = main && (main.matches('[data-testid=stPlotlyChart]') ? main.querySelector('.main-svg') : main);
  if (!drawn || drawn.getBoundingClientRect().height <= 0) return false;
  return Math.max(performance.now() - k.clickAt, 1) / 1000;
}
"""

# what a page cost the browser, read once it settled (load-independent, unlike the times): when the last
# script run's end reached the browser (script_s: the server's part and the messages' way; settled minus
# it is the browser's drawing after the last message; this one is a time and moves with the load); the bytes of the
# server's websocket messages since the click and how many deltas (elements and blocks) they held; the
# Streamlit elements and the DOM nodes of the main area; the bytes of files the browser fetched since the
# click (script chunks such as plotly.js the first time a page draws a chart; from the memory cache: 0)
WEIGHT_JS = """
() => {
  const k = window.__kdcl;
  const main = document.querySelector('[data-testid=stMain]');
  const fetched = performance.getEntriesByType('resource')
    .filter((e) => k.clickAt !== null && e.startTime >= k.clickAt)
    .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0);
  return {script_s: k.finishedAt == null ? null : Math.round(k.finishedAt - k.clickAt) / 1000,
          ws_kb: Math.round(k.bytes / 102.4) / 10, deltas: k.deltas,
          elements: main ? main.querySelectorAll('[data-testid=stElementContainer]').length : 0,
          dom_nodes: main ? main.querySelectorAll('*').length : 0,
          fetched_kb: Math.round(fetched / 102.4) / 10};
}
"""
WEIGHT_KEYS = ("script_s", "ws_kb", "deltas", "elements", "dom_nodes", "fetched_kb")

LAST_UNSETTLED: list[str] = []  # why the last wait_settled() that timed out did (a benchmark prints it)


def new_page(browser, width: int = 1400, height: int = 1000):
    """A page in a browser context of its own (its own cookies, so its own Streamlit session)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    page.set_default_timeout(120_000)
    return page


def arm(page) -> None:
    """Forget the last click: the next click starts the next measure."""
    page.evaluate("() => { const k = window.__kdcl; if (k) { k.clickAt = null; k.ran = false; k.bytes = 0; "
                  "k.deltas = 0; k.finishedAt = null; } }")


def weight(page) -> dict:
    """What the page cost the browser since the last click (WEIGHT_JS); read after wait_settled()."""
    try:
        return page.evaluate(WEIGHT_JS)
    except Exception:
        return {}


def wait_settled(page, timeout_ms: int = SETTLE_TIMEOUT_MS) -> float | None:
    """Seconds from the first click since arm() to the page settled (see the module docstring)."""
    try:
        return round(float(page.wait_for_function(SETTLED_JS, arg=QUIET_MS, polling=50,
                                                  timeout=timeout_ms).json_value()), 3)
    except Exception:
        try:
            LAST_UNSETTLED[:] = page.evaluate("(q) => window.__kdcl.unsettled(q)", QUIET_MS)
        except Exception as exc:
            LAST_UNSETTLED[:] = [str(exc)[:200]]
        return None


def sign_in(page, url: str, username: str, password: str, *, typing_pause_ms: int = 3000,
            before_click: Callable[[], None] | None = None) -> float | None:
    """Open the app, type the account as a person does, click Đăng nhập: seconds to the first page settled.
    `before_click` runs just before the click (a benchmark notes the server's CPU there)."""
    page.goto(url)
    page.get_by_label(t("auth.username")).wait_for()
    page.wait_for_timeout(typing_pause_ms)  # a person types a user name and a password
    page.get_by_label(t("auth.username")).fill(username)
    page.get_by_label(t("auth.password")).fill(password)
    arm(page)
    if before_click is not None:
        before_click()
    page.get_by_role("button", name=t("auth.login")).click()
    page.get_by_text(t("auth.logout")).wait_for()
    return wait_settled(page)


def open_page(page, name: str, *, before_settled: Callable[[], None] | None = None,
              visible: bool = True) -> dict:
    """Click the page's sidebar link; {"visible": s or None, "settled": s or None, and what it cost the browser:
    WEIGHT_KEYS}. `before_settled`
    runs after the click (e.g. a person picking a school) and is counted in both measures."""
    title, path = PAGES[name]
    nav = page.locator('[data-testid="stSidebarNav"]')
    arm(page)
    nav.get_by_text(title, exact=True).click()
    result: dict = {"visible": None, "settled": None}
    try:
        page.wait_for_url(lambda u: path in u or (name == "overview" and u.split("?")[0].rstrip("/").count("/") == 2),
                          timeout=30_000)
        if before_settled is not None:
            before_settled()
        if visible:
            try:
                result["visible"] = round(float(page.wait_for_function(
                    MAIN_VISIBLE_JS, polling="raf", timeout=30_000).json_value()), 3)
            except Exception:
                pass  # no chart or table within 30 s (the import page has none)
        result["settled"] = wait_settled(page)
        result.update(weight(page))
    except Exception:
        pass
    return result


def pick_first_school(page, school_id: str) -> None:
    """On the school page with many schools: search for the school, then choose it."""
    search = page.get_by_label(t("school.search"), exact=True)
    page.get_by_label(t("school.picker"), exact=True).wait_for()
    if search.count():
        search.fill(school_id)
        search.press("Enter")
        page.wait_for_selector("input[placeholder^='Chọn trong 1 trường']")
    page.get_by_label(t("school.picker"), exact=True).click()
    page.get_by_role("option").first.click()


def tick_row(page, row: int) -> None:
    """Click the selection box at the start of a row of the first (canvas-drawn) table."""
    box = page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').first.bounding_box()
    page.mouse.click(box["x"] + 17, box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2)


def choose(page, label: str, option: str, tries: int = 5) -> bool:
    """Pick an option of a selectbox by its label (a click landing during a redraw is tried again)."""
    opener = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.locator(
        'button[aria-label="Open"]')
    combo = page.get_by_role("combobox", name=label)
    for _ in range(tries):
        wait_settled_or_idle(page)
        try:
            opener.click(timeout=10_000)
        except Exception:
            continue
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=4_000)
        except Exception:
            page.keyboard.press("Escape")
            continue
        wait_settled_or_idle(page)
        if combo.input_value() == option:
            return True
    return False


def wait_settled_or_idle(page) -> None:
    """Wait for the running indicator to go (between steps of an edit; not a measure)."""
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", polling=50,
                           timeout=SETTLE_TIMEOUT_MS)


def _save_first_overdue_item(page) -> float | None:
    """On the overdue page (its item list open): tick the first item of the list, switch its status
    between "in progress" and "not started" (a real change, repeatable, no date needed), save.
    Seconds from the click on "Lưu thay đổi" to the page settled again with the saved message,
    or None. When the list is empty (a school chosen earlier and kept by the session), every
    item is listed first."""
    from kdcl.data import plan_items as pi

    table = page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]')
    if table.count() == 0:
        choose(page, t("overdue.filter.bucket"), pi.list_bucket_label(None))
        table.first.wait_for(timeout=SETTLE_TIMEOUT_MS)
    wait_settled_or_idle(page)
    tick_row(page, 0)
    page.get_by_role("button", name=t("overdue.update.save")).wait_for(timeout=20_000)
    wait_settled_or_idle(page)
    current = page.get_by_role("combobox", name=t("overdue.update.status")).input_value()
    target = STATUS_LABELS["in_progress" if current != STATUS_LABELS["in_progress"] else "not_started"]
    if not choose(page, t("overdue.update.status"), target):
        return None
    wait_settled_or_idle(page)
    arm(page)
    page.get_by_role("button", name=t("overdue.update.save")).click()
    try:
        page.get_by_text(t("overdue.update.saved", n=1)).wait_for(timeout=SETTLE_TIMEOUT_MS)
    except Exception:
        return None
    return wait_settled(page)


def save_first_overdue_item(page, tries: int = 3) -> float | None:
    """_save_first_overdue_item, tried again from a fresh visit of the overdue page when a step
    does not take (a tick landing while the table redraws); None when no try saved."""
    for attempt in range(tries):
        try:
            seconds = _save_first_overdue_item(page)
        except Exception:
            seconds = None
        if seconds is not None:
            return seconds
        page.keyboard.press("Escape")
        open_page(page, "import_data", visible=False)  # away and back: the list afresh
        open_page(page, "overdue", visible=False)
    return None
