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
    items, _ = read_narrative("k.docx", lines(  # a draft: the day and month left blank
        "Tiêu chí 1.1: Phương hướng",
        "Thời gian: Tháng 5/2026",
        "Hà Nội, ngày    tháng    năm 2025",
        "Tháng 12/2025 họp tổng kết",
    ), "\n", "import.loc.paragraph")
    assert items[0].time_text == "Tháng 5/2026"


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


def test_a_level_label_sets_the_target_level_of_its_item():
    items, issues = read_narrative("k.docx", lines(
        "Mức 2",
        "Tiêu chí 1.1: Phương hướng",
        "- Mức cần đạt: Mức 3",
        "- Giải pháp: Rà soát kế hoạch.",
        "Tiêu chí 1.2: Hội đồng trường",
        "- Giải pháp: Họp định kỳ.",
    ), "\n", "import.loc.paragraph")
    assert [(i.code, i.target_level, i.measures) for i in items] == [
        ("1.1", 3, "Rà soát kế hoạch."), ("1.2", 2, "Họp định kỳ.")]
    assert issues == []


def test_a_dated_line_inside_measures_is_not_taken_for_a_label():
    items, issues = read_narrative("k.docx", lines(
        "Tiêu chí 1.1: Phương hướng",
        "- Giải pháp:",
        "- Tháng 9: rà soát kế hoạch;",
        "- Tháng 12: sơ kết.",
    ), "\n", "import.loc.paragraph")
    assert items[0].measures == "- Tháng 9: rà soát kế hoạch;\n- Tháng 12: sơ kết." and issues == []


def test_text_before_the_first_label_is_named_not_lost_silently():
    items, issues = read_narrative("k.docx", lines(
        "Tiêu chí 5.2: Tổ chức hoạt động nuôi dưỡng,",
        "chăm sóc và giáo dục trẻ",
        "Trường chưa tổ chức cho trẻ tham quan trải nghiệm.",
        "- Giải pháp: Xây dựng kế hoạch tham quan.",
    ), "\n", "import.loc.paragraph")
    [item] = items
    assert (item.name, item.measures) == ("Tổ chức hoạt động nuôi dưỡng, chăm sóc và giáo dục trẻ",
                                          "Xây dựng kế hoạch tham quan.")
    [(_, issue)] = issues
    assert issue.where == "đoạn 3" and issue.text.startswith(
        "Đoạn «Trường chưa tổ chức cho trẻ tham quan trải nghiệm.» thuộc tiêu chí 5.2 nhưng không đứng sau nhãn")


def test_a_level_written_in_the_criterion_line():
    items, issues = read_narrative("k.docx", lines(
        "Mức 2",
        "Tiêu chí 1.4 (Mức 3): Hiệu trưởng, phó hiệu trưởng",
        "- Giải pháp: Dự giờ.",
        "Tiêu chí 1.5: Lớp học – Mức 2",
        "- Giải pháp: Chia lớp.",
        "Tiêu chí 1.6: Quản lý hành chính",
    ), "\n", "import.loc.paragraph")
    assert [(i.code, i.name, i.target_level) for i in items] == [
        ("1.4", "Hiệu trưởng, phó hiệu trưởng", 3), ("1.5", "Lớp học", 2), ("1.6", "Quản lý hành chính", 2)]


def test_column_names_schools_use_besides_the_official_ones():
    from kdcl.importing.plan_common import column_field

    assert [column_field(h) for h in [
        "Hiện trạng", "Thực trạng", "Kết quả cần đạt (so với hiện trạng)", "Kết quả dự kiến", "Chỉ tiêu",
        "Lực lượng thực hiện", "Minh chứng"]] == [
        "weakness", "weakness", "target", "target", "target", "lead", None]


def test_a_closing_word_used_as_a_label_alone_on_its_line_is_a_label():
    items, _ = read_narrative("k.docx", lines(
        "Tiêu chí 1.1: Phương hướng",
        "- Giải pháp: Rà soát.",
        "- Phân công thực hiện:",
        "Hiệu trưởng",
        "4. TỔ CHỨC THỰC HIỆN",
        "Phó hiệu trưởng theo dõi.",
    ), "\n", "import.loc.paragraph")
    assert (items[0].measures, items[0].lead) == ("Rà soát.", "Hiệu trưởng")


def test_column_number_rows():
    from kdcl.importing.plan_common import is_number_row

    assert is_number_row([str(n) for n in range(1, 10)])
    assert is_number_row([f"({n})" for n in range(1, 9)])
    assert is_number_row(["A", "B", "1", "2", "3", "4", "5"])
    assert not is_number_row(["1", "5"])  # a five-column row with bare codes: standard 1, criterion 5
    assert not is_number_row(["2", "1", "3"])
    assert not is_number_row(["A", "B", "C"])
