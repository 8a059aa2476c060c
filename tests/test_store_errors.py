"""DuckDB's refusals become the app's own errors (issue 19): kdcl.db maps them to StoreRefused /
StoreConflict with a Vietnamese message naming the table and column; the import result never shows an
English DuckDB message, and a bug during an import is logged with its traceback, never passed off as a
refused file."""

from __future__ import annotations

import logging

import pandas as pd
import pytest
from fixtures_docx import SEED_SCHOOLS_CSV

from kdcl import auth
from kdcl.access import Scope
from kdcl.db import StoreConflict, StoreError, StoreRefused, refused
from kdcl.importing import Options, Upload, import_files, service

ADMIN = Scope.everything(user="admin")
SCHOOL = {"school_id": "S9", "name": "Trường Thử", "school_type": "TH", "framework_id": "TH", "unit_id": "W1"}


def schools(tiny_store) -> int:
    return int(tiny_store.scalar("meta_value", key="data_version") or 0), len(tiny_store.query("import_schools",
               **ADMIN.params(), unit_id=None, school_type=None))


def insert_school(store, **changes) -> None:
    with store.transaction() as tx:
        tx.insert_frame("school", pd.DataFrame([{**SCHOOL, **changes}]))


@pytest.mark.parametrize("changes, column, words", [
    ({"school_id": "S1"}, "school_id", ["Trùng mã", "«S1»", "trường (school)"]),
    ({"name": None}, "name", ["Thiếu giá trị bắt buộc", "«name»", "trường (school)"]),
    ({"school_type": "XX"}, "school_type", ["không hợp lệ", "«school_type»", "trường (school)"]),
    ({"unit_id": "NOWHERE"}, "unit_id", ["Không tìm thấy", "«NOWHERE»"]),
])
def test_a_refused_write_names_table_and_column_in_vietnamese(tiny_store, changes, column, words):
    before = len(tiny_store.query("import_schools", **ADMIN.params(), unit_id=None, school_type=None))
    with pytest.raises(StoreRefused) as err:
        insert_school(tiny_store, **changes)
    message = str(err.value)
    assert err.value.table == "school" and err.value.column == column
    assert all(w in message for w in words), message
    assert "Constraint" not in message and "Error" not in message
    assert len(tiny_store.query("import_schools", **ADMIN.params(), unit_id=None, school_type=None)) == before


def test_a_value_of_the_wrong_type_is_named(tiny_store):
    rows = pd.DataFrame([{"school_id": "S1", "school_year": "2024-2025", "kind": "self", "framework_id": "THCS_THPT",
                          "criterion_code": "1.1", "level": "cao"}])
    with pytest.raises(StoreRefused) as err:
        with tiny_store.transaction() as tx:
            tx.run("write/set_meta", key="x", value="y")
            tx.insert_frame("assessment", rows)
    assert "«cao»" in str(err.value) and "kết quả đánh giá (assessment)" in str(err.value)
    assert tiny_store.scalar("meta_value", key="x") is None  # all-or-nothing


def test_only_the_databases_refusals_are_mapped():
    import duckdb

    assert isinstance(refused(duckdb.TransactionException("TransactionContext Error: Conflict on update"), "plan"),
                      StoreConflict)
    assert refused(ValueError("a bug"), "plan") is None  # anything else stays what it is
    assert refused(duckdb.CatalogException("Table x does not exist"), None) is None


def test_a_bug_in_a_write_is_not_mapped(tiny_store):
    with pytest.raises(ZeroDivisionError):
        with tiny_store.transaction() as tx:
            tx.run("write/set_meta", key="x", value="y")
            1 / 0
    assert tiny_store.scalar("meta_value", key="x") is None


def test_account_constraints_are_the_apps_own_words(tiny_store):
    with pytest.raises(auth.AuthError, match="Không tạo được tài khoản «x»"):
        auth.add_user(tiny_store, "x", "mat-khau-dai-du", "admin")  # a name under 3 characters: CHECK
    with pytest.raises(auth.AuthError, match="mã đơn vị"):
        auth.add_user(tiny_store, "office1", "mat-khau-dai-du", "office", unit_id="NOWHERE")  # foreign key


def test_an_import_refused_by_the_database_shows_a_vietnamese_line(tiny_store, monkeypatch):
    def refuse(tx, write):
        tx.insert_frame("school", pd.DataFrame([{**SCHOOL, "school_id": "S1"}]))  # a duplicate: refused

    monkeypatch.setattr(service, "write_schools", refuse)
    [result] = import_files(tiny_store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
    assert result.status == "rejected"
    [error] = result.errors
    assert "Trùng mã" in error.message and "Constraint" not in error.message


def test_a_bug_during_an_import_is_logged_not_passed_off_as_a_bad_file(tiny_store, monkeypatch, caplog):
    def bug(tx, write):
        raise KeyError("a programming error")

    monkeypatch.setattr(service, "write_schools", bug)
    with caplog.at_level(logging.ERROR):
        [result] = import_files(tiny_store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
    assert result.status == "rejected"
    [error] = result.errors
    [record] = [r for r in caplog.records if "truong.csv" in r.getMessage()]
    assert record.exc_info is not None and "a programming error" in str(record.exc_info[1])  # the traceback is kept
    ref = record.args[1]
    assert f"mã lỗi {ref}" in error.message and "programming" not in error.message


def test_store_errors_are_app_errors():
    assert issubclass(StoreRefused, StoreError) and issubclass(StoreConflict, StoreError)


def test_every_catch_all_is_a_logged_boundary():
    """An `except Exception` (or bare `except:`) in pages/ and kdcl/ either re-raises or logs the
    traceback (a logger call or ui.show_unexpected_error): a bug is never swallowed silently."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    silent = []
    for path in [root / "dashboard.py", *root.glob("pages/*.py"), *root.glob("kdcl/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ExceptHandler):
                continue
            names = [node.type] if not isinstance(node.type, ast.Tuple) else node.type.elts
            if node.type is not None and not any(isinstance(n, ast.Name) and n.id == "Exception" for n in names):
                continue
            calls = {c.func.attr for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)}
            reraises = any(isinstance(s, ast.Raise) and s.exc is None for s in ast.walk(node))
            logs = calls & {"exception", "error", "warning", "debug", "info", "show_unexpected_error"}
            if not reraises and not logs:
                silent.append(f"{path.relative_to(root)}:{node.lineno}")
    assert silent == [], silent


def test_the_command_line_says_a_refused_write_in_one_line(monkeypatch, capsys):
    from kdcl import cli

    def refuse(parser, args):
        raise StoreRefused("Trùng mã: school_id «S1» đã có trong bảng trường (school); không có gì được ghi.", "school")

    monkeypatch.setitem(cli.COMMANDS, "summary", refuse)
    assert cli.main(["summary"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "Trùng mã: school_id «S1» đã có trong bảng trường (school); không có gì được ghi."
