"""Plain-text (.txt) improvement plans, as exported from Word or PDF.

- Tab-separated rows (a Word table saved as text: "TT\\tTiêu chuẩn, tiêu chí\\t…" on one
  line per row, the header repeated at page breaks) -> the table layout.
- One cell per line, each starting with a tab (five-column tables saved as text): a header of
  N such lines, then rows of N cells; a line without a tab right after a cell continues that
  cell; a line without a tab after an empty line ends the table.
- Otherwise the narrative layout ("1.4. Tiêu chí 1.4: …" blocks with labelled lines); lines
  are joined with spaces since text exported from PDF breaks lines inside sentences.
"""

from __future__ import annotations

from kdcl.importing.doc_kind import REPORTS, classify
from kdcl.importing.model import ParsedPlan
from kdcl.importing.plan_common import Cell, TableReader, finish, header_mapping, read_narrative
from kdcl.importing.safety import decode_text


def _where(row: int) -> str:
    from kdcl.strings import t

    return t("import.loc.line", row=row)


def read_text(name: str, data: bytes) -> ParsedPlan:
    text, _ = decode_text(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kind = classify(line.replace("\t", " ") for line in lines)
    if kind in REPORTS:  # never read a report as plan items
        return ParsedPlan(layout="report", items=[], school_names=[], years=None, doc_kind=kind)
    parsed = _tab_rows(name, lines) or _cell_lines(name, lines)
    if parsed is not None:
        return parsed
    numbered = list(enumerate(lines, start=1))
    items, issues = read_narrative(name, numbered, " ", "import.loc.line")
    first = items[0].row if items else len(lines) + 1
    header = "\n".join(line for no, line in numbered if no < first)
    return finish("narrative", items, text, header, issues)


def _tab_rows(name: str, lines: list[str]) -> ParsedPlan | None:
    reader = TableReader(name)
    header_at = None
    for no, line in enumerate(lines, start=1):
        if line.count("\t") >= 3:
            cells = [Cell(c.strip() or None) for c in line.split("\t")]
            if header_at is None and header_mapping([c.text for c in cells]) is not None:
                header_at = no
            if header_at is not None:
                reader.feed(cells, _where(no))
    if header_at is None:
        return None
    header = "\n".join(lines[: header_at - 1])
    return finish("text9" if reader.layout == "table9" else "text5", reader.items, "\n".join(lines), header,
                  reader.issues)


def _cell_lines(name: str, lines: list[str]) -> ParsedPlan | None:
    n = len(lines)
    for start in range(n):
        if not lines[start].startswith("\t"):
            continue
        heads = []
        j = start
        while j < n and lines[j].startswith("\t") and lines[j].count("\t") == 1 and lines[j].strip():
            heads.append(lines[j].strip())
            j += 1
        if len(heads) < 3 or header_mapping(heads) is None:
            continue
        width = len(heads)
        reader = TableReader(name)
        reader.feed([Cell(h) for h in heads], _where(start + 1))
        cells: list[tuple[int, list[str]]] = []  # (line, lines of the cell)
        last_was_cell = False
        for k in range(j, n):
            line = lines[k]
            if line.startswith("\t"):
                cells.append((k + 1, [line[1:].strip()]))
                last_was_cell = True
            elif not line.strip():
                last_was_cell = False
            elif last_was_cell and cells:
                cells[-1][1].append(line.strip())
            else:
                break
        for r in range(0, len(cells), width):
            chunk = cells[r:r + width]
            row = [Cell("\n".join(x for x in c if x) or None) for _, c in chunk]
            row += [Cell(None)] * (width - len(row))
            reader.feed(row, _where(chunk[0][0]))
        header = "\n".join(lines[:start])
        return finish("text5" if reader.layout == "table5" else "text9", reader.items, "\n".join(lines), header,
                      reader.issues)
    return None
