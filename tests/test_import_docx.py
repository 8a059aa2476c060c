"""Importing the real plans (tests/seeds) as Word files built by tests/fixtures_docx.py, and as text."""

import io
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from fixtures_docx import SEED_SCHOOLS_CSV, SEEDS, table_counts

from kdcl.access import Scope
from kdcl.importing import Options, Upload, import_files

SEED_DIR = Path(__file__).resolve().parent / "seeds"
ADMIN = Scope.everything(user="test")


@pytest.fixture
def store(tiny_store):
    """The tiny database plus the schools the seeds name (added through the schools template)."""
    [result] = import_files(tiny_store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
    assert result.status == "imported", [e.message for e in result.errors]
    return tiny_store


def run(store, name, data, **options):
    [result] = import_files(store, ADMIN, [Upload(name, data)], Options(**options))
    return result


def items_of(store, school_id, school_year):
    with store.cursor() as cur:
        frame = cur.execute(
            "select i.*, p.school_year as plan_year, p.end_school_year, p.source_name from plan_item as i "
            "join plan as p using (plan_id) where i.school_id = ? and p.school_year = ? order by i.position",
            [school_id, school_year]).df()
    return frame.set_index("criterion_code", drop=False)


def d(value):
    return None if pd.isna(value) else value.date() if hasattr(value, "date") else value


# --------------------------------------------------------------------------- the five layouts


def test_seed_003_nine_columns_with_html_repeated_headers_and_split_rows(store):
    result = run(store, "ke-hoach-truc-my.docx", SEEDS["003"]())
    assert result.status == "imported", [e.message for e in result.errors]
    assert (result.kind, result.rows, result.layout) == ("plan", 5, "table9")
    items = items_of(store, "MN_TM", "2025-2026")  # school and year read from the document
    assert items["criterion_code"].tolist() == ["1.4", "1.10", "2.2", "3.3", "5.2"]
    assert items["target_level"].tolist() == [2, 2, 2, 2, 2]
    i14, i110, i33 = items.loc["1.4"], items.loc["1.10"], items.loc["3.3"]
    assert (i14["lead"], d(i14["due_date"]), d(i14["start_date"])) == ("BGH-TTCM", date(2026, 1, 31), date(2026, 1, 1))
    assert i14["time_text"] == "Tháng 1/2026"
    # the row split by the page break is one item again, without the <p> tags
    assert "chăm sóc nuôi dưỡng và giáo dục trẻ. Chỉ đạo phó hiệu trưởng" in i14["measures"]
    assert "<p>" not in i14["measures"] and "<" not in items.loc["2.2"]["measures"]
    assert (i110["budget_vnd"], i110["budget_text"], d(i110["due_date"])) == (10_000_000, "10.000.000",
                                                                              date(2026, 5, 31))
    assert "nâng cao hiệu quả chất lượng cuộc sống" in i110["measures"]
    assert (i33["budget_vnd"], d(i33["due_date"]), i33["lead"]) == (60_000_000, date(2025, 11, 30),
                                                                    "Lãnh đạo, Cha mẹ trẻ")
    assert d(items.loc["2.2"]["due_date"]) == date(2025, 11, 30)
    assert "Đền Triệu Quang Phục" in items.loc["5.2"]["weakness"]  # "Kết quả cần đạt" states a shortfall
    assert d(items.loc["5.2"]["due_date"]) == date(2026, 5, 31)
    assert set(items["status"]) == {"not_started"}
    with store.cursor() as cur:
        log = cur.execute("select action, changed_by from plan_item_log where school_id = 'MN_TM'").fetchall()
    assert log == [("create", "test")] * 5


def test_seed_002_five_columns_bare_codes_same_as_above_and_nfd(store):
    result = run(store, "ke-hoach-ly-tu-trong.docx", SEEDS["002"]())
    assert result.status == "imported", [e.message for e in result.errors]
    assert result.layout == "table5"
    items = items_of(store, "S1", "2023-2024")  # Trường THCS Lý Tự Trọng, năm học 2023-2024, from the text
    assert items["criterion_code"].tolist() == ["1.5", "1.8", "2.3", "2.4", "3.2", "3.3", "4.2", "5.6"]
    # empty "Phân công" cells mean "same as above"
    assert set(items["lead"]) == {"Hiệu trưởng"} and set(items["support"]) == {"Phó hiệu trưởng, học vụ"}
    assert items.loc["1.8"]["weakness"] == "02 giáo viên chưa đạt trình độ Đại học."  # no [bookmark: _GoBack]
    # decomposed (NFD) text is stored composed (NFC)
    for text in items["weakness"].tolist() + items["measures"].tolist():
        assert text == unicodedata.normalize("NFC", text)
    assert "Trường chưa có nhân viên biên chế" in items.loc["2.3"]["weakness"]
    assert items["target_level"].isna().all() and items["due_date"].isna().all()
    messages = " ".join(w.message for w in result.warnings)
    assert "không ghi mức mục tiêu" in messages and "không ghi thời gian" in messages


def test_seed_001_narrative_five_year_plan(store):
    result = run(store, "ke-hoach-nguyen-thai-binh.docx", SEEDS["001"]())
    assert result.status == "imported", [e.message for e in result.errors]
    assert (result.layout, result.rows) == ("narrative", 27)
    items = items_of(store, "TH_NTB", "2024-2025")
    assert len(items) == 27
    assert (items["plan_year"].iloc[0], items["end_school_year"].iloc[0]) == ("2024-2025", "2028-2029")
    i14 = items.loc["1.4"]
    assert (i14["target_level"], d(i14["start_date"]), d(i14["due_date"])) == (3, date(2024, 9, 1), date(2029, 5, 31))
    assert i14["lead"] == "Hiệu trưởng" and i14["support"] == "Các phó hiệu trưởng"
    assert i14["target_result"].startswith("Hoạt động của tổ chuyên môn, tổ văn phòng") and "(Mức" not in \
        i14["target_result"]
    assert i14["weakness"].startswith("Nội dung trong buổi sinh hoạt chuyên môn")
    assert items.loc["1.8"]["target_level"] == 1 and items.loc["5.5"]["target_level"] == 3
    assert pd.isna(items.loc["1.10"]["target_result"])  # "Mục tiêu cần đạt: Mức 2" has no text
    assert pd.isna(items.loc["2.1"]["support"])  # "/" means nothing
    assert "Phó hiệu trưởng và tổ chuyên môn tiếp tục" in items.loc["5.2"]["measures"]  # two paragraphs
    assert (items["time_text"] == "Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029").all()


def test_seed_000_needs_the_school_from_the_user(store):
    before = table_counts(store)
    missing = run(store, "ke-hoach.docx", SEEDS["000"]())
    assert missing.status == "rejected" and table_counts(store) == before
    assert "Tệp «ke-hoach.docx»: Tệp không ghi tên trường" in missing.errors[0].message
    result = run(store, "ke-hoach.docx", SEEDS["000"](), school="Trường THCS Tân Bình")  # by name
    assert result.status == "imported", [e.message for e in result.errors]
    [item] = items_of(store, "THCS_TB", "2024-2025").to_dict("records")
    assert (item["criterion_code"], item["target_level"]) == ("4.2", 3)
    assert item["time_text"] == "Tháng 9/2024 đến tháng 5/2025"
    assert (d(item["start_date"]), d(item["due_date"])) == (date(2024, 9, 1), date(2025, 5, 31))
    assert pd.isna(item["budget_vnd"])
    assert item["budget_text"].startswith("Đóng góp, tham gia tự nguyện")
    assert "với cách mạng ở địa phương" in item["measures"]  # the table continued on the next page
    assert any("không phải số tiền" in w.message for w in result.warnings)


def test_seed_004_eight_columns_other_support_and_a_continuation_table(store):
    result = run(store, "ke-hoach-dinh-phuoc.docx", SEEDS["004"]())
    assert result.status == "imported", [e.message for e in result.errors]
    items = items_of(store, "TH_DP", "2022-2023")
    assert items["criterion_code"].tolist() == ["1.1", "1.2", "1.3", "1.4", "1.6", "1.7", "1.9", "2.1"]
    assert items.loc["1.1"]["other_support"] == "Thực hiện thường xuyên sau mỗi hoạt động"
    assert items.loc["1.4"]["other_support"] == "Thực hiện thường xuyên"
    assert items.loc["1.2"]["other_support"] == "Các văn bản hướng dẫn về công tác thi đua"
    assert d(items.loc["1.1"]["due_date"]) == date(2023, 5, 31)  # "... đến hết năm học 2022 - 2023"
    assert d(items.loc["2.1"]["due_date"]) == date(2022, 12, 31)
    assert items.loc["2.1"]["measures"].endswith("Bổ nhiệm chức danh phó hiệu trưởng")
    assert items.loc["1.3"]["target_result"].startswith("Nâng cao chất lượng hoạt động Đội Thiếu niên")
    assert items.loc["1.1"]["lead"] == "Hiệu trưởng và Ban Quản trị website"
    assert not items["ongoing"].any()


# --------------------------------------------------------------------------- text files


@pytest.mark.parametrize("seed, school, year, count, layout", [
    ("001_2934c5f45035ef22.txt", "TH_NTB", "2024-2025", 27, "narrative"),
    ("002_a8598f763558692a.txt", "S1", "2023-2024", 8, "text5"),
    ("003_792ff084b704b8c3.txt", "MN_TM", "2025-2026", 5, "text9"),
])
def test_plain_text_plans(store, seed, school, year, count, layout):
    result = run(store, seed, (SEED_DIR / seed).read_bytes())
    assert result.status == "imported", [e.message for e in result.errors]
    assert (result.layout, result.rows) == (layout, count)
    items = items_of(store, school, year)
    assert len(items) == count
    if seed.startswith("001"):
        assert (items.loc["1.4"]["target_level"], d(items.loc["1.4"]["due_date"])) == (3, date(2029, 5, 31))
    if seed.startswith("003"):
        assert (items.loc["3.3"]["budget_vnd"], d(items.loc["3.3"]["due_date"])) == (60_000_000, date(2025, 11, 30))


def test_text_of_a_pdf_table_is_refused_with_a_clear_message(store):
    before = table_counts(store)
    result = run(store, "000.txt", (SEED_DIR / "000_8f1fd5e644d475cb.txt").read_bytes(), school="THCS_TB")
    assert result.status == "rejected" and table_counts(store) == before
    assert "Không tìm thấy mục kế hoạch nào" in result.errors[0].message


# --------------------------------------------------------------------------- duplicates and new versions


def test_same_file_twice_is_a_duplicate(store):
    data = SEEDS["003"]()
    assert run(store, "a.docx", data).status == "imported"
    before = table_counts(store)
    again = run(store, "renamed.docx", data)
    assert again.status == "duplicate" and table_counts(store) == before
    assert "đã được nhập" in again.summary


def test_a_new_version_needs_replace_and_keeps_history(store):
    assert run(store, "v1.docx", SEEDS["003"]()).status == "imported"
    plan_id = int(items_of(store, "MN_TM", "2025-2026")["plan_id"].iloc[0])
    old_ids = set(items_of(store, "MN_TM", "2025-2026")["item_id"])
    doc = Document(io.BytesIO(SEEDS["003"]()))
    table = doc.tables[0]
    table.rows[3].cells[5].text = "Tháng 3/2026"  # 1.4 now due in March
    out = io.BytesIO()
    doc.save(out)
    before = table_counts(store)
    refused = run(store, "v2.docx", out.getvalue())
    assert refused.status == "rejected" and table_counts(store) == before
    assert "đã có kế hoạch" in refused.errors[0].message and "Thay thế kế hoạch đã có" in refused.errors[0].message
    assert "5 mục, từ «v1.docx»" in refused.errors[0].message  # the plan it would replace, and its file
    replaced = run(store, "v2.docx", out.getvalue(), replace=True)
    assert replaced.status == "imported", [e.message for e in replaced.errors]
    items = items_of(store, "MN_TM", "2025-2026")
    assert len(items) == 5 and int(items["plan_id"].iloc[0]) == plan_id  # same plan, new version
    assert d(items.loc["1.4"]["due_date"]) == date(2026, 3, 31)
    assert set(items["item_id"]) == old_ids  # issue 16: a new version keeps its items (ids, progress, history)
    item_14 = int(items.loc["1.4"]["item_id"])
    with store.cursor() as cur:
        logged = cur.execute("select item_id, action, field, new_value from plan_item_log where action <> 'create' "
                             "order by field").fetchall()
        source = cur.execute("select source_name, superseded_by from plan where plan_id = ?", [plan_id]).fetchone()
    assert logged == [(item_14, "update", "due_date", "2026-03-31"), (item_14, "update", "start_date", "2026-03-01"),
                      (item_14, "update", "time_text", "Tháng 3/2026")]  # only what the new version changed
    assert source == ("v2.docx", None)
    assert table_counts(store)["plan"] == before["plan"]


def test_a_plan_entered_without_a_file_is_named_as_such(tiny_store):
    """A stored plan that came from no file (typed in, or the demo) is described as "không có tệp gốc"."""
    with tiny_store.cursor() as cur:  # test set-up: S1's plan moved to the year of seed 002, beside a 5-year plan
        cur.execute("update plan set school_year = '2023-2024', end_school_year = '2023-2024' where plan_id = 1")
        cur.execute("insert into plan (plan_id, school_id, school_year, end_school_year, title, source_name) "
                    "values (99, 'S1', '2022-2023', '2026-2027', 'Kế hoạch 5 năm', 'ke-hoach-5-nam.docx')")
    refused = run(tiny_store, "ke-hoach.docx", SEEDS["002"]())
    assert refused.status == "rejected"
    message = refused.errors[0].message
    assert "năm học 2023-2024, 7 mục, từ «không có tệp gốc»" in message, message
    assert "năm học 2022-2023 – 2026-2027, 0 mục, từ «ke-hoach-5-nam.docx»" in message, message


def test_replace_removes_every_overlapping_plan(store):
    """Two one-year plans, then the five-year plan of the same school with replace: one plan is left
    (the plan of 2024-2025 takes the new version, the other is emptied, marked and deleted); the items
    of both, 1.1 and 1.2, are the five-year plan's 1.1 and 1.2 (issue 16: kept, not deleted)."""
    table = ("Mã trường,Năm học,Tiêu chí,Giải pháp,Thời gian thực hiện\n"
             "TH_NTB,2025-2026,1.1,Một giải pháp,Tháng 5/2026\n"
             "TH_NTB,2024-2025,1.2,Giải pháp khác,Tháng 5/2025\n").encode()
    assert run(store, "mot-nam.csv", table).status == "imported"
    with store.cursor() as cur:
        before = cur.execute("select item_id from plan_item where school_id = 'TH_NTB' order by 1").fetchall()
    assert run(store, "nam-nam.docx", SEEDS["001"]()).status == "rejected"
    result = run(store, "nam-nam.docx", SEEDS["001"](), replace=True)
    assert result.status == "imported", [e.message for e in result.errors]
    with store.cursor() as cur:
        plans = cur.execute("select school_year, end_school_year from plan where school_id = 'TH_NTB'").fetchall()
        items = cur.execute("select count(*) from plan_item where school_id = 'TH_NTB'").fetchone()[0]
    assert plans == [("2024-2025", "2028-2029")] and items == 27
    with store.cursor() as cur:
        deleted = cur.execute("select count(*) from plan_item_log where action = 'delete' and school_id = 'TH_NTB'"
                              ).fetchone()[0]
    assert deleted == 0
    with store.cursor() as cur:
        kept = cur.execute("select item_id from plan_item where school_id = 'TH_NTB' and criterion_code in "
                           "('1.1', '1.2') order by 1").fetchall()
    assert kept == before


def test_a_document_naming_an_unknown_school_is_rejected(tiny_store):
    before = table_counts(tiny_store)
    result = run(tiny_store, "truc-my.docx", SEEDS["003"]())
    assert result.status == "rejected" and table_counts(tiny_store) == before
    assert "Không tìm thấy «Trường Mầm non Trục Mỹ»" in result.errors[0].message


def test_only_schools_in_scope(store):
    principal = Scope(school_id="S2", role="principal", user="ht")
    [result] = import_files(store, principal, [Upload("a.docx", SEEDS["002"]())], Options())
    assert result.status == "rejected"  # Lý Tự Trọng is not this principal's school
    viewer = Scope(role="viewer", user="xem")
    [result] = import_files(store, viewer, [Upload("a.docx", SEEDS["002"]())], Options())
    assert result.status == "rejected" and "chỉ có quyền xem" in result.errors[0].message


def _edited_003(edit) -> bytes:
    doc = Document(io.BytesIO(SEEDS["003"]()))
    edit(doc.tables[0])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("edit, message, where", [
    (lambda table: setattr(table.rows[1].cells[0], "text", "Mức 5"), "Mức mục tiêu «Mức 5» không hợp lệ",
     "bảng 1, dòng 2"),
    (lambda table: setattr(table.rows[3].cells[1], "text", "Tiêu chí 9.9: Không có"),
     "Tiêu chí 9.9 không có trong bộ tiêu chí của trường (MN", "bảng 1, dòng 4"),
    (lambda table: setattr(table.rows[3].cells[1], "text", "Tiêu chí 1.2: Hội đồng trường") or
     setattr(table.rows[1].cells[0], "text", "MỨC 3"), "Tiêu chí 1.2 chỉ có đến Mức 2", "bảng 1, dòng 4"),
])
def test_bad_rows_in_a_word_table_reject_the_file(store, edit, message, where):
    before = table_counts(store)
    result = run(store, "sai.docx", _edited_003(edit))
    assert result.status == "rejected" and table_counts(store) == before
    error = next(e for e in result.errors if message in e.message)
    assert error.message.startswith(f"Tệp «sai.docx», {where}, cột «Tiêu chuẩn, tiêu chí»")
