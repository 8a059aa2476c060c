"""A school's improvement plan as a Word document in the official 9-column layout
(TT | Tiêu chuẩn, tiêu chí | Kết quả cần đạt | Công việc/giải pháp | Chủ trì và phối hợp |
Thời gian | Dự kiến kinh phí | Điều kiện hỗ trợ khác | Ghi chú), with the school's header,
the self-assessment summary block and a signature block, A4 landscape, ready to sign.
"""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kdcl import rules
from kdcl.data.plan_document import PlanDocument
from kdcl.text import drop_controls

HEADERS = [
    "TT",
    "Tiêu chuẩn, tiêu chí",
    "Kết quả cần đạt (so với hiện trạng)",
    "Công việc/giải pháp cần thực hiện",
    "Chủ trì và phối hợp thực hiện",
    "Thời gian thực hiện và hoàn thành",
    "Dự kiến kinh phí",
    "Điều kiện hỗ trợ khác",
    "Ghi chú",
]
WIDTHS_CM = [1.0, 4.0, 4.6, 5.6, 3.2, 2.6, 2.4, 2.4, 1.9]


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _paragraph(container, text: str, *, bold: bool = False, size: float = 13, align=None, italic: bool = False):
    para = container.add_paragraph()
    run = para.add_run(drop_controls(text))  # control characters are not XML: Word would refuse the file
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    if align is not None:
        para.alignment = align
    para.paragraph_format.space_after = Pt(2)
    return para


def _cell(cell, text: str, *, bold: bool = False, align=None, size: float = 11) -> None:
    cell.text = ""
    text = drop_controls(text)  # control characters are not XML: Word would refuse the file
    lines = text.split("\n") if text else [""]
    for i, line in enumerate(lines):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = para.add_run(line)
        run.bold, run.font.size = bold, Pt(size)
        if align is not None:
            para.alignment = align


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _group_row(table, text: str) -> None:
    row = table.add_row()
    merged = row.cells[1].merge(row.cells[-1])
    _cell(row.cells[0], "")
    _cell(merged, text, bold=True)


def summary_lines(profile: dict | None, level: int | None) -> list[str]:
    if profile is None:
        return ["Chưa có kết quả tự đánh giá của năm học này trong cơ sở dữ liệu."]
    lines = []
    for line in rules.summary_counts(profile):
        lines.append(
            f"- Số lượng các tiêu chí đạt Mức {line.level}: {line.reached}/{line.denominator}, "
            f"tỉ lệ {rules.format_percent(line.share)}"
        )
        missing = line.denominator - line.reached
        lines.append(
            f"- Số lượng các tiêu chí không đạt Mức {line.level}: {missing}/{line.denominator}, "
            f"tỉ lệ {rules.format_percent(None if line.denominator == 0 else missing / line.denominator)}"
        )
    label = "Chưa xác định (chưa đánh giá đủ các tiêu chí)" if level is None else (
        "Chưa đạt Mức 1" if level == 0 else f"Mức {level}")
    lines.append(f"- Mức đánh giá của trường: {label}.")
    return lines


def build_plan_docx(doc: PlanDocument, today: date | None = None) -> bytes:
    today = today or date.today()
    school = doc.school
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
    section.top_margin = section.bottom_margin = Cm(1.5)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    head = document.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    _cell(left, (school.get("unit_name") or "").upper(), align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
    left.add_paragraph().add_run(drop_controls(school["name"]).upper()).bold = True
    left.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _cell(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
    motto = right.add_paragraph()
    motto.add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    date_line = right.add_paragraph()
    date_line.add_run(f"ngày {today.day:02d} tháng {today.month:02d} năm {today.year}").italic = True
    date_line.alignment = WD_ALIGN_PARAGRAPH.CENTER

    _paragraph(document, "")
    _paragraph(document, "KẾ HOẠCH", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, f"Năm học {doc.school_year.replace('-', ' - ')}", bold=True,
               align=WD_ALIGN_PARAGRAPH.CENTER)

    _paragraph(document, "I. KẾT QUẢ TỰ ĐÁNH GIÁ", bold=True)
    _paragraph(document, f"Căn cứ Thông tư số {school.get('circular', '')} của Bộ Giáo dục và Đào tạo:")
    for line in summary_lines(doc.profile, doc.overall_level):
        _paragraph(document, line)

    _paragraph(document, "II. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC", bold=True)
    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, HEADERS):
        _cell(cell, header, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_header(table.rows[0])

    number = 0
    current_level, current_standard = object(), None
    for item in doc.items.itertuples(index=False):
        level = None if pd.isna(item.target_level) else int(item.target_level)
        if level != current_level:
            _group_row(table, f"Mức {level}" if level else "Mức mục tiêu chưa ghi")
            current_level, current_standard = level, None
        if item.standard_no != current_standard:
            _group_row(table, f"Tiêu chuẩn {item.standard_no}: {item.standard_name}")
            current_standard = item.standard_no
        number += 1
        budget = rules.format_number(item.budget_vnd) if not pd.isna(item.budget_vnd) else _text(item.budget_text)
        result = _text(item.target_result)
        if _text(item.weakness):
            result = f"Hiện trạng: {_text(item.weakness)}" + (f"\nCần đạt: {result}" if result else "")
        lead = _text(item.lead) + (f"\nPhối hợp: {_text(item.support)}" if _text(item.support) else "")
        values = [
            str(number),
            f"Tiêu chí {item.criterion_code}: {item.criterion_name}",
            result,
            _text(item.measures),
            lead,
            _text(item.time_text),
            budget,
            _text(item.other_support),
            _text(item.note),
        ]
        row = table.add_row()
        for cell, value in zip(row.cells, values):
            _cell(cell, value)
    for row in table.rows:
        for cell, width in zip(row.cells, WIDTHS_CM):
            cell.width = Cm(width)
    if doc.items.empty:
        _group_row(table, "Chưa có mục kế hoạch nào cho năm học này.")

    _paragraph(document, "")
    sign = document.add_table(rows=1, cols=2)
    receivers, principal = sign.rows[0].cells
    _cell(receivers, "Nơi nhận:", bold=True, size=11)
    receivers.add_paragraph("- Cơ quan quản lý (để b/c);").runs[0].font.size = Pt(11)
    receivers.add_paragraph("- Lưu: VT.").runs[0].font.size = Pt(11)
    _cell(principal, "HIỆU TRƯỞNG", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    hint = principal.add_paragraph()
    hint.add_run("(Ký, ghi rõ họ tên và đóng dấu)").italic = True
    hint.alignment = WD_ALIGN_PARAGRAPH.CENTER

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def file_name(school_id: str, school_year: str, today: date) -> str:
    return f"ke-hoach-cai-tien_{school_id}_{school_year}_{today.isoformat()}.docx"
