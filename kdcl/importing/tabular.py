"""Excel (.xlsx) and CSV files in one of the three templates (kdcl.templates).

The header row is the first of the first ten rows (of the first sheet that has one) whose
cells name template columns; which template it is follows from the columns present.
CSV: encoding as kdcl.importing.safety.decode_text, delimiter comma, semicolon or tab
(sniffed from the header). XLSX: read-only, cached values, no external links. Row numbers
are the spreadsheet's own (as Excel shows them), so messages point at the right row.
"""

from __future__ import annotations

import csv
import io
import itertools
import logging
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

from kdcl.exports import unguard_csv
from kdcl.importing.normalise import header_key, one_line
from kdcl.importing.safety import MAX_TABLE_ROWS, CheckedFile, FileRejected, decode_text
from kdcl.templates import ALIASES, SIGNATURE, TEMPLATES


class ColumnRows(Sequence):
    """A table's rows kept as the file's columns (how Arrow's CSV reader gives them): (row number,
    cell values) built only when asked for. The checks read the columns themselves
    (kdcl.importing.values.column_reader, row_numbers): no list per row, and a file of 8,000 rows
    leaves the cyclic garbage collector a few dozen lists to walk instead of 8,000."""

    def __init__(self, numbers: list[int], columns: list[list[Any]]):
        self.numbers = numbers  # the spreadsheet's row numbers
        self.columns = columns  # one list per column of the file, every row of it

    def __len__(self) -> int:
        return len(self.numbers)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.numbers[index], [column[index] for column in self.columns]

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        return zip(self.numbers, map(list, zip(*self.columns)) if self.columns else ([] for _ in self.numbers))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"ColumnRows({list(self)!r})"


@dataclass
class Table:
    kind: str  # plan | assessment | schools
    columns: dict[str, int]  # template key -> column index
    headers: dict[str, str]  # template key -> header as written in the file
    rows: Sequence[tuple[int, list[Any]]]  # (row number, cell values): a list, or ColumnRows (CSV)
    unknown: list[str] = field(default_factory=list)
    encoding: str | None = None
    header_row: int = 1


def _key_of(header: Any) -> str | None:
    k = header_key(header)
    if not k:
        return None
    for kind_cols in TEMPLATES.values():
        for c in kind_cols:
            if k == header_key(c.header):
                return c.key
    for key, names in ALIASES.items():
        if k in names:
            return key
    return None


def detect(cells: list[Any]) -> tuple[str, dict[str, int], dict[str, str], list[str]] | None:
    """(template kind, key -> index, key -> header, unknown headers) when `cells` is a header row."""
    found: dict[str, int] = {}
    written: dict[str, str] = {}
    unknown: list[str] = []
    for i, cell in enumerate(cells):
        key = _key_of(cell)
        if key and key not in found:
            found[key] = i
            written[key] = one_line(cell) or key
        elif one_line(cell):
            unknown.append(one_line(cell))
    best = None
    for kind, cols in TEMPLATES.items():
        keys = {c.key for c in cols}
        if not any(s in found for s in SIGNATURE[kind]):
            continue
        # "loại" alone names the school type; with "mức đạt" it is an assessments file
        score = len(keys & found.keys())
        if best is None or score > best[1]:
            best = (kind, score)
    if best is None or best[1] < 2:
        return None
    kind = best[0]
    keys = {c.key for c in TEMPLATES[kind]}
    extra = [written[k] for k in found if k not in keys]
    mapping = {k: i for k, i in found.items() if k in keys}
    return kind, mapping, {k: written[k] for k in mapping}, unknown + extra


def read_table(checked: CheckedFile) -> Table:
    if checked.fmt == "csv":
        return _read_csv(checked)
    return _read_xlsx(checked)


