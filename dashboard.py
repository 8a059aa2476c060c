"""Entry point: `streamlit run dashboard.py`.

Opens the configured database (KDCL_DB, or the built-in demo created on first start)
and routes to the pages; the overview (pages/overview.py) opens first.
"""

import streamlit as st

from kdcl import ui
from kdcl.strings import APP_TITLE, t

st.set_page_config(page_title=APP_TITLE, page_icon=":material/school:", layout="wide")
scope = ui.login_gate()  # first-run admin creation, sign-in, account box

pages = {
    t("nav.section.monitor"): [
        st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", url_path="tong-quan",
                default=True),
        # levels pages (issue 4)
        # overdue page (issue 5)
        # weaknesses page (issue 6)
    ],
    # import page (issue 3)
}
st.navigation(pages).run()
