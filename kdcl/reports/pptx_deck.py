"""The slides as a PowerPoint deck (python-pptx): 16:9, one slide per kdcl.reports.slides.Slide,
with NATIVE PowerPoint bar charts (their data stays editable in PowerPoint), bars filled with
the app's colours (charts.LEVEL_COLORS / BUCKET_COLORS: the same colour is the same Mức
everywhere), the key figures as cards, the table, and on every slide a footer with the
filters, the as-of date, the data date and how many schools reported.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from kdcl import rules
from kdcl.reports.slides import ChartSpec, Slide
from kdcl.strings import t
from kdcl.text import drop_controls

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.45)
CONTENT_W = SLIDE_W - 2 * MARGIN
FONT = "Arial"  # has every Vietnamese glyph in PowerPoint (Windows, macOS)
NAVY = "12355B"
TEXT = "1F1F1F"
GREY = "555555"
MAX_CELL_CHARS = 64

CHART_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "barh": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked_barh": XL_CHART_TYPE.BAR_STACKED,
}


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def _text(frame, text: str, size: float, *, bold: bool = False, color: str = TEXT, align=None) -> None:
    """Replace a text frame's content with one run."""
    frame.word_wrap = True
    frame.clear()
    para = frame.paragraphs[0]
    para.text = ""
    run = para.add_run()
    run.text = drop_controls(text)  # python-pptx would show a control character as "_x0007_"
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = _rgb(color)
    if align is not None:
        para.alignment = align


def _add_paragraph(frame, text: str, size: float, *, bold: bool = False, color: str = TEXT, align=None) -> None:
    para = frame.add_paragraph()
    if align is not None:
        para.alignment = align
    run = para.add_run()
    run.text = drop_controls(text)
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = _rgb(color)


def _textbox(slide, left, top, width, height, text: str, size: float, **kw):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.margin_left = frame.margin_right = Inches(0.02)
    frame.margin_top = frame.margin_bottom = Inches(0.01)
    _text(frame, text, size, **kw)
    return box


def _cell_text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return rules.format_number(value)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1].rstrip() + "…"


# --------------------------------------------------------------------------- pieces


def _figures(slide, figures, top) -> int:
    """Key figures as cards in one row; returns the height used."""
    n = len(figures)
    gap = Inches(0.15)
    width = int((CONTENT_W - gap * (n - 1)) / n)
    height = Inches(1.35)
    for i, fig in enumerate(figures):
        left = MARGIN + i * (width + gap)
        card = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
        card.adjustments[0] = 0.08
        card.fill.solid()
        card.fill.fore_color.rgb = _rgb("F4F6F9")
        card.line.color.rgb = _rgb(fig.color or NAVY)
        card.line.width = Pt(1.5)
        card.shadow.inherit = False
        frame = card.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.TOP
        frame.margin_left = frame.margin_right = Inches(0.12)
        frame.margin_top = Inches(0.06)
        left_align = PP_ALIGN.LEFT
        _text(frame, fig.value, 28 if len(fig.value) <= 8 else 22, bold=True, color=fig.color or TEXT,
              align=left_align)
        _add_paragraph(frame, fig.label, 13, bold=True, color="333333", align=left_align)
        if fig.note:
            _add_paragraph(frame, fig.note, 11, color=GREY, align=left_align)
    return height


def _label_every_category(cat_ax) -> None:
    """<c:tickLblSkip val="1"/>: PowerPoint would otherwise skip labels of long category lists
    (schema order: before tickMarkSkip and noMultiLvlLbl)."""
    skip = cat_ax.find(qn("c:tickLblSkip"))
    if skip is None:
        skip = cat_ax.makeelement(qn("c:tickLblSkip"), {})
        following = cat_ax.find(qn("c:tickMarkSkip"))
        if following is None:
            following = cat_ax.find(qn("c:noMultiLvlLbl"))
        if following is not None:
            following.addprevious(skip)
        else:
            cat_ax.append(skip)
    skip.set("val", "1")


def _chart(slide, spec: ChartSpec, left, top, width, height) -> None:
    chart_data = CategoryChartData(number_format="#,##0")
    chart_data.categories = spec.categories()
    for series in spec.series:
        chart_data.add_series(series.name, spec.values(series), number_format="#,##0")
    frame = slide.shapes.add_chart(CHART_TYPES[spec.kind], left, top, width, height, chart_data)
    chart = frame.chart
    chart.font.name, chart.font.size = FONT, Pt(14)
    chart.has_title = bool(spec.title)
    if spec.title:
        chart.chart_title.text_frame.text = spec.title
        title_run = chart.chart_title.text_frame.paragraphs[0].runs[0]
        title_run.font.size, title_run.font.bold, title_run.font.name = Pt(15), True, FONT
    stacked = spec.kind == "stacked_barh"
    plot = chart.plots[0]
    plot.gap_width = 60
    if stacked:
        plot.overlap = 100
    plot.vary_by_categories = False
    for series, spec_series in zip(plot.series, spec.series):
        series.invert_if_negative = False
        if spec_series.point_colors:
            for i, color in enumerate(spec_series.point_colors):
                point = series.points[i]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = _rgb(color)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(spec_series.color or "#" + NAVY)
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.size, labels.font.name = Pt(14), FONT
    labels.number_format, labels.number_format_is_linked = "#,##0;-#,##0;;", False  # zero: no label
    labels.position = XL_LABEL_POSITION.CENTER if stacked else XL_LABEL_POSITION.OUTSIDE_END
    if not stacked:
        labels.number_format = "#,##0"
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size, chart.legend.font.name = Pt(14), FONT
    category, value = chart.category_axis, chart.value_axis
    category.tick_labels.font.size = Pt(14 if len(spec.data) <= 6 else 12)
    category.has_major_gridlines = False
    _label_every_category(category._element)
    if spec.kind in ("barh", "stacked_barh"):
        category.reverse_order = True  # first category on top, as on the page
        # and the value axis stays at the bottom: it crosses the (reversed) category axis at its maximum
        crosses = value._element.find(qn("c:crosses"))
        if crosses is not None:
            crosses.set("val", "max")
    value.has_major_gridlines = True
    value.major_gridlines.format.line.color.rgb = _rgb("E6E6E6")
    value.tick_labels.font.size = Pt(12)
    value.tick_labels.number_format, value.tick_labels.number_format_is_linked = "#,##0", False
    value.minimum_scale = 0
    top_value = max((sum(vals) for vals in zip(*[spec.values(s) for s in spec.series])), default=0)
    if top_value <= 5:
        value.maximum_scale, value.major_unit = max(1, top_value + 1), 1
    value.has_title = True
    value.axis_title.text_frame.text = spec.value_title
    axis_run = value.axis_title.text_frame.paragraphs[0].runs[0]
    axis_run.font.size, axis_run.font.bold, axis_run.font.name = Pt(12), False, FONT


