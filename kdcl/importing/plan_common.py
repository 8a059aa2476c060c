"""Reading improvement plans, whatever the container (.docx or .txt).

Three layouts (see /work/shared/domain/README.md and tests/seeds):

1. Official table (9 columns, or 8 without TT): TT | Tiêu chuẩn, tiêu chí | Kết quả cần đạt |
   Công việc/giải pháp | Chủ trì và phối hợp | Thời gian | Dự kiến kinh phí | Điều kiện hỗ trợ
   khác | Ghi chú. Columns are found by their header text, not their position; a header row
   may repeat (every page) and is skipped. Group rows: "Tiêu chuẩn n: …" (skipped) and
   "Mức 2"/"MỨC 3" (the target level of the rows below, until the next such row). A row with
   a criterion ("Tiêu chí 1.4: …", "1.10 …") starts an item; a row whose criterion cell is
   empty or vertically merged with the one above continues the item above (page breaks split
   rows: its cells are appended to the same fields). A vertically merged cell shared by
   several items is copied to each of them.
   "Kết quả cần đạt (so với hiện trạng)" often states the weakness: text that describes a
   shortfall ("chưa", "thiếu", "hạn chế", "không có", "xuống cấp", "hư hỏng", "còn N…") is
   stored as the weakness, anything else as the target result.
2. Five-column table: Tiêu chuẩn | Tiêu chí | Mặt yếu | Biện pháp | Phân công nhiệm vụ/Thời
   gian; codes may be bare numbers ("1" | "5" = criterion 1.5); an empty Tiêu chuẩn, Biện pháp
   or Phân công cell means "same as above". In the combined Phân công/Thời gian cell, lines
   that are time expressions become the time text, the rest the lead.
3. Narrative block per criterion: "1.4. Tiêu chí 1.4: <name>" then labelled lines ("Mục tiêu
   cần đạt: … (Mức 3)", "Hạn chế cần khắc phục:", "Giải pháp thực hiện:", "Người thực
   hiện:", "Nguồn lực khác (tài chính, người phối hợp):" (stored as support), "Thời gian
   bắt đầu: 9/2024  Thời gian hoàn thành: 5/2029"). A label's text runs until the next label.

Lead and support ("Chủ trì và phối hợp"): "Chủ trì: A; Phối hợp: B" is split on the labels;
a one-paragraph "A phối hợp với B" on the words; several paragraphs that are not a bulleted
list: the first is the lead, the others the support; anything else is all lead.

School and year: the school is the "Trường <loại> <Tên>" the document names most often; the
year is "Từ năm học A đến (hết) năm học B" (a plan over several years) or else the first
"năm học A-B" before the plan's content.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kdcl.importing.model import Issue, ParsedPlan, RawItem
from kdcl.importing.normalise import clean, fold, header_key, join_text, one_line
from kdcl.timetext import normalise_school_year, parse_time_text

# ---------------------------------------------------------------------------- table layout

FIELD_LABELS = {
    "tt": "TT",
    "standard": "Tiêu chuẩn",
    "criterion": "Tiêu chí",
    "weakness": "Mặt yếu",
    "target": "Kết quả cần đạt",
    "measures": "Giải pháp",
    "lead": "Chủ trì và phối hợp",
    "lead_time": "Phân công nhiệm vụ/Thời gian",
    "support": "Phối hợp",
    "time": "Thời gian",
    "budget": "Dự kiến kinh phí",
    "other": "Điều kiện hỗ trợ khác",
    "note": "Ghi chú",
    "level": "Mức",
    "time_start": "Bắt đầu",
    "time_end": "Hoàn thành",
}


def column_field(header: str | None) -> str | None:
    """Which item field a plan-table header names (None: not a plan column)."""
    k = header_key(header)
    if not k:
        return None
    if k in ("tt", "stt", "so tt", "so thu tu"):
        return "tt"
    if "tieu chuan" in k and "tieu chi" in k:
        return "criterion"
    if k.startswith("tieu chuan"):
        return "standard"
    if k.startswith("tieu chi") or k in ("ma tieu chi", "noi dung tieu chi"):
        return "criterion"
    if "kinh phi" in k:
        return "budget"
    if "dieu kien ho tro" in k or "ho tro khac" in k or "nguon luc" in k:
        return "other"
    if "ghi chu" in k:
        return "note"
    if any(w in k for w in ("mat yeu", "diem yeu", "han che", "ton tai", "hien trang", "thuc trang")) and \
            "ket qua can dat" not in k:  # "Kết quả cần đạt (so với hiện trạng)" is the target column
        return "weakness"
    if "ket qua can dat" in k or k.startswith(("muc tieu", "ket qua du kien", "chi tieu", "san pham")) or \
            k == "ket qua":
        return "target"
    if any(w in k for w in ("cong viec", "giai phap", "bien phap", "hoat dong")):
        return "measures"
    leadish = any(w in k for w in ("chu tri", "phan cong", "nguoi thuc hien", "phu trach", "don vi thuc hien",
                                   "bo phan thuc hien", "nguoi chiu trach nhiem", "luc luong thuc hien"))
    if leadish and "thoi gian" in k:
        return "lead_time"
    if leadish:
        return "lead"
    if k.startswith("phoi hop"):
        return "support"
    if "thoi gian" in k or k.startswith("thoi han"):
        return "time"
    if k in ("muc", "muc dat", "muc can dat", "muc muc tieu", "muc phan dau"):
        return "level"
    return None


def header_mapping(texts: list[str | None]) -> dict[int, str] | None:
    """Column index -> field when `texts` is a plan-table header row, else None."""
    mapping: dict[int, str] = {}
    seen: set[str] = set()
    filled = 0
    for i, text in enumerate(texts):
        label = one_line(text)
        if not label:
            continue
        filled += 1
        # a header names a column: short, no criterion code, no sentence
        if len(label) > 70 or CODE_RE.search(label):
            return None
        f = column_field(label)
        if f and f not in seen:
            mapping[i] = f
            seen.add(f)
    if "criterion" not in seen or not seen & {"measures", "weakness", "target"} or len(seen) < 3:
        return None
    if len(seen) < 0.6 * filled:
        return None
    return mapping


@dataclass
class Cell:
    text: str | None
    merged: bool = False  # vertically merged with the cell above (no content of its own)
    span: int = 1  # grid columns a horizontally merged cell covers (its text is in the first one)


CODE_RE = re.compile(r"(?<![\d.,/])(\d{1,2})\s*\.\s*(\d{1,2})(?![\d/])")
_CRIT_PREFIX = re.compile(r"^\s*(?:tieu\s*chi|tc)\s*(?:so\s*)?[:.]?\s*", re.I)
_LEVEL_ONLY = re.compile(r"^muc\s*(\d+|i{1,3})\s*[.:]?$")
_LEVEL_IN = re.compile(r"\bmuc\s*(\d+|iii|ii|i)\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3}
_SHORTFALL = re.compile(
    r"\b(?:chua|thieu(?! nien| nhi)|han che|khong co|khong dat|khong du|xuong cap|hu hong|yeu kem"
    r"|con (?:nhieu|it|thieu|\d+))\b")


_TIME_PART = re.compile(r"bat dau|hoan thanh|ket thuc|^tu\b|^den\b|\bhan\b")
_NUMBER_CELL = re.compile(r"^\(?\s*(?:\d{1,2}|[A-Za-z])\s*\)?\.?$")
_NO_LEVEL = re.compile(r"^muc muc tieu chua (?:ghi|xac dinh)")


def is_number_row(texts: list[str]) -> bool:
    """A column-number row under a table header ("1 2 3 … 9", "(1) (2) … (9)", "A B 1 2 …"): every cell a
    column number or letter, at least three numbers, increasing."""
    if len(texts) < 3 or not all(_NUMBER_CELL.match(x.strip()) for x in texts):
        return False
    numbers = [int(d) for d in (re.sub(r"\D", "", x) for x in texts) if d]
    return len(numbers) >= 3 and all(b > a for a, b in zip(numbers, numbers[1:]))


def level_number(text: str | None) -> int | None:
    """"Mức 2" / "MỨC 3" / "2" / "Mức III" -> the number (not range-checked), else None."""
    f = fold(text)
    if not f:
        return None
    m = _LEVEL_IN.search(f) or re.fullmatch(r"(\d+)(?:[.,]0+)?", f)
    if not m:
        return None
    value = m.group(1)
    return _ROMAN[value] if value in _ROMAN else int(value)


def split_criterion(text: str | None) -> tuple[str | None, str | None]:
    """"Tiêu chí 1.4: Hiệu trưởng, …" -> ("1.4", "Hiệu trưởng, …"); a bare name -> (None, name)."""
    s = one_line(text)
    if not s:
        return None, None
    folded = fold(s)
    body = s
    m = _CRIT_PREFIX.match(folded)
    if m:
        body = s[m.end():] if len(folded) == len(s) else s[len(m.group(0)):]
    code_match = CODE_RE.match(body.strip()) or (CODE_RE.search(body) if m else None)
    if code_match:
        code = f"{int(code_match.group(1))}.{int(code_match.group(2))}"
        name = body[code_match.end():].strip().lstrip(":.-–— ").strip()
        return code, name or None
    return None, body.strip().lstrip(":.-–— ").strip() or None


def is_standard_heading(text: str | None) -> bool:
    f = fold(text)
    return f.startswith("tieu chuan") and not re.search(r"\btieu chi\b", f)


def classify_result(text: str | None) -> str:
    """'weakness' when a "Kết quả cần đạt" cell describes a shortfall, else 'target'."""
    return "weakness" if text and _SHORTFALL.search(fold(text)) else "target"


_LABEL_LEAD = re.compile(r"^\s*(?:chu tri|nguoi chu tri|don vi chu tri)\s*:", re.I)
_BULLET = re.compile(r"^\s*[-+•*–]")


def _cut_at_labels(s: str, first: re.Match | None, second: re.Match | None) -> tuple[str | None, str | None, str]:
    """`s` cut at two labels found in its fold (same positions): the text after `first` up to `second`
    (None without `first`), the text after `second` (None without it), and the text before `second`."""
    after_second, head = (s[second.end():], s[:second.start()]) if second else (None, s)
    return (head[first.end():] if first else None), after_second, head


def split_lead_support(text: str | None) -> tuple[str | None, str | None]:
    """The lead and the support of a "Chủ trì và phối hợp" cell (rules in the module docstring)."""
    s = clean(text)
    if not s:
        return None, None
    f = fold(s)
    m_lead = re.search(r"(?:^|\s|;)\s*chu tri\s*:", f)  # fold() turns line breaks into spaces
    m_sup = re.search(r"(?:^|\s|;|\.)\s*phoi hop\s*:", f)
    if m_lead or m_sup:
        # folding keeps positions for Vietnamese text (one char -> one char), so cut the original
        if len(f) == len(s):
            lead, support, head = _cut_at_labels(s, m_lead, m_sup)
            if m_lead is None and head.strip():
                lead = head
            return clean((lead or "").strip(" ;.\n")), clean((support or "").strip(" ;.\n"))
    lines = s.split("\n")
    if len(lines) == 1:
        m = re.search(r"\s(?:phoi hop|ket hop) voi\s", f)
        if m and len(f) == len(s) and m.start() > 0:
            return clean(s[:m.start()]), clean(s[m.end():])
        return s, None
    if not any(_BULLET.match(line) for line in lines):
        return lines[0], "\n".join(lines[1:])
    return s, None


def _is_time_line(line: str) -> bool:
    return bool(re.search(r"\d", line)) and parse_time_text(line).parsed or bool(
        re.search(r"thuong xuyen|hang nam|lien tuc", fold(line)))


def split_lead_time(text: str | None) -> tuple[str | None, str | None, str | None]:
    """(lead, support, time text) of a combined "Phân công nhiệm vụ/Thời gian" cell."""
    s = clean(text)
    if not s:
        return None, None, None
    times = [line for line in s.split("\n") if _is_time_line(line)]
    rest = "\n".join(line for line in s.split("\n") if line not in times)
    lead, support = split_lead_support(rest)
    return lead, support, "\n".join(times) or None


def glue(previous: str | None, more: str | None) -> str | None:
    """Append a continuation (a row split by a page break): a space when the sentence goes on."""
    if not more:
        return previous
    if not previous:
        return more
    if previous[-1] not in ".;:!?)" and more[:1].islower():
        return previous + " " + more
    return previous + "\n" + more


CONTENT_FIELDS = ("weakness", "target", "measures", "lead", "lead_time", "support", "time", "time_start",
                  "time_end", "budget", "other", "note", "level")


class TableReader:
    """Turns plan-table rows (from any number of tables, in order) into items."""

    def __init__(self, file: str):
        self.file = file
        self.mapping: dict[int, str] | None = None
        self.headers: dict[str, str] = {}
        self.items: list[RawItem] = []
        self.issues: list[tuple[str, Issue]] = []
        self.level: int | None = None
        self.level_text: str | None = None
        self.current: RawItem | None = None
        self.filled: dict[str, str | None] = {}  # five-column "same as above"
        self.row_no = 0
        self.tables_seen = 0
        self.layout = "table9"
        self.unmapped: dict[int, str] = {}  # column -> header text of the columns that are not plan fields
        self.spans: dict[int, int] = {}  # header cells merged across columns (a second header row may follow)
        self.warned: set[tuple] = set()

    # a table without its own header that follows a plan table continues it (page break)
    def start_table(self, first_texts: list[str | None], width: int) -> bool:
        mapping = header_mapping(first_texts)
        if mapping is not None:
            self.tables_seen += 1
            return True
        if self.mapping is not None and width == self._width:
            self.tables_seen += 1
            return True
        return False

    @property
    def _width(self) -> int:
        return max(self.mapping) + 1 if self.mapping else 0

    def feed(self, cells: list[Cell], where: str) -> None:
        self.row_no += 1
        texts = [c.text for c in cells]
        spans, self.spans = self.spans, {}
        if spans and self._sub_header(cells, spans):  # (its merged cells repeat the header above: check first)
            return
        mapping = header_mapping(texts)
        if mapping is not None:
            if self.mapping is None:
                self.layout = "table5" if "standard" in mapping.values() else "table9"
            self.mapping = mapping
            self.headers = {f: one_line(texts[i]) or FIELD_LABELS[f] for i, f in mapping.items()}
            self.unmapped = {i: one_line(x) for i, x in enumerate(texts) if one_line(x) and i not in mapping}
            self.spans = {i: c.span for i, c in enumerate(cells) if c.span > 1 and c.text}
            return
        if self.mapping is None:
            return
        row: dict[str, Cell] = {}
        for i, f in self.mapping.items():
            row[f] = cells[i] if i < len(cells) else Cell(None)
        own = [c.text for c in cells if c.text and not c.merged]
        if not own:
            return
        if is_number_row(own):
            return
        distinct = list(dict.fromkeys(own))
        if len(distinct) == 1 and _NO_LEVEL.match(fold(distinct[0])):  # "Mức mục tiêu chưa ghi" (our own export)
            self.level, self.level_text = None, None
            return
        # group row "Mức 2" / "2 | Mức 2" / "MỨC 3" spanning the row
        level_cells = [x for x in distinct if _LEVEL_ONLY.match(fold(x))]
        if level_cells and all(x in level_cells or re.fullmatch(r"\d+\.?", x.strip()) for x in distinct):
            value = level_number(level_cells[0])
            if value is None or not 1 <= value <= 3:
                self.issues.append(("error", Issue(self.file, self._t("import.err.level_range",
                                                                      value=level_cells[0]),
                                                   self.row_no, self.headers.get("criterion"), where)))
                value = None
            self.level, self.level_text = value, level_cells[0]
            return
        crit_cell = row.get("criterion", Cell(None))
        std_cell = row.get("standard", Cell(None))
        crit_text = crit_cell.text if not crit_cell.merged else None
        std_text = std_cell.text if not std_cell.merged else None
        # group row "Tiêu chuẩn n: …" (the rest of the row empty or the same merged text)
        if (crit_text and is_standard_heading(crit_text) and self._only(row, crit_text)) or (
                std_text and is_standard_heading(std_text) and not crit_text and self._only(row, std_text)) or (
                len(distinct) == 1 and is_standard_heading(distinct[0])  # merged across, from the TT column on
                and any(c.span > 1 and c.text == distinct[0] for c in cells)):
            self.filled["standard"] = None
            self.current = None
            return
        if self.layout == "table5":
            for f in ("standard", "measures", "lead", "lead_time"):
                cell = row.get(f)
                if cell is None:
                    continue
                if cell.text and not cell.merged:
                    self.filled[f] = cell.text
        code = name = None
        if self.layout == "table5":
            std = std_text if std_text else self.filled.get("standard")
            if crit_text:
                bare = re.fullmatch(r"(?:tieu chi\s*)?(\d{1,2})\s*\.?", fold(crit_text))
                std_no = re.search(r"\d{1,2}", fold(std)) if std else None
                if bare and std_no:
                    code = f"{int(std_no.group(0))}.{int(bare.group(1))}"
                else:
                    code, name = split_criterion(crit_text)
        elif crit_text:
            code, name = split_criterion(crit_text)
        starts_item = bool(crit_text) and not crit_cell.merged and (code is not None or not self.current
                                                                    or self._looks_like_criterion(crit_text))
        if starts_item or self.current is not None:
            self._warn_lost(cells, where)
        if starts_item:
            self._start(row, code, name, crit_text, where)
        elif self.current is not None:
            self._continue(row, crit_text)
        else:
            self.issues.append(("warning", Issue(self.file, self._t("import.warn.row_without_criterion"),
                                                 self.row_no, None, where)))

    def _sub_header(self, cells: list[Cell], spans: dict[int, int]) -> bool:
        """A second header row under header cells merged across columns ("Thời gian thực hiện" over "Bắt đầu" |
        "Hoàn thành", "Chủ trì và phối hợp" over "Chủ trì" | "Phối hợp"): the sub-columns become fields."""
        under = {j: i for i, n in spans.items() for j in range(i, i + n)}
        own = {j: one_line(c.text) for j, c in enumerate(cells) if c.text and not c.merged}
        if not own or any(j not in under or len(text) > 40 or CODE_RE.search(text)
                          or not (column_field(text) or _TIME_PART.search(fold(text))) for j, text in own.items()):
            return False  # not a header: a value (or a row continued from the page before)
        parents = {j: self.mapping.get(under[j]) for j in own}  # before the loop changes the mapping
        for j, text in own.items():
            parent = parents[j]
            f = column_field(text)
            k = fold(text)
            if parent == "time" or (f == "time" and parent is None):
                if re.search(r"bat dau|^tu\b", k):
                    f = "time_start"
                elif _TIME_PART.search(k):
                    f = "time_end"
            if f is None or f in self.mapping.values() and self.mapping.get(j) != f:
                if j == under[j]:
                    continue  # the first sub-column keeps the parent's field
                self.unmapped[j] = text
                continue
            self.mapping[j] = f  # (the parent's header, e.g. "Thời gian thực hiện", still names the field in messages)
            self.headers[f] = text
            self.unmapped.pop(j, None)
        return True

    def _warn_lost(self, cells: list[Cell], where: str) -> None:
        """Name, once per column, text that no field will take: in a column that is not a plan column, or in a
        cell merged across several plan columns (its text goes to the first of them only)."""
        for i, cell in enumerate(cells):
            if not cell.text or cell.merged:
                continue
            if i in self.unmapped and ("col", i) not in self.warned:
                self.warned.add(("col", i))
                self.issues.append(("warning", Issue(self.file, self._t("import.warn.unmapped_column"),
                                                     self.row_no, self.unmapped[i], where)))
            covered = [self.mapping[j] for j in range(i, i + cell.span) if j in self.mapping]
            if len(covered) > 1 and ("span", i, cell.span) not in self.warned:
                self.warned.add(("span", i, cell.span))
                names = ", ".join(f"«{self.headers.get(f, FIELD_LABELS[f])}»" for f in covered[1:])
                self.issues.append(("warning", Issue(self.file, self._t("import.warn.merged_across", columns=names),
                                                     self.row_no, self.headers.get(covered[0]), where)))

    def _t(self, key: str, **values: object) -> str:
        from kdcl.strings import t

        return t(key, **values)

    @staticmethod
    def _only(row: dict[str, Cell], text: str) -> bool:
        return all(not c.text or c.merged or c.text == text for f, c in row.items() if f not in ("tt",))

    @staticmethod
    def _looks_like_criterion(text: str) -> bool:
        return fold(text).startswith(("tieu chi", "tc "))

    def _cell(self, row: dict[str, Cell], f: str, inherit: bool) -> str | None:
        cell = row.get(f)
        if cell is None:
            return None
        if cell.merged:
            return cell.text if inherit else None
        if not cell.text and self.layout == "table5" and f in ("measures", "lead", "lead_time"):
            return self.filled.get(f)
        return cell.text

    def _start(self, row: dict[str, Cell], code: str | None, name: str | None, crit_text: str, where: str) -> None:
        values = {f: self._cell(row, f, inherit=True) for f in CONTENT_FIELDS}
        item = RawItem(row=self.row_no, where=where, criterion_text=one_line(crit_text), code=code, name=name,
                       target_level=self.level, level_text=self.level_text)
        level, item.name = inline_level(name)
        if level is not None:  # "Tiêu chí 1.4 (Mức 3): …": the criterion's own level
            item.target_level, item.level_text = level, f"Mức {level}"
        item.columns = dict(self.headers)  # only the columns this table has
        for f in ("lead_time",):  # a combined column carries the lead and the time
            if f in self.headers:
                item.columns.setdefault("lead", self.headers[f])
                item.columns.setdefault("time", self.headers[f])
        self.items.append(item)
        self.current = item
        self._apply(values, append=False)

    def _continue(self, row: dict[str, Cell], crit_text: str | None) -> None:
        item = self.current
        if crit_text and not self._looks_like_criterion(crit_text):
            item.name = glue(item.name, one_line(crit_text))
            item.criterion_text = glue(item.criterion_text, one_line(crit_text))
        values = {}
        for f in CONTENT_FIELDS:
            cell = row.get(f)
            if cell is not None and cell.text and not cell.merged:
                values[f] = cell.text
        self._apply(values, append=True)

    def _apply(self, values: dict[str, str | None], append: bool) -> None:
        item = self.current

        def put(attr: str, text: str | None) -> None:
            text = clean(text)
            if not text:
                return
            setattr(item, attr, glue(getattr(item, attr), text) if append else join_text(getattr(item, attr), text))

        if values.get("level"):
            item.level_text = one_line(values["level"])
            item.target_level = level_number(values["level"]) if level_number(values["level"]) is not None else -1
        put("weakness", values.get("weakness"))
        target = values.get("target")
        if target:
            if append and (item.target_result or item.weakness):
                put("target_result" if item.target_result else "weakness", target)
            else:  # "Hiện trạng: …\nCần đạt: …" (our own export) split, else a shortfall is the weakness
                weak, goal = split_result(target, "weakness" in self.mapping.values())
                put("weakness", weak)
                put("target_result", goal)
        put("measures", values.get("measures"))
        if values.get("lead_time"):
            lead, support, time_text = split_lead_time(values["lead_time"])
            put("lead", lead)
            put("support", support)
            put("time_text", time_text)
        if values.get("lead"):
            if append:
                put("lead", values["lead"])
            else:
                lead, support = split_lead_support(values["lead"])
                put("lead", lead)
                put("support", support)
        put("support", values.get("support"))
        put("time_text", values.get("time"))
        start, end = one_line(values.get("time_start")), one_line(values.get("time_end"))
        if start and end:
            put("time_text", self._t("import.time.start_end", start=start, end=end))
        elif start or end:
            put("time_text", self._t("import.time.start" if start else "import.time.end", value=start or end))
        put("budget_text", values.get("budget"))
        put("other_support", values.get("other"))
        put("note", values.get("note"))


# ---------------------------------------------------------------------------- narrative layout

_ITEM_HEAD = re.compile(
    r"^\s*(?:(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?\s*)?tieu\s*chi\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*[:.\-]?\s*")
_STOP = re.compile(r"^\s*(?:[ivx]+\s*\.\s|\d{1,2}\s*\.\s*tieu chuan|tieu chuan\s*\d)")
# typed list marks before a criterion line or a label: "1.", "2)", "a)", "-", "+", "•", "*", "–"
_MARK = re.compile(r"^\s*(?:[-+•*–—·▪◦○●►✓]+|\d{1,2}\s*[.)](?!\d)|[a-zđ]\s*\))\s*", re.I)
# a closing section ("4. Tổ chức thực hiện", "V. KIẾN NGHỊ"), the receivers and the signature end the last item
_CLOSING = re.compile(  # a heading: no colon ("Tổ chức thực hiện:" alone on its line is a label), but "Nơi nhận:"
    r"^(?:noi nhan\W*|(?:to chuc thuc hien|trien khai thuc hien|ke hoach thuc hien|ket luan|kien nghi|de xuat"
    r"|hieu luc thi hanh)\b[^:]{0,40})$")
_SIGNER = re.compile(r"^(?:kt\.?\s*|tm\.?\s*)?(?:pho )?(?:hieu truong|chu tich hoi dong|nguoi lap ke hoach)\b")
_SIGN_DATE = re.compile(  # "Quang Hưng, ngày 14 tháng 10 năm 2025", drafts with the day left blank included
    r"^[^:,]{2,40},\s*ngay[\s.…_]*(?:\d{1,2})?[\s.…_]*thang[\s.…_]*(?:\d{1,2})?[\s.…_]*nam\s*\d{4}\s*\.?$")
LABELS: list[tuple[str, str]] = [  # folded label prefix -> field, longest first
    ("nguon luc khac", "support"),
    ("nguon luc", "support"),
    ("nguoi phoi hop", "support"),
    ("don vi phoi hop", "support"),
    ("phoi hop", "support"),
    ("muc can dat", "level"),
    ("muc muc tieu", "level"),
    ("muc phan dau", "level"),
    ("muc tieu can dat", "target"),
    ("muc tieu", "target"),
    ("ket qua can dat", "result"),
    ("can dat", "target"),
    ("hien trang", "weakness"),
    ("han che can khac phuc", "weakness"),
    ("han che", "weakness"),
    ("diem yeu", "weakness"),
    ("mat yeu", "weakness"),
    ("giai phap thuc hien", "measures"),
    ("giai phap", "measures"),
    ("bien phap", "measures"),
    ("cong viec", "measures"),
    ("nguoi thuc hien", "lead"),
    ("nguoi chu tri", "lead"),
    ("chu tri va phoi hop", "lead_support"),
    ("chu tri", "lead"),
    ("nguoi phu trach", "lead"),
    ("phan cong", "lead"),
    ("thoi gian bat dau", "time"),
    ("thoi gian thuc hien", "time"),
    ("thoi gian hoan thanh", "time"),
    ("thoi gian", "time"),
    ("du kien kinh phi", "budget"),
    ("kinh phi", "budget"),
    ("dieu kien ho tro khac", "other"),
    ("dieu kien ho tro", "other"),
    ("ghi chu", "note"),
]
NARRATIVE_LABELS = {
    "target": "Mục tiêu cần đạt", "weakness": "Hạn chế cần khắc phục", "measures": "Giải pháp thực hiện",
    "lead": "Người thực hiện", "support": "Nguồn lực khác (tài chính, người phối hợp)", "time": "Thời gian",
    "budget": "Kinh phí", "note": "Ghi chú", "criterion": "Tiêu chí", "other": "Điều kiện hỗ trợ khác",
}
_ATTR = {"weakness": "weakness", "measures": "measures", "lead": "lead", "support": "support",
         "budget": "budget_text", "note": "note", "other": "other_support"}
_FIELD_NAMES = {"name": "Tiêu chí", "result": "Kết quả cần đạt", "lead_support": "Chủ trì và phối hợp", "level": "Mức",
                **NARRATIVE_LABELS}
# a line "Something short: …" that looks like a label of a form (to warn about labels we do not know)
_LABEL_LIKE = re.compile(r"^([^\W\d_]+(?: [^\W\d_]+){0,5})\s*:")  # words only: "Tháng 9: …" is content


def strip_mark(line: str) -> str:
    """The line without a typed list mark in front ("1. ", "- ", "+ ", "• ")."""
    m = _MARK.match(line)
    return line[m.end():] if m and m.end() < len(line) else line


def _label(line: str) -> tuple[str, str, str] | None:
    """(field, text after the label, label) when `line` starts with a label and a colon."""
    f = fold(line)
    for prefix, field in LABELS:
        if f.startswith(prefix):
            rest = f[len(prefix):]
            m = re.match(r"^[^:]{0,60}:", rest)
            if m is None:
                continue
            cut = len(prefix) + m.end()
            body = line.lstrip()
            same = len(fold(body)) == len(body)
            text = body[cut:] if same else line.split(":", 1)[1]
            label = body[:cut - 1] if same else line.split(":", 1)[0]
            return field, text.strip(), label.strip()
    return None


_INLINE_LEVEL = re.compile(r"[(\[–-]\s*muc\s*(\d)\s*[)\]]?")


def inline_level(name: str | None) -> tuple[int | None, str | None]:
    """(level, name without it) for a criterion name carrying its level: "(Mức 3): Hiệu trưởng…", "… – Mức 2"."""
    m = _INLINE_LEVEL.search(fold(name)) if name else None
    if not m or len(fold(name)) != len(name):
        return None, name
    return int(m.group(1)), (name[:m.start()] + name[m.end():]).strip(" :.-–") or None


def label_of(line: str) -> str | None:
    """The field a "Label: …" line names (narrative labels and the official column names), else None."""
    found = _label(line)
    return found[0] if found else None


def split_result(text: str | None, weakness_given: bool) -> tuple[str | None, str | None]:
    """(weakness, target) of a "Kết quả cần đạt (so với hiện trạng)" text: "Hiện trạng: A / Cần đạt: B" (our
    own export) is split on the labels; otherwise a shortfall is the weakness unless the plan has its own."""
    s = clean(text)
    if not s:
        return None, None
    f = fold(s)
    m_now = re.match(r"\s*hien trang\s*:", f)
    m_goal = re.search(r"(?:^|\s)can dat\s*:", f) if m_now else re.match(r"\s*can dat\s*:", f)
    if (m_now or m_goal) and len(f) == len(s):
        weak, target, head = _cut_at_labels(s, m_now, m_goal)
        if m_now is None and head.strip():
            target = join_text(clean(head), clean(target))
        return clean(weak), clean(target)
    if not weakness_given and classify_result(s) == "weakness":
        return s, None
    return None, s


def read_narrative(file: str, lines: list[tuple], joiner: str,
                   where_key: str) -> tuple[list[RawItem], list[tuple[str, Issue]]]:
    """Items of the narrative (list) layout from numbered lines (text lines or paragraphs), and warnings.
    A line is (number, text) or (number, text, where) when its place is not "đoạn/dòng <number>".

    An item starts at a criterion line ("1.4. Tiêu chí 1.4: …", "1. Tiêu chí 1.4 …", "• Tiêu chí 1.4 …");
    labelled lines fill its fields, a label's text running until the next label (a label alone on its line
    takes the lines below). Typed marks ("1.", "-", "+", "•") before a criterion line or a label are ignored.
    "Mức 2" / "MỨC 3" alone on a line is the target level of the items below it (until the next such line);
    "(Mức 3)" at the end of a target overrides it. A standard heading, a Roman-numbered section, a closing
    section ("4. Tổ chức thực hiện", "TỔ CHỨC THỰC HIỆN", "Kiến nghị"), the receivers ("Nơi nhận") and the
    signature ("Quang Hưng, ngày 14 tháng 10 năm 2025", "HIỆU TRƯỞNG" in capitals) end the item: nothing after
    them is read into it."""
    from kdcl.strings import t

    items: list[RawItem] = []
    issues: list[tuple[str, Issue]] = []
    item: RawItem | None = None
    field: str | None = None
    parts: dict[str, list[str]] = {}
    labels_seen: dict[str, tuple[int, str]] = {}
    level: int | None = None
    level_text: str | None = None

    places = {entry[0]: entry[2] for entry in lines if len(entry) > 2}  # (no, text, where): a table row's place

    def where(no: int) -> str:
        return places.get(no) or t(where_key, row=no)

    def close() -> None:
        if item is None:
            return
        texts = {f: (clean(joiner.join(chunks)) if joiner == "\n" else one_line(" ".join(chunks)))
                 for f, chunks in parts.items()}
        for f, (no, label) in labels_seen.items():
            if not texts.get(f):
                issues.append(("warning", Issue(file, t("import.warn.empty_label", label=label, code=item.code),
                                                no, None, where(no))))
        if texts.get("result"):
            weak, target = split_result(texts.pop("result"), bool(texts.get("weakness")))
            texts["weakness"] = join_text(texts.get("weakness"), weak)
            texts["target"] = join_text(texts.get("target"), target)
        if texts.get("lead_support"):
            lead, support = split_lead_support(texts.pop("lead_support"))
            texts["lead"] = join_text(texts.get("lead"), lead)
            texts["support"] = join_text(texts.get("support"), support)
        for f, text in texts.items():
            if f == "name":
                item.name = one_line(text)
            elif f == "target":
                found = None
                if text:
                    flat = one_line(text)
                    m = re.search(r"\(?\s*muc\s*(\d+)\s*\)?\s*[.;]?\s*$", fold(flat))
                    if m:
                        found = int(m.group(1))
                        if len(fold(flat)) == len(flat):
                            text = clean(flat[:m.start()].rstrip(" .;:("))
                if found is not None:
                    item.target_level = found
                    item.level_text = f"Mức {found}"
                item.target_result = text
            elif f == "time":
                item.time_text = one_line(text)
            elif f == "level" and text:  # "Mức cần đạt: Mức 3" / "Mức mục tiêu: 3"
                item.level_text = one_line(text)
                found = level_number(text)
                item.target_level = found if found is not None else -1
            elif f in _ATTR:
                setattr(item, _ATTR[f], text)

    for entry in lines:
        no, raw = entry[0], entry[1]
        line = clean(raw)
        if not line:
            continue
        line = " ".join(line.split("\n"))
        bare = strip_mark(line)
        folded = fold(bare)
        head = _ITEM_HEAD.match(folded)
        if head:
            close()
            code = f"{int(head.group(3))}.{int(head.group(4))}"
            name_start = head.end() if len(folded) == len(bare) else None
            name = bare[name_start:].strip() if name_start is not None else split_criterion(bare)[1]
            item = RawItem(row=no, where=where(no), criterion_text=one_line(bare), code=code,
                           target_level=level, level_text=level_text)
            found, name = inline_level(name)
            if found is not None:  # "Tiêu chí 1.4 (Mức 3): …" / "… – Mức 3"
                item.target_level, item.level_text = found, f"Mức {found}"
            item.columns = dict(NARRATIVE_LABELS)
            items.append(item)
            parts = {"name": [name] if name else []}
            labels_seen = {}
            field = "name"
            continue
        lvl = _LEVEL_ONLY.match(folded)
        if lvl:
            value = level_number(bare)
            if value is None or not 1 <= value <= 3:
                issues.append(("error", Issue(file, t("import.err.level_range", value=bare), no, None, where(no))))
                value = None
            level, level_text = value, (bare if value is not None else None)
            field = None  # the line belongs to the items below, not to the text above
            continue
        if _STOP.match(fold(line)) or _CLOSING.match(folded) or _SIGN_DATE.match(folded) or (
                _SIGNER.match(folded) and bare.isupper()):  # the signature is in capitals; a lead is not
            close()
            item, field, parts = None, None, {}
            continue
        if item is None:
            continue
        labelled = _label(bare)
        if labelled:
            field, text, label = labelled
            keep_label = field == "time" and fold(label).startswith(("thoi gian bat dau", "thoi gian hoan thanh"))
            if field == "time" and "time" in parts and parts["time"]:  # "Thời gian hoàn thành" on its own line
                parts["time"].append(bare if keep_label else text)
                continue
            parts.setdefault(field, [])
            if text:
                parts[field].append(bare if keep_label else text)
            labels_seen.setdefault(field, (no, label))
            continue
        if field and field != "name":
            unknown = _LABEL_LIKE.match(bare)
            if unknown and bare is not line and len(unknown.group(1).split()) <= 6:
                issues.append(("warning", Issue(file, t("import.warn.unknown_label", label=unknown.group(1),
                                                        field=_FIELD_NAMES.get(field, field), code=item.code),
                                                no, None, where(no))))
        if field is None or (field == "name" and not line[:1].islower()):
            # text before the first label (not the criterion name going on) or after a "Mức" line: no field
            issues.append(("warning", Issue(file, t("import.warn.unlabelled", code=item.code, text=_short(line)),
                                            no, None, where(no))))
            continue
        parts.setdefault(field, []).append(line)
        if field in labels_seen and parts[field]:
            labels_seen.pop(field)
    close()
    return items, issues


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


# ---------------------------------------------------------------------------- school and year

_TYPE_WORDS = [  # folded words after "trường" -> short type used in matching keys
    ("trung hoc co so", "thcs"), ("trung hoc pho thong", "thpt"), ("tieu hoc", "th"), ("mam non", "mn"),
    ("mau giao", "mn"), ("nha tre", "mn"), ("thcs", "thcs"), ("thpt", "thpt"), ("th", "th"), ("mn", "mn"),
    ("pho thong co nhieu cap hoc", "pt"), ("pho thong nhieu cap", "pt"), ("tieu hoc va trung hoc co so", "pt"),
    ("trung hoc", "th2"), ("pho thong", "pt"),
]
_TYPE_WORDS.sort(key=lambda p: -len(p[0]))


def school_key(name: str | None) -> tuple[str, str] | None:
    """("thcs", "ly tu trong") for "Trường THCS Lý Tự Trọng"; None when there is no name."""
    f = fold(name)
    if not f:
        return None
    f = re.sub(r"[^a-z0-9 ]+", " ", f)
    f = " ".join(f.split())
    if f.startswith("truong "):
        f = f[len("truong "):]
    for words, short in _TYPE_WORDS:
        if f == words or f.startswith(words + " "):
            rest = f[len(words):].strip()
            return (short, rest) if rest else None
    return ("", f)


def find_school_names(text: str) -> list[str]:
    """School names ("Trường <loại> <Tên>") in a document, most frequent first."""
    found: Counter[str] = Counter()
    first: dict[str, int] = {}
    names: dict[str, str] = {}
    for line in text.split("\n"):
        for chunk in re.split(r"\s{3,}", line):
            words = chunk.split()
            for i, w in enumerate(words):
                if fold(w.strip(",.;:()")) != "truong":
                    continue
                rest = words[i + 1:]
                folded_rest = [fold(x) for x in rest]
                type_len = 0
                for phrase, _ in _TYPE_WORDS:
                    n = len(phrase.split())
                    if " ".join(folded_rest[:n]) == phrase:
                        type_len = n
                        break
                if not type_len:
                    continue
                upper_start = w.isupper()
                name_words: list[str] = []
                for x in rest[type_len:type_len + 7]:
                    core = x.strip(",.;:()\"'“”")
                    if not core or not (core[0].isupper() or core[0].isdigit()):
                        break
                    if upper_start and not (core.isupper() or core.isdigit()):
                        break
                    if not upper_start and core.isupper() and len(core) > 1 and name_words and not core.isdigit():
                        break
                    name_words.append(core)
                    if core != x.rstrip("\"'“”") and x[-1:] in ",.;:()":
                        break
                if not name_words:
                    continue
                full = " ".join([w.strip(",.;:()")] + rest[:type_len] + name_words)
                key = school_key(full)
                if key is None:
                    continue
                k = "|".join(key)
                found[k] += 1
                first.setdefault(k, len(first))
                if not upper_start or k not in names:
                    names[k] = full if not upper_start else names.get(k, full)
    order = sorted(found, key=lambda k: (-found[k], first[k]))
    return [names[k] for k in order]


_RANGE = re.compile(r"tu\s+nam\s+hoc\s+(\d{4})\s*-\s*(\d{2,4})\s+den\s+(?:het\s+)?nam\s+hoc\s+(\d{4})\s*-\s*(\d{2,4})")
_ONE = re.compile(r"nam\s+hoc\s*:?\s*(\d{4})\s*-\s*(\d{2,4})")


def find_years(header_text: str) -> tuple[str, str] | None:
    """(first, last) school year stated at the top of a plan, else None."""
    f = fold(header_text)
    m = _RANGE.search(f)
    if m:
        a = normalise_school_year(f"{m.group(1)}-{m.group(2)}")
        b = normalise_school_year(f"{m.group(3)}-{m.group(4)}")
        if a and b and b >= a:
            return a, b
    for m in _ONE.finditer(f):
        year = normalise_school_year(f"{m.group(1)}-{m.group(2)}")
        if year:
            return year, year
    return None


TEXT_FIELDS = ("weakness", "target_result", "measures", "lead", "support", "time_text", "budget_text",
               "other_support", "note", "name")


def tidy(item: RawItem) -> RawItem:
    """Final clean-up of an item's texts: a cell holding only punctuation ("/", "-") is empty;
    short role fields lose a trailing full stop ("Hiệu trưởng." -> "Hiệu trưởng")."""
    for f in TEXT_FIELDS:
        value = clean(getattr(item, f))
        if value is not None and not any(ch.isalnum() for ch in value):
            value = None
        if value and f in ("lead", "support") and "\n" not in value:
            value = value.rstrip(" .;,") or None
        setattr(item, f, value)
    return item


def finish(layout: str, items: list[RawItem], all_text: str, header_text: str,
           issues: list[tuple[str, Issue]]) -> ParsedPlan:
    items = [tidy(i) for i in items]
    return ParsedPlan(layout=layout, items=items, school_names=find_school_names(all_text),
                      years=find_years(header_text), issues=issues)
