"""Pure chart functions: DataFrame in, plotly Figure out (no Streamlit, no database).

Colours are fixed per meaning and shared by every page: the same colour is the same
Mức everywhere, and plan-item statuses use a palette that never reuses a Mức colour.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kdcl.rules import format_date
from kdcl.strings import BUCKET_LABELS, LEVEL_LABELS, LEVEL_ORDER, t

# Mức: a diverging red-to-blue scale (readable for red-green colour blindness)
LEVEL_COLORS: dict[int | None, str] = {
    None: "#bdbdbd",
    0: "#b2182b",
    1: "#ef8a62",
    2: "#67a9cf",
    3: "#2166ac",
}


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2) of a "#rrggbb" colour: 0 black .. 1 white."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two "#rrggbb" colours (1 .. 21; text wants at least 4.5)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def pill_text_color(fill: str) -> str:
    """The text colour Streamlit's tables draw on a coloured label (a MultiselectColumn option):
    black on a fill of relative luminance above 0.5, else white."""
    return "#000000" if luminance(fill) > 0.5 else "#ffffff"


def readable_fill(color: str, min_contrast: float = 4.5) -> str:
    """`color` as the fill of a table label whose text Streamlit colours itself (pill_text_color): kept when
    the text reads on it, else mixed with white, in steps, until the text turns black and reads (the
    same hue, lighter: a projector washes out white text on a light fill)."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    fill = color
    for step in range(1, 21):
        if contrast(fill, pill_text_color(fill)) >= min_contrast:
            return fill
        fill = "#" + "".join(f"{round(c + (255 - c) * step / 20):02x}" for c in rgb)
    return fill


# the level labels of tables (ui.level_column): LEVEL_COLORS, lightened where white text would not read
LEVEL_PILL_COLORS: dict[int | None, str] = {level: readable_fill(c) for level, c in LEVEL_COLORS.items()}

BUCKET_COLORS: dict[str, str] = {
    "overdue": "#d7301f",
    "at_risk": "#fdae38",
    "on_track": "#8c6bb1",
    "no_deadline": "#a6a6a6",
    "done": "#1b9e77",
    "dropped": "#5f5f5f",
}
BUCKET_ORDER = list(BUCKET_COLORS)

FONT = dict(family="Inter, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif", size=14)


def _layout_base(title: str | None, height: int, showlegend: bool | None = None) -> dict:
    """The shared look as a layout dict (x/y axes as "xaxis"/"yaxis")."""
    return dict(
        title=dict(text=title, x=0, xanchor="left", y=1, yref="container", yanchor="top", pad=dict(t=8))
        if title
        else None,
        font=FONT,
        height=height,
        margin=dict(l=10, r=10, t=(80 if showlegend else 50) if title else 10, b=10),
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title=None, traceorder="normal"),
        separators=",.",  # Vietnamese: comma decimals, dot thousands
        xaxis=dict(showgrid=False, linecolor="#cccccc"),
        yaxis=dict(gridcolor="#eeeeee", zeroline=False),
    )


def _merged(*parts: dict) -> dict:
    """Layout dicts merged as plotly's update does (nested dicts merge, the later value wins)."""
    out: dict = {}
    for part in parts:
        for key, value in part.items():
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = _merged(out[key], value)
            else:
                out[key] = value
    return out


def _figure(traces: list, *layouts: dict) -> go.Figure:
    """A figure built in one go: every plotly update call validates the layout again, so
    building traces and layout first and the figure once is several times faster than
    add_trace/update_layout/add_vline one by one. The figure is the same (only the empty
    objects an update with None leaves behind, such as "title": {}, are not written). Traces are plain
    dicts (type="bar", ...): the figure validates them once, where go.Bar objects are validated twice."""
    return go.Figure(data=traces, layout=_merged(*layouts))


def empty_figure() -> go.Figure:
    """A chart with nothing in it (loads the browser's chart library ahead of the first real chart)."""
    return go.Figure(layout=dict(height=10, margin=dict(l=0, r=0, t=0, b=0), xaxis=dict(visible=False),
                                 yaxis=dict(visible=False)))


def base_layout(fig: go.Figure, title: str | None = None, height: int = 360) -> go.Figure:
    """The shared look applied to a figure, in one layout update."""
    layout = _layout_base(title, height, fig.layout.showlegend)
    xaxis, yaxis = layout.pop("xaxis"), layout.pop("yaxis")
    fig.update_layout(
        **layout,
        # every axis of the figure (what update_xaxes / update_yaxes would select)
        **{name: xaxis for name in _axis_names(fig, "x")},
        **{name: yaxis for name in _axis_names(fig, "y")},
    )
    return fig


def _axis_names(fig: go.Figure, letter: str) -> list[str]:
    """Layout names of the figure's x or y axes ("xaxis", "xaxis2", ...)."""
    names = [name for name in fig.layout if name.startswith(letter + "axis")]
    return names or [letter + "axis"]


