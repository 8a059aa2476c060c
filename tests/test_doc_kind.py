"""Documents that are not plans are recognised and never imported as plan items."""

import pytest
from fixtures_docx import SEED_SCHOOLS_CSV, SEEDS, table_counts
from plan_variants import REPORT_LINES, self_assessment_report

from kdcl.access import Scope
from kdcl.importing import Options, Upload, import_files
from kdcl.importing.doc_kind import classify

ADMIN = Scope.everything(user="test")


def test_classify_by_landmarks():
    assert classify(REPORT_LINES) == "self_assessment_report"
    assert classify(["KẾ HOẠCH", "Cải tiến chất lượng giáo dục năm học 2023-2024",
                     "1. Báo cáo tự đánh giá năm học 2022-2023 của trường", "I. KẾT QUẢ TỰ ĐÁNH GIÁ"]) == "plan"
    assert classify(["BÁO CÁO ĐÁNH GIÁ NGOÀI", "Trường Tiểu học Định Phước", "Đoàn đánh giá ngoài"]) == \
        "external_assessment_report"
    assert classify(["Biên bản họp tổ chuyên môn", "Thời gian: 14 giờ"]) == "unknown"
    # a plan citing the external report as a source is a plan
    assert classify(["KẾ HOẠCH", "Cải tiến chất lượng giáo dục năm học 2024-2025",
                     "Báo cáo đánh giá ngoài năm 2023 của Đoàn đánh giá ngoài Sở GDĐT", "BÁO CÁO ĐÁNH GIÁ NGOÀI"]) == "plan"
    # a single landmark (a plan quoting the report's verdict) does not make a report
    assert classify(["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC", "5. Tự đánh giá: Đạt Mức 2"]) == "plan"


@pytest.mark.parametrize("name, data", [
    ("bao-cao-tu-danh-gia.docx", self_assessment_report()),
    ("bao-cao-tu-danh-gia.txt", "\n".join(REPORT_LINES).encode()),
])
def test_a_self_assessment_report_is_not_imported_as_plan_items(tiny_store, name, data):
    import_files(tiny_store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
    before = table_counts(tiny_store)
    [result] = import_files(tiny_store, ADMIN, [Upload(name, data)], Options(school="MN_TM", year="2024-2025"))
    assert result.status == "rejected" and table_counts(tiny_store) == before
    [error] = result.errors
    assert error.message.startswith(f"Tệp «{name}»: Tệp này là báo cáo tự đánh giá, không phải kế hoạch cải tiến")


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_the_real_plans_are_plans(seed):
    import io

    from docx import Document

    doc = Document(io.BytesIO(SEEDS[seed]()))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert classify(texts) == "plan"
