"""Tổng quan: the first page a supervising office opens."""

import streamlit as st

from kdcl import charts, data, ui
from kdcl.rules import format_number, format_vnd, format_vnd_short, level_of
from kdcl.strings import BUCKET_LABELS, LEVEL_LABELS, SCHOOL_TYPE_LABELS, t

ATTENTION_ROWS = 20  # a to-do list, not the whole province: the rest is counted
LIST_BUCKETS = ("overdue", "at_risk", "on_track", "no_deadline", "done", "dropped")  # the overdue list's filters


def open_page(page: str, **extra: str) -> None:
    """Drill down (issue 18): another page with this page's year, as-of date and filters, plus `extra`."""
    st.switch_page(page, query_params=ui.filters_query(filters, **extra))


def clicked(event) -> dict | None:
    points = event.selection.points if event is not None and event.selection else []
    return points[0] if points else None

scope = ui.current_scope()
if scope.school_id is not None:  # a principal lands on their school's home instead (issue 17)
    st.title(t("overview.title"))
    st.info(t("home.overview_principal"))
    st.stop()
filters = ui.filter_bar(scope)
st.title(t("overview.title"))
if filters is None:
    st.info(t("empty.no_years"))
    st.stop()

# levels and plan status cached one by one (a status save keeps the levels: issue 20)
ov = data.overview_of(ui.load(data.school_levels, scope, filters), ui.load(data.school_plan_status, scope, filters))
kpis = ov.kpis
if ov.schools.empty:
    st.info(t("empty.no_schools"))
    st.stop()
ui.show_context(scope, filters, kpis["schools_reported"], kpis["schools_total"])

cols = st.columns(6)
cols[0].metric(
    t("overview.kpi.schools"),
    f"{kpis['schools_reported']}/{kpis['schools_total']}",
    help=t("overview.kpi.schools_help"),
)
cols[1].metric(t("overview.kpi.level2"), f"{kpis['schools_level2_plus']}/{kpis['schools_with_level']}")
cols[2].metric(
    t("overview.kpi.items"),
    f"{format_number(kpis['done_items'])}/{format_number(kpis['plan_items'])}",
    help=t("overview.kpi.items_help"),
)
cols[3].metric(t("overview.kpi.overdue"), format_number(kpis["overdue_items"]), help=t("overview.kpi.overdue_help"))
cols[4].metric(
    t("overview.kpi.at_risk"),
    format_number(kpis["at_risk_items"]),
    help=t("overview.kpi.at_risk_help", days=filters.risk_days),
)
cols[5].metric(
    t("overview.kpi.budget"),
    format_vnd_short(kpis["budget_vnd"]),
    help=t("overview.kpi.budget_help", exact=format_vnd(kpis["budget_vnd"])),
)

left, right = st.columns(2)
with left:
    if kpis["schools_reported"] == 0:
        st.info(t("empty.no_assessment", school_year=filters.school_year))
    event = st.plotly_chart(
        charts.level_bar(data.level_distribution(ov.schools), t("overview.chart.levels")),
        width="stretch",
        key="chart_levels", on_select="rerun", selection_mode="points",
    )
    if clicked(event):  # a level's bar: the levels page, same filters
        open_page("pages/levels.py")
with right:
    if kpis["plan_items"] == 0:
        st.info(t("empty.no_items", school_year=filters.school_year))
    else:
        event = st.plotly_chart(
            charts.bucket_bar(data.bucket_totals(ov.schools), t("overview.chart.status")),
            width="stretch",
            key="chart_status", on_select="rerun", selection_mode="points",
        )
        point = clicked(event)
        if point:  # a status's bar: the plan items in that status
            bucket = {label: code for code, label in BUCKET_LABELS.items()}.get(point.get("y"))
            open_page("pages/overdue.py", bucket=bucket if bucket in LIST_BUCKETS else "all")

st.plotly_chart(
    charts.level_share_by_group(
        data.level_distribution(ov.schools, by="school_type"),
        "school_type",
        SCHOOL_TYPE_LABELS,
        t("overview.chart.levels_by_type"),
    ),
    width="stretch",
    key="chart_levels_by_type",
)

st.subheader(t("overview.table.attention"))
st.caption(t("overview.table.attention_caption"))
attention = ov.schools[(ov.schools["overall_level"] == 0).fillna(False) | (ov.schools["overdue_items"] > 0)]
if attention.empty:
    st.success(t("overview.none_attention"))
else:
    table = attention.nlargest(ATTENTION_ROWS, ["overdue_items", "open_items"]).assign(
        level=lambda f: f["overall_level"].astype(object).map(lambda v: LEVEL_LABELS[level_of(v)]),
        school_type=lambda f: f["school_type"].map(SCHOOL_TYPE_LABELS),
    )
    event = st.dataframe(
        table[["school_id", "name", "school_type", "unit_name", "level", "overdue_items", "open_items", "plan_items"]],
        hide_index=True,
        width="stretch",
        on_select="rerun", selection_mode="single-row", key="overview_attention",
        column_config={
            "school_id": t("col.school_id"),
            "name": t("col.school"),
            "school_type": t("col.school_type"),
            "unit_name": t("col.unit"),
            "level": t("col.level"),
            "overdue_items": st.column_config.NumberColumn(t("overview.col.overdue")),
            "open_items": st.column_config.NumberColumn(t("overview.col.open")),
            "plan_items": st.column_config.NumberColumn(t("overview.col.items")),
        },
    )
    rows = event.selection.rows if event is not None and event.selection else []
    if rows and rows[0] < len(table):  # a school's row: its page
        open_page("pages/school.py", school=str(table["school_id"].iloc[rows[0]]))
    st.caption(t("overview.drill_hint"))
    if len(attention) > ATTENTION_ROWS:
        st.caption(t("overview.attention_more", shown=ATTENTION_ROWS, total=format_number(len(attention))))
