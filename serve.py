"""Start the dashboard: `streamlit run serve.py` (or `uvicorn serve:app`).

Streamlit's ASGI server running dashboard.py, plus the one route that sets the signed, http-only
session cookie, so that a reload or a shared link in another tab stays signed in (kdcl.sessions
says why a route is needed). `streamlit run dashboard.py` still works, without that cookie:
every new tab asks for the password.
"""

import streamlit as st

from kdcl.session_route import ROUTES

app = st.App("dashboard.py", routes=ROUTES)