def level_bar(counts: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Schools per overall level. `counts`: columns level (None/0..3), schools."""
    by_level = {lvl: 0 for lvl in LEVEL_ORDER}
    for lvl, n in zip(counts["level"], counts["schools"]):
        by_level[None if pd.isna(lvl) else int(lvl)] += int(n)
    levels = [lvl for lvl in LEVEL_ORDER if lvl is not None or by_level[None] > 0]
    fig = go.Figure(
        dict(type="bar",
            x=[LEVEL_LABELS[lvl] for lvl in levels],
            y=[by_level[lvl] for lvl in levels],
            marker_color=[LEVEL_COLORS[lvl] for lvl in levels],
            text=[by_level[lvl] for lvl in levels],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y} " + t("chart.unit.schools") + "<extra></extra>",
        )
    )
    fig.update_yaxes(title=t("chart.axis.schools"), range=[0, max(1, max(by_level.values())) * 1.15])
    fig.update_xaxes(title=None)
    return base_layout(fig, title)


# a legend under the chart: placed in the figure's own box (not the plot area's), so plotly widens the
# bottom margin for as many rows as the legend wraps into, whatever the width; the chart is made taller
# by LEGEND_BELOW_PX so that the bars keep their room
LEGEND_BELOW = dict(orientation="h", xref="container", x=0, xanchor="left", yref="container", y=0,
                    yanchor="bottom")
LEGEND_BELOW_PX = 50


def level_share_by_group(
    counts: pd.DataFrame, group: str, group_labels: dict[str, str], title: str | None = None
) -> go.Figure:
    """Share of schools at each level within each group (a 100% stacked bar per group).
    `counts`: columns <group>, level, schools.
    The legend goes under the chart, across its whole width (LEGEND_BELOW): above the plot it wrapped
    at the plot area's width, and long group labels (units) left so narrow a plot area that its rows
    covered the title."""
    groups = [g for g in group_labels if g in set(counts[group])]
    totals = counts.groupby(group)["schools"].sum()
    level = counts["level"].map(lambda v: None if pd.isna(v) else int(v))
    traces = []
    for lvl in LEVEL_ORDER:
        rows = counts[level.map(lambda v, lvl=lvl: v == lvl)]
        if rows.empty:
            continue
        n = rows.set_index(group)["schools"].reindex(groups).fillna(0)
        traces.append(dict(type="bar",
            y=[group_labels[g] for g in groups],
            x=(n / totals.reindex(groups)).fillna(0).to_numpy(),
            customdata=n.to_numpy(),
            name=LEVEL_LABELS[lvl],
            orientation="h",
            marker_color=LEVEL_COLORS[lvl],
            hovertemplate="%{y} · " + LEVEL_LABELS[lvl] + ": %{customdata} " + t("chart.unit.schools")
            + " (%{x:.0%})<extra></extra>",
        ))
    return _figure(
        traces,
        _layout_base(title, max(220, 70 + 45 * len(groups)) + LEGEND_BELOW_PX),
        dict(barmode="stack", showlegend=True, xaxis=dict(tickformat=".0%", range=[0, 1], title=t("col.share")),
             yaxis=dict(autorange="reversed", title=None), legend=LEGEND_BELOW),
    )


def bucket_bar(totals: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Plan items per bucket. `totals`: columns bucket, items."""
    totals = totals.set_index("bucket").reindex(BUCKET_ORDER).fillna(0).reset_index()
    totals = totals[totals["items"] > 0]
    fig = go.Figure(
        dict(type="bar",
            y=[BUCKET_LABELS[b] for b in totals["bucket"]],
            x=totals["items"],
            orientation="h",
            marker_color=[BUCKET_COLORS[b] for b in totals["bucket"]],
            text=totals["items"].astype(int),
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} " + t("chart.unit.items") + "<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=t("chart.axis.items"), range=[0, max(1, totals["items"].max()) * 1.15])
    return base_layout(fig, title, height=max(220, 60 + 42 * len(totals)))


# --------------------------------------------------------------------------- levels pages (issue 4)

MATRIX_ROW_PX = 24


def chart_text(text: object) -> str:
    """Text from the data shown as typed in a chart: Plotly reads <a href>, <b>, <br>... in labels and hover
    text, so < > & become entities (Plotly shows them as the characters) (issue 21)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def short_label(text: str, limit: int) -> str:
    """One line of at most `limit` characters, shown as typed (chart_text)."""
    text = " ".join(str(text).split())
    return chart_text(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def _guide_line(x: float) -> dict:
    """A full-height vertical separator at `x` (what fig.add_vline draws, without its
    per-call cost: a figure gets one layout update with every line)."""
    return dict(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="y domain",
                line=dict(color="#9e9e9e", width=1))


def _standard_guides(criteria: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Vertical separators between standards and a "Tiêu chuẩn n" label over each group
    (x positions are the criteria's indexes): (shapes, annotations) for the layout."""
    std = criteria["standard_no"].tolist()
    starts = [i for i in range(len(std)) if i == 0 or std[i] != std[i - 1]]
    shapes, annotations = [], []
    for n, start in enumerate(starts):
        end = (starts[n + 1] if n + 1 < len(starts) else len(std)) - 1
        if start > 0:
            shapes.append(_guide_line(start - 0.5))
        key = "lvchart.standard" if end - start >= 3 else "lvchart.standard_short"
        annotations.append(dict(
            x=(start + end) / 2, y=1, xref="x", yref="paper", yanchor="bottom", yshift=24, showarrow=False,
            text=t(key, no=std[start]), font=dict(size=12, color="#555555"),
        ))
    return shapes, annotations


ROW_LEVEL_X = -1.5  # the extra column holding each row's overall level


def _matrix_layout(criteria: pd.DataFrame, labels: list[str], height_rows: int,
                   with_row_level: bool = False) -> dict:
    codes = criteria["criterion_code"].tolist()
    tickvals, ticktext = list(range(len(codes))), codes
    shapes = []
    if with_row_level:
        tickvals, ticktext = [ROW_LEVEL_X, *tickvals], [t("lvchart.row_level"), *ticktext]
        shapes.append(_guide_line(-0.75))
    guides, annotations = _standard_guides(criteria)
    return dict(
        xaxis=dict(
            tickvals=tickvals, ticktext=ticktext, side="top",
            range=[(ROW_LEVEL_X - 0.7) if with_row_level else -0.6, len(codes) - 0.4],
            showgrid=False, zeroline=False, tickangle=0, tickfont=dict(size=11), fixedrange=True,
        ),
        yaxis=dict(
            tickvals=list(range(len(labels))), ticktext=labels, range=[len(labels) - 0.5, -0.5],
            showgrid=False, zeroline=False, fixedrange=True, automargin=True,
        ),
        shapes=[*shapes, *guides],
        annotations=annotations,
        height=110 + MATRIX_ROW_PX * height_rows,
        margin=dict(l=10, r=10, t=80, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.02 if height_rows > 8 else -0.1, x=0),
        clickmode="event+select",
        dragmode=False,
    )


def level_matrix(
    cells: pd.DataFrame, criteria: pd.DataFrame, rows: list[str], row_labels: dict[str, str],
    title: str | None = None, row_levels: dict[str, int | None] | None = None,
) -> go.Figure:
    """Criterion x row matrix of levels, one square per cell coloured by Mức.
    `cells`: row_id, criterion_code, level (<NA> = not assessed); `criteria`: criterion_code,
    criterion_name, standard_no in catalog order; `rows`: row ids top to bottom;
    `row_levels`: optional overall level per row, drawn as a first column. A click on a
    square selects it (customdata = [row_id, criterion_code, ...])."""
    x_of = {c: i for i, c in enumerate(criteria["criterion_code"])}
    names = dict(zip(criteria["criterion_code"], criteria["criterion_name"]))
    y_of = {r: i for i, r in enumerate(rows)}
    cells = cells[cells["row_id"].isin(y_of) & cells["criterion_code"].isin(x_of)]
    cells = cells.assign(_level=cells["level"].map(lambda v: None if pd.isna(v) else int(v)))
    overall = pd.DataFrame({"row_id": list(row_levels or {}), "_level": [
        None if v is None or pd.isna(v) else int(v) for v in (row_levels or {}).values()]})
    overall = overall[overall["row_id"].isin(y_of)]
    traces = []
    size = MATRIX_ROW_PX - 5
    for lvl in [0, 1, 2, 3, None]:
        part = cells[cells["_level"].map(lambda v, lvl=lvl: v == lvl).astype(bool)]
        whole = overall[overall["_level"].map(lambda v, lvl=lvl: v == lvl).astype(bool)]
        if part.empty and whole.empty:
            continue
        x = [*part["criterion_code"].map(x_of), *[ROW_LEVEL_X] * len(whole)]
        y = [*part["row_id"].map(y_of), *whole["row_id"].map(y_of)]
        custom = [
            *zip(part["row_id"], part["criterion_code"], part["row_id"].map(row_labels),
                 (t("lvchart.criterion") + " " + part["criterion_code"] + ": "
                  + part["criterion_code"].map(names)).tolist()),
            *((r, "", row_labels.get(r, r), t("lvchart.row_level_hover")) for r in whole["row_id"]),
        ]
        traces.append(dict(type="scatter",
            x=x, y=y, mode="markers",
            marker=dict(symbol="square", size=size, color=LEVEL_COLORS[lvl], line=dict(width=0)),
            name=LEVEL_LABELS[lvl], customdata=custom,
            hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[3]}<br>" + LEVEL_LABELS[lvl] + "<extra></extra>",
        ))
    return _figure(traces, _layout_base(title, 360),
                   _matrix_layout(criteria, [short_label(row_labels.get(r, r), 34) for r in rows], len(rows),
                                  with_row_level=row_levels is not None))


