"""Plans as schools really send them: variants of the real seed plans (tests/seeds), built here
(`python tests/plan_variants.py OUT_DIR` writes them all as files).

Two source plans, their rows taken from the seeds (tests/fixtures_docx.py):

    P003  Trường Mầm non Trục Mỹ, năm học 2025-2026, official 9-column table, "Mức 2" group rows
          (seed 003 without its stray HTML and without its page splits)
    P004  Trường Tiểu học Định Phước, năm học 2022-2023, 8 columns (no TT), no target levels (seed 004)

Each variant is a function returning the file's bytes (or, for LibreOffice variants, writing into a
folder); `VARIANTS` names them with the source plan whose items they must give back. The expected
items are written by hand in `EXPECTED` (not derived from the builders' inputs).

Variants: a column-number row under the header ("1 2 … 9" / "(1) (2) … (9)"); the table split by
page (a new table per page, header and number row typed again, a row split over the break; or the
header on the first page only and page numbers typed between the tables); merged cells (criterion
and TT merged down, empty cells merged across, group rows merged across); a two-row header ("Thời
gian thực hiện" over "Bắt đầu" | "Hoàn thành", "Chủ trì và phối hợp" over "Chủ trì" | "Phối hợp");
list forms instead of a table (official column names as labels, "Mức 2"/"MỨC 3" lines, typed
numbers and bullets "1.", "-", "+", "•", a label alone on its line with the value below, Word's own
list numbering through w:numPr, a two-column form table per criterion); the list and the table saved
as plain text; a closing "4. Tổ chức thực hiện" section and a signature with dates; tracked changes
(w:ins / w:del); text in a template's content controls (w:sdt); a LibreOffice round trip; .doc and
.odt made with soffice. `seed_with_number_rows` / `seed_with_tracked_changes` apply the same changes
to each of the five real seeds (tests/test_plan_variants.py compares them with the seed itself).
"""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HEADER_9 = ["TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt (so với hiện trạng)", "Công việc/giải pháp cần thực hiện",
            "Chủ trì và phối hợp thực hiện", "Thời gian thực hiện và hoàn thành", "Dự kiến kinh phí",
            "Điều kiện hỗ trợ khác", "Ghi chú"]
HEADER_8 = HEADER_9[1:]

# --------------------------------------------------------------------------- source plans (from the seeds)

P003_HEAD = ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG MẦM NON TRỤC MỸ", "Số: 71/KH-MNTM",
             "Quang Hưng, ngày 14 tháng 10 năm 2025", "KẾ HOẠCH", "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC",
             "Năm học 2025 – 2026", "I. MỤC ĐÍCH, YÊU CẦU",
             "1. Xây dựng kế hoạch cải tiến chất lượng giáo dục để thực hiện trong năm học 2025-2026 nhằm đưa ra "
             "các giải pháp phát huy điểm mạnh, khắc phục điểm yếu, từng bước nâng cao chất lượng giáo dục.",
             "II. CĂN CỨ XÂY DỰNG KẾ HOẠCH",
             "1. Báo cáo tự đánh giá năm học 2024-2025 của Trường Mầm non Trục Mỹ.",
             "III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC"]
# (standard heading or None, criterion, Kết quả cần đạt, Công việc/giải pháp, Chủ trì, Thời gian, Kinh phí, Điều kiện)
P003_ROWS = [
    ("Tiêu chuẩn 1: Tổ chức và quản lý nhà trường",
     "Tiêu chí 1.4: Hiệu trưởng, phó hiệu trưởng, tổ chuyên môn và tổ văn phòng",
     "Tổ chuyên môn thực hiện chuyên đề chưa đầu tư kỹ, chưa sáng tạo.",
     "Hiệu trưởng tạo điều kiện cho tổ trưởng chuyên môn tham quan, học tập trường bạn để nhân rộng chuyên đề.",
     "BGH-TTCM", "Tháng 1/2026", "", ""),
    (None, "Tiêu chí 1.10: Đảm bảo an ninh trật tự, an toàn trường học",
     "Hình thức tuyên truyền chưa phong phú. Hệ thống đèn báo cháy của nhà trường chưa có",
     "Hiệu trưởng tham mưu xin kinh phí lắp đặt hệ thống đèn báo cháy.",
     "BGH-GV-NV", "Tháng 5/2026", "10.000.000", ""),
    ("Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên",
     "Tiêu chí 2.2: Đối với giáo viên", "Nhà trường còn 01 giáo viên chưa đạt chuẩn theo quy định.",
     "Hiệu trưởng tiếp tục xây dựng lộ trình nâng chuẩn trình độ đào tạo giáo viên.",
     "BGH-Giáo viên", "Tháng 11/2025", "", ""),
    ("Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học",
     "Tiêu chí 3.3: Khối phòng hành chính quản trị", "Mua bán, Sửa chữa các hạng mục hỏng, xuống cấp",
     "Hiệu trưởng xây dựng kế hoạch tham mưu mua sắm sửa chữa, vận động tài trợ từ Cha mẹ học sinh",
     "Lãnh đạo, Cha mẹ trẻ", "Tháng 11/2025", "60.000.000", "Vận động tài trợ"),
    ("Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục",
     "Tiêu chí 5.2: Tổ chức hoạt động nuôi dưỡng, chăm sóc và giáo dục trẻ",
     "Trường chưa tổ chức cho trẻ tham quan vui chơi trải nghiệm tại trường Tiểu học; UBND xã.",
     "Xây dựng kế hoạch cho trẻ tham quan trải nghiệm", "BGH-GV-NV và CMHS", "Tháng 5/2026", "", ""),
]

