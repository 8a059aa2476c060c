"""What kind of document a Word/text file is, from its landmarks (not its position or numbering).

    classify(paragraphs) -> "plan" | "self_assessment_report" | "external_assessment_report" | "unknown"

A self-assessment report (báo cáo tự đánh giá, structure of Công văn 5932/5942) has landmarks a plan
never has: "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ", "Phần II. TỰ ĐÁNH GIÁ", per criterion "1. Mô tả hiện
trạng" … "5. Tự đánh giá: Đạt Mức 2", "Kết luận về Tiêu chuẩn n", "Phần III. KẾT LUẬN CHUNG". Two of
them make a report (a plan mentions "Báo cáo tự đánh giá" once, as a source, and may summarise the
results under "KẾT QUẢ TỰ ĐÁNH GIÁ"). An external assessment report (báo cáo đánh giá ngoài) is named
in its title or by its team ("Đoàn đánh giá ngoài"). A plan names itself ("Kế hoạch cải tiến chất
lượng") or has a plan's labels; anything else is "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kdcl.importing.normalise import fold

PLAN = "plan"
SELF_REPORT = "self_assessment_report"
EXTERNAL_REPORT = "external_assessment_report"
UNKNOWN = "unknown"
REPORTS = (SELF_REPORT, EXTERNAL_REPORT)

_SELF_MARKS = {  # landmark name -> pattern on a folded paragraph
    "summary_table": re.compile(r"^bang tong hop ket qua tu danh gia"),
    "part_two": re.compile(r"^phan\s+(?:ii|2)\s*[.:\-–]?\s*tu danh gia\b"),
    "verdict": re.compile(r"^(?:\d\s*[.)]\s*)?tu danh gia\s*:\s*(?:dat muc|khong dat|chua dat|dat\b)"),
    "standard_conclusion": re.compile(r"^ket luan ve tieu chuan\s*\d"),
    "conclusion": re.compile(r"^phan\s+(?:iii|3)\s*[.:\-–]?\s*ket luan chung"),
    "description": re.compile(r"^1\s*[.)]\s*mo ta hien trang\b"),
    "strengths": re.compile(r"^2\s*[.)]\s*diem manh\b"),
    "council": re.compile(r"^(?:danh sach va chu ky|thanh phan) (?:cac thanh vien )?hoi dong tu danh gia"),
    "title": re.compile(r"^bao cao tu danh gia$"),
}
_EXTERNAL_MARKS = {
    "title": re.compile(r"^bao cao (?:ket qua )?danh gia ngoai\W*$"),
    "team": re.compile(r"^(?:danh sach (?:thanh vien )?)?doan danh gia ngoai\b"),
    "verdict": re.compile(r"^(?:\d\s*[.)]\s*)?danh gia (?:cua doan|ngoai)\s*:\s*(?:dat muc|khong dat|chua dat)"),
    "summary_table": re.compile(r"^bang tong hop ket qua danh gia ngoai"),
}
_PLAN_MARKS = re.compile(r"^(?:ke hoach\b.*\bcai tien chat luong|cai tien chat luong giao duc|ke hoach$)")


def classify(paragraphs: Iterable[str | None]) -> str:
    """The kind of a document given its paragraphs (and table cell texts) in order."""
    self_found: set[str] = set()
    external_found: set[str] = set()
    plan = False
    for text in paragraphs:
        f = fold(text).strip()
        if not f or len(f) > 200:
            continue
        for name, pattern in _SELF_MARKS.items():
            if name not in self_found and pattern.match(f):
                self_found.add(name)
        for name, pattern in _EXTERNAL_MARKS.items():
            if name not in external_found and pattern.match(f):
                external_found.add(name)
        plan = plan or bool(_PLAN_MARKS.match(f))
    if len(external_found) >= 2 or ("title" in external_found and len(self_found) < 2 and not plan):
        return EXTERNAL_REPORT
    if len(self_found) >= 2:
        return SELF_REPORT
    return PLAN if plan else UNKNOWN
