"""Vietnamese text bank for the deterministic demo-data generator (kdcl.demo).

The wording follows the real improvement plans in tests/seeds (weaknesses,
measures, "kết quả cần đạt", lead/support roles, free-text budgets) so that the
demo district looks like real data and the theme-grouping feature finds
recurring themes across schools (class size over the limit, missing subject
rooms, teachers below the qualification standard, no equipment staff, small
playground / no multi-purpose hall, library below standard, fire alarm missing,
website not updated, school not yet a cultural centre, weak students ...).

Families are the framework ids of data/criteria_2018.csv: "MN" (preschool,
Thông tư 19/2018), "TH" (primary, Thông tư 17/2018) and "THCS_THPT" (lower and
upper secondary, Thông tư 18/2018). Every criterion code of each framework has
3-4 weaknesses, 2-3 measures and 1-2 target results. Within one criterion the
lists are loosely aligned: entry i of MEASURES / TARGET_RESULTS tends to answer
entry i of WEAKNESSES, but every measure is plausible for every weakness of the
same criterion, so independent random picks stay coherent.

All strings are NFC. Stdlib only; run this file to self-check against the catalog.
"""

from __future__ import annotations

FAMILIES = ("MN", "TH", "THCS_THPT")

# criterion code -> (weaknesses, measures, target results)
_Entry = tuple[list[str], list[str], list[str]]

# ---------------------------------------------------------------------------
# Standard 1-2 and a few standard 3-4 criteria worded the same way for primary
# and secondary schools (both use "học sinh", "cha mẹ học sinh").
# ---------------------------------------------------------------------------
_SCHOOL_COMMON: dict[str, _Entry] = {
    "1.1": (
        [
            "Phương hướng, chiến lược xây dựng và phát triển nhà trường chưa có sự tham gia đóng góp ý kiến của cộng đồng.",
            "Phương hướng, chiến lược xây dựng và phát triển nhà trường chưa được đăng tải kịp thời trên website của nhà trường.",
            "Việc rà soát, điều chỉnh phương hướng, chiến lược phát triển nhà trường theo từng năm học chưa thường xuyên.",
            "Nhà trường chưa có giải pháp giám sát hiệu quả việc thực hiện phương hướng, chiến lược xây dựng và phát triển.",
        ],
        [
            "Hiệu trưởng tiếp tục xây dựng và thực hiện phương hướng, chiến lược phát triển nhà trường theo từng giai đoạn. "
            "Khi rà soát, bổ sung cần lấy ý kiến rộng rãi của cha mẹ học sinh và cộng đồng qua các buổi họp cha mẹ học sinh "
            "và cổng thông tin điện tử của nhà trường.",
            "Hiệu trưởng phân công Ban Quản trị website thường xuyên cập nhật, đăng tải phương hướng, chiến lược và các văn bản "
            "điều chỉnh lên website nhà trường ngay sau khi được phê duyệt.",
            "Hằng năm, Hiệu trưởng phối hợp với Hội đồng trường rà soát, đánh giá kết quả thực hiện phương hướng, chiến lược; "
            "kịp thời điều chỉnh các chỉ tiêu cho phù hợp với điều kiện thực tế của nhà trường và địa phương.",
        ],
        [
            "Phương hướng, chiến lược xây dựng và phát triển nhà trường được lấy ý kiến của cha mẹ học sinh, cộng đồng và "
            "được công khai trên website nhà trường.",
            "Nhà trường có các giải pháp giám sát việc thực hiện phương hướng, chiến lược xây dựng và phát triển (Mức 2).",
        ],
    ),
    "1.2": (
        [
            "Việc kiểm tra của Hội đồng trường đối với hoạt động chung của nhà trường đôi khi còn chậm hơn so với kế hoạch đề ra.",
            "Hội đồng thi đua, khen thưởng hoạt động chưa thật sự hiệu quả; tiêu chí thi đua chưa cụ thể, rõ ràng.",
            "Một số thành viên Hội đồng trường là đại diện chính quyền địa phương, cha mẹ học sinh chưa tham gia đầy đủ các phiên họp.",
            "Nghị quyết của Hội đồng trường có nội dung còn chung chung, chưa sát với tình hình thực tế của nhà trường.",
        ],
        [
            "Hội đồng trường và các hội đồng khác tiếp tục thực hiện chức năng, nhiệm vụ và quyền hạn theo quy định. "
            "Chủ tịch Hội đồng trường xây dựng kế hoạch kiểm tra, giám sát cụ thể và tổ chức đúng thời gian các phiên họp.",
            "Phân công rõ trách nhiệm cho từng thành viên; tổ chức tập huấn, bồi dưỡng nghiệp vụ về công tác thi đua - khen thưởng; "
            "xây dựng quy trình, tiêu chí thi đua cụ thể, rõ ràng, phù hợp với đặc điểm của đơn vị.",
            "Hiệu trưởng phối hợp với Chủ tịch Hội đồng trường bố trí thời gian họp phù hợp, gửi tài liệu trước cho các thành viên "
            "để đảm bảo tham dự đầy đủ và đóng góp ý kiến có chất lượng.",
        ],
        [
            "Hội đồng trường hoạt động có hiệu quả, góp phần nâng cao chất lượng giáo dục của nhà trường.",
            "Nâng cao năng lực hoạt động của Hội đồng thi đua, khen thưởng.",
        ],
    ),
    "1.3": (
        [
            "Trường chưa có giáo viên Tổng phụ trách Đội chuyên trách, phải phân công giáo viên kiêm nhiệm nên chất lượng hoạt động Đội còn hạn chế.",
            "Đoàn viên giáo viên tập trung chủ yếu vào công tác chuyên môn nên việc tham gia hoạt động ở địa phương của chi đoàn còn hạn chế.",
            "Công tác phát triển đảng viên mới trong đội ngũ giáo viên trẻ còn chậm.",
            "Hoạt động của Công đoàn, Chi đoàn chưa phong phú về hình thức, chưa thu hút đông đảo đoàn viên tham gia.",
        ],
        [
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo bố trí biên chế vị trí việc làm Tổng phụ trách Đội. "
            "Trong thời gian chờ tuyển dụng, phân công giáo viên có năng lực kiêm nhiệm và cử đi bồi dưỡng nghiệp vụ công tác Đội.",
            "Hiệu trưởng cùng cấp ủy chi bộ tăng cường sự lãnh đạo của Đảng đối với các tổ chức, đoàn thể trong nhà trường; "
            "chỉ đạo Chi đoàn xây dựng kế hoạch tham gia các hoạt động tình nguyện, bảo vệ môi trường tại địa phương.",
            "Chi bộ làm tốt công tác tuyên truyền, vận động, bồi dưỡng quần chúng ưu tú để giáo viên mạnh dạn, tự tin phấn đấu "
            "đứng vào hàng ngũ của Đảng.",
        ],
        [
            "Nâng cao chất lượng hoạt động Đội Thiếu niên Tiền phong Hồ Chí Minh; trường có Tổng phụ trách Đội chuyên trách.",
            "Các đoàn thể, tổ chức khác đóng góp hiệu quả cho các hoạt động của nhà trường và cộng đồng.",
        ],
    ),
    "1.4": (
        [
            "Nội dung trong buổi sinh hoạt chuyên môn còn nghiêng về giải quyết sự vụ, hành chính; ý kiến đóng góp giải quyết "
            "tình huống trong giảng dạy còn hạn chế.",
            "Một số giáo viên chưa tích cực phát biểu, trao đổi trong các buổi sinh hoạt chuyên môn.",
            "Tổ chuyên môn thực hiện chuyên đề chưa đầu tư kỹ, chưa sáng tạo.",
            "Tổ văn phòng chưa có kế hoạch bồi dưỡng chuyên môn, nghiệp vụ riêng cho các thành viên.",
        ],
        [
            "Hiệu trưởng chỉ đạo phó hiệu trưởng, tổ trưởng, tổ phó chuyên môn đổi mới sinh hoạt chuyên môn theo hướng nghiên cứu "
            "bài học; tăng cường dự giờ, đánh giá việc vận dụng chuyên đề đã được triển khai.",
            "Tổ trưởng chuyên môn khuyến khích các thành viên tích cực tham gia phát biểu trong sinh hoạt chuyên môn; "
            "phân công giáo viên chuẩn bị nội dung thảo luận trước mỗi buổi sinh hoạt.",
            "Hiệu trưởng tạo điều kiện cho tổ trưởng chuyên môn tham quan, học tập trường bạn để nhân rộng chuyên đề. "
            "Khuyến khích tổ văn phòng nhận định những khó khăn trong hoạt động của tổ, qua đó xây dựng chuyên đề cho các thành viên học tập.",
        ],
        [
            "Hoạt động của tổ chuyên môn, tổ văn phòng có đóng góp hiệu quả trong việc nâng cao chất lượng các hoạt động của nhà trường.",
            "Phát huy tính tích cực của giáo viên trong việc sinh hoạt chuyên môn.",
        ],
    ),
    "1.6": (
        [
            "Nhà trường chưa xây dựng kế hoạch dài hạn tạo các nguồn tài chính hợp pháp phù hợp với điều kiện nhà trường, thực tế địa phương.",
            "Phần mềm hosting vận hành website của nhà trường thường xuyên gặp sự cố, việc công khai tài chính trên website chưa kịp thời.",
            "Hồ sơ quản lý tài sản chưa được cập nhật thường xuyên; việc kiểm kê, thanh lý tài sản hư hỏng còn chậm.",
            "Công tác lưu trữ hồ sơ, văn bản chưa khoa học; chưa ứng dụng phần mềm quản lý văn bản điện tử.",
        ],
        [
            "Hiệu trưởng chủ động, tích cực tham mưu cùng các cấp lãnh đạo và chính quyền địa phương xây dựng kế hoạch dài hạn, "
            "trung hạn và ngắn hạn tạo các nguồn tài chính hợp pháp nhằm nâng cao hiệu quả quản lý hành chính, tài chính và tài sản.",
            "Hiệu trưởng phân công viên chức phụ trách website liên hệ nhà cung cấp phần mềm khắc phục sự cố. "
            "Kế toán cập nhật kịp thời các nội dung công khai tài chính theo quy định.",
            "Kế toán phối hợp với nhân viên thiết bị định kỳ kiểm kê tài sản, cập nhật sổ theo dõi và lập hồ sơ đề nghị thanh lý "
            "tài sản hư hỏng theo đúng quy định.",
        ],
        [
            "Có kế hoạch dài hạn, trung hạn và ngắn hạn để tạo các nguồn tài chính hợp pháp phù hợp với điều kiện nhà trường, thực tế địa phương.",
            "Website nhà trường vận hành ổn định; các nội dung công khai được cập nhật đầy đủ, kịp thời.",
        ],
    ),
    "1.7": (
        [
            "Một vài giáo viên, nhân viên chưa tích cực trong việc học tập nâng cao trình độ chuyên môn, nghiệp vụ.",
            "Trường chưa có nhân viên thư viện, phải phân công giáo viên kiêm nhiệm nên hoạt động thư viện chưa hiệu quả.",
            "Việc phân công nhiệm vụ cho một số giáo viên chưa thật sự phù hợp với năng lực, sở trường.",
            "Còn 02 giáo viên chưa đạt chuẩn trình độ đào tạo theo Luật Giáo dục năm 2019.",
        ],
        [
            "Hiệu trưởng chỉ đạo phó hiệu trưởng, tổ trưởng chuyên môn tăng cường dự giờ, góp ý giáo viên mới để nâng cao tay nghề "
            "và tạo điều kiện cho giáo viên tham gia học tập nâng cao trình độ chuyên môn, nghiệp vụ.",
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo bố trí biên chế vị trí việc làm nhân viên thư viện; "
            "cử người kiêm nhiệm tham gia bồi dưỡng nghiệp vụ thư viện.",
            "Đầu năm học, Hiệu trưởng rà soát năng lực, sở trường của từng cá nhân để phân công nhiệm vụ hợp lý; "
            "định kỳ đánh giá và điều chỉnh kịp thời.",
        ],
        [
            "Có các biện pháp để phát huy năng lực của cán bộ quản lý, giáo viên, nhân viên trong việc xây dựng, phát triển và "
            "nâng cao chất lượng giáo dục nhà trường.",
            "Nâng cao chất lượng hoạt động thư viện; có nhân viên thư viện chuyên trách.",
        ],
    ),
    "1.8": (
        [
            "Hoạt động kiểm tra đánh giá các hoạt động giáo dục trong nhà trường đôi lúc còn chậm so với kế hoạch.",
            "Kế hoạch giáo dục của một số tổ chuyên môn chưa sát với điều kiện thực tế của nhà trường và đối tượng học sinh.",
            "Việc ứng dụng công nghệ thông tin trong quản lý các hoạt động giáo dục còn hạn chế.",
        ],
        [
            "Hiệu trưởng chỉ đạo các phó hiệu trưởng xây dựng chặt chẽ kế hoạch kiểm tra nội bộ và thực hiện kiểm tra các hoạt động "
            "giáo dục đúng tiến độ theo kế hoạch đề ra, chú ý phân công nhiệm vụ phù hợp với năng lực, sở trường của từng cá nhân.",
            "Phó hiệu trưởng hướng dẫn tổ trưởng chuyên môn rà soát, điều chỉnh kế hoạch giáo dục của tổ phù hợp với điều kiện thực tế "
            "và đối tượng học sinh; duyệt kế hoạch trước khi triển khai.",
            "Hiệu trưởng đẩy mạnh sử dụng phần mềm quản lý trường học, sổ điểm điện tử, học bạ số; tổ chức bồi dưỡng kỹ năng "
            "công nghệ thông tin cho cán bộ, giáo viên.",
        ],
        [
            "Kế hoạch giáo dục phù hợp với quy định hiện hành, điều kiện thực tế địa phương và điều kiện của nhà trường; "
            "hoạt động kiểm tra được thực hiện đúng tiến độ.",
            "Các hoạt động giáo dục được quản lý, theo dõi trên phần mềm quản lý trường học.",
        ],
    ),
    "1.9": (
        [
            "Trong các buổi họp, số lượng ý kiến thảo luận của cán bộ, giáo viên, nhân viên chưa nhiều và chưa tập trung vào "
            "nhiệm vụ phát triển nhà trường.",
            "Việc công khai các nội dung theo quy định trên website nhà trường chưa kịp thời.",
            "Hoạt động của Ban Thanh tra nhân dân chưa thường xuyên, chưa có biên bản giám sát định kỳ.",
            "Chưa có hộp thư góp ý hoặc kênh tiếp nhận ý kiến trực tuyến của cha mẹ học sinh.",
        ],
        [
            "Hiệu trưởng chỉ đạo các bộ phận, đoàn thể tăng cường đối thoại, tạo điều kiện, khuyến khích để các cá nhân mạnh dạn "
            "góp ý trong các cuộc họp thông qua hình thức góp ý trực tiếp hoặc bằng văn bản.",
            "Hiệu trưởng phân công Ban Quản trị website cập nhật đầy đủ, kịp thời các nội dung công khai theo quy định; "
            "niêm yết công khai tại bảng tin nhà trường.",
            "Chủ tịch Công đoàn phối hợp với Ban Thanh tra nhân dân xây dựng kế hoạch giám sát cụ thể, định kỳ báo cáo kết quả "
            "tại hội nghị cán bộ, viên chức.",
        ],
        [
            "Đảm bảo tất cả viên chức, nhân viên đều có đóng góp thực chất vào hoạt động của nhà trường.",
            "Các biện pháp và cơ chế giám sát việc thực hiện quy chế dân chủ cơ sở đảm bảo công khai, minh bạch, hiệu quả.",
        ],
    ),
    "1.10": (
        [
            "Hệ thống báo cháy tự động của nhà trường chưa có.",
            "Vẫn còn tình trạng buôn bán trước cổng trường vào đầu giờ học gây mất an toàn giao thông.",
            "Hình thức tuyên truyền về an ninh trật tự, phòng chống bạo lực học đường chưa phong phú.",
            "Hệ thống camera giám sát chưa bao quát hết các khu vực trong khuôn viên trường.",
        ],
        [
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo, UBND huyện xin kinh phí lắp đặt hệ thống báo cháy tự động; "
            "phối hợp với Công an huyện tổ chức diễn tập phòng cháy, chữa cháy cho cán bộ, giáo viên, nhân viên và học sinh.",
            "Hiệu trưởng phối hợp với Công an xã, UBND xã có biện pháp giải tỏa tình trạng buôn bán trước cổng trường; "
            "phân công bảo vệ, giám thị trực cổng vào đầu và cuối buổi học.",
            "Tổng phụ trách Đội, giáo viên chủ nhiệm đa dạng hóa hình thức tuyên truyền qua tiết chào cờ, sân khấu hóa, "
            "cuộc thi tìm hiểu về an toàn trường học, phòng chống bạo lực học đường.",
        ],
        [
            "Nhà trường có hệ thống báo cháy, phương án phòng cháy chữa cháy được phê duyệt và diễn tập định kỳ.",
            "Đảm bảo an ninh trật tự, an toàn trường học; không xảy ra bạo lực học đường.",
        ],
    ),
    "2.1": (
        [
            "Kỹ năng giao tiếp tiếng Anh của hiệu trưởng và phó hiệu trưởng còn hạn chế.",
            "Trường còn thiếu 01 phó hiệu trưởng so với quy định.",
            "Phó hiệu trưởng chưa có chứng chỉ bồi dưỡng cán bộ quản lý giáo dục.",
            "Việc ứng dụng công nghệ thông tin trong quản lý, điều hành của cán bộ quản lý chưa thật sự hiệu quả.",
        ],
        [
            "Hiệu trưởng và phó hiệu trưởng dành thời gian để tự học và tham gia các lớp bồi dưỡng kỹ năng giao tiếp tiếng Anh.",
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo bổ sung biên chế, bổ nhiệm chức danh phó hiệu trưởng theo đúng quy định.",
            "Hiệu trưởng tạo điều kiện cho phó hiệu trưởng tham gia lớp bồi dưỡng cán bộ quản lý giáo dục, trung cấp lý luận chính trị "
            "theo kế hoạch của cấp trên.",
        ],
        [
            "Hiệu trưởng, phó hiệu trưởng đạt chuẩn hiệu trưởng mức khá trở lên; có khả năng giao tiếp cơ bản bằng tiếng Anh.",
            "Bổ sung biên chế phó hiệu trưởng đảm bảo đúng quy định.",
        ],
    ),
    "3.4": (
        [
            "Việc thu gom rác trong nhà trường chưa thực hiện kịp thời mỗi ngày.",
            "Một số khu vệ sinh học sinh đã xuống cấp, thiết bị vệ sinh hư hỏng.",
            "Số lượng khu vệ sinh chưa đáp ứng đủ theo tỷ lệ học sinh/thiết bị vệ sinh theo quy định.",
            "Hệ thống thoát nước chưa đảm bảo, sân trường còn ngập úng cục bộ khi mưa lớn.",
        ],
        [
            "Hiệu trưởng tiếp tục duy trì, thường xuyên rà soát, tu bổ các công trình vệ sinh và hệ thống thoát nước; "
            "kiến nghị với đơn vị thu gom rác sắp xếp thời gian thu gom rác cho trường mỗi ngày.",
            "Hiệu trưởng tham mưu Phòng Giáo dục và Đào tạo, UBND huyện cấp kinh phí cải tạo, sửa chữa khu vệ sinh học sinh; "
            "nhân viên bảo vệ thường xuyên kiểm tra, báo cáo hư hỏng.",
            "Nhà trường lập dự toán xây dựng bổ sung khu vệ sinh, nạo vét hệ thống thoát nước từ nguồn ngân sách và vận động xã hội hóa.",
        ],
        [
            "Khu vệ sinh sạch sẽ, đủ số lượng, thuận tiện cho học sinh sử dụng; hệ thống cấp thoát nước hoạt động tốt.",
            "Rác thải được thu gom, phân loại và xử lý hằng ngày, đảm bảo vệ sinh môi trường.",
        ],
    ),
    "4.1": (
        [
            "Một số thành viên trong Ban đại diện cha mẹ học sinh do bận công tác nên chưa tham gia đầy đủ buổi họp của Ban đại diện.",
            "Hoạt động của Ban đại diện cha mẹ học sinh lớp ở một số lớp chưa thường xuyên.",
            "Sự phối hợp giữa Ban đại diện cha mẹ học sinh với nhà trường trong giáo dục học sinh cá biệt chưa chặt chẽ.",
        ],
        [
            "Hiệu trưởng chọn thời gian thích hợp để mọi thành viên trong Ban đại diện đều có thể tham dự cuộc họp đầy đủ; "
            "tăng cường trao đổi qua nhóm Zalo, điện thoại.",
            "Giáo viên chủ nhiệm phối hợp với Ban đại diện cha mẹ học sinh lớp xây dựng kế hoạch hoạt động cụ thể theo từng học kỳ.",
            "Nhà trường tiếp tục thực hiện cơ chế phối hợp giữa nhà trường và Ban đại diện cha mẹ học sinh theo Thông tư số "
            "55/2011/TT-BGDĐT; định kỳ trao đổi về tình hình học sinh cần quan tâm đặc biệt.",
        ],
        [
            "Ban đại diện cha mẹ học sinh phối hợp có hiệu quả với nhà trường trong việc tổ chức các hoạt động giáo dục.",
            "100% thành viên Ban đại diện cha mẹ học sinh tham gia đầy đủ các cuộc họp định kỳ.",
        ],
    ),
    "4.2": (
        [
            "Nhà trường chưa thực sự trở thành trung tâm văn hóa, giáo dục của địa phương.",
            "Hằng năm, trong công tác tuyển sinh, nhà trường phải tiếp nhận học sinh vượt chỉ tiêu được giao do tình hình tăng dân số cơ học.",
            "Chưa tổ chức thường xuyên các hoạt động chăm sóc di tích lịch sử, gia đình chính sách tại địa phương.",
            "Việc huy động các nguồn lực xã hội hóa để xây dựng cơ sở vật chất còn hạn chế.",
        ],
        [
            "Hiệu trưởng tiếp tục làm tốt công tác tham mưu với chính quyền địa phương và cấp ủy đảng. Đưa các chuyên đề hoạt động "
            "địa phương lồng ghép vào các tiết học, hoạt động trải nghiệm để nhà trường trở thành trung tâm văn hóa, giáo dục của địa phương.",
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo, kiến nghị với UBND huyện xây dựng thêm phòng học, điều chỉnh địa bàn "
            "tuyển sinh để sĩ số học sinh đảm bảo theo quy định.",
            "Lãnh đạo nhà trường chỉ đạo Chi đoàn, Liên đội xây dựng kế hoạch chăm sóc 01 di tích lịch sử hoặc ít nhất 01 gia đình "
            "thương binh, liệt sĩ, gia đình có công với cách mạng ở địa phương.",
        ],
        [
            "Tham mưu cấp ủy Đảng, chính quyền và phối hợp có hiệu quả với các tổ chức, cá nhân xây dựng nhà trường trở thành "
            "trung tâm văn hóa, giáo dục của địa phương.",
            "Tuyển sinh đúng chỉ tiêu được giao; sĩ số học sinh/lớp đảm bảo theo quy định.",
        ],
    ),
}