P004_HEAD = ["UBND HUYỆN DẦU TIẾNG", "TRƯỜNG TIỂU HỌC ĐỊNH PHƯỚC", "Số: 67/KH-THĐP",
             "Định Hiệp, ngày 29 tháng  11  năm 2022", "KẾ HOẠCH", "Cải tiến chất lượng giáo dục năm học 2022 - 2023",
             "1. Mục đích, yêu cầu",
             "- Báo cáo tự đánh giá giai đoạn từ năm 2017 đến 2022 của Trường Tiểu học Định Phước.",
             "3. Nội dung kế hoạch cải tiến chất lượng giáo dục"]
P004_ROWS = [
    ("Tiêu chuẩn 1: Tổ chức và quản lý nhà trường",
     "Tiêu chí 1.1: Phương hướng, chiến lược xây dựng và phát triển nhà trường",
     "Hình ảnh phương hướng chiến lược xây dựng và phát triển nhà trường cần được đăng tải lên website",
     "Tăng cường kiểm tra website để nhắc nhở việc đăng tải hình ảnh kịp thời",
     "Hiệu trưởng và Ban Quản trị website", "Tháng 01/2023 đến hết năm học 2022 - 2023", "",
     "Thực hiện thường xuyên sau mỗi hoạt động"),
    (None, "Tiêu chí 1.3: Tổ chức Đảng Cộng sản Việt Nam, các đoàn thể và tổ chức khác trong nhà trường",
     "Nâng cao chất lượng hoạt động Đội Thiếu niên Tiền phong Hồ Chí Minh",
     "Tham mưu với Phòng Giáo dục và Đào tạo bố trí biên chế vị trí việc làm Tổng phụ trách Đội",
     "Hiệu trưởng", "Tháng 03/2023", "", "Nhu cầu biên chế"),
    (None, "Tiêu chí 1.6: Quản lý hành chính, tài chính và tài sản",
     "Khắc phục sự cố phần mềm hosting vận hành website của Nhà trường",
     "Liên hệ Nhà cung cấp phần mềm vận hành website",
     "Hiệu trưởng phân công viên chức phụ trách website", "Tháng 01/2023", "5.000.000", "Thực hiện thường xuyên"),
    ("Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên",
     "Tiêu chí 2.1: Đối với hiệu trưởng, phó hiệu trưởng", "Bổ sung biên chế phó hiệu trưởng",
     "Tham mưu với Phòng Giáo dục và Đào tạo bổ nhiệm chức danh phó hiệu trưởng", "Hiệu trưởng", "Tháng 12/2022",
     "", ""),
]

# --------------------------------------------------------------------------- expected items, by hand

