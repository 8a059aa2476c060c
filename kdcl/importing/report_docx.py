"""Word (.docx) self-assessment reports (báo cáo tự đánh giá) and external assessment reports
(báo cáo đánh giá ngoài), in the structure of the Ministry's guidance for the 2018 circulars.

Read by landmarks, never by position (paragraph text is NFC-normalised and folded first, so NFD
text, line breaks inside headings, typed or automatic numbering and case do not matter):

- The summary table ("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ", "1.1. Đánh giá tiêu chí Mức 1, 2 và 3"):
  any table whose header rows (the rows before its first criterion row) name "Mức 1" and "Mức 2"
  columns. The header may be spread over several rows ("Kết quả" / "Không đạt | Đạt" / "Mức 1 |
  Mức 2 | Mức 3"); merged cells give their text to every column they cover. Rows: "Tiêu chí n.m"
  or a bare code "n.m" (rows "Tiêu chuẩn n" are skipped). The level is the highest level column
  holding a mark ("x", "X", "✓", "Đạt", anything but "-", "0", "Không…"): marks in every level
  reached or only in the highest read the same. A mark under "Không đạt" is level 0. A table split
  across pages (a new table, its header typed again, or a table without header right after, of the
  same width) goes on. A table with one level column instead (header exactly "Mức đạt", "Kết quả",
  "Kết quả tự đánh giá"…; cells "Mức 2", "2", "Không đạt") counts when at least MIN_LEVEL_ROWS
  criterion rows hold a level there.
- The Mức 4 table ("1.2. Đánh giá tiêu chí Mức 4"): a table with "Đạt" / "Không đạt" columns and no
  level columns, after a paragraph naming "Mức 4" (or with "Mức 4" in its header): one requirement
  per row, met or not met.
- Part II: a criterion section starts at a paragraph "Tiêu chí n.m: <name>" (the name may be in the
  next paragraph) and holds the landmarks "Mô tả hiện trạng", "Điểm mạnh", "Điểm yếu", "Kế hoạch cải
  tiến chất lượng" (in an external report "Khuyến nghị"), each with the text after it on its line and
  in the paragraphs up to the next landmark, and "Tự đánh giá: Đạt Mức N" / "Mức N" / "Không đạt"
  (an external report: "Đánh giá: …"; the level may be in the next paragraph). A
  section ends at the next criterion, "Tiêu chuẩn n", "Kết luận về Tiêu chuẩn n", the Mức 4 part or
  Part III. A criterion heading without any landmark (a table of contents) is no section.
- The report's own conclusion: in the paragraphs after a "Kết luận" heading (the summary's "2. Kết
  luận" or Part III "KẾT LUẬN CHUNG"), "(Nhà) trường … đạt Mức N" or "… chưa đạt Mức 1"; the last one
  found wins.
- Kind: a title paragraph "BÁO CÁO (KẾT QUẢ) ĐÁNH GIÁ NGOÀI" makes it an external report, else
  self-assessment (the service also takes kdcl.importing.doc_kind's verdict).

`looks_like_report(data)` tells a report from an improvement plan: a summary table with criterion
rows, or at least three criterion sections with a "Tự đánh giá" level line or an "Điểm yếu"
landmark (a plan that merely cites "báo cáo tự đánh giá" has neither).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from kdcl.importing.docx_plan import body_blocks
from kdcl.importing.model import Issue
from kdcl.importing.normalise import clean, fold, one_line
from kdcl.importing.plan_common import find_school_names, find_years
from kdcl.importing.safety import FileRejected
from kdcl.strings import t

MIN_SECTIONS = 3  # criterion sections with a landmark that make a document a report

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_CODE = re.compile(r"^(?:tieu chi\s*)?(\d{1,2})\s*[.,]\s*(\d{1,2})\s*(?:[:.\-–)]|$|\s)")
_HEADING = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)*\.?\s*)?tieu chi\s*(\d{1,2})\s*[.,]\s*(\d{1,2})\s*(?:[:.\-–)]\s*(.*)|$)")
_NUMBERING = r"^(?:\(?(?:[0-9]{1,2}|[a-h]|i{1,3}|iv|v)\s*[.)/]\s*)?"
_LABELS = {
    "description": re.compile(_NUMBERING + r"mo ta hien trang\b\s*[:.\-–]?\s*(.*)$"),
    "strengths": re.compile(_NUMBERING + r"diem manh\b\s*[:.\-–]?\s*(.*)$"),
    "weakness": re.compile(_NUMBERING + r"diem yeu\b\s*[:.\-–]?\s*(.*)$"),
    "improvement": re.compile(_NUMBERING + r"(?:ke hoach cai tien(?: chat luong)?|khuyen nghi)\b\s*[:.\-–]?\s*(.*)$"),
    "level": re.compile(_NUMBERING + r"(?:tu danh gia|danh gia)(?: tieu chi)?\s*[:.\-–]?\s*(.*)$"),
}
_SECTION_END = re.compile(
    r"^(?:phan\s+(?:iii|3)\b|ket luan chung\b|ket luan ve tieu chuan\b|tieu chuan\s*\d+\s*[:.\-–]|"
    r"(?:[a-e]\s*[.)]\s*)?(?:tu )?danh gia (?:cac )?tieu chi muc 4\b)")
_CONCLUSION_HEAD = re.compile(r"^(?:phan\s+(?:iii|3)\s*[.:\-–]?\s*)?(?:[0-9]{1,2}\s*[.)]\s*)?ket luan(?: chung)?\b")
_CONCLUSION = re.compile(
    r"\b(?:nha truong|truong)\b[^.;]{0,80}?\b(chua dat muc\s*(?:1|i)\b|khong dat\b|dat muc\s*([1-4]|iv|i{1,3})\b)")
_LEVEL_TEXT = re.compile(r"^(?:tieu chi\s*)?(?:(khong dat|chua dat)|(?:dat\s*)?muc\s*([1-4]|iv|i{1,3})\b|dat\s*([1-4])\b)")
_LEVEL_HEAD = re.compile(r"\bmuc\s*([1-4]|iv|i{1,3})\b")
_NOT_MARK = {"", "-", "–", "—", "0", "o", "khong"}
# the header of a single level column (exact words, so a plan's "Kết quả cần đạt" is none)
_LEVEL_COLUMN = [h.split() for h in ("muc dat", "muc dat duoc", "ket qua", "ket qua danh gia", "ket qua tu danh gia",
                                     "tu danh gia", "danh gia", "muc")]
MIN_LEVEL_ROWS = 3  # criterion rows with a level that make a table with one level column a summary table


@dataclass
class CriterionReport:
    """What a report says about one criterion: its level in the table and in its own section."""

    code: str
    order: int
    table_level: int | None = None
    table_where: str | None = None
    section_level: int | None = None
    section_where: str | None = None
    name: str | None = None
    weakness: str | None = None
    improvement: str | None = None


@dataclass
class ParsedReport:
    kind: str  # self | external
    criteria: dict[str, CriterionReport]  # by code, in the order met
    has_table: bool
    has_sections: bool
    level4: list[tuple[str, bool]]  # (requirement, met)
    conclusion: int | None  # the level the report states for the school (0 = chưa đạt Mức 1; 4 = Mức 4)
    conclusion_text: str | None
    school_names: list[str]
    years: tuple[str, str] | None
    issues: list[tuple[str, Issue]] = field(default_factory=list)


# --------------------------------------------------------------------------- document walking


def _cell_text(tc) -> str:
    return clean("\n".join(Paragraph(p, None).text for p in tc.iter(qn("w:p")))) or ""


def _grid(tbl) -> list[list[tuple[str, bool]]]:
    """Rows of (text, merged) on the layout grid: a horizontally merged cell gives its text to every
    column it covers, a vertically merged one (w:vMerge continue) the text of the cell it continues."""
    rows: list[list[tuple[str, bool]]] = []
    above: dict[int, str] = {}
    for tr in tbl.tr_lst:
        cells: list[tuple[str, bool]] = [("", False)] * (tr.grid_before or 0)
        for tc in tr.tc_lst:
            col = len(cells)
            span = max(int(tc.grid_span or 1), 1)
            if tc.vMerge == "continue":
                text, merged = above.get(col, ""), True
            else:
                text, merged = _cell_text(tc), False
                above[col] = text
            cells.append((text, merged))
            cells.extend((text, True) for _ in range(span - 1))
        rows.append(cells)
    return rows


def _level_number(text: str) -> int | None:
    return _ROMAN[text] if text in _ROMAN else int(text)


def _code(text: str) -> str | None:
    m = _CODE.match(fold(text))
    return f"{int(m.group(1))}.{int(m.group(2))}" if m else None


def _marked(text: str) -> bool:
    f = fold(text).strip(" .")
    return f not in _NOT_MARK and not f.startswith(("khong", "chua"))


@dataclass
class _Columns:
    width: int
    levels: dict[int, int]  # column -> level 1..3
    not_met: int | None  # the "Không đạt" column
    met: int | None = None  # Mức 4 table: the "Đạt" column
    level_col: int | None = None  # a single "Mức đạt" / "Kết quả" column holding "Mức 2", "Không đạt"…


def _header(rows: list[list[tuple[str, bool]]]) -> tuple[_Columns | None, int]:
    """Column roles from the rows before the first criterion row, and the index of that row."""
    first = next((i for i, r in enumerate(rows) if any(_code(text) for text, _ in r)), len(rows))
    head = rows[:first] if 0 < first < len(rows) else rows[:1]
    width = max((len(r) for r in rows), default=0)
    texts = [" | ".join(dict.fromkeys(fold(r[c][0]) for r in head if c < len(r) and r[c][0])) for c in range(width)]
    levels, not_met, met = {}, None, None
    for c, text in enumerate(texts):
        if "khong dat" in text or "chua dat" in text:
            not_met = c if not_met is None else not_met
            continue
        m = _LEVEL_HEAD.findall(text)
        if m:
            n = _level_number(m[-1])
            if 1 <= n <= 3 and n not in levels.values():
                levels[c] = n
        elif re.search(r"(^|\| )dat\b", text) and met is None:
            met = c
    level_col = next((c for c, text in enumerate(texts) if re.sub(r"[^a-z ]+", " ", text).split() in _LEVEL_COLUMN),
                     None) if not levels else None
    return _Columns(width, levels, not_met, met, level_col), first


# --------------------------------------------------------------------------- the reader


class _Reader:
    def __init__(self, name: str):
        self.name = name
        self.criteria: dict[str, CriterionReport] = {}
        self.issues: list[tuple[str, Issue]] = []
        self.level4: list[tuple[str, bool]] = []
        self.has_table = False
        self.table_columns: _Columns | None = None  # the summary table being read (continued across pages)
        self.table_no = 0
        self.paragraph_no = 0
        self.mentions_m4 = False
        # part II
        self.section: CriterionReport | None = None
        self.section_start: str | None = None
        self.field: str | None = None
        self.texts: dict[str, list[str]] = {}
        self.awaiting_level = False
        self.awaiting_name = False
        self.pending_heading = False
        self.section_count = 0
        self.sections_done = False
        # conclusion
        self.in_conclusion = False
        self.conclusion: int | None = None
        self.conclusion_text: str | None = None

    def _crit(self, code: str) -> CriterionReport:
        if code not in self.criteria:
            self.criteria[code] = CriterionReport(code=code, order=len(self.criteria))
        return self.criteria[code]

    def _issue(self, level: str, key: str, where: str, **values) -> None:
        self.issues.append((level, Issue(self.name, t(key, **values), where=where)))

    # ---------------------------------------------------------------- tables

    def table(self, tbl) -> None:
        self.table_no += 1
        rows = _grid(tbl)
        if not rows:
            return
        cols, first = _header(rows)
        continued = (cols is not None and not cols.levels and cols.not_met is None and first == 0
                     and self.table_columns is not None and cols.width == self.table_columns.width)
        if continued:
            cols = self.table_columns
        if cols is not None and len(cols.levels) >= 2:
            self.table_columns = cols
            if any(_code(text) for r in rows[first:] for text, _ in r):
                self.has_table = True
                self._summary_rows(rows[first:], cols, first)
            return
        if cols is not None and cols.level_col is not None and self._level_column_rows(rows[first:], cols, first):
            self.table_columns = cols
            self.has_table = True
            return
        self.table_columns = None
        if cols is not None and cols.not_met is not None and cols.met is not None and (
                self.mentions_m4 or any("muc 4" in fold(text) for r in rows[:max(first, 1)] for text, _ in r)):
            self._level4_rows(rows, cols)

    def _summary_rows(self, rows, cols: _Columns, offset: int) -> None:
        for i, cells in enumerate(rows, start=offset + 1):
            code = None
            for c, (text, _) in enumerate(cells):
                if c in cols.levels or c == cols.not_met:
                    continue
                code = _code(text)
                if code:
                    break
            if code is None:
                continue
            where = t("import.loc.table_row", table=self.table_no, row=i)
            reached = [n for c, n in cols.levels.items() if c < len(cells) and _marked(cells[c][0])]
            not_met = cols.not_met is not None and cols.not_met < len(cells) and _marked(cells[cols.not_met][0])
            crit = self._table_crit(code, where)
            if crit is None:
                continue
            if reached and not_met:
                self._issue("error", "import.report.err.both_marks", where, code=code)
            elif reached:
                crit.table_level = max(reached)
            elif not_met:
                crit.table_level = 0
            else:
                self._issue("error", "import.report.err.no_mark", where, code=code)

    def _table_crit(self, code: str, where: str) -> CriterionReport | None:
        """The criterion of a summary-table row at `where`; None (an error) when a row named it before."""
        crit = self._crit(code)
        if crit.table_where is not None:
            self._issue("error", "import.report.err.table_twice", where, code=code, other=crit.table_where)
            return None
        crit.table_where = where
        return crit

    def _level_column_rows(self, rows, cols: _Columns, offset: int) -> bool:
        """Rows "Tiêu chí n.m | … | Mức 2" (one level column); False, reading nothing, when fewer than
        MIN_LEVEL_ROWS criterion rows hold a level there (then it is some other table)."""
        found = []
        for i, cells in enumerate(rows, start=offset + 1):
            code = next((c for c in (_code(text) for k, (text, _) in enumerate(cells) if k != cols.level_col) if c),
                        None)
            if code is None:
                continue
            text = cells[cols.level_col][0] if cols.level_col < len(cells) else ""
            found.append((code, _level_value(text), t("import.loc.table_row", table=self.table_no, row=i)))
        if sum(level is not None for _, level, _ in found) < MIN_LEVEL_ROWS:
            return False
        for code, level, where in found:
            crit = self._table_crit(code, where)
            if crit is None:
                continue
            if level is None:
                self._issue("error", "import.report.err.no_level_value", where, code=code)
            else:
                crit.table_level = level
        return True

    def _level4_rows(self, rows, cols: _Columns) -> None:
        _, first = _header(rows)
        start = max(first, 1) if first < len(rows) else 1
        for i, cells in enumerate(rows[start:], start=start + 1):
            texts = [text for c, (text, _) in enumerate(cells) if c not in (cols.met, cols.not_met)]
            requirement = max(texts, key=len, default="")
            if len(requirement) < 4 or _code(requirement) and len(requirement) < 8:
                continue
            met = cols.met < len(cells) and _marked(cells[cols.met][0])
            not_met = cols.not_met < len(cells) and _marked(cells[cols.not_met][0])
            if met == not_met:
                self._issue("warning", "import.report.warn.level4_unmarked",
                            t("import.loc.table_row", table=self.table_no, row=i))
                continue
            self.level4.append((one_line(requirement) or requirement, met))

    # ---------------------------------------------------------------- paragraphs

    def paragraph(self, text: str) -> None:
        self.paragraph_no += 1
        self.table_columns = None if len(text) > 3 else self.table_columns
        f = fold(text)
        where = t("import.loc.paragraph", row=self.paragraph_no)
        if "muc 4" in f and len(f) < 120:
            self.mentions_m4 = True
        elif re.search(r"\bmuc\s*[1-3]\b", f) or f.startswith(("phan ", "ket luan", "tieu chi", "tieu chuan")):
            self.mentions_m4 = False  # past the Mức 4 part: tables with Đạt / Không đạt are no Mức 4 list
        if _CONCLUSION_HEAD.match(f) and not f.startswith("ket luan ve tieu chuan"):
            self.in_conclusion = True
            self._close()
            if f.startswith(("phan", "ket luan chung")):
                self.sections_done = True
        if self.in_conclusion:
            for m in _CONCLUSION.finditer(f):
                if re.match(r"\s*:?\s*\d+\s*/", f[m.end():]):
                    continue  # "… của trường đạt Mức 2: 16/28" is a count, not the school's level
                self.conclusion = 0 if m.group(2) is None else _level_number(m.group(2))
                self.conclusion_text = one_line(text)
            if re.match(r"^phan\s+(?:ii|2)\b", f):
                self.in_conclusion = False
        if self.sections_done:
            return
        if self.pending_heading:  # "Tiêu chí" alone, its code in this paragraph
            self.pending_heading = False
            f2 = "tieu chi " + f
            if _HEADING.match(f2):
                self._heading(f2, text, where)
                return
        m = _HEADING.match(f)
        if m:
            self._heading(f, text, where)
            return
        if f == "tieu chi":
            self.pending_heading = True
            return
        if self.section is None:
            return
        if _SECTION_END.match(f):
            self._close()
            return
        if self.awaiting_name:
            self.awaiting_name = False
            if not any(p.match(f) for p in _LABELS.values()):
                self.section.name = one_line(text)
                return
        if self.awaiting_level:
            self.awaiting_level = False
            if self._level(f, where):
                return
        for label, pattern in _LABELS.items():
            lm = pattern.match(f)
            if not lm:
                continue
            rest_folded = lm.group(1)
            if label == "level":
                if not rest_folded:
                    self.awaiting_level = True
                    self.field = None
                    return
                if self._level(rest_folded, where):
                    self.field = None
                    return
                continue  # "Đánh giá …" that is no level line: ordinary text
            self.field = label
            rest = _rest(text, rest_folded)
            self.texts.setdefault(label, [])
            if rest:
                self.texts[label].append(rest)
            return
        if self.field:
            self.texts.setdefault(self.field, []).append(clean(text) or "")

    def _heading(self, f: str, text: str, where: str) -> None:
        self._close()
        m = _HEADING.match(f)
        code = f"{int(m.group(1))}.{int(m.group(2))}"
        crit = self._crit(code)
        if crit.section_where is not None and (crit.section_level is not None or crit.weakness):
            self._issue("error", "import.report.err.section_twice", where, code=code, other=crit.section_where)
            self.section = None
            return
        self.section = crit
        self.section_start = where
        self.texts = {}
        self.field = None
        self.awaiting_level = False
        name = _rest(text, m.group(3) or "")
        self.awaiting_name = not name
        self.in_conclusion = False
        if name:
            crit.name = name

    def _level(self, folded: str, where: str) -> bool:
        rest = folded.strip(" :.-")
        m = _LEVEL_TEXT.match(rest)
        if not m or (rest.startswith("muc") and len(rest) > 8):  # "Đánh giá Mức 2: nhà trường…" is text
            return False
        self.section.section_level = 0 if m.group(1) else _level_number(m.group(2) or m.group(3))
        self.section.section_where = where
        return True

    def _close(self) -> None:
        s = self.section
        if s is None:
            return
        weakness = _joined(self.texts.get("weakness"))
        improvement = _joined(self.texts.get("improvement"))
        if s.section_level is not None or weakness or improvement or self.texts:
            if s.section_where is None:
                s.section_where = self.section_start
            s.weakness = weakness
            s.improvement = improvement
            self.section_count += 1
        self.section = None
        self.texts = {}
        self.field = None
        self.awaiting_level = self.awaiting_name = False


def _level_value(text: str) -> int | None:
    """"Mức 2" / "Đạt Mức 2" / "2" / "Không đạt" / "Chưa đạt Mức 1" in a level column -> 2, 2, 2, 0, 0."""
    f = fold(text).strip(" .")
    if f.startswith(("khong", "chua")):
        return 0
    m = re.fullmatch(r"(?:dat\s*)?(?:muc\s*)?([0-3]|i{1,3})", f)
    return _level_number(m.group(1)) if m else None


def _rest(text: str, rest_folded: str) -> str | None:
    """The original (accented) text after a landmark whose folded remainder is `rest_folded`.

    `fold` keeps one character per character of the one-line NFC text except where spaces were
    collapsed, so the remainder is found by counting words from the end."""
    if not rest_folded:
        return None
    words = (one_line(text) or "").split(" ")
    n = len(rest_folded.split(" "))
    return " ".join(words[-n:]).strip() or None


def _joined(parts: list[str] | None) -> str | None:
    kept = [p for p in (parts or []) if p and fold(p).strip(" .;:") not in ("", "-", "khong co", "khong")]
    return "\n".join(kept) if kept else None


def _document(data: bytes):
    try:
        return Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - python-docx raises many kinds on a damaged package
        logging.getLogger(__name__).warning("a report .docx rejected as damaged", exc_info=True)
        raise FileRejected("import.err.broken_docx") from None


def _walk(name: str, document) -> tuple[_Reader, list[str]]:
    reader = _Reader(name)
    paragraphs: list[str] = []
    for kind, element in body_blocks(document.element.body):
        if kind == "p":
            text = clean(Paragraph(element, None).text)
            if text:
                paragraphs.append(text)
                reader.paragraph(text)
        else:
            reader.table(element)
    reader._close()
    return reader, paragraphs


def looks_like_report(data: bytes) -> bool:
    """Whether a .docx is an assessment report rather than an improvement plan (module docstring)."""
    try:
        reader, _ = _walk("", _document(data))
    except FileRejected:
        return False
    return _is_report(reader)


def _is_report(reader: _Reader) -> bool:
    sections = sum(1 for c in reader.criteria.values() if c.section_level is not None or c.weakness)
    return reader.has_table or sections >= MIN_SECTIONS


def read_report(name: str, data: bytes) -> ParsedReport | None:
    """The report in a .docx, or None when the document is no report (see looks_like_report)."""
    reader, paragraphs = _walk(name, _document(data))
    if not _is_report(reader):
        return None
    head = paragraphs[:40]
    kind = "self"
    for p in head:
        f = fold(p)
        if re.match(r"^bao cao (?:ket qua )?danh gia ngoai", f):
            kind = "external"
            break
        if re.match(r"^bao cao (?:ket qua )?tu danh gia", f):
            break
    has_sections = any(c.section_where for c in reader.criteria.values())
    header_text = "\n".join(head)
    return ParsedReport(kind=kind, criteria=reader.criteria, has_table=reader.has_table, has_sections=has_sections,
                        level4=reader.level4, conclusion=reader.conclusion, conclusion_text=reader.conclusion_text,
                        school_names=find_school_names(header_text), years=find_years(header_text),
                        issues=reader.issues)
