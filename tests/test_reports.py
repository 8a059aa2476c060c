"""The presentation's slide model and its exports (pptx, pdf, xlsx), each opened again with its
own library and checked against the tiny database's hand-computed numbers (tests/factory.py):
as of 15/05/2025, 2024-2025: 3/3 schools reported, S1 Mức 1, S2 Mức 3, S3 chưa đạt Mức 1,
2 overdue items (S1, S2), budget 70.000.000 đ, S1 down from Mức 2 in 2023-2024."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date

import pytest
from factory import AS_OF, YEAR
from openpyxl import load_workbook
from pptx import Presentation
from pptx.util import Emu

from kdcl import charts
from kdcl.access import Scope
from kdcl.charts import BUCKET_COLORS, LEVEL_COLORS
from kdcl.data import Filters
from kdcl.reports import html_slides, pdf_report, pptx_deck, slides, xlsx_figures

FILTERS = Filters(school_year=YEAR, as_of=AS_OF)
TITLES = [
    "Kiểm định chất lượng giáo dục năm học 2024-2025",
    "Mức đạt theo loại trường",
    "Mức đạt theo đơn vị quản lý",
    "Mục kế hoạch quá hạn theo trường",
    "Điểm yếu chung của các trường",
    "Tiến bộ so với năm học trước",
]


@pytest.fixture
def deck(tiny_store):
    return slides.build_slides(tiny_store, Scope.everything(), FILTERS)


def figures(slide: slides.Slide) -> dict[str, str]:
    return {f.label: f.value for f in slide.figures}


def chart_values(slide: slides.Slide) -> dict[str, dict[str, float]]:
    spec = slide.chart
    return {s.name: dict(zip(spec.categories(), spec.values(s))) for s in spec.series}


# --------------------------------------------------------------------------- model


def test_slides_carry_the_hand_computed_numbers(deck):
    assert [s.key for s in deck] == ["key_figures", "levels_by_type", "levels_by_unit", "overdue", "weaknesses",
                                     "progress"]
    assert [s.title for s in deck] == TITLES
    key = figures(deck[0])
    assert key["Trường đã báo cáo"] == "3/3"
    assert key["Đạt Mức 2 trở lên"] == "1/3"
    assert key["Mục đã hoàn thành"] == "2/8"
    assert key["Mục quá hạn"] == "2"
    assert key["Kinh phí dự kiến"] == "70 triệu đ"
    assert "70.000.000 đ" in [f.note for f in deck[0].figures]
    assert chart_values(deck[0]) == {"Số trường": {"Chưa đạt Mức 1": 1, "Mức 1": 1, "Mức 2": 0, "Mức 3": 1}}
    # S1 (THCS) Mức 1, S2 (TH) Mức 3, S3 (MN) chưa đạt Mức 1
    by_type = chart_values(deck[1])
    assert by_type["Mức 1"] == {"Mầm non": 0, "Tiểu học": 0, "THCS": 1}
    assert by_type["Mức 3"] == {"Mầm non": 0, "Tiểu học": 1, "THCS": 0}
    assert by_type["Chưa đạt Mức 1"] == {"Mầm non": 1, "Tiểu học": 0, "THCS": 0}
    assert [s.color for s in deck[1].chart.series] == [LEVEL_COLORS[lvl] for lvl in (0, 1, 2, 3)]
    assert chart_values(deck[2])["Mức 3"] == {"Phường Một": 1, "Xã Hai": 0}
    overdue = chart_values(deck[3])["Mục quá hạn"]
    assert overdue == {"Trường THCS Lý Tự Trọng": 1, "Trường Tiểu học Kim Đồng": 1}
    assert deck[3].chart.series[0].point_colors == (BUCKET_COLORS["overdue"],) * 2
    weak = deck[4].table
    assert len(weak) == 8 and set(weak["Số trường"]) == {"1/1"}
    assert weak.iloc[0]["Tiêu chí"] == "1.1 (tiểu học)"  # one school, one overdue item: first
    progress = figures(deck[5])
    assert (progress["Lên mức"], progress["Giữ nguyên"], progress["Xuống mức"], progress["Chưa so sánh được"]) == (
        "0", "0", "1", "2")  # S1 went from Mức 2 to Mức 1; S2 and S3 have no 2023-2024 assessment
    years = chart_values(deck[5])
    assert years["Mức 2"] == {"Năm học 2023-2024": 1, "Năm học 2024-2025": 0}
    assert years["Chưa đánh giá"] == {"Năm học 2023-2024": 2, "Năm học 2024-2025": 0}


def test_every_slide_says_filters_dates_and_reported(deck):
    for slide in deck:
        footer = slide.context.footer()
        assert footer.startswith("Năm học 2024-2025 · Đơn vị quản lý: tất cả · Loại trường: tất cả")
        assert "tính đến 15/05/2025" in footer and "3/3 trường đã báo cáo" in footer
        assert "Dữ liệu cập nhật lần cuối: " in footer


def test_scope_and_filters_narrow_the_slides(tiny_store):
    principal = slides.build_slides(tiny_store, Scope(school_id="S1", role="principal", user="ht"), FILTERS)
    assert "levels_by_unit" not in [s.key for s in principal]  # one school, one unit
    # issue 17: the school's own deck (tests/test_school_deck.py), no "1/1 trường"
    assert principal[0].title == "Trường THCS Lý Tự Trọng" and "Trường đã báo cáo" not in figures(principal[0])
    unit = slides.build_slides(tiny_store, Scope.everything(), Filters(school_year=YEAR, as_of=AS_OF, unit_id="W2"))
    assert "Xã Hai" in unit[0].context.line() and figures(unit[0])["Mục quá hạn"] == "0"
    overdue = next(s for s in unit if s.key == "overdue")
    assert overdue.chart is None and "Không có mục nào quá hạn" in overdue.note


def test_file_names_say_what_and_when():
    filters = Filters(school_year=YEAR, as_of=date(2025, 6, 1))
    assert slides.file_name(filters, "pptx") == "bao-cao-hdnd_2024-2025_2025-06-01.pptx"
    assert slides.file_name(filters, "pdf") == "bao-cao-hdnd_2024-2025_2025-06-01.pdf"


def test_overdue_slide_keeps_ten_schools_and_groups_the_rest(deck):
    import pandas as pd

    report_schools = pd.DataFrame({
        "school_id": [f"X{i:02d}" for i in range(13)],
        "name": [f"Trường {i:02d}" for i in range(13)],
        "unit_name": "Phường Một",
        "overdue_items": [13 - i for i in range(13)],
        "open_items": 20,
    })
    report = slides.ReportData(FILTERS, report_schools, {"overdue_items": 91, "at_risk_items": 0, "open_items": 260,
                                                          "done_items": 0, "plan_items": 260, "done_late_items": 0},
                               report_schools, None, None, None)
    slide = slides._overdue(report, deck[0].context)
    values = chart_values(slide)["Mục quá hạn"]
    assert list(values)[:2] == ["Trường 00", "Trường 01"] and len(values) == 11
    assert values["3 trường khác"] == 3 + 2 + 1


def test_slide_chart_is_a_plotly_figure_with_the_level_colours(deck):
    fig = charts.slide_chart(deck[1].chart)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [b.name for b in bars] == ["Chưa đạt Mức 1", "Mức 1", "Mức 2", "Mức 3"]
    assert [b.marker.color for b in bars] == [LEVEL_COLORS[lvl] for lvl in (0, 1, 2, 3)]
    assert fig.layout.barmode == "stack" and fig.layout.yaxis.autorange == "reversed"


# --------------------------------------------------------------------------- pptx


def pptx_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def pptx_charts(slide) -> list:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def test_pptx_has_every_slide_with_native_charts_and_a_footer(deck):
    prs = Presentation(io.BytesIO(pptx_deck.build_pptx(deck)))
    assert (Emu(prs.slide_width).inches, Emu(prs.slide_height).inches) == pytest.approx((13.333, 7.5), abs=0.01)
    assert len(prs.slides) == len(deck) == 6
    texts = [pptx_text(s) for s in prs.slides]
    for number, (text, title) in enumerate(zip(texts, TITLES), start=1):
        assert text.startswith(title)
        assert "tính đến 15/05/2025 · 3/3 trường đã báo cáo · Dữ liệu cập nhật lần cuối" in text
        assert f"{number}/6" in text
    assert "3/3" in texts[0] and "70.000.000 đ" in texts[0] and "Đạt Mức 2 trở lên" in texts[0]
    assert "Trường THCS Lý Tự Trọng" in texts[3] and "Phương hướng, chiến lược xây dựng" in texts[4]

    levels = pptx_charts(prs.slides[0])[0]
    assert list(levels.plots[0].categories) == ["Chưa đạt Mức 1", "Mức 1", "Mức 2", "Mức 3"]
    series = levels.plots[0].series[0]
    assert series.values == (1.0, 1.0, 0.0, 1.0)
    point_colors = [str(series.points[i].format.fill.fore_color.rgb) for i in range(4)]
    assert point_colors == [LEVEL_COLORS[lvl].lstrip("#").upper() for lvl in (0, 1, 2, 3)]

    by_type = pptx_charts(prs.slides[1])[0]
    assert list(by_type.plots[0].categories) == ["Mầm non", "Tiểu học", "THCS"]
    values = {s.name: s.values for s in by_type.plots[0].series}
    assert values["Chưa đạt Mức 1"] == (1.0, 0.0, 0.0) and values["Mức 1"] == (0.0, 0.0, 1.0)
    assert values["Mức 3"] == (0.0, 1.0, 0.0)
    fills = {s.name: str(s.format.fill.fore_color.rgb) for s in by_type.plots[0].series}
    assert fills["Mức 3"] == LEVEL_COLORS[3].lstrip("#").upper()

    overdue = pptx_charts(prs.slides[3])[0].plots[0].series[0]
    assert overdue.values == (1.0, 1.0)
    assert str(overdue.points[0].format.fill.fore_color.rgb) == BUCKET_COLORS["overdue"].lstrip("#").upper()


# --------------------------------------------------------------------------- pdf

needs_chromium = pytest.mark.skipif(
    not any(shutil.which(c) for c in ("/usr/bin/chromium", "chromium", "google-chrome")),
    reason="Chromium is not installed",
)


@needs_chromium
def test_pdf_has_one_a4_landscape_page_per_slide_with_vietnamese_text(deck, tmp_path):
    from pypdf import PdfReader

    content = pdf_report.build_pdf(deck)
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == len(deck)
    for number, (page, title) in enumerate(zip(reader.pages, TITLES), start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx((842, 595), abs=2)  # A4 landscape, in points
        text = " ".join(page.extract_text().split())
        assert title in text
        assert "3/3 trường đã báo cáo" in text and f"{number}/6" in text  # the footer made it onto the page
    first = " ".join(reader.pages[0].extract_text().split())
    assert "70.000.000 đ" in first and "Chưa đạt Mức 1" in first
    # the pages as pictures (poppler-utils), when available
    if shutil.which("pdftoppm"):
        pdf = tmp_path / "slides.pdf"
        pdf.write_bytes(content)
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
        assert len(list(tmp_path.glob("page-*.png"))) == len(deck)


def test_pdf_without_chromium_says_what_to_install(deck, monkeypatch):
    monkeypatch.setenv("KDCL_CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(pdf_report, "DEFAULT_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(pdf_report.PdfError, match="Không tìm thấy trình duyệt Chromium"):
        pdf_report.build_pdf(deck)


def test_html_document_is_self_contained_and_escaped(deck):
    deck[3].table.iloc[0, 0] = "<script>alert(1)</script>"
    doc = html_slides.document(deck)
    assert doc.count('<section class="kdcl-slide"') == 6
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc and "<script>alert(1)" not in doc
    assert not re.search(r"<(script|link|img)[^>]*(src|href)=", doc)  # nothing fetched: plotly.js inlined
    assert doc.count("Plotly.newPlot") == 6 and len(doc) < 6_000_000  # the library once, not per chart
    assert doc.count("@page { size: A4 landscape") == 1


# --------------------------------------------------------------------------- xlsx


def test_xlsx_has_a_sheet_per_slide_with_context_and_numbers(deck):
    wb = load_workbook(io.BytesIO(xlsx_figures.build_xlsx(deck)))
    assert wb.sheetnames == ["1. Số liệu chính", "2. Mức đạt theo loại trường", "3. Mức đạt theo đơn vị",
                             "4. Quá hạn theo trường", "5. Điểm yếu chung", "6. Tiến bộ so với năm trước"]
    for ws, title in zip(wb.worksheets, TITLES):
        assert ws["A1"].value == title
        context = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(4, 10)}
        assert context["Năm học"] == "2024-2025" and context["Tính đến ngày"] == "15/05/2025"
        assert context["Số trường đã báo cáo"] == "3/3 trường" and context["Đơn vị quản lý"] == "tất cả"
        assert context["Dữ liệu cập nhật lần cuối"] not in (None, "–")
    rows = [tuple(r) for r in wb["1. Số liệu chính"].iter_rows(values_only=True)]
    assert ("Mục quá hạn", 2, "ở 2 trường") in rows
    assert ("Kinh phí dự kiến", "70 triệu đ", "70.000.000 đ") in rows
    assert ("Mức 3", 1, None) in rows  # the chart's data: numbers
    by_type = [tuple(r[:5]) for r in wb["2. Mức đạt theo loại trường"].iter_rows(values_only=True)]
    assert ("THCS", 0, 1, 0, 0) in by_type
    change = [c for row in wb["6. Tiến bộ so với năm trước"].iter_rows() for c in row if c.value in ("+1", "-1")]
    assert change and all(c.data_type == "s" and c.quotePrefix for c in change)


def test_xlsx_never_writes_a_formula(tiny_store):
    with tiny_store.cursor() as cur:  # a school name that a spreadsheet would run
        cur.execute("update school set name = '=HYPERLINK(\"http://x.invalid\",\"bấm\")' where school_id = 'S2'")
    deck = slides.build_slides(tiny_store, Scope.everything(), FILTERS)
    deck[4].table.iloc[0, 1] = "@SUM(A1:A2)"
    deck[4].table.iloc[1, 1] = "+84 912 345 678"
    wb = load_workbook(io.BytesIO(xlsx_figures.build_xlsx(deck)))
    cells = {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in ('=HYPERLINK("http://x.invalid","bấm")', "@SUM(A1:A2)", "+84 912 345 678"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert not [c for c in cells.values() if c.data_type == "f"]


def test_context_line_writes_large_counts_the_vietnamese_way():
    """A national deck says 45.000/45.000 schools reported, as the pages do (not 45000/45000)."""
    from kdcl.reports.slides import ReportContext

    context = ReportContext(school_year=YEAR, unit="Đơn vị quản lý: tất cả", school_type="Loại trường: tất cả",
                            as_of=AS_OF, data_date=None, reported=44_875, total=45_000)
    assert "44.875/45.000 trường đã báo cáo" in context.line()
