"""Every user-facing string, in Vietnamese, in one place.

Use `t("key", **values)` for sentences and the label maps for codes stored in the
database (levels, statuses, buckets, school types). Keys are English; each page has
its own section below so wording stays consistent and translatable.
"""

from __future__ import annotations

APP_TITLE = "Kiểm định chất lượng giáo dục"

LEVEL_LABELS: dict[int | None, str] = {
    None: "Chưa đánh giá",
    0: "Chưa đạt Mức 1",
    1: "Mức 1",
    2: "Mức 2",
    3: "Mức 3",
}
LEVEL_ORDER = [None, 0, 1, 2, 3]

STATUS_LABELS = {
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "done": "Hoàn thành",
    "dropped": "Không thực hiện",
}

BUCKET_LABELS = {
    "overdue": "Quá hạn",
    "at_risk": "Sắp đến hạn",
    "on_track": "Đúng tiến độ",
    "no_deadline": "Thực hiện thường xuyên",
    "done": "Hoàn thành",
    "dropped": "Không thực hiện",
}

SCHOOL_TYPE_LABELS = {
    "MN": "Mầm non",
    "TH": "Tiểu học",
    "THCS": "THCS",
    "THPT": "THPT",
    "NHIEU_CAP": "Phổ thông nhiều cấp",
}

ASSESSMENT_KIND_LABELS = {"self": "Tự đánh giá", "external": "Đánh giá ngoài"}

UNIT_KIND_LABELS = {
    "province": "Tỉnh/Thành phố",
    "district": "Quận/Huyện (cũ)",
    "commune": "Xã",
    "ward": "Phường",
    "office": "Cơ quan quản lý",
}

ROLE_LABELS = {
    "admin": "Quản trị hệ thống",
    "office": "Cơ quan quản lý",
    "principal": "Hiệu trưởng",
    "viewer": "Chỉ xem",
}

