"""The figures behind the slides as an Excel workbook (openpyxl): one sheet per slide with,
at the top, the slide's title, the filters, the as-of date, the data date and how many
schools reported; then the key figures, the chart's data (numbers, one column per series)
and the slide's table.

Text can never become a formula: a string starting with = + - @ (or tab / carriage
return) is stored as a string cell with Excel's "quote prefix", so it stays text even
when the cell is edited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kdcl.exports import sheet_title, workbook_bytes, write_cell
from kdcl.reports.slides import Slide
from kdcl.strings import t

SHEET_NAME_MAX = 31
MAX_WIDTH, MIN_WIDTH = 60, 10
_WHOLE_NUMBER = re.compile(r"\d{1,3}(\.\d{3})*")
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
BOLD = Font(bold=True)


def _figure_value(text: str) -> int | str:
    """A key figure as a number when it is one ("1.234" -> 1234), else its text ("2/8")."""
    return int(text.replace(".", "")) if _WHOLE_NUMBER.fullmatch(text) else text


def sheet_name(number: int, name: str, taken: set[str]) -> str:
    base = sheet_title(f"{number}. {name}")
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


class _Sheet:
    def __init__(self, ws):
        self.ws = ws
        self.row = 1
        self.widths: dict[int, int] = {}

    def put(self, col: int, value: Any, *, bold: bool = False, fill: PatternFill | None = None) -> Cell:
        cell = self.ws.cell(row=self.row, column=col)
        write_cell(cell, value)
        if bold:
            cell.font = BOLD
        if fill is not None:
            cell.fill = fill
        text = "" if cell.value is None else str(cell.value)
        width = max((len(line) for line in text.splitlines()), default=0)
        if isinstance(cell.value, (int, float)):
            width += width // 3  # thousands separators
        self.widths[col] = max(self.widths.get(col, 0), width)
        if width > MAX_WIDTH:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell

    def line(self, *values: Any, bold: bool = False, fill: PatternFill | None = None) -> None:
        for col, value in enumerate(values, start=1):
            self.put(col, value, bold=bold, fill=fill)
        self.row += 1

    def frame(self, frame: pd.DataFrame) -> None:
        self.line(*[str(c) for c in frame.columns], bold=True, fill=HEADER_FILL)
        for values in frame.itertuples(index=False, name=None):
            self.line(*values)

    def fit(self) -> None:
        for col, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))


def _write_slide(ws, slide: Slide) -> None:
    sheet = _Sheet(ws)
    title = sheet.ws.cell(row=1, column=1)
    sheet.line(slide.title)
    title.font = Font(bold=True, size=14)
    sheet.line(slide.subtitle)
    sheet.widths[1] = min(sheet.widths[1], 30)  # long titles overflow to the right; not the column width
    sheet.row += 1
    for label, value in slide.context.rows():
        sheet.put(1, label, bold=True)
        sheet.put(2, value)
        sheet.row += 1
    if slide.figures:
        sheet.row += 1
        sheet.line(t("present.xlsx.figures"), bold=True)
        for fig in slide.figures:
            sheet.line(fig.label, _figure_value(fig.value), fig.note)
    if slide.chart is not None:
        spec = slide.chart
        sheet.row += 1
        sheet.line(t("present.xlsx.chart_data", title=spec.title or slide.title), bold=True)
        data = pd.DataFrame({spec.category_title or spec.category: spec.categories()})
        for series in spec.series:
            data[series.name] = [int(v) if float(v).is_integer() else v for v in spec.values(series)]
        sheet.frame(data)
    if not slide.table.empty:
        sheet.row += 1
        sheet.line(t("present.xlsx.table"), bold=True)
        sheet.frame(slide.table)
    if slide.note:
        sheet.row += 1
        sheet.line(t("present.xlsx.note"), slide.note)
    sheet.fit()


def build_xlsx(slides: Sequence[Slide]) -> bytes:
    """Every slide's figures, one sheet per slide."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for number, slide in enumerate(slides, start=1):
        ws = wb.create_sheet(sheet_name(number, slide.sheet, taken))
        _write_slide(ws, slide)
    if not slides:
        wb.create_sheet(t("export.empty_sheet"))
    if slides:
        wb.properties.title = slides[0].title
        wb.properties.subject = slides[0].context.line()
    return workbook_bytes(wb)
