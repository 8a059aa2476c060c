"""python-docx builders reproducing the five real plans of tests/seeds (their layouts and
their actual rows), so the importer is tested on real Word files built in the tests (no
binaries in the repository).

    seed_000_docx  official 9-column table: "MỨC 3" group row, "Tiêu chuẩn 4" row, merged cells,
                   multi-paragraph cells, the table continued on the next page with its header repeated;
                   no school name in the document
    seed_001_docx  narrative block per criterion (27 criteria, a 5-year plan 2024-2025 .. 2028-2029)
    seed_002_docx  five-column table, bare codes ("1" | "5"), vertically merged and empty
                   "same as above" cells, NFD text, "[bookmark: _GoBack]"
    seed_003_docx  9-column table with stray <p>/<i> HTML, "Mức 2" in the TT column, the header
                   row repeated inside the table and rows split across pages
    seed_004_docx  8 columns (no TT), "Thực hiện thường xuyên" in Điều kiện hỗ trợ khác, the table
                   continued in a second table without header
"""

from __future__ import annotations

import io
import unicodedata

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement

HEADER_9 = ["TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt (so với hiện trạng)", "Công việc/giải pháp cần thực hiện",
            "Chủ trì và phối hợp thực hiện", "Thời gian thực hiện và hoàn thành", "Dự kiến kinh phí",
            "Điều kiện hỗ trợ khác", "Ghi chú"]
HEADER_5 = ["Tiêu chuẩn", "Tiêu chí", "Mặt yếu", "Biện pháp cải tiến chất lượng",
            "Phân công nhiệm vụ/ Thời gian thực hiện"]


def _bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _set(cell, text) -> None:
    """Cell text; a list (or text with newlines) becomes several paragraphs."""
    parts = text if isinstance(text, list) else str(text).split("\n")
    cell.text = parts[0] if parts else ""
    for extra in parts[1:]:
        cell.add_paragraph(extra)


def _row(table, values) -> None:
    cells = table.add_row().cells
    for cell, value in zip(cells, values):
        if value:
            _set(cell, value)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    tr_pr.append(flag)


def _header(table, headers) -> None:
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = text
    _repeat_header(table.rows[0])


def _span_row(table, first: int, text: str, tt: str = "") -> None:
    """A group row: `text` in column `first`, merged to the end of the row."""
    row = table.add_row()
    cells = row.cells
    if tt:
        cells[0].text = tt
    merged = cells[first].merge(cells[len(cells) - 1])
    merged.text = text


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------- seed 000


def seed_000_docx() -> bytes:
    doc = Document()
    for text in ["KẾ HOẠCH", "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC", "Năm học 2024 – 2025", "I. MỤC ĐÍCH, YÊU CẦU",
                 "1. Xây dựng kế hoạch cải tiến chất lượng giáo dục để thực hiện trong năm học 2024 - 2025 nhằm "
                 "đưa ra các giải pháp phát huy điểm mạnh, khắc phục điểm yếu, từng bước nâng cao chất lượng giáo dục.",
                 "II. CĂN CỨ XÂY DỰNG KẾ HOẠCH",
                 "1. Báo cáo tự đánh giá (giai đoạn từ năm 2023 đến 2024 của nhà trường)",
                 "- Căn cứ Công văn số 685/GDĐT ngày 04 tháng 5 năm 2024 của Phòng Giáo dục và Đào tạo quận Tân "
                 "Bình về việc Báo cáo Cải tiến chất lượng Giáo dục năm học 2023 - 2024;",
                 "III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC"]:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=9)
    _header(table, HEADER_9)
    _span_row(table, 0, "MỨC 3")
    _span_row(table, 1, "Tiêu chuẩn 4:  Quan hệ giữa nhà trường, gia đình và xã hội", tt="1")
    _row(table, [
        "",
        "Tiêu chí 4.2. Công tác tham mưu cấp uỷ Đảng, chính quyền và phối hợp với các tổ chức, cá nhân của nhà trường",
        "Tham mưu cấp ủy Đảng, chính quyền và phối hợp có hiệu quả với các tổ chức, cá nhân xây dựng nhà trường "
        "trở thành trung tâm văn hóa, giáo dục của địa phương.",
        ["-Tổ chức chăm sóc di tích lịch sử, cách mạng, công trình văn hóa; chăm sóc gia đình thương binh, liệt sĩ, "
         "gia đình có công với cách mạng, Bà mẹ Việt Nam anh hùng ở địa phương.",
         "-Lãnh đạo nhà trường chỉ đạo cho bộ phận Chi đoàn, Liên đội xây dựng kế hoạch cụ thể cho việc thực hiện "
         "chăm sóc 01 di tích lịch sử, hoặc chăm sóc ít nhất 01 gia đình thương binh, liệt sĩ, gia đình có công"],
        ["- Cấp uỷ nhà trường + lãnh đạo nhà trường phối hợp với chính quyền địa phương.",
         "-  Cấp uỷ nhà trường+ Lãnh đạo nhà trường phân công tổ chức Đoàn- Đội nhà trường xây dựng kế hoạch hành "
         "động cụ thể."],
        ["Tháng", "9/2024", "đến", "tháng", "5/2025"],
        "Đóng góp, tham gia tự nguyện của tập thể CB-GV-CNV, CMHS và HS theo đúng quy định.",
        "",
        "",
    ])
    _page_break(doc)
    # Word split the table at the page break; the header row repeats on the new page
    table2 = doc.add_table(rows=1, cols=9)
    _header(table2, HEADER_9)
    _row(table2, ["", "", "", [
        "với cách mạng ở địa phương.",
        " -Tiếp tục tổ chức các hoạt động giáo dục truyền thống lịch sử, đạo đức cách mạng,...",
        "Phân công Đoàn- Đội rà soát trong địa phương có những gia đình có công cách mạng, Mẹ Việt Nam anh hùng "
        "hoặc di tích lịch sử để tổ chức cho học sinh thực hiện công tác chăm sóc."], "", "", "", "", ""])
    for text in ["VI. TỔ CHỨC THỰC HIỆN", "1. Hiệu trưởng - Chủ tịch Hội đồng tự đánh giá",
                 "- Rà soát các tiêu chuẩn, tiêu chí để xây dựng kế hoạch cải tiến chất lượng Giáo dục trong năm học.",
                 "Nơi nhận:", "-  Phòng GDĐT (để b/c);", "-  Lưu VT.", "HIỆU TRƯỞNG", "(Đã ký)", "Bùi Thị Minh Tâm"]:
        doc.add_paragraph(text)
    return _bytes(doc)


# --------------------------------------------------------------------------- seed 001