_P003_WEAK_14 = "Tổ chuyên môn thực hiện chuyên đề chưa đầu tư kỹ, chưa sáng tạo."
EXPECTED = {
    "P003": {"school_id": "MN_TM", "school_year": "2025-2026", "items": [
        dict(code="1.4", level=2, weakness=_P003_WEAK_14, target=None,
             measures="Hiệu trưởng tạo điều kiện cho tổ trưởng chuyên môn tham quan, học tập trường bạn để nhân "
                      "rộng chuyên đề.",
             lead="BGH-TTCM", support=None, time="Tháng 1/2026", due=date(2026, 1, 31), budget=None, other=None),
        dict(code="1.10", level=2,
             weakness="Hình thức tuyên truyền chưa phong phú. Hệ thống đèn báo cháy của nhà trường chưa có",
             target=None, measures="Hiệu trưởng tham mưu xin kinh phí lắp đặt hệ thống đèn báo cháy.",
             lead="BGH-GV-NV", support=None, time="Tháng 5/2026", due=date(2026, 5, 31), budget=10_000_000,
             other=None),
        dict(code="2.2", level=2, weakness="Nhà trường còn 01 giáo viên chưa đạt chuẩn theo quy định.", target=None,
             measures="Hiệu trưởng tiếp tục xây dựng lộ trình nâng chuẩn trình độ đào tạo giáo viên.",
             lead="BGH-Giáo viên", support=None, time="Tháng 11/2025", due=date(2025, 11, 30), budget=None,
             other=None),
        dict(code="3.3", level=3, weakness="Mua bán, Sửa chữa các hạng mục hỏng, xuống cấp", target=None,
             measures="Hiệu trưởng xây dựng kế hoạch tham mưu mua sắm sửa chữa, vận động tài trợ từ Cha mẹ học sinh",
             lead="Lãnh đạo, Cha mẹ trẻ", support=None, time="Tháng 11/2025", due=date(2025, 11, 30),
             budget=60_000_000, other="Vận động tài trợ"),
        dict(code="5.2", level=3,
             weakness="Trường chưa tổ chức cho trẻ tham quan vui chơi trải nghiệm tại trường Tiểu học; UBND xã.",
             target=None, measures="Xây dựng kế hoạch cho trẻ tham quan trải nghiệm", lead="BGH-GV-NV và CMHS",
             support=None, time="Tháng 5/2026", due=date(2026, 5, 31), budget=None, other=None),
    ]},
    "P004": {"school_id": "TH_DP", "school_year": "2022-2023", "items": [
        dict(code="1.1", level=None, weakness=None,
             target="Hình ảnh phương hướng chiến lược xây dựng và phát triển nhà trường cần được đăng tải lên website",
             measures="Tăng cường kiểm tra website để nhắc nhở việc đăng tải hình ảnh kịp thời",
             lead="Hiệu trưởng và Ban Quản trị website", support=None,
             time="Tháng 01/2023 đến hết năm học 2022 - 2023", due=date(2023, 5, 31), budget=None,
             other="Thực hiện thường xuyên sau mỗi hoạt động"),
        dict(code="1.3", level=None, weakness=None,
             target="Nâng cao chất lượng hoạt động Đội Thiếu niên Tiền phong Hồ Chí Minh",
             measures="Tham mưu với Phòng Giáo dục và Đào tạo bố trí biên chế vị trí việc làm Tổng phụ trách Đội",
             lead="Hiệu trưởng", support=None, time="Tháng 03/2023", due=date(2023, 3, 31), budget=None,
             other="Nhu cầu biên chế"),
        dict(code="1.6", level=None, weakness=None,
             target="Khắc phục sự cố phần mềm hosting vận hành website của Nhà trường",
             measures="Liên hệ Nhà cung cấp phần mềm vận hành website",
             lead="Hiệu trưởng phân công viên chức phụ trách website", support=None, time="Tháng 01/2023",
             due=date(2023, 1, 31), budget=5_000_000, other="Thực hiện thường xuyên"),
        dict(code="2.1", level=None, weakness=None, target="Bổ sung biên chế phó hiệu trưởng",
             measures="Tham mưu với Phòng Giáo dục và Đào tạo bổ nhiệm chức danh phó hiệu trưởng",
             lead="Hiệu trưởng", support=None, time="Tháng 12/2022", due=date(2022, 12, 31), budget=None, other=None),
    ]},
}
# variants that state more than P003/P004 do: variant -> criterion -> field -> value
EXPECTED_CHANGES = {
    "two_row_header": {
        "1.4": {"time": "Bắt đầu: Tháng 9/2025; hoàn thành: Tháng 1/2026"},
        "1.10": {"time": "Bắt đầu: Tháng 9/2025; hoàn thành: Tháng 5/2026", "support": "Tổ bảo vệ"},
        "2.2": {"time": "Bắt đầu: Tháng 9/2025; hoàn thành: Tháng 11/2025"},
        "3.3": {"time": "Bắt đầu: Tháng 10/2025; hoàn thành: Tháng 11/2025"},
        "5.2": {"time": "Bắt đầu: Tháng 9/2025; hoàn thành: Tháng 5/2026"},
    },
}
# the level of each P003 item in the documents: 1.4, 1.10, 2.2 under "Mức 2"; 3.3, 5.2 under "MỨC 3"
P003_LEVEL_BREAK = 3  # rows before the "MỨC 3" group

CLOSING = ["4. Tổ chức thực hiện",
           "- Hiệu trưởng chỉ đạo triển khai kế hoạch từ ngày 01/11/2025; các tổ báo cáo trước ngày 15/5/2026.",
           "- Phó hiệu trưởng, tổ trưởng chuyên môn: kinh phí 2.000.000 đồng cho hội thảo.",
           "Nơi nhận:", "- Phòng GDĐT (để b/c);", "- Lưu: VT.",
           "Quang Hưng, ngày 14 tháng 10 năm 2025", "HIỆU TRƯỞNG", "(Đã ký)", "Trần Thị My"]


# --------------------------------------------------------------------------- docx helpers


def _bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _set(cell, text: str) -> None:
    parts = str(text).split("\n")
    cell.text = parts[0]
    for extra in parts[1:]:
        cell.add_paragraph(extra)


def _row(table, values) -> None:
    for cell, value in zip(table.add_row().cells, values):
        if value:
            _set(cell, value)


def _group(table, text: str, first: int = 0) -> None:
    cells = table.add_row().cells
    merged = cells[first].merge(cells[len(cells) - 1])
    merged.text = text


def _header(table, headers, numbers: str | None) -> None:
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = text
    if numbers:
        width = len(headers)
        _row(table, [numbers.format(n=n) for n in range(1, width + 1)])


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _paragraphs(doc, texts) -> None:
    for text in texts:
        doc.add_paragraph(text)


