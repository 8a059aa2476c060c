"""The app's script: `streamlit run serve.py` (this script plus the session-cookie route).

Opens the configured database (KDCL_DB, or the built-in demo created on first start)
and routes to the pages; the overview (pages/overview.py) opens first, or for a principal
their school's home (pages/home.py). Nobody sees a
page before signing in; a shared link (path and ?query) still opens the same view
after sign-in.
"""

from pathlib import Path

import streamlit as st

from kdcl import ui
from kdcl.strings import APP_TITLE, t

# a local file: Streamlit fetches a ":material/...:" page icon from fonts.gstatic.com (the app runs offline)
ICON = Path(__file__).resolve().parent / "kdcl" / "assets" / "favicon.png"
st.set_page_config(page_title=APP_TITLE, page_icon=str(ICON), layout="wide")

ui.restore_session()  # a reload or a shared link in another tab: the session cookie signs the tab in
signed_in = st.session_state.get("scope")
principal = signed_in is not None and signed_in.role == "principal"
if principal:  # one school: their home first, no province overview (issue 17)
    first = [st.Page("pages/home.py", title=t("nav.home"), icon=":material/home:", url_path="truong-cua-toi",
                     default=True)]
else:
    first = [st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", url_path="tong-quan",
                     default=True)]
pages = {
    t("nav.section.monitor"): [
        *first,
        st.Page("pages/levels.py", title=t("nav.levels"), icon=":material/leaderboard:", url_path="muc-dat"),
        st.Page("pages/school.py", title=t("nav.school"), icon=":material/school:", url_path="truong"),
        st.Page("pages/overdue.py", title=t("nav.overdue"), icon=":material/event_busy:", url_path="qua-han"),
        st.Page("pages/weaknesses.py", title=t("weak.school.title" if principal else "nav.weaknesses"), icon=":material/troubleshoot:",
                url_path="diem-yeu"),
    ],
    t("nav.section.present"): [
        st.Page("pages/presentation.py", title=t("nav.presentation"), icon=":material/slideshow:",
                url_path="trinh-chieu"),
    ],
}
if signed_in is None or signed_in.can_write:  # viewers have nothing to import (and writes refuse them)
    pages[t("nav.section.data")] = [
        st.Page("pages/import_data.py", title=t("nav.import"), icon=":material/upload_file:",
                url_path="nhap-du-lieu"),
    ]
if signed_in is None or signed_in.role in ("admin", "office"):  # the accounts page (issue 18)
    pages.setdefault(t("nav.section.data"), []).append(
        st.Page("pages/accounts.py", title=t("nav.accounts"), icon=":material/manage_accounts:", url_path="tai-khoan"))

# resolve the page from the URL first, so a deep link survives the sign-in form
presenting = ui.url_flag("present")  # full-screen slides (pages/presentation.py): no menu
navigation = st.navigation(pages, position="sidebar" if signed_in and not presenting else "hidden")
ui.widget_texts()  # Streamlit's own widget texts ("Upload", "No results", "10MB per file") in Vietnamese
try:
    ui.login_gate()  # first-run admin creation or sign-in (stops here until done); account box
    navigation.run()
except Exception as exc:  # noqa: BLE001 - never a traceback in the browser (issue 21); st.stop is not an Exception
    ui.show_unexpected_error(exc)
