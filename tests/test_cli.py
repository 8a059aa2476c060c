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


def test_users_cli_reads_the_password_from_stdin_and_never_prints_it(tiny_db_path, tmp_path):
    import shutil

    db = tmp_path / "users.duckdb"
    shutil.copy(tiny_db_path, db)

    def users(*args, password=None):
        return subprocess.run([sys.executable, "-m", "kdcl", "users", *args, "--db", str(db)], input=password,
                              capture_output=True, text=True, timeout=120)

    added = users("add", "ht.s1", "--role", "principal", "--school", "S1", password="mat-khau-rat-dai\n")
    assert added.returncode == 0, added.stderr
    assert "mat-khau-rat-dai" not in added.stdout + added.stderr
    assert users("add", "ht.s9", "--role", "principal", "--school", "S9", password="mat-khau-rat-dai\n").returncode == 1
    assert users("add", "ngan", "--role", "admin", password="123\n").stderr.strip() == "Mật khẩu phải có ít nhất 8 ký tự."
    listed = users("list")
    assert listed.stdout.splitlines() == ["ht.s1\tprincipal\tS1\tht.s1"]
    assert users("disable", "ht.s1").returncode == 0
    assert "đã khóa" in users("list").stdout
    assert users("reset-password", "ht.s1", password="mat-khau-moi-1\n").returncode == 0
    assert users("reset-password", "khong-co", password="mat-khau-moi-1\n").returncode == 1
    from kdcl import auth
    from kdcl.db import Store

    store = Store(db)
    try:
        users_frame = auth.list_users(store)
        assert bool(users_frame.loc[0, "disabled"])
        auth.set_disabled(store, "ht.s1", False)
        assert auth.authenticate(store, "ht.s1", "mat-khau-moi-1").school_id == "S1"
    finally:
        store.close()