SEED_001_BODY = [  # the criterion blocks of seed 001, paragraph by paragraph
    '1. Tiêu chuẩn 1. Tổ chức và quản lý nhà trường',
    '1.1. Tiêu chí 1.1: Phương hướng, chiến lược xây dựng và phát triển nhà trường',
    'Mục tiêu cần đạt: Nhà trường có các giải pháp giám sát việc thực hiện phương hướng, chiến lược xây '
    'dựng và phát triển.(Mức 2)',
    'Hạn chế cần khắc phục: Phương hướng, chiến lược xây dựng và phát triển nhà trường chưa có sự tham '
    'gia đóng góp ý kiến của cộng đồng.',
    'Giải pháp thực hiện: tiếp tục xây dựng và thực hiện phương hướng, chiến lược phát triển nhà trường '
    'theo từng năm, từng giai đoạn; đồng thời, khi rà soát, bổ sung và điều chỉnh phương hướng, chiến '
    'lược xây dựng và phát triển nhà trường cần tăng cường triển khai rộng rãi đến toàn thể cha mẹ học '
    'sinh và cộng đồng trong buổi họp cha mẹ học sinh và qua cổng thông tin điện tử để nhà trường tiếp '
    'nhận nhiều ý kiến đóng góp hơn.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Hội dồng trường, PHHS',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.2. Tiêu chí 1.2: Hội đồng trường',
    'Mục tiêu cần đạt: Hội đồng trường hoạt động có hiệu quả, góp phần nâng cao chất lượng giáo dục của '
    'nhà trường. (Mức 2)',
    'Hạn chế cần khắc phục: Việc kiểm tra của hội đồng đối với hoạt động chung nhà trường đôi khi còn '
    'chậm hơn so với kế hoạch đề ra.',
    'Giải pháp thực hiện: hội đồng trường và các hội đồng khác tiếp tục thực hiện chức năng, nhiệm vụ và '
    'quyền hạn theo quy định và tổ chức đúng thời gian các lần họp Hội đồng trường.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Hội đồng trường.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.3. Tiêu chí 1.3: Tổ chức Đảng Cộng sản Việt Nam, các đoàn thể và tổ chức khác trong nhà trường',
    'Mục tiêu cần đạt: Các đoàn thể, tổ chức khác đóng góp hiệu quả cho các hoạt động của nhà trường và '
    'cộng đồng. (Mức 2)',
    'Hạn chế cần khắc phục: đoàn viên giáo viên hoạt tập trung chủ yếu vào công tác chuyên môn nên việc '
    'tham gia hoạt động ở địa phương của chi đoàn còn hạn chế.',
    'Giải pháp thực hiện: Hiệu trưởng cùng cấp ủy chi bộ tiếp tục tăng cường sự lãnh đạo của Đảng đối với'
    ' các tổ chức, đoàn thể trong nhà trường, chú trọng công tác chính trị tư tưởng, làm tốt hơn nữa công'
    ' tác tuyên truyền, vận động để giáo viên mạnh dạn, tự tin trong việc phấn đấu đứng vào hàng ngũ của '
    'Đảng thể hiện vai trò, nhiệm vụ, góp phần nâng cao chất lượng các hoạt động của nhà trường.',
    'Người thực hiện: Hiệu trưởng.',
    'Nguồn lực khác (tài chính, người phối hợp): Các tổ chức đoàn thể đơn vị.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.4. Tiêu chí 1.4: Hiệu trưởng, phó hiệu trưởng, tổ chuyên môn và tổ văn phòng',
    'Mục tiêu cần đạt: Hoạt động của tổ chuyên môn, tổ văn phòng có đóng góp hiệu quả trong việc nâng cao'
    ' chất lượng các hoạt động của nhà trường; (Mức 3)',
    'Hạn chế cần khắc phục: Nội dung trong buổi sinh hoạt chuyên môn còn nghiêng về giải quyết sự vụ, '
    'hành chính; ý kiến đóng góp giải quyết tình huống trong giảng dạy còn hạn chế.',
    'Giải pháp thực hiện: Hiệu trưởng chỉ đạo phó hiệu trưởng, tổ trưởng, tổ phó chuyên môn tăng cường dự'
    ' giờ, đánh giá việc vận dụng chuyên đề đã được triển khai của các tổ chuyên môn để góp phần nâng cao'
    ' chất lượng toàn diện.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Các phó hiệu trưởng',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.5. Tiêu chí 1.5: Khối lớp và tổ chức lớp học',
    'Mục tiêu cần đạt: Tổ chức lớp học linh hoạt và phù hợp với các hình thức hoạt động giáo dục. (Mức 2)',
    'Hạn chế cần khắc phục: Số lớp vượt quá quy định. Sĩ số bình quân học sinh/lớp chưa đảm bảo theo quy '
    'định tại Điều 16, Thông tư số 28/2020/TT-BGDĐT ngày ngày 04 tháng 9 năm 2020 ban hành Điều lệ Trường'
    ' tiểu học.',
    'Giải pháp thực hiện: Tham mưu với Ủy ban nhân dân Quận 12, Phòng Giáo dục và Đào tạo, Ủy ban nhân '
    'dân phường Hiệp Thành xây dựng kế hoạch tuyển sinh phân tuyến cho phù hợp nhằm từng bước thực hiện '
    'việc đảm bảo sĩ số học sinh theo quy định.',
    'Người thực hiện: Hiệu trưởng.',
    'Nguồn lực khác (tài chính, người phối hợp): Hội đồng trường.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.6. Tiêu chí 1.6: Quản lý hành chính, tài chính và tài sản',
    'Mục tiêu cần đạt: Có kế hoạch dài hạn, trung hạn và ngắn hạn để tạo các nguồn tài chính hợp pháp phù'
    ' hợp với điều kiện nhà trường, thực tế địa phương. (Mức 3)',
    'Hạn chế cần khắc phục: Nhà trường chưa xây dựng kế hoạch dài hạn tạo các nguồn tài chính hợp pháp '
    'phù hợp với điều kiện nhà trường, thực tế địa phương.',
    'Giải pháp thực hiện: Hiệu trưởng chủ động, tích cực tham mưu cùng các cấp lãnh đạo và chính quyền '
    'địa phương xây dựng kế hoạch dài hạn tạo các nguồn tài chính hợp pháp phù hợp với điều kiện nhà '
    'trường, thực tế địa phương nhằm nâng cao hiệu quả trong công tác quản lý hành chính, tài chính và '
    'tài sản.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Hội đồng trường.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.7. Tiêu chí 1.7: Quản lý cán bộ, giáo viên và nhân viên',
    'Mục tiêu cần đạt: Có các biện pháp để phát huy năng lực của cán bộ quản lý, giáo viên, nhân viên '
    'trong việc xây dựng, phát triển và nâng cao chất lượng giáo dục nhà trường. (Mức 2)',
    'Hạn chế cần khắc phục: Một vài giáo viên, nhân viên chưa tích cực trong việc học tập nâng cao trình '
    'độ chuyên môn, nghiệp vụ.',
    'Giải pháp thực hiện: hiệu trưởng chỉ đạo phó hiệu trưởng, khối trưởng tăng cường dự giờ góp ý giáo '
    'viên mới để nâng cao tay nghề và tạo điều kiện cho giáo viên tham gia học tập nâng cao trình độ '
    'chuyên môn, nghiệp vụ.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Các Phó hiệu trưởng.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.8. Tiêu chí 1.8: Quản lý các hoạt động giáo dục',
    'Mục tiêu cần đạt: Kế hoạch giáo dục phù hợp với quy định hiện hành, điều kiện thực tế địa phương và '
    'điều kiện của nhà trường; (Mức 1)',
    'Hạn chế cần khắc phục: Hoạt động kiểm tra đánh giá các hoạt động giáo dục trong nhà trường đôi lúc '
    'còn chậm so với kế hoạch.',
    'Giải pháp thực hiện: Từ năm học 2024-2025 và những năm tiếp theo hiệu trưởng chỉ đạo các phó hiệu '
    'trưởng tiếp tục xây dựng chặt chẽ các kế hoạch hoạt động giáo dục và thực hiện kiểm tra các hoạt '
    'động giáo dục trong nhà trường đúng tiến độ theo kế hoạch đề ra, chú ý việc phân công nhiệm vụ phù '
    'hợp với năng lực, sở trường của từng cá nhân.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): CMHS; chính quyền địa phương.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.9. Tiêu chí 1.9: Thực hiện quy chế dân chủ cơ sở',
    'Mục tiêu cần đạt: Các biện pháp và cơ chế giám sát việc thực hiện quy chế dân chủ cơ sở đảm bảo công'
    ' khai, minh bạch, hiệu quả. (Mức 2)',
    'Hạn chế cần khắc phục: Trong các buổi họp, số lượng ý kiến, thảo luân của cán bộ, giáo viên, nhân '
    'viên chưa nhiều và chưa tập trung vào nhiệm vụ phát triển nhà trường và ý kiến đóng góp của cán bộ, '
    'giáo viên, nhân viên chưa thật sự tập trung vào những vấn đề cần thiết cho sự phát triển nhằm nâng '
    'cao chất lượng giáo dục của trường.',
    'Giải pháp thực hiện: Năm học 2024-2025 và những năm tiếp theo, hiệu trưởng chỉ đạo các bộ phân, đoàn'
    ' thể tăng cường đối thoại, tạo điều kiện, khuyến khích để các cá nhân mạnh dạn góp ý trong các cuộc '
    'họp. Trong các cuộc họp, cán bộ quản lý phối hợp với các bộ phân gợi ý, khuyến khích, hướng dẫn cán '
    'bộ, giáo viên, nhân viên đóng góp ý kiến thông qua hình thức góp ý trực tiếp hoặc tiếp nhân đơn, '
    'những ý kiến đóng góp ý kiến, tập trung vào những vấn đề cần thiết cho sự phát triển nhằm nâng cao '
    'chất lượng giáo dục của trường.',
    'Người thực hiện: Công đoàn.',
    'Nguồn lực khác (tài chính, người phối hợp): Công đoàn, ban Thanh tra nhân dân.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '1.10. Tiêu chí 1.10: Đảm bảo an ninh trât tự, an toàn trường học',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Vẫn còn tình trạng buôn bán trước cổng trường vào đầu giờ học.',
    'Giải pháp thực hiện: Năm học 2024-2025 và những năm tiếp theo và những năm tiếp theo, hiệu trưởng '
    'tiếp tục xây dựng và thực hiện các kế hoạch, phương án phối hợp với chính quyền địa phương trong '
    'việc đảm bảo an ninh trật tự, vệ sinh an toàn thực phẩm, phòng chống dịch bệnh,... trong trường.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Chính quyền địa phương',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '2. Tiêu chuân 2: Cán bộ quản lý, giáo viên, nhân viên và học sinh',
    '2.1. Tiêu chí 2.1: Đối với hiệu trưởng, phó hiệu trưởng',
    'Mục tiêu cần đạt: Mức 3',
    'Hạn chế cần khắc phục: Kỹ năng giao tiếp tiếng Anh của hiệu trưởng và phó hiệu trưởng còn hạn chế.',
    'Giải pháp thực hiện: Năm học 2024- 2025 và những năm tiếp theo, hiệu trưởng và phó hiệu trưởng dành '
    'thời gian để tự học và tham gia các lớp bồi dưỡng kỹ năng giao tiếp tiếng Anh.',
    'Người thực hiện: Hiệu trưởng, phó hiệu trưởng.',
    'Nguồn lực khác (tài chính, người phối hợp): /',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '2.2. Tiêu chí 2.2: Đối với giáo viên',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Nhà trường chưa tuyển được giáo viên dạy Tin học nên đã cử 04 giáo viên nhiều'
    ' môn dự bồi dưỡng công nghệ thông tin phân công dạy môn Tin học. Trường chưa tuyển được giáo viên '
    'Tổng phụ trách Đội nên phân công giáo viên dạy Âm nhạc kiêm nhiệm Tổng phụ trách Đội Thiếu niên tiền'
    ' phong Hồ Chí Minh. Trường còn 02 giáo viên có trình độ cao đẳng đang học lên đại học để đạt chuẩn '
    'quy định theo lộ trình.',
    'Giải pháp thực hiện: Từ năm học 2024-2025 và những năm tiếp theo, nhà trường xây dựng Đề án vị trí '
    'việc làm, tiếp tục tuyển dụng giáo viên dạy Tin học. Phân công giáo viên hợp lý đảm bảo để dạy các '
    'môn học và tổ chức các hoạt động giáo dục theo quy định của Chương trình giáo dục phổ thông cấp tiểu'
    ' học.',
    'Người thực hiện: Giáo viên',
    'Nguồn lực khác (tài chính, người phối hợp): /',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '2.3. Tiêu chí 2.3: Đối với nhân viên',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Trường còn thiếu 01 nhân viên hỗ trợ giáo dục người khuyết tật và 01 vị trí '
    'nhân viên Công nghệ thông tin theo quy định tại Thông tư số 16/2017/TT-BGDĐT ngày 12/7/2017 của Bộ '
    'GDĐT hướng dẫn danh mục khung vị trí việc làm và định mức số lượng người làm việc trong các cơ sở '
    'giáo dục phổ thông công lập.',
    'Giải pháp thực hiện: Trong năm học 2024-2025 và những năm tiếp theo, hiệu trưởng tiếp tục phân công '
    'nhiệm vụ cho nhân viên theo đúng năng lực và trình độ chuyên môn; tạo điều kiện để nhân viên hoàn '
    'thành tốt nhiệm vụ được giao. Nhà trường sẽ đăng ký tuyển dụng các vị trí nhân viên còn thiếu để '
    'từng bước đảm bảo đủ vị trí nhân viên theo Đề án vị trí việc làm.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): /',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '2.4. Tiêu chí 2.4: Đối với học sinh',
    'Mục tiêu cần đạt: Mức 3',
    'Hạn chế cần khắc phục: Trường vẫn còn học sinh vi phạm nội quy nhiều lần, sự chuyển biến chưa tốt '
    'cần kiên trì phối hợp giữa gia đình và nhà trường để giáo dục các em.',
    'Giải pháp thực hiện: Từ Năm học 2024-2025 và những năm tiếp theo, Hiệu trưởng chỉ đạo giáo viên chủ '
    'nhiệm xây dựng kế hoạch công tác chủ nhiệm trong đó chú trọng việc phối hợp giữa giáo viên chủ nhiệm'
    ' với cha mẹ học sinh để giáo dục học sinh vi phạm nội quy học sinh tốt hơn. Hằng tuần, đội Sao đỏ '
    'phát huy vai trò của mình trong việc kiểm tra, nhắc nhở học sinh vi phạm nội quy, nền nếp, báo cáo '
    'Tổng phụ trách Đội để có giải pháp giáo dục, giúp đỡ học sinh tiến bộ.',
    'Người thực hiện: Hiệu trưởng, giáo viên.',
    'Nguồn lực khác (tài chính, người phối hợp): CMHS.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '3. Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học',
    '3.1. Tiêu chí 3.1: Khuôn viên, khu sân chơi, bãi tập',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Nhà trường chưa đảm bảo diện tích khuôn viên bình quân tối thiểu 6 m 2 /học '
    'sinh đối với khu vực thành phố. Đồ chơi, thiết bị vận động chưa đáp ứng với nhu cầu học sinh toàn '
    'trường.',
    'Giải pháp thực hiện: Từ Năm học 2024-2025 và những năm tiếp theo, hiệu trưởng chỉ đạo bộ phận kế '
    'toán và thiết bị tăng cường trang bị thêm đồ chơi và các thiết bị vận động từ nguồn kinh phí được '
    'cấp và công tác xã hội hóa nhằm tạo điều kiện tốt nhất cho học sinh tăng cường tham gia các trò chơi'
    ' vận động, rèn luyện sức khỏe, phát triển thể chất.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Hội đồng trường, CMHS',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '3.2. Tiêu chí 3.2: Phòng học, phòng học bộ môn và khối phục vụ học tập',
    'Mục tiêu cần đạt: Mức 1',
    'Hạn chế cần khắc phục: Trường chưa có phòng học riêng biệt để dạy các môn Âm nhạc, Mỹ thuật, Khoa '
    'học; chưa có phòng riêng để hỗ trợ cho học sinh có hoàn cảnh khó khăn, học sinh năng khiếu.',
    'Giải pháp thực hiện: Từ năm học 2024-2025, và những năm tiếp theo, hiệu trưởng đề xuất với lãnh đạo '
    'quận về việc xây dựng thêm trường tiểu học trong địa bàn phường để giảm học sinh khi tuyển sinh đầu '
    'cấp, giảm số lớp để từng bước đạt chuẩn về diện tích lớp học/học sinh và có phòng riêng biệt để dạy '
    'các môn âm nhạc, mỹ thuật, khoa học cũng như dạy cho học sinh có hoàn cảnh khó khăn, học sinh năng '
    'khiếu.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): /',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '3.3. Tiêu chí 3.3: Khối hành chính - quản trị',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Trường chưa có phòng lưu trữ hồ sơ, tài liệu chung.',
    'Giải pháp thực hiện: Năm học 2024-2025 và những năm tiếp theo, nhà trường sắp xếp lại khu vực căn '
    'tin, bố trí nơi lưu trữ hồ sơ, tài liệu chung.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): /',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '3.4. Tiêu chí 3.4: Khu vệ sinh, hệ thống cấp thoát nước',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Việc thu gom rác trong nhà trường chưa thực hiện kịp thời mỗi ngày.',
    'Giải pháp thực hiện: Trong năm học 2024-2025 và những năm tiếp theo, hiệu trưởng tiếp tục duy trì, '
    'thường xuyên rà soát, tu bổ các công trình vệ sinh và hệ thống thoát nước để đảm bảo môi trường sạch'
    ' đẹp; kiến nghị với đơn vị thu gom rác sắp xếp thời gian thu gom rác cho trường mỗi ngày.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Hội đồng trường, CMHS',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '3.5. Tiêu chí 3.5: Thiết bị',
    'Mục tiêu cần đạt: Mức 3',
    'Hạn chế cần khắc phục: Hệ thống Internet của trường thường gặp sự cố nên giáo viên gặp nhiều khó '
    'khăn khi ứng dụng công nghệ thông tin trong giảng dạy.',
    'Giải pháp thực hiện: Từ Năm học 2024-2025 và những năm tiếp theo, phó hiệu trưởng phụ trách cơ sở '
    'vật chất chỉ đạo nhân viên bảo vệ thường xuyên kiểm tra tủ nguồn thiết bị internet, đề xuất sửa chữa'
    ' kịp thời đảm bảo cho giáo viên kết nối được khi ứng dụng công nghệ thông tin trong dạy học.',
    'Người thực hiện: Phó hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Giáo viên, nhân viên.',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '3.6 . Tiêu chí 3.6: Thư viện',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Số máy tính được kết nối Internet để cán bộ quản lý giáo viên, nhân viên và '
    'học sinh nghiên cứu, phục vụ hoạt động dạy học và các hoạt động khác còn ít chưa đáp ứng hết nhu cầu'
    ' nghiên cứu, phục vụ hoạt động dạy học, các hoạt động khác của cán bộ quản lý, giáo viên, nhân viên '
    'và học sinh. Nhà trường chưa sử dụng phần mềm trong quản lý thư viện điện tử.',
    'Giải pháp thực hiện: Năm học 2024-2025 và những năm tiếp theo, hiệu trưởng sử dụng nguồn quỹ ngân '
    'sách để trang bị phần mềm quản lý thư viện đáp ứng việc tra cứu thông tin, quản lý thời gian mượn, '
    'trả sách thuận tiện, nhanh chóng.',
    'Người thực hiện: Thư viện',
    'Nguồn lực khác (tài chính, người phối hợp): Giáo viên',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '4. Tiêu chuẩn 4: Quan hệ giữa nhà trường, gia đình và xã hội',
    '4.1. Tiêu chí 4.1: Ban đại diện cha mẹ học sinh',
    'Mục tiêu cần đạt: Mức 3',
    'Hạn chế cần khắc phục: Một số thành viên trong Ban đại diện cha mẹ học sinh do bân công tác nên chưa'
    ' tham gia đầy đủ buổi họp của Ban đại diện.',
    'Giải pháp thực hiện: Nhà trường tiếp tục thực hiện cơ chế phối hợp giữa nhà trường và Ban đại diện '
    'cha mẹ học sinh. Năm học 2024-2025 và những năm tiếp theo, để tổ chức các cuộc họp cha mẹ học sinh '
    'có hiệu quả, Hiệu trường chọn thời gian thích hợp để mọi thành viên trong Ban đại diện đều có thể '
    'tham dự cuộc họp đầy đủ',
    'Người thực hiện: Hiệu trường',
    'Nguồn lực khác (tài chính, người phối hợp): Ban đại diện CMHS',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '4.2. Tiêu chí 4.2: Công tác tham mưu cấp ủy đảng, chính quyền và phối hợp với các tổ chức, cá nhân '
    'của nhà trường',
    'Mục tiêu cần đạt: Mức 3',
    'Hạn chế cần khắc phục: Hằng năm, trong công tác tuyển sinh, nhà trường luôn phải tiếp nhận học sinh '
    'vượt chỉ tiêu được giao so với kế hoạch tuyển sinh của Ủy ban nhân dân phường An Phú Đông và Quận 12'
    ' do tình hình tăng dân số cơ học.',
    'Giải pháp thực hiện: Từ năm học 2024-2025 và những năm tiếp theo, hiệu trưởng xây dựng kế hoạch có '
    'lộ trình thực hiện cơ cấu tổ chức các lớp học theo đúng quy định của Điều lệ Trường tiểu học. Hiệu '
    'trưởng nhà trường tham mưu với Phòng Giáo dục và Đào tạo, kiến nghị với Ủy ban nhân dân Quận 12 xây '
    'dựng thêm phòng học để sĩ số học sinh đảm bảo theo đúng quy định Điều lệ Trường tiểu học.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): /',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '5. Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục',
    '5.1. Tiêu chí 5.1: Thực hiện Chương trình giáo dục phổ thông',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Việc công khai, phổ biến kế hoạch giáo dục của nhà trường chưa sự quan tâm '
    'nhiều của cha mẹ học sinh.',
    'Giải pháp thực hiện: Năm học 2024-2025 và những năm tiếp theo, hiệu trưởng tăng cường công tác tuyên'
    ' truyền và đổi mới hình thức phổ biến, công khai hoạt động của nhà trường để thu hút sự quan tâm, '
    'phối hợp, hỗ trợ, giám sát của cha mẹ học sinh và cộng đồng qua trang thông tin điện tử của trường, '
    'qua hệ thống tin nhắn Zalo, Facebook.',
    'Người thực hiện: Phó hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): Giáo viên',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '5.2. Tiêu chí 5.2: Thực hiện chương trình giáo dục phổ thông cấp tiểu học',
    'Mục tiêu cần đạt: Mức 3',
    'Hạn chế cần khắc phục: Giáo viên mới tuyển dụng, giáo viên lớn tuổi còn hạn chế khi lựa chọn phương '
    'pháp, hình thức tổ chức dạy học phát huy phẩm chất, năng lực học sinh.',
    'Giải pháp thực hiện: Năm học 2024- 2025 và những năm tiếp theo, hiệu trưởng chỉ đạo các tổ chuyên '
    'môn và giáo viên tăng cường tổ chức các hoạt động giáo dục phân hóa theo nhu cầu, sở trường của học '
    'sinh. Phó hiệu trưởng và tổ chuyên môn tiếp tục tổ chức chuyên đề, thao giảng để bồi dưỡng, giúp '
    'giáo viên nâng cao hiệu quả vận dụng việc đổi mới phương pháp dạy học, kỹ thuật dạy học và hình thức'
    ' dạy học nhằm phát triển phẩm chất và năng lực của học sinh.',
    'Người thực hiện: Ban giám hiệu',
    'Nguồn lực khác (tài chính, người phối hợp): Giáo viên',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '5.3. Tiêu chí 5.3: Thực hiện các hoạt động giáo dục khác',
    'Mục tiêu cần đạt: Mức 2',
    'Hạn chế cần khắc phục: Do sân trường quá hẹp nên tất cả các hoạt động giáo dục tổ chức tại trường '
    'chỉ đảm bảo cho 80% học sinh tham gia.',
    'Giải pháp thực hiện: Trong năm học 2024-2025 và những năm tiếp theo, hiệu trưởng chỉ đạo các phó '
    'hiệu trưởng, giáo viên Tổng phụ trách Đội khi tổ chức các hoạt động giáo dục phải luân phiên sáng, '
    'chiều để tất cả học sinh có cơ hội tham gia.',
    'Người thực hiện: Ban giám hiệu, tổng phụ trách Đội',
    'Nguồn lực khác (tài chính, người phối hợp): Các tổ chức đoàn thể',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '5.4. Tiêu chí 5.4: Công tác phổ cập giáo dục',
    'Mục tiêu cần đạt: Mức 3',
    'Hạn chế cần khắc phục: Một số cha mẹ học sinh có hoàn cảnh kinh tế khó khăn nên chưa quan tâm đến '
    'việc học của con. Đa số cha mẹ học sinh là dân nhập cư, lao động phổ thông, cuộc sống không ổn định '
    'vì thế học sinh có nguy cơ bỏ học rất cao.',
    'Giải pháp thực hiện: Trong năm học 2024-2025 và những năm tiếp theo, phó hiệu trưởng chỉ đạo giáo '
    'viên chủ nhiệm lớp tăng cường hơn nữa công tác phụ đạo học sinh yếu để giảm tỷ lệ lưu ban, bỏ học ở '
    'lớp 1, từ đó sẽ nâng cao hơn tỷ lệ học sinh 6 tuổi vào lớp 1.',
    'Người thực hiện: Phó hiệu trưởng, giáo viên chủ nhiệm',
    'Nguồn lực khác (tài chính, người phối hợp): CMHS',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
    '5.5. Tiêu chí 5.5: Kết quả giáo dục',
    'Mục tiêu cần đạt: Mức 3.',
    'Hạn chế cần khắc phục: Trong mỗi năm học, trường vẫn còn nhiều học sinh chưa hoàn thành chương trình'
    ' lớp học.',
    'Giải pháp thực hiện: Nhà trường tiếp tục duy trì và nâng cao kết quả học tập của học sinh các khối '
    'lớp. Trong năm học 2024-2025 và những năm tiếp theo, cán bộ quản lý của nhà trường tăng cường công '
    'tác kiểm tra, dự giờ giáo viên; chỉ đạo giáo viên thực hiện đầy đủ các nội dung chuyên môn, đẩy mạnh'
    ' đổi mới phương pháp dạy học thực hiện dạy học phân hóa các đối tượng học sinh, quan tâm và thực '
    'hiện có hiệu quả việc phụ đạo học sinh học yếu trong giờ học, tổ chức ôn tập theo dõi giúp đỡ các '
    'học sinh chưa hoàn thành chương trình lớp học trong hè, thực hiện tốt công tác phối hợp với cha mẹ '
    'học sinh để nâng tỷ lệ học sinh hoàn thành chương trình lớp học cao hơn.',
    'Người thực hiện: Hiệu trưởng',
    'Nguồn lực khác (tài chính, người phối hợp): CMHS',
    'Thời gian bắt đầu: 9/2024 Thời gian hoàn thành: 5/2029',
]