def _share_color(share: float | None) -> str:
    """Red (few schools reach the level) through white to blue (nearly all do)."""
    if share is None or pd.isna(share):
        return LEVEL_COLORS[None]
    low, mid, high = (0xB2, 0x18, 0x2B), (0xF7, 0xF7, 0xF7), (0x21, 0x66, 0xAC)
    a, b, f = (low, mid, share * 2) if share < 0.5 else (mid, high, share * 2 - 1)
    return "#" + "".join(f"{round(x + (y - x) * f):02x}" for x, y in zip(a, b))


def share_matrix(
    cells: pd.DataFrame, criteria: pd.DataFrame, rows: list[str], row_labels: dict[str, str], level: int,
    title: str | None = None,
) -> go.Figure:
    """Criterion x group matrix: each square shows the share of the group's schools with
    the criterion at mức `level` or above (text = %, colour red -> blue), the hover the
    schools at every level. `cells`: row_id, criterion_code, schools, n0..n3, share
    (<NA> where the criterion has no such level). Clickable like level_matrix."""
    x_of = {c: i for i, c in enumerate(criteria["criterion_code"])}
    y_of = {r: i for i, r in enumerate(rows)}
    cells = cells[cells["row_id"].isin(y_of) & cells["criterion_code"].isin(x_of)]
    share = cells["share"].astype("Float64")
    text = share.map(lambda s: "–" if pd.isna(s) else f"{round(float(s) * 100):d}")
    short = {0: t("lvchart.level0_short"), 1: LEVEL_LABELS[1], 2: LEVEL_LABELS[2], 3: LEVEL_LABELS[3]}
    # the hover is kept short: it is repeated for each of up to ~1.000 squares
    detail = [" · ".join(f"{short[k]}: {int(n)}" for k, n in enumerate(ns))
              for ns in cells[["n0", "n1", "n2", "n3"]].to_numpy()]
    share_text = share.map(lambda s: t("lvchart.share_na") if pd.isna(s) else f"{float(s) * 100:.0f}%")
    trace = dict(type="scatter",
        x=cells["criterion_code"].map(x_of),
        y=cells["row_id"].map(y_of),
        mode="markers+text",
        marker=dict(symbol="square", size=MATRIX_ROW_PX - 3, line=dict(width=0),
                    color=[_share_color(None if pd.isna(s) else float(s)) for s in share]),
        text=text,
        textfont=dict(size=9, color=["#ffffff" if not pd.isna(s) and (s < 0.2 or s > 0.8) else "#222222"
                                     for s in share]),
        showlegend=False,
        customdata=list(zip(cells["row_id"], cells["criterion_code"], cells["row_id"].map(row_labels),
                            share_text, detail)),
        hovertemplate="<b>%{customdata[2]}</b><br>" + t("lvchart.criterion") + " %{customdata[1]} · "
        + t("lvchart.share_at_least", level=level) + ": %{customdata[3]}<br>%{customdata[4]}<extra></extra>",
    )
    return _figure([trace], _layout_base(title, 360),
                   _matrix_layout(criteria, [short_label(row_labels.get(r, r), 38) for r in rows], len(rows)))


