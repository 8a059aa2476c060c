"""`python -m kdcl summary` and its errors, run as a real subprocess."""

import json
import subprocess
import sys

from factory import AS_OF, YEAR


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kdcl", *args], capture_output=True, text=True, timeout=120,
                          env=env)


def test_summary_json(tiny_db_path):
    out = run("summary", "--db", str(tiny_db_path), "--year", YEAR, "--as-of", AS_OF.isoformat(), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert (result["as_of"], result["school_year"]) == ("2025-05-15", YEAR)
    levels = {s["school_id"]: s["overall_level"] for s in result["schools"]}
    assert levels == {"S1": 1, "S2": 3, "S3": 0}
    overdue = {s["school_id"]: s["overdue_items"] for s in result["schools"]}
    assert overdue == {"S1": 1, "S2": 1, "S3": 0}


def test_summary_for_a_year_without_assessment_gives_null_levels(tiny_db_path):
    out = run("summary", "--db", str(tiny_db_path), "--year", "2023-2024", "--as-of", "2024-05-31", "--json")
    levels = {s["school_id"]: s["overall_level"] for s in json.loads(out.stdout)["schools"]}
    assert levels == {"S1": 2, "S2": None, "S3": None}


def test_bad_arguments_exit_2_with_a_vietnamese_message(tiny_db_path):
    bad_year = run("summary", "--db", str(tiny_db_path), "--year", "2024-2026", "--json")
    assert bad_year.returncode == 2 and "Năm học «2024-2026» không hợp lệ" in bad_year.stderr
    bad_date = run("summary", "--db", str(tiny_db_path), "--as-of", "31/12/2025", "--json")
    assert bad_date.returncode == 2 and "Ngày «31/12/2025» không hợp lệ" in bad_date.stderr
    no_db = run("summary", "--db", "/nonexistent/x.duckdb", "--json")
    assert no_db.returncode == 2 and "Không tìm thấy cơ sở dữ liệu" in no_db.stderr
    bad_unit = run("summary", "--db", str(tiny_db_path), "--unit", "ZZZ", "--json")
    assert bad_unit.returncode == 2 and "ZZZ" in bad_unit.stderr
