"""A tiny real database with hand-computed answers, shared by the tests.

As of AS_OF (15/05/2025), school year 2024-2025:
  S1  THCS Lý Tự Trọng (ward W1, former district D): self-assessment = seed 002 -> Mức 1
      (28/28 at 1, 16/28 at 2, 0/20 at 3); external: criterion 1.1 one level lower.
      2023-2024: every criterion at 2 -> Mức 2 (so S1 went down).
      Plan 2024-2025, 7 items: 1 overdue (1.5), 1 at risk (3.2, 60.000.000 đ),
      1 on track (3.3, 10.000.000 đ), 1 no deadline (4.2), 1 done on time (5.6),
      1 done late (2.3), 1 dropped (2.4).
  S2  TH Kim Đồng (ward W1): every criterion at its top -> Mức 3. One overdue item (1.1).
  S3  MN Hoa Sen (commune W2, former district D): criterion 5.4 at 0 -> Chưa đạt Mức 1. No plan.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from kdcl.db import Store
from kdcl.writes import save_units

AS_OF = date(2025, 5, 15)
YEAR = "2024-2025"
PREVIOUS_YEAR = "2023-2024"

SEED_002_WEAK = ["1.5", "1.8", "2.3", "2.4", "3.2", "3.3", "4.2", "5.6", "1.6", "3.5", "3.6", "5.2"]


def _catalog(store: Store, framework: str) -> dict[str, int]:
    with store.cursor() as cur:
        rows = cur.execute(
            "select criterion_code, max_level from criterion where framework_id = ? order by sort_order", [framework]
        ).fetchall()
    return dict(rows)


def build_tiny(path: str | Path) -> Store:
    store = Store(path)
    thcs, th, mn = (_catalog(store, fw) for fw in ("THCS_THPT", "TH", "MN"))
    units = pd.DataFrame(
        [
            ("P", "Tỉnh Thử Nghiệm", "province", None, None),
            ("D", "Huyện Cũ (cũ)", "district", "P", date(2025, 7, 1)),
            ("W1", "Phường Một", "ward", "P", None),
            ("W2", "Xã Hai", "commune", "P", None),
        ],
        columns=["unit_id", "name", "kind", "parent_id", "dissolved_on"],
    )
    schools = pd.DataFrame(
        [
            ("S1", "Trường THCS Lý Tự Trọng", "THCS", "THCS_THPT", "W1", "D"),
            ("S2", "Trường Tiểu học Kim Đồng", "TH", "TH", "W1", None),
            ("S3", "Trường Mầm non Hoa Sen", "MN", "MN", "W2", "D"),
        ],
        columns=["school_id", "name", "school_type", "framework_id", "unit_id", "former_unit_id"],
    )
    rows = []
    for code in thcs:
        rows.append(("S1", YEAR, "self", "THCS_THPT", code, 1 if code in SEED_002_WEAK else 2))
        rows.append(("S1", YEAR, "external", "THCS_THPT", code, (1 if code in SEED_002_WEAK else 2) - (code == "1.1")))
        rows.append(("S1", PREVIOUS_YEAR, "self", "THCS_THPT", code, 2))
    for code, top in th.items():
        rows.append(("S2", YEAR, "self", "TH", code, top))
    for code, top in mn.items():
        rows.append(("S3", YEAR, "self", "MN", code, 0 if code == "5.4" else 1))
    assessments = pd.DataFrame(
        rows, columns=["school_id", "school_year", "kind", "framework_id", "criterion_code", "level"]
    )
    plans = pd.DataFrame(
        [(1, "S1", YEAR, YEAR, "Kế hoạch 2024-2025"), (2, "S2", YEAR, YEAR, "Kế hoạch 2024-2025")],
        columns=["plan_id", "school_id", "school_year", "end_school_year", "title"],
    )
    item_cols = ["item_id", "plan_id", "position", "school_id", "framework_id", "criterion_code", "target_level",
                 "weakness", "measures", "lead", "time_text", "start_date", "due_date", "ongoing", "budget_vnd",
                 "budget_text", "status", "status_reason", "completed_on"]
    d = date
    items = pd.DataFrame(
        [
            (1, 1, 1, "S1", "THCS_THPT", "1.5", 2, "Sĩ số học sinh ở các lớp còn cao", "Tham mưu phân tuyến",
             "Hiệu trưởng", "Tháng 3/2025", d(2025, 3, 1), d(2025, 3, 31), False, None, None, "in_progress", None,
             None),
            (2, 1, 2, "S1", "THCS_THPT", "3.2", 2, "Chưa có nhà thi đấu đa năng", "Đề xuất xây dựng",
             "Hiệu trưởng", "Tháng 5/2025", d(2025, 5, 1), d(2025, 5, 31), False, 60_000_000, "60 triệu",
             "not_started", None, None),
            (3, 1, 3, "S1", "THCS_THPT", "3.3", 2, "Phòng hành chính chưa đạt diện tích", "Sắp xếp lại phòng",
             "BGH", "Tháng 12/2025", d(2025, 12, 1), d(2025, 12, 31), False, 10_000_000, "10.000.000",
             "not_started", None, None),
            (4, 1, 4, "S1", "THCS_THPT", "4.2", 2, "Chưa là trung tâm văn hóa của địa phương", "Tham mưu",
             "Hiệu trưởng", "Thực hiện thường xuyên", None, None, True, None, None, "in_progress", None, None),
            (5, 1, 5, "S1", "THCS_THPT", "5.6", 2, "Còn học sinh yếu", "Phụ đạo", "GVCN", "Tháng 4/2025",
             d(2025, 4, 1), d(2025, 4, 30), False, None, None, "done", None, d(2025, 4, 20)),
            (6, 1, 6, "S1", "THCS_THPT", "2.3", 2, "Chưa có nhân viên thiết bị", "Cử đi tập huấn",
             "Phó hiệu trưởng", "Tháng 1/2025", d(2025, 1, 1), d(2025, 1, 31), False, None, None, "done", None,
             d(2025, 2, 15)),
            (7, 1, 7, "S1", "THCS_THPT", "2.4", 2, "Học sinh vi phạm tác phong", "Trực cổng", "Giám thị",
             "Tháng 2/2025", d(2025, 2, 1), d(2025, 2, 28), False, None, None, "dropped",
             "Đã chuyển sang kế hoạch năm sau", None),
            (8, 2, 1, "S2", "TH", "1.1", 3, "Phương hướng chưa đăng website", "Đăng tải", "Hiệu trưởng",
             "Tháng 01/2025", d(2025, 1, 1), d(2025, 1, 31), False, None, None, "not_started", None, None),
        ],
        columns=item_cols,
    )
    log = pd.DataFrame(
        [(int(i), s, datetime(2024, 10, 1, 8), "test", "create", None, None, None)
         for i, s in zip(items["item_id"], items["school_id"])],
        columns=["item_id", "school_id", "changed_at", "changed_by", "action", "field", "old_value", "new_value"],
    )
    with store.transaction() as tx:
        save_units(tx, units)
        tx.insert_frame("school", schools)
        tx.insert_frame("assessment", assessments)
        tx.insert_frame("plan", plans)
        tx.insert_frame("plan_item", items)
        tx.insert_frame("plan_item_log", log)
        tx.run("write/take_plan_ids", n=2)
        tx.run("write/take_plan_item_ids", n=len(items))
    return store


_TEMPLATE: Path | None = None


def tiny_copy(path: str | Path) -> Store:
    """A private, writable copy of the tiny database at `path`: built once per test process and copied
    (0.04 s against 0.35 s for building it again), so every test still starts from the same data."""
    global _TEMPLATE
    if _TEMPLATE is None:
        template = Path(tempfile.mkdtemp(prefix="kdcl-tiny-")) / "tiny.duckdb"
        atexit.register(shutil.rmtree, template.parent, True)
        build_tiny(template).close()
        _TEMPLATE = template
    shutil.copyfile(_TEMPLATE, path)
    return Store(path)
