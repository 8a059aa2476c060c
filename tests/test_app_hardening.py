"""Issue 21, item 2: every page with a school that has plan items and no assessment at all; no
traceback ever reaches a visitor."""

import shutil
import tomllib

import duckdb
import pytest
from factory import AS_OF, YEAR
from streamlit.testing.v1 import AppTest

from conftest import ROOT

from kdcl.access import Scope
from kdcl.db import Store

PAGES = ["dashboard.py", *sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))]


@pytest.fixture
def no_assessment_db(tiny_db_path, tmp_path):
    """The tiny database where S2 (one overdue plan item) has no assessment in any year."""
    copy = tmp_path / "app.duckdb"
    shutil.copy(tiny_db_path, copy)
    store = Store(copy)
    with store.cursor() as cur:
        keys = cur.execute("select school_id, school_year, kind, criterion_code from assessment "
                           "where school_id = 'S2'").df()
    with store.transaction() as tx:  # an app write path (keeps the stored level counts: issue 20)
        tx.run_with_frame("write/import_delete_assessments", keys)
    store.close()
    return copy


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("scope", [Scope.everything(user="test"), Scope(school_id="S2", role="principal", user="ht")],
                         ids=["office", "principal"])
def test_every_page_with_a_school_that_has_items_and_no_assessment(no_assessment_db, monkeypatch, page, scope):
    monkeypatch.setenv("KDCL_DB", str(no_assessment_db))
    at = AppTest.from_file(str(ROOT / page), default_timeout=90)
    at.session_state["scope"] = scope
    at.query_params["year"] = YEAR
    at.query_params["asof"] = AS_OF.isoformat()
    at.query_params["school"] = "S2"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not [e for e in at.error if "Traceback" in e.value]


def test_visitors_never_see_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] in (False, "none")


def test_an_unexpected_error_shows_a_vietnamese_line_and_is_logged(no_assessment_db, monkeypatch, caplog):
    from kdcl import ui

    def broken(*args, **kwargs):
        raise RuntimeError("/srv/secret/path went wrong")

    monkeypatch.setenv("KDCL_DB", str(no_assessment_db))
    monkeypatch.setattr(ui, "show_context", broken)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.session_state["scope"] = Scope.everything(user="test")
    at.query_params["year"] = YEAR
    with caplog.at_level("ERROR", logger="kdcl"):
        at.run()
    assert not at.exception
    [error] = at.error
    assert error.value.startswith("Đã xảy ra lỗi khi hiển thị trang này") and "/srv/secret" not in error.value
    assert any("/srv/secret/path went wrong" in (r.exc_text or str(r.exc_info)) for r in caplog.records)


# --------------------------------------------------------------------------- item 5: plan text is text

import re  # noqa: E402

from conftest import page_app  # noqa: E402

EVIL = ("![ảnh](http://evil.example/a.png) <img src=http://evil.example/b.png> **đậm** [bấm](http://evil.example) "
        ":red[đỏ] $x^2$")
UNESCAPED = re.compile(r"(?<!\\)(!\[|\[bấm\]\(|<img|\*\*đậm|:red\[|\$x)")


def rendered_markdown(at: AppTest) -> list[str]:
    kinds = ("markdown", "caption", "info", "warning", "success", "error", "subheader", "title", "header")
    return [e.value for kind in kinds for e in getattr(at, kind)]


@pytest.fixture
def evil_db(tiny_db_path, tmp_path):
    copy = tmp_path / "evil.duckdb"
    shutil.copy(tiny_db_path, copy)
    con = duckdb.connect(str(copy))
    con.execute("update plan_item set weakness = ?, measures = ?, time_text = ? where school_id = 'S2'",
                [EVIL, EVIL, EVIL])
    con.execute("update school set name = ? where school_id = 'S2'", ["Trường " + EVIL])
    con.close()
    return copy


def test_overdue_item_detail_shows_plan_text_as_text(evil_db, monkeypatch):
    at = page_app("overdue", evil_db, monkeypatch, school="S2")
    at.run()
    key = next(d.key for d in at.dataframe if d.key and d.key.startswith("od_table_"))
    at.session_state[key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    shown = rendered_markdown(at)
    assert any("Điểm yếu" in s and "ảnh" in s for s in shown)  # the detail is there...
    assert not [s for s in shown if UNESCAPED.search(s)]  # ...as text


@pytest.mark.parametrize("page, params", [("school", {"school": "S2"}), ("weaknesses", {"q": EVIL}),
                                          ("weaknesses", {"q": "evil"})])
def test_other_pages_show_plan_text_as_text(evil_db, monkeypatch, page, params):
    at = page_app(page, evil_db, monkeypatch, **params)
    at.run()
    assert not at.exception
    assert not [s for s in rendered_markdown(at) if UNESCAPED.search(s)]