def _blank(values: list[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


_UTF8_BOM = b"\xef\xbb\xbf"


def _read_utf8_csv(data: bytes) -> Table | None:
    """A UTF-8 file (most are) read by Arrow from its bytes: no decoding of the whole text into one
    Python string and encoding it back; each distinct cell is put in NFC as decode_text puts the whole
    text (commas, quotes and line breaks never combine with their neighbours, so it is the same). None
    when the file might be anything else (NUL bytes: UTF-16 or binary) or Arrow cannot read it: then
    decode_text and the text path decide, with their messages."""
    if b"\x00" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    raw = data[len(_UTF8_BOM):] if data.startswith(_UTF8_BOM) else data
    try:
        first_line = raw.split(b"\n", 1)[0].decode("utf-8")
    except UnicodeDecodeError:
        return None
    fast = _read_csv_columns(raw, max([",", ";", "\t"], key=first_line.count) if first_line else ",")
    if fast is None:
        return None
    columns, blank = fast
    if len(blank) > MAX_TABLE_ROWS + 10:
        raise FileRejected("import.err.too_many_rows", limit=MAX_TABLE_ROWS)
    table = _from_columns(columns, blank)
    table.encoding = "UTF-8 (BOM)" if raw is not data else "UTF-8"
    return table


def _read_csv(checked: CheckedFile) -> Table:
    table = _read_utf8_csv(checked.data)
    if table is not None:
        return table
    text, encoding = decode_text(checked.data)
    if text.startswith("\ufeff"):
        text = text[1:]
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count) if first_line else ","
    fast = _read_csv_columns(text, delimiter)
    if fast is not None:
        columns, blank = fast
        if len(blank) > MAX_TABLE_ROWS + 10:
            raise FileRejected("import.err.too_many_rows", limit=MAX_TABLE_ROWS)
        table = _from_columns(columns, blank)
        table.encoding = encoding
        return table
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # a cell over csv.field_size_limit() characters
            raise FileRejected("import.err.cell_too_long", line=reader.line_num,
                               limit=f"{csv.field_size_limit():,}".replace(",", ".")) from None
        raise FileRejected("import.err.bad_csv") from None
    if len(records) > MAX_TABLE_ROWS + 10:
        raise FileRejected("import.err.too_many_rows", limit=MAX_TABLE_ROWS)
    # the apostrophe kdcl.exports put in front of formula-like text comes off again (round trip)
    records = [[unguard_csv(cell) for cell in record] for record in records]
    table = _from_rows(list(enumerate(records, start=1)))
    table.encoding = encoding
    return table


def _read_xlsx(checked: CheckedFile) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(checked.data), read_only=True, data_only=True, keep_links=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a damaged workbook
        logging.getLogger(__name__).warning("an .xlsx file rejected as damaged", exc_info=True)
        raise FileRejected("import.err.broken_xlsx") from None
    try:
        first_error = None
        for ws in wb.worksheets:
            rows: list[tuple[int, list[Any]]] = []
            for no, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if len(rows) > MAX_TABLE_ROWS + 10:
                    raise FileRejected("import.err.too_many_rows", limit=MAX_TABLE_ROWS)
                rows.append((no, list(values)))
                if no == 10 and not any(detect(v) for _, v in rows):
                    break
            try:
                return _from_rows(rows)
            except FileRejected as exc:
                first_error = first_error or exc
        raise first_error or FileRejected("import.err.no_header")
    finally:
        wb.close()


def _from_columns(columns: list[list[Any]], blank: list[bool]) -> Table:
    """The table of a file read column by column (`blank`: which records are blank): the header is
    found in the first ten records as _from_rows finds it, the rows after it stay columns (ColumnRows)."""
    first = ColumnRows(list(range(1, min(len(blank), 10) + 1)), [column[:10] for column in columns])
    try:
        table = _from_rows(list(first), [True] * len(first))  # the header only: every row after it counts as blank
    except FileRejected as exc:
        if exc.key == "import.err.empty" and not all(blank):  # blank first records, text further down
            raise FileRejected("import.err.no_header") from None
        raise
    keep = [not b for b in blank[table.header_row:]]
    numbers = list(itertools.compress(range(table.header_row + 1, len(blank) + 1), keep))
    if len(numbers) > MAX_TABLE_ROWS:
        raise FileRejected("import.err.too_many_rows", limit=MAX_TABLE_ROWS)
    table.rows = ColumnRows(numbers, [column[table.header_row:] if all(keep) else
                                      list(itertools.compress(column[table.header_row:], keep)) for column in columns])
    return table


def _from_rows(rows: list[tuple[int, list[Any]]], blank: list[bool] | None = None) -> Table:
    """The table of `rows` (`blank`: which rows are blank, when already known)."""
    for index, (no, values) in enumerate(rows[:10]):
        found = detect(values)
        if found is None:
            continue
        kind, mapping, written, unknown = found
        if blank is None:
            data = [(n, v) for n, v in rows[index + 1:] if not _blank(v)]
        else:
            data = list(itertools.compress(rows[index + 1:], [not b for b in blank[index + 1:]]))
        if len(data) > MAX_TABLE_ROWS:
            raise FileRejected("import.err.too_many_rows", limit=MAX_TABLE_ROWS)
        return Table(kind=kind, columns=mapping, headers=written, rows=data, unknown=unknown, header_row=no)
    if not rows or all(_blank(v) for _, v in rows):
        raise FileRejected("import.err.empty")
    raise FileRejected("import.err.no_header")


def _read_csv_columns(source: str | bytes, delimiter: str) -> tuple[list[list[str]], list[bool]] | None:
    """The columns of a CSV text (every record of it) and which records are blank, read column by
    column by Arrow's CSV reader, with the apostrophes of kdcl.exports removed as `unguard_csv` does;
    the same records as csv.reader for every file it accepts. `source`: the text decode_text gave, or
    the bytes of a UTF-8 file without its BOM (each cell then put in NFC, as decode_text does the
    whole text). None for anything it is not sure of (rows of different widths, a cell over
    csv.field_size_limit(), a parse error, bytes that are not UTF-8): csv.reader reads those
    (decode_text refused any NUL)."""
    raw = isinstance(source, bytes)
    try:
        first = io.TextIOWrapper(io.BytesIO(source), encoding="utf-8", newline="") if raw else io.StringIO(source)
        width = len(next(csv.reader(first, delimiter=delimiter), []))
        if width < 2:  # no template has fewer than two columns
            return None
        names = [f"c{i}" for i in range(width)]
        parsed = pa_csv.read_csv(
            pa.py_buffer(source if raw else source.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=names),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, quote_char='"', double_quote=True,
                                              escape_char=False, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                  strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowException, csv.Error, UnicodeError):
        return None
    limit = csv.field_size_limit()
    columns: list[list[str]] = []
    blank = None
    for column in parsed.columns:
        column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        if column.null_count:
            return None
        # each distinct text once (a file repeats its schools, years, codes, leads...): read, unguarded and
        # tested for blankness once, then laid out by the row's index (shared objects, no string per cell)
        encoded = column.dictionary_encode()
        distinct = encoded.dictionary
        try:
            texts = distinct.to_pylist()
        except UnicodeError:  # (bytes Arrow let through that Python does not decode: the text path decides)
            return None
        if raw:
            texts = [unicodedata.normalize("NFC", v) for v in texts]
        if texts and max(map(len, texts)) > limit:
            return None
        index = encoded.indices.to_numpy(zero_copy_only=False)
        spaces = np.array([not v.strip() for v in texts] + [False], dtype=bool)[:-1][index]  # _blank's rule
        texts = list(map(unguard_csv, texts))
        columns.append(np.array([*texts, None], dtype=object)[:-1][index].tolist())  # (None: always 1-D)
        blank = spaces if blank is None else blank & spaces
    return columns, blank.tolist() if blank is not None else []
