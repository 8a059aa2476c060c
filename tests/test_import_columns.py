"""Issue 20 (import speed): a CSV table kept as its columns (kdcl.importing.tabular.ColumnRows) and
checked column by column (kdcl.importing.values.per_value) gets the same messages, on the same rows and
columns, as the row-by-row table csv.reader gives, and the same ones the per-row checks gave before."""

import csv
import dataclasses
import io
import unicodedata

import pytest
from fixtures_docx import to_cp1258

from kdcl import templates
from kdcl.access import Scope
from kdcl.importing import Options, Upload, import_files, safety, tabular
from kdcl.importing.values import column_reader, per_value, row_numbers

ADMIN = Scope.everything(user="test")
PRINCIPAL = Scope(school_id="S1", role="principal", user="ht")
HEADER = [c.header for c in templates.TEMPLATES["plan"]]
GOOD = {"Mã trường": "S1", "Năm học": "2024-2025", "Tiêu chí": "1.5", "Mức mục tiêu": "2", "Điểm yếu": "Sĩ số cao",
        "Giải pháp": "Phân tuyến", "Chủ trì": "Hiệu trưởng", "Thời gian thực hiện": "Tháng 3/2025"}
# one row per kind of value the checks refuse or warn about (and a few they read in other spellings)
VARIANTS = [
    {},
    {"Mã trường": "S9"},  # no such school
    {"Mã trường": ""},  # required
    {"Mã trường": "   "},  # blank counts as empty
    {"Mã trường": "s1"},  # the id in other case
    {"Mã trường": "Trường THCS Lý Tự Trọng"},  # the school by its name
    {"Mã trường": "S3", "Tiêu chí": "5.4", "Mức mục tiêu": "1"},  # another school (outside a principal's scope)
    {"Năm học": "2024/25x"},  # bad year
    {"Năm học": ""},  # required
    {"Năm học": "2024 - 2025"},
    {"Tiêu chí": "9.9"},  # not in the framework
    {"Tiêu chí": ""},  # required
    {"Tiêu chí": "Tiêu chí 1.5"},
    {"Mức mục tiêu": "abc"},
    {"Mức mục tiêu": "5"},
    {"Mức mục tiêu": "0"},
    {"Mức mục tiêu": "Mức 2"},
    {"Mức mục tiêu": ""},
    {"Mã trường": "S3", "Tiêu chí": "1.2", "Mức mục tiêu": "3"},  # above the criterion's top level
    {"Ngày bắt đầu": "32/13/2025"},
    {"Hạn hoàn thành": "31/02/2025"},
    {"Hạn hoàn thành": "15/03/2025"},  # differs from the time text
    {"Ngày bắt đầu": "01/05/2025", "Hạn hoàn thành": "01/03/2025", "Thời gian thực hiện": ""},  # start after due
    {"Ngày hoàn thành": "ngày mai"},
    {"Trạng thái": "Hoàn thành", "Ngày hoàn thành": "01/01/2099"},  # in the future
    {"Trạng thái": "Đang thực hiện", "Ngày hoàn thành": "01/05/2025"},  # not done
    {"Trạng thái": "Hoàn thành", "Ngày hoàn thành": "01/05/2025"},
    {"Trạng thái": "Không thực hiện"},  # no reason
    {"Trạng thái": "Không thực hiện", "Ghi chú": "Đã sáp nhập"},  # the note is the reason
    {"Trạng thái": "Xong rồi"},
    {"Trạng thái": "dang thuc hien"},
    {"Kinh phí": "-5000000"},
    {"Kinh phí": "999999999999999999999"},
    {"Kinh phí": "xin hỗ trợ"},
    {"Kinh phí": "1,5 triệu"},
    {"Thời gian thực hiện": "khi nào xong"},
    {"Thời gian thực hiện": ""},
    {"Phiên bản": "abc"},
    {"Phiên bản": "0"},
    {"Phiên bản": "3"},
    {"Điểm yếu": "  dòng 1\n dòng 2  ", "Ghi chú": "=SUM(A1)"},
]


def plan_csv(variants=VARIANTS) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for variant in variants:
        cells = {**GOOD, **variant}
        writer.writerow([cells.get(h, "") for h in HEADER])
    return out.getvalue().encode("utf-8-sig")


def problems(store, scope, data, monkeypatch=None, rows=False):
    """(status, [(kind, row, column, message)], each plan's new items, updates and unchanged count) of a dry run;
    `rows`: read by csv.reader into row lists instead of Arrow's columns."""
    if rows:
        monkeypatch.setattr(tabular, "_read_csv_columns", lambda text, delimiter: None)
    [result] = import_files(store, scope, [Upload("kh.csv", data)], Options(dry_run=True, channel="cli"))
    if rows:
        monkeypatch.undo()
    found = [("error", e.row, e.column, e.message) for e in result.errors]
    found += [("warning", e.row, e.column, e.message) for e in result.warnings]
    items = [([dataclasses.asdict(v) for v in w.items], w.updates, w.unchanged) for w in result.plans]
    return result.status, found, items


