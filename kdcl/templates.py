"""The three import templates (schools, assessments, plan items) and exports in the same shape.

Headers are canonical Vietnamese names (kdcl.strings "import.col.*"); on import they are
matched case-, accent- and spacing-insensitively, with a few aliases, in any order, and
columns outside the template are ignored with a warning. Exports write exactly these
headers: dates dd/mm/yyyy, money as a plain integer (the original text when the budget is
not a number), statuses, school types and assessment kinds as their Vietnamese labels; CSV
in UTF-8 with BOM (Excel opens it with the right accents), XLSX with a "Hướng dẫn" sheet.
So export -> edit in Excel -> import round-trips (see kdcl.importing.service).

The plan-items template has two optional columns beyond the required list, "Điều kiện hỗ
trợ khác" and "Lý do không thực hiện", so nothing of an item is lost on the way, and "Phiên bản":
the item's version when it was exported, so an import of a row whose item changed since is
not applied blindly (kdcl.importing.validate: conflicts).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kdcl import exports
from kdcl.access import Scope
from kdcl.db import Store
from kdcl.strings import ASSESSMENT_KIND_LABELS, SCHOOL_TYPE_LABELS, STATUS_LABELS, t


@dataclass(frozen=True)
class Column:
    key: str
    required: bool = False
    kind: str = "text"  # text | date | money | int | code

    @property
    def header(self) -> str:
        return t("import.col." + self.key)

    @property
    def hint(self) -> str:
        return t("import.hint." + self.key)


TEMPLATES: dict[str, list[Column]] = {
    "schools": [
        Column("school_id", True, "code"), Column("name", True), Column("school_type", True),
        Column("framework"), Column("province"), Column("commune"), Column("former_district"), Column("office"),
    ],
    "assessment": [
        Column("school_id", True, "code"), Column("school_year", True, "code"), Column("kind", True),
        Column("criterion", True, "code"), Column("level", True, "int"),
    ],
    "plan": [
        Column("school_id", True, "code"), Column("school_year", True, "code"), Column("criterion", True, "code"),
        Column("target_level", kind="int"), Column("weakness"), Column("target_result"), Column("measures"),
        Column("lead"), Column("support"), Column("time_text"), Column("start_date", kind="date"),
        Column("due_date", kind="date"), Column("budget", kind="money"), Column("status"),
        Column("completed_on", kind="date"), Column("note"), Column("other_support"), Column("status_reason"),
        Column("version", kind="int"),  # issue 16: the item's version when exported (a stale row is asked about)
    ],
}

# extra spellings accepted on import (already folded: see kdcl.importing.normalise.header_key)
ALIASES: dict[str, tuple[str, ...]] = {
    "school_id": ("ma truong", "ma so truong", "ma dinh danh truong", "ma co so"),
    "name": ("ten truong", "truong", "ten co so"),
    "school_type": ("loai truong", "cap hoc", "loai hinh", "loai"),
    "framework": ("khung tieu chi", "bo tieu chi", "thong tu", "khung"),
    "province": ("tinh thanh pho", "tinh", "thanh pho", "tinh tp"),
    "commune": ("xa phuong", "xa", "phuong", "xa phuong dac khu"),
    "former_district": ("quan huyen cu", "huyen cu", "quan cu", "quan huyen", "huyen"),
    "office": ("don vi quan ly", "co quan quan ly", "don vi"),
    "school_year": ("nam hoc",),
    "kind": ("loai danh gia", "hinh thuc danh gia", "danh gia"),
    "criterion": ("tieu chi", "ma tieu chi", "tieu chuan tieu chi"),
    "level": ("muc dat", "muc", "muc dat duoc", "ket qua"),
    "target_level": ("muc muc tieu", "muc can dat", "muc phan dau", "muc tieu"),
    "weakness": ("diem yeu", "mat yeu", "han che", "han che can khac phuc"),
    "target_result": ("ket qua can dat", "ket qua can dat so voi hien trang"),
    "measures": ("giai phap", "bien phap", "cong viec giai phap", "cong viec giai phap can thuc hien",
                 "giai phap thuc hien"),
    "lead": ("chu tri", "nguoi thuc hien", "nguoi chu tri", "phu trach"),
    "support": ("phoi hop", "nguoi phoi hop", "don vi phoi hop"),
    "time_text": ("thoi gian thuc hien", "thoi gian", "thoi gian thuc hien va hoan thanh"),
    "start_date": ("ngay bat dau", "bat dau"),
    "due_date": ("han hoan thanh", "han", "thoi han", "ngay het han", "han chot"),
    "budget": ("kinh phi", "du kien kinh phi", "kinh phi du kien"),
    "status": ("trang thai", "tinh trang", "tien do"),
    "completed_on": ("ngay hoan thanh",),
    "note": ("ghi chu",),
    "other_support": ("dieu kien ho tro khac", "ho tro khac", "nguon luc khac"),
    "status_reason": ("ly do khong thuc hien", "ly do"),
    "version": ("phien ban muc", "version"),
}

# columns that tell the templates apart (one of them must be present)
SIGNATURE: dict[str, tuple[str, ...]] = {
    "schools": ("name", "school_type", "province", "commune", "office"),
    "assessment": ("level", "kind"),
    "plan": ("target_level", "weakness", "target_result", "measures", "lead", "due_date", "status", "time_text"),
}


def headers(kind: str) -> list[str]:
    return [c.header for c in TEMPLATES[kind]]


# --------------------------------------------------------------------------- export


def _missing(value) -> bool:
    if value is None or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _int_or_blank(value):
    return "" if _missing(value) else int(value)


def _text(value) -> str:
    return "" if _missing(value) else str(value)


def export_frame(store: Store, scope: Scope, kind: str, school_id: str | None = None,
                 school_year: str | None = None) -> pd.DataFrame:
    """The rows of `kind` (plan | assessment | schools) in scope, in the template's shape, with
    Python values (dates as date, money as int) and the canonical headers."""
    base = {**scope.params(), "unit_id": None, "school_type": None, "school_id": school_id}
    cols = TEMPLATES[kind]
    rows = []
    if kind == "plan":
        frame = store.query("import_export_plan_items", **base, school_year=school_year)
        for r in frame.itertuples(index=False):
            budget = int(r.budget_vnd) if pd.notna(r.budget_vnd) else _text(r.budget_text)
            rows.append([
                r.school_id, r.school_year, r.criterion_code, _int_or_blank(r.target_level), _text(r.weakness),
                _text(r.target_result), _text(r.measures), _text(r.lead), _text(r.support), _text(r.time_text),
                _date(r.start_date), _date(r.due_date), budget, STATUS_LABELS.get(r.status, r.status),
                _date(r.completed_on), _text(r.note), _text(r.other_support), _text(r.status_reason),
                int(r.version),
            ])
    elif kind == "assessment":
        frame = store.query("import_assessment_levels", **scope.params(), unit_id=None, school_type=None,
                            school_ids=None if school_id is None else [school_id],
                            school_years=None if school_year is None else [school_year])
        for r in frame.itertuples(index=False):
            rows.append([r.school_id, r.school_year, ASSESSMENT_KIND_LABELS.get(r.kind, r.kind), r.criterion_code,
                         int(r.level)])
    elif kind == "schools":
        frame = store.query("import_export_schools", **base)
        for r in frame.itertuples(index=False):
            rows.append([r.school_id, r.name, SCHOOL_TYPE_LABELS.get(r.school_type, r.school_type), r.framework_id,
                         _text(r.province), _text(r.commune), _text(r.former_district), _text(r.office)])
    else:
        raise ValueError(kind)
    return pd.DataFrame(rows, columns=[c.header for c in cols], dtype=object)


def _date(value):
    return "" if _missing(value) else pd.Timestamp(value).date()


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, comma separated, dates dd/mm/yyyy, money as plain integers; written by the one
    writer (kdcl.exports: formula guard, control characters)."""
    return exports.to_csv(frame)