def _row_values(row, tt: str | None):
    _, crit, result, measures, lead, time, budget, other = row
    values = [crit, result, measures, lead, time, budget, other, ""]
    return ([tt or ""] + values) if tt is not None else values


def _table_plan(head, rows, *, tt: bool = True, numbers: str | None = None, split_every: int | None = None,
                levels: bool = True, closing: bool = True):
    """The plan as a table; `split_every` rows a new table (a page of a PDF turned back into Word)."""
    doc = Document()
    _paragraphs(doc, head)
    headers = HEADER_9 if tt else HEADER_8
    table = doc.add_table(rows=1, cols=len(headers))
    _header(table, headers, numbers)
    for i, row in enumerate(rows):
        if split_every and i and i % split_every == 0:
            _page_break(doc)
            table = doc.add_table(rows=1, cols=len(headers))
            _header(table, headers, numbers)
        if levels and i == 0:
            _group(table, "Mức 2")
        if levels and i == P003_LEVEL_BREAK:
            _group(table, "MỨC 3")
        if row[0]:
            _group(table, row[0], 1 if tt else 0)
        _row(table, _row_values(row, str(i + 1) if tt else None))
    if closing:
        _paragraphs(doc, CLOSING)
    return doc


# --------------------------------------------------------------------------- table variants


def number_row(head=P003_HEAD, rows=P003_ROWS) -> bytes:
    """A "1 2 3 … 9" row under the header, as official tables have."""
    return _bytes(_table_plan(head, rows, numbers="{n}"))


def number_row_parens_8(head=P004_HEAD, rows=P004_ROWS) -> bytes:
    """"(1) (2) … (8)" under an 8-column header (no TT), no levels."""
    return _bytes(_table_plan(head, rows, tt=False, numbers="({n})", levels=False))


def page_split() -> bytes:
    """A PDF turned back into Word: a new table per page, header and number row typed again, and the
    1.10 row split over the break (its end on the next page, in a row without criterion)."""
    doc = Document()
    _paragraphs(doc, P003_HEAD)

    def new_table():
        table = doc.add_table(rows=1, cols=9)
        _header(table, HEADER_9, "{n}")
        return table

    table = new_table()
    _group(table, "Mức 2")
    _group(table, P003_ROWS[0][0], 1)
    _row(table, _row_values(P003_ROWS[0], "1"))
    first = list(_row_values(P003_ROWS[1], "2"))
    first[2] = "Hình thức tuyên truyền chưa phong phú. Hệ thống đèn báo"
    first[3] = "Hiệu trưởng tham mưu xin kinh phí"
    _row(table, first)
    _page_break(doc)
    table = new_table()
    _row(table, ["", "", "cháy của nhà trường chưa có", "lắp đặt hệ thống đèn báo cháy.", "", "", "", "", ""])
    _group(table, P003_ROWS[2][0], 1)
    _row(table, _row_values(P003_ROWS[2], "3"))
    _page_break(doc)
    table = new_table()
    _group(table, "MỨC 3")
    for i, row in enumerate(P003_ROWS[3:], start=4):
        _group(table, row[0], 1)
        _row(table, _row_values(row, str(i)))
    _paragraphs(doc, CLOSING)
    return _bytes(doc)


def page_split_bare() -> bytes:
    """P004 over three pages: the header on the first page only, each page a table of its own, a page number
    ("- 2 -", "Trang 3") typed between them, and the 1.6 row split over the second break."""
    doc = Document()
    _paragraphs(doc, P004_HEAD)
    table = doc.add_table(rows=1, cols=8)
    _header(table, HEADER_8, None)
    for row in P004_ROWS[:2]:
        if row[0]:
            _group(table, row[0], 0)
        _row(table, _row_values(row, None))
    _page_break(doc)
    doc.add_paragraph("- 2 -")
    table = doc.add_table(rows=0, cols=8)
    first = _row_values(P004_ROWS[2], None)
    first[2] = "Liên hệ Nhà cung cấp"
    _row(table, first)
    _page_break(doc)
    doc.add_paragraph("Trang 3")
    table = doc.add_table(rows=0, cols=8)
    _row(table, ["", "", "phần mềm vận hành website", "", "", "", "", ""])
    _group(table, P004_ROWS[3][0], 0)
    _row(table, _row_values(P004_ROWS[3], None))
    _paragraphs(doc, ["4. Tổ chức thực hiện", "HIỆU TRƯỞNG", "Đỗ Văn Hênh"])
    return _bytes(doc)


