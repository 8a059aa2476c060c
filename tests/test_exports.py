"""Exports opened again and checked cell by cell: xlsx (context rows, headers, types,
widths, no formulas) and CSV (byte order mark, Vietnamese round trip, no formulas)."""

import io
from datetime import date, datetime

import pandas as pd
import pytest
from factory import AS_OF, YEAR
from openpyxl import load_workbook

from kdcl import exports
from kdcl.access import Scope
from kdcl.data import Filters
from kdcl.data import plan_items as pi

RISKY = ["=HYPERLINK(\"http://x\",\"bấm\")", "+84 912", "-1+1", "@SUM(A1)", "- Tham mưu phân tuyến", "\tTab"]


def sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Trường": ["Trường THCS Lý Tự Trọng", "Trường Tiểu học Kim Đồng", "Trường Mầm non Hoa Sen"],
            "Điểm yếu": ["=1+2", "Sĩ số học sinh ở các lớp còn cao " * 4, None],
            "Hạn hoàn thành": [date(2025, 3, 31), None, date(2025, 5, 31)],
            "Số ngày trễ": pd.array([45, None, 0], dtype="Int64"),
            "Cập nhật lần cuối": [datetime(2025, 5, 20, 16, 5), None, datetime(2024, 10, 1, 8)],
        }
    )


CONTEXT = exports.ExportContext(
    "Danh sách mục kế hoạch cải tiến chất lượng",
    [("Năm học", "2024-2025"), ("Tính đến ngày", "15/05/2025"), ("Tìm kiếm", "=cmd|' /C calc'!A0")],
    "Mục kế hoạch",
)


def test_xlsx_cell_by_cell():
    book = load_workbook(io.BytesIO(exports.to_xlsx(sample(), CONTEXT)))
    ws = book["Mục kế hoạch"]
    assert ws["A1"].value == "Danh sách mục kế hoạch cải tiến chất lượng" and ws["A1"].font.bold
    assert [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in (2, 3)] == [
        ("Năm học", "2024-2025"), ("Tính đến ngày", "15/05/2025")]
    # a filter value that looks like a formula stays text too
    assert ws["B4"].value == "=cmd|' /C calc'!A0" and ws["B4"].data_type == "s"
    assert ws["A5"].value is None  # one empty row, then the table
    header = [c.value for c in ws[6]]
    assert header == ["Trường", "Điểm yếu", "Hạn hoàn thành", "Số ngày trễ", "Cập nhật lần cuối"]
    assert all(c.font.bold for c in ws[6])
    assert ws["A7"].value == "Trường THCS Lý Tự Trọng"
    assert ws["B7"].value == "=1+2" and ws["B7"].data_type == "s" and ws["B7"].quotePrefix
    assert ws["C7"].value == datetime(2025, 3, 31) and ws["C7"].number_format == "DD/MM/YYYY"
    assert ws["D7"].value == 45 and ws["D7"].data_type == "n"
    assert ws["E7"].value == datetime(2025, 5, 20, 16, 5) and ws["E7"].number_format == "DD/MM/YYYY HH:MM"
    assert ws["B8"].alignment.wrap_text  # long text wraps
    assert ws["C8"].value is None and ws["D8"].value is None and ws["B9"].value is None
    assert ws["D9"].value == 0
    assert ws.max_row == 9
    # widths: fitted to the content, long text capped
    widths = {col: ws.column_dimensions[col].width for col in "ABCDE"}
    assert widths["B"] == exports.MAX_WIDTH and 20 <= widths["A"] <= exports.MAX_WIDTH
    assert widths["C"] >= len("Hạn hoàn thành")
    assert ws.freeze_panes == "A7" and ws.auto_filter.ref == "A6:E9"


@pytest.mark.parametrize("text", RISKY)
def test_formula_like_text_is_never_a_formula(text):
    frame = pd.DataFrame({"Điểm yếu": [text], "Biện pháp": ["Bình thường"]})
    data = exports.to_xlsx(frame, exports.ExportContext("Tiêu đề", [("Tìm kiếm", text)]))
    ws = load_workbook(io.BytesIO(data)).active
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any(c.data_type == "f" for c in cells)
    assert ws["A5"].value == text and ws["A5"].data_type == "s" and ws["A5"].quotePrefix
    assert ws["B5"].quotePrefix is False or not ws["B5"].quotePrefix
    assert b"<f>" not in data  # no formula element anywhere in the package
    # the CSV puts an apostrophe in front (a CSV has no cell types)
    line = exports.to_csv(frame).decode("utf-8-sig").splitlines()[1]
    assert line.startswith('"\'' + text[:3]) or line.startswith("'" + text[:3])