# ---------------------------------------------------------------------------
# Primary schools (Thông tư 17/2018/TT-BGDĐT)
# ---------------------------------------------------------------------------
_TH_ONLY: dict[str, _Entry] = {
    "1.5": (
        [
            "Sĩ số học sinh/lớp vượt quy định tại Điều lệ trường tiểu học.",
            "Sĩ số bình quân học sinh/lớp còn cao (có 12 lớp trên 35 học sinh/lớp).",
            "Hội đồng tự quản học sinh ở một số lớp hoạt động chưa hiệu quả, học sinh chưa mạnh dạn.",
            "Số lớp vượt quá quy định; sĩ số bình quân học sinh/lớp chưa đảm bảo theo quy định tại Thông tư số 28/2020/TT-BGDĐT.",
        ],
        [
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo, UBND xã xây dựng kế hoạch tuyển sinh phân tuyến cho phù hợp "
            "nhằm từng bước đảm bảo sĩ số học sinh/lớp theo quy định.",
            "Hiệu trưởng kiến nghị với UBND huyện đầu tư xây dựng thêm phòng học để giảm số lớp, đảm bảo sĩ số học sinh theo đúng "
            "quy định của Điều lệ trường tiểu học.",
            "Giáo viên chủ nhiệm hướng dẫn, bồi dưỡng kỹ năng cho Hội đồng tự quản lớp; tổ chức lớp học linh hoạt, phù hợp với "
            "các hình thức hoạt động giáo dục.",
        ],
        [
            "Sĩ số học sinh/lớp từng bước đảm bảo theo quy định của Điều lệ trường tiểu học.",
            "Tổ chức lớp học linh hoạt và phù hợp với các hình thức hoạt động giáo dục.",
        ],
    ),
    "2.2": (
        [
            "Còn 02 giáo viên chưa đạt chuẩn trình độ đào tạo theo quy định của Luật Giáo dục năm 2019.",
            "Trường còn 03 giáo viên có trình độ cao đẳng đang học lên đại học để đạt chuẩn quy định theo lộ trình.",
            "Nhà trường chưa tuyển được giáo viên dạy Tin học, phải phân công giáo viên dạy nhiều môn kiêm nhiệm.",
            "Tỷ lệ giáo viên đạt danh hiệu giáo viên dạy giỏi cấp huyện còn thấp.",
        ],
        [
            "Hiệu trưởng tiếp tục xây dựng lộ trình nâng chuẩn trình độ đào tạo giáo viên phù hợp Luật Giáo dục năm 2019; "
            "tạo điều kiện về thời gian để giáo viên tham gia học tập.",
            "Hiệu trưởng bố trí thời khóa biểu hợp lý, hỗ trợ kinh phí theo quy định để giáo viên hoàn thành chương trình đào tạo "
            "đại học đúng lộ trình.",
            "Nhà trường xây dựng Đề án vị trí việc làm, tiếp tục tuyển dụng giáo viên dạy Tin học. Phân công giáo viên hợp lý để dạy "
            "các môn học và tổ chức các hoạt động giáo dục theo Chương trình giáo dục phổ thông cấp tiểu học.",
        ],
        [
            "100% giáo viên đạt chuẩn trình độ đào tạo theo quy định.",
            "Đủ giáo viên dạy các môn học theo Chương trình giáo dục phổ thông 2018.",
        ],
    ),
    "2.3": (
        [
            "Trường chưa có nhân viên biên chế phụ trách công tác thiết bị.",
            "Trường còn thiếu 01 nhân viên hỗ trợ giáo dục người khuyết tật và 01 vị trí nhân viên công nghệ thông tin theo quy định.",
            "Trường chưa có nhân viên thư viện chuyên trách; nhân viên văn thư kiêm nhiệm thủ quỹ.",
            "Nhân viên y tế trường học làm việc theo hợp đồng, chưa được bồi dưỡng chuyên môn thường xuyên.",
        ],
        [
            "Phó hiệu trưởng lên kế hoạch đào tạo bồi dưỡng, cử 01 nhân viên văn phòng đi tập huấn nghiệp vụ thiết bị trường học "
            "để tạm thời thực hiện công tác thiết bị khi chưa tuyển dụng được nhân viên thiết bị.",
            "Nhà trường đăng ký tuyển dụng các vị trí nhân viên còn thiếu để từng bước đảm bảo đủ vị trí nhân viên theo Đề án vị trí việc làm.",
            "Hiệu trưởng phân công nhiệm vụ cho nhân viên theo đúng năng lực và trình độ chuyên môn; tạo điều kiện để nhân viên "
            "tham gia các lớp bồi dưỡng nghiệp vụ.",
        ],
        [
            "Nhà trường có đủ nhân viên thiết bị, thư viện, văn thư, kế toán, y tế theo vị trí việc làm.",
            "Nhân viên được bồi dưỡng nghiệp vụ, hoàn thành tốt nhiệm vụ được giao.",
        ],
    ),
    "2.4": (
        [
            "Trường vẫn còn học sinh vi phạm nội quy nhiều lần, sự chuyển biến chưa tốt.",
            "Một số học sinh chưa mạnh dạn, tự tin trong giao tiếp và tham gia các hoạt động tập thể.",
            "Vẫn còn học sinh đi học trễ, chưa thực hiện tốt nền nếp, tác phong.",
        ],
        [
            "Hiệu trưởng chỉ đạo giáo viên chủ nhiệm xây dựng kế hoạch công tác chủ nhiệm, chú trọng phối hợp với cha mẹ học sinh "
            "để giáo dục học sinh vi phạm nội quy. Hằng tuần, đội Sao đỏ kiểm tra, nhắc nhở và báo cáo Tổng phụ trách Đội.",
            "Giáo viên chủ nhiệm tạo cơ hội để học sinh tham gia điều hành các hoạt động của lớp, của Đội; tổ chức các hoạt động "
            "trải nghiệm giúp học sinh mạnh dạn, tự tin.",
            "Phân công bảo vệ, Tổng phụ trách Đội trực cổng đầu giờ nhắc nhở, ghi nhận và thông báo kịp thời đến cha mẹ học sinh.",
        ],
        [
            "Học sinh thực hiện tốt nhiệm vụ và quyền theo Điều lệ trường tiểu học; giảm tối đa số học sinh vi phạm nội quy.",
        ],
    ),
    "3.1": (
        [
            "Nhà trường chưa đảm bảo diện tích khuôn viên bình quân tối thiểu 6 m²/học sinh đối với khu vực thành phố.",
            "Chưa có nhà đa năng; sân tập thể dục thể thao còn nhỏ, chưa đáp ứng nhu cầu tập luyện của học sinh.",
            "Đồ chơi, thiết bị vận động chưa đáp ứng với nhu cầu học sinh toàn trường.",
            "Sân trường hẹp, cây xanh bóng mát còn ít; một số khu vực sân bị lún, đọng nước khi trời mưa.",
        ],
        [
            "Hiệu trưởng tham mưu với UBND huyện, Phòng Giáo dục và Đào tạo bổ sung quỹ đất, mở rộng khuôn viên nhà trường "
            "để đảm bảo diện tích theo quy định.",
            "Hiệu trưởng đề xuất với UBND huyện đầu tư xây dựng nhà đa năng. Trong thời gian chờ đầu tư, tổ trưởng chuyên môn "
            "phối hợp với Trung tâm Văn hóa - Thể thao để tổ chức các hoạt động thể thao cần sân bãi.",
            "Hiệu trưởng chỉ đạo bộ phận kế toán và thiết bị tăng cường trang bị thêm đồ chơi và các thiết bị vận động từ nguồn "
            "kinh phí được cấp và công tác xã hội hóa.",
        ],
        [
            "Khuôn viên, sân chơi, sân tập đảm bảo diện tích, đáp ứng nhu cầu vui chơi, rèn luyện của học sinh.",
            "Có nhà đa năng hoặc sân tập thể dục thể thao đáp ứng yêu cầu tập luyện.",
        ],
    ),
    "3.2": (
        [
            "Chưa có phòng học bộ môn Tin học, Ngoại ngữ.",
            "Trường chưa có phòng học riêng biệt để dạy các môn Âm nhạc, Mỹ thuật, Khoa học.",
            "Diện tích một số phòng học chưa đạt tối thiểu 1,35 m²/học sinh.",
            "Bàn ghế học sinh ở một số lớp chưa đúng kích cỡ theo quy định, đã xuống cấp.",
        ],
        [
            "Hiệu trưởng tham mưu với UBND huyện đầu tư xây dựng phòng học bộ môn Tin học, Ngoại ngữ; trước mắt cải tạo phòng học "
            "chưa sử dụng thành phòng đa chức năng.",
            "Hiệu trưởng đề xuất với lãnh đạo địa phương xây dựng thêm phòng học để giảm số lớp, từng bước có phòng riêng biệt "
            "dạy các môn Âm nhạc, Mỹ thuật, Khoa học.",
            "Kế toán, nhân viên thiết bị rà soát, lập dự toán mua sắm bổ sung bàn ghế đúng quy cách từ ngân sách chi thường xuyên "
            "và nguồn xã hội hóa.",
        ],
        [
            "Có đủ phòng học bộ môn theo quy định; phòng học đảm bảo diện tích, ánh sáng, bàn ghế theo tiêu chuẩn.",
            "Có phòng học riêng để dạy các môn Âm nhạc, Mỹ thuật, Tin học, Ngoại ngữ.",
        ],
    ),
    "3.3": (
        [
            "Trường chưa có phòng lưu trữ hồ sơ, tài liệu chung.",
            "Chưa có phòng đa chức năng để tổ chức các hoạt động giáo dục thể chất, giáo dục nghệ thuật.",
            "Các phòng hành chính quản trị có diện tích chưa đạt kích thước theo tiêu chuẩn quốc gia.",
            "Chưa có phòng hỗ trợ giáo dục học sinh khuyết tật học hòa nhập, phòng truyền thống.",
        ],
        [
            "Nhà trường sắp xếp, bố trí lại các phòng hiện có để có nơi lưu trữ hồ sơ, tài liệu chung; trang bị tủ, kệ lưu trữ khoa học.",
            "Hiệu trưởng tham mưu với UBND huyện đưa hạng mục xây dựng phòng đa chức năng, phòng hỗ trợ giáo dục hòa nhập vào "
            "kế hoạch đầu tư công trung hạn.",
            "Hiệu trưởng phân công bộ phận quản lý tài sản định kỳ kiểm kê; các cá nhân chịu trách nhiệm phòng làm việc của mình, "
            "sắp xếp thiết bị gọn gàng, khoa học.",
        ],
        [
            "Khối phòng phục vụ học tập và khối phòng hành chính - quản trị đáp ứng yêu cầu tối thiểu theo quy định.",
            "Có phòng đa chức năng phục vụ các hoạt động giáo dục thể chất, nghệ thuật.",
        ],
    ),
    "3.5": (
        [
            "Hệ thống Internet của trường thường gặp sự cố nên giáo viên gặp nhiều khó khăn khi ứng dụng công nghệ thông tin trong giảng dạy.",
            "Thiết bị dạy học tối thiểu chưa đảm bảo đủ theo danh mục của Chương trình giáo dục phổ thông 2018.",
            "Một số thiết bị dạy học đã cũ, hư hỏng, chưa được sửa chữa, bổ sung kịp thời.",
            "Số lượng máy chiếu, tivi thông minh tại các phòng học chưa đủ.",
        ],
        [
            "Phó hiệu trưởng phụ trách cơ sở vật chất chỉ đạo nhân viên thường xuyên kiểm tra hệ thống mạng Internet, đề xuất "
            "sửa chữa, nâng cấp kịp thời đảm bảo kết nối cho giáo viên.",
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo cấp bổ sung thiết bị dạy học tối thiểu; nhân viên thiết bị rà soát, "
            "lập danh mục thiết bị còn thiếu.",
            "Giáo viên tích cực làm đồ dùng dạy học tự làm; nhà trường tổ chức hội thi đồ dùng dạy học hằng năm, sửa chữa và bảo quản "
            "thiết bị hiện có.",
        ],
        [
            "Thiết bị dạy học đủ theo danh mục tối thiểu, được khai thác sử dụng có hiệu quả.",
            "Hệ thống Internet hoạt động ổn định; 100% phòng học có tivi hoặc máy chiếu.",
        ],
    ),
    "3.6": (
        [
            "Thư viện chưa đạt chuẩn theo quy định tại Thông tư số 16/2022/TT-BGDĐT.",
            "Số máy tính được kết nối Internet trong thư viện còn ít, chưa đáp ứng nhu cầu nghiên cứu của giáo viên và học sinh.",
            "Nhà trường chưa sử dụng phần mềm trong quản lý thư viện điện tử.",
            "Sách tham khảo, truyện thiếu nhi còn ít, chưa được bổ sung thường xuyên.",
        ],
        [
            "Hiệu trưởng xây dựng lộ trình đầu tư thư viện đạt chuẩn theo Thông tư số 16/2022/TT-BGDĐT; vận động cha mẹ học sinh, "
            "các tổ chức ủng hộ sách, báo.",
            "Hiệu trưởng sử dụng nguồn ngân sách để trang bị phần mềm quản lý thư viện và bổ sung máy tính kết nối Internet, "
            "đáp ứng việc tra cứu thông tin, mượn, trả sách thuận tiện.",
            "Nhân viên thư viện phối hợp với Tổng phụ trách Đội phát động phong trào quyên góp sách, xây dựng tủ sách lớp học, "
            "tổ chức ngày hội đọc sách.",
        ],
        [
            "Thư viện đạt chuẩn theo quy định, đáp ứng nhu cầu nghiên cứu, học tập của cán bộ, giáo viên, nhân viên và học sinh.",
            "Thư viện được quản lý bằng phần mềm, có máy tính kết nối Internet phục vụ tra cứu.",
        ],
    ),
    "5.1": (
        [
            "Việc công khai, phổ biến kế hoạch giáo dục của nhà trường chưa nhận được sự quan tâm nhiều của cha mẹ học sinh.",
            "Kế hoạch giáo dục nhà trường chưa được điều chỉnh kịp thời khi có thay đổi về điều kiện thực hiện.",
            "Kế hoạch giáo dục của một số khối lớp chưa thể hiện rõ việc dạy học phân hóa theo đối tượng học sinh.",
        ],
        [
            "Hiệu trưởng tăng cường công tác tuyên truyền, đổi mới hình thức phổ biến, công khai kế hoạch giáo dục qua trang thông tin "
            "điện tử, nhóm Zalo, Facebook của nhà trường để thu hút sự quan tâm, giám sát của cha mẹ học sinh.",
            "Phó hiệu trưởng chỉ đạo tổ trưởng chuyên môn định kỳ rà soát, điều chỉnh kế hoạch giáo dục của khối lớp cho phù hợp "
            "với tình hình thực tế và đối tượng học sinh.",
        ],
        [
            "Kế hoạch giáo dục của nhà trường được công khai, phổ biến rộng rãi và nhận được sự phối hợp, giám sát của cha mẹ học sinh, cộng đồng.",
        ],
    ),
    "5.2": (
        [
            "Giáo viên mới tuyển dụng, giáo viên lớn tuổi còn hạn chế khi lựa chọn phương pháp, hình thức tổ chức dạy học phát huy "
            "phẩm chất, năng lực học sinh.",
            "Việc dạy học phân hóa theo nhu cầu, sở trường của học sinh chưa được thực hiện thường xuyên.",
            "Việc đánh giá học sinh theo Thông tư số 27/2020/TT-BGDĐT ở một số giáo viên còn lúng túng, nhận xét chưa cụ thể.",
            "Tỷ lệ học sinh học 2 buổi/ngày còn thấp.",
        ],
        [
            "Phó hiệu trưởng và tổ chuyên môn tiếp tục tổ chức chuyên đề, thao giảng để bồi dưỡng, giúp giáo viên nâng cao hiệu quả "
            "đổi mới phương pháp, kỹ thuật và hình thức dạy học nhằm phát triển phẩm chất, năng lực học sinh.",
            "Hiệu trưởng chỉ đạo các tổ chuyên môn và giáo viên tăng cường tổ chức các hoạt động giáo dục phân hóa theo nhu cầu, "
            "sở trường của học sinh.",
            "Tổ trưởng chuyên môn tổ chức sinh hoạt chuyên đề về đánh giá học sinh theo Thông tư số 27/2020/TT-BGDĐT; "
            "phó hiệu trưởng kiểm tra, góp ý việc ghi nhận xét của giáo viên.",
        ],
        [
            "100% giáo viên vận dụng hiệu quả phương pháp, hình thức dạy học phát huy phẩm chất, năng lực học sinh.",
            "Thực hiện đầy đủ, hiệu quả Chương trình giáo dục phổ thông cấp tiểu học.",
        ],
    ),
    "5.3": (
        [
            "Do sân trường quá hẹp nên các hoạt động giáo dục tập thể tổ chức tại trường chỉ đảm bảo cho 80% học sinh tham gia.",
            "Các hoạt động trải nghiệm, ngoại khóa chưa phong phú, chưa thu hút đông đảo học sinh tham gia.",
            "Nhà trường chưa tổ chức được các câu lạc bộ năng khiếu, thể thao cho học sinh.",
        ],
        [
            "Hiệu trưởng chỉ đạo các phó hiệu trưởng, giáo viên Tổng phụ trách Đội khi tổ chức các hoạt động giáo dục phải luân phiên "
            "sáng, chiều để tất cả học sinh có cơ hội tham gia.",
            "Tổng phụ trách Đội phối hợp với giáo viên chủ nhiệm xây dựng kế hoạch hoạt động trải nghiệm theo chủ điểm hằng tháng; "
            "vận động cha mẹ học sinh hỗ trợ tổ chức tham quan, dã ngoại.",
            "Nhà trường thành lập các câu lạc bộ Cờ vua, Bóng đá, Vẽ, Tiếng Anh; phân công giáo viên có năng khiếu phụ trách.",
        ],
        [
            "100% học sinh được tham gia các hoạt động giáo dục ngoài giờ lên lớp, hoạt động trải nghiệm.",
            "Duy trì hiệu quả các câu lạc bộ năng khiếu, thể thao cho học sinh.",
        ],
    ),
    "5.4": (
        [
            "Một số cha mẹ học sinh có hoàn cảnh kinh tế khó khăn, là dân nhập cư, cuộc sống không ổn định nên học sinh có nguy cơ bỏ học.",
            "Hồ sơ phổ cập giáo dục chưa được cập nhật kịp thời trên hệ thống thông tin điều tra phổ cập.",
            "Tỷ lệ trẻ 11 tuổi hoàn thành chương trình tiểu học chưa đạt chỉ tiêu phổ cập giáo dục tiểu học mức độ 3.",
        ],
        [
            "Phó hiệu trưởng chỉ đạo giáo viên chủ nhiệm lớp tăng cường hơn nữa công tác phụ đạo học sinh chưa hoàn thành, "
            "phối hợp với gia đình để giảm tỷ lệ lưu ban, bỏ học.",
            "Hiệu trưởng phân công cán bộ phụ trách phổ cập phối hợp với UBND xã điều tra, cập nhật số liệu kịp thời lên hệ thống "
            "thông tin phổ cập giáo dục.",
        ],
        [
            "Duy trì và nâng cao kết quả phổ cập giáo dục tiểu học mức độ 3; không có học sinh bỏ học.",
        ],
    ),
    "5.5": (
        [
            "Trong mỗi năm học, trường vẫn còn học sinh chưa hoàn thành chương trình lớp học.",
            "Vẫn còn học sinh yếu trong học tập do thiếu sự quan tâm của gia đình.",
            "Tỷ lệ học sinh đạt giải trong các cuộc thi, giao lưu cấp huyện còn thấp.",
            "Một số học sinh lớp 1 đọc, viết chưa thành thạo ở cuối năm học.",
        ],
        [
            "Cán bộ quản lý tăng cường kiểm tra, dự giờ; chỉ đạo giáo viên dạy học phân hóa, phụ đạo học sinh chưa hoàn thành "
            "trong giờ học, tổ chức ôn tập, theo dõi giúp đỡ học sinh trong hè.",
            "Hiệu trưởng chỉ đạo giáo viên chủ nhiệm kết hợp chặt chẽ với cha mẹ học sinh trong việc theo dõi học tập, nâng cao "
            "ý thức tự giác học tập của học sinh.",
            "Tổ trưởng chuyên môn lựa chọn, bồi dưỡng học sinh có năng khiếu tham gia các cuộc thi, giao lưu các cấp.",
        ],
        [
            "Tỷ lệ học sinh hoàn thành chương trình lớp học đạt từ 98% trở lên; giảm dần số học sinh chưa hoàn thành.",
            "Nâng tỷ lệ học sinh đạt giải trong các cuộc thi, giao lưu cấp huyện, cấp tỉnh.",
        ],
    ),
}