def merged_cells() -> bytes:
    """Cells merged as Word users merge them: the criterion and TT cells of 1.10 merged down over two rows
    (the second row carrying more measures, the other cells merged down too), the empty last three cells of
    2.2 merged across, group rows merged across the whole row (TT included)."""
    doc = Document()
    _paragraphs(doc, P003_HEAD)
    table = doc.add_table(rows=1, cols=9)
    _header(table, HEADER_9, None)
    _group(table, "Mức 2")
    _group(table, P003_ROWS[0][0], 0)
    _row(table, _row_values(P003_ROWS[0], "1"))
    _row(table, _row_values(P003_ROWS[1], "2"))
    first = len(table.rows) - 1
    values = _row_values(P003_ROWS[1], "2")
    values[3] = "Hiệu trưởng tham mưu xin kinh phí"
    for cell, value in zip(table.rows[first].cells, values):
        _set(cell, value or "")
    _row(table, ["", "", "", "lắp đặt hệ thống đèn báo cháy.", "", "", "", "", ""])
    for col in (0, 1, 4, 5, 6):
        table.cell(first, col).merge(table.cell(first + 1, col))
    _group(table, P003_ROWS[2][0], 0)
    _row(table, _row_values(P003_ROWS[2], "3"))
    r22 = len(table.rows) - 1
    # the empty "Dự kiến kinh phí" .. "Ghi chú" cells of 2.2 merged into one
    table.cell(r22, 6).merge(table.cell(r22, 8))
    _group(table, "MỨC 3")
    _group(table, P003_ROWS[3][0], 0)
    _row(table, _row_values(P003_ROWS[3], "4"))
    _group(table, P003_ROWS[4][0], 0)
    _row(table, _row_values(P003_ROWS[4], "5"))
    _paragraphs(doc, CLOSING)
    return _bytes(doc)


def two_row_header() -> bytes:
    """P003 under a two-row header: "Thời gian thực hiện" over "Bắt đầu" | "Hoàn thành" and "Chủ trì và phối hợp"
    over "Chủ trì" | "Phối hợp" (10 columns, the other headers merged down over both rows), with the 1.10 row's
    support in its own column; the header pair repeated on a second page."""
    headers = ["TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt (so với hiện trạng)", "Công việc/giải pháp cần thực hiện",
               "Chủ trì và phối hợp", "", "Thời gian thực hiện", "", "Dự kiến kinh phí", "Điều kiện hỗ trợ khác"]
    doc = Document()
    _paragraphs(doc, P003_HEAD)

    def new_table():
        table = doc.add_table(rows=2, cols=10)
        for cell, text in zip(table.rows[0].cells, headers):
            if text:
                cell.text = text
        for col, text in ((4, "Chủ trì"), (5, "Phối hợp"), (6, "Bắt đầu"), (7, "Hoàn thành")):
            table.cell(1, col).text = text
        table.cell(0, 4).merge(table.cell(0, 5))
        table.cell(0, 6).merge(table.cell(0, 7))
        for col in (0, 1, 2, 3, 8, 9):
            table.cell(0, col).merge(table.cell(1, col))
        return table

    starts = {"1.4": "Tháng 9/2025", "1.10": "Tháng 9/2025", "2.2": "Tháng 9/2025", "3.3": "Tháng 10/2025",
              "5.2": "Tháng 9/2025"}
    table = new_table()
    for i, row in enumerate(P003_ROWS):
        if i == P003_LEVEL_BREAK:
            _page_break(doc)
            table = new_table()
        if i == 0:
            _group(table, "Mức 2")
        if i == P003_LEVEL_BREAK:
            _group(table, "MỨC 3")
        if row[0]:
            _group(table, row[0], 0)
        _, crit, result, measures, lead, time, budget, other = row
        code = crit.split(":")[0].split()[-1]
        support = "Tổ bảo vệ" if code == "1.10" else ""
        _row(table, [str(i + 1), crit, result, measures, lead, support, starts[code], time, budget, other])
    _paragraphs(doc, CLOSING)
    return _bytes(doc)


def _tracked(run_parent, tag: str, text: str, author: str = "Phó hiệu trưởng") -> None:
    """Append a tracked insertion (w:ins) or deletion (w:del) holding `text` to a paragraph element."""
    change = OxmlElement(tag)
    change.set(qn("w:id"), str(abs(hash((tag, text))) % 10_000))
    change.set(qn("w:author"), author)
    change.set(qn("w:date"), "2025-10-13T08:00:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if tag == "w:del" else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    change.append(run)
    run_parent.append(change)


def _wrap(element, tag: str = "w:sdt") -> None:
    """Wrap `element`'s children (runs of a paragraph) or `element` itself (a row) in a content control."""
    sdt = OxmlElement(tag)
    props = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "Nhập nội dung")
    props.append(alias)
    sdt.append(props)
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    if element.tag == qn("w:p"):
        runs = element.xpath("./w:r")
        if not runs:
            return
        runs[0].addprevious(sdt)
        for r in runs:
            content.append(r)
    else:
        element.addprevious(sdt)
        content.append(element)


