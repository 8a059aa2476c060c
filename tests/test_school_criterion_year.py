"""The stored weakness rows (table school_criterion_year, migration 0014) and the stored folds of the texts
searched (plan_item_fold, assessment_text_fold) equal their rules (table macros school_criterion_years,
plan_item_folds, assessment_text_folds) after every path that writes assessments, plans, plan items or
report texts, a failing write leaves them unchanged, and the statements that read them give the rows the
statements before 0014 gave (tests/before_0014: the 0005 macros and the queries as they were), on the tiny
database, the weakness database with several years and plans, and a generated one."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from factory import AS_OF, PREVIOUS_YEAR, YEAR
from test_import_tabular import csv_bytes, run

from kdcl import db, updates
from kdcl.access import Scope
from kdcl.data import Filters, params
from kdcl.db import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate  # noqa: E402

HERE = Path(__file__).resolve().parent
EVERYTHING = Scope.everything(user="test")
COLUMNS = ("school_id, school_year, framework_id, criterion_code, items, target_level, self_level, first_year, years, "
           "plans, chronic, year_level, next_year_level")
PLAN_HEADER = ["Mã trường", "Năm học", "Tiêu chí", "Mức mục tiêu", "Điểm yếu", "Kết quả cần đạt", "Giải pháp"]


FOLDS = {"plan_item_fold": ("item_id, school_id, weakness, measures", "plan_item_folds"),
         "assessment_text_fold": ("school_id, school_year, kind, criterion_code, weakness, improvement",
                                  "assessment_text_folds")}


def stored_and_live(store: Store) -> tuple[list[tuple], list[tuple]]:
    with store.cursor() as cur:
        stored = cur.execute(f"select {COLUMNS} from school_criterion_year order by all").fetchall()
        live = cur.execute(f"select {COLUMNS} from school_criterion_years(null) order by all").fetchall()
        for table, (columns, macro) in FOLDS.items():
            stored.append(cur.execute(f"select {columns} from {table} order by all").fetchall())
            live.append(cur.execute(f"select {columns} from {macro}(null) order by all").fetchall())
    return stored, live


def assert_stored_is_live(store: Store) -> list[tuple]:
    stored, live = stored_and_live(store)
    assert stored == live
    *stored, items, _ = stored
    assert stored and items  # an empty table equal to an empty macro would prove nothing
    assert len({(r[0], r[1], r[3]) for r in stored}) == len(stored)  # one row per school, year, criterion
    return stored


def _before_0014_macros() -> list[str]:
    """The two macros of migration 0005 as they were, renamed *_0005 and temporary."""
    text = (db.MIGRATION_DIR / "0005_chronic_weaknesses_one_pass.sql").read_text(encoding="utf-8")
    body = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    statements = [s.strip() for s in body.split(";") if s.strip().startswith("create macro")]
    assert len(statements) == 2
    return [re.sub(r"\b(chronic_streaks|chronic_weaknesses)\(", r"\1_0005(", s).replace(
        "create macro", "create temp macro", 1) for s in statements]


def _bound(sql: str, values: dict) -> dict:
    body = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return {k: values[k] for k in set(re.findall(r"(?<![\w$])\$([a-z_][a-z0-9_]*)", body))}


def _rows(cur, sql: str, values: dict) -> list[tuple]:
    return cur.execute(sql, _bound(sql, values)).fetchall()


def _first_criterion(cur, framework_id: str) -> str:
    return cur.execute("select criterion_code from criterion where framework_id = ? order by sort_order limit 1",
                       [framework_id]).fetchone()[0]


def cases(store: Store) -> list[dict]:
    """The bound values the comparisons run with: every school year with plans and the years around them;
    every school, a unit's, one school's; every framework and each one."""
    with store.cursor() as cur:
        starts = [r[0] for r in cur.execute(
            "select distinct cast(left(y, 4) as integer) from (select school_year as y from plan "
            "union select end_school_year from plan)").fetchall()]
        frameworks = [r[0] for r in cur.execute("select distinct framework_id from school order by 1").fetchall()]
        one = cur.execute("select school_id, unit_id from school order by school_id limit 1").fetchone()
    scopes = [EVERYTHING, Scope(unit_id=one[1], role="office", user="t"),
              Scope(school_id=one[0], role="principal", user="t")]
    years = range(min(starts) - 1, max(starts) + 2)
    return [params(scope, Filters(school_year=f"{y}-{y + 1}", as_of=AS_OF), framework_id=framework)
            for y in years for scope in scopes for framework in (None, *frameworks)]


def assert_same_rows_as_before(store: Store) -> int:
    """Each statement of 0014 against its text before 0014, for every case; returns the rows compared."""
    compared, all_cases = 0, cases(store)
    with store.cursor() as cur:
        for macro in _before_0014_macros():
            cur.execute(macro)
        pairs = [(f"select * from {m}_0005($scope_unit_id, $scope_school_id, $unit_id, $school_type, "
                  "$school_year, $framework_id) order by all",
                  f"select * from {m}($scope_unit_id, $scope_school_id, $unit_id, $school_type, "
                  "$school_year, $framework_id) order by all") for m in ("chronic_streaks", "chronic_weaknesses")]
        pairs += [((HERE / "before_0014" / f"{name}.sql").read_text(encoding="utf-8"), db.load_sql(name)[0])
                  for name in ("weakness_criteria", "weakness_chronic", "criterion_weakness")]
        worked = [((HERE / "before_0014" / "weakness_measures_worked.sql").read_text(encoding="utf-8"),
                   db.load_sql("weakness_measures_worked")[0])]
        for values in all_cases:
            for before, now in pairs:
                old = _rows(cur, before, values)
                assert _rows(cur, now, values) == old, (now[:60], values)
                compared += len(old)
            if values["framework_id"] is None or values["scope_unit_id"] or values["scope_school_id"]:
                continue  # the scopes are the same join as above: every school is enough here
            for before, now in worked:  # every criterion and one; every row (ties in its order: sorted)
                for code in (None, _first_criterion(cur, values["framework_id"])):
                    found = {**values, "criterion_code": code, "limit": 10**6}
                    old = sorted(_rows(cur, before, found), key=repr)
                    assert sorted(_rows(cur, now, found), key=repr) == old, (code, values)
                    compared += len(old)
        # the search: every match (rows tied in its order may come in either order: compared sorted)
        before, now = (HERE / "before_0014" / "weakness_search.sql").read_text(encoding="utf-8"), \
            db.load_sql("weakness_search")[0]
        for values in all_cases:
            if values["framework_id"] is not None or values["school_year"] != all_cases[0]["school_year"]:
                continue  # the search reads neither
            for query in SEARCHES:
                found = {**values, "query": query, "limit": 10**6}
                old = sorted(_rows(cur, before, found), key=repr)
                assert sorted(_rows(cur, now, found), key=repr) == old, (query, values)
                compared += len(old)
    return compared


SEARCHES = ("si so", "SĨ  SỐ", "giáo viên", "Đ", "  ", "không có chữ này")


def assert_kept(store: Store) -> list[tuple]:
    stored = assert_stored_is_live(store)
    assert assert_same_rows_as_before(store) > 0
    return stored


# --------------------------------------------------------------------------- databases as built


def test_the_tiny_and_the_weakness_databases(tiny_store, weak_db_path, store_copy):
    assert_kept(tiny_store)
    weak = store_copy(weak_db_path)
    stored = assert_stored_is_live(weak)
    chronic = {(r[0], r[1], r[3]): r[7:11] for r in stored if r[10]}
    assert chronic == {("S1", YEAR, "1.5"): (2023, 2, 2, True)}  # test_weaknesses: 1.5 of S1 only
    assert assert_same_rows_as_before(weak) > 0


def test_a_generated_database_with_several_years_and_plans(tmp_path):
    path = generate.build(80, tmp_path / "bench.duckdb")
    store = Store(path)
    stored = assert_kept(store)
    assert len({r[1] for r in stored}) >= 2 and any(r[10] for r in stored)
    store.close()


def test_multi_year_plans_gaps_and_repeated_plans(weak_db_path, store_copy):
    """The plans of test_weaknesses' rule test (multi-year, gaps, two plans in a year, plans after the year)."""
    from test_weaknesses import test_chronic_matches_the_rule_on_multi_year_plans_gaps_and_repeated_plans as rule

    store = store_copy(weak_db_path)
    rule(store)  # writes the plans through the store, then checks the rule against Python's
    assert_kept(store)