def test_a_csv_table_is_kept_as_its_columns():
    table = tabular.read_table(safety.check("kh.csv", plan_csv()))
    assert isinstance(table.rows, tabular.ColumnRows)
    assert len(table.rows) == len(VARIANTS) and row_numbers(table) == list(range(2, len(VARIANTS) + 2))
    column = column_reader(table)
    assert column("school_id")[:4] == ["S1", "S9", None, None] and column("version")[-2] == "3"
    assert table.rows[1] == (3, [{**GOOD, "Mã trường": "S9"}.get(h, "") for h in HEADER])


@pytest.mark.parametrize("scope", [ADMIN, PRINCIPAL], ids=["office", "principal"])
def test_checks_by_column_flag_what_the_row_checks_flag(tiny_store, monkeypatch, scope):
    """A file with every kind of bad value: the same messages (file, row, column, text) from the
    column-stored table as from csv.reader's rows; and a file of the rows that pass, the same items."""
    data = plan_csv()
    by_columns = problems(tiny_store, scope, data)
    by_rows = problems(tiny_store, scope, data, monkeypatch, rows=True)
    assert by_columns == by_rows
    assert by_columns[0] == "rejected" and len(by_columns[1]) >= 25
    flagged = {row for kind, row, _, _ in by_columns[1] if kind == "error"}
    good = [v for row, v in enumerate(VARIANTS, start=2) if row not in flagged]
    data = plan_csv(good)
    by_columns = problems(tiny_store, scope, data)
    assert by_columns == problems(tiny_store, scope, data, monkeypatch, rows=True)
    assert by_columns[0] == "ready" and sum(len(new) + len(updated) + same for new, updated, same in by_columns[2]) == len(good)


def test_every_message_of_the_bad_file_is_the_one_the_row_checks_gave(tiny_store):
    """The messages of the per-row checks before issue 20's column-wise reading, recorded from that
    code (commit 0e7b131): the same, in the same order, on the same rows and columns."""
    status, found, _ = problems(tiny_store, ADMIN, plan_csv())
    assert status == "rejected"
    assert found == EXPECTED


def test_per_value_is_fn_once_per_distinct_value():
    calls = []

    def double(value):
        calls.append(value)
        return value * 2

    assert per_value(double, ["a", "b", "a", "b"]) == ["aa", "bb", "aa", "bb"] and calls == ["a", "b"]
    assert per_value(len, [[1], [1, 2]]) == [1, 2]  # unhashable cells: one call each


WIDE = "," * (len(HEADER) - 1) + "\r\n"  # a blank record of the template's width
HEADER_CASES = {
    "header on the tenth record": WIDE * 9 + ",".join(HEADER) + "\r\nS1,2024-2025,1.5" + "," * (len(HEADER) - 3),
    "blank records, then text past the tenth": WIDE * 10 + ",".join(HEADER) + "\r\n",
    "nothing but blank records": WIDE * 12,
    "a title, then no header": "Kế hoạch" + WIDE + "S1,2024-2025,1.5" + "," * (len(HEADER) - 3) + "\r\n",
}


@pytest.mark.parametrize("name", HEADER_CASES)
def test_the_header_is_found_in_columns_as_in_rows(name, monkeypatch):
    def read():
        try:
            table = tabular.read_table(safety.check("kh.csv", HEADER_CASES[name].encode()))
        except safety.FileRejected as exc:
            return exc.key
        return table.kind, table.header_row, list(table.rows)

    by_columns = read()
    monkeypatch.setattr(tabular, "_read_csv_columns", lambda text, delimiter: None)
    assert by_columns == read()
    assert by_columns == {"header on the tenth record": ("plan", 10, [(11, ["S1", "2024-2025", "1.5"]
                                                                           + [""] * (len(HEADER) - 3))]),
                          "blank records, then text past the tenth": "import.err.no_header",
                          "nothing but blank records": "import.err.empty",
                          "a title, then no header": "import.err.no_header"}[name]


