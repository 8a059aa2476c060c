"""Exports of a table as shown on a page: pure functions, DataFrame (+ context) -> bytes.

- xlsx (openpyxl): a title, the context lines (filters, as-of date, how many schools
  reported, ...) above the table, Vietnamese headers as given by the caller, column widths
  fitted to the content, wrapped long text, frozen header row and an autofilter.
- csv: UTF-8 with a byte order mark (Excel then reads Vietnamese correctly).

Cells can never be read as formulas: text starting with = + - @ (or a tab / carriage
return) is written as a string cell with Excel's "quote prefix" (xlsx), or with a leading
apostrophe (csv, which has no cell types). Used by the pages and the CLI.

This module is the ONE writer of every .xlsx/.csv the app produces (issue 21): page exports
(`to_xlsx`, `to_csv`), the import templates and "current data" downloads (kdcl.templates,
through `write_cell` / `to_csv`), the figures workbook (kdcl.reports.xlsx_figures, through
`write_cell`) and any plain table or workbook (`write_table`). Every text cell loses its
control characters (kdcl.text.drop_controls); dates are dd/mm/yyyy, money/integers "#,##0"
in xlsx and plain digits in csv.

CSV guard and round trip: the apostrophe goes in front of text matching `'*[=+-@\t\r]`
(formula-like text, and text that would look as if it had been guarded already), so
`unguard_csv` (called by the CSV importer) removes exactly the apostrophes this writer
added: export -> import gives back the original text.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kdcl.strings import t
from kdcl.text import CONTROL_CHARACTERS, drop_controls

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# text the CSV writer guards with an apostrophe: formula-like, or apostrophes then formula-like
_CSV_GUARDED = re.compile(r"'*[=+\-@\t\r]")
CSV_GUARD_MARK = "'"  # what csv_text puts in front of formula-like text (unguard_csv looks only at cells starting with it)
MAX_WIDTH = 60  # characters; longer text wraps
MIN_WIDTH = 8
SHEET_NAME_MAX = 31
_INVALID_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class ExportContext:
    """What the table is: a title and lines such as ("Năm học", "2024-2025")."""

    title: str
    lines: Sequence[tuple[str, str]] = field(default_factory=tuple)
    sheet_name: str = t("export.sheet")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def _plain(value: Any) -> Any:
    """A cell value openpyxl writes as a number, date or text (never NaN/NA)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        return value.item()
    return value


def write_cell(cell: Cell, value: Any) -> None:
    """A number, date or text cell; text is always text, never a formula (= + - @)."""
    value = _plain(value)
    if isinstance(value, str):
        value = drop_controls(value)  # control characters (PDF extraction, pasted terminal text)
        cell.value = value
        cell.data_type = "s"  # a string cell, even when openpyxl guessed a formula
        if is_formula_like(value):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = "DD/MM/YYYY HH:MM"
        elif isinstance(value, date):
            cell.number_format = "DD/MM/YYYY"
        elif isinstance(value, int) and not isinstance(value, bool):
            cell.number_format = "#,##0"