SEED_001_HEAD = [
    "KẾ HOẠCH",
    "Cải tiến chất lượng giáo dục theo chu kỳ (5 năm)",
    "Từ năm học 2024-2025 đến hết năm học 2028-2029",
    "Căn cứ Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018 của Bộ Giáo dục và Đào tạo ban hành Quy định về kiểm định "
    "chất lượng giáo dục và công nhận đạt chuẩn quốc gia đối với trường tiểu học;",
    "Căn cứ kế hoạch chiến lược phát triển Trường Tiểu học Nguyễn Thái Bình giai đoạn 2020-2025;",
    "Căn cứ vào tình hình và điều kiện thực tế, Trường Tiểu học Nguyễn Thái Bình xây dựng kế hoạch cải tiến chất "
    "lượng giáo dục theo chu kỳ 5 năm từ năm học 2024-2025 đến hết năm học 2028-2029 cụ thể như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "- Nhằm duy trì và phát huy kết quả đạt được và từng bước thực hiện các biện pháp nâng cao chất lượng – hiệu quả "
    "giáo dục của nhà trường trong thời gian tới.",
    "II. ĐẶC ĐIỂM TÌNH HÌNH NHÀ TRƯỜNG",
    "- Năm học 2012-2023 trường được thành lập và đi vào hoạt động với diện tích khuôn viên 9.626m2",
    "III. CHỈ TIÊU PHÁN ĐẤU CẢI TIẾN CHẤT LƯỢNG",
    "- Tham mưu để đảm bảo các điều kiện về cơ sở vật chất của nhà trường; Phấn đấu năm học 2030-2031 trường đạt "
    "kiểm định chất lượng mức độ 2",
    "IV. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC",
]

