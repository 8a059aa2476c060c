"""The official 9-column Word plan built from the database, opened again with python-docx."""

import io
from datetime import date

import pytest
from docx import Document
from factory import YEAR

from kdcl.access import AccessDenied, Scope
from kdcl.data.plan_document import plan_document
from kdcl.reports.plan_docx import HEADERS, build_plan_docx, file_name


def test_plan_docx_has_header_summary_and_every_item(tiny_store):
    doc = plan_document(tiny_store, Scope.everything(), "S1", YEAR)
    document = Document(io.BytesIO(build_plan_docx(doc, today=date(2025, 6, 1))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "KẾ HOẠCH" in text and "Năm học 2024 - 2025" in text
    assert "Số lượng các tiêu chí đạt Mức 2: 16/28, tỉ lệ 57,14%" in text
    assert "Số lượng các tiêu chí đạt Mức 3: 0/20, tỉ lệ 0,00%" in text
    assert "Mức đánh giá của trường: Mức 1." in text
    header_cells = document.tables[0].rows[0].cells
    assert "TRƯỜNG THCS LÝ TỰ TRỌNG" in header_cells[0].text and "Độc lập - Tự do - Hạnh phúc" in header_cells[1].text
    plan = document.tables[1]
    assert [c.text for c in plan.rows[0].cells] == HEADERS
    assert plan.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # header repeats on every page
    rows = [[c.text for c in r.cells] for r in plan.rows[1:]]
    items = [r for r in rows if r[0].isdigit()]
    assert [r[1].split(":")[0] for r in items] == [
        "Tiêu chí 1.5", "Tiêu chí 2.3", "Tiêu chí 2.4", "Tiêu chí 3.2", "Tiêu chí 3.3", "Tiêu chí 4.2", "Tiêu chí 5.6"]
    by_code = {r[1].split(":")[0]: r for r in items}
    assert by_code["Tiêu chí 3.2"][6] == "60.000.000" and by_code["Tiêu chí 3.2"][5] == "Tháng 5/2025"
    assert "Sĩ số học sinh ở các lớp còn cao" in by_code["Tiêu chí 1.5"][2]
    assert any(r[1].startswith("Mức 2") for r in rows) and any(r[1].startswith("Tiêu chuẩn 3:") for r in rows)
    assert file_name("S1", YEAR, date(2025, 6, 1)) == "ke-hoach-cai-tien_S1_2024-2025_2025-06-01.docx"


def test_principal_cannot_export_another_school(tiny_store):
    with pytest.raises(AccessDenied):
        plan_document(tiny_store, Scope(school_id="S2", role="principal"), "S1", YEAR)
    with pytest.raises(AccessDenied):
        plan_document(tiny_store, Scope(unit_id="W2", role="office"), "S1", YEAR)


def test_school_without_plan_or_assessment(tiny_store):
    doc = plan_document(tiny_store, Scope.everything(), "S3", "2023-2024")
    document = Document(io.BytesIO(build_plan_docx(doc)))
    assert "Chưa có kết quả tự đánh giá" in "\n".join(p.text for p in document.paragraphs)
    assert "Chưa có mục kế hoạch" in document.tables[1].rows[-1].cells[1].text