def content_controls() -> bytes:
    """P003 typed into a template's fill-in fields: every cell's text inside an inline content control (w:sdt), the
    1.10 and 2.2 rows each inside a row-level content control, and "Trường Mầm non Trục Mỹ" in a smart tag."""
    doc = _table_plan(P003_HEAD, P003_ROWS, numbers=None)
    table = doc.tables[0]
    rows = list(table.rows)
    for row in rows[1:]:
        for tc in row._tr.tc_lst:
            for p in tc.xpath("./w:p"):
                _wrap(p)
    for row in rows:
        if row.cells[1].text.startswith(("Tiêu chí 1.10", "Tiêu chí 2.2")):
            _wrap(row._tr)
    for p in doc.paragraphs:
        if "Trường Mầm non Trục Mỹ" in p.text:
            smart = OxmlElement("w:smartTag")
            smart.set(qn("w:element"), "place")
            runs = p._p.xpath("./w:r")
            runs[0].addprevious(smart)
            for r in runs:
                smart.append(r)
    return _bytes(doc)


def tracked_changes() -> bytes:
    """Edits left as tracked changes: read as if all were accepted."""
    doc = _table_plan(P003_HEAD, P003_ROWS, numbers=None)
    table = doc.tables[0]
    for row in table.rows:
        crit = row.cells[1].text
        if crit.startswith("Tiêu chí 1.10"):
            lead = row.cells[4].paragraphs[0]
            lead.text = ""
            _tracked(lead._p, "w:del", "BGH")
            _tracked(lead._p, "w:ins", "BGH-GV-NV")
            budget = row.cells[6].paragraphs[0]
            budget.text = ""
            _tracked(budget._p, "w:del", "8.000.000")
            _tracked(budget._p, "w:ins", "10.000.000")
        if crit.startswith("Tiêu chí 3.3"):
            measures = row.cells[3].paragraphs[0]
            measures.text = "Hiệu trưởng xây dựng kế hoạch tham mưu mua sắm sửa chữa, "
            _tracked(measures._p, "w:del", "xin ngân sách ")
            _tracked(measures._p, "w:ins", "vận động tài trợ từ Cha mẹ học sinh")
    return _bytes(doc)


# --------------------------------------------------------------------------- list forms

_LABELS = ["Kết quả cần đạt (so với hiện trạng):", "Công việc/giải pháp cần thực hiện:",
           "Chủ trì và phối hợp thực hiện:", "Thời gian thực hiện và hoàn thành:", "Dự kiến kinh phí:",
           "Điều kiện hỗ trợ khác:"]


def _list_lines(rows, *, bullet: str, number_items: bool, level_lines: bool, label_alone: bool,
                standards: bool = True) -> list[str]:
    lines: list[str] = []
    for i, row in enumerate(rows):
        if level_lines and i == 0:
            lines.append("Mức 2")
        if level_lines and i == P003_LEVEL_BREAK:
            lines.append("MỨC 3")
        if standards and row[0]:
            lines.append(row[0])
        lines.append((f"{i + 1}. " if number_items else "") + row[1])
        for label, value in zip(_LABELS, row[2:]):
            if not value:
                continue
            if label_alone:
                lines.append(f"{bullet}{label}".strip())
                lines.append(value)
            else:
                lines.append(f"{bullet}{label} {value}")
    return lines


def list_labels_dash() -> bytes:
    """A list per criterion with the official column names as labels: "1. Tiêu chí …", "- Label: value",
    "Mức 2"/"MỨC 3" lines, then the closing section and the signature (dates included)."""
    doc = Document()
    _paragraphs(doc, P003_HEAD)
    _paragraphs(doc, _list_lines(P003_ROWS, bullet="- ", number_items=True, level_lines=True, label_alone=False))
    _paragraphs(doc, CLOSING)
    return _bytes(doc)


def list_labels_plus_alone() -> bytes:
    """"+ Label:" alone on its line, the value on the line below; criteria typed with "•"."""
    doc = Document()
    _paragraphs(doc, P003_HEAD)
    lines = _list_lines(P003_ROWS, bullet="+ ", number_items=False, level_lines=True, label_alone=True)
    _paragraphs(doc, ["• " + x if x.startswith("Tiêu chí") else x for x in lines])
    _paragraphs(doc, CLOSING)
    return _bytes(doc)


def form_tables() -> bytes:
    """A form per criterion: P004 with each criterion in a two-column table ("Tiêu chí | 1.1: …" then "Label |
    value" rows named by the official column names, without colons), standards as paragraphs between them."""
    doc = Document()
    _paragraphs(doc, P004_HEAD)
    for row in P004_ROWS:
        if row[0]:
            doc.add_paragraph(row[0])
        table = doc.add_table(rows=0, cols=2)
        _row(table, ["Tiêu chí", row[1].removeprefix("Tiêu chí ")])
        for label, value in zip(_LABELS, row[2:]):
            _row(table, [label.rstrip(":"), value or ""])
    _paragraphs(doc, ["4. Tổ chức thực hiện", "Định Hiệp, ngày 29 tháng 11 năm 2022", "HIỆU TRƯỞNG"])
    return _bytes(doc)


def text_list() -> bytes:
    """The "+ Label:" list of P003 saved as plain text (UTF-8, Windows line ends)."""
    lines = P003_HEAD + _list_lines(P003_ROWS, bullet="+ ", number_items=True, level_lines=True, label_alone=True)
    return "\r\n".join(lines + CLOSING).encode("utf-8")