# --------------------------------------------------------------------------- write paths


def test_a_plan_import_a_revised_plan_and_a_plan_with_items_removed(tiny_store):
    new_plan = [PLAN_HEADER, ["S3", "2025-2026", "1.1", 1, "Phương hướng chưa công khai", "Công khai", "Đăng tải"],
                ["S3", "2025-2026", "5.4", 1, "Trẻ suy dinh dưỡng", "Giảm", "Cân đo"]]
    assert run(tiny_store, "ke-hoach.csv", csv_bytes(new_plan)).status == "imported"
    assert_kept(tiny_store)
    with tiny_store.cursor() as cur:
        assert cur.execute("select count(*) from school_criterion_year where school_id = 'S3' "
                           "and school_year = '2025-2026'").fetchone() == (2,)
    revised = new_plan[:2] + [["S3", "2025-2026", "2.2", 2, "Chưa có sân chơi", "Có sân", "Xây sân"]]
    assert run(tiny_store, "ke-hoach-sua.csv", csv_bytes(revised), replace=True).status == "imported"
    assert_kept(tiny_store)
    with tiny_store.cursor() as cur:
        assert [r[0] for r in cur.execute("select criterion_code from school_criterion_year where school_id = 'S3' "
                                          "and school_year = '2025-2026' order by 1").fetchall()] == ["1.1", "2.2"]
    # a plan of the year before this year's: S1's 2024-2025 items become chronic
    earlier = [PLAN_HEADER, ["S1", PREVIOUS_YEAR, "1.5", 2, "Sĩ số cao", "Giảm", "Phân tuyến"]]
    assert run(tiny_store, "truoc.csv", csv_bytes(earlier)).status == "imported"
    assert_kept(tiny_store)
    with tiny_store.cursor() as cur:
        assert cur.execute("select chronic, plans from school_criterion_year where school_id = 'S1' "
                           "and school_year = ? and criterion_code = '1.5'", [YEAR]).fetchone() == (True, 2)


