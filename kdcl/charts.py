"""Pure chart functions: DataFrame in, plotly Figure out (no Streamlit, no database).

Colours are fixed per meaning and shared by every page: the same colour is the same
Mức everywhere, and plan-item statuses use a palette that never reuses a Mức colour.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kdcl.strings import BUCKET_LABELS, LEVEL_LABELS, LEVEL_ORDER, t

# Mức: a diverging red-to-blue scale (readable for red-green colour blindness)
LEVEL_COLORS: dict[int | None, str] = {
    None: "#bdbdbd",
    0: "#b2182b",
    1: "#ef8a62",
    2: "#67a9cf",
    3: "#2166ac",
}

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


def base_layout(fig: go.Figure, title: str | None = None, height: int = 360) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", y=1, yref="container", yanchor="top", pad=dict(t=8))
        if title
        else None,
        font=FONT,
        height=height,
        margin=dict(l=10, r=10, t=(80 if fig.layout.showlegend else 50) if title else 10, b=10),
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title=None, traceorder="normal"),
        separators=",.",  # Vietnamese: comma decimals, dot thousands
    )
    fig.update_xaxes(showgrid=False, linecolor="#cccccc")
    fig.update_yaxes(gridcolor="#eeeeee", zeroline=False)
    return fig


def level_bar(counts: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Schools per overall level. `counts`: columns level (None/0..3), schools."""
    by_level = {lvl: 0 for lvl in LEVEL_ORDER}
    for lvl, n in zip(counts["level"], counts["schools"]):
        by_level[None if pd.isna(lvl) else int(lvl)] += int(n)
    levels = [lvl for lvl in LEVEL_ORDER if lvl is not None or by_level[None] > 0]
    fig = go.Figure(
        go.Bar(
            x=[LEVEL_LABELS[lvl] for lvl in levels],
            y=[by_level[lvl] for lvl in levels],
            marker_color=[LEVEL_COLORS[lvl] for lvl in levels],
            text=[by_level[lvl] for lvl in levels],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y} trường<extra></extra>",
        )
    )
    fig.update_yaxes(title=t("chart.axis.schools"), range=[0, max(1, max(by_level.values())) * 1.15])
    fig.update_xaxes(title=None)
    return base_layout(fig, title)


def level_share_by_group(
    counts: pd.DataFrame, group: str, group_labels: dict[str, str], title: str | None = None
) -> go.Figure:
    """Share of schools at each level within each group (a 100% stacked bar per group).
    `counts`: columns <group>, level, schools."""
    groups = [g for g in group_labels if g in set(counts[group])]
    totals = counts.groupby(group)["schools"].sum()
    level = counts["level"].map(lambda v: None if pd.isna(v) else int(v))
    fig = go.Figure()
    for lvl in LEVEL_ORDER:
        rows = counts[level.map(lambda v, lvl=lvl: v == lvl)]
        if rows.empty:
            continue
        n = rows.set_index(group)["schools"].reindex(groups).fillna(0)
        fig.add_bar(
            y=[group_labels[g] for g in groups],
            x=(n / totals.reindex(groups)).fillna(0).to_numpy(),
            customdata=n.to_numpy(),
            name=LEVEL_LABELS[lvl],
            orientation="h",
            marker_color=LEVEL_COLORS[lvl],
            hovertemplate="%{y} · " + LEVEL_LABELS[lvl] + ": %{customdata} trường (%{x:.0%})<extra></extra>",
        )
    fig.update_layout(barmode="stack", showlegend=True)
    fig.update_xaxes(tickformat=".0%", range=[0, 1], title=t("col.share"))
    fig.update_yaxes(autorange="reversed", title=None)
    return base_layout(fig, title, height=max(220, 70 + 45 * len(groups)))


def bucket_bar(totals: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Plan items per bucket. `totals`: columns bucket, items."""
    totals = totals.set_index("bucket").reindex(BUCKET_ORDER).fillna(0).reset_index()
    totals = totals[totals["items"] > 0]
    fig = go.Figure(
        go.Bar(
            y=[BUCKET_LABELS[b] for b in totals["bucket"]],
            x=totals["items"],
            orientation="h",
            marker_color=[BUCKET_COLORS[b] for b in totals["bucket"]],
            text=totals["items"].astype(int),
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} mục<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=t("chart.axis.items"), range=[0, max(1, totals["items"].max()) * 1.15])
    return base_layout(fig, title, height=max(220, 60 + 42 * len(totals)))


# --------------------------------------------------------------------------- levels pages (issue 4)

# --------------------------------------------------------------------------- overdue page (issue 5)

# --------------------------------------------------------------------------- weaknesses page (issue 6)