SEED_001_TAIL = [
    "VI. TỔ CHỨC THỰC HIỆN",
    "1. Lãnh đạo nhà trường",
    "Nhà trường xây dựng kế hoạch, phân công và giao trách nhiệm cho các thành viên tham gia vào công tác kiểm định "
    "chất lượng, đề xuất các giải pháp để cải tiến chất lượng đảm bảo duy trì bền vững.",
    "Trên đây là kế hoạch cải tiến chất lượng giáo dục theo chu kỳ 5 năm từ năm học 2024-2025 đến hết năm học "
    "2028-2029. Yêu cầu các cán bộ, giáo viên, nhân viên thực hiện nghiêm túc./.",
    "HIỆU TRƯỞNG",
    "Hoàng Kim sơn",
]


def seed_001_docx() -> bytes:
    doc = Document()
    for text in SEED_001_HEAD:
        doc.add_paragraph(text)
    for text in SEED_001_BODY:
        if text.startswith("Thời gian bắt đầu"):
            text = text.replace(" Thời gian hoàn thành", "   Thời gian hoàn thành")
        # a few labelled texts run over two paragraphs, as in the original
        if text.startswith("Giải pháp thực hiện: Năm học 2024- 2025 và những năm tiếp theo, hiệu trưởng chỉ đạo"):
            first, second = text.split(" Phó hiệu trưởng và tổ chuyên môn", 1)
            doc.add_paragraph(first)
            doc.add_paragraph("Phó hiệu trưởng và tổ chuyên môn" + second)
            continue
        doc.add_paragraph(text)
    for text in SEED_001_TAIL:
        doc.add_paragraph(text)
    return _bytes(doc)