def test_a_new_version_of_a_word_plan(tiny_store):
    from test_revisions import test_a_new_version_of_a_word_plan_keeps_the_progress_of_its_items as revision

    from kdcl.importing import Options, Upload, import_files
    from fixtures_docx import SEED_SCHOOLS_CSV

    [result] = import_files(tiny_store, EVERYTHING, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
    assert result.status == "imported"
    revision(tiny_store)  # a Word plan, two status saves, a new version with an item moved, changed, removed
    assert_kept(tiny_store)


def test_an_assessment_import_changes_the_self_level(tiny_store):
    with tiny_store.cursor() as cur:
        assert cur.execute("select self_level, target_level from school_criterion_year where school_id = 'S1' "
                           "and school_year = ? and criterion_code = '1.5'", [YEAR]).fetchone() == (1, 2)
    rows = [["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"], ["S1", YEAR, "Tự đánh giá", "1.5", 3]]
    assert run(tiny_store, "d.csv", csv_bytes(rows)).status == "imported"
    assert_kept(tiny_store)
    with tiny_store.cursor() as cur:
        assert cur.execute("select self_level from school_criterion_year where school_id = 'S1' "
                           "and school_year = ? and criterion_code = '1.5'", [YEAR]).fetchone() == (3,)


def test_a_status_save_refreshes_nothing_and_keeps_the_rows(tiny_store, monkeypatch):
    refreshed = []
    monkeypatch.setattr(db.Transaction, "refresh_derived",
                        lambda self: (refreshed.append(dict(self._touched)), self._touched.clear()))
    before = stored_and_live(tiny_store)
    updates.update_item(tiny_store, EVERYTHING, 1, 1, status="done", completed_on=date(2025, 5, 20),
                        today=date(2025, 6, 1))
    assert refreshed == [{}]  # only status columns: no derived table to refresh
    assert stored_and_live(tiny_store) == before
    monkeypatch.undo()
    assert_kept(tiny_store)


def test_a_write_naming_plans_or_items_refreshes_their_schools_only(tiny_store):
    with tiny_store.transaction() as tx:
        tx.run("write/import_delete_items", item_ids=[], plan_ids=[])  # names none: nothing to refresh
        assert tx._touched == {"school_criterion_year": set(), "plan_item_fold": set()}
        of_plan_2 = set(tx.query("derived_items", plan_ids=[2])["item_id"])
        assert of_plan_2 and 1 not in of_plan_2
        tx.run("write/import_log_items_delete", item_ids=[1], plan_ids=[2], user="t", reason="x")
        tx.run("write/import_delete_items", item_ids=[1], plan_ids=[2])
        # the weakness rows by school, the folded texts by item (the items deleted)
        assert tx._touched == {"school_criterion_year": {"S1", "S2"}, "plan_item_fold": {1} | of_plan_2}
    assert_kept(tiny_store)


def test_a_failing_write_leaves_the_table_unchanged(tiny_store):
    before = stored_and_live(tiny_store)
    this_year = params(EVERYTHING, Filters(school_year=YEAR, as_of=AS_OF))
    items = int(tiny_store.query("weakness_criteria", **this_year)["items"].sum())
    with pytest.raises(RuntimeError):
        with tiny_store.transaction() as tx:
            tx.run("write/import_log_items_delete", item_ids=[1, 2, 3], plan_ids=[], user="t", reason="x")
            tx.run("write/import_delete_items", item_ids=[1, 2, 3], plan_ids=[])
            tx.insert_frame("assessment", pd.DataFrame({
                "school_id": ["S1"], "school_year": ["2025-2026"], "kind": ["self"], "framework_id": ["THCS_THPT"],
                "criterion_code": ["1.5"], "level": [3]}))
            tx.refresh_derived()
            inside = tx.query("weakness_criteria", **this_year)
            assert int(inside["items"].sum()) == items - 3  # the table had lost S1's three items ...
            raise RuntimeError("the write fails after the table was refreshed")
    assert stored_and_live(tiny_store) == before  # ... and kept nothing
    bad = [PLAN_HEADER, ["S3", "2025-2026", "1.1", 1, "Điểm yếu", "Kết quả", "Giải pháp"],
           ["S3", "2025-2026", "9.9", 1, "Điểm yếu", "Kết quả", "Giải pháp"]]
    assert run(tiny_store, "x.csv", csv_bytes(bad)).status == "rejected"
    assert stored_and_live(tiny_store) == before


def test_an_existing_database_gets_the_table_and_the_same_macros(tiny_db_path, tmp_path):
    """Migration 0014 on a database of 0013: the table from its plans and assessments."""
    import shutil

    path = tmp_path / "old.duckdb"
    shutil.copy(tiny_db_path, path)
    store = Store(path)
    with store.cursor() as cur:
        for table in ("school_criterion_year", "plan_item_fold", "assessment_text_fold"):
            cur.execute(f"drop table {table}")
        for macro in ("chronic_weaknesses", "chronic_streaks", "school_criterion_years", "plan_item_folds",
                      "assessment_text_folds", "year_item_buckets"):
            cur.execute(f"drop macro table {macro}")
        for macro in _before_0014_macros():
            cur.execute(macro.replace("create temp macro", "create macro").replace("_0005(", "("))
        cur.execute("delete from schema_migration where version = 14")
    store.close()
    store = Store(path)
    assert_kept(store)
    store.close()


def test_the_derived_rows_follow_the_families_of_their_sources():
    assert db.read_families("school_criterion_year") == {"assessments", "plans"}
    assert db.read_families("school_year_level") == {"assessments"}
    assert db.updated_columns("write/update_plan_item") == {
        "status", "status_reason", "completed_on", "progress_note", "version", "updated_at", "updated_by"}
    assert db.updated_columns("write/import_delete_items") is None


def test_a_report_import_and_its_replacement_keep_the_folded_texts(tiny_store):
    from test_school_year_level import test_a_report_import_and_its_replacement_keep_the_table as reports

    reports(tiny_store)  # a report imported, one refused, one replacing the levels and texts of a year
    assert_kept(tiny_store)
    with tiny_store.cursor() as cur:
        assert cur.execute("select count(*) from assessment_text_fold where weakness <> ''").fetchone()[0] > 0