# ---------------------------------------------------------------------------
# Lower / upper secondary schools (Thông tư 18/2018/TT-BGDĐT)
# ---------------------------------------------------------------------------
_THCS_ONLY: dict[str, _Entry] = {
    "1.5": (
        [
            "Sĩ số học sinh ở các lớp còn cao (có 18 lớp sĩ số trên 45 học sinh/lớp).",
            "Sĩ số học sinh/lớp vượt quy định tại Điều lệ trường trung học.",
            "Ban cán sự lớp ở một số lớp hoạt động chưa phát huy hiệu quả.",
            "Số lớp vượt quá quy mô theo quy định, nhà trường phải bố trí học 2 ca.",
        ],
        [
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo và UBND huyện phân tuyến lại học sinh để kéo giảm sĩ số học sinh/lớp.",
            "Hiệu trưởng đề xuất UBND huyện đầu tư xây dựng thêm phòng học, giảm số lớp học 2 ca để từng bước đảm bảo sĩ số theo quy định.",
            "Giáo viên chủ nhiệm kiện toàn ban cán sự lớp, bồi dưỡng kỹ năng điều hành cho học sinh; Tổng phụ trách Đội, "
            "Bí thư Chi đoàn hỗ trợ tập huấn cán bộ lớp.",
        ],
        [
            "Sĩ số học sinh/lớp được kéo giảm, từng bước đảm bảo theo quy định của Điều lệ trường trung học.",
            "Lớp học được tổ chức linh hoạt, phù hợp với các hình thức hoạt động giáo dục.",
        ],
    ),
    "2.2": (
        [
            "02 giáo viên chưa đạt trình độ Đại học.",
            "Thiếu giáo viên dạy môn Khoa học tự nhiên, Lịch sử và Địa lý theo hướng tích hợp; giáo viên còn lúng túng khi dạy các môn tích hợp.",
            "Số giáo viên đạt danh hiệu giáo viên dạy giỏi cấp tỉnh còn ít.",
            "Còn 03 giáo viên chưa đạt chuẩn trình độ đào tạo theo quy định.",
        ],
        [
            "Hiệu trưởng tiếp tục thực hiện kế hoạch bồi dưỡng giáo viên để tỷ lệ giáo viên đạt trên chuẩn trình độ đào tạo "
            "và đạt chuẩn nghề nghiệp là 100%.",
            "Hiệu trưởng cử giáo viên tham gia các lớp bồi dưỡng dạy học tích hợp môn Khoa học tự nhiên, Lịch sử và Địa lý; "
            "tổ trưởng chuyên môn tổ chức sinh hoạt chuyên đề về dạy học tích hợp.",
            "Tổ trưởng chuyên môn lựa chọn, bồi dưỡng giáo viên có năng lực tham gia hội thi giáo viên dạy giỏi các cấp.",
        ],
        [
            "100% giáo viên đạt chuẩn trình độ đào tạo theo quy định của Luật Giáo dục năm 2019.",
            "Giáo viên đáp ứng yêu cầu dạy học các môn tích hợp theo Chương trình giáo dục phổ thông 2018.",
        ],
    ),
    "2.3": (
        [
            "Trường chưa có nhân viên biên chế phụ trách công tác thiết bị, thí nghiệm.",
            "Trường chưa có nhân viên thư viện, phải phân công giáo viên kiêm nhiệm.",
            "Nhân viên kế toán kiêm nhiệm công tác văn thư, thủ quỹ nên khối lượng công việc nhiều.",
            "Trường còn thiếu 01 vị trí nhân viên công nghệ thông tin và 01 nhân viên hỗ trợ giáo dục người khuyết tật.",
        ],
        [
            "Phó hiệu trưởng lên kế hoạch đào tạo bồi dưỡng, cử 01 nhân viên văn phòng đi tập huấn, bồi dưỡng chuyên môn nghiệp vụ "
            "thiết bị trường học để tạm thời thực hiện công tác thiết bị khi Hiệu trưởng chưa kịp tuyển dụng nhân viên thiết bị.",
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo bố trí biên chế nhân viên thư viện, nhân viên văn thư theo "
            "Đề án vị trí việc làm.",
            "Hiệu trưởng rà soát, phân công lại nhiệm vụ hợp lý cho tổ văn phòng, tránh tình trạng một người kiêm nhiệm quá nhiều việc.",
        ],
        [
            "Nhà trường có đủ nhân viên thiết bị, thí nghiệm, thư viện, văn thư, kế toán theo vị trí việc làm.",
            "Nhân viên được bố trí đúng vị trí việc làm, hoàn thành tốt nhiệm vụ được giao.",
        ],
    ),
    "2.4": (
        [
            "Trường vẫn còn học sinh vi phạm tác phong, đi học trễ, trật tự.",
            "Vẫn còn học sinh sử dụng điện thoại di động trong giờ học, vi phạm nội quy nhà trường.",
            "Một số học sinh còn thiếu ý thức bảo vệ của công, giữ gìn vệ sinh chung.",
        ],
        [
            "Phân công giám thị trực cổng đầu giờ nhắc nhở, ghi nhận xử lý học sinh. GVCN thực hiện các biện pháp nhắc nhở, "
            "giáo dục học sinh và phối hợp chặt chẽ với cha mẹ học sinh.",
            "Hiệu trưởng chỉ đạo xây dựng quy định sử dụng điện thoại di động trong nhà trường; Đoàn - Đội tổ chức tuyên truyền, "
            "học sinh ký cam kết thực hiện nội quy.",
        ],
        [
            "Giảm số học sinh vi phạm nội quy; 100% học sinh được đánh giá kết quả rèn luyện từ mức Đạt trở lên.",
            "Học sinh thực hiện nghiêm túc nội quy, quy định về sử dụng điện thoại di động.",
        ],
    ),
    "3.1": (
        [
            "Chưa có nhà thi đấu đa năng, bãi tập thể thao, diện tích sân chơi không đủ.",
            "Diện tích khuôn viên bình quân chưa đạt tối thiểu 6 m²/học sinh theo quy định.",
            "Hệ thống tường rào, cổng trường một số đoạn đã xuống cấp.",
            "Sân bãi tập chưa có đường chạy, hố nhảy theo quy định.",
        ],
        [
            "Hiệu trưởng đề xuất UBND huyện đầu tư xây dựng nhà thi đấu đa năng. Tổ trưởng chuyên môn tổ Văn thể mỹ tiếp tục phối hợp "
            "với Trung tâm Thể dục thể thao, Nhà thiếu nhi để tổ chức các giải thể thao cần sân bãi chuyên nghiệp.",
            "Hiệu trưởng tham mưu với chính quyền địa phương bổ sung quỹ đất để mở rộng khuôn viên nhà trường.",
            "Cán bộ quản lý và bộ phận liên quan cơ sở vật chất thường xuyên kiểm tra, rà soát hệ thống tường rào, cổng, biển tên trường; "
            "Hiệu trưởng đề xuất với lãnh đạo Phòng Giáo dục và Đào tạo cho phép sửa chữa khi có hư hỏng xuống cấp.",
        ],
        [
            "Có nhà thi đấu đa năng, sân chơi, bãi tập đáp ứng yêu cầu tổ chức hoạt động giáo dục thể chất.",
            "Khuôn viên nhà trường xanh, sạch, đẹp, đảm bảo diện tích theo quy định.",
        ],
    ),
    "3.2": (
        [
            "Thiếu phòng học bộ môn theo quy định.",
            "Chưa có phòng học bộ môn Tin học, Ngoại ngữ; phòng thí nghiệm Khoa học tự nhiên chưa đạt chuẩn.",
            "Chưa có phòng đa chức năng và phòng hỗ trợ giáo dục học sinh khuyết tật học hòa nhập.",
            "Phòng học bộ môn Công nghệ, Âm nhạc, Mỹ thuật còn dùng chung với phòng học văn hóa.",
        ],
        [
            "Hiệu trưởng tham mưu với UBND huyện, Phòng Giáo dục và Đào tạo đầu tư xây dựng bổ sung phòng học bộ môn theo "
            "Thông tư số 13/2020/TT-BGDĐT.",
            "Nhân viên thiết bị phối hợp với tổ trưởng chuyên môn rà soát, lập danh mục thiết bị cần bổ sung cho phòng bộ môn "
            "Khoa học tự nhiên, Tin học, Ngoại ngữ; Hiệu trưởng đưa vào dự toán mua sắm hằng năm.",
            "Nhà trường sắp xếp, cải tạo một số phòng hiện có thành phòng đa chức năng, phòng hỗ trợ giáo dục hòa nhập.",
        ],
        [
            "Có đủ phòng học bộ môn theo quy định, được trang bị thiết bị đáp ứng yêu cầu dạy học.",
            "Khối phục vụ học tập đáp ứng yêu cầu tối thiểu theo Thông tư số 13/2020/TT-BGDĐT.",
        ],
    ),
    "3.3": (
        [
            "Các phòng hành chính quản trị có diện tích chưa đạt kích thước tiêu chuẩn quốc gia TCVN 8794:2011.",
            "Trường chưa có phòng lưu trữ hồ sơ, tài liệu chung.",
            "Chưa có phòng y tế riêng đạt chuẩn; phòng thường trực bảo vệ đã xuống cấp.",
            "Chưa có nhà để xe riêng cho giáo viên; nhà xe học sinh chật hẹp.",
        ],
        [
            "Hiệu trưởng phân công bộ phận quản lý tài sản định kỳ kiểm kê theo quy định. Các cá nhân của từng bộ phận chịu trách nhiệm "
            "phòng làm việc của mình, sắp xếp thiết bị gọn gàng, khoa học.",
            "Nhà trường sắp xếp lại các phòng hiện có, bố trí nơi lưu trữ hồ sơ, tài liệu chung; trang bị tủ, kệ lưu trữ.",
            "Hiệu trưởng xây dựng kế hoạch tham mưu sửa chữa, cải tạo phòng y tế, phòng bảo vệ, nhà xe; vận động tài trợ từ cha mẹ học sinh.",
        ],
        [
            "Khối hành chính - quản trị đáp ứng yêu cầu tối thiểu các hoạt động hành chính - quản trị của nhà trường.",
            "Có phòng lưu trữ hồ sơ, tài liệu chung.",
        ],
    ),
    "3.5": (
        [
            "Thiết bị dạy học tối thiểu theo Chương trình giáo dục phổ thông 2018 ở một số khối lớp còn thiếu.",
            "Hệ thống Internet của trường thường gặp sự cố, đường truyền chậm.",
            "Giáo viên chưa khai thác hiệu quả thiết bị dạy học, thí nghiệm thực hành.",
            "Máy tính phòng Tin học đã cũ, cấu hình thấp, nhiều máy hư hỏng.",
        ],
        [
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo cấp bổ sung thiết bị dạy học tối thiểu; nhân viên thiết bị rà soát "
            "danh mục, đề xuất mua sắm kịp thời.",
            "Phó hiệu trưởng phụ trách cơ sở vật chất chỉ đạo kiểm tra, nâng cấp đường truyền Internet, thay thế máy tính hư hỏng, "
            "đảm bảo phục vụ dạy học.",
            "Tổ trưởng chuyên môn đưa việc sử dụng thiết bị, thí nghiệm thực hành vào tiêu chí đánh giá tiết dạy; định kỳ kiểm tra "
            "sổ theo dõi mượn, trả thiết bị.",
        ],
        [
            "Thiết bị dạy học đủ theo danh mục tối thiểu và được sử dụng có hiệu quả.",
            "100% tiết thực hành, thí nghiệm được tổ chức theo quy định.",
        ],
    ),
    "3.6": (
        [
            "Thư viện chưa đạt chuẩn theo quy định tại Thông tư số 16/2022/TT-BGDĐT.",
            "Sách tham khảo, tài liệu phục vụ Chương trình giáo dục phổ thông 2018 còn thiếu.",
            "Nhà trường chưa xây dựng thư viện điện tử, chưa sử dụng phần mềm quản lý thư viện.",
            "Phòng đọc của thư viện chật hẹp, chưa đủ chỗ ngồi cho học sinh.",
        ],
        [
            "Hiệu trưởng xây dựng lộ trình đầu tư thư viện đạt chuẩn; đề nghị cấp trên hỗ trợ kinh phí cải tạo phòng đọc, bổ sung tủ, kệ.",
            "Nhân viên thư viện lập danh mục sách tham khảo còn thiếu; Hiệu trưởng trích ngân sách chi thường xuyên và vận động "
            "cha mẹ học sinh ủng hộ sách.",
            "Hiệu trưởng trang bị phần mềm quản lý thư viện, từng bước xây dựng thư viện điện tử phục vụ tra cứu, mượn trả sách.",
        ],
        [
            "Thư viện đạt chuẩn theo quy định, đáp ứng nhu cầu nghiên cứu, học tập của cán bộ, giáo viên, nhân viên và học sinh.",
            "Bổ sung đủ sách giáo khoa, sách tham khảo phục vụ Chương trình giáo dục phổ thông 2018.",
        ],
    ),
    "5.1": (
        [
            "Một số giáo viên còn lúng túng trong việc đổi mới phương pháp dạy học, kiểm tra đánh giá theo định hướng phát triển "
            "năng lực học sinh.",
            "Kế hoạch giáo dục của tổ chuyên môn chưa linh hoạt, chưa sát với điều kiện thực tế của nhà trường.",
            "Việc dạy học các môn tích hợp Khoa học tự nhiên, Lịch sử và Địa lý còn nhiều khó khăn.",
        ],
        [
            "Tổ trưởng chuyên môn tổ chức sinh hoạt chuyên môn theo nghiên cứu bài học, chuyên đề đổi mới phương pháp dạy học và "
            "kiểm tra đánh giá theo Thông tư số 22/2021/TT-BGDĐT.",
            "Phó hiệu trưởng chỉ đạo các tổ chuyên môn xây dựng kế hoạch giáo dục theo Công văn số 5512/BGDĐT-GDTrH, "
            "định kỳ rà soát, điều chỉnh cho phù hợp.",
            "Hiệu trưởng phân công giáo viên dạy các mạch nội dung phù hợp chuyên môn đào tạo; tổ chức dự giờ, trao đổi kinh nghiệm "
            "dạy học tích hợp.",
        ],
        [
            "Thực hiện đầy đủ, hiệu quả Chương trình giáo dục phổ thông; 100% giáo viên vận dụng phương pháp dạy học tích cực.",
            "Kế hoạch giáo dục của nhà trường, tổ chuyên môn được điều chỉnh linh hoạt, phù hợp với điều kiện thực tế.",
        ],
    ),
    "5.2": (
        [
            "Chất lượng bồi dưỡng học sinh giỏi chưa cao, số học sinh đạt giải cấp tỉnh còn ít.",
            "Vẫn còn học sinh yếu trong học tập do lười học và thiếu sự chăm sóc của gia đình.",
            "Công tác phụ đạo học sinh yếu, kém chưa được tổ chức thường xuyên.",
            "Nhà trường chưa có phòng riêng để hỗ trợ cho học sinh có hoàn cảnh khó khăn, học sinh năng khiếu.",
        ],
        [
            "Hiệu trưởng xây dựng kế hoạch bồi dưỡng học sinh giỏi dài hạn từ lớp 6; lựa chọn giáo viên có năng lực, kinh nghiệm "
            "phụ trách đội tuyển.",
            "Hiệu trưởng chỉ đạo giáo viên chủ nhiệm kết hợp chặt chẽ với cha mẹ học sinh trong việc theo dõi học tập, giáo dục đạo đức, "
            "nâng cao ý thức tự giác học tập cho học sinh.",
            "Tổ trưởng chuyên môn phân công giáo viên phụ đạo học sinh yếu theo lịch cố định; lập hồ sơ theo dõi sự tiến bộ của từng học sinh.",
        ],
        [
            "Nâng số lượng học sinh đạt giải trong kỳ thi học sinh giỏi cấp huyện, cấp tỉnh.",
            "Giảm tỷ lệ học sinh yếu, kém; không có học sinh bỏ học vì hoàn cảnh khó khăn.",
        ],
    ),
    "5.3": (
        [
            "Việc dạy học nội dung giáo dục địa phương còn nặng về lý thuyết, ít tổ chức học tập tại thực địa.",
            "Tài liệu giáo dục địa phương chưa được cập nhật, bổ sung kịp thời; nguồn tư liệu tham khảo còn ít.",
            "Một số giáo viên chưa được bồi dưỡng về nội dung giáo dục địa phương.",
        ],
        [
            "Tổ trưởng chuyên môn xây dựng kế hoạch tổ chức cho học sinh học tập, tham quan tại các di tích lịch sử, làng nghề, "
            "công trình văn hóa trên địa bàn.",
            "Hiệu trưởng chỉ đạo tổ chuyên môn sưu tầm, biên soạn tư liệu bổ sung; phối hợp với Phòng Văn hóa - Xã hội cung cấp "
            "tài liệu về lịch sử, văn hóa địa phương và cử giáo viên tham gia tập huấn.",
        ],
        [
            "Nội dung giáo dục địa phương được thực hiện đầy đủ, gắn với thực tiễn; học sinh hiểu biết về văn hóa, lịch sử địa phương.",
        ],
    ),
    "5.4": (
        [
            "Hoạt động giáo dục hướng nghiệp chưa hiệu quả; tỷ lệ học sinh sau tốt nghiệp THCS vào học trường nghề còn thấp.",
            "Hoạt động trải nghiệm chưa phong phú, chưa thu hút đông đảo học sinh tham gia.",
            "Nhà trường chưa phối hợp thường xuyên với các cơ sở giáo dục nghề nghiệp, doanh nghiệp trong tư vấn hướng nghiệp.",
        ],
        [
            "Hiệu trưởng phân công giáo viên phụ trách công tác tư vấn hướng nghiệp; tổ chức các buổi tư vấn tuyển sinh, phân luồng "
            "cho học sinh lớp 9 và cha mẹ học sinh.",
            "Tổng phụ trách Đội, Bí thư Chi đoàn phối hợp với giáo viên chủ nhiệm xây dựng kế hoạch hoạt động trải nghiệm theo chủ đề; "
            "tổ chức tham quan thực tế, ngày hội trải nghiệm.",
            "Hiệu trưởng ký kết phối hợp với Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên và doanh nghiệp trên địa bàn "
            "để học sinh được tham quan, trải nghiệm nghề.",
        ],
        [
            "Các hoạt động trải nghiệm, hướng nghiệp được tổ chức thường xuyên, hiệu quả; góp phần phân luồng học sinh sau tốt nghiệp THCS.",
        ],
    ),
    "5.5": (
        [
            "Kỹ năng giao tiếp, ứng xử, tự phục vụ của một số học sinh còn hạn chế.",
            "Hoạt động giáo dục kỹ năng sống chưa được tổ chức thường xuyên, hình thức chưa đa dạng.",
            "Kỹ năng phòng tránh đuối nước, xâm hại, tai nạn thương tích của học sinh còn hạn chế.",
        ],
        [
            "Giáo viên chủ nhiệm lồng ghép giáo dục kỹ năng sống trong tiết sinh hoạt lớp, hoạt động trải nghiệm; tổ chức các tình huống "
            "thực hành giao tiếp, ứng xử.",
            "Tổng phụ trách Đội phối hợp với Đoàn xã, Trạm Y tế, Công an xã tổ chức chuyên đề kỹ năng sống, phòng chống đuối nước, "
            "phòng chống xâm hại cho học sinh.",
        ],
        [
            "Học sinh có kỹ năng sống cơ bản, thực hiện tốt các quy tắc ứng xử văn hóa trong nhà trường.",
            "100% học sinh được tham gia các chuyên đề giáo dục kỹ năng sống.",
        ],
    ),
    "5.6": (
        [
            "Vẫn còn học sinh yếu trong học tập do lười học và thiếu sự chăm sóc của gia đình.",
            "Tỷ lệ học sinh có kết quả học tập mức Tốt còn thấp so với mặt bằng chung.",
            "Vẫn còn học sinh có kết quả rèn luyện mức Chưa đạt, phải rèn luyện trong hè.",
            "Tỷ lệ học sinh lưu ban, bỏ học còn 0,8%.",
        ],
        [
            "Hiệu trưởng chỉ đạo giáo viên chủ nhiệm kết hợp chặt chẽ với cha mẹ học sinh trong việc theo dõi học tập. Bên cạnh đó, "
            "tiếp tục đẩy mạnh việc đổi mới phương pháp giảng dạy và đánh giá kết quả học tập của học sinh.",
            "Tổ trưởng chuyên môn xây dựng kế hoạch nâng cao chất lượng các môn học; tổ chức kiểm tra chung theo khối, phân tích kết quả "
            "để có giải pháp điều chỉnh.",
            "Giáo viên chủ nhiệm theo dõi sát học sinh có nguy cơ bỏ học, phối hợp với Ban đại diện cha mẹ học sinh, chính quyền "
            "địa phương vận động học sinh ra lớp.",
        ],
        [
            "Tỷ lệ học sinh có kết quả học tập từ mức Đạt trở lên đạt 97%; giảm dần tỷ lệ học sinh yếu.",
            "Tỷ lệ học sinh lên lớp thẳng đạt từ 95% trở lên, tỷ lệ học sinh bỏ học dưới 1%.",
        ],
    ),
}