def _width(value: Any) -> int:
    value = _plain(value)
    if value is None:
        return 0
    if isinstance(value, (date, datetime)):
        return 16 if isinstance(value, datetime) else 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def to_xlsx(frame: pd.DataFrame, context: ExportContext) -> bytes:
    """The table as an .xlsx workbook: title, context lines, then headers and rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(context.sheet_name)

    bold = Font(bold=True)
    write_cell(ws.cell(row=1, column=1), context.title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    row_no = 2
    for label, text in context.lines:
        write_cell(ws.cell(row=row_no, column=1), label)
        ws.cell(row=row_no, column=1).font = bold
        write_cell(ws.cell(row=row_no, column=2), text)
        row_no += 1
    header_row = row_no + 1  # one empty row between the context and the table

    write_frame(ws, frame, header_row)
    columns = [str(c) for c in frame.columns]
    widths = [ws.column_dimensions[get_column_letter(c)].width - 2 for c in range(1, len(columns) + 1)]
    # the first column also holds the context labels: wide enough for them
    first = max([_width(label) for label, _ in context.lines] + [widths[0] if widths else 0])
    ws.column_dimensions["A"].width = max(MIN_WIDTH, min(MAX_WIDTH, first + 2))

    if columns:
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(len(frame), 1)}"
    ws.sheet_view.zoomScale = 100
    return workbook_bytes(wb)


def csv_text(text: str) -> str:
    """A text field as written to CSV: no control characters, an apostrophe in front when a
    spreadsheet could run it as a formula (see the module docstring for the round trip)."""
    text = drop_controls(text)
    return CSV_GUARD_MARK + text if _CSV_GUARDED.match(text) else text


def unguard_csv(text: str) -> str:
    """The text `csv_text` was given: its apostrophe removed only where it added one."""
    if text.startswith(CSV_GUARD_MARK) and _CSV_GUARDED.match(text, 1):
        return text[1:]
    return text


def csv_safe(value: Any) -> Any:
    """A CSV field that a spreadsheet will not run as a formula."""
    value = _plain(value)
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def _csv_column(column: pd.Series) -> pd.Series:
    """One column as CSV text: dates dd/mm/yyyy, formula-like text behind an apostrophe
    (vectorised for text columns; other columns cell by cell)."""
    values = column.astype("object")
    present = values.notna()
    kinds = {type(v) for v in values[present]}
    if kinds <= {str}:
        text = values.where(present, "").astype(str).str.replace(CONTROL_CHARACTERS, "", regex=True)
        risky = text.str.match(_CSV_GUARDED)
        return text.where(~risky, "'" + text)
    out = pd.Series("", index=column.index, dtype="object")
    if present.any():
        out[present] = [csv_safe(v) for v in values[present]]
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    """The table as CSV: UTF-8 with BOM, comma separated, headers as given."""
    safe = pd.DataFrame({i: _csv_column(frame.iloc[:, i]) for i in range(frame.shape[1])}, index=frame.index)
    safe.columns = [csv_safe(str(c)) for c in frame.columns]
    buffer = io.StringIO(newline="")
    safe.to_csv(buffer, index=False, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue().encode("utf-8-sig")


# --------------------------------------------------------------------------- any table or workbook


def write_frame(ws, frame: pd.DataFrame, header_row: int = 1) -> None:
    """`frame` on worksheet `ws` from `header_row`: bold headers, every cell through `write_cell`,
    widths fitted to the content (long text wraps), the header row frozen."""
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE6F0")
    wrap = Alignment(wrap_text=True, vertical="top")
    columns = [str(c) for c in frame.columns]
    widths = [len(c) for c in columns]
    for col_no, name in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=col_no)
        write_cell(cell, name)
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, values in enumerate(frame.itertuples(index=False, name=None), start=header_row + 1):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            write_cell(cell, value)
            w = _width(value)
            if w > widths[c - 1]:
                widths[c - 1] = w
            if w > MAX_WIDTH:
                cell.alignment = wrap
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = max(MIN_WIDTH, min(MAX_WIDTH, w + 2))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)


def sheet_title(name: str) -> str:
    """A valid worksheet name (Excel's forbidden characters replaced, 31 characters at most)."""
    return (drop_controls(str(name)).translate(_INVALID_SHEET_CHARS).strip() or "Sheet")[:SHEET_NAME_MAX]


def workbook_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_table(frame_or_sheets: pd.DataFrame | dict[str, pd.DataFrame], path_or_buffer=None,
                fmt: str = "csv") -> bytes:
    """The one entry point for a plain table file: a DataFrame (or, for xlsx, {sheet name: DataFrame})
    as CSV (UTF-8 with BOM, guarded, dd/mm/yyyy) or xlsx (one sheet per frame, string/number/date
    cells through `write_cell`). Written to `path_or_buffer` when given; the bytes are returned."""
    if fmt == "csv":
        if isinstance(frame_or_sheets, dict):
            if len(frame_or_sheets) != 1:
                raise ValueError("a CSV file holds one table")
            frame_or_sheets = next(iter(frame_or_sheets.values()))
        data = to_csv(frame_or_sheets)
    elif fmt == "xlsx":
        sheets = frame_or_sheets if isinstance(frame_or_sheets, dict) else {t("export.sheet"): frame_or_sheets}
        wb = Workbook()
        wb.remove(wb.active)
        for name, frame in sheets.items():
            write_frame(wb.create_sheet(sheet_title(name)), frame)
        if not sheets:
            wb.create_sheet("Sheet")
        data = workbook_bytes(wb)
    else:
        raise ValueError(fmt)
    if path_or_buffer is not None:
        if isinstance(path_or_buffer, (str, os.PathLike)):
            with open(path_or_buffer, "wb") as fh:
                fh.write(data)
        else:
            path_or_buffer.write(data)
    return data