def to_xlsx(frame: pd.DataFrame, kind: str) -> bytes:
    """A workbook: the data sheet (codes as text, dates as dd/mm/yyyy dates) and a guide sheet; every
    cell goes through kdcl.exports.write_cell (never a formula, no control characters)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = TEMPLATES[kind]
    wb = Workbook()
    ws = wb.active
    ws.title = exports.sheet_title(t("import.sheet." + kind))
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, c in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=i)
        exports.write_cell(cell, c.header)
        cell.font = bold
        cell.fill = fill
        cell.alignment = wrap
        width = 14 if c.kind in ("code", "int", "date", "money") else 30
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    for r, values in enumerate(frame.itertuples(index=False, name=None), start=2):
        for i, (c, value) in enumerate(zip(cols, values), start=1):
            if value is None or (isinstance(value, str) and value == ""):
                continue
            cell = ws.cell(row=r, column=i)
            if c.kind == "code":
                exports.write_cell(cell, str(value))
                cell.number_format = "@"
            else:
                exports.write_cell(cell, value)  # dates DD/MM/YYYY, money #,##0, text as text
                if c.kind not in ("date", "money"):
                    cell.alignment = wrap
    # an empty template still types its code columns as text, so "1.10" stays "1.10"
    for i, c in enumerate(cols, start=1):
        if c.kind == "code":
            ws.column_dimensions[get_column_letter(i)].number_format = "@"
    guide = wb.create_sheet(exports.sheet_title(t("import.sheet.guide")))
    for i, value in enumerate([t("import.guide.column"), t("import.guide.required"), t("import.guide.how")], 1):
        cell = guide.cell(row=1, column=i)
        exports.write_cell(cell, value)
        cell.font = bold
        cell.fill = fill
    for r, c in enumerate(cols, start=2):
        for i, value in enumerate([c.header, t("import.guide.yes") if c.required else "", c.hint], start=1):
            exports.write_cell(guide.cell(row=r, column=i), value)
        guide.cell(row=r, column=3).alignment = wrap
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["B"].width = 10
    guide.column_dimensions["C"].width = 100
    return exports.workbook_bytes(wb)


def template_bytes(kind: str, fmt: str) -> bytes:
    """An empty template (headers only; the xlsx also has the guide sheet)."""
    frame = pd.DataFrame(columns=headers(kind), dtype=object)
    return to_xlsx(frame, kind) if fmt == "xlsx" else to_csv(frame)


def export_bytes(store: Store, scope: Scope, kind: str, fmt: str, school_id: str | None = None,
                 school_year: str | None = None) -> tuple[bytes, int]:
    """(file content, row count) of an export."""
    frame = export_frame(store, scope, kind, school_id, school_year)
    return (to_xlsx(frame, kind) if fmt == "xlsx" else to_csv(frame)), len(frame)


def file_name(kind: str, fmt: str, school_id: str | None = None, school_year: str | None = None) -> str:
    parts = [{"plan": "ke-hoach", "assessment": "danh-gia", "schools": "truong"}[kind]]
    parts += [p for p in (school_id, school_year) if p]
    return "_".join(parts) + "." + fmt