# ---------------------------------------------------------------------------
# Preschools (Thông tư 19/2018/TT-BGDĐT) - "trẻ", "cha mẹ trẻ"
# ---------------------------------------------------------------------------
_MN: dict[str, _Entry] = {
    "1.1": (
        [
            "Phương hướng, chiến lược xây dựng và phát triển nhà trường chưa có sự tham gia đóng góp ý kiến của cha mẹ trẻ và cộng đồng.",
            "Phương hướng, chiến lược xây dựng và phát triển nhà trường chưa được đăng tải kịp thời lên website của nhà trường.",
            "Một số chỉ tiêu trong chiến lược phát triển chưa sát với điều kiện thực tế của địa phương.",
        ],
        [
            "Hiệu trưởng tổ chức lấy ý kiến của cha mẹ trẻ, chính quyền địa phương khi rà soát, điều chỉnh phương hướng, chiến lược; "
            "công khai qua các buổi họp cha mẹ trẻ và website nhà trường.",
            "Hiệu trưởng phân công Ban Quản trị website tăng cường kiểm tra, đăng tải kịp thời phương hướng, chiến lược và các văn bản liên quan.",
            "Hằng năm, Hiệu trưởng phối hợp với Hội đồng trường rà soát, điều chỉnh các chỉ tiêu cho phù hợp với điều kiện nhà trường và địa phương.",
        ],
        [
            "Phương hướng, chiến lược phù hợp với điều kiện nhà trường, được công khai và có sự tham gia đóng góp ý kiến của cha mẹ trẻ, cộng đồng.",
            "Nhà trường có các giải pháp giám sát việc thực hiện phương hướng, chiến lược xây dựng và phát triển (Mức 2).",
        ],
    ),
    "1.2": (
        [
            "Việc kiểm tra, giám sát của Hội đồng trường đối với các hoạt động của nhà trường còn chậm so với kế hoạch.",
            "Hội đồng thi đua, khen thưởng hoạt động chưa thật sự hiệu quả; tiêu chí thi đua chưa cụ thể.",
            "Thành viên Hội đồng trường là đại diện cha mẹ trẻ, chính quyền địa phương chưa tham gia đầy đủ các phiên họp.",
        ],
        [
            "Chủ tịch Hội đồng trường xây dựng kế hoạch hoạt động, kiểm tra, giám sát cụ thể theo từng học kỳ; tổ chức họp đúng định kỳ "
            "theo quy định.",
            "Hiệu trưởng phân công rõ trách nhiệm cho từng thành viên Hội đồng thi đua, khen thưởng; xây dựng quy trình, tiêu chí thi đua "
            "cụ thể, phù hợp với đặc điểm của đơn vị.",
        ],
        [
            "Hội đồng trường và các hội đồng khác hoạt động có hiệu quả, góp phần nâng cao chất lượng nuôi dưỡng, chăm sóc, giáo dục trẻ.",
        ],
    ),
    "1.3": (
        [
            "Công tác phát triển đảng viên mới còn chậm, số quần chúng ưu tú được giới thiệu còn ít.",
            "Chi đoàn có ít đoàn viên, hoạt động chưa phong phú, việc tham gia hoạt động tại địa phương còn hạn chế.",
            "Hoạt động của Công đoàn chưa đa dạng về hình thức, chưa thu hút đông đảo đoàn viên tham gia.",
        ],
        [
            "Chi bộ làm tốt công tác tuyên truyền, bồi dưỡng quần chúng ưu tú, tạo điều kiện cho giáo viên trẻ phấn đấu đứng vào "
            "hàng ngũ của Đảng.",
            "Hiệu trưởng phối hợp với Chủ tịch Công đoàn, Bí thư Chi đoàn xây dựng kế hoạch hoạt động phong phú, tham gia các phong trào "
            "của địa phương.",
        ],
        [
            "Hằng năm giới thiệu ít nhất 01 quần chúng ưu tú để kết nạp Đảng.",
            "Các đoàn thể, tổ chức khác đóng góp hiệu quả cho các hoạt động của nhà trường và cộng đồng.",
        ],
    ),
    "1.4": (
        [
            "Tổ chuyên môn thực hiện chuyên đề chưa đầu tư kỹ, chưa sáng tạo.",
            "Nội dung sinh hoạt chuyên môn còn nặng về hành chính, chưa tập trung vào đổi mới hình thức tổ chức hoạt động cho trẻ.",
            "Tổ văn phòng chưa xây dựng chuyên đề bồi dưỡng nghiệp vụ cho các thành viên.",
        ],
        [
            "Hiệu trưởng tạo điều kiện cho tổ trưởng chuyên môn tham quan, học tập trường bạn để nhân rộng chuyên đề góp phần nâng cao "
            "chất lượng chăm sóc, nuôi dưỡng và giáo dục trẻ. Chỉ đạo phó hiệu trưởng tiếp tục bồi dưỡng chuyên môn vào 2 tháng hè.",
            "Phó hiệu trưởng chỉ đạo tổ chuyên môn đổi mới sinh hoạt chuyên môn theo hướng thực hành, dự giờ, trao đổi kinh nghiệm "
            "tổ chức hoạt động lấy trẻ làm trung tâm.",
            "Khuyến khích tổ văn phòng nhận định những khó khăn trong hoạt động của tổ, qua đó lên kế hoạch xây dựng chuyên đề cho "
            "các thành viên trong tổ học tập.",
        ],
        [
            "Hoạt động của tổ chuyên môn, tổ văn phòng có đóng góp hiệu quả trong việc nâng cao chất lượng các hoạt động của nhà trường.",
        ],
    ),
    "1.5": (
        [
            "Số trẻ/lớp mẫu giáo vượt quy định tại Điều lệ trường mầm non.",
            "Sĩ số trẻ bình quân/nhóm, lớp còn cao (có 05 lớp trên 35 trẻ/lớp).",
            "Số giáo viên/lớp chưa đảm bảo định mức theo quy định.",
            "Nhà trường còn 02 lớp mẫu giáo ghép độ tuổi.",
        ],
        [
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo, UBND xã điều chỉnh kế hoạch tuyển sinh, phân tuyến hợp lý để đảm bảo "
            "số trẻ/nhóm, lớp theo quy định.",
            "Hiệu trưởng đề xuất UBND huyện đầu tư xây dựng thêm phòng học để tách lớp, giảm sĩ số trẻ/lớp và xóa lớp ghép.",
            "Hiệu trưởng tham mưu bổ sung biên chế giáo viên; trong thời gian chờ, bố trí giáo viên hợp lý, ưu tiên cho các lớp đông trẻ "
            "và lớp mẫu giáo 5 tuổi.",
        ],
        [
            "Số trẻ/nhóm, lớp đảm bảo theo quy định của Điều lệ trường mầm non.",
            "Tổ chức nhóm trẻ, lớp mẫu giáo theo độ tuổi, đủ giáo viên theo định mức.",
        ],
    ),
    "1.6": (
        [
            "Nhà trường chưa xây dựng kế hoạch dài hạn tạo các nguồn tài chính hợp pháp phù hợp với điều kiện nhà trường, thực tế địa phương.",
            "Việc công khai tài chính, các khoản thu chi của cha mẹ trẻ trên website chưa kịp thời.",
            "Hồ sơ quản lý tài sản, sổ theo dõi thiết bị, đồ dùng, đồ chơi chưa được cập nhật thường xuyên.",
        ],
        [
            "Hiệu trưởng chủ động tham mưu với chính quyền địa phương xây dựng kế hoạch dài hạn, trung hạn và ngắn hạn để tạo các nguồn "
            "tài chính hợp pháp.",
            "Kế toán cập nhật kịp thời các nội dung công khai tài chính trên website và bảng tin nhà trường theo quy định.",
            "Hiệu trưởng chỉ đạo kế toán phối hợp với giáo viên các lớp kiểm kê tài sản định kỳ, cập nhật sổ theo dõi, lập hồ sơ thanh lý "
            "tài sản hư hỏng.",
        ],
        [
            "Có kế hoạch dài hạn, trung hạn và ngắn hạn để tạo các nguồn tài chính hợp pháp phù hợp với điều kiện nhà trường, thực tế địa phương.",
            "Công khai tài chính đầy đủ, kịp thời, đúng quy định.",
        ],
    ),
    "1.7": (
        [
            "Một vài giáo viên, nhân viên chưa tích cực trong việc học tập nâng cao trình độ chuyên môn, nghiệp vụ.",
            "Việc phân công nhiệm vụ cho giáo viên, nhân viên ở một số bộ phận chưa hợp lý, khối lượng công việc chưa đồng đều.",
            "Trường còn thiếu 03 giáo viên so với định mức quy định, phải hợp đồng giáo viên.",
        ],
        [
            "Hiệu trưởng chỉ đạo phó hiệu trưởng tăng cường dự giờ, góp ý giáo viên mới để nâng cao tay nghề; tạo điều kiện cho giáo viên "
            "tham gia học tập nâng cao trình độ chuyên môn, nghiệp vụ.",
            "Đầu năm học, Hiệu trưởng rà soát năng lực, sở trường của từng cá nhân để phân công nhiệm vụ phù hợp, đảm bảo công bằng.",
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo bổ sung biên chế giáo viên theo định mức.",
        ],
        [
            "Có các biện pháp để phát huy năng lực của cán bộ quản lý, giáo viên, nhân viên trong việc xây dựng, phát triển và "
            "nâng cao chất lượng giáo dục nhà trường.",
            "Đủ số lượng giáo viên theo định mức quy định.",
        ],
    ),
    "1.8": (
        [
            "Hoạt động kiểm tra nội bộ các hoạt động nuôi dưỡng, chăm sóc, giáo dục trẻ đôi lúc còn chậm so với kế hoạch.",
            "Kế hoạch giáo dục của một số nhóm, lớp chưa sát với khả năng và nhu cầu của trẻ.",
            "Việc ứng dụng công nghệ thông tin trong quản lý hoạt động nuôi dưỡng, chăm sóc, giáo dục trẻ còn hạn chế.",
        ],
        [
            "Hiệu trưởng chỉ đạo phó hiệu trưởng xây dựng chặt chẽ kế hoạch kiểm tra nội bộ và thực hiện kiểm tra đúng tiến độ; "
            "chú ý phân công nhiệm vụ phù hợp với năng lực từng cá nhân.",
            "Phó hiệu trưởng chuyên môn hướng dẫn giáo viên xây dựng kế hoạch giáo dục theo chủ đề, phù hợp với khả năng, nhu cầu "
            "của trẻ và điều kiện thực tế của lớp.",
        ],
        [
            "Kế hoạch giáo dục phù hợp với quy định hiện hành, điều kiện thực tế địa phương và điều kiện của nhà trường.",
        ],
    ),
    "1.9": (
        [
            "Trong các buổi họp, số lượng ý kiến đóng góp của cán bộ, giáo viên, nhân viên chưa nhiều và chưa tập trung vào nhiệm vụ "
            "phát triển nhà trường.",
            "Việc công khai các nội dung theo quy định trên website nhà trường chưa kịp thời.",
            "Hoạt động giám sát của Ban Thanh tra nhân dân chưa thường xuyên.",
        ],
        [
            "Hiệu trưởng chỉ đạo các bộ phận, đoàn thể tăng cường đối thoại, khuyến khích cán bộ, giáo viên, nhân viên mạnh dạn góp ý "
            "trong các cuộc họp thông qua hình thức góp ý trực tiếp hoặc bằng văn bản.",
            "Hiệu trưởng phân công Ban Quản trị website cập nhật đầy đủ, kịp thời các nội dung công khai; niêm yết tại bảng tin nhà trường.",
            "Chủ tịch Công đoàn phối hợp với Ban Thanh tra nhân dân xây dựng kế hoạch giám sát cụ thể, định kỳ báo cáo kết quả.",
        ],
        [
            "Đảm bảo tất cả viên chức, nhân viên đều có đóng góp thực chất vào hoạt động của nhà trường.",
            "Các biện pháp và cơ chế giám sát việc thực hiện quy chế dân chủ cơ sở đảm bảo công khai, minh bạch, hiệu quả.",
        ],
    ),
    "1.10": (
        [
            "Hệ thống đèn báo cháy của nhà trường chưa có.",
            "Hình thức tuyên truyền về an toàn trường học, phòng chống tai nạn thương tích cho trẻ chưa phong phú.",
            "Một số đồ chơi ngoài trời đã cũ, có nguy cơ mất an toàn cho trẻ.",
            "Hệ thống camera giám sát chưa bao quát hết các khu vực nhóm, lớp và sân chơi.",
        ],
        [
            "Hiệu trưởng tiếp tục duy trì hiệu quả đảm bảo an ninh trật tự, an toàn trường học, tham mưu xin kinh phí lắp đặt hệ thống "
            "đèn báo cháy; phối hợp với Công an huyện tập huấn, diễn tập phòng cháy, chữa cháy.",
            "Hiệu trưởng chỉ đạo đa dạng hình thức tuyên truyền về phòng chống tai nạn thương tích qua bảng tin, nhóm Zalo và các buổi "
            "họp cha mẹ trẻ.",
            "Nhân viên bảo vệ, giáo viên các lớp thường xuyên kiểm tra đồ chơi ngoài trời, kịp thời báo cáo để sửa chữa hoặc thay thế "
            "đồ chơi không an toàn.",
        ],
        [
            "Nhà trường có hệ thống báo cháy, phương án phòng cháy chữa cháy được diễn tập định kỳ.",
            "Đảm bảo an toàn tuyệt đối cho trẻ; không xảy ra tai nạn thương tích trong nhà trường.",
        ],
    ),
    "2.1": (
        [
            "Phó hiệu trưởng chưa có chứng chỉ bồi dưỡng cán bộ quản lý giáo dục.",
            "Trường còn thiếu 01 phó hiệu trưởng so với quy định.",
            "Khả năng ứng dụng công nghệ thông tin, ngoại ngữ của cán bộ quản lý còn hạn chế.",
        ],
        [
            "Hiệu trưởng tạo điều kiện cho phó hiệu trưởng tham gia lớp bồi dưỡng cán bộ quản lý giáo dục, trung cấp lý luận chính trị "
            "theo kế hoạch của cấp trên.",
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo bổ nhiệm bổ sung phó hiệu trưởng theo quy định.",
            "Cán bộ quản lý tự học, tham gia các lớp bồi dưỡng tin học, ngoại ngữ; tăng cường sử dụng phần mềm quản lý trong điều hành.",
        ],
        [
            "Hiệu trưởng, phó hiệu trưởng đạt chuẩn hiệu trưởng cơ sở giáo dục mầm non mức khá trở lên.",
            "Bổ sung đủ số lượng phó hiệu trưởng theo quy định.",
        ],
    ),
    "2.2": (
        [
            "Nhà trường còn 01 giáo viên chưa đạt chuẩn theo quy định.",
            "Còn 02 giáo viên có trình độ trung cấp sư phạm mầm non, chưa đạt chuẩn trình độ đào tạo theo Luật Giáo dục năm 2019.",
            "Một số giáo viên còn hạn chế trong việc tổ chức hoạt động giáo dục lấy trẻ làm trung tâm.",
            "Trường còn thiếu giáo viên so với định mức, có lớp chỉ bố trí 01 giáo viên.",
        ],
        [
            "Hiệu trưởng tiếp tục xây dựng lộ trình nâng chuẩn trình độ đào tạo giáo viên phù hợp Luật Giáo dục năm 2019.",
            "Hiệu trưởng cử giáo viên chưa đạt chuẩn tham gia các lớp cao đẳng sư phạm mầm non theo kế hoạch của Phòng Giáo dục và Đào tạo; "
            "tạo điều kiện về thời gian để giáo viên học tập.",
            "Phó hiệu trưởng tổ chức các chuyên đề, kiến tập về xây dựng môi trường giáo dục lấy trẻ làm trung tâm; phân công giáo viên "
            "có kinh nghiệm kèm cặp giáo viên mới.",
        ],
        [
            "100% giáo viên đạt chuẩn trình độ đào tạo theo quy định.",
            "Giáo viên đạt chuẩn nghề nghiệp giáo viên mầm non mức khá trở lên đạt từ 80%.",
        ],
    ),
    "2.3": (
        [
            "Trường chưa có nhân viên y tế chuyên trách, phải phân công nhân viên khác kiêm nhiệm.",
            "Nhân viên nấu ăn làm việc theo hợp đồng, một số nhân viên chưa có chứng chỉ nghề nấu ăn.",
            "Nhân viên kế toán kiêm nhiệm công tác văn thư, thủ quỹ.",
            "Trường còn thiếu 02 nhân viên nấu ăn so với số trẻ bán trú.",
        ],
        [
            "Hiệu trưởng tham mưu với Phòng Giáo dục và Đào tạo bố trí biên chế nhân viên y tế theo Đề án vị trí việc làm; cử nhân viên "
            "kiêm nhiệm tham gia tập huấn công tác y tế trường học.",
            "Hiệu trưởng tạo điều kiện cho nhân viên nấu ăn tham gia các lớp bồi dưỡng, cấp chứng chỉ nghề nấu ăn và tập huấn "
            "an toàn vệ sinh thực phẩm.",
            "Hiệu trưởng rà soát, phân công lại nhiệm vụ hợp lý cho tổ văn phòng; đăng ký nhu cầu tuyển dụng các vị trí nhân viên còn thiếu.",
        ],
        [
            "Nhà trường có đủ nhân viên y tế, kế toán, văn thư, nấu ăn theo vị trí việc làm.",
            "100% nhân viên nấu ăn có chứng chỉ nghề và được tập huấn về an toàn vệ sinh thực phẩm.",
        ],
    ),
    "3.1": (
        [
            "Diện tích sân chơi còn nhỏ, chưa đảm bảo diện tích tối thiểu theo quy định.",
            "Chưa có khu vực vườn cây, vườn rau để trẻ trải nghiệm, khám phá.",
            "Đồ chơi ngoài trời còn ít, chưa đa dạng; một số đồ chơi đã cũ, xuống cấp.",
            "Diện tích đất bình quân chưa đạt tối thiểu 12 m²/trẻ theo quy định.",
        ],
        [
            "Hiệu trưởng tham mưu với UBND xã, UBND huyện bổ sung quỹ đất, mở rộng khuôn viên để đảm bảo diện tích sân chơi theo quy định.",
            "Hiệu trưởng chỉ đạo giáo viên, nhân viên cải tạo khu đất trống làm vườn rau, vườn cây cho trẻ trải nghiệm; vận động cha mẹ trẻ "
            "hỗ trợ cây giống, ngày công.",
            "Hiệu trưởng xây dựng kế hoạch mua sắm bổ sung đồ chơi ngoài trời từ ngân sách và nguồn xã hội hóa; định kỳ kiểm tra, "
            "sơn sửa đồ chơi cũ.",
        ],
        [
            "Sân vườn, khu vui chơi đảm bảo diện tích, có đủ đồ chơi ngoài trời an toàn, hấp dẫn trẻ.",
            "Có khu vực vườn cây, vườn rau để trẻ được trải nghiệm, khám phá.",
        ],
    ),
    "3.2": (
        [
            "Trường chưa có phòng giáo dục thể chất, phòng giáo dục nghệ thuật riêng biệt.",
            "Một số phòng sinh hoạt chung có diện tích chưa đạt tối thiểu 1,5 m²/trẻ.",
            "Thiếu phòng học, còn 02 lớp phải học nhờ tại nhà văn hóa thôn.",
            "Hiên chơi, hành lang ở một số lớp chưa có lan can đảm bảo an toàn.",
        ],
        [
            "Hiệu trưởng tham mưu với UBND huyện đầu tư xây dựng phòng giáo dục thể chất, phòng giáo dục nghệ thuật; trước mắt tận dụng "
            "phòng đa năng để tổ chức hoạt động.",
            "Hiệu trưởng bố trí, sắp xếp lại các phòng hiện có, điều chỉnh số trẻ/lớp phù hợp với diện tích phòng sinh hoạt chung.",
            "Hiệu trưởng đề xuất Phòng Giáo dục và Đào tạo, UBND xã xây dựng bổ sung phòng học để xóa các điểm lớp học nhờ.",
        ],
        [
            "Khối phòng nhóm trẻ, lớp mẫu giáo và khối phòng phục vụ học tập đáp ứng yêu cầu tối thiểu theo quy định.",
            "Có phòng giáo dục thể chất, phòng giáo dục nghệ thuật hoặc phòng đa chức năng.",
        ],
    ),
    "3.3": (
        [
            "Một số hạng mục của khối phòng hành chính - quản trị đã hư hỏng, xuống cấp.",
            "Trường chưa có phòng y tế riêng, phải dùng chung với phòng hành chính.",
            "Chưa có nhà để xe cho giáo viên, nhân viên; phòng bảo vệ chật hẹp.",
        ],
        [
            "Hiệu trưởng xây dựng kế hoạch tham mưu mua sắm, sửa chữa các hạng mục hỏng, xuống cấp; vận động tài trợ từ cha mẹ trẻ.",
            "Hiệu trưởng sắp xếp, bố trí lại các phòng hiện có để có phòng y tế riêng; trang bị tủ thuốc, giường bệnh theo quy định.",
        ],
        [
            "Khối phòng hành chính - quản trị được sửa chữa, bổ sung, đáp ứng yêu cầu hoạt động của nhà trường.",
        ],
    ),
    "3.4": (
        [
            "Bếp ăn chưa đảm bảo quy trình bếp một chiều theo quy định.",
            "Kho thực phẩm chưa phân chia riêng khu vực lưu giữ thực phẩm tươi sống và thực phẩm khô.",
            "Một số đồ dùng, thiết bị nhà bếp đã cũ, hư hỏng; chưa có tủ lưu mẫu thức ăn đạt chuẩn.",
        ],
        [
            "Hiệu trưởng tham mưu với UBND xã, Phòng Giáo dục và Đào tạo cải tạo bếp ăn theo quy trình một chiều; vận động xã hội hóa "
            "để bổ sung trang thiết bị nhà bếp.",
            "Kế toán, nhân viên nấu ăn sắp xếp lại kho thực phẩm, bố trí kệ, tủ lạnh riêng cho từng loại thực phẩm; thực hiện lưu mẫu "
            "thức ăn đúng quy định.",
        ],
        [
            "Bếp ăn đảm bảo quy trình một chiều, đủ đồ dùng, thiết bị, đáp ứng yêu cầu vệ sinh an toàn thực phẩm.",
        ],
    ),
    "3.5": (
        [
            "Thiết bị, đồ dùng, đồ chơi ở một số lớp chưa đủ theo danh mục tối thiểu quy định.",
            "Đồ dùng, đồ chơi tự làm của giáo viên còn ít, chưa đa dạng.",
            "Một số thiết bị, đồ chơi đã cũ, hư hỏng chưa được bổ sung, thay thế kịp thời.",
            "Chưa có tivi, máy tính kết nối Internet ở các lớp phục vụ hoạt động giáo dục.",
        ],
        [
            "Hiệu trưởng rà soát thiết bị, đồ dùng, đồ chơi theo danh mục tối thiểu; lập dự toán mua sắm bổ sung từ ngân sách chi thường "
            "xuyên và nguồn xã hội hóa.",
            "Phó hiệu trưởng tổ chức hội thi làm đồ dùng, đồ chơi tự tạo từ nguyên vật liệu sẵn có; vận động cha mẹ trẻ cùng tham gia "
            "sưu tầm nguyên vật liệu.",
            "Giáo viên các lớp thường xuyên kiểm tra, bảo quản thiết bị, đồ chơi; báo cáo kịp thời để sửa chữa, thay thế.",
        ],
        [
            "Các nhóm, lớp có đủ thiết bị, đồ dùng, đồ chơi theo danh mục tối thiểu, được sử dụng có hiệu quả.",
            "Mỗi lớp có ít nhất 10 đồ dùng, đồ chơi tự làm phục vụ các hoạt động giáo dục.",
        ],
    ),
    "3.6": (
        [
            "Một số khu vệ sinh của trẻ đã xuống cấp, thiết bị vệ sinh chưa phù hợp với độ tuổi.",
            "Hệ thống thoát nước chưa đảm bảo, sân trường còn đọng nước khi trời mưa.",
            "Nguồn nước sinh hoạt chưa được kiểm định chất lượng định kỳ.",
            "Chưa có khu vệ sinh riêng cho giáo viên, nhân viên.",
        ],
        [
            "Hiệu trưởng tham mưu xin kinh phí cải tạo, sửa chữa khu vệ sinh, thay thế thiết bị vệ sinh phù hợp với độ tuổi của trẻ.",
            "Hiệu trưởng đề xuất UBND xã hỗ trợ nạo vét, nâng cấp hệ thống thoát nước; nhân viên bảo vệ thường xuyên khơi thông cống rãnh.",
            "Nhân viên y tế phối hợp với Trung tâm Y tế huyện xét nghiệm mẫu nước định kỳ; vệ sinh bồn chứa nước theo quy định.",
        ],
        [
            "Khu vệ sinh sạch sẽ, phù hợp với độ tuổi của trẻ; hệ thống cấp thoát nước hoạt động tốt.",
            "Nguồn nước sạch được kiểm định định kỳ, đảm bảo vệ sinh.",
        ],
    ),
    "4.1": (
        [
            "Một số thành viên Ban đại diện cha mẹ trẻ do bận công việc nên chưa tham gia đầy đủ các buổi họp.",
            "Ban đại diện cha mẹ trẻ chưa chủ động phối hợp tổ chức các hoạt động lễ hội, trải nghiệm cho trẻ.",
            "Sự phối hợp giữa giáo viên và cha mẹ trẻ trong việc chăm sóc, giáo dục trẻ tại gia đình chưa thường xuyên.",
        ],
        [
            "Hiệu trưởng chọn thời gian thích hợp để mọi thành viên Ban đại diện đều có thể tham dự cuộc họp; tăng cường trao đổi qua nhóm Zalo.",
            "Hiệu trưởng phối hợp với Trưởng ban đại diện xây dựng kế hoạch hoạt động năm học, phân công thành viên hỗ trợ các ngày hội, ngày lễ.",
            "Giáo viên các lớp tăng cường trao đổi với cha mẹ trẻ qua giờ đón, trả trẻ và góc tuyên truyền của lớp.",
        ],
        [
            "Ban đại diện cha mẹ trẻ phối hợp có hiệu quả với nhà trường trong việc tổ chức các hoạt động nuôi dưỡng, chăm sóc, giáo dục trẻ.",
        ],
    ),
    "4.2": (
        [
            "Nhà trường chưa thực sự trở thành trung tâm văn hóa, giáo dục của địa phương.",
            "Công tác tham mưu huy động nguồn lực xã hội hóa để tăng cường cơ sở vật chất còn hạn chế.",
            "Chưa tổ chức cho trẻ tham quan, trải nghiệm tại các di tích, công trình văn hóa của địa phương.",
        ],
        [
            "Hiệu trưởng tiếp tục làm tốt công tác tham mưu với cấp ủy đảng, chính quyền địa phương; tổ chức các ngày hội, lễ hội có sự "
            "tham gia của cộng đồng để nhà trường trở thành trung tâm văn hóa, giáo dục của địa phương.",
            "Hiệu trưởng xây dựng kế hoạch vận động các tổ chức, cá nhân, doanh nghiệp trên địa bàn hỗ trợ cơ sở vật chất, đồ dùng, "
            "đồ chơi cho trẻ theo đúng quy định.",
            "Hiệu trưởng phối hợp với UBND xã xây dựng kế hoạch cho trẻ tham quan, trải nghiệm tại trường tiểu học, UBND xã và các "
            "di tích lịch sử trên địa bàn.",
        ],
        [
            "Tham mưu cấp ủy đảng, chính quyền và phối hợp có hiệu quả với các tổ chức, cá nhân xây dựng nhà trường trở thành trung tâm "
            "văn hóa, giáo dục của địa phương.",
        ],
    ),
    "5.1": (
        [
            "Việc phát triển chương trình giáo dục nhà trường phù hợp với văn hóa địa phương còn hạn chế.",
            "Một số giáo viên còn lúng túng khi điều chỉnh kế hoạch giáo dục theo khả năng và nhu cầu của trẻ.",
            "Việc đánh giá sự phát triển của trẻ cuối chủ đề ở một số lớp còn mang tính hình thức.",
        ],
        [
            "Hiệu trưởng tiếp tục chỉ đạo thực hiện tốt việc phát triển Chương trình giáo dục mầm non do Bộ Giáo dục và Đào tạo ban hành, "
            "đáp ứng khả năng và nhu cầu của trẻ, phù hợp với văn hóa địa phương.",
            "Phó hiệu trưởng tổ chức sinh hoạt chuyên môn về xây dựng và điều chỉnh kế hoạch giáo dục; dự giờ, góp ý trực tiếp cho giáo viên.",
            "Tổ trưởng chuyên môn hướng dẫn giáo viên đánh giá sự phát triển của trẻ theo mục tiêu, sử dụng kết quả đánh giá để điều chỉnh "
            "kế hoạch giáo dục.",
        ],
        [
            "Thực hiện Chương trình giáo dục mầm non phù hợp với văn hóa địa phương, đáp ứng khả năng và nhu cầu của trẻ.",
            "100% giáo viên biết điều chỉnh kế hoạch giáo dục phù hợp với sự phát triển của trẻ.",
        ],
    ),
    "5.2": (
        [
            "Trường chưa tổ chức cho trẻ tham quan, vui chơi trải nghiệm tại trường tiểu học, UBND xã và các di tích của địa phương.",
            "Việc xây dựng môi trường giáo dục lấy trẻ làm trung tâm ở một số lớp chưa đạt hiệu quả.",
            "Hoạt động giáo dục hòa nhập cho trẻ khuyết tật còn gặp nhiều khó khăn.",
            "Việc tổ chức cho trẻ làm quen với tiếng Anh, giáo dục kỹ năng sống chưa được triển khai đồng đều ở các lớp.",
        ],
        [
            "Hiệu trưởng tiếp tục chỉ đạo thực hiện tốt Chương trình giáo dục mầm non, phù hợp với văn hóa địa phương; xây dựng kế hoạch "
            "cho trẻ tham quan trải nghiệm và phối hợp với cha mẹ trẻ đảm bảo an toàn.",
            "Phó hiệu trưởng chỉ đạo giáo viên xây dựng môi trường giáo dục trong và ngoài lớp học theo hướng mở, tạo cơ hội cho trẻ trải nghiệm.",
            "Giáo viên xây dựng kế hoạch giáo dục cá nhân cho trẻ khuyết tật học hòa nhập; phối hợp chặt chẽ với gia đình theo dõi "
            "sự tiến bộ của trẻ.",
        ],
        [
            "100% trẻ được tham gia các hoạt động trải nghiệm, tham quan theo kế hoạch.",
            "Các nhóm, lớp xây dựng được môi trường giáo dục lấy trẻ làm trung tâm.",
        ],
    ),
    "5.3": (
        [
            "Vẫn còn 03 trẻ suy dinh dưỡng thể thấp còi.",
            "Tỷ lệ trẻ thừa cân, béo phì có xu hướng tăng.",
            "Thực đơn chưa đa dạng, chưa thay đổi thường xuyên theo mùa.",
            "Tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân vẫn còn 2,5%.",
        ],
        [
            "Nhân viên y tế theo dõi, cân đo, chấm biểu đồ tăng trưởng định kỳ; giáo viên phối hợp với cha mẹ trẻ xây dựng chế độ ăn, "
            "chăm sóc phù hợp đối với trẻ suy dinh dưỡng.",
            "Giáo viên tăng cường cho trẻ thừa cân, béo phì vận động; tư vấn cho cha mẹ trẻ về chế độ dinh dưỡng hợp lý tại gia đình.",
            "Hiệu trưởng chỉ đạo bộ phận nuôi dưỡng xây dựng thực đơn theo mùa, tính khẩu phần dinh dưỡng bằng phần mềm và thay đổi "
            "món ăn theo tuần.",
        ],
        [
            "Giảm tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân, thấp còi xuống dưới 2%.",
            "Kiểm soát tốt tỷ lệ trẻ thừa cân, béo phì; 100% trẻ được khám sức khỏe định kỳ.",
        ],
    ),
    "5.4": (
        [
            "Một số trẻ còn nhút nhát, chưa mạnh dạn trong giao tiếp.",
            "Kỹ năng tự phục vụ của trẻ nhà trẻ ở một số nhóm còn hạn chế.",
            "Vẫn còn trẻ 5 tuổi chưa đạt một số chỉ số của Bộ chuẩn phát triển trẻ em 5 tuổi.",
            "Khả năng phát âm, ngôn ngữ mạch lạc của trẻ mẫu giáo bé còn hạn chế.",
        ],
        [
            "Giáo viên tạo cơ hội cho trẻ được giao tiếp, thể hiện bản thân qua các hoạt động nhóm, hoạt động góc, lễ hội; phối hợp với "
            "gia đình khích lệ trẻ.",
            "Giáo viên các nhóm trẻ rèn kỹ năng tự phục vụ cho trẻ thông qua các hoạt động hằng ngày; hướng dẫn cha mẹ trẻ tiếp tục "
            "rèn luyện cho trẻ tại nhà.",
            "Giáo viên lớp mẫu giáo 5 tuổi theo dõi, đánh giá trẻ theo Bộ chuẩn phát triển trẻ em 5 tuổi; có kế hoạch hỗ trợ riêng "
            "đối với trẻ chưa đạt chỉ số.",
        ],
        [
            "Trẻ mạnh dạn, tự tin, có kỹ năng giao tiếp phù hợp với độ tuổi.",
            "100% trẻ 5 tuổi hoàn thành Chương trình giáo dục mầm non.",
        ],
    ),
}


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def _family_table(*parts: dict[str, _Entry]) -> dict[str, _Entry]:
    merged: dict[str, _Entry] = {}
    for part in parts:
        merged.update(part)
    return {code: merged[code] for code in sorted(merged, key=_code_key)}


