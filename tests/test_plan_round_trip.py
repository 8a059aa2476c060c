"""The plan the app writes (`export plan-docx`, the presentation page's .docx: kdcl.reports.plan_docx) imports
back to the same items and fields, "Hiện trạng"/"Cần đạt" split back into weakness and target."""

from datetime import date

import pandas as pd
import pytest
from factory import YEAR
from fixtures_docx import SEED_SCHOOLS_CSV
from plan_variants import EXPECTED, build

from kdcl.access import Scope
from kdcl.cli import main
from kdcl.data.plan_document import plan_document
from kdcl.importing import Options, Upload, import_files
from kdcl.reports.plan_docx import build_plan_docx

ADMIN = Scope.everything(user="test")
COLUMNS = ("criterion_code", "target_level", "weakness", "target_result", "measures", "lead", "support",
           "time_text", "due_date", "budget_vnd", "other_support", "note")


def stored(store, school_id, year):
    with store.cursor() as cur:
        frame = cur.execute(
            "select i.* from plan_item as i join plan as p using (plan_id) where i.school_id = ? "
            "and p.school_year = ? order by i.position", [school_id, year]).df()
    return [{c: _plain(row[c]) for c in COLUMNS} for row in frame.to_dict("records")]


def _plain(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return int(value) if hasattr(value, "is_integer") or type(value).__name__.startswith("int") else value


def read_back(store, data: bytes):
    [result] = import_files(store, ADMIN, [Upload("xuat-lai.docx", data)], Options(dry_run=True, replace=True))
    assert result.status == "ready", [e.message for e in result.errors]
    assert result.layout == "table9"
    [write] = result.plans
    return [{c: _plain(getattr(v, c)) for c in COLUMNS} for v in write.items]


def test_the_tiny_school_plan_reads_back_field_for_field(tiny_store):
    with tiny_store.cursor() as cur:  # one item with both a weakness and a target, and a support
        cur.execute("update plan_item set target_result = 'Sĩ số không quá 40 học sinh/lớp', "
                    "support = 'Tổ trưởng chuyên môn' where school_id = 'S1' and criterion_code = '1.5'")
    items = stored(tiny_store, "S1", YEAR)
    assert any(i["weakness"] and i["target_result"] for i in items)  # "Hiện trạng: …\nCần đạt: …" is exercised
    data = build_plan_docx(plan_document(tiny_store, ADMIN, "S1", YEAR), today=date(2025, 6, 1))
    got = {g["criterion_code"]: g for g in read_back(tiny_store, data)}  # the Word plan groups items by level
    assert sorted(got) == sorted(i["criterion_code"] for i in items)
    for i in items:
        g = got[i["criterion_code"]]
        for c in COLUMNS:
            if c == "due_date" and i["time_text"] is None:
                continue  # a due date typed without a time text is not in the Word plan
            assert g[c] == i[c], (i["criterion_code"], c)


@pytest.mark.parametrize("variant", ["number_row", "list_word_numbering"])
def test_an_imported_plan_exported_by_the_cli_reads_back(tiny_store, tmp_path, variant):
    import_files(tiny_store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
    plan = {"number_row": "P003", "list_word_numbering": "P004"}[variant]
    name, data = build(variant, tmp_path)
    [first] = import_files(tiny_store, ADMIN, [Upload(name, data)], Options())
    assert first.status == "imported", [e.message for e in first.errors]
    school, year = EXPECTED[plan]["school_id"], EXPECTED[plan]["school_year"]
    before = stored(tiny_store, school, year)
    db = tmp_path / "copy.duckdb"
    tiny_store.close()  # the CLI opens the database file itself
    import shutil

    shutil.copy(tiny_store.path, db)
    out = tmp_path / "xuat.docx"
    assert main(["export", "plan-docx", "--school", school, "--year", year, "--out", str(out), "--db", str(db)]) == 0
    from kdcl.db import Store

    store = Store(db)
    try:
        got = read_back(store, out.read_bytes())
    finally:
        store.close()
    key = lambda i: i["criterion_code"]  # noqa: E731 - the Word plan groups items by level and standard
    assert sorted(got, key=key) == sorted(before, key=key)