def test_the_schools_in_scope_are_the_rows_the_query_gives(tiny_store):
    """Context.by_id (SchoolRows: the schools read as Arrow columns, a row built when asked for) holds
    what a dict of the query's records held, and a batch's pending schools win over them."""
    from kdcl.importing.context import Context

    ctx = Context(tiny_store, ADMIN, "cli")
    records = tiny_store.records("import_schools", **ADMIN.params(), unit_id=None, school_type=None)
    assert dict(ctx.by_id) == {r["school_id"].casefold(): r for r in records} and len(records) >= 3
    assert ctx.by_id["s1"] is ctx.by_id["s1"] and "S1" not in ctx.by_id and ctx.by_id.get("s0") is None
    assert ctx.school("Trường THCS Lý Tự Trọng")["school_id"] == "S1"
    ctx.add_pending([{"school_id": "S1", "name": "Trường mới", "framework_id": "TH"},
                     {"school_id": "S9", "name": "Trường chín", "framework_id": "TH"}])
    assert ctx.by_id["s1"]["name"] == "Trường mới" and ctx.by_id["s1"]["pending"]
    assert list(ctx.by_id)[-1] == "s9" and len(ctx.by_id) == len(records) + 1
    assert ctx.school("Trường chín")["school_id"] == "S9"


NFD = unicodedata.normalize("NFD", "Sĩ số học sinh còn cao, «Mức 2»")
BYTES_CASES = {
    "utf-8 with BOM": plan_csv(),
    "utf-8 without BOM": plan_csv()[3:],
    "decomposed accents": (",".join(HEADER) + "\r\nS1,2024-2025,1.5,2,\"" + NFD + "\"" + "," * (len(HEADER) - 5)
                           + "\r\n").encode(),
    "decomposed header": unicodedata.normalize("NFD", ",".join(HEADER) + "\nS1,2024-2025,1.5" + ","
                                               * (len(HEADER) - 3)).encode("utf-8-sig"),
    "spaces of every kind": (",".join(HEADER) + "\n" + "\u2000,\u3000,\xa0" + "," * (len(HEADER) - 3) + "\nS1,2024-2025"
                             + "," * (len(HEADER) - 2) + "\n").encode(),
    "windows-1258": to_cp1258(",".join(HEADER[:5]) + "\nS1,2024-2025,1.5,2,Điểm yếu\n"),
    "utf-16": (",".join(HEADER) + "\nS1,2024-2025,1.5,2" + "," * (len(HEADER) - 4) + "\n").encode("utf-16"),
    "mixed encodings": plan_csv() + to_cp1258("S1,2024-2025,1.5,2,Điểm yếu" + "," * (len(HEADER) - 5) + "\r\n"),
    "a NUL byte": plan_csv() + b"S1,\x00\r\n",
    "ragged": (",".join(HEADER) + "\nS1,2024-2025,1.5\n").encode(),
}


@pytest.mark.parametrize("name", BYTES_CASES)
def test_a_utf8_file_read_from_its_bytes_is_the_decoded_text_read(name, monkeypatch):
    """UTF-8 files go to Arrow as bytes (each distinct cell put in NFC): the same table, encoding and
    refusals as decode_text's whole text read by Arrow or csv.reader."""
    def read():
        try:
            table = tabular.read_table(safety.check("kh.csv", BYTES_CASES[name]))
        except safety.FileRejected as exc:
            return exc.key, exc.values
        return table.kind, table.columns, table.headers, list(table.rows), table.encoding, table.header_row

    utf8 = name.startswith("utf-8") or name in ("decomposed accents", "decomposed header", "spaces of every kind")
    assert (tabular._read_utf8_csv(BYTES_CASES[name]) is not None) == utf8
    from_bytes = read()
    monkeypatch.setattr(tabular, "_read_utf8_csv", lambda data: None)
    assert from_bytes == read()
    if name.startswith("decomposed"):
        assert all(unicodedata.is_normalized("NFC", c) for _, row in from_bytes[3] for c in row)