_TABLES: dict[str, dict[str, _Entry]] = {
    "MN": _family_table(_MN),
    "TH": _family_table(_SCHOOL_COMMON, _TH_ONLY),
    "THCS_THPT": _family_table(_SCHOOL_COMMON, _THCS_ONLY),
}

# family -> criterion_code -> texts (fresh lists; families never share list objects)
WEAKNESSES: dict[str, dict[str, list[str]]] = {
    fam: {code: list(entry[0]) for code, entry in table.items()} for fam, table in _TABLES.items()
}
MEASURES: dict[str, dict[str, list[str]]] = {
    fam: {code: list(entry[1]) for code, entry in table.items()} for fam, table in _TABLES.items()
}
TARGET_RESULTS: dict[str, dict[str, list[str]]] = {
    fam: {code: list(entry[2]) for code, entry in table.items()} for fam, table in _TABLES.items()
}

# ---------------------------------------------------------------------------
# "Chủ trì và phối hợp thực hiện" / "Người thực hiện", written as in the seeds.
# LEADS mixes all school levels; LEADS_BY_FAMILY drops roles that do not exist
# in preschools (Tổng phụ trách Đội, GVCN, nhân viên thiết bị/thư viện) and adds
# preschool wordings; demo.py may use it instead of LEADS.
# ---------------------------------------------------------------------------
_LEADS_COMMON = [
    "Hiệu trưởng",
    "BGH",
    "BGH-TTCM",
    "BGH-GV-NV",
    "BGH-Giáo viên",
    "Ban giám hiệu",
    "Phó hiệu trưởng",
    "Hiệu trưởng, phó hiệu trưởng",
    "TTCM",
    "Hiệu trưởng và Ban Quản trị website",
    "Hiệu trưởng và các thành viên Hội đồng Thi đua, khen thưởng",
    "Hiệu trưởng, Phó hiệu trưởng, Tổ trưởng Tổ Chuyên môn",
    "Hiệu trưởng, Phó hiệu trưởng; Tổ trưởng Chuyên môn và Tổ trưởng Văn phòng",
    "Cấp ủy nhà trường + lãnh đạo nhà trường",
    "Công đoàn",
    "Kế toán",
    "Nhân viên y tế",
]
_LEADS_SCHOOL = [
    "Tổng phụ trách Đội",
    "Ban giám hiệu, Tổng phụ trách Đội",
    "Nhân viên thiết bị",
    "Nhân viên thư viện",
    "GVCN",
    "Phó hiệu trưởng, giáo viên chủ nhiệm",
    "Hiệu trưởng, giáo viên",
    "Hiệu trưởng, Phó hiệu trưởng, học vụ",
]
_LEADS_MN = [
    "BGH-GV-NV và CMHS",
    "Lãnh đạo, Cha mẹ trẻ",
    "Phó hiệu trưởng phụ trách nuôi dưỡng",
    "Giáo viên các lớp",
    "Tổ trưởng tổ nuôi dưỡng",
]
LEADS: list[str] = _LEADS_COMMON + _LEADS_SCHOOL
LEADS_BY_FAMILY: dict[str, list[str]] = {
    "MN": _LEADS_COMMON + _LEADS_MN,
    "TH": list(LEADS),
    "THCS_THPT": list(LEADS),
}

