"""The slides as HTML: the pieces the page draws around its charts, and a whole printable
document (A4 landscape, one slide per page) that kdcl.reports.pdf_report prints with
headless Chromium.

Every text is escaped; plotly.js is inlined once, so the document works offline and
nothing is fetched while printing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from kdcl import charts, rules
from kdcl.reports.slides import Slide
from kdcl.strings import t

# A4 landscape at 96 px per inch, 10 mm padding: the content box of one printed slide.
PAGE_W_MM, PAGE_H_MM, PAD_MM = 297, 210, 10
PX_PER_MM = 96 / 25.4
CONTENT_W = int((PAGE_W_MM - 2 * PAD_MM) * PX_PER_MM)  # 1047
CONTENT_H = int((PAGE_H_MM - 2 * PAD_MM) * PX_PER_MM)  # 718
HEADER_H, FIGURES_H, FOOTER_H, GAP = 92, 128, 40, 14
TABLE_ROW_H = 33
MAX_CELL_CHARS = 64  # longer text in a slide table is shortened (the Excel file has it all)
BAR_PX, CHART_CHROME_PX, LEGEND_PX = 62, 90, 60  # horizontal bar charts: no taller than their bars need

FONT_STACK = charts.SLIDE_FONT_FAMILY

CSS = """
.kdcl-slide, .kdcl-part { font-family: $font; color: #1f1f1f; box-sizing: border-box; }
.kdcl-slide *, .kdcl-part * { box-sizing: border-box; }
h1.kdcl-title { font-family: $font !important; font-size: 34px !important; line-height: 1.15 !important;
  font-weight: 700 !important; margin: 0 0 4px 0 !important; padding: 0 !important; color: #12355b !important; }
.kdcl-subtitle { font-size: 18px; line-height: 1.3; color: #444; margin: 0 0 10px 0; }
.kdcl-figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 12px 0; }
.kdcl-figure { flex: 1 1 150px; border: 1px solid #d9dee5; border-left: 6px solid #12355b; border-radius: 6px;
  padding: 8px 10px; background: #f7f9fb; min-width: 0; }
.kdcl-figure .kdcl-value { font-size: 32px; font-weight: 700; line-height: 1.1; white-space: nowrap; }
.kdcl-figure .kdcl-value.long { font-size: 26px; line-height: 1.27; }
.kdcl-figure .kdcl-label { font-size: 16px; font-weight: 600; color: #333; margin-top: 3px; line-height: 1.2; }
.kdcl-figure .kdcl-note { font-size: 13px; color: #555; margin-top: 2px; line-height: 1.25; }
table.kdcl-table { border-collapse: collapse; width: 100%; font-size: 15px; line-height: 1.25; }
table.kdcl-table th { background: #12355b; color: #fff; text-align: left; padding: 5px 7px; font-weight: 600;
  vertical-align: bottom; }
table.kdcl-table td { padding: 5px 7px; border-bottom: 1px solid #dde2e8; vertical-align: top; }
table.kdcl-table tr:nth-child(even) td { background: #f4f6f9; }
table.kdcl-table td.num { text-align: right; white-space: nowrap; }
table.kdcl-table th.num { text-align: right; }
table.kdcl-table.side th.num { width: 1%; }
table.kdcl-table td.first { font-weight: 600; }
table.kdcl-table tr.kdcl-more td { font-style: italic; color: #555; }
table.kdcl-table.dense { font-size: 14px; line-height: 1.2; }
table.kdcl-table.dense td, table.kdcl-table.dense th { padding: 3px 6px; }
.kdcl-note-box { font-size: 22px; color: #333; padding: 24px; border: 1px dashed #bbb; border-radius: 8px; }
.kdcl-footer { font-size: 13px; color: #444; border-top: 1px solid #ccc; padding-top: 5px;
  display: flex; justify-content: space-between; gap: 12px; }
.kdcl-footer .kdcl-page { white-space: nowrap; font-weight: 600; }
""".replace("$font", FONT_STACK)

PRINT_CSS = """
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
section.kdcl-slide { width: $wmm; height: $hmm; padding: $pmm; overflow: hidden;
  display: flex; flex-direction: column; page-break-after: always; break-after: page; break-inside: avoid; }
section.kdcl-slide:last-child { page-break-after: auto; break-after: auto; }
.kdcl-body { flex: 1 1 auto; display: flex; gap: 16px; min-height: 0; }
.kdcl-body.stack { flex-direction: column; }
.kdcl-chart { flex: 0 0 auto; }
.kdcl-side-table { flex: 1 1 0; min-width: 0; }
.kdcl-footer { margin-top: auto; }
.kdcl-figures { flex-wrap: nowrap; }
.kdcl-figure { flex: 1 1 0; }
""".replace("$w", str(PAGE_W_MM)).replace("$h", str(PAGE_H_MM)).replace("$p", str(PAD_MM))


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _cell_text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return rules.format_number(value)
    if hasattr(value, "item"):  # numpy scalars
        return _cell_text(value.item())
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1].rstrip() + "…"


def header_html(slide: Slide) -> str:
    return (f'<div class="kdcl-part"><h1 class="kdcl-title">{esc(slide.title)}</h1>'
            f'<div class="kdcl-subtitle">{esc(slide.subtitle)}</div></div>')


def figures_html(slide: Slide) -> str:
    if not slide.figures:
        return ""
    cards = []
    for f in slide.figures:
        style = f' style="color:{esc(f.color)}"' if f.color else ""
        border = f' style="border-left-color:{esc(f.color)}"' if f.color else ""
        size = " long" if len(f.value) > 8 else ""
        cards.append(
            f'<div class="kdcl-figure"{border}><div class="kdcl-value{size}"{style}>{esc(f.value)}</div>'
            f'<div class="kdcl-label">{esc(f.label)}</div>'
            + (f'<div class="kdcl-note">{esc(f.note)}</div>' if f.note else "")
            + "</div>"
        )
    return '<div class="kdcl-part kdcl-figures">' + "".join(cards) + "</div>"


def table_html(slide: Slide, max_rows: int | None = None) -> str:
    """The slide's table; with `max_rows` (a screen), a longer table shows its first `max_rows`
    rows and one "+ n khác" row (the Excel file has them all)."""
    table = slide.table
    if table.empty:
        return ""
    more = 0
    if max_rows is not None and len(table) > max_rows + 1:
        more = len(table) - max_rows
        table = table.head(max_rows)
    numeric = set(slide.numeric_columns)
    head = "".join(f'<th class="{"num" if c in numeric else ""}">{esc(c)}</th>' for c in table.columns)
    rows = []
    for values in table.itertuples(index=False, name=None):
        cells = "".join(
            f'<td class="{"num" if c in numeric else ("first" if i == 0 else "")}">{esc(_cell_text(v))}</td>'
            for i, (c, v) in enumerate(zip(table.columns, values))
        )
        rows.append(f"<tr>{cells}</tr>")
    if more:
        rows.append(f'<tr class="kdcl-more"><td colspan="{len(table.columns)}">'
                    f'{esc(t("present.more_rows", n=rules.format_number(more)))}</td></tr>')
    classes = (" dense" if len(table) > 8 else "") + (" side" if slide.layout == "side" else "")
    return f'<table class="kdcl-part kdcl-table{classes}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def note_html(slide: Slide) -> str:
    return f'<div class="kdcl-part kdcl-note-box">{esc(slide.note)}</div>' if slide.note else ""


def footer_html(slide: Slide, number: int, total: int) -> str:
    return (f'<div class="kdcl-part kdcl-footer"><span>{esc(slide.context.footer())}</span>'
            f'<span class="kdcl-page">{esc(t("present.page_of", n=number, total=total))}</span></div>')


def chart_size(slide: Slide) -> tuple[int, int]:
    """Chart width and height (px) inside one printed slide, so it is never cut."""
    body_h = CONTENT_H - HEADER_H - FOOTER_H - (FIGURES_H if slide.figures else 0) - GAP
    if slide.layout == "stack":
        table_h = TABLE_ROW_H * (len(slide.table) + 1) + 20 if not slide.table.empty else 0
        width, height = CONTENT_W, max(200, body_h - table_h - GAP)
    else:
        width, height = int(CONTENT_W * slide.chart_share), body_h
    if slide.chart is not None and slide.chart.kind != "bar":
        legend = LEGEND_PX if len(slide.chart.series) > 1 else 0
        height = min(height, CHART_CHROME_PX + legend + BAR_PX * len(slide.chart.data))
    return width, height


def slide_section(slide: Slide, number: int, total: int, chart_html: str) -> str:
    body = note_html(slide) if slide.chart is None else f'<div class="kdcl-chart">{chart_html}</div>'
    table = table_html(slide)
    if slide.layout == "stack":
        inner = f'<div class="kdcl-body stack">{body}{table}</div>'
    else:
        inner = f'<div class="kdcl-body">{body}<div class="kdcl-side-table">{table}</div></div>'
    return (f'<section class="kdcl-slide" id="slide-{number}">{header_html(slide)}{figures_html(slide)}'
            f"{inner}{footer_html(slide, number, total)}</section>")


def document(slides: Sequence[Slide], title: str | None = None) -> str:
    """A self-contained HTML document of every slide, one A4 landscape page each."""
    sections = []
    first = True
    for number, slide in enumerate(slides, start=1):
        chart = ""
        if slide.chart is not None:
            width, height = chart_size(slide)
            fig = charts.slide_chart(slide.chart, height=height, width=width)
            chart = fig.to_html(
                full_html=False,
                include_plotlyjs=first,  # the library once, inline: works offline
                config={"staticPlot": True, "displayModeBar": False},
                div_id=f"chart-{number}",
            )
            first = False
        sections.append(slide_section(slide, number, len(slides), chart))
    doc_title = esc(title or (slides[0].title if slides else t("present.title")))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="vi"><head><meta charset="utf-8"><title>{doc_title}</title>'
        f"<style>{CSS}{PRINT_CSS}</style></head><body>"
        + "".join(sections)
        + "</body></html>"
    )