# --------------------------------------------------------------------------- seed 002

SEED_002_ROWS = [
    ("1", "5", "Sĩ số học sinh ở các lớp còn cao (năm học 2023-2024 có 43 lớp sĩ số trên 40hs/lớp)",
     "Tham mưu với Phòng Giáo dục và Đào tạo và Ủy ban nhân dân quận Gò Vấp phân tuyến lại học sinh để kéo giảm sĩ "
     "số học sinh/lớp ", ["Hiệu trưởng", "Phó hiệu trưởng, học vụ"]),
    ("1", "8", "[bookmark: _GoBack]02 giáo viên chưa đạt trình độ Đại học.",
     "Từ năm học 2023 – 2024 và đến năm 2024 – 2025, hiệu trưởng tiếp tục thực hiện kế hoạch bồi dưỡng giáo viên "
     "để tỷ lệ giáo viên đạt trên chuẩn trình độ đào tạo và đạt chuẩn nghề nghiệp là 100%.", ""),
    ("2", "3", "Trường chưa có nhân viên biên chế phụ trách công tác thiết bị.",
     "Năm học 2023 – 2024, Phó Hiệu trưởng lên kế hoạch đào tạo bồi dưỡng, cử 01 nhân viên văn phòng đi tập huấn, "
     "bồi dưỡng chuyên môn nghiệp vụ thiết bị trường học để tạm thời thực hiện công tác thiết bị khi Hiệu trưởng "
     "chưa kịp tuyển dụng nhân viên thiết bị.", ""),
    ("2", "4", "Trường vẫn còn học sinh vi phạm tác phong, đi học trễ, trật tự",
     "Phân công giám thị trực cổng đầu giờ nhắc nhở, ghi nhận xử lý học sinh. GVCN thực hiện các biện pháp nhắc "
     "nhở, giáo dục học sinh", ""),
    ("3", "2", "Chưa có nhà thi đấu đa năng, bãi tập thể thao, diện tích sân chơi không đủ.",
     "Năm học 2023 – 2024, cán bộ quản lý và bộ phận liên quan cơ sở vật chất thường xuyên kiểm tra, rà soát hệ "
     "thống tường rào, cổng, biển tên trường. Hiệu trưởng sẽ đề xuất với lãnh đạo Phòng giáo dục đào tạo cho phép "
     "sửa chữa khi có hư hỏng xuống cấp. Tổ trưởng chuyên môn tổ Văn thể mỹ tiếp tục phối hợp với Trung tâm Thể "
     "dục thể thao, Nhà thiếu nhi quận Gò Vấp để tổ chức các giải thể thao cần sân bãi chuyên nghiệp.", ""),
    ("3", "3", "Các phòng hành chính quản trị có diện tích chưa đạt kích thước tiêu chuẩn quốc gia TCVN 8794 : 2011",
     "Năm học 2023 – 2024, Hiệu trưởng phân công bộ phận quản lý tài sản định kỳ kiểm kê theo quy định. Các cá nhân "
     "của từng bộ phận chịu trách nhiệm phòng làm việc của mình, sắp xếp thiết bị gọn gàng, khoa học và hỗ trợ hiệu "
     "quả các hoạt động của nhà trường. ", ""),
    ("4", "2", "Nhà trường chưa thực sự trở thành trung tâm văn hóa, giáo dục của địa phương.",
     "Từ năm học 2023 - 2024 và các năm học tiếp theo, Hiệu trưởng tiếp tục làm tốt công tác tham mưu với chính "
     "quyền địa phương và cấp ủy đảng tạo điều kiện cho nhà trường thực hiện phương hướng chiến lược nhà trường đã "
     "đề ra.", ""),
    ("5", "6", "Vẫn còn học sinh yếu trong học tập do lười học và thiếu sự chăm sóc của gia đình.",
     "Năm học 2023 – 2024 và những năm học tiếp theo, Hiệu trưởng chỉ đạo giáo viên chủ nhiệm kết hợp chặt chẽ "
     "với cha mẹ học sinh trong việc theo dõi học tập, giáo dục đạo đức, nâng cao ý thức tự giác học tập cho học "
     "sinh.", ""),
]