# "Nguồn lực khác (tài chính, người phối hợp)" / supporting parties
_SUPPORTS_COMMON = [
    "Hội đồng trường",
    "Các tổ chức đoàn thể",
    "Các tổ chức đoàn thể đơn vị",
    "UBND xã",
    "UBND phường",
    "Chính quyền địa phương",
    "Phòng Giáo dục và Đào tạo",
    "Công đoàn, Ban Thanh tra nhân dân",
    "Các phó hiệu trưởng",
    "Giáo viên, nhân viên",
    "Kế toán",
    "Công an xã",
    "Trạm Y tế xã",
    "Hội Khuyến học xã",
    "Các nhà hảo tâm, doanh nghiệp trên địa bàn",
]
_SUPPORTS_SCHOOL = [
    "CMHS",
    "CMHS; chính quyền địa phương",
    "Hội đồng trường, CMHS",
    "Ban đại diện cha mẹ học sinh",
    "Ban đại diện CMHS",
    "Giáo viên chủ nhiệm",
    "Liên đội, Chi đoàn",
]
_SUPPORTS_MN = [
    "Cha mẹ trẻ",
    "Ban đại diện cha mẹ trẻ",
    "Hội đồng trường, cha mẹ trẻ",
    "Trường tiểu học trên địa bàn",
]
SUPPORTS: list[str] = _SUPPORTS_SCHOOL[:3] + _SUPPORTS_COMMON + _SUPPORTS_SCHOOL[3:]
SUPPORTS_BY_FAMILY: dict[str, list[str]] = {
    "MN": _SUPPORTS_COMMON + _SUPPORTS_MN,
    "TH": list(SUPPORTS),
    "THCS_THPT": list(SUPPORTS),
}

