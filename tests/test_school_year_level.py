"""The stored level counts (table school_year_level, migration 0012) equal the live computation
(table macro assessment_level_counts) after every path that writes assessments, and a failing write
leaves both unchanged; the versions of table families follow what a transaction wrote (issue 20)."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from factory import YEAR
from report_fixtures import fixture
from test_import_tabular import csv_bytes, run, xlsx_bytes

from kdcl import demo, updates
from kdcl.access import Scope
from kdcl.data import Filters, school_levels
from kdcl.db import FAMILIES, QUERY_DIR, Store, written_tables
from kdcl.importing import Options, Upload, import_files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate  # noqa: E402

EVERYTHING = Scope.everything(user="test")
COUNTS = "assessed, ge1, ge2, ge3, mandatory_ge1, mandatory_ge2, other_ge1, other_ge2"


def stored_and_live(store: Store) -> tuple[list[tuple], list[tuple]]:
    with store.cursor() as cur:
        stored = cur.execute(f"select school_id, school_year, kind, {COUNTS} from school_year_level "
                             "order by all").fetchall()
        live = cur.execute(f"select school_id, school_year, kind, {COUNTS} from assessment_level_counts(null) "
                           "order by all").fetchall()
    return stored, live


def assert_stored_is_live(store: Store) -> list[tuple]:
    stored, live = stored_and_live(store)
    assert stored == live
    assert stored  # an empty table equal to an empty view would prove nothing
    return stored


def counts_of(store: Store, school_id: str, year: str, kind: str = "self") -> tuple | None:
    with store.cursor() as cur:
        return cur.execute(f"select {COUNTS} from school_year_level where school_id = ? and school_year = ? "
                           "and kind = ?", [school_id, year, kind]).fetchone()


def test_the_tiny_database_is_stored_as_computed_by_hand(tiny_store):
    assert_stored_is_live(tiny_store)
    # factory: S1 seed 002 = 28/28 at 1, 16/28 at 2, 0 at 3; S3 one criterion at 0
    assert counts_of(tiny_store, "S1", YEAR)[:4] == (28, 28, 16, 0)
    assert counts_of(tiny_store, "S3", YEAR)[:2][0] == counts_of(tiny_store, "S3", YEAR)[1] + 1
    levels = school_levels(tiny_store, EVERYTHING, Filters(school_year=YEAR)).set_index("school_id")
    assert levels["overall_level"].to_dict() == {"S1": 1, "S2": 3, "S3": 0}


def test_a_csv_and_an_xlsx_import_and_a_re_import_keep_the_table(tiny_store):
    header = ["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"]
    rows = [header, ["S1", "2025-2026", "Tự đánh giá", "1.1", 2], ["S1", "2025-2026", "Tự đánh giá", "1.10", 2],
            ["S2", "2025-2026", "Đánh giá ngoài", "1.1", 1]]
    assert counts_of(tiny_store, "S1", "2025-2026") is None
    assert run(tiny_store, "danh-gia.xlsx", xlsx_bytes(rows)).status == "imported"
    assert_stored_is_live(tiny_store)
    assert counts_of(tiny_store, "S1", "2025-2026")[:3] == (2, 2, 2)
    assert counts_of(tiny_store, "S2", "2025-2026", "external")[:3] == (1, 1, 0)
    # re-import: a level lowered in an existing year (delete + insert of the same keys)
    again = run(tiny_store, "danh-gia.csv", csv_bytes([header, ["S1", YEAR, "Tự đánh giá", "1.1", 0]]))
    assert again.status == "imported", [e.message for e in again.errors]
    assert_stored_is_live(tiny_store)
    assert counts_of(tiny_store, "S1", YEAR)[:4] == (28, 27, 15, 0)
    levels = school_levels(tiny_store, EVERYTHING, Filters(school_year=YEAR)).set_index("school_id")
    assert levels.loc["S1", "overall_level"] == 0  # one criterion at 0: "Chưa đạt Mức 1"


def test_a_report_import_and_its_replacement_keep_the_table(tiny_store):
    before = counts_of(tiny_store, "S1", YEAR)

    def imported(name, year, **options):
        report = fixture(name)
        options = {"school": report.school_id, "year": year, "channel": "cli", **options}
        return import_files(tiny_store, EVERYTHING, [Upload(name + ".docx", report.data)], Options(**options))[0]

    assert imported("th_both", "2025-2026").status == "imported"
    assert_stored_is_live(tiny_store)
    assert counts_of(tiny_store, "S2", "2025-2026")[0] == len(fixture("th_both").levels)
    report = fixture("thcs_thpt_both")
    assert imported("thcs_thpt_both", YEAR).status == "rejected"  # levels exist and replacing was not asked for
    assert counts_of(tiny_store, "S1", YEAR) == before
    assert imported("thcs_thpt_both", YEAR, replace=True).status == "imported"
    stored = assert_stored_is_live(tiny_store)
    expected = sum(level >= 2 for level in report.levels.values())
    assert [r for r in stored if r[:3] == ("S1", YEAR, "self")][0][5] == expected


def test_a_failing_write_leaves_the_table_and_the_assessments_unchanged(tiny_store):
    before = stored_and_live(tiny_store)
    with tiny_store.cursor() as cur:
        framework = cur.execute("select framework_id from school where school_id = 'S1'").fetchone()[0]
    frame = pd.DataFrame({"school_id": ["S1"], "school_year": ["2025-2026"], "kind": ["self"],
                          "framework_id": [framework], "criterion_code": ["1.1"], "level": [2]})
    with pytest.raises(RuntimeError):
        with tiny_store.transaction() as tx:
            tx.insert_frame("assessment", frame)
            tx.refresh_derived()
            inside = tx.query("school_level_profile", **EVERYTHING.params(), unit_id=None, school_type=None,
                              school_year="2025-2026", kind="self").set_index("school_id")
            assert inside.loc["S1", "assessed"] == 1  # the table had the new school year ...
            raise RuntimeError("the write fails after the table was refreshed")
    assert stored_and_live(tiny_store) == before  # ... and neither kept it
    # a file refused by validation writes nothing either
    bad = run(tiny_store, "x.csv", csv_bytes([["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"],
                                              ["S1", "2025-2026", "Tự đánh giá", "1.1", 1],
                                              ["S1", "2025-2026", "Tự đánh giá", "9.9", 1]]))
    assert bad.status == "rejected"
    assert stored_and_live(tiny_store) == before


def test_a_demo_build_and_the_benchmark_generator_keep_the_table(tmp_path):
    store = Store(tmp_path / "demo.duckdb")
    demo.write(store, demo.generate(date(2025, 11, 1), n_schools=40))
    assert len(assert_stored_is_live(store)) > 40
    store.close()
    path = generate.build(60, tmp_path / "bench.duckdb")
    store = Store(path)
    stored = assert_stored_is_live(store)
    assert {r[2] for r in stored} == {"self", "external"}
    store.close()


def test_an_existing_database_gets_the_table_from_its_assessments(tiny_db_path, tmp_path):
    """Migration 0012 fills the table from the assessments already there."""
    path = tmp_path / "old.duckdb"
    shutil.copy(tiny_db_path, path)
    store = Store(path)
    with store.cursor() as cur:  # as before 0012: no table, no view
        cur.execute("drop table school_year_level")
        cur.execute("drop macro table assessment_level_counts")
        cur.execute("delete from schema_migration where version = 12")
    store.close()
    store = Store(path)
    assert_stored_is_live(store)
    store.close()


# --------------------------------------------------------------------------- table families


def test_a_status_save_bumps_the_plans_family_only(tiny_store):
    before = tiny_store.versions()
    updates.update_item(tiny_store, Scope(unit_id="P", role="office", user="phong"), 1, 1, status="done",
                        completed_on=date(2025, 5, 20), today=date(2025, 6, 1))
    after = tiny_store.versions()
    assert after["data"] == before["data"] + 1
    assert after["plans"] == before["plans"] + 1
    assert {f: after[f] for f in FAMILIES if f != "plans"} == {f: before[f] for f in FAMILIES if f != "plans"}


def test_an_assessment_import_bumps_assessments_not_plans(tiny_store):
    before = tiny_store.versions()
    rows = [["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"], ["S1", "2025-2026", "Tự đánh giá", "1.1", 2]]
    assert run(tiny_store, "d.csv", csv_bytes(rows)).status == "imported"
    after = tiny_store.versions()
    assert after["assessments"] == before["assessments"] + 1 and after["plans"] == before["plans"]
    # a rolled-back write bumps nothing, and versions survive closing and opening the file
    with pytest.raises(ValueError):
        with tiny_store.transaction() as tx:
            tx.run("write/report_delete_texts", school_id="S1", school_year=YEAR, kind="self")
            raise ValueError
    assert tiny_store.versions() == after
    again = Store(tiny_store.path)
    assert again.versions() == after
    again.close()


def test_every_write_statement_names_tables_of_a_family():
    """A table outside FAMILIES makes every write to it empty every cache: put new tables in a family."""
    known = set().union(*FAMILIES.values())
    for path in sorted((QUERY_DIR / "write").glob("*.sql")):
        tables = written_tables("write/" + path.stem)
        if path.stem.startswith("take_"):  # sequences only
            assert not tables
            continue
        assert tables and tables <= known, (path.name, tables)


def test_a_write_of_many_schools_rebuilds_the_table_for_every_school(tiny_store, monkeypatch):
    from kdcl import db

    monkeypatch.setattr(db, "_REFRESH_ALL_FROM", 0)  # as a demo or national build: every school at once
    rows = [["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"], ["S3", YEAR, "Tự đánh giá", "5.4", 1]]
    assert run(tiny_store, "d.csv", csv_bytes(rows)).status == "imported"
    assert_stored_is_live(tiny_store)
    levels = school_levels(tiny_store, EVERYTHING, Filters(school_year=YEAR)).set_index("school_id")
    assert levels.loc["S3", "overall_level"] >= 1  # its one criterion at 0 is at 1 now