def text_tabs() -> bytes:
    """P003's table saved as tab-separated text (Word's "Save as text"): header, "(1) … (9)" number row, group
    rows, the header and number row again after the 2.2 row."""
    lines = list(P003_HEAD)
    numbers = "\t".join(f"({n})" for n in range(1, 10))
    lines += ["\t".join(HEADER_9), numbers]
    for i, row in enumerate(P003_ROWS):
        if i == 0:
            lines.append("Mức 2" + "\t" * 8)
        if i == P003_LEVEL_BREAK:
            lines += ["\t".join(HEADER_9), numbers, "\tMỨC 3" + "\t" * 7]
        if row[0]:
            lines.append("\t" + row[0] + "\t" * 7)
        lines.append("\t".join(_row_values(row, str(i + 1))))
    return "\n".join(lines + CLOSING).encode("utf-8")


def _numbering(doc, paragraph, num_id: int, ilvl: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(lvl)
    num_pr.append(num)
    p_pr.append(num_pr)


def _add_numbering_definition(doc) -> int:
    """A decimal list (level 0 "1.") with bullets at level 1 ("•"), as Word writes one."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, (fmt, text) in enumerate([("decimal", "%1."), ("bullet", "•")]):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return 90


def list_word_numbering() -> bytes:
    """Word's own list numbering (w:numPr): criteria numbered 1., 2., … and labels bulleted, no typed marks;
    P004 (no levels), its closing "4. Tổ chức thực hiện" section with dates."""
    doc = Document()
    _paragraphs(doc, P004_HEAD)
    num_id = _add_numbering_definition(doc)
    for row in P004_ROWS:
        if row[0]:
            doc.add_paragraph(row[0])
        _numbering(doc, doc.add_paragraph(row[1]), num_id, 0)
        for label, value in zip(_LABELS, row[2:]):
            if value:
                _numbering(doc, doc.add_paragraph(f"{label} {value}"), num_id, 1)
    _paragraphs(doc, ["4. Tổ chức thực hiện",
                      "Kế hoạch thực hiện từ ngày 01/12/2022 đến ngày 31/5/2023, kinh phí 3.000.000 đồng.",
                      "Định Hiệp, ngày 29 tháng 11 năm 2022", "HIỆU TRƯỞNG", "Đỗ Văn Hênh"])
    return _bytes(doc)


# --------------------------------------------------------------------------- not a plan

REPORT_LINES = [
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG MẦM NON TRỤC MỸ", "BÁO CÁO TỰ ĐÁNH GIÁ", "Năm học 2024 – 2025",
    "Phần I. CƠ SỞ DỮ LIỆU", "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ", "1. Kết quả đánh giá",
    "1.1. Đánh giá tiêu chí Mức 1, 2 và 3",
    "Phần II. TỰ ĐÁNH GIÁ", "A. ĐẶT VẤN ĐỀ", "B. TỰ ĐÁNH GIÁ", "I. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 1, 2 VÀ 3",
    "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường",
    "Tiêu chí 1.4: Hiệu trưởng, phó hiệu trưởng, tổ chuyên môn và tổ văn phòng",
    "1. Mô tả hiện trạng", "Mức 1: Nhà trường có hiệu trưởng, 02 phó hiệu trưởng [H1-1.4-01].",
    "2. Điểm mạnh", "Tổ chuyên môn sinh hoạt định kỳ hai tuần một lần.",
    "3. Điểm yếu", "Tổ chuyên môn thực hiện chuyên đề chưa đầu tư kỹ, chưa sáng tạo.",
    "4. Kế hoạch cải tiến chất lượng",
    "Giải pháp: Hiệu trưởng tạo điều kiện cho tổ trưởng chuyên môn tham quan, học tập trường bạn.",
    "Thời gian: Tháng 1/2026",
    "5. Tự đánh giá: Đạt Mức 2",
    "Tiêu chí 1.10: Đảm bảo an ninh trật tự, an toàn trường học",
    "1. Mô tả hiện trạng", "2. Điểm mạnh", "3. Điểm yếu", "4. Kế hoạch cải tiến chất lượng",
    "Giải pháp: Lắp đặt hệ thống đèn báo cháy.", "5. Tự đánh giá: Đạt Mức 2",
    "Kết luận về Tiêu chuẩn 1", "Phần III. KẾT LUẬN CHUNG",
    "Số lượng tiêu chí đạt Mức 2: 16/28, tỉ lệ 57,14%",
]


def self_assessment_report() -> bytes:
    """A self-assessment report with its landmarks, and per criterion a "Kế hoạch cải tiến" with labels (which
    a plan reader would otherwise take for plan items)."""
    doc = Document()
    _paragraphs(doc, REPORT_LINES[:8])
    table = doc.add_table(rows=1, cols=6)
    for cell, text in zip(table.rows[0].cells, ["Tiêu chuẩn, tiêu chí", "Không đạt", "Đạt", "", "", ""]):
        cell.text = text
    _row(table, ["", "", "Mức 1", "Mức 2", "Mức 3", ""])
    _row(table, ["Tiêu chí 1.4", "", "x", "x", "", ""])
    _paragraphs(doc, REPORT_LINES[8:])
    return _bytes(doc)


# --------------------------------------------------------------------------- LibreOffice variants


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, name: str, to: str, folder: Path) -> bytes:
    """`data` (a file called `name`) converted by LibreOffice to `to` ("docx", "doc", "odt")."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / name
    src.write_bytes(data)
    profile = folder / "lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                    "--outdir", str(folder / "out"), str(src)], check=True, capture_output=True, timeout=180)
    return (folder / "out" / (src.stem + "." + to)).read_bytes()


# --------------------------------------------------------------------------- the same changes to every real seed


def seed_with_number_rows(data: bytes, parens: bool = False) -> bytes:
    """A seed .docx with a column-number row typed under every plan-table header (repeated ones included)."""
    from kdcl.importing.plan_common import header_mapping

    doc = Document(io.BytesIO(data))
    for table in doc.tables:
        for row in list(table.rows):
            texts = [c.text for c in row.cells]
            if header_mapping(texts) is None:
                continue
            numbers = copy.deepcopy(row._tr)
            for n, tc in enumerate(numbers.tc_lst, start=1):
                for p in tc.xpath("./w:p")[1:]:
                    tc.remove(p)
                for r in tc.xpath("./w:p/w:r"):
                    r.getparent().remove(r)
                tc.xpath("./w:p")[0].append(_run(f"({n})" if parens else str(n)))
            row._tr.addnext(numbers)
    return _bytes(doc)


def seed_with_tracked_changes(data: bytes) -> bytes:
    """A seed .docx where every table cell's and paragraph's text was typed with Track Changes on (w:ins), and a
    deleted word left in each (w:del)."""
    doc = Document(io.BytesIO(data))
    body = doc.element.body
    for p in body.iter(qn("w:p")):
        runs = p.xpath("./w:r")
        if not runs:
            continue
        _tracked(p, "w:del", "Dự thảo ")
        change = OxmlElement("w:ins")
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "Văn thư")
        runs[0].addprevious(change)
        for r in runs:
            change.append(r)
        p.remove(p.xpath("./w:del")[-1])
        change.addprevious(_deleted("Dự thảo "))
    return _bytes(doc)