def seed_002_docx() -> bytes:
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731 - seed 002 mixes decomposed characters
    doc = Document()
    for text in ["KẾ HOẠCH", "Cải tiến chất lượng giáo dục năm học 2023-2024",
                 "Căn cứ Thông tư số 18/2018/TT-BGDĐT ngày 22 tháng 8 năm 2018 của Bộ Giáo dục và Đào tạo;",
                 "Nhằm khắc phục những điểm yếu của kết quả Kiểm định chất lượng giáo dục, Trường THCS Lý Tự Trọng "
                 "xây dựng kế hoạch cải tiến chất lượng giáo dục năm học 2023 - 2024 và những năm học tiếp theo với "
                 "những nội dung như sau:",
                 nfd("- Mức đánh giá của Trường...: Mức .1..;"),
                 "2.2. Nội dung và kế hoạch thực hiện."]:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADER_5):
        cell.text = text
    for std, crit, weak, measure, lead in SEED_002_ROWS:
        if crit == "2":  # some text of this file is decomposed (NFD)
            weak, measure = nfd(weak), nfd(measure)
        _row(table, [std, crit, weak, measure, lead])
    # the standard cell of 1.5 and 1.8 is one merged cell
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 0).text = "1"
    for text in ["2.3. Chỉ tiêu phấn đấu trong năm học 2023 - 2024 và những năm học tiếp theo",
                 nfd("Căn cứ Thông tư số 18/2018/TT-BGDĐT, đến tháng 5/2024 Trường THCS Lý Tự Trọng cố gắng cải "
                     "tiến những điểm yếu để có thể đạt kiểm định chất lượng giáo dục Cấp độ 2."),
                 "4. Thời gian biểu: Từ  01/10/2023 đến 25/5/2024", "HIỆU TRƯỞNG", "Dương Hữu Đức"]:
        doc.add_paragraph(text)
    return _bytes(doc)