# "Điều kiện hỗ trợ khác"
OTHER_SUPPORT: list[str] = [
    "Thực hiện thường xuyên sau mỗi hoạt động",
    "Thực hiện thường xuyên",
    "Nhu cầu biên chế",
    "Các văn bản hướng dẫn về công tác thi đua",
    "Văn bản hướng dẫn của cấp trên",
    "Sự hỗ trợ của Phòng Giáo dục và Đào tạo",
    "Kế hoạch đầu tư công trung hạn của địa phương",
    "Kinh phí sửa chữa, mua sắm được cấp",
    "Tài liệu bồi dưỡng chuyên môn",
    "Phần mềm quản lý trường học",
    "Sự phối hợp của cha mẹ học sinh",
    "Đề án vị trí việc làm được phê duyệt",
    "Lồng ghép trong các buổi sinh hoạt chuyên môn",
    "Thông tin liên lạc qua nhóm Zalo, website nhà trường",
]

# "Dự kiến kinh phí" written as text instead of an amount
FREE_BUDGET_TEXTS: list[str] = [
    "Đóng góp, tham gia tự nguyện của tập thể CB-GV-NV, CMHS",
    "Đóng góp, tham gia tự nguyện của tập thể CB-GV-CNV, CMHS và HS theo đúng quy định",
    "Nguồn xã hội hóa",
    "Ngân sách nhà trường (chi thường xuyên)",
    "Ngân sách nhà nước",
    "Ngân sách địa phương (vốn đầu tư công)",
    "Kinh phí chi thường xuyên của đơn vị",
    "Nguồn kinh phí sự nghiệp giáo dục được giao",
    "Vận động tài trợ theo Thông tư số 16/2018/TT-BGDĐT",
    "Theo dự toán được phê duyệt",
    "Không phát sinh kinh phí",
    "Lồng ghép trong kinh phí hoạt động chuyên môn",
    "Kinh phí cấp trên hỗ trợ",
]

