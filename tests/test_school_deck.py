"""Issue 17: a principal's deck is about the school, for the school council (hội đồng trường),
checked against the tiny database's hand-computed numbers (tests/factory.py). S1 on 15/05/2025:
Mức 1 (28/28, 16/28 = 57,14%, 0/20), 12 criteria keep it from Mức 2, 5 of them without an item;
7 items (1 overdue: 1.5, lead "Hiệu trưởng", 45 days late; 1 at risk; 2 done; 1 dropped);
2023-2024 every criterion at Mức 2, so 12 criteria went down and the school went Mức 2 -> Mức 1."""

from __future__ import annotations

import io
import shutil

import pytest
from factory import AS_OF, YEAR
from openpyxl import load_workbook
from pptx import Presentation
from test_reports import pptx_charts, pptx_text

from kdcl.access import Scope
from kdcl.data import Filters
from kdcl.reports import html_slides, pdf_report, pptx_deck, slides, xlsx_figures

FILTERS = Filters(school_year=YEAR, as_of=AS_OF)
PRINCIPAL = Scope(school_id="S1", role="principal", user="ht")
SCHOOL = "Trường THCS Lý Tự Trọng"
TITLES = [SCHOOL, "Các tiêu chí cần nâng mức", "Tiến độ kế hoạch cải tiến năm học 2024-2025",
          "Mục quá hạn theo người phụ trách", "Thay đổi so với năm học trước"]
CATALOG_WEAK = ["1.5", "1.6", "1.8", "2.3", "2.4", "3.2", "3.3", "3.5", "3.6", "4.2", "5.2", "5.6"]  # seed 002
OFFICE_WORDS = ("Đơn vị quản lý", "trường đã báo cáo", "Loại trường")


@pytest.fixture
def deck(tiny_store):
    return slides.build_slides(tiny_store, PRINCIPAL, FILTERS)


def figures(slide: slides.Slide) -> dict[str, str]:
    return {f.label: f.value for f in slide.figures}


def test_the_deck_is_the_school(deck, tiny_store):
    assert [s.title for s in deck] == TITLES
    assert slides.build_deck(tiny_store, PRINCIPAL, FILTERS).slides[0].title == SCHOOL
    for slide in deck:
        footer = slide.context.footer()
        assert footer.startswith(f"{SCHOOL} · năm học 2024-2025 · tính đến 15/05/2025")
        assert not any(word in footer for word in OFFICE_WORDS)


def test_level_slide_has_the_official_summary(deck):
    level = deck[0]
    assert figures(level) == {"Mức đạt của trường": "Mức 1", "Đạt Mức 1": "28/28", "Đạt Mức 2": "16/28",
                              "Đạt Mức 3": "0/20"}
    assert [f.note for f in level.figures][1:] == ["100,00%", "57,14%", "0,00%"]
    assert "hội đồng trường" in level.subtitle and "cần nâng 12 tiêu chí" in level.subtitle


def test_criteria_plan_and_overdue_slides(deck):
    criteria, plan, overdue = deck[1], deck[2], deck[3]
    assert "12 tiêu chí" in criteria.subtitle and "5 tiêu chí trong số đó chưa có mục" in criteria.subtitle
    assert criteria.table["Tiêu chí"].tolist() == CATALOG_WEAK
    assert criteria.table.set_index("Tiêu chí").loc["1.5", "Số mục"] == 1
    assert figures(plan) == {"Mục đã hoàn thành": "2/7", "Mục quá hạn": "1", "Sắp đến hạn": "1",
                             "Kinh phí dự kiến": "70 triệu đ"}
    states = dict(zip(plan.table["Tình trạng"], plan.table["Số mục"]))
    assert states == {"Quá hạn": 1, "Sắp đến hạn": 1, "Đang thực hiện": 1, "Chưa thực hiện": 1,
                      "Đã hoàn thành": 2, "Không thực hiện": 1}
    assert overdue.table.to_dict("records") == [
        {"Người phụ trách": "Hiệu trưởng", "Tiêu chí": "1.5", "Biện pháp": "Tham mưu phân tuyến",
         "Số ngày quá hạn": 45}]
    assert overdue.chart.categories() == ["Hiệu trưởng"]


def test_change_slide_compares_with_last_year(deck):
    change = deck[4]
    assert figures(change) == {"Mức đạt của trường": "Mức 2 → Mức 1", "Tiêu chí lên mức": "0",
                               "Giữ nguyên": "16", "Tiêu chí xuống mức": "12"}
    assert change.table["Tiêu chí"].tolist() == CATALOG_WEAK  # the 12 that went down, all shown
    assert change.chart.categories() == ["Năm học 2023-2024", "Năm học 2024-2025"]


def test_file_names_say_school_council():
    assert slides.file_name(FILTERS, "pptx", PRINCIPAL) == "bao-cao-hoi-dong-truong_S1_2024-2025_2025-05-15.pptx"
    assert slides.file_name(FILTERS, "pptx", Scope.everything()) == "bao-cao-hdnd_2024-2025_2025-05-15.pptx"


def test_pptx_and_xlsx_are_about_the_school(deck):
    prs = Presentation(io.BytesIO(pptx_deck.build_pptx(deck)))
    texts = [pptx_text(s) for s in prs.slides]
    assert len(texts) == 5
    for number, (text, title) in enumerate(zip(texts, TITLES), start=1):
        assert text.startswith(title) and f"{number}/5" in text
        assert not any(word in text for word in OFFICE_WORDS)
    assert "16/28" in texts[0] and "57,14%" in texts[0]
    assert list(pptx_charts(prs.slides[3])[0].plots[0].categories) == ["Hiệu trưởng"]
    wb = load_workbook(io.BytesIO(xlsx_figures.build_xlsx(deck)))
    ws = wb.worksheets[0]
    context = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(4, 10)}
    assert context["Trường"] == SCHOOL and context["Năm học"] == "2024-2025"
    assert "Đơn vị quản lý" not in context


@pytest.mark.skipif(not shutil.which("/usr/bin/chromium") and not shutil.which("chromium"),
                    reason="Chromium is not installed")
def test_pdf_is_about_the_school(deck):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_report.build_pdf(deck)))
    assert len(reader.pages) == 5
    first = " ".join(reader.pages[0].extract_text().split())
    assert SCHOOL in first and "57,14%" in first and "Đơn vị quản lý" not in first
    assert "hội đồng trường" in html_slides.document(deck)


def test_a_principal_item_export_names_the_school_without_office_lines(tiny_store):
    from datetime import datetime

    from kdcl.data import plan_items as pi

    query = pi.ItemQuery(bucket="open")
    export = pi.items_for_export(tiny_store, PRINCIPAL, FILTERS, query)
    summary = pi.overdue_summary(tiny_store, PRINCIPAL, FILTERS)
    context = pi.export_context(FILTERS, query, {"school": SCHOOL}, summary, export, "ht",
                                datetime(2025, 5, 15, 9, 30), one_school=True)
    lines = dict(context.lines)
    assert lines["Trường"] == SCHOOL and lines["Số mục"] == "4 mục"
    assert not {"Đơn vị quản lý", "Loại trường", "Số trường đã báo cáo"} & set(lines)