# --------------------------------------------------------------------------- seed 003


def seed_003_docx() -> bytes:
    doc = Document()
    for text in ["Số: 71/KH-MNTM", "Quang Hưng, ngày 14 tháng 10 năm 2025", "KẾ HOẠCH",
                 "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC", "Năm học 2025 – 2026", "I. MỤC ĐÍCH, YÊU CẦU",
                 "1. Xây dựng kế hoạch cải tiến chất lượng giáo dục để thực hiện trong năm học 2025-2026 nhằm đưa ra "
                 "các giải pháp phát huy điểm mạnh, khắc phục điểm yếu, từng bước nâng cao chất lượng giáo dục.",
                 "II. CĂN CỨ XÂY DỰNG KẾ HOẠCH",
                 "1. Báo cáo tự đánh giá năm học 2024-2025 của Trường Mầm non Trục Mỹ.",
                 "Kế hoạch số 23/KH-MNTM ngày 12 tháng 9 năm 2025 của Trường Mầm non Trục Mỹ về Kế hoạch năm học "
                 "2025-2026.",
                 "III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC"]:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=9)
    _header(table, HEADER_9)
    rows = [
        ["Mức 2", "", "", "", "", "", "", "", ""],
        ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", "", "", "", "", "", "", ""],
        ["", "Tiêu chí 1.4: Hiệu trưởng, phó hiệu trưởng, tổ chuyên môn và tổ văn phòng",
         "Tổ chuyên môn thực hiện chuyên đề chưa đầu tư kỹ, chưa sáng tạo.",
         "Hiệu trưởng tạo điều kiện cho tổ trưởng chuyên môn tham quan, học tập trường bạn để nhân rộng chuyên đề "
         "góp phần nâng cao chất lượng chăm sóc nuôi", "BGH-TTCM", "Tháng 1/2026", "", "", ""],
        HEADER_9,
        ["", "", "", "<p>dưỡng và giáo dục trẻ. Chỉ đạo phó hiệu trưởng tiếp tục bồi dưỡng chuyên môn vào 2 tháng "
         "hè. Khuyến khích tổ văn phòng nhận định những khó khăn trong hoạt động của tổ qua đó lên kế hoạch xây "
         "dựng chuyên đề cho các thành viên trong tổ học tập.</p>", "", "", "", "", ""],
        ["", "<p>Tiêu chí 1.10 Đảm bảo an ninh trật tự, an toàn trường học</p>",
         "<p>Hình thức tuyên truyền chưa phong phú. Hệ thống đèn báo cháy của nhà trường chưa có</p>",
         "<p>Hiệu trưởng tiếp tục duy trì hiệu quả đảm bảo an ninh trật tự, an toàn trường học, tham mưu xin kinh "
         "phí lắp đặt hệ thống đèn báo cháy. Đảm bảo an toàn trong trường học và nâng</p>", "BGH-GV-NV",
         "Tháng 5/2026", "10.000.000", "", ""],
        HEADER_9,
        ["", "", "", "cao hiệu quả chất lượng cuộc sống.", "", "", "", "", ""],
        ["2", "Mức 2", "", "", "", "", "", "", ""],
        ["", "Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên", "", "", "", "", "", "", ""],
        ["", "Tiêu chí 2.2 <i>Đối với giáo viên</i>", "Nhà trường còn 01 giáo viên chưa đạt chuẩn theo quy định.",
         "- Hiệu trưởng tiếp tục xây dựng lộ trình nâng chuẩn trình độ đào tạo giáo viên phù hợp Luật giáo dục năm "
         "2019", "BGH-Giáo viên", "Tháng 11/2025", "", "", ""],
        ["", "Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học", "", "", "", "", "", "", ""],
        ["", "Tiêu chí 3.3 Khối phòng hành chính quản trị", "Mua bán, Sửa chữa các hạng mục hỏng, xuống cấp",
         "Hiệu trưởng xây dựng kế hoạch tham mưu mua sắm sửa chữa, vận động tài trợ từ Cha mẹ học sinh",
         "Lãnh đạo, Cha mẹ trẻ", "Tháng 11/2025", "60.000.000", "", ""],
        ["3", "Tiêu chuẩn 4: Quan hệ giữa nhà trường, gia đình và xã hội", "", "", "", "", "", "", ""],
        ["", "MỨC 2", "", "", "", "", "", "", ""],
        ["4", "Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục", "", "", "", "", "", "", ""],
        ["", "MỨC 2", "", "", "", "", "", "", ""],
        ["", "Tiêu chí 5.2: Tổ chức hoạt động nuôi dưỡng,", "Trường chưa tổ chức cho trẻ tham quan vui chơi trải",
         "-Hiệu trưởng tiếp tục chỉ đạo thực hiện tốt việc phát triển Chương trình giáo dục", "BGH-GV-NV và CMHS",
         "Tháng 5/2026", "", "", ""],
        HEADER_9,
        ["", "chăm sóc và giáo dục trẻ", "nghiệm tại trường Tiểu học; UBND xã; Đền Triệu Quang Phục.",
         "mầm non do Bộ Giáo dục và Đào tạo ban hành, thực hiện theo đúng kế hoạch đề ra và đáp ứng khả năng và "
         "nhu cầu của trẻ, phù hợp với văn hóa địa phương. -Xây dựng kế hoạch cho trẻ tham quan trải nghiệm",
         "", "", "", "", ""],
    ]
    for values in rows:
        _row(table, values)
    for text in ["IV. TỔ CHỨC THỰC HIỆN", "1. Hiệu trưởng - Chủ tịch Hội đồng tự đánh giá", "Nơi nhận:",
                 "- Phòng VH-XH (để b/c);", "- Lưu: VT.", "HIỆU TRƯỞNG", "Trần Thị My"]:
        doc.add_paragraph(text)
    return _bytes(doc)


# --------------------------------------------------------------------------- seed 004