def _run(text: str):
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    return run


def _deleted(text: str):
    change = OxmlElement("w:del")
    change.set(qn("w:id"), "2")
    change.set(qn("w:author"), "Văn thư")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    change.append(run)
    return change


# name -> (source plan, builder, extension, LibreOffice target or None)
VARIANTS = {
    "number_row": ("P003", number_row, "docx", None),
    "number_row_parens_8": ("P004", number_row_parens_8, "docx", None),
    "page_split": ("P003", page_split, "docx", None),
    "page_split_bare": ("P004", page_split_bare, "docx", None),
    "merged_cells": ("P003", merged_cells, "docx", None),
    "two_row_header": ("P003", two_row_header, "docx", None),
    "tracked_changes": ("P003", tracked_changes, "docx", None),
    "content_controls": ("P003", content_controls, "docx", None),
    "list_labels_dash": ("P003", list_labels_dash, "docx", None),
    "list_labels_plus_alone": ("P003", list_labels_plus_alone, "docx", None),
    "list_word_numbering": ("P004", list_word_numbering, "docx", None),
    "form_tables": ("P004", form_tables, "docx", None),
    "text_list": ("P003", text_list, "txt", None),
    "text_tabs": ("P003", text_tabs, "txt", None),
    "libreoffice_round_trip": ("P003", page_split, "docx", "docx"),
    "libreoffice_list_round_trip": ("P004", list_word_numbering, "docx", "docx"),
    "doc_97_2003": ("P003", merged_cells, "doc", "doc"),
    "odt": ("P004", number_row_parens_8, "odt", "odt"),
}


def build(name: str, folder: Path) -> tuple[str, bytes]:
    """(file name, bytes) of variant `name`, converted with LibreOffice in `folder` when it asks for it."""
    plan, builder, ext, target = VARIANTS[name]
    data = builder()
    if target is not None:
        data = convert(data, f"{name}-src.docx", target, folder / name)
    return f"{name}.{ext}", data


def write_all(folder: Path) -> list[Path]:
    """Every variant as a file in `folder` (the LibreOffice ones only when soffice is installed)."""
    paths = []
    for name, (_, _, _, target) in VARIANTS.items():
        if target is not None and soffice() is None:
            continue
        file_name, data = build(name, folder / "work")
        path = folder / file_name
        path.write_bytes(data)
        paths.append(path)
    return paths




if __name__ == "__main__":  # python tests/plan_variants.py OUT_DIR: every variant as a file, to open by hand
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "plan-variants")
    out.mkdir(parents=True, exist_ok=True)
    for path in write_all(out):
        print(path)
