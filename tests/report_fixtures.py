"""python-docx builders of self-assessment reports (báo cáo tự đánh giá) and external assessment
reports in the structure of the Ministry's guidance (Công văn 5932/5942), one per variation the
reader must tolerate; each returns the file and what a correct reader finds in it.

    build(family, **variation) -> Report(data, levels, weaknesses, improvements, ...)
    FIXTURES: name -> (family, variation) for every school type (MN, TH, THCS_THPT) and variation
    write_all(folder) -> {name: path}: real .docx files (python tests/report_fixtures.py OUT_DIR)

The criteria (codes, names, which have Mức 3) come from data/criteria_2018.csv.
"""

from __future__ import annotations

import csv
import io
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK

ROOT = Path(__file__).resolve().parents[1]
SCHOOLS = {"THCS_THPT": ("S1", "TRƯỜNG THCS LÝ TỰ TRỌNG"), "TH": ("S2", "TRƯỜNG TIỂU HỌC KIM ĐỒNG"),
           "MN": ("S3", "TRƯỜNG MẦM NON HOA SEN")}
MARK_TEXT = {"x": "x", "X": "X", "check": "✓", "dat": "Đạt", "root": "√"}


def catalog(family: str) -> list[dict[str, object]]:
    """The criteria of a 2018 framework in order: code, name, standard number and name, max level."""
    with open(ROOT / "data" / "criteria_2018.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["framework"] == family]
    return [{"code": r["criterion_code"], "name": r["criterion_name"], "standard": int(r["standard_no"]),
             "standard_name": r["standard_name"], "max": 3 if int(r["indicators_m3"]) > 0 else 2} for r in rows]


def sample_levels(family: str, seed: int = 0) -> dict[str, int]:
    """Varied levels within what each criterion allows: most at their top, some at 1 and 2 (one at 0
    when seed is odd)."""
    out = {}
    for i, c in enumerate(catalog(family)):
        top = int(c["max"])
        k = (i * 7 + seed * 3) % 5
        out[str(c["code"])] = top if k in (0, 1) else max(1, top - 1) if k == 2 else 1 if k == 3 else 2
    if seed % 2:
        out[next(iter(out))] = 0
    return out


def school_level(levels: dict[str, int], family: str) -> int:
    """Art. 6 of the 2018 circulars, written out again here (the tests' own hand rule)."""
    tops = {str(c["code"]): int(c["max"]) for c in catalog(family)}
    if any(v < 1 for v in levels.values()):
        return 0
    if any(v < 2 for v in levels.values()):
        return 1
    return 3 if all(levels.get(c, 0) >= 3 for c, top in tops.items() if top == 3) else 2


@dataclass
class Report:
    data: bytes
    family: str
    school_id: str
    levels: dict[str, int]  # what the import must write (the table's level, the section's where no table)
    weaknesses: dict[str, str | None]
    improvements: dict[str, str]
    disagreements: dict[str, tuple[int, int]] = field(default_factory=dict)  # code -> (table, section)
    level4: list[tuple[str, bool]] = field(default_factory=list)
    conclusion: int | None = None


def _weakness(code: str, level: int, top: int) -> str | None:
    if level >= top:  # (a level above the top, which the catalog forbids, has no weakness either)
        return None
    return f"Tiêu chí {code} chưa đạt Mức {level + 1}: hồ sơ minh chứng [H1-{code}-0{level + 1}] còn thiếu, sĩ số lớp chưa đảm bảo."


def _improvement(code: str, level: int, top: int) -> str:
    if level >= top:
        return "Tiếp tục duy trì và phát huy."
    return f"Năm học 2025-2026 bổ sung minh chứng cho tiêu chí {code}; Hiệu trưởng phân công TTCM theo dõi hằng tháng."


def build(family: str = "THCS_THPT", *, table: bool = True, sections: bool = True, seed: int = 0,
          nfd: bool = False, split_pages: bool = False, split_no_header: bool = False, header_rows: int = 1,
          merged: bool = False, mark: str = "x", marks: str = "all", broken_headings: bool = False,
          auto_numbering: bool = False, level4: list[tuple[str, bool]] | None = None, external: bool = False,
          disagree: dict[str, int] | None = None, conclusion: int | None = -1,
          override: dict[str, int] | None = None, drop: tuple[str, ...] = (), level_column: bool = False,
          bare_level_lines: bool = False, roman: bool = False) -> Report:
    """One report. `disagree`: code -> the level the criterion's own section states instead of the
    table's. `conclusion`: the level the report states for the school (-1: the right one, None: none).
    `override`: levels set in both table and sections (even ones the catalog forbids); `drop`: criteria
    left out of both. `level_column`: the table has one "Mức đạt" column ("Mức 2", "Không đạt") instead of
    a column per level; `bare_level_lines`: "Tự đánh giá: Mức 2" without "Đạt"; `roman`: level columns
    headed "Mức I | Mức II | Mức III"."""
    crits = [c for c in catalog(family) if c["code"] not in drop]
    levels = {c: v for c, v in {**sample_levels(family, seed), **(override or {})}.items() if c not in drop}
    tops = {str(c["code"]): int(c["max"]) for c in crits}
    disagree = disagree or {}
    section_levels = {**levels, **disagree}
    school_id, school_name = SCHOOLS[family]
    doc = Document()
    fix = (lambda s: unicodedata.normalize("NFD", s)) if nfd else (lambda s: s)

    def para(text: str = "", style: str | None = None):
        return doc.add_paragraph(fix(text), style=style) if style else doc.add_paragraph(fix(text))

    def set_cell(cell, text: str) -> None:
        cell.text = fix(text)

    kind_word = "ĐÁNH GIÁ NGOÀI" if external else "TỰ ĐÁNH GIÁ"
    for text in ["SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH THỬ NGHIỆM", school_name if not external else "ĐOÀN ĐÁNH GIÁ NGOÀI",
                 f"BÁO CÁO {kind_word}", f"{school_name.title().replace('Thcs', 'THCS')}", "Năm học 2024 - 2025",
                 "MỤC LỤC"]:
        para(text)
    for c in crits[:3]:  # a table of contents names criteria without any landmark
        para(f"Tiêu chí {c['code']}: {c['name']}\t12")
    para("Phần I. CƠ SỞ DỮ LIỆU")
    para("Căn cứ Công văn số 5932/BGDĐT-QLCL, nhà trường thực hiện tự đánh giá; hội đồng tự đánh giá gồm 11 thành viên.")
    stated = school_level(levels, family) if conclusion == -1 else conclusion
    if table:
        para(f"BẢNG TỔNG HỢP KẾT QUẢ {kind_word}")
        para("1. Kết quả đánh giá")
        para("1.1. Đánh giá tiêu chí Mức 1, 2 và 3")
        if level_column:
            _level_column_table(doc, crits, levels, set_cell)
        else:
            _summary_table(doc, crits, levels, set_cell, split_pages=split_pages, split_no_header=split_no_header,
                           header_rows=header_rows, merged=merged, mark=MARK_TEXT[mark], marks=marks, roman=roman)
        if level4 is not None:
            para("1.2. Đánh giá tiêu chí Mức 4")
            t4 = doc.add_table(rows=1, cols=4)
            for cell, text in zip(t4.rows[0].cells, ["TT", "Nội dung yêu cầu Mức 4", "Đạt", "Không đạt"]):
                set_cell(cell, text)
            for i, (req, met) in enumerate(level4, start=1):
                cells = t4.add_row().cells
                set_cell(cells[0], str(i))
                set_cell(cells[1], req)
                set_cell(cells[2 if met else 3], MARK_TEXT[mark])
        if stated is not None:
            para("2. Kết luận")
            para(_conclusion_text(stated))
    if sections:
        para(f"Phần II. {kind_word}")
        para("A. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 1, 2 VÀ 3")
        standard = None
        for c in crits:
            code = str(c["code"])
            if c["standard"] != standard:
                if standard is not None:
                    para(f"Kết luận về Tiêu chuẩn {standard}: Nhà trường đã cơ bản đáp ứng các yêu cầu; "
                         "trường đạt Mức 2 ở phần lớn tiêu chí.")
                standard = c["standard"]
                para(f"Tiêu chuẩn {standard}: {c['standard_name']}")
                para("Mở đầu: nhà trường luôn quan tâm thực hiện tốt các yêu cầu của tiêu chuẩn.")
            heading = f"Tiêu chí {code}: {c['name']}"
            if broken_headings and code.endswith(".1"):  # the name in the next paragraph
                para(f"Tiêu chí {code}:")
                para(str(c["name"]))
            elif broken_headings:  # a line break inside the heading
                p = doc.add_paragraph(fix(f"Tiêu chí {code}:"))
                p.add_run().add_break()
                p.add_run(fix(str(c["name"])))
            else:
                para(heading)
            para("Mức 1")
            para("a) Có đủ hồ sơ theo quy định;")
            para("b) Đạt yêu cầu về tổ chức và hoạt động.")
            level = section_levels[code]
            top = tops[code]
            parts = [("Mô tả hiện trạng", [f"Mức 1: Nhà trường đã thực hiện đầy đủ [H1-{code}-01].",
                                           "Mức 2: Đã có kế hoạch theo dõi, đánh giá định kỳ."]),
                     ("Điểm mạnh", ["Tập thể sư phạm đoàn kết, nhiệt tình."]),
                     ("Điểm yếu", [_weakness(code, levels[code], top) or "Không có."]),
                     ("Khuyến nghị" if external else "Kế hoạch cải tiến chất lượng",
                      [_improvement(code, levels[code], top)])]
            for n, (label, texts) in enumerate(parts, start=1):
                if auto_numbering:
                    para(label, style="List Number")
                else:
                    para(f"{n}. {label}")
                for text in texts:
                    para(text)
            verdict = "Không đạt" if level == 0 else f"Mức {level}" if bare_level_lines else f"Đạt Mức {level}"
            label = "Đánh giá tiêu chí" if external else "Tự đánh giá"
            if broken_headings:
                para(f"5. {label}:")
                para(verdict)
            elif auto_numbering:
                para(f"{label}: {verdict}", style="List Number")
            else:
                para(f"5. {label}: {verdict}")
        para(f"Kết luận về Tiêu chuẩn {standard}: nhà trường đáp ứng yêu cầu của tiêu chuẩn.")
        if level4 is not None:
            para("B. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 4")
            for i, (req, met) in enumerate(level4, start=1):
                para(f"Yêu cầu {i}: {req}")
                para("Đạt" if met else "Không đạt")
    para("Phần III. KẾT LUẬN CHUNG")
    counts = [sum(v >= n for v in levels.values()) for n in (1, 2, 3)]
    m3 = sum(1 for t in tops.values() if t == 3)
    para(f"Số lượng tiêu chí đạt Mức 1: {counts[0]}/{len(levels)}, tỉ lệ {counts[0] / len(levels):.2%}".replace(".", ","))
    para(f"Số lượng tiêu chí của trường đạt Mức 2: {counts[1]}/{len(levels)}")
    para(f"Số lượng tiêu chí đạt Mức 3: {counts[2]}/{m3}")
    if stated is not None:
        para(_conclusion_text(stated))
    para("Hiệu trưởng")
    out = io.BytesIO()
    doc.save(out)
    expected = dict(levels) if table else dict(section_levels)
    return Report(
        data=out.getvalue(), family=family, school_id=school_id, levels=expected,
        weaknesses={c: _weakness(c, levels[c], tops[c]) for c in levels} if sections else {},
        improvements={c: _improvement(c, levels[c], tops[c]) for c in levels} if sections else {},
        disagreements={c: (levels[c], v) for c, v in disagree.items()} if table and sections else {},
        level4=list(level4 or []) if table else [], conclusion=stated)


def _conclusion_text(level: int) -> str:
    return "Kết quả: Trường chưa đạt Mức 1." if level == 0 else f"Kết quả: Trường đạt Mức {level}."


def _level_column_table(doc, crits, levels, set_cell) -> None:
    """TT | Tiêu chuẩn, tiêu chí | Mức đạt, the level written out in the last column."""
    tbl = doc.add_table(rows=1, cols=3)
    for cell, text in zip(tbl.rows[0].cells, ["TT", "Tiêu chuẩn, tiêu chí", "Mức đạt"]):
        set_cell(cell, text)
    for i, c in enumerate(crits, start=1):
        cells = tbl.add_row().cells
        set_cell(cells[0], str(i))
        set_cell(cells[1], f"Tiêu chí {c['code']}: {c['name']}")
        level = levels[str(c["code"])]
        set_cell(cells[2], "Không đạt" if level == 0 else f"Mức {level}")


def _summary_table(doc, crits, levels, set_cell, *, split_pages, split_no_header, header_rows, merged, mark, marks,
                   roman=False):
    lead = 2 if merged else 1  # merged: "Tiêu chuẩn" in its own column, merged down over its criteria
    width = lead + 4

    def new_table(with_header: bool):
        tbl = doc.add_table(rows=0, cols=width)
        if not with_header:
            return tbl
        if header_rows == 1:
            cells = tbl.add_row().cells
            heads = (["Tiêu chuẩn", "Tiêu chí"] if merged else ["Tiêu chuẩn, tiêu chí"]) + [
                "Không đạt", *(f"Đạt Mức {n}" for n in (["I", "II", "III"] if roman else [1, 2, 3]))]
            for cell, text in zip(cells, heads):
                set_cell(cell, text)
            return tbl
        rows = [tbl.add_row().cells for _ in range(3)]
        for c in range(lead):
            top = rows[0][c].merge(rows[2][c])
            set_cell(top, ["Tiêu chuẩn", "Tiêu chí"][c] if merged else "Tiêu chuẩn, tiêu chí")
        set_cell(rows[0][lead].merge(rows[0][width - 1]), "Kết quả")
        set_cell(rows[1][lead].merge(rows[2][lead]), "Không đạt")
        set_cell(rows[1][lead + 1].merge(rows[1][width - 1]), "Đạt")
        for k in range(3):
            set_cell(rows[2][lead + 1 + k], f"Mức {['I', 'II', 'III'][k] if roman else k + 1}")
        return tbl

    tbl = new_table(True)
    standard = None
    first_row = None
    for c in crits:
        code = str(c["code"])
        if c["standard"] != standard:
            if standard is not None and split_pages:  # Word starts a new table on the next page
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                tbl = new_table(not (split_no_header and c["standard"] == 3))
            standard = c["standard"]
            if not merged:
                cells = tbl.add_row().cells
                set_cell(cells[0].merge(cells[width - 1]), f"Tiêu chuẩn {standard}")
            first_row = None
        cells = tbl.add_row().cells
        if merged:
            if first_row is None:
                first_row = cells[0]
                set_cell(first_row, f"Tiêu chuẩn {standard}")
            else:
                first_row = first_row.merge(cells[0])
            set_cell(cells[1], code if c["standard"] % 2 == 0 else f"Tiêu chí {code}")
        else:
            set_cell(cells[0], f"Tiêu chí {code}")
        level = levels[code]
        if level == 0:
            set_cell(cells[lead], mark)
        elif marks == "all":
            for k in range(1, level + 1):
                set_cell(cells[lead + k], mark)
        else:
            set_cell(cells[lead + level], mark)


def _l4() -> list[tuple[str, bool]]:
    return [("Kế hoạch giáo dục của nhà trường có những nội dung được tham khảo chương trình giáo dục tiên tiến", True),
            ("Đảm bảo 100% trẻ em được học ngoại ngữ theo quy định", False),
            ("Trong 05 năm liên tiếp tính đến thời điểm đánh giá, nhà trường hoàn thành tất cả các mục tiêu", True)]


# name -> (family, variation)
FIXTURES: dict[str, tuple[str, dict]] = {}
for _fam in ("MN", "TH", "THCS_THPT"):
    _key = _fam.lower()
    FIXTURES.update({
        f"{_key}_table_only": (_fam, {"sections": False, "seed": 1}),
        f"{_key}_sections_only": (_fam, {"table": False, "seed": 2}),
        f"{_key}_both": (_fam, {"seed": 3, "mark": "X"}),
        f"{_key}_disagree": (_fam, {"seed": 4, "disagree": {"1.2": 1, "2.1": 0}}),
        f"{_key}_nfd": (_fam, {"seed": 5, "nfd": True, "mark": "check", "header_rows": 3}),
        f"{_key}_page_split": (_fam, {"seed": 6, "split_pages": True, "header_rows": 3}),
    })
FIXTURES.update({
    "thcs_thpt_merged_highest": ("THCS_THPT", {"seed": 7, "merged": True, "header_rows": 3, "marks": "highest",
                                               "mark": "dat"}),
    "th_split_no_header": ("TH", {"seed": 8, "split_pages": True, "split_no_header": True, "marks": "highest"}),
    "mn_broken_auto": ("MN", {"seed": 9, "broken_headings": True, "auto_numbering": True}),
    "thcs_thpt_broken_headings": ("THCS_THPT", {"seed": 10, "broken_headings": True, "table": False}),
    "thcs_thpt_level4": ("THCS_THPT", {"seed": 12, "level4": _l4(), "merged": True}),
    "thcs_thpt_external": ("THCS_THPT", {"seed": 14, "external": True, "header_rows": 3}),
    "th_conclusion_differs": ("TH", {"seed": 16, "conclusion": 3}),
    "mn_level_column": ("MN", {"seed": 17, "level_column": True, "bare_level_lines": True}),
    "th_roman_root": ("TH", {"seed": 18, "roman": True, "mark": "root", "header_rows": 3, "marks": "highest"}),
})


def fixture(name: str) -> Report:
    family, variation = FIXTURES[name]
    return build(family, **variation)


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name in FIXTURES:
        path = folder / f"bao_cao_{name}.docx"
        path.write_bytes(fixture(name).data)
        out[name] = path
    return out


if __name__ == "__main__":
    for name, path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/report_fixtures")).items():
        print(name, path)