HEADER_8 = HEADER_9[1:]
SEED_004_ROWS = [
    ("Tiêu chí 1.1: Phương hướng, chiến lược xây dựng và phát triển nhà trường",
     "Hình ảnh phương hướng chiến lược xây dựng và phát triển nhà trường cần được đăng tải lên website",
     "Tăng cường kiểm tra website để nhắc nhở việc đăng tải hình ảnh kịp thời",
     "Hiệu trưởng và Ban Quản trị website", "Tháng 01/2023 đến hết năm học 2022 - 2023", "",
     "Thực hiện thường xuyên sau mỗi hoạt động", ""),
    ("Tiêu chí 1.2: Hội đồng trường và các hội đồng khác",
     "Nâng cao năng lực hoạt động của  Hội đồng thi đua, khen thưởng",
     "Phân công rõ trách nhiệm cho từng thành viên; Tổ chức tập huấn, bồi dưỡng nghiệp vụ về công tác thi đua - "
     "khen thưởng cho các thành viên trong Hội đồng; Xây dựng quy trình, tiêu chí thi đua cụ thể, rõ ràng, phù hợp "
     "với đặc điểm của đơn vị",
     "Hiệu trưởng và các thành viên  Hội đồng Thi đua, khen thưởng", "Tháng 02/2023", "",
     "Các văn bản hướng dẫn về công tác thi đua", ""),
    ("Tiêu chí 1.3: Tổ chức Đảng Cộng sản Việt Nam, các đoàn thể và tổ chức khác trong nhà trường",
     "Nâng cao chất lượng hoạt động Đội Thiếu niên Tiền phong Hồ Chí Minh",
     "Tham mưu với Phòng Giáo dục và Đào tạo  bố trí biên chế vị trí việc làm Tổng phụ trách Đội",
     "Hiệu trưởng", "Tháng 03/2023", "", "Nhu cầu biên chế", ""),
    ("Tiêu chí 1.4: Hiệu trưởng, phó hiệu trưởng, tổ chuyên môn và tổ văn phòng",
     "Phát huy tính tích cực của giáo viên trong việc sinh hoạt chuyên môn",
     "Khuyến khích các thành viên tích cực tham gia phát biểu trong  sinh hoạt chuyên môn",
     "Hiệu trưởng, Phó Hiệu trưởng, Tổ trưởng Tổ Chuyên môn", "Tháng 01/2023 đến hết năm học 2022 - 2023", "",
     "Thực hiện thường xuyên", ""),
    ("Tiêu chí 1.6: Quản lý hành chính, tài chính và tài sản",
     "Khắc phục sự cố phần mềm hosting vận hành website của Nhà trường",
     "Liên hệ Nhà cung cấp phần mềm  vận hành website",
     "Hiệu trưởng phân công viên chức phụ trách website", "Tháng 01/2023", "", "Thực hiện thường xuyên", ""),
    ("Tiêu chí 1.7: Quản lý cán bộ, giáo viên và nhân viên", "Nâng cao chất lượng hoạt động Thư viện",
     "Tham mưu với Phòng Giáo dục và Đào tạo bố trí biên chế vị trí việc làm Thư viện", "Hiệu trưởng",
     "Tháng 03/2023", "", "Nhu cầu biên chế", ""),
    ("Tiêu chí 1.9: Thực hiện quy chế dân chủ cơ sở",
     "Đảm bảo tất cả viên chức, nhân viên đều có đóng góp thực chất vào hoạt động của Nhà trường",
     "Tuyên truyền, nâng cao nhận thức; tạo cơ hội tham gia góp ý; đánh giá và ghi nhận sự tham gia đóng góp",
     "Hiệu trưởng, Phó hiệu trưởng; Tổ trưởng Chuyên môn và Tổ trưởng Văn phòng",
     "Tháng 01/2023 đến hết năm học 2022 - 2023", "", "Thực hiện thường xuyên", ""),
]


def seed_004_docx() -> bytes:
    doc = Document()
    for text in ["UBND HUYỆN DẦU TIẾNG", "TRƯỜNG TIỂU HỌC ĐỊNH PHƯỚC", "Số: 67/KH-THĐP",
                 "Định Hiệp, ngày 29 tháng  11  năm 2022", "KẾ HOẠCH",
                 "Cải tiến chất lượng giáo dục năm học 2022 - 2023", "1. Mục đích, yêu cầu",
                 "- Xây dựng kế hoạch cải tiến chất lượng giáo dục để thực hiện trong năm học 2022 - 2023 nhằm đưa ra "
                 "các giải pháp phát huy điểm mạnh, khắc phục điểm yếu.",
                 "- Báo cáo tự đánh giá giai đoạn từ năm 2017 đến 2022 của Trường Tiểu học Định Phước.",
                 "3. Nội dung kế hoạch cải tiến chất lượng giáo dục"]:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=8)
    _header(table, HEADER_8)
    _span_row(table, 0, "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường")
    for values in SEED_004_ROWS:
        _row(table, list(values))
    _span_row(table, 0, "Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên")
    _row(table, ["Tiêu chí 2.1: Đối với hiệu trưởng, phó hiệu trưởng", "Bổ sung biên chế phó hiệu trưởng",
                 "Tham mưu với Phòng Giáo dục và Đào tạo  Bổ nhiệm chức danh", "Hiệu trưởng", "Tháng 12/2022", "",
                 "", ""])
    _page_break(doc)
    # the rest of the 2.1 row, on the next page, in a table of its own without header
    table2 = doc.add_table(rows=0, cols=8)
    _row(table2, ["", "", "phó hiệu trưởng", "", "", "", "", ""])
    for text in ["4. Tổ chức thực hiện", "1. Hiệu trưởng - Chủ tịch Hội đồng tự đánh giá",
                 "Trên đây là kế hoạch Cải tiến chất lượng giáo dục năm học 2022 - 2023 của Trường Tiểu học Định "
                 "Phước.", "HIỆU TRƯỞNG", "Đỗ Văn Hênh"]:
        doc.add_paragraph(text)
    return _bytes(doc)


SEEDS = {
    "000": seed_000_docx,
    "001": seed_001_docx,
    "002": seed_002_docx,
    "003": seed_003_docx,
    "004": seed_004_docx,
}


# --------------------------------------------------------------------------- helpers for the import tests

# the schools of the seeds that the tiny database lacks (seed 002 is S1, Trường THCS Lý Tự Trọng)
SEED_SCHOOLS_CSV = (
    "Mã trường,Tên trường,Loại trường,Khung tiêu chí,Tỉnh/Thành phố,Xã/Phường,Quận/Huyện cũ,Đơn vị quản lý\n"
    "THCS_TB,Trường THCS Tân Bình,THCS,,Tỉnh Thử Nghiệm,Phường Một,,\n"
    "TH_NTB,Trường Tiểu học Nguyễn Thái Bình,Tiểu học,TH,Tỉnh Thử Nghiệm,Phường Hiệp Thành,Quận 12,\n"
    "MN_TM,Trường Mầm non Trục Mỹ,Mầm non,,Tỉnh Thử Nghiệm,Xã Trục Mỹ,,\n"
    "TH_DP,Trường Tiểu học Định Phước,Tiểu học,,Tỉnh Thử Nghiệm,Xã Hai,Huyện Cũ,\n"
).encode("utf-8")

COUNTED_TABLES = ("unit", "school", "assessment", "plan", "plan_item", "plan_item_log", "import_log")


def table_counts(store) -> dict[str, int]:
    with store.cursor() as cur:
        return {name: cur.execute("select count(*) from " + name).fetchone()[0] for name in COUNTED_TABLES}


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters with their shape marks (â, ơ, ư…) precomposed,
    tone marks as separate combining characters."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in "\u0302\u0306\u031b" and out:
            j = len(out) - 1
            while j > 0 and unicodedata.combining(out[j]):
                j -= 1
            composed = unicodedata.normalize("NFC", out[j] + ch)
            if len(composed) == 1:
                out[j] = composed
                continue
        out.append(ch)
    return "".join(out).encode("cp1258")