# School names after the prefix ("Trường Mầm non", "Trường Tiểu học", "Trường THCS")
SCHOOL_NAME_PARTS: dict[str, list[str]] = {
    "MN": [
        "Hoa Sen", "Họa Mi", "Sơn Ca", "Bình Minh", "Hoa Mai", "Hoa Hồng", "Hoa Lan", "Hoa Cúc",
        "Hoa Phượng", "Hoa Đào", "Hoa Sữa", "Hoa Ban", "Hướng Dương", "Tuổi Thơ", "Tuổi Ngọc", "Măng Non",
        "Búp Sen Hồng", "Sao Mai", "Ánh Dương", "Ánh Sao", "Thiên Thần", "Vàng Anh", "Chim Non", "Hoa Mười Giờ",
        "Rạng Đông", "Tuổi Hồng", "Mầm Xanh", "Ban Mai", "Trúc Xanh", "Anh Đào", "Sen Hồng", "Hoàng Oanh",
        "Vành Khuyên", "Thủy Tiên", "Cát Tường", "Tuổi Xanh", "Hoa Trà My", "Thỏ Ngọc", "Bông Lúa", "Ngôi Sao",
        "Hồng Ngọc", "Trục Mỹ",
    ],
    "TH": [
        "Lê Lợi", "Kim Đồng", "Nguyễn Trãi", "Trần Quốc Toản", "Lê Văn Tám", "Võ Thị Sáu", "Nguyễn Văn Trỗi",
        "Hai Bà Trưng", "Lý Thường Kiệt", "Trần Hưng Đạo", "Ngô Quyền", "Đinh Bộ Lĩnh", "Lê Quý Đôn",
        "Nguyễn Bỉnh Khiêm", "Phù Đổng", "Nguyễn Thái Bình", "Định Phước", "Lê Hồng Phong", "Trần Phú",
        "Nguyễn Thị Minh Khai", "Bế Văn Đàn", "Phan Đình Giót", "Tô Vĩnh Diện", "Hoàng Văn Thụ", "Vừ A Dính",
        "Nguyễn Viết Xuân", "Cù Chính Lan", "La Văn Cầu", "Lê Thị Hồng Gấm", "Tô Hiến Thành", "Trưng Vương",
        "Bà Triệu", "Lương Thế Vinh", "Mạc Đĩnh Chi", "Hòa Bình", "Tân Tiến", "An Phú", "Hiệp Thành",
        "Nguyễn Khuyến", "Võ Văn Tần", "Đoàn Thị Điểm", "Quang Trung",
    ],
    "THCS": [
        "Nguyễn Du", "Lý Tự Trọng", "Chu Văn An", "Lê Quý Đôn", "Phan Bội Châu", "Phan Chu Trinh",
        "Nguyễn Đình Chiểu", "Huỳnh Thúc Kháng", "Trần Đại Nghĩa", "Lương Thế Vinh", "Nguyễn Huệ", "Quang Trung",
        "Lê Lợi", "Trần Phú", "Nguyễn Văn Cừ", "Tôn Đức Thắng", "Hoàng Hoa Thám", "Nguyễn Tri Phương",
        "Trần Quang Khải", "Trần Nhân Tông", "Lý Công Uẩn", "Phạm Văn Đồng", "Võ Trường Toản", "Nguyễn Hiền",
        "Ngô Sĩ Liên", "Nguyễn Gia Thiều", "Hồ Xuân Hương", "Lê Anh Xuân", "Nguyễn Văn Linh", "Nguyễn Công Trứ",
        "Phan Đình Phùng", "Trần Văn Ơn", "Nguyễn An Ninh", "Hùng Vương", "Nguyễn Chí Thanh", "Trương Định",
        "Nguyễn Trãi", "Trần Quốc Tuấn", "Nguyễn Thượng Hiền", "Đặng Thai Mai", "Lê Hồng Phong", "Ngô Gia Tự",
    ],
}

PRINCIPAL_NAMES: list[str] = [
    "Nguyễn Thị Thu Hà", "Trần Văn Hùng", "Lê Thị Minh Nguyệt", "Phạm Quốc Tuấn", "Hoàng Thị Lan Anh",
    "Vũ Đức Thắng", "Đặng Thị Bích Ngọc", "Bùi Văn Long", "Đỗ Thị Hồng Nhung", "Ngô Thanh Sơn",
    "Dương Thị Mai Phương", "Lý Văn Phúc", "Huỳnh Thị Kim Oanh", "Phan Minh Trí", "Võ Thị Thanh Thủy",
    "Trương Công Danh", "Đinh Thị Thu Trang", "Lâm Văn Khánh", "Mai Thị Ngọc Hân", "Tạ Quang Vinh",
    "Nguyễn Hữu Nghĩa", "Trần Thị Diệu Linh", "Lê Văn Cường", "Phạm Thị Thanh Hương", "Hồ Ngọc Bảo",
    "Cao Thị Tuyết Mai", "Châu Văn Lộc", "Nguyễn Thị Hoài Thương", "Trịnh Xuân Hòa", "Đoàn Thị Mỹ Dung",
    "La Thị Kim Liên", "Tô Văn Quang", "Kiều Thị Phương Thảo", "Lưu Đức Minh", "Nguyễn Ngọc Hiếu",
    "Hà Thị Thúy Vân", "Quách Văn Tài", "Phùng Thị Hạnh", "Âu Minh Khoa", "Lê Thị Ánh Tuyết",
    "Vương Thị Kim Chi", "Nguyễn Văn Thành",
]


if __name__ == "__main__":
    import csv
    import sys
    import unicodedata
    from pathlib import Path

    catalog_path = Path(__file__).resolve().parent.parent / "data" / "criteria_2018.csv"
    with catalog_path.open(encoding="utf-8") as handle:
        catalog = [(row["framework"], row["criterion_code"]) for row in csv.DictReader(handle)]

    errors: list[str] = []

    def check_text(value: str, where: str) -> None:
        if not isinstance(value, str) or not value.strip():
            errors.append(f"{where}: empty or not a string")
        elif unicodedata.normalize("NFC", value) != value:
            errors.append(f"{where}: not NFC: {value!r}")
        elif value != value.strip() or "  " in value:
            errors.append(f"{where}: stray whitespace: {value!r}")

    bounds = {"WEAKNESSES": (WEAKNESSES, 3, 4), "MEASURES": (MEASURES, 2, 3), "TARGET_RESULTS": (TARGET_RESULTS, 1, 2)}
    expected: dict[str, set[str]] = {}
    for family, code in catalog:
        expected.setdefault(family, set()).add(code)
    for name, (bank, low, high) in bounds.items():
        if set(bank) != set(expected):
            errors.append(f"{name}: families {sorted(bank)} != catalog {sorted(expected)}")
        for family, codes in expected.items():
            have = set(bank.get(family, {}))
            for code in sorted(codes - have, key=_code_key):
                errors.append(f"{name}[{family}] missing {code}")
            for code in sorted(have - codes, key=_code_key):
                errors.append(f"{name}[{family}] has unknown code {code}")
            for code, texts in bank.get(family, {}).items():
                if not low <= len(texts) <= high:
                    errors.append(f"{name}[{family}][{code}]: {len(texts)} texts, want {low}-{high}")
                if len(set(texts)) != len(texts):
                    errors.append(f"{name}[{family}][{code}]: duplicate texts")
                for i, text in enumerate(texts):
                    check_text(text, f"{name}[{family}][{code}][{i}]")
    # preschool texts talk about "trẻ", not "học sinh"
    for name, (bank, _, _) in bounds.items():
        for code, texts in bank["MN"].items():
            for text in texts:
                if "học sinh" in text.lower():
                    errors.append(f"{name}[MN][{code}] mentions học sinh: {text!r}")

    flat_lists = {
        "LEADS": LEADS, "SUPPORTS": SUPPORTS, "OTHER_SUPPORT": OTHER_SUPPORT,
        "FREE_BUDGET_TEXTS": FREE_BUDGET_TEXTS, "PRINCIPAL_NAMES": PRINCIPAL_NAMES,
        **{f"SCHOOL_NAME_PARTS[{k}]": v for k, v in SCHOOL_NAME_PARTS.items()},
        **{f"LEADS_BY_FAMILY[{k}]": v for k, v in LEADS_BY_FAMILY.items()},
        **{f"SUPPORTS_BY_FAMILY[{k}]": v for k, v in SUPPORTS_BY_FAMILY.items()},
    }
    for name, values in flat_lists.items():
        if not values:
            errors.append(f"{name}: empty")
        if len(set(values)) != len(values):
            dupes = sorted({v for v in values if values.count(v) > 1})
            errors.append(f"{name}: duplicates {dupes}")
        for i, value in enumerate(values):
            check_text(value, f"{name}[{i}]")
    if set(SCHOOL_NAME_PARTS) != {"MN", "TH", "THCS"}:
        errors.append(f"SCHOOL_NAME_PARTS keys {sorted(SCHOOL_NAME_PARTS)}")
    for required in ("Hiệu trưởng", "BGH", "BGH-TTCM", "BGH-GV-NV", "Phó hiệu trưởng", "TTCM",
                     "Hiệu trưởng và Ban Quản trị website", "Tổng phụ trách Đội", "Kế toán", "Nhân viên thiết bị", "GVCN"):
        if required not in LEADS:
            errors.append(f"LEADS lacks {required!r}")

    if errors:
        print("\n".join(errors))
        sys.exit(1)

    def count(bank: dict[str, dict[str, list[str]]]) -> str:
        return ", ".join(f"{fam} {sum(len(v) for v in bank[fam].values())}" for fam in FAMILIES)

    print("criteria: " + ", ".join(f"{fam} {len(WEAKNESSES[fam])}" for fam in FAMILIES))
    print(f"weaknesses: {count(WEAKNESSES)}")
    print(f"measures: {count(MEASURES)}")
    print(f"target results: {count(TARGET_RESULTS)}")
    print(f"leads {len(LEADS)}, supports {len(SUPPORTS)}, other support {len(OTHER_SUPPORT)}, "
          f"free budget texts {len(FREE_BUDGET_TEXTS)}, principals {len(PRINCIPAL_NAMES)}, school names "
          + ", ".join(f"{k} {len(v)}" for k, v in SCHOOL_NAME_PARTS.items()))
    print("OK")