TEXT: dict[str, str] = {
    # ---------------------------------------------------------------- common
    "all": "Tất cả",
    "filter.header": "Bộ lọc",
    "filter.school_year": "Năm học",
    "filter.unit": "Đơn vị quản lý",
    "filter.school_type": "Loại trường",
    "filter.as_of": "Tính đến ngày",
    "filter.risk_days": "Sắp đến hạn trong (ngày)",
    "filter.share_hint": "Đường dẫn của trang giữ nguyên bộ lọc: sao chép địa chỉ để gửi đúng khung nhìn này.",
    "context.line": "Năm học {school_year} · {unit} · {school_type} · tính đến {as_of} · {reported}/{total} trường đã báo cáo",
    "context.data_date": "Dữ liệu cập nhật lần cuối: {when}",
    "empty.no_schools": "Không có trường nào trong phạm vi và bộ lọc đã chọn.",
    "empty.no_years": "Cơ sở dữ liệu chưa có kết quả tự đánh giá hay kế hoạch nào. Hãy nhập dữ liệu trước.",
    "empty.no_assessment": "Chưa có trường nào nộp kết quả tự đánh giá năm học {school_year}.",
    "empty.no_items": "Chưa có mục kế hoạch cải tiến nào cho năm học {school_year}.",
    "download.csv": "Tải CSV",
    "error.bad_query_param": "Giá trị «{value}» của tham số «{name}» trên đường dẫn không hợp lệ; đã dùng mặc định.",
    "unit.none": "—",
    "count.schools": "Số trường",
    "count.items": "Số mục",
    "col.level": "Mức đạt",
    "col.status": "Tình trạng",
    "col.school": "Trường",
    "col.school_id": "Mã trường",
    "col.school_type": "Loại trường",
    "col.unit": "Đơn vị quản lý",
    "col.share": "Tỉ lệ",
    # ---------------------------------------------------------------- accounts (issue 7)
    "auth.login_title": "Đăng nhập",
    "auth.login": "Đăng nhập",
    "auth.logout": "Đăng xuất",
    "auth.username": "Tên đăng nhập",
    "auth.password": "Mật khẩu",
    "auth.display_name": "Họ và tên",
    "auth.repeat_password": "Nhập lại mật khẩu",
    "auth.old_password": "Mật khẩu hiện tại",
    "auth.new_password": "Mật khẩu mới",
    "auth.change_password": "Đổi mật khẩu",
    "auth.password_changed": "Đã đổi mật khẩu.",
    "auth.passwords_differ": "Hai lần nhập mật khẩu không khớp.",
    "auth.signed_in_as": "Đăng nhập: **{user}** · {role}",
    "auth.login_required": "Bạn cần đăng nhập để xem trang này.",
    "auth.session_expired": "Phiên làm việc đã hết hạn sau {minutes} phút không thao tác. Hãy đăng nhập lại.",
    "auth.demo_hint": "Đây là cơ sở dữ liệu mẫu. Tài khoản thử (mật khẩu chung «kdcl-demo»): admin, tinh (Sở), hoabinh (Phường Hòa Bình), hieutruong (một trường tiểu học), hdnd (chỉ xem).",
    "auth.setup_title": "Tạo tài khoản quản trị",
    "auth.setup_intro": "Cơ sở dữ liệu này chưa có tài khoản nào. Hãy tạo tài khoản quản trị đầu tiên; sau đó thêm tài khoản cho cơ quan quản lý và hiệu trưởng bằng lệnh `python -m kdcl users add`.",
    "auth.setup_create": "Tạo tài khoản quản trị",
    # ---------------------------------------------------------------- navigation
    "nav.overview": "Tổng quan",
    "nav.section.monitor": "Theo dõi",
    # ---------------------------------------------------------------- overview (dashboard.py)
    "overview.title": "Tổng quan kiểm định chất lượng",
    "overview.caption": "Bức tranh chung của các trường thuộc phạm vi quản lý: mức đạt theo tự đánh giá và tiến độ kế hoạch cải tiến chất lượng.",
    "overview.kpi.schools": "Trường đã báo cáo",
    "overview.kpi.schools_help": "Số trường có kết quả tự đánh giá năm học này / tổng số trường trong bộ lọc.",
    "overview.kpi.level2": "Đạt Mức 2 trở lên",
    "overview.kpi.items": "Mục đã hoàn thành",
    "overview.kpi.items_help": "Số mục đã hoàn thành / tổng số mục trong kế hoạch cải tiến của năm học.",
    "overview.kpi.overdue": "Quá hạn",
    "overview.kpi.overdue_help": "Mục chưa thực hiện hoặc đang thực hiện có hạn hoàn thành trước ngày tính.",
    "overview.kpi.at_risk": "Sắp đến hạn",
    "overview.kpi.budget": "Kinh phí dự kiến",
    "overview.kpi.budget_help": "Tổng kinh phí ghi bằng số trong các mục kế hoạch: {exact} (không tính các khoản ghi bằng lời).",
    "overview.kpi.at_risk_help": "Mục chưa hoàn thành có hạn trong {days} ngày tới.",
    "overview.chart.levels": "Số trường theo mức đạt",
    "overview.chart.levels_by_type": "Mức đạt theo loại trường",
    "overview.chart.status": "Mục kế hoạch theo tình trạng",
    "overview.table.attention": "Trường cần quan tâm",
    "overview.table.attention_caption": "Trường chưa đạt Mức 1 hoặc có mục quá hạn, xếp theo số mục quá hạn (danh sách việc cần làm, không phải xếp hạng chất lượng).",
    "overview.col.overdue": "Mục quá hạn",
    "overview.col.open": "Mục đang mở",
    "overview.col.items": "Tổng số mục",
    "overview.col.budget": "Kinh phí dự kiến (đ)",
    "overview.none_attention": "Không có trường nào chưa đạt Mức 1 hay có mục quá hạn.",
    "chart.axis.schools": "Số trường",
    "chart.axis.items": "Số mục",
    "chart.axis.level": "Mức đạt",
    "chart.axis.status": "Tình trạng",
    "chart.axis.school_type": "Loại trường",
    # ---------------------------------------------------------------- import page (issue 3)
    # ---------------------------------------------------------------- levels page (issue 4)
    # ---------------------------------------------------------------- school page (issue 4)
    # ---------------------------------------------------------------- overdue page (issue 5)
    # ---------------------------------------------------------------- weaknesses page (issue 6)
    # ---------------------------------------------------------------- cli
    "cli.bad_year": "Năm học «{value}» không hợp lệ (cần dạng 2024-2025).",
    "cli.bad_date": "Ngày «{value}» không hợp lệ (cần dạng YYYY-MM-DD).",
    "cli.no_db": "Không tìm thấy cơ sở dữ liệu: {path}",
    "cli.demo_built": "Đã tạo cơ sở dữ liệu mẫu: {path} ({schools} trường, {items} mục kế hoạch).",
    "cli.bad_unit": "Không có đơn vị quản lý mã «{value}».",
    "cli.bad_risk_days": "Số ngày sắp đến hạn phải không âm (nhận được {value}).",
    "cli.password_prompt": "Mật khẩu: ",
    "cli.password_again": "Nhập lại mật khẩu: ",
    "cli.user_added": "Đã thêm tài khoản {name} ({role}).",
    "cli.user_state_disabled": "đã khóa",
    "cli.user_disabled": "Đã khóa tài khoản {name}.",
    "cli.user_enabled": "Đã mở khóa tài khoản {name}.",
    "cli.user_password_reset": "Đã đặt lại mật khẩu cho {name}.",
    "cli.demo_exists": "Tệp {path} đã tồn tại; dùng --force để tạo lại.",
}


def t(key: str, **values: object) -> str:
    """The Vietnamese text for `key`, with {placeholders} filled in."""
    text = TEXT[key]
    return text.format(**values) if values else text
