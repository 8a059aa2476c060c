"""Word (.docx) improvement plans: paragraphs and tables in document order.

Tables are read cell by cell on the layout grid: a horizontally merged cell gives its text
to its first grid column only; a vertically merged cell (w:vMerge continue) is marked
`merged` and carries the text of the cell where the merge starts. A table is a plan table
when one of its first three rows is a plan header; a following table with the same number of
columns and no header (Word splits tables at page breaks in converted documents) continues
it, also when only a page number ("- 2 -", "Trang 3") stands between them; a table without header
that holds "Tiêu chí n.m" rows elsewhere is named in a warning. Without a plan table the paragraphs are read as the narrative (list) layout. See
kdcl.importing.plan_common for the layouts themselves.

Content controls (w:sdt), smart tags, custom XML and simple fields are unwrapped first, so text typed
into a template's fill-in fields is read like any other. Tracked changes are read as if accepted: insertions (w:ins, w:moveTo) are kept, deletions (w:del,
w:moveFrom, and table rows marked deleted) dropped, and the file gets a warning saying so.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

from docx import Document
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph

from kdcl.importing.doc_kind import REPORTS, classify
from kdcl.importing.model import Issue, ParsedPlan
from kdcl.importing.normalise import clean, fold, one_line
from kdcl.importing.plan_common import Cell, TableReader, finish, header_mapping, label_of, read_narrative
from kdcl.importing.safety import FileRejected

log = logging.getLogger(__name__)


def _text(element) -> str:
    parts = []
    for p in element.iter(qn("w:p")):
        parts.append(Paragraph(p, None).text)
    return "\n".join(parts)


def _table_rows(tbl) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    root_text: dict[int, str | None] = {}
    for tr in tbl.tr_lst:
        cells: list[Cell] = []
        for _ in range(tr.grid_before or 0):
            cells.append(Cell(None))
        for tc in tr.tc_lst:
            col = len(cells)
            span = max(int(tc.grid_span or 1), 1)
            if tc.vMerge == "continue":
                cells.append(Cell(root_text.get(col), merged=True))
            else:
                text = clean(_text(tc))
                root_text[col] = text
                cells.append(Cell(text, span=span))
            cells.extend(Cell(None) for _ in range(span - 1))
        rows.append(cells)
    return rows


_PAGE_MARK = re.compile(r"^(?:trang\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*/\s*\d{1,3})?$|^.{0,3}$")
_CRITERION = re.compile(r"^\s*tieu\s*chi\s*\d{1,2}\s*\.\s*\d{1,2}")
_KEEP = (qn("w:ins"), qn("w:moveTo"))
_DROP = (qn("w:del"), qn("w:moveFrom"))
_MARKS = (qn("w:rPr"), qn("w:trPr"), qn("w:pPr"), qn("w:tcPr"))


_WRAPPERS = (qn("w:sdt"), qn("w:smartTag"), qn("w:customXml"), qn("w:fldSimple"))
_WRAPPER_PROPS = (qn("w:sdtPr"), qn("w:sdtEndPr"), qn("w:smartTagPr"), qn("w:customXmlPr"))


def unwrap_containers(body) -> None:
    """Content controls (w:sdt, from templates with fill-in fields), smart tags, custom XML and simple fields
    wrap runs, paragraphs or table rows; python-docx reads only direct runs and rows, so their content takes
    their place (the wrapper's own properties are dropped)."""
    for el in reversed(list(body.iter(*_WRAPPERS))):  # innermost first
        parent = el.getparent()
        if parent is None:
            continue
        index = parent.index(el)
        content = el.find(qn("w:sdtContent")) if el.tag == qn("w:sdt") else el
        children = [] if content is None else [c for c in content if c.tag not in _WRAPPER_PROPS]
        for child in children:
            parent.insert(index, child)
            index += 1
        parent.remove(el)


def accept_changes(body) -> bool:
    """Accept every tracked change under `body` in place; True when there was any."""
    changed = False
    for el in list(body.iter(*_KEEP, *_DROP)):
        parent = el.getparent()
        if parent is None:
            continue
        changed = True
        if parent.tag in _MARKS:  # a mark on a paragraph, run or row, not content
            if el.tag in _DROP and parent.tag == qn("w:trPr"):  # a deleted table row
                row = parent.getparent()
                if row is not None and row.getparent() is not None:
                    row.getparent().remove(row)
                    continue
            parent.remove(el)
        elif el.tag in _DROP:
            parent.remove(el)
        else:  # an insertion: its runs take its place
            index = parent.index(el)
            for child in list(el):
                parent.insert(index, child)
                index += 1
            parent.remove(el)
    return changed


def body_blocks(body):
    """("p", paragraph) and ("tbl", table) elements of a body in order, content controls opened."""
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield "p", child
        elif child.tag == qn("w:tbl"):
            yield "tbl", child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from body_blocks(content)


_OFFICE_DOCUMENT = re.compile(rb'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"|'
                              rb'Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"')


def document_body(data: bytes):
    """The w:body of a .docx. Only the main document part is parsed (with python-docx's element classes):
    styles, numbering, settings and the package's relationships are not needed to read a plan, and opening
    the whole package with python-docx costs about half the reading time. A package this shortcut does not
    understand is opened by python-docx itself."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            rels = _OFFICE_DOCUMENT.search(zf.read("_rels/.rels"))
            part = (rels.group(1) or rels.group(2)).decode() if rels else "word/document.xml"
            root = parse_xml(zf.read(part))
        body = root.find(qn("w:body"))
        if body is not None:
            return body
    except Exception:  # noqa: BLE001 - a damaged or unusual package: python-docx decides below
        log.debug("fast .docx read failed, python-docx decides", exc_info=True)
    try:
        return Document(io.BytesIO(data)).element.body
    except Exception:  # noqa: BLE001 - python-docx raises many kinds on a damaged package
        log.warning("a .docx file rejected as damaged", exc_info=True)  # (a bug here would be logged too)
        raise FileRejected("import.err.broken_docx") from None


def read_docx(name: str, data: bytes) -> ParsedPlan:
    body = document_body(data)
    paragraphs: list[tuple] = []  # (number, text, where): body paragraphs and the rows of form tables
    para_no = 0
    reader = TableReader(name)
    unwrap_containers(body)
    if accept_changes(body):
        reader.issues.append(("warning", Issue(name, _t("import.warn.tracked_changes"))))
    header_parts: list[str] = []
    all_text: list[str] = []
    in_plan_table = False
    width = 0
    seen_content = False
    table_no = 0
    for kind, element in body_blocks(body):
        if kind == "p":
            text = clean(Paragraph(element, None).text)
            if text:
                para_no += 1
                paragraphs.append((len(paragraphs) + 1, text, _t("import.loc.paragraph", row=para_no)))
                all_text.append(text)
                if not seen_content:
                    header_parts.append(text)
                # a page number or running head between two pages of a table does not end it
                in_plan_table = in_plan_table and bool(_PAGE_MARK.match(fold(text)))
            continue
        rows = _table_rows(element)
        if not rows:
            continue
        table_no += 1
        row_width = max(len(r) for r in rows)
        has_header = any(header_mapping([c.text for c in r]) for r in rows[:3])
        if not has_header and not (in_plan_table and reader.mapping and row_width == width):
            texts = [c.text for r in rows for c in r if c.text and not c.merged]
            all_text.extend(texts)
            for i, line in form_lines(rows):  # a form per criterion: "Label | value" rows
                paragraphs.append((len(paragraphs) + 1, line, _where(table_no, i)))
            if reader.mapping and any(_CRITERION.match(fold(x)) for x in texts):  # plan rows we cannot place
                reader.issues.append(("warning", Issue(name, _t("import.warn.table_without_header"), None, None,
                                                       _t("import.loc.table", table=table_no))))
            continue
        seen_content = True
        in_plan_table, width = True, row_width
        for i, cells in enumerate(rows, start=1):
            reader.feed(cells, _where(table_no, i))
    kind = classify(all_text)
    if kind in REPORTS:  # never read a report as plan items
        return ParsedPlan(layout="report", items=[], school_names=[], years=None, doc_kind=kind)
    if reader.items or reader.mapping:
        return finish(reader.layout, reader.items, "\n".join(all_text), "\n".join(header_parts), reader.issues)
    items, issues = read_narrative(name, paragraphs, "\n", "import.loc.paragraph")
    first = items[0].row if items else len(paragraphs) + 1
    header = "\n".join(entry[1] for entry in paragraphs if entry[0] < first)
    return finish("narrative", items, "\n".join(all_text), header, reader.issues + issues)


def form_lines(rows: list[list[Cell]]) -> list[tuple[int, str]]:
    """The rows of a form table (a criterion's fields as "Label | value" rows, instead of one plan table) as
    "Label: value" lines, with their row numbers; [] for any other table. A form has at least two rows whose
    first cell is a plan label; a row holding a criterion ("Tiêu chí | 1.4: …", "Tiêu chí 1.4: …") is kept
    as a criterion line."""
    lines: list[tuple[int, str]] = []
    labelled = 0
    for i, cells in enumerate(rows, start=1):
        texts = list(dict.fromkeys(one_line(c.text) for c in cells if c.text and not c.merged))
        if not texts:
            continue
        first = texts[0].rstrip(" :")
        rest = " ".join(texts[1:])
        if fold(first) in ("tieu chi", "ma tieu chi", "ten tieu chi") and rest:
            lines.append((i, f"Tiêu chí {rest}" if not fold(rest).startswith("tieu chi") else rest))
        elif label_of(first + ":"):
            labelled += 1
            if rest:  # a blank field of the form says nothing
                lines.append((i, f"{first}: {rest}"))
        else:
            lines.append((i, " ".join(texts)))
    return lines if labelled >= 2 else []


def _t(key: str, **values: object) -> str:
    from kdcl.strings import t

    return t(key, **values)


def _where(table_no: int, row: int) -> str:
    return _t("import.loc.table_row", table=table_no, row=row)
