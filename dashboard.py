"""Entry point: `streamlit run dashboard.py`.

Opens the configured database (KDCL_DB, or the built-in demo created on first start)
and routes to the pages; the overview (pages/overview.py) opens first. Nobody sees a
page before signing in; a shared link (path and ?query) still opens the same view
after sign-in.
"""

import streamlit as st

from kdcl import ui
from kdcl.strings import APP_TITLE, t

st.set_page_config(page_title=APP_TITLE, page_icon=":material/school:", layout="wide")

signed_in = st.session_state.get("scope")
pages = {
    t("nav.section.monitor"): [
        st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", url_path="tong-quan",
                default=True),
        st.Page("pages/levels.py", title=t("nav.levels"), icon=":material/leaderboard:", url_path="muc-dat"),
        st.Page("pages/school.py", title=t("nav.school"), icon=":material/school:", url_path="truong"),
        st.Page("pages/overdue.py", title=t("nav.overdue"), icon=":material/event_busy:", url_path="qua-han"),
        st.Page("pages/weaknesses.py", title=t("nav.weaknesses"), icon=":material/troubleshoot:",
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

# resolve the page from the URL first, so a deep link survives the sign-in form
navigation = st.navigation(pages, position="sidebar" if signed_in else "hidden")
try:
    ui.login_gate()  # first-run admin creation or sign-in (stops here until done); account box
    navigation.run()
except Exception as exc:  # noqa: BLE001 - never a traceback in the browser (issue 21); st.stop is not an Exception
    ui.show_unexpected_error(exc)
