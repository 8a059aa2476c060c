"""Start the dashboard: `streamlit run serve.py` (or `uvicorn serve:app`).

Streamlit's ASGI server running dashboard.py, plus the one route that sets the signed, http-only
session cookie, so that a reload or a shared link in another tab stays signed in (kdcl.sessions
says why a route is needed). `streamlit run dashboard.py` still works, without that cookie:
every new tab asks for the password.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from kdcl import warmup
from kdcl.session_route import ROUTES

# dashboard.py routes with st.navigation, but its pages live in a folder named pages/, which Streamlit
# takes for the old folder-of-pages layout until st.navigation first runs in the process: the first
# visitor of a new server got "Page not found" for a deep link such as /trinh-chieu. Said here, once,
# before any session (st.navigation sets the same flag on its first call).
PagesManager.uses_pages_directory = False

app = st.App("dashboard.py", routes=ROUTES)

# the imports, first chart and table, and the database's opening, paid now rather than by the first
# visitor (kdcl.warmup; on a thread of its own: the server answers meanwhile)
warmup.start()