def test_csv_has_a_bom_and_round_trips_vietnamese():
    data = exports.to_csv(sample())
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(back.columns) == ["Trường", "Điểm yếu", "Hạn hoàn thành", "Số ngày trễ", "Cập nhật lần cuối"]
    assert back["Trường"].tolist() == ["Trường THCS Lý Tự Trọng", "Trường Tiểu học Kim Đồng", "Trường Mầm non Hoa Sen"]
    assert back["Điểm yếu"].tolist() == ["'=1+2", "Sĩ số học sinh ở các lớp còn cao " * 4, ""]
    assert back["Hạn hoàn thành"].tolist() == ["31/03/2025", "", "31/05/2025"]
    assert back["Số ngày trễ"].tolist() == ["45", "", "0"]
    assert back["Cập nhật lần cuối"].tolist() == ["20/05/2025 16:05", "", "01/10/2024 08:00"]


def test_an_empty_table_still_exports():
    frame = pd.DataFrame(columns=["Trường", "Điểm yếu"])
    ws = load_workbook(io.BytesIO(exports.to_xlsx(frame, CONTEXT))).active
    assert [c.value for c in ws[6]] == ["Trường", "Điểm yếu"]
    assert exports.to_csv(frame).decode("utf-8-sig") == "Trường,Điểm yếu\r\n"


def test_the_item_list_export_has_the_filters_and_what_is_shown(tiny_store):
    """The overdue page's export: every filter, the as-of date, schools reported and the rows."""
    scope = Scope.everything(user="phong")
    filters = Filters(school_year=YEAR, as_of=AS_OF)
    with tiny_store.cursor() as cur:  # a weakness a spreadsheet would run as a formula
        cur.execute("update plan_item set weakness = '=1+1 chưa đăng website' where item_id = 8")
    query = pi.ItemQuery(bucket="overdue", search="", sort="days_late", descending=True)
    export = pi.items_for_export(tiny_store, scope, filters, query)
    frame = pi.table_frame(export.rows)
    summary = pi.overdue_summary(tiny_store, scope, filters)
    context = pi.export_context(filters, query, {}, summary, export, scope.user, datetime(2025, 5, 15, 9, 30))
    ws = load_workbook(io.BytesIO(exports.to_xlsx(frame, context))).active
    lines = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, 2 + len(context.lines))}
    assert lines["Năm học"] == "2024-2025"
    assert lines["Tính đến ngày"] == "15/05/2025"
    assert lines["Sắp đến hạn trong"] == "30 ngày"
    assert lines["Tình trạng"] == "Quá hạn"
    assert lines["Trường"] == "Tất cả" and lines["Người chủ trì"] == "Tất cả"
    assert lines["Sắp xếp"] == "Số ngày trễ, giảm dần"
    assert lines["Số trường đã báo cáo"] == "2/3 trường có kế hoạch cải tiến năm học 2024-2025"
    assert lines["Số mục"] == "2 mục ở 2 trường"
    assert lines["Người xuất"] == "phong"
    header_row = 2 + len(context.lines) + 1
    header = [c.value for c in ws[header_row]]
    assert header == list(frame.columns)
    first = {h: ws.cell(header_row + 1, i + 1).value for i, h in enumerate(header)}
    assert first["Trường"] == "Trường Tiểu học Kim Đồng"
    assert first["Điểm yếu"] == "=1+1 chưa đăng website"
    assert ws.cell(header_row + 1, header.index("Điểm yếu") + 1).data_type == "s"
    assert first["Hạn hoàn thành"] == datetime(2025, 1, 31)
    assert first["Số ngày trễ"] == 104 and first["Tình trạng"] == "Quá hạn"
    assert first["Lưu ý về kế hoạch"] == "Mức cần đạt không cao hơn hiện tại"
    assert ws.cell(header_row + 2, 1).value == "Trường THCS Lý Tự Trọng"
    assert ws.cell(header_row + 3, 1).value is None  # exactly the two overdue items


def test_export_context_names_a_cut_export():
    filters = Filters(school_year=YEAR, as_of=AS_OF, risk_days=7)
    query = pi.ItemQuery(bucket=None, lead_role="teacher", search="si so", sort="school", descending=False)
    export = pi.ItemPage(pd.DataFrame({"item_id": [1, 2]}), total=5, schools=2, page=1, pages=1)
    context = pi.export_context(filters, query, {"unit": "Phường Một", "school": "Trường A", "criterion": "1.5 · X"},
                                {"schools_with_plan": 1, "schools_total": 4}, export, "u", datetime(2025, 1, 2, 3, 4))
    lines = dict(context.lines)
    assert lines["Tình trạng"] == "Tất cả các mục" and lines["Người chủ trì"] == "Giáo viên"
    assert lines["Tìm kiếm"] == "si so" and lines["Sắp xếp"] == "Tên trường, tăng dần"
    assert lines["Đơn vị quản lý"] == "Phường Một" and lines["Loại trường"] == "Tất cả"
    assert lines["Số mục"] == "2 mục đầu tiên trong tổng số 5 mục (giới hạn một lần tải)"
    assert lines["Sắp đến hạn trong"] == "7 ngày" and lines["Thời điểm xuất"] == "02/01/2025 03:04"
