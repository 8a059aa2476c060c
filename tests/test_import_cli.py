"""`python -m kdcl import` / `export` as real subprocesses: exit codes, --json lines, round trip."""

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest
from fixtures_docx import SEED_SCHOOLS_CSV, SEEDS, table_counts

from kdcl.db import Store


def kdcl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kdcl", *args], capture_output=True, text=True, timeout=180)


@pytest.fixture
def db(tiny_db_path, tmp_path):
    path = tmp_path / "cli.duckdb"
    shutil.copy(tiny_db_path, path)
    return path


def counts(path):
    store = Store(path)
    try:
        return table_counts(store)
    finally:
        store.close()


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_import_json_exit_codes_duplicates_and_dry_run(db, tmp_path):
    schools = tmp_path / "truong.csv"
    schools.write_bytes(SEED_SCHOOLS_CSV)
    plan = tmp_path / "ke-hoach-truc-my.docx"
    plan.write_bytes(SEEDS["003"]())
    before = counts(db)
    dry = kdcl("import", str(schools), str(plan), "--db", str(db), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert [r["status"] for r in lines(dry.stdout)] == ["imported", "imported"]
    assert all(r["dry_run"] for r in lines(dry.stdout)) and counts(db) == before

    out = kdcl("import", str(schools), str(plan), "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    first, second = lines(out.stdout)
    assert (first["file"], first["status"], first["kind"], first["rows"]) == (str(schools), "imported", "schools", 4)
    assert (second["status"], second["kind"], second["rows"], second["errors"]) == ("imported", "plan", 5, [])
    assert set(first) >= {"file", "status", "kind", "rows", "errors", "warnings"}
    assert first["warnings"] and set(first["warnings"][0]) == {"row", "column", "message"}

    again = kdcl("import", str(plan), str(schools), "--db", str(db), "--json")
    assert again.returncode == 0
    assert [r["status"] for r in lines(again.stdout)] == ["duplicate", "duplicate"]


def test_rejected_file_exits_1_with_row_and_column(db, tmp_path):
    bad = tmp_path / "danh-gia.csv"
    bad.write_text("Ma truong,Nam hoc,Loai danh gia,Tieu chi,Muc dat\nS1,2024-2025,Tự đánh giá,9.9,1\n",
                   encoding="utf-8")
    good = tmp_path / "ke-hoach.docx"
    good.write_bytes(SEEDS["002"]())
    before = counts(db)
    out = kdcl("import", str(bad), str(good), "--db", str(db), "--json")
    assert out.returncode == 1
    rejected, imported = lines(out.stdout)
    assert rejected["status"] == "rejected" and rejected["kind"] == "assessment"
    [error] = rejected["errors"]
    assert (error["row"], error["column"]) == (2, "Tieu chi")
    assert "Tiêu chí 9.9 không có" in error["message"] and str(bad) in error["message"]
    assert imported["status"] == "imported"  # the other file still goes in
    after = counts(db)
    assert after["assessment"] == before["assessment"] and after["plan_item"] == before["plan_item"] + 8


def test_replace_and_school_option(db, tmp_path):
    plan = tmp_path / "ke-hoach.docx"
    plan.write_bytes(SEEDS["000"]())
    no_school = kdcl("import", str(plan), "--db", str(db))
    assert no_school.returncode == 1 and "hãy dùng --school" in no_school.stdout
    conflict = kdcl("import", str(plan), "--db", str(db), "--school", "S1")  # S1 has a 2024-2025 plan
    assert conflict.returncode == 1 and "dùng --replace" in conflict.stdout
    replaced = kdcl("import", str(plan), "--db", str(db), "--school", "S1", "--replace")
    assert replaced.returncode == 0, replaced.stdout
    assert "Thay thế kế hoạch cũ (7 mục" in replaced.stdout
    bad_school = kdcl("import", str(plan), "--db", str(db), "--school", "KHONG_CO")
    assert bad_school.returncode == 2 and "Không có trường «KHONG_CO»" in bad_school.stderr
    missing = kdcl("import", str(tmp_path / "khong-co.docx"), "--db", str(db))
    assert missing.returncode == 2 and "Không tìm thấy tệp" in missing.stderr


def test_year_option_for_a_file_without_year(db, tmp_path):
    rows = "Mã trường,Tiêu chí,Giải pháp,Thời gian thực hiện\nS3,5.4,Phụ đạo,Tháng 5\n"
    path = tmp_path / "ke-hoach.csv"
    path.write_text(rows, encoding="utf-8")
    out = kdcl("import", str(path), "--db", str(db), "--year", "2025-2026", "--json")
    assert out.returncode == 0, out.stdout
    store = Store(db)
    try:
        with store.cursor() as cur:
            got = cur.execute("select p.school_year, i.due_date from plan_item as i join plan as p using (plan_id) "
                              "where i.school_id = 'S3'").fetchall()
    finally:
        store.close()
    assert [(y, d.isoformat()) for y, d in got] == [("2025-2026", "2026-05-31")]  # "Tháng 5" of 2025-2026


@pytest.mark.parametrize("what, suffix", [("plan-items", "csv"), ("assessments", "xlsx"), ("schools", "csv")])
def test_export_then_import_round_trip(db, tmp_path, what, suffix):
    out_file = tmp_path / f"xuat.{suffix}"
    exported = kdcl("export", what, "--db", str(db), "--out", str(out_file), "--year", "2024-2025")
    assert exported.returncode == 0, exported.stderr
    assert "Đã xuất" in exported.stdout
    if suffix == "csv":
        raw = out_file.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert header[0] == "Mã trường"
    before = counts(db)
    again = kdcl("import", str(out_file), "--db", str(db), "--json")
    assert again.returncode == 0, again.stdout
    [result] = lines(again.stdout)
    assert result["status"] == "imported" and result["errors"] == []
    after = counts(db)
    assert {k: v for k, v in after.items() if k != "import_log"} == {k: v for k, v in before.items()
                                                                     if k != "import_log"}


def test_export_plan_items_of_one_school_formats(db, tmp_path):
    out_file = tmp_path / "s1.csv"
    assert kdcl("export", "plan-items", "--db", str(db), "--school", "S1", "--out", str(out_file)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 7
    r32 = next(r for r in rows if r["Tiêu chí"] == "3.2")
    assert (r32["Kinh phí"], r32["Hạn hoàn thành"], r32["Trạng thái"]) == ("60000000", "31/05/2025", "Chưa thực hiện")
    bad = kdcl("export", "plan-items", "--db", str(db), "--out", str(tmp_path / "x.pdf"))
    assert bad.returncode == 2 and ".csv hoặc .xlsx" in bad.stderr