def criterion_level_shares(distribution: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Per criterion (catalog order, top to bottom): share of assessed schools at each level.
    `distribution`: criterion_code, criterion_name, schools, n0..n3 (see data.levels)."""
    labels = [f"{c} · {short_label(n, 42)}"
              for c, n in zip(distribution["criterion_code"], distribution["criterion_name"])]
    total = distribution["schools"].replace(0, pd.NA)
    fig = go.Figure()
    for lvl in (0, 1, 2, 3):
        n = distribution[f"n{lvl}"]
        if not n.any():
            continue
        share = (n / total).astype("Float64").fillna(0.0)
        fig.add_bar(
            y=labels, x=share.to_numpy(dtype=float), orientation="h", name=LEVEL_LABELS[lvl],
            marker_color=LEVEL_COLORS[lvl], customdata=list(zip(n, distribution["schools"])),
            hovertemplate="%{y}<br>" + LEVEL_LABELS[lvl] + ": %{customdata[0]}/%{customdata[1]} "
            + t("lvchart.schools_word") + " (%{x:.0%})<extra></extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.25)
    fig.update_xaxes(tickformat=".0%", range=[0, 1], title=None, fixedrange=True)
    fig.update_yaxes(autorange="reversed", title=None, tickfont=dict(size=12), fixedrange=True)
    return base_layout(fig, title, height=90 + 22 * len(distribution))


def blocking_bar(counts: pd.DataFrame, labels: dict[str, str], title: str | None = None) -> go.Figure:
    """Criteria keeping the most schools from their next level, stacked by that level.
    `counts`: criterion_code, target_level, schools; `labels`: code -> axis label."""
    order = counts.groupby("criterion_code", sort=False)["schools"].sum().sort_values(ascending=False).index.tolist()
    fig = go.Figure()
    for lvl in (1, 2, 3):
        part = counts[counts["target_level"] == lvl].set_index("criterion_code")["schools"].reindex(order)
        if part.isna().all():
            continue
        fig.add_bar(
            y=[labels.get(c, c) for c in order], x=part.fillna(0).to_numpy(), orientation="h",
            name=t("lvchart.blocks_level", level=lvl), marker_color=LEVEL_COLORS[lvl],
            hovertemplate="%{y}<br>" + t("lvchart.blocks_level", level=lvl) + ": %{x} "
            + t("lvchart.schools_word") + "<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=t("chart.axis.schools"), rangemode="tozero", fixedrange=True)
    fig.update_yaxes(autorange="reversed", title=None, tickfont=dict(size=12), fixedrange=True)
    return base_layout(fig, title, height=100 + 28 * len(order))


def plan_timeline(items: pd.DataFrame, as_of, year_start, year_end, title: str | None = None) -> go.Figure:
    """Gantt of plan items coloured by bucket, in plan order. `items`: criterion_code,
    weakness, measures, lead, time_text, start_date, due_date, bucket, days_late, status.
    Items without dates (ongoing) span the school year [year_start, year_end]; overdue items
    get a dark outline and "quá hạn n ngày"; a dashed line marks `as_of`."""
    items = items.reset_index(drop=True)
    due = pd.to_datetime(items["due_date"])
    start = pd.to_datetime(items["start_date"])
    start = start.fillna(due.dt.to_period("M").dt.start_time)
    undated = due.isna()
    start = start.where(~undated, pd.Timestamp(year_start))
    end = due.where(~undated, pd.Timestamp(year_end)) + pd.Timedelta(days=1)
    labels = [f"{i + 1}. {c} · {short_label(w or m or '', 40)}" for i, (c, w, m) in
              enumerate(zip(items["criterion_code"], items["weakness"], items["measures"]))]
    traces = []
    for bucket in BUCKET_ORDER:
        rows = items.index[items["bucket"] == bucket]
        if len(rows) == 0:
            continue
        overdue = bucket == "overdue"
        late = items.loc[rows, "days_late"]
        traces.append(dict(type="bar",
            y=[labels[i] for i in rows],
            base=start[rows].dt.strftime("%Y-%m-%d").tolist(),
            x=((end[rows] - start[rows]).dt.total_seconds() * 1000).tolist(),
            orientation="h",
            name=BUCKET_LABELS[bucket],
            marker=dict(color=BUCKET_COLORS[bucket], line=dict(color="#67000d" if overdue else "white",
                                                               width=2 if overdue else 0.5),
                        opacity=[0.55 if undated[i] else 1 for i in rows]),
            text=[t("lvchart.days_late", days=int(d)) if overdue and pd.notna(d) else "" for d in late],
            textposition="outside", cliponaxis=False, textfont=dict(color="#b2182b", size=12),
            customdata=list(zip(items.loc[rows, "time_text"].fillna("–").map(chart_text),
                                items.loc[rows, "lead"].fillna("–").map(chart_text),
                                items.loc[rows, "measures"].fillna("").map(lambda s: short_label(s, 90)))),
            hovertemplate="<b>%{y}</b><br>" + BUCKET_LABELS[bucket] + " · %{customdata[0]}<br>"
            + t("lvchart.lead") + ": %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        ))
    as_of_text = pd.Timestamp(as_of).strftime("%Y-%m-%d")
    as_of_line = dict(type="line", x0=as_of_text, x1=as_of_text, y0=0, y1=1, yref="paper",
                      line=dict(color="#333333", width=1.5, dash="dash"))
    lo = min(pd.Timestamp(year_start), start.min(), pd.Timestamp(as_of)) - pd.Timedelta(days=10)
    hi = max(pd.Timestamp(year_end), end.max(), pd.Timestamp(as_of)) + pd.Timedelta(days=25)
    near = (hi - lo) * 0.12  # keep the as-of label inside the plot at either end
    anchor = "right" if pd.Timestamp(as_of) > hi - near else "left" if pd.Timestamp(as_of) < lo + near else "center"
    as_of_label = dict(x=as_of_text, y=1, yref="paper", yanchor="bottom", yshift=30, showarrow=False,
                       xanchor=anchor, text=t("lvchart.as_of", date=format_date(as_of)),
                       font=dict(size=12, color="#333333"))
    months = (hi - lo).days / 30
    own = dict(
        shapes=[as_of_line],
        annotations=[as_of_label],
        xaxis=dict(type="date", range=[lo, hi], tickformat="%m/%Y",
                   dtick="M1" if months <= 13 else "M2" if months <= 26 else "M3", tickangle=0,
                   showgrid=True, gridcolor="#eeeeee"),
        yaxis=dict(autorange="reversed", title=None, categoryorder="array", categoryarray=labels,
                   tickfont=dict(size=12)),
        barmode="overlay",
        bargap=0.35,
    )
    return _figure(traces, own, _layout_base(title, 130 + 30 * len(items)),
                   dict(margin=dict(l=10, r=10, t=90 if title else 60, b=10)))


def peer_position(quartiles: tuple[float, float, float], value: int, total: int, level: int,
                  title: str | None = None) -> go.Figure:
    """Where one school's count of criteria at mức `level` or above sits against the middle
    half of its peers (Q1-Q3 band, median line): a position, never a rank."""
    q1, q2, q3 = quartiles
    traces = [
        dict(type="bar", y=[""], x=[max(q3 - q1, 0.15)], base=[q1 - (0.075 if q3 == q1 else 0)], orientation="h",
               marker_color="#d9d9d9", name=t("lvchart.peer_middle"), width=0.5,
               hovertemplate=t("lvchart.peer_middle") + ": %{base:.1f} – %{x:.1f}<extra></extra>"),
        dict(type="scatter", y=[""], x=[q2], mode="markers", marker=dict(symbol="line-ns", size=26,
                   line=dict(width=3, color="#555555")), name=t("lvchart.peer_median"),
                   hovertemplate=t("lvchart.peer_median") + ": %{x:.1f}<extra></extra>"),
        dict(type="scatter", y=[""], x=[value], mode="markers+text", marker=dict(symbol="diamond", size=16,
                   color=LEVEL_COLORS[level]), text=[t("lvchart.peer_this_school")], textposition="top center",
                   name=t("lvchart.peer_this_school"), hovertemplate="%{x}<extra></extra>"),
    ]
    pad = max(2.0, total * 0.15)
    lo, hi = max(0.0, min(value, q1) - pad), min(float(total), max(value, q3) + pad)
    return _figure(
        traces,
        dict(xaxis=dict(range=[lo - 0.5, hi + 0.5], title=t("lvchart.criteria_at_least", level=level, total=total),
                        fixedrange=True, showgrid=True, gridcolor="#eeeeee", dtick=1 if hi - lo <= 12 else 2),
             yaxis=dict(showticklabels=False, fixedrange=True)),
        _layout_base(title, 190),
    )


def assessment_difference_bar(frame: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Per criterion: schools whose external assessment is lower (left, red) or higher
    (right, blue) than their self-assessment. `frame`: label, external_lower,
    external_higher, schools (criteria with at least one difference)."""
    frame = frame.assign(_n=frame["external_lower"] + frame["external_higher"]).sort_values("_n", ascending=False)
    fig = go.Figure()
    fig.add_bar(y=frame["label"], x=-frame["external_lower"], orientation="h", name=t("lvchart.external_lower"),
                marker_color=LEVEL_COLORS[0], customdata=list(zip(frame["external_lower"], frame["schools"])),
                hovertemplate="%{y}<br>" + t("lvchart.external_lower") + ": %{customdata[0]}/%{customdata[1]} "
                + t("lvchart.schools_word") + "<extra></extra>")
    fig.add_bar(y=frame["label"], x=frame["external_higher"], orientation="h", name=t("lvchart.external_higher"),
                marker_color=LEVEL_COLORS[3], customdata=list(zip(frame["external_higher"], frame["schools"])),
                hovertemplate="%{y}<br>" + t("lvchart.external_higher") + ": %{customdata[0]}/%{customdata[1]} "
                + t("lvchart.schools_word") + "<extra></extra>")
    left = max(1, int(frame["external_lower"].max()))
    right = max(1, int(frame["external_higher"].max()))
    step = max(1, -(-max(left, right) // 5))
    ticks = [v for v in range(-left - left % step, right + 1, step) if -left <= v <= right]
    fig.update_layout(barmode="relative")
    fig.update_xaxes(range=[-left - 0.5, right + 0.5], tickvals=ticks, ticktext=[str(abs(v)) for v in ticks],
                     title=t("chart.axis.schools"), zeroline=True, zerolinecolor="#888888", fixedrange=True)
    fig.update_yaxes(autorange="reversed", title=None, tickfont=dict(size=12), fixedrange=True)
    return base_layout(fig, title, height=110 + 26 * len(frame))


# --------------------------------------------------------------------------- overdue page (issue 5)

# how late overdue items are: light to dark shades of the overdue red (no Mức colour reused)
AGING_COLORS: dict[str, str] = {"lt30": "#fcae91", "30_90": "#e34a33", "gt90": "#7f0000"}
AGING_COLUMNS = {"lt30": "lt30", "30_90": "d30_90", "gt90": "gt90"}


def _overdue_count(n: int) -> str:
    """A count as Vietnamese write it: 3.490 (dot thousands)."""
    return f"{int(n):,}".replace(",", ".")


def aging_bar(counts: dict[str, int], labels: dict[str, str], title: str | None = None) -> go.Figure:
    """Overdue items by how late (one bar per band). `counts`: band -> items."""
    bands = list(AGING_COLORS)
    values = [int(counts.get(b, 0)) for b in bands]
    fig = go.Figure(
        dict(type="bar",
            x=[labels[b] for b in bands],
            y=values,
            marker_color=[AGING_COLORS[b] for b in bands],
            text=[_overdue_count(v) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:,d} " + t("chart.unit.items") + "<extra></extra>",
        )
    )
    fig.update_yaxes(title=t("chart.axis.items"), range=[0, max(1, max(values)) * 1.2], tickformat=",d")
    fig.update_xaxes(title=None)
    return base_layout(fig, title, height=300)


def _overdue_label(text: str, width: int = 34, lines: int = 2) -> str:
    """A long category label on at most `lines` lines of about `width` characters
    (the full text is in the hover)."""
    words, out, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return "<br>".join(out)


def overdue_groups_bar(
    groups: pd.DataFrame, band_labels: dict[str, str], title: str | None = None, label_width: int = 34
) -> go.Figure:
    """Overdue items per group (school, lead role, criterion, ...), stacked by how late,
    in the given order (largest first). `groups`: columns label, lt30, d30_90, gt90, items.
    Rows are keyed by position, so two groups with similar labels never merge."""
    groups = groups.reset_index(drop=True)
    rows = [f"g{i}" for i in range(len(groups))]
    fig = go.Figure()
    for band, column in AGING_COLUMNS.items():
        fig.add_bar(
            y=rows,
            x=groups[column],
            name=band_labels[band],
            orientation="h",
            marker_color=AGING_COLORS[band],
            customdata=groups["label"],
            hovertemplate="%{customdata}<br>" + band_labels[band] + ": %{x:,d} " + t("chart.unit.items") + "<extra></extra>",
        )
    fig.add_scatter(  # the total at the end of each bar
        y=rows,
        x=groups["items"],
        mode="text",
        text=[" " + _overdue_count(n) for n in groups["items"]],
        textposition="middle right",
        cliponaxis=False,
        showlegend=False,
        hoverinfo="skip",
    )
    fig.update_layout(barmode="stack", showlegend=True, bargap=0.3)
    fig.update_yaxes(
        autorange="reversed",
        title=None,
        type="category",
        tickmode="array",
        tickvals=rows,
        ticktext=[_overdue_label(x, label_width) for x in groups["label"]],
    )
    fig.update_xaxes(title=t("chart.axis.items"), range=[0, max(1, groups["items"].max()) * 1.2], tickformat=",d")
    return base_layout(fig, title, height=max(240, 120 + 40 * len(groups)))


# --------------------------------------------------------------------------- weaknesses page (issue 6)

# schools with a weakness: sand to dark brown (no Mức or status colour reused)
WEAKNESS_SCALE = ["#f6e8c3", "#dfc27d", "#bf812d", "#8c510a", "#543005"]
WEAKNESS_COLORS = {"chronic": "#8c510a", "other": "#dfc27d"}
WEAKNESS_STANDARD_COLOR = "#f4f1ea"


def _weak_label(code: str, name: str, limit: int = 44) -> str:
    text = f"{code} · {' '.join(str(name).split())}"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _weak_color(fraction: float) -> str:
    from plotly.colors import sample_colorscale

    return sample_colorscale(WEAKNESS_SCALE, [min(1.0, max(0.0, fraction))])[0]


def _weak_hover(row) -> str:
    from kdcl.rules import format_percent

    known = int(row.level_known_schools)
    return t(
        "weak.hover.criterion",
        code=row.criterion_code,
        name=row.criterion_name,
        schools=int(row.schools_with_items),
        total=int(row.schools_in_scope),
        share=format_percent(row.share, 0),
        chronic=int(row.chronic_schools),
        below=t("weak.below_value", below=int(row.below_target_schools), known=known) if known else "–",
        items=int(row.items),
        overdue=int(row.overdue_items),
    )


def weakness_ranking(rows: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Criteria by number of schools with a plan item on them, largest at the top: each bar
    split into schools with a chronic weakness (dark) and the others (light), "n trường · x%"
    at its end. `rows` (see kdcl.data.weaknesses.ranking): criterion_code, criterion_name,
    schools_with_items, schools_in_scope, share, chronic_schools, level_known_schools,
    below_target_schools, items, overdue_items. customdata[0] of every point is the code."""
    from kdcl.rules import format_percent

    rows = rows.reset_index(drop=True)
    labels = [_weak_label(c, n) for c, n in zip(rows["criterion_code"], rows["criterion_name"])]
    custom = list(zip(rows["criterion_code"], [_weak_hover(r) for r in rows.itertuples()]))
    chronic = rows["chronic_schools"].astype(int)
    parts = [("chronic", chronic), ("other", rows["schools_with_items"].astype(int) - chronic)]
    fig = go.Figure()
    for part, values in parts:
        fig.add_bar(
            y=labels,
            x=values,
            name=t(f"weak.legend.{part}"),
            orientation="h",
            marker_color=WEAKNESS_COLORS[part],
            customdata=custom,
            hovertemplate="%{customdata[1]}<extra></extra>",
        )
    fig.add_scatter(
        y=labels,
        x=rows["schools_with_items"],
        mode="text",
        text=[t("weak.bar.text", schools=int(n), share=format_percent(s, 0))
              for n, s in zip(rows["schools_with_items"], rows["share"])],
        textposition="middle right",
        cliponaxis=False,
        customdata=custom,
        showlegend=False,
        hovertemplate="%{customdata[1]}<extra></extra>",
    )
    fig.update_layout(barmode="stack", bargap=0.3, clickmode="event+select")
    fig.update_yaxes(autorange="reversed", title=None, type="category")
    top = int(rows["schools_with_items"].max()) if len(rows) else 1
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10**9) if s * 6 >= top)
    fig.update_xaxes(title=None, range=[0, max(1, top) * 1.25], rangemode="tozero", dtick=step)
    base_layout(fig, title, height=max(240, 90 + 28 * len(rows)))
    fig.update_layout(legend=dict(x=1, xanchor="right", y=1.02, yanchor="bottom"), margin=dict(r=30))
    return fig


def weakness_treemap(criteria: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Standard -> criterion treemap of one framework: box size = schools with a plan item on
    the criterion, colour = its share of the schools (darker = higher, relative to the
    highest share shown). `criteria`: the columns of weakness_ranking plus standard_no,
    standard_name."""
    from kdcl.rules import format_percent

    rows = criteria[criteria["schools_with_items"] > 0].sort_values(["standard_no", "sort_order"])
    standards = rows.groupby(["standard_no", "standard_name"], as_index=False)["schools_with_items"].sum()
    top_share = float(rows["share"].max()) if len(rows) else 1.0
    ids, labels, parents, values, colors, custom, templates = [], [], [], [], [], [], []
    for std in standards.itertuples():
        ids.append(f"s{std.standard_no}")
        labels.append(t("weak.standard_label", no=std.standard_no))
        parents.append("")
        values.append(int(std.schools_with_items))
        colors.append(WEAKNESS_STANDARD_COLOR)
        custom.append(("", t("weak.hover.standard", no=std.standard_no, name=std.standard_name,
                                pairs=int(std.schools_with_items))))
        templates.append("<b>%{label}</b>")
    for row in rows.itertuples():
        ids.append(f"s{row.standard_no}/{row.criterion_code}")
        labels.append(row.criterion_code)
        parents.append(f"s{row.standard_no}")
        values.append(int(row.schools_with_items))
        colors.append(_weak_color(float(row.share) / top_share if top_share else 0.0))
        custom.append((t("weak.treemap.cell", schools=int(row.schools_with_items)) + " · "
                       + format_percent(row.share, 0), _weak_hover(row)))
        templates.append("<b>%{label}</b><br>%{customdata[0]}")
    fig = go.Figure(
        go.Treemap(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            marker=dict(colors=colors, line=dict(width=1, color="white")),
            customdata=custom,
            texttemplate=templates,
            hovertemplate="%{customdata[1]}<extra></extra>",
            tiling=dict(pad=2),
            pathbar=dict(visible=False),
            sort=False,
        )
    )
    return base_layout(fig, title, height=420)


# --------------------------------------------------------------------------- presentation (issue 8)

SLIDE_FONT_SIZE = 18  # projector/print: larger than the pages' 14
# fonts with every Vietnamese glyph first: on a Linux server "Arial" is Liberation Sans 1.x, which has
# none, and a mix of fonts inside one word looks broken (and breaks PDF text extraction)
SLIDE_FONT_FAMILY = "'Noto Sans', 'Segoe UI', Roboto, 'DejaVu Sans Condensed', 'DejaVu Sans', Arial, sans-serif"


def slide_chart(spec, height: int = 440, width: int | None = None, font_size: int = SLIDE_FONT_SIZE) -> go.Figure:
    """The chart of a presentation slide from its spec (kdcl.reports.slides.ChartSpec: kind
    bar | barh | stacked_barh, data, category, series with colours): large type, the value on
    every bar (and the total after each stacked bar), no title (the slide has one). A fixed
    `width` (px) for print, where a responsive chart could be cut."""
    from kdcl.rules import format_number

    categories = spec.categories()
    horizontal = spec.kind in ("barh", "stacked_barh")
    stacked = spec.kind == "stacked_barh"
    traces = []
    totals = [0.0] * len(categories)
    for series in spec.series:
        values = spec.values(series)
        totals = [a + b for a, b in zip(totals, values)]
        color = list(series.point_colors) if series.point_colors else series.color
        text = [format_number(v) if (v or not stacked) else "" for v in values]
        traces.append(dict(type="bar",
            x=values if horizontal else categories,
            y=categories if horizontal else values,
            orientation="h" if horizontal else "v",
            name=series.name,
            marker=dict(color=color, line=dict(width=0)),
            text=text,
            textposition="inside" if stacked else "outside",
            insidetextanchor="middle",
            textfont=dict(size=font_size),
            cliponaxis=False,
            hovertemplate="%{" + ("y" if horizontal else "x") + "}: %{" + ("x" if horizontal else "y")
            + "}<extra>" + series.name + "</extra>",
        ))
    top = max(totals, default=0) or 1
    if stacked:
        traces.append(dict(type="scatter",
            x=totals, y=categories, mode="text", text=["\u2002" + format_number(v) for v in totals],
            textposition="middle right", textfont=dict(size=font_size, color="#333333"),
            showlegend=False, hoverinfo="skip", cliponaxis=False,
        ))
    step = next(m * 10**e for e in range(12) for m in (1, 2, 5) if m * 10**e >= top / 6)  # whole counts
    value_axis = dict(title=dict(text=spec.value_title, font=dict(size=font_size - 2)), range=[0, top * 1.18],
                      showgrid=True, gridcolor="#e6e6e6", zeroline=False, fixedrange=True,
                      tickfont=dict(size=font_size - 2), separatethousands=True, dtick=step, tick0=0,
                      automargin=True)
    category_axis = dict(title=None, type="category", fixedrange=True, tickfont=dict(size=font_size),
                         automargin=True, showgrid=False, linecolor="#bbbbbb")
    if horizontal:
        axes = dict(xaxis=value_axis, yaxis=dict(**category_axis, autorange="reversed"))
    else:
        axes = dict(yaxis=value_axis, xaxis=category_axis)
    show_legend = len(spec.series) > 1
    return _figure(traces, axes, dict(
        barmode="stack" if stacked else "group",
        bargap=0.3,
        height=height,
        width=width,
        autosize=width is None,
        font=dict(family=SLIDE_FONT_FAMILY, size=font_size, color="#222222"),
        margin=dict(l=10, r=30, t=50 if show_legend else 10, b=10),
        showlegend=show_legend,
        legend=dict(orientation="h", yanchor="bottom", y=1.01, xanchor="left", x=0, title=None,
                    font=dict(size=font_size - 1), traceorder="normal"),
        uniformtext=dict(minsize=max(10, font_size - 6), mode="hide"),
        plot_bgcolor="white",
        paper_bgcolor="white",
        separators=",.",
    ))
