"""The list (narrative) layout, line by line: marks, labels alone on their line, levels, the closing section."""

from kdcl.importing.plan_common import read_narrative
from kdcl.importing.text_plan import read_text


def lines(*texts):
    return list(enumerate(texts, start=1))


def test_label_alone_takes_the_lines_below_and_a_plain_lead_or_date_does_not_end_the_item():
    items, issues = read_narrative("k.docx", lines(
        "MỨC 3",
        "2. Tiêu chí 2.2: Đối với giáo viên",
        "+ Kết quả cần đạt (so với hiện trạng):",
        "Nhà trường còn 01 giáo viên chưa đạt chuẩn.",
        "+ Chủ trì và phối hợp thực hiện:",
        "Hiệu trưởng",
        "+ Thời gian thực hiện và hoàn thành:",
        "Từ ngày 01 tháng 9 năm 2025",
        "+ Dự kiến kinh phí:",
        "4. TỔ CHỨC THỰC HIỆN",
        "- Hiệu trưởng: kinh phí 2.000.000 đồng.",
        "HIỆU TRƯỞNG",
    ), "\n", "import.loc.paragraph")
    [item] = items
    assert (item.code, item.name, item.target_level) == ("2.2", "Đối với giáo viên", 3)
    assert (item.weakness, item.target_result) == ("Nhà trường còn 01 giáo viên chưa đạt chuẩn.", None)
    assert (item.lead, item.time_text, item.budget_text) == ("Hiệu trưởng", "Từ ngày 01 tháng 9 năm 2025", None)
    [(level, issue)] = issues  # the empty budget label is named, with its paragraph
    assert level == "warning" and issue.where == "đoạn 9" and "Dự kiến kinh phí" in issue.text


def test_signature_date_and_receivers_end_the_last_item():
    items, _ = read_narrative("k.docx", lines(
        "Tiêu chí 1.1: Phương hướng",
        "Công việc/giải pháp cần thực hiện: Rà soát kế hoạch chiến lược.",
        "Thời gian: Tháng 5/2026",
        "Quang Hưng, ngày 14 tháng 10 năm 2025",
        "Tháng 12/2025 họp tổng kết",
    ), "\n", "import.loc.paragraph")
    [item] = items
    assert (item.measures, item.time_text) == ("Rà soát kế hoạch chiến lược.", "Tháng 5/2026")


def test_unknown_label_inside_an_item_is_named():
    items, issues = read_narrative("k.docx", lines(
        "Tiêu chí 1.1: Phương hướng",
        "- Giải pháp: Rà soát kế hoạch.",
        "- Minh chứng: biên bản họp",
    ), "\n", "import.loc.paragraph")
    assert items[0].measures == "Rà soát kế hoạch.\n- Minh chứng: biên bản họp"
    [(_, issue)] = issues
    assert issue.where == "đoạn 3" and "«Minh chứng»" in issue.text and "«Giải pháp thực hiện»" in issue.text


def test_a_text_list_reads_the_same_way():
    text = "\n".join([
        "Trường Tiểu học Định Phước", "Kế hoạch cải tiến chất lượng năm học 2022-2023",
        "Mức 2",
        "• Tiêu chí 1.3: Tổ chức Đảng",
        "- Hiện trạng: Chưa có Tổng phụ trách Đội", "- Cần đạt: Có Tổng phụ trách Đội",
        "- Chủ trì và phối hợp thực hiện: Hiệu trưởng; Phối hợp: Công đoàn",
        "4. Tổ chức thực hiện", "Các tổ triển khai từ tháng 9/2022.",
    ]).encode()
    parsed = read_text("k.txt", text)
    [item] = parsed.items
    assert (item.code, item.target_level, item.weakness, item.target_result, item.lead, item.support) == (
        "1.3", 2, "Chưa có Tổng phụ trách Đội", "Có Tổng phụ trách Đội", "Hiệu trưởng", "Công đoàn")
    assert item.time_text is None
