"""The Excel/CSV templates: reading, matching, checking, upserting, round trips, and malformed files."""

import csv
import io
import unicodedata
import zipfile
from datetime import date

import pandas as pd
import pytest
from fixtures_docx import SEED_SCHOOLS_CSV, SEEDS, table_counts, to_cp1258
from openpyxl import Workbook, load_workbook

from kdcl import templates
from kdcl.access import Scope
from kdcl.importing import Options, Upload, import_files
from kdcl.importing.normalise import clean, header_key
from kdcl.importing.safety import MAX_FILE_BYTES

ADMIN = Scope.everything(user="test")
PLAN_HEADER = ("Mã trường,Năm học,Tiêu chí,Mức mục tiêu,Điểm yếu,Kết quả cần đạt,Giải pháp,Chủ trì,Phối hợp,"
               "Thời gian thực hiện,Ngày bắt đầu,Hạn hoàn thành,Kinh phí,Trạng thái,Ngày hoàn thành,Ghi chú\n")


def run(store, name, data, scope=ADMIN, **options):
    [result] = import_files(store, scope, [Upload(name, data)], Options(**options))
    return result


def csv_bytes(rows, encoding="utf-8-sig", delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding) if encoding != "cp1258" else to_cp1258(out.getvalue())


def xlsx_bytes(rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def query(store, sql, *params):
    with store.cursor() as cur:
        return cur.execute(sql, list(params)).fetchall()


# --------------------------------------------------------------------------- headers and values


def test_clean_fast_path_gives_the_full_result():
    """clean() returns already-clean text as is; on random mixes of what cleaning removes (tags,
    entities, bookmarks, odd spaces, line breaks, decomposed accents) it must equal the full path."""
    import random

    from kdcl.importing.normalise import _clean_fully

    pieces = [*"ab Đường\u00a0\u200b\t\n\r<>&;[]:\u0301e\x1c\u2028 xY1", "  ", "&amp;", "<p>", "</p>",
              "[bookmark: _GoBack]", "Mức đạt", "\ufeff"]
    rng = random.Random(20261122)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert clean(text) == _clean_fully(text), repr(text)
    assert clean("Tổ chuyên môn") == "Tổ chuyên môn" and clean(" a  b ") == "a b" and clean("e\u0301") == "é"


def test_headers_match_without_case_accents_or_spacing():
    assert header_key("Mã  trường") == header_key("ma truong") == header_key("MÃ TRƯỜNG") == "ma truong"
    assert header_key("Tỉnh/Thành phố") == "tinh thanh pho"
    assert header_key("Mức đạt (0-3)") == "muc dat"
    assert clean("<p>Tiêu chí 2.2 <i>Đối với giáo viên</i></p>") == "Tiêu chí 2.2 Đối với giáo viên"
    assert clean("[bookmark: _GoBack]02 giáo viên\u00a0 chưa") == "02 giáo viên chưa"
    nfd = unicodedata.normalize("NFD", "Trường")
    assert clean(nfd) == "Trường" and len(clean(nfd)) == 6


def test_templates_have_the_canonical_headers():
    assert templates.headers("schools") == ["Mã trường", "Tên trường", "Loại trường", "Khung tiêu chí",
                                            "Tỉnh/Thành phố", "Xã/Phường", "Quận/Huyện cũ", "Đơn vị quản lý"]
    assert templates.headers("assessment") == ["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"]
    assert templates.headers("plan")[:16] == PLAN_HEADER.strip().split(",")
    wb = load_workbook(io.BytesIO(templates.template_bytes("plan", "xlsx")))
    assert [c.value for c in wb.worksheets[0][1]][:3] == ["Mã trường", "Năm học", "Tiêu chí"]
    assert wb.sheetnames[1] == "Hướng dẫn"
    assert templates.template_bytes("assessment", "csv").startswith(b"\xef\xbb\xbfM\xc3\xa3 tr")


# --------------------------------------------------------------------------- schools


def test_schools_file_creates_units_of_the_right_kind(tiny_store):
    result = run(tiny_store, "truong.csv", SEED_SCHOOLS_CSV)
    assert result.status == "imported", [e.message for e in result.errors]
    assert result.kind == "schools" and result.rows == 4
    units = dict((r[0], r[1:]) for r in query(tiny_store, "select name, kind, parent_id, dissolved_on from unit"))
    assert units["Phường Hiệp Thành"][:2] == ("ward", "P")
    assert units["Xã Trục Mỹ"][:2] == ("commune", "P")
    assert units["Quận 12"] == ("district", "P", date(2025, 7, 1))
    schools = {r[0]: r[1:] for r in query(tiny_store, "select school_id, school_type, framework_id, unit_id, "
                                          "former_unit_id from school")}
    assert schools["TH_DP"] == ("TH", "TH", "W2", "D")  # existing units matched by name ("Xã Hai", "Huyện Cũ")
    assert schools["THCS_TB"][:3] == ("THCS", "THCS_THPT", "W1")
    assert any("Phường Hiệp Thành" in w.message and "tạo mới" in w.message for w in result.warnings)
    # the new schools are in the unit closure, so scopes see them
    office = Scope(unit_id="P", role="office", user="so")
    assert run(tiny_store, "a.docx", SEEDS["003"](), scope=office).status == "imported"


def test_schools_update_and_errors(tiny_store):
    rows = [["ma truong", "TEN TRUONG", "loai truong", "Xa/Phuong", "Tinh/Thanh pho"],
            ["S2", "Trường Tiểu học Kim Đồng (mới)", "tieu hoc", "Phường Một", "P"]]
    result = run(tiny_store, "sua.csv", csv_bytes(rows))
    assert result.status == "imported", [e.message for e in result.errors]
    assert query(tiny_store, "select name, unit_id from school where school_id = 'S2'") == [
        ("Trường Tiểu học Kim Đồng (mới)", "W1")]
    # a school without data may move; one with data may not (duckdb rewrites referenced rows)
    assert run(tiny_store, "truong.csv", SEED_SCHOOLS_CSV).status == "imported"
    moved = run(tiny_store, "chuyen.csv", csv_bytes([rows[0], ["TH_DP", "Trường Tiểu học Định Phước", "TH",
                                                                "Phường Một", "P"]]))
    assert moved.status == "imported", [e.message for e in moved.errors]
    assert query(tiny_store, "select unit_id from school where school_id = 'TH_DP'") == [("W1",)]
    refused = run(tiny_store, "chuyen-2.csv", csv_bytes([rows[0], ["S2", "Trường Tiểu học Kim Đồng (mới)", "TH",
                                                                   "Xã Hai", "P"]]))
    assert refused.status == "rejected" and "không đổi được xã/phường" in refused.errors[0].message
    before = table_counts(tiny_store)
    bad = run(tiny_store, "sai.csv", csv_bytes([["Mã trường", "Tên trường", "Loại trường", "Khung tiêu chí"],
                                                ["X9", "Trường X", "Đại học", ""],
                                                ["S3", "Trường Mầm non Hoa Sen", "Mầm non", "TH"]]))
    assert bad.status == "rejected" and table_counts(tiny_store) == before
    messages = [e.message for e in bad.errors]
    assert any("dòng 2, cột «Loại trường»: Loại trường «Đại học» không hợp lệ" in m for m in messages)
    assert any("dòng 3, cột «Khung tiêu chí»" in m for m in messages)


# --------------------------------------------------------------------------- assessments


def test_assessments_upsert_and_check_levels(tiny_store):
    rows = [["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"],
            ["S1", "2025-2026", "Tự đánh giá", "1.1", 2],
            ["S1", "2025-2026", "tu danh gia", "1.10", "2"],
            ["Trường THCS Lý Tự Trọng", "2025 - 2026", "Đánh giá ngoài", "5.6", 1]]
    result = run(tiny_store, "danh-gia.xlsx", xlsx_bytes(rows))
    assert result.status == "imported", [e.message for e in result.errors]
    assert sorted(query(tiny_store, "select kind, criterion_code, level from assessment "
                                    "where school_year = '2025-2026'")) == [
        ("external", "5.6", 1), ("self", "1.1", 2), ("self", "1.10", 2)]
    assert any("chỉ có 2/28 tiêu chí" in w.message for w in result.warnings)
    changed = run(tiny_store, "danh-gia-2.xlsx", xlsx_bytes(rows[:2] + [["S1", "2025-2026", "Tự đánh giá",
                                                                        "1.10", 1]]))
    assert changed.status == "imported" and "1 thay đổi" in changed.summary
    assert query(tiny_store, "select level from assessment where school_year = '2025-2026' and "
                             "criterion_code = '1.10'") == [(1,)]


def test_assessment_counts_and_partial_warnings_per_school_year_and_kind(tiny_store):
    header = ["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"]
    rows = [["S1", "2025-2026", "Đánh giá ngoài", "5.6", 1], ["S1", "2025-2026", "Tự đánh giá", "1.1", 2],
            ["S1", "2025-2026", "Đánh giá ngoài", "5.5", 2]]
    first = run(tiny_store, "a.csv", csv_bytes([header, *rows]))
    assert first.status == "imported"
    assert first.summary == "3 mức đạt của 1 trường: 3 mới, 0 thay đổi, 0 không đổi."
    partial = [w.message for w in first.warnings if "tệp chỉ có" in w.message]
    assert [m.split(": ", 1)[1] for m in partial] == [  # in the file's order: external first
        "Trường THCS Lý Tự Trọng, năm học 2025-2026, Đánh giá ngoài: tệp chỉ có 2/28 tiêu chí.",
        "Trường THCS Lý Tự Trọng, năm học 2025-2026, Tự đánh giá: tệp chỉ có 1/28 tiêu chí."]
    again = run(tiny_store, "b.csv", csv_bytes([header, rows[0], ["S1", "2025-2026", "Tự đánh giá", "1.1", 3],
                                                ["S1", "2025-2026", "Tự đánh giá", "1.2", 0]]))
    assert again.summary == "3 mức đạt của 1 trường: 1 mới, 1 thay đổi, 1 không đổi."


@pytest.mark.parametrize("row, message", [
    (["S1", "2024-2025", "Tự đánh giá", "9.9", 1], "Tiêu chí 9.9 không có trong bộ tiêu chí của trường"),
    (["S1", "2024-2025", "Tự đánh giá", "1.1", 5], "Mức đạt «5» không hợp lệ"),
    (["S1", "2024-2025", "Tự đánh giá", "1.2", 3], "Tiêu chí 1.2 chỉ có đến Mức 2"),
    (["S1", "2024-2026", "Tự đánh giá", "1.1", 1], "Năm học «2024-2026» không hợp lệ"),
    (["S1", "2024-2025", "Tự chấm", "1.1", 1], "Loại đánh giá «Tự chấm» không hợp lệ"),
    (["S9", "2024-2025", "Tự đánh giá", "1.1", 1], "Không có trường mã «S9»"),
])
def test_bad_assessment_rows_reject_the_whole_file(tiny_store, row, message):
    good = ["S1", "2024-2025", "Tự đánh giá", "1.3", 0]
    before = table_counts(tiny_store)
    result = run(tiny_store, "x.csv", csv_bytes([["Mã trường", "Năm học", "Loại đánh giá", "Tiêu chí", "Mức đạt"],
                                                 good, row]))
    assert result.status == "rejected" and table_counts(tiny_store) == before
    assert query(tiny_store, "select level from assessment where school_id = 'S1' and school_year = '2024-2025' "
                             "and kind = 'self' and criterion_code = '1.3'") == [(2,)]  # the good row neither
    assert any(message in e.message and "dòng 3" in e.message for e in result.errors), \
        [e.message for e in result.errors]


# --------------------------------------------------------------------------- plan items


def test_plan_items_in_windows_1258_with_semicolons(tiny_store):
    rows = [PLAN_HEADER.strip().split(","),
            ["S3", "2024-2025", "5.4", "Mức 1", "Trẻ chưa đạt chuẩn", "", "Bồi dưỡng giáo viên", "Hiệu trưởng",
             "Tổ chuyên môn", "Tháng 9/2024 đến tháng 5/2025", "", "", "10.000.000đ", "Đang thực hiện", "", ""],
            ["S3", "2024-2025", "3.1", "2", "Sân chơi hẹp", "", "Mở rộng sân", "Hiệu trưởng", "", "Quý 4/2024", "",
             "15/12/2024", "60 triệu", "dang thuc hien", "", "Ghi chú"]]
    data = csv_bytes(rows, encoding="cp1258", delimiter=";")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = run(tiny_store, "ke-hoach.csv", data)
    assert result.status == "imported", [e.message for e in result.errors]
    got = query(tiny_store, "select criterion_code, target_level, weakness, lead, support, start_date, due_date, "
                            "budget_vnd, budget_text, status from plan_item where school_id = 'S3' order by position")
    assert got == [
        ("5.4", 1, "Trẻ chưa đạt chuẩn", "Hiệu trưởng", "Tổ chuyên môn", date(2024, 9, 1), date(2025, 5, 31),
         10_000_000, "10.000.000đ", "in_progress"),
        ("3.1", 2, "Sân chơi hẹp", "Hiệu trưởng", None, date(2024, 10, 1), date(2024, 12, 15), 60_000_000, "60 triệu",
         "in_progress"),
    ]
    assert got[0][2] == unicodedata.normalize("NFC", got[0][2])
    assert any("15/12/2024" in w.message for w in result.warnings)  # explicit due date differs from the text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_plan_items_in_other_encodings(tiny_store, encoding):
    rows = [PLAN_HEADER.strip().split(","),
            ["S3", "2024-2025", "5.4", "1", "Điểm yếu", "", "", "", "", "Tháng 5/2025", "", "", "", "", "", ""]]
    result = run(tiny_store, "ke-hoach.csv", csv_bytes(rows, encoding=encoding))
    assert result.status == "imported", [e.message for e in result.errors]
    assert query(tiny_store, "select weakness, due_date from plan_item where school_id = 'S3'") == [
        ("Điểm yếu", date(2025, 5, 31))]


def test_nfd_text_is_stored_nfc(tiny_store):
    rows = [["Mã trường", "Năm học", "Tiêu chí", "Điểm yếu", "Giải pháp"],
            ["S3", "2024-2025", "5.4", unicodedata.normalize("NFD", "Sĩ số học sinh còn cao"),
             unicodedata.normalize("NFD", "Tham mưu phân tuyến")]]
    result = run(tiny_store, "nfd.csv", csv_bytes(rows))
    assert result.status == "imported", [e.message for e in result.errors]
    assert query(tiny_store, "select weakness, measures from plan_item where school_id = 'S3'") == [
        ("Sĩ số học sinh còn cao", "Tham mưu phân tuyến")]


@pytest.mark.parametrize("cells, message", [
    ({"Tiêu chí": "9.9"}, "Tiêu chí 9.9 không có trong bộ tiêu chí"),
    ({"Mức mục tiêu": "5"}, "Mức mục tiêu «5» không hợp lệ"),
    ({"Tiêu chí": "1.2", "Mức mục tiêu": "3"}, "Tiêu chí 1.2 chỉ có đến Mức 2"),
    ({"Hạn hoàn thành": "31/02/2025"}, "«31/02/2025» không phải ngày"),
    ({"Trạng thái": "Xong rồi"}, "Trạng thái «Xong rồi» không hợp lệ"),
    ({"Trạng thái": "Không thực hiện"}, "cần ghi lý do"),
    ({"Ngày hoàn thành": "01/05/2025"}, "chỉ ghi ngày hoàn thành khi trạng thái là «Hoàn thành»"),
])
def test_bad_plan_rows_name_row_and_column(tiny_store, cells, message):
    header = PLAN_HEADER.strip().split(",")
    good = dict(zip(header, ["S3", "2024-2025", "5.4", "1"] + [""] * 12))
    bad = {**good, **cells}
    before = table_counts(tiny_store)
    result = run(tiny_store, "bad.csv", csv_bytes([header, list(good.values()), list(bad.values())]))
    assert result.status == "rejected" and table_counts(tiny_store) == before
    error = next(e for e in result.errors if message in e.message)
    assert error.row == 3 and error.message.startswith("Tệp «bad.csv», dòng 3, cột «")
    assert error.column in cells or error.column in ("Trạng thái", "Tiêu chí", "Mức mục tiêu")


def test_budget_that_is_not_a_number_is_a_warning(tiny_store):
    rows = [["Mã trường", "Năm học", "Tiêu chí", "Kinh phí", "Thời gian thực hiện"],
            ["S3", "2024-2025", "5.4", "Xã hội hóa", "Theo kế hoạch"]]
    result = run(tiny_store, "k.csv", csv_bytes(rows))
    assert result.status == "imported"
    texts = " ".join(w.message for w in result.warnings)
    assert "Kinh phí «Xã hội hóa» không phải số tiền" in texts and "Không hiểu được thời gian «Theo kế hoạch»" in texts
    assert query(tiny_store, "select budget_vnd, budget_text, due_date from plan_item where school_id = 'S3'") == [
        (None, "Xã hội hóa", None)]


# --------------------------------------------------------------------------- malformed files


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>" + " " * 30_000_000)
    return out.getvalue()


def _with_macro(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("word/vbaProject.bin", b"\x00" * 100)
    return out.getvalue()


@pytest.mark.parametrize("name, data, message", [
    ("sai.csv", "Họ tên,Tuổi\nAn,7\n".encode(), "Không nhận ra mẫu"),
    ("rong.csv", b"", "Tệp rỗng"),
    ("rong.docx", b"", "Tệp rỗng"),
    ("hong.docx", b"PK\x03\x04 not really a zip", "Tệp hỏng"),
    ("hong.xlsx", SEEDS["003"]()[:5000], "Tệp hỏng"),
    ("bom.docx", _zip_bomb(), "Tệp nén bất thường"),
    ("macro.docx", _with_macro(SEEDS["003"]()), "macro"),
    ("macro.docm", SEEDS["003"](), "lưu lại thành .docx"),
    ("mat-khau.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "đặt mật khẩu"),
    ("bang.docx", xlsx_bytes([["a"]]), "đây là tệp .xlsx"),
    ("cu.doc", b"\xd0\xcf\x11\xe0", "lưu lại thành .docx"),
    ("anh.png", b"\x89PNG", "không được hỗ trợ"),
    ("lon.csv", b"a" * (MAX_FILE_BYTES + 1), "vượt giới hạn"),
    ("chi-tieu-de.csv", PLAN_HEADER.encode(), "không có dòng dữ liệu"),
])
def test_malformed_files_change_nothing(tiny_store, name, data, message):
    before = table_counts(tiny_store)
    result = run(tiny_store, name, data)
    assert result.status == "rejected" and table_counts(tiny_store) == before
    assert any(message in e.message for e in result.errors), [e.message for e in result.errors]
    assert all(e.message.startswith(f"Tệp «{name}»") for e in result.errors)


def test_one_bad_file_does_not_stop_the_others(tiny_store):
    good = csv_bytes([["Mã trường", "Năm học", "Tiêu chí", "Giải pháp"], ["S3", "2024-2025", "5.4", "Làm"]])
    bad = csv_bytes([["Mã trường", "Năm học", "Tiêu chí", "Giải pháp"], ["S3", "2024-2025", "9.9", "Làm"]])
    results = import_files(tiny_store, ADMIN, [Upload("xau.csv", bad), Upload("tot.csv", good)], Options())
    assert [r.status for r in results] == ["rejected", "imported"]
    assert query(tiny_store, "select count(*) from plan_item where school_id = 'S3'") == [(1,)]


def test_dry_run_writes_nothing(tiny_store):
    before = table_counts(tiny_store)
    [result] = import_files(tiny_store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options(dry_run=True))
    assert result.status == "ready" and result.as_json()["status"] == "imported"
    assert table_counts(tiny_store) == before


def test_a_batch_can_bring_schools_and_their_plans(tiny_store):
    uploads = [Upload("ke-hoach.docx", SEEDS["003"]()), Upload("truong.csv", SEED_SCHOOLS_CSV)]
    preview = import_files(tiny_store, ADMIN, uploads, Options(dry_run=True))
    assert [r.status for r in preview] == ["ready", "ready"]
    written = import_files(tiny_store, ADMIN, uploads, Options())
    assert [r.status for r in written] == ["imported", "imported"]


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(tiny_store, fmt):
    before = table_counts(tiny_store)
    items_before = query(tiny_store, "select * from plan_item order by item_id")
    for kind in ("schools", "assessment", "plan"):
        data, rows = templates.export_bytes(tiny_store, ADMIN, kind, fmt)
        assert rows > 0
        result = run(tiny_store, f"{kind}.{fmt}", data)
        assert result.status == "imported", [e.message for e in result.errors]
        assert "0 mới" in result.summary or "0 trường mới" in result.summary or "0 mục mới" in result.summary
    after = table_counts(tiny_store)
    assert {k: v for k, v in after.items() if k != "import_log"} == {k: v for k, v in before.items()
                                                                     if k != "import_log"}
    assert query(tiny_store, "select * from plan_item order by item_id") == items_before


def test_edit_an_export_in_excel_and_import_it_again(tiny_store):
    data, _ = templates.export_bytes(tiny_store, ADMIN, "plan", "xlsx", "S1", "2024-2025")
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(header)}
    codes = [ws.cell(row=r, column=col["Tiêu chí"]).value for r in range(2, ws.max_row + 1)]
    assert codes == ["1.5", "3.2", "3.3", "4.2", "5.6", "2.3", "2.4"]
    r15 = 2 + codes.index("1.5")
    ws.cell(row=r15, column=col["Trạng thái"]).value = "Hoàn thành"
    ws.cell(row=r15, column=col["Ngày hoàn thành"]).value = date(2025, 4, 2)  # an Excel date
    ws.append(["S1", "2024-2025", "1.8", 2, "Giáo viên chưa đạt chuẩn", None, "Cử đi học", "Hiệu trưởng", None,
               "Tháng 5/2025"])
    out = io.BytesIO()
    wb.save(out)
    before = table_counts(tiny_store)
    result = run(tiny_store, "sua.xlsx", out.getvalue())
    assert result.status == "imported", [e.message for e in result.errors]
    assert "1 mục mới, 1 mục cập nhật, 6 mục không đổi" in result.summary
    after = table_counts(tiny_store)
    assert after["plan_item"] == before["plan_item"] + 1 and after["plan"] == before["plan"]
    assert query(tiny_store, "select status, completed_on, version, budget_text from plan_item where item_id = 1") == [
        ("done", date(2025, 4, 2), 2, None)]
    assert query(tiny_store, "select budget_text from plan_item where item_id = 2") == [("60 triệu",)]  # kept
    assert query(tiny_store, "select field, old_value, new_value from plan_item_log where item_id = 1 and "
                             "action = 'update' order by field") == [
        ("completed_on", None, "2025-04-02"), ("status", "in_progress", "done")]
    # dropped item 2.4 kept its reason; the same file again is a duplicate
    assert query(tiny_store, "select status, status_reason from plan_item where item_id = 7") == [
        ("dropped", "Đã chuyển sang kế hoạch năm sau")]
    assert run(tiny_store, "sua-lai.xlsx", out.getvalue()).status == "duplicate"


def test_tabular_replace_deletes_items_missing_from_the_file(tiny_store):
    data, _ = templates.export_bytes(tiny_store, ADMIN, "plan", "csv", "S1", "2024-2025")
    lines = data.decode("utf-8-sig").splitlines()
    partial = "\n".join(lines[:3]).encode("utf-8")  # header + two items
    kept = run(tiny_store, "hai-muc.csv", partial)
    assert kept.status == "imported" and any("giữ nguyên" in w.message for w in kept.warnings)
    assert query(tiny_store, "select count(*) from plan_item where plan_id = 1") == [(7,)]
    replaced = run(tiny_store, "hai-muc-thay.csv", partial + b"\n", replace=True)
    assert replaced.status == "imported"
    assert query(tiny_store, "select count(*) from plan_item where plan_id = 1") == [(2,)]
    assert query(tiny_store, "select count(*) from plan_item_log where action = 'delete'") == [(5,)]


def test_export_formats_dates_and_money():
    frame = pd.DataFrame([["S1", "2024-2025", "1.10", 2, "", "", "", "", "", "Tháng 3/2025", date(2025, 3, 1),
                           date(2025, 3, 31), 10_000_000, "Đang thực hiện", "", "", "", "", 1]],
                         columns=templates.headers("plan"))
    text = templates.to_csv(frame).decode("utf-8-sig")
    assert "1.10,2,,,,,,Tháng 3/2025,01/03/2025,31/03/2025,10000000,Đang thực hiện" in text
    wb = load_workbook(io.BytesIO(templates.to_xlsx(frame, "plan")))
    row = [c.value for c in wb.worksheets[0][2]]
    assert row[2] == "1.10" and row[12] == 10_000_000 and row[11].date() == date(2025, 3, 31)


@pytest.mark.parametrize("kind", ["plan", "assessment", "schools"])
def test_export_row_counts_match_the_exports(tiny_store, kind):
    """The count the import page checks before offering a file is the export's own row count, for
    every school and year choice and within the user's scope."""
    from kdcl import data

    principal = Scope(school_id="S1", role="principal", user="ht")
    for scope in (ADMIN, principal):
        for school in (None, "S1", "S2"):
            for year in (None, "2024-2025", "2023-2024"):
                exported = len(templates.export_frame(tiny_store, scope, kind, school, year))
                assert data.export_rows(tiny_store, scope, kind, school, year) == exported, (scope, school, year)
    assert data.export_rows(tiny_store, ADMIN, kind) > data.export_rows(tiny_store, principal, kind) > 0


# --- issue 20 (engineer E): CSV files read column by column by Arrow, the same tables as csv.reader

FAST_CSV_CASES = {
    "guards": PLAN_HEADER + "S1,2024-2025,1.1,2,'=SUM(A1),'abc,''=x,'-1,'@a,,,,,,,\n",
    "quotes and lines": PLAN_HEADER + 'S1,2024-2025,1.1,2,"a ""b"", c","dòng 1\r\ndòng 2","x\ny",,,,,,,,,\r\n',
    "blank rows": PLAN_HEADER + ",,,,,,,,,,,,,,,\n \u3000,\x1c,\xa0,\t,,,,,,,,,,,,\nS1,2024-2025,1.2,,,,,,,,,,,,,\n"
                  + "\u200b,,,,,,,,,,,,,,,\n\n\n",
    "header lower down": "Kế hoạch năm học 2024-2025" + "," * 15 + "\n" + "," * 15 + "\n" + PLAN_HEADER
                         + "S1,2024-2025,1.1,,Điểm yếu,,,,,,,,,,,\n",
    "semicolons": PLAN_HEADER.replace(",", ";") + "S1;2024-2025;1.1;;Điểm yếu, còn;;;;;;;;;;;\n",
    "tabs": PLAN_HEADER.replace(",", "\t") + "S1\t2024-2025\t1.1\t3\t\t\t\t\t\t\t\t\t\t\t\t\n",
    "no newline at the end": PLAN_HEADER + "S1,2024-2025,1.1,2,Điểm yếu,,,,,,,,,,,",
    "ragged (csv.reader)": PLAN_HEADER + "S1,2024-2025,1.1\nS1,2024-2025,1.2,2,,,,,,,,,,,,,,,,\n",
    "one column (csv.reader)": "Mã trường\nS1\n",
}


@pytest.mark.parametrize("name", FAST_CSV_CASES)
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_csv_read_by_columns_is_the_csv_reader_table(name, encoding, monkeypatch):
    from kdcl.importing import safety, tabular

    def read(data):
        try:
            return tabular.read_table(safety.check("kh.csv", data))
        except safety.FileRejected as exc:
            return exc.key

    data = FAST_CSV_CASES[name].encode(encoding)
    fast = read(data)
    fast_records = tabular._read_csv_columns(safety.decode_text(data)[0].lstrip("\ufeff"), fast_delimiter(name))
    assert (fast_records is None) == name.endswith("(csv.reader)")
    monkeypatch.setattr(tabular, "_read_csv_columns", lambda text, delimiter: None)
    slow = read(data)
    assert fast == slow
    assert fast == "import.err.no_header" if name.startswith("one column") else fast.rows and fast.kind == "plan"


def fast_delimiter(name):
    return {"semicolons": ";", "tabs": "\t"}.get(name, ",")


def test_csv_read_by_columns_unguards_and_drops_blank_rows():
    from kdcl.importing import safety, tabular

    table = tabular.read_table(safety.check("kh.csv", FAST_CSV_CASES["guards"].encode()))
    assert table.rows[0][1][4:9] == ["=SUM(A1)", "'abc", "'=x", "-1", "@a"]
    table = tabular.read_table(safety.check("kh.csv", FAST_CSV_CASES["blank rows"].encode()))
    assert [(n, row[2]) for n, row in table.rows] == [(4, "1.2"), (5, "")]  # "\u200b" is not a space


def test_csv_cell_over_the_field_limit_is_refused_by_either_reader(tiny_store):
    limit = csv.field_size_limit()
    assert limit == 131072  # the figure of the message below
    result = run(tiny_store, "dai.csv", (PLAN_HEADER + "S1,2024-2025,1.1,2," + "x" * (limit + 1) + ",,,,,,,,,,,\n")
                 .encode("utf-8"))
    assert result.status == "rejected" and "Dòng 2 có một ô dài hơn 131.072 ký tự" in result.errors[0].message


def test_a_row_of_every_space_character_is_blank_for_either_reader(monkeypatch):
    """Blankness is str.isspace's, over every code point (line breaks aside: they end a record), whichever
    reader takes the file (issue 20: the Arrow path tests each distinct text with str.strip)."""
    import sys

    from kdcl.importing import safety, tabular

    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c not in "\r\n")
    data = (PLAN_HEADER + spaces + ",,,,,,,,,,,,,,," + spaces[::-1] + "\nS1,2024-2025,1.2,,,,,,,,,,,,,\n").encode()
    assert tabular._read_csv_columns(data, ",") is not None  # Arrow's path reads it (the widths agree)
    fast = tabular.read_table(safety.check("kh.csv", data))
    assert [(n, row[2]) for n, row in fast.rows] == [(3, "1.2")]
    monkeypatch.setattr(tabular, "_read_csv_columns", lambda source, delimiter: None)
    slow = tabular.read_table(safety.check("kh.csv", data))
    assert [(n, row[2]) for n, row in slow.rows] == [(3, "1.2")]