EXPECTED = [
    ('error', 3, 'Mã trường', 'Tệp «kh.csv», dòng 3, cột «Mã trường»: Không có trường mã «S9».'),
    ('error', 4, 'Mã trường', 'Tệp «kh.csv», dòng 4, cột «Mã trường»: Thiếu giá trị bắt buộc.'),
    ('error', 5, 'Mã trường', 'Tệp «kh.csv», dòng 5, cột «Mã trường»: Thiếu giá trị bắt buộc.'),
    ('error', 9, 'Năm học', 'Tệp «kh.csv», dòng 9, cột «Năm học»: Năm học «2024/25x» không hợp lệ (cần dạng 2024-2025).'),
    ('error', 10, 'Năm học', 'Tệp «kh.csv», dòng 10, cột «Năm học»: Thiếu giá trị bắt buộc.'),
    ('error', 12, 'Tiêu chí', 'Tệp «kh.csv», dòng 12, cột «Tiêu chí»: Tiêu chí 9.9 không có trong bộ tiêu chí của trường (THCS_THPT (18/2018/TT-BGDĐT)).'),
    ('error', 13, 'Tiêu chí', 'Tệp «kh.csv», dòng 13, cột «Tiêu chí»: Thiếu giá trị bắt buộc.'),
    ('error', 15, 'Mức mục tiêu', 'Tệp «kh.csv», dòng 15, cột «Mức mục tiêu»: Mức mục tiêu «abc» không hợp lệ (chỉ nhận Mức 1, 2 hoặc 3).'),
    ('error', 16, 'Mức mục tiêu', 'Tệp «kh.csv», dòng 16, cột «Mức mục tiêu»: Mức mục tiêu «5» không hợp lệ (chỉ nhận Mức 1, 2 hoặc 3).'),
    ('error', 17, 'Mức mục tiêu', 'Tệp «kh.csv», dòng 17, cột «Mức mục tiêu»: Mức mục tiêu «0» không hợp lệ (chỉ nhận Mức 1, 2 hoặc 3).'),
    ('error', 20, 'Mức mục tiêu', 'Tệp «kh.csv», dòng 20, cột «Mức mục tiêu»: Tiêu chí 1.2 chỉ có đến Mức 2, không có Mức 3.'),
    ('error', 21, 'Ngày bắt đầu', 'Tệp «kh.csv», dòng 21, cột «Ngày bắt đầu»: «32/13/2025» không phải ngày (ghi dd/mm/yyyy, ví dụ 31/05/2025).'),
    ('error', 22, 'Hạn hoàn thành', 'Tệp «kh.csv», dòng 22, cột «Hạn hoàn thành»: «31/02/2025» không phải ngày (ghi dd/mm/yyyy, ví dụ 31/05/2025).'),
    ('error', 25, 'Ngày hoàn thành', 'Tệp «kh.csv», dòng 25, cột «Ngày hoàn thành»: «ngày mai» không phải ngày (ghi dd/mm/yyyy, ví dụ 31/05/2025).'),
    ('error', 26, 'Ngày hoàn thành', 'Tệp «kh.csv», dòng 26, cột «Ngày hoàn thành»: Ngày hoàn thành 01/01/2099 nằm ở tương lai; hãy ghi hôm nay hoặc một ngày đã qua.'),
    ('error', 31, 'Trạng thái', 'Tệp «kh.csv», dòng 31, cột «Trạng thái»: Trạng thái «Xong rồi» không hợp lệ (chỉ nhận: Chưa thực hiện, Đang thực hiện, Hoàn thành, Không thực hiện).'),
    ('error', 33, 'Kinh phí', 'Tệp «kh.csv», dòng 33, cột «Kinh phí»: Kinh phí «-5000000» là số âm.'),
    ('error', 34, 'Kinh phí', 'Tệp «kh.csv», dòng 34, cột «Kinh phí»: Kinh phí «999999999999999999999» quá lớn (trên 1.000.000.000.000 đồng): hãy kiểm tra lại số chữ số.'),
    ('error', 27, 'Ngày hoàn thành', 'Tệp «kh.csv», dòng 27, cột «Ngày hoàn thành»: Có «Ngày hoàn thành» nhưng trạng thái là «Đang thực hiện»; chỉ ghi ngày hoàn thành khi trạng thái là «Hoàn thành».'),
    ('error', 29, 'Trạng thái', 'Tệp «kh.csv», dòng 29, cột «Trạng thái»: Trạng thái «Không thực hiện» cần ghi lý do (cột «Lý do không thực hiện» hoặc «Ghi chú»).'),
    ('warning', 23, None, 'Tệp «kh.csv», dòng 23: Hạn hoàn thành 15/03/2025 khác với thời gian ghi bằng chữ «Tháng 3/2025»; dùng ngày 15/03/2025.'),
    ('warning', 24, 'Thời gian thực hiện', 'Tệp «kh.csv», dòng 24, cột «Thời gian thực hiện»: Ngày bắt đầu sau hạn hoàn thành; bỏ ngày bắt đầu.'),
    ('warning', 35, 'Kinh phí', 'Tệp «kh.csv», dòng 35, cột «Kinh phí»: Kinh phí «xin hỗ trợ» không phải số tiền; giữ nguyên văn bản, không cộng vào tổng.'),
    ('warning', 37, 'Thời gian thực hiện', 'Tệp «kh.csv», dòng 37, cột «Thời gian thực hiện»: Không hiểu được thời gian «khi nào xong»; giữ nguyên văn bản, không có hạn hoàn thành.'),
    ('warning', None, None, 'Tệp «kh.csv»: 6 mục đang có trong kế hoạch của Trường THCS Lý Tự Trọng năm học 2024-2025 không có trong tệp; giữ nguyên (để xoá, dùng --replace).'),
]
