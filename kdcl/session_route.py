"""The one HTTP route of the app (issue 18): it turns a fresh sign-in's one-time ticket into the
signed, http-only session cookie, and clears that cookie on sign-out. Served by serve.py through
Streamlit's ASGI app (`st.App(routes=...)`); see kdcl.sessions for why a route is needed at all."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kdcl import sessions


def _store():
    from kdcl import stores  # the dashboard's own store (one DuckDB connection per file and process)

    return stores.shared()


async def session_cookie(request: Request) -> Response:
    if request.method == "DELETE":
        cookie = request.cookies.get(sessions.COOKIE)
        if cookie:
            store = _store()
            found = await run_in_threadpool(sessions.resume, store, cookie, 24 * 60)
            if found is not None:
                await run_in_threadpool(sessions.end, store, found[1], "sign_out")
        response = Response(status_code=204)
        response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="lax")
        return response
    ticket = (await request.body()).decode(errors="replace").strip()[:200]
    cookie = await run_in_threadpool(sessions.claim, _store(), ticket)
    if cookie is None:
        return Response(status_code=403)
    response = Response(status_code=204)
    # no max_age: the cookie ends with the browser; the server ends it sooner (idle, sign-out, password)
    response.set_cookie(sessions.COOKIE, cookie, path="/", httponly=True, samesite="lax")
    return response


ROUTES = [Route(sessions.ROUTE, session_cookie, methods=["POST", "DELETE"])]
