"""A minimal Streamlit client speaking the browser's websocket protocol (benchmarks/load.py).

What Streamlit's protocol needs (streamlit 1.67, web/server/starlette/starlette_websocket.py and
runtime/app_session.py), and what this client does:

- One websocket per session on /_stcore/stream with the subprotocol "streamlit" (the header's
  further entries, an XSRF token and a session id to resume, are optional; no Origin header is
  sent, which the server accepts). Frames are binary protobufs: BackMsg up, ForwardMsg down.
- Nothing runs until the client sends BackMsg.rerun_script (a ClientState: the URL's query string,
  the page's script hash, the widget states, and the hashes of the big messages it has cached).
  The server answers with new_session, navigation (the pages: script hash, url path), deltas
  (elements; widgets carry an `id` and a `label`), page_info_changed (the query string the script
  set), and finally script_finished. A script that calls st.rerun() finishes
  FINISHED_EARLY_FOR_RERUN and runs again by itself; the run that ends FINISHED_SUCCESSFULLY is the
  end of what a person waits for on the server side.
- Widget values are sent as WidgetState by id, typed as the widget registers them: text inputs and
  selectboxes `string_value` (a selectbox's formatted option label), buttons `trigger_value` (sent
  once), a dataframe's row selection `string_value` holding
  {"selection": {"rows": [...], "columns": [], "cells": []}}. Like the browser, every run sends the
  values of the widgets still on the page (not triggers), so the script sees what the person set.
- Elements of at least global.minCachedMessageSize are "cacheable": the browser keeps them and
  lists their hashes in the next ClientState, and the server then sends a reference (ref_hash)
  instead of the element. This client does the same, so the server sends what it sends a browser.

What it does not do: draw anything. A page time here is server-side: from the request sent to
the final script_finished received (every element of the page has arrived); the browser's
drawing on the person's own computer comes on top (benchmarks/run.py measures it, one person).
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = ForwardMsg.ScriptFinishedStatus


class ProtocolError(RuntimeError):
    """The server closed, timed out, or the run ended in an exception or without what was expected."""


@dataclass
class Widget:
    kind: str  # the Element field: text_input, selectbox, button, dataframe, ...
    id: str
    label: str
    proto: object


@dataclass
class Run:
    """What one request brought back."""

    seconds: float
    widgets: dict[str, Widget] = field(default_factory=dict)  # by label (dataframes: by "dataframe:<n>")
    texts: list[str] = field(default_factory=list)  # markdown, alerts, headings, captions
    exceptions: list[str] = field(default_factory=list)
    reruns: int = 0  # st.rerun() calls followed
    bytes: int = 0


class Session:
    """One person's browser tab: `await Session.open(url)`, then `run(...)` per click."""

    def __init__(self, ws, timeout: float):
        self._ws = ws
        self.timeout = timeout
        self.pages: dict[str, str] = {}  # url path ("" for the default page) -> script hash
        self.page_hash = ""
        self.query = ""
        self._cache: dict[str, ForwardMsg] = {}
        self._values: dict[str, WidgetState] = {}  # the last value set per widget id (no triggers)
        self.last: Run | None = None

    @classmethod
    async def open(cls, url: str, timeout: float = 120.0, query: str = "") -> Session:
        ws_url = url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        ws = await websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout,
                                      ping_interval=None, compression=None)
        session = cls(ws, timeout)
        session.query = query
        await session.run()
        return session

    async def close(self) -> None:
        await self._ws.close()

    # ------------------------------------------------------------------ requests

    async def goto(self, path: str) -> Run:
        """A click on a page's sidebar link (the query string is the one the app left)."""
        if path not in self.pages:
            raise ProtocolError(f"no page {path!r}; pages: {sorted(self.pages)}")
        self.page_hash = self.pages[path]
        self._values.clear()  # another page: its own widgets
        return await self.run()

    async def set(self, label: str, value, *, trigger: str | None = None) -> Run:
        """Give the widget labelled `label` a value (and press the button `trigger` in the same run,
        as a form's submit does with its fields)."""
        self._put(self.widget(label), value)
        if trigger is None:
            return await self.run()
        return await self.run(triggers=[self.widget(trigger).id])

    async def select_rows(self, index: int, rows: list[int]) -> Run:
        """Tick rows of the index-th dataframe with selections on the page."""
        widget = self.widget(f"dataframe:{index}")
        self._values[widget.id] = WidgetState(
            id=widget.id, string_value=json.dumps({"selection": {"rows": rows, "columns": [], "cells": []}}))
        return await self.run()

    async def press(self, label: str) -> Run:
        return await self.run(triggers=[self.widget(label).id])

    def widget(self, label: str) -> Widget:
        if self.last is None or label not in self.last.widgets:
            known = sorted(self.last.widgets) if self.last else []
            raise ProtocolError(f"no widget {label!r} on the page; widgets: {known}")
        return self.last.widgets[label]

    def _put(self, widget: Widget, value) -> None:
        if widget.kind in ("text_input", "text_area", "selectbox"):
            self._values[widget.id] = WidgetState(id=widget.id, string_value=str(value))
        elif widget.kind == "checkbox":
            self._values[widget.id] = WidgetState(id=widget.id, bool_value=bool(value))
        elif widget.kind == "number_input":
            self._values[widget.id] = WidgetState(id=widget.id, double_value=float(value))
        else:
            raise ProtocolError(f"cannot set a {widget.kind}")

    async def run(self, triggers: list[str] | None = None) -> Run:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        for widget_state in self._values.values():
            state.widget_states.widgets.append(widget_state)
        for trigger in triggers or []:
            state.widget_states.widgets.append(WidgetState(id=trigger, trigger_value=True))
        state.cached_message_hashes.extend(self._cache)
        started = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        run = await self._receive(started)
        live = {w.id for w in run.widgets.values()}
        self._values = {k: v for k, v in self._values.items() if k in live}  # as the browser forgets them
        self.last = run
        return run

    # ------------------------------------------------------------------ responses

    async def _receive(self, started: float) -> Run:
        run = Run(seconds=0.0)
        frames = 0
        deadline = started + self.timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise ProtocolError(f"no script_finished within {self.timeout:.0f} s")
            try:
                data = await asyncio.wait_for(self._ws.recv(), timeout=left)
            except asyncio.TimeoutError:
                raise ProtocolError(f"no script_finished within {self.timeout:.0f} s") from None
            except websockets.ConnectionClosed as exc:
                raise ProtocolError(f"connection closed: {exc}") from None
            run.bytes += len(data)
            frames += 1
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                msg = self._cache.get(msg.ref_hash)
                if msg is None:
                    raise ProtocolError("a reference to a message this client never received")
                kind = msg.WhichOneof("type")
            elif msg.metadata.cacheable and msg.hash:
                self._cache[msg.hash] = msg
            if kind == "new_session":
                run.widgets.clear()
                run.texts.clear()
                run.exceptions.clear()
                self._dataframes = 0
                if msg.new_session.page_script_hash:
                    self.page_hash = msg.new_session.page_script_hash
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                for p in msg.navigation.app_pages:
                    if p.is_default:
                        self.pages.setdefault("", p.page_script_hash)
                if msg.navigation.page_script_hash:
                    self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._element(run, msg.delta.new_element)
            elif kind == "script_finished":
                status = msg.script_finished
                if status == FINISHED.FINISHED_EARLY_FOR_RERUN:
                    run.reruns += 1
                    continue
                if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    raise ProtocolError("the page did not compile")
                run.seconds = time.perf_counter() - started
                return run

    def _element(self, run: Run, element) -> None:
        kind = element.WhichOneof("type")
        if kind is None:
            return
        body = getattr(element, kind)
        if kind == "exception":
            run.exceptions.append(f"{body.type}: {body.message}"[:300])
        elif kind in ("markdown", "alert", "heading"):
            run.texts.append(getattr(body, "body", "") or getattr(body, "text", ""))
        elif kind == "dataframe" and getattr(body, "id", ""):
            run.widgets[f"dataframe:{self._dataframes}"] = Widget(kind, body.id, "", body)
            self._dataframes += 1
        elif getattr(body, "id", "") and hasattr(body, "label"):
            run.widgets[body.label] = Widget(kind, body.id, body.label, body)

    _dataframes = 0