def _table(slide, slide_model: Slide, left, top, width, max_height) -> None:
    table = slide_model.table
    rows, cols = len(table) + 1, len(table.columns)
    dense = len(table) > 8
    size = 11 if dense else 13
    row_h = Inches(0.3 if dense else 0.36)
    shape = slide.shapes.add_table(rows, cols, left, top, width, min(max_height, row_h * rows))
    grid = shape.table
    grid.first_row = True
    grid.horz_banding = False
    numeric = set(slide_model.numeric_columns)
    # column widths: numbers narrow, text by its length
    weights = []
    for col in table.columns:
        longest = max([len(_cell_text(v)) for v in table[col]] + [min(len(str(col)), 14)])
        weights.append(min(longest, 10) if col in numeric else min(max(longest, 8), 40))
    total = sum(weights)
    used = 0
    for i, w in enumerate(weights):
        col_w = int(width * w / total) if i < cols - 1 else width - used
        grid.columns[i].width = Emu(col_w)
        used += col_w
    for r in range(rows):
        grid.rows[r].height = row_h
        for c, col in enumerate(table.columns):
            cell = grid.cell(r, c)
            cell.margin_left = cell.margin_right = Inches(0.06)
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            text = str(col) if r == 0 else _cell_text(table.iloc[r - 1, c])
            align = PP_ALIGN.RIGHT if col in numeric else PP_ALIGN.LEFT
            color = "FFFFFF" if r == 0 else TEXT
            _text(cell.text_frame, text, size, bold=(r == 0 or c == 0), color=color, align=align)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(NAVY if r == 0 else ("F4F6F9" if r % 2 == 0 else "FFFFFF"))


def _footer(slide, model: Slide, number: int, total: int) -> None:
    top = SLIDE_H - Inches(0.5)
    line = slide.shapes.add_connector(1, MARGIN, top, SLIDE_W - MARGIN, top)
    line.line.color.rgb = _rgb("CCCCCC")
    line.line.width = Pt(0.75)
    _textbox(slide, MARGIN, top + Inches(0.05), CONTENT_W - Inches(0.8), Inches(0.4), model.context.footer(), 10,
             color="444444")
    _textbox(slide, SLIDE_W - MARGIN - Inches(0.8), top + Inches(0.05), Inches(0.8), Inches(0.4),
             t("present.page_of", n=number, total=total), 10, bold=True, color="444444", align=PP_ALIGN.RIGHT)


# --------------------------------------------------------------------------- deck


def build_pptx(slides: Sequence[Slide]) -> bytes:
    """The slides as a 16:9 .pptx with native charts."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    blank = prs.slide_layouts[6]
    if slides:
        prs.core_properties.title = slides[0].title
        prs.core_properties.subject = slides[0].context.line()
    prs.core_properties.language = "vi-VN"
    for number, model in enumerate(slides, start=1):
        slide = prs.slides.add_slide(blank)
        _textbox(slide, MARGIN, Inches(0.3), CONTENT_W, Inches(0.65), model.title, 30, bold=True, color=NAVY)
        _textbox(slide, MARGIN, Inches(0.95), CONTENT_W, Inches(0.45), model.subtitle, 15, color="444444")
        top = Inches(1.5)
        if model.figures:
            top += _figures(slide, model.figures, top) + Inches(0.2)
        bottom = SLIDE_H - Inches(0.6)
        body_h = bottom - top
        gap = Inches(0.3)
        if model.layout == "stack":
            table_h = 0 if model.table.empty else min(int(body_h * 0.45), Inches(0.36) * (len(model.table) + 1))
            chart_h = body_h - table_h - (gap if table_h else 0)
            chart_box = (MARGIN, top, CONTENT_W, chart_h)
            table_box = (MARGIN, top + chart_h + gap, CONTENT_W, table_h)
        else:
            chart_w = int(CONTENT_W * model.chart_share)
            chart_box = (MARGIN, top, chart_w, body_h)
            table_box = (MARGIN + chart_w + gap, top, CONTENT_W - chart_w - gap, body_h)
        if model.chart is not None:
            _chart(slide, model.chart, *chart_box)
        elif model.note:
            _textbox(slide, chart_box[0], chart_box[1] + Inches(0.3), chart_box[2], Inches(1.0), model.note, 20,
                     color="333333")
        if not model.table.empty:
            _table(slide, model, *table_box)
        _footer(slide, model, number, len(slides))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
