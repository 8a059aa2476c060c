"""Word (.docx) improvement plans: paragraphs and tables in document order.

Tables are read cell by cell on the layout grid: a horizontally merged cell gives its text
to its first grid column only; a vertically merged cell (w:vMerge continue) is marked
`merged` and carries the text of the cell where the merge starts. A table is a plan table
when one of its first three rows is a plan header; a following table with the same number of
columns and no header (Word splits tables at page breaks in converted documents) continues
it. Without a plan table the paragraphs are read as the narrative (list) layout. See
kdcl.importing.plan_common for the layouts themselves.

Tracked changes are read as if accepted: insertions (w:ins, w:moveTo) are kept, deletions (w:del,
w:moveFrom, and table rows marked deleted) dropped, and the file gets a warning saying so.
"""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from kdcl.importing.doc_kind import REPORTS, classify
from kdcl.importing.model import Issue, ParsedPlan
from kdcl.importing.normalise import clean
from kdcl.importing.plan_common import Cell, TableReader, finish, header_mapping, read_narrative
from kdcl.importing.safety import FileRejected


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


_KEEP = (qn("w:ins"), qn("w:moveTo"))
_DROP = (qn("w:del"), qn("w:moveFrom"))
_MARKS = (qn("w:rPr"), qn("w:trPr"), qn("w:pPr"), qn("w:tcPr"))


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


def _blocks(body):
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield "p", child
        elif child.tag == qn("w:tbl"):
            yield "tbl", child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


def read_docx(name: str, data: bytes) -> ParsedPlan:
    try:
        document = Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a damaged package
        raise FileRejected("import.err.broken_docx") from None
    paragraphs: list[tuple[int, str]] = []
    reader = TableReader(name)
    if accept_changes(document.element.body):
        reader.issues.append(("warning", Issue(name, _t("import.warn.tracked_changes"))))
    header_parts: list[str] = []
    all_text: list[str] = []
    in_plan_table = False
    width = 0
    seen_content = False
    table_no = 0
    for kind, element in _blocks(document.element.body):
        if kind == "p":
            text = clean(Paragraph(element, None).text)
            if text:
                paragraphs.append((len(paragraphs) + 1, text))
                all_text.append(text)
                if not seen_content:
                    header_parts.append(text)
                in_plan_table = False if len(text) > 3 else in_plan_table
            continue
        rows = _table_rows(element)
        if not rows:
            continue
        table_no += 1
        row_width = max(len(r) for r in rows)
        has_header = any(header_mapping([c.text for c in r]) for r in rows[:3])
        if not has_header and not (in_plan_table and reader.mapping and row_width == width):
            all_text.extend(c.text for r in rows for c in r if c.text and not c.merged)
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
    header = "\n".join(text for no, text in paragraphs if no < first)
    return finish("narrative", items, "\n".join(all_text), header, reader.issues + issues)


def _t(key: str, **values: object) -> str:
    from kdcl.strings import t

    return t(key, **values)


def _where(table_no: int, row: int) -> str:
    return _t("import.loc.table_row", table=table_no, row=row)
