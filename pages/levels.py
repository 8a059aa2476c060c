"""Mức đạt: the supervising office's view of school levels across the schools in scope.

Four lazy tabs (only the open one runs, the tab is kept in the URL): the distribution of
levels and the movement since last year; levels per criterion (school x criterion when
the filter holds few schools, unit x criterion otherwise, with drill-down); the gap to
the next level per school; self- vs external assessment.
"""

import dataclasses

import pandas as pd
import streamlit as st

from kdcl import charts, data, exports, ui
from kdcl.access import Scope
from kdcl.data import levels as lv
from kdcl.rules import format_number, format_percent
from kdcl.strings import LEVEL_LABELS, SCHOOL_TYPE_LABELS, t

MATRIX_MAX_ROWS = 40  # schools (or units) per screen in the matrix; 40 x 28 criteria = 1.120 squares
UNIT_CHART_MAX = 25  # beyond this many units the distribution is a table, not a chart
EXTERNAL_TOP = 15  # criteria shown in the self vs external chart (all in the table below it)

def one_school_view(scope: Scope, filters: data.Filters) -> None:
    """A principal: the school's criteria over the years (a matrix and the same as a table), no
    distribution of one school."""
    school_id = scope.school_id
    from kdcl.data import home as home_data
    from kdcl.data import school as school_data

    report = ui.load(school_data.school_report, scope, filters, school_id)
    st.title(t("levels.school.title"))
    ui.show_context(scope, filters, 0, 0)
    years, history = lv.school_years_until(report.years, report.history, filters.school_year)
    if years.empty:
        st.info(t("levels.school.none", school_year=filters.school_year))
        return
    st.markdown(" → ".join(f"{y}: **{LEVEL_LABELS[None if pd.isna(v) else int(v)]}**"
                           for y, v in zip(years["school_year"], years["level"])))
    cells = history.rename(columns={"school_year": "row_id"})
    st.plotly_chart(
        charts.level_matrix(cells, report.criteria, years["school_year"].tolist(),
                            {y: y for y in years["school_year"]},
                            row_levels=dict(zip(years["school_year"], years["level"]))),
        width="stretch", key="levels_school_matrix",
    )
    st.caption(t("levels.school.caption"))
    wide = home_data.criteria_over_years(report)
    with st.expander(t("levels.school.table")):
        shown = wide.assign(**{y: wide[y].map(lambda v: "–" if pd.isna(v) else LEVEL_LABELS[int(v)])
                               for y in years["school_year"] if y in wide})
        st.dataframe(shown, hide_index=True, width="stretch",
                     column_config={"criterion_code": t("levels.school.col.code"), "criterion_name": t("school.col.criterion")})


scope, filters = ui.page_filters(t("levels.title"), principal=one_school_view)

schools = ui.load(data.school_levels, scope, filters)
ui.stop_if(schools.empty, t("empty.no_schools"))
head = lv.headline(schools)
ui.show_context(scope, filters, head.assessed, head.schools)
st.caption(t("levels.caption"))
if head.assessed == 0:
    st.info(t("empty.no_assessment", school_year=filters.school_year))
    st.stop()

# this year's levels are loaded above: only the previous year's are read for the movement
move = lv.movement_between(schools, ui.load(lv.previous_levels, scope, filters), filters.school_year)
cols = st.columns(4)
cols[0].metric(t("levels.kpi.assessed"), f"{format_number(head.assessed)}/{format_number(head.schools)}",
               help=t("levels.kpi.assessed_help"))
cols[1].metric(t("levels.kpi.level2"), f"{format_number(head.level2)}/{format_number(head.complete)}",
               help=t("levels.kpi.level2_help"))
if move.comparable:
    cols[2].metric(t("levels.kpi.up"), format_number(move.counts["up"]), help=t("levels.kpi.move_help",
                   previous_year=move.previous_year, compared=move.comparable))
    cols[3].metric(t("levels.kpi.down"), format_number(move.counts["down"]), help=t("levels.kpi.move_help",
                   previous_year=move.previous_year, compared=move.comparable))
else:
    cols[2].metric(t("levels.kpi.up"), "–", help=t("levels.no_previous", previous_year=move.previous_year))
    cols[3].metric(t("levels.kpi.down"), "–", help=t("levels.no_previous", previous_year=move.previous_year))


def level_label(value) -> str:
    return LEVEL_LABELS[None if value is None or pd.isna(value) else int(value)]


def as_text(frame: pd.DataFrame, levels: dict[str, str], lists: dict[str, str] | None = None) -> pd.DataFrame:
    """`frame` as a table shows it: {column: level column} as level labels, {column: list column} as
    "a, b" text."""
    return frame.assign(**{c: frame[src].map(level_label) for c, src in levels.items()},
                        **{c: frame[src].map(", ".join) for c, src in (lists or {}).items()})


def open_school(school_id: str) -> None:
    """Switch to the school page in this session, keeping the year, as-of date and filters."""
    st.switch_page("pages/school.py", query_params=ui.filters_query(filters, school=school_id))


def clicked_row(event, rows: list[str]) -> str | None:
    """The row id of the square clicked in a matrix chart (customdata[0], else its y index)."""
    points = event.selection.points if event and event.selection else []
    if not points:
        return None
    point = points[0]
    if point.get("customdata"):
        return str(point["customdata"][0])
    index = round(point.get("y", -1))
    return rows[index] if 0 <= index < len(rows) else None


def unit_table_config() -> dict:
    return {
        "unit": t("col.unit"),
        "n0": LEVEL_LABELS[0], "n1": LEVEL_LABELS[1], "n2": LEVEL_LABELS[2], "n3": LEVEL_LABELS[3],
        "none": LEVEL_LABELS[None],
        "total": t("levels.col.total"),
        "share2": st.column_config.ProgressColumn(t("levels.col.share2"), format="%.0f%%", min_value=0,
                                                  max_value=100, help=t("levels.col.share2_help")),
    }


def transition_table(matrix: pd.DataFrame):
    """Schools by previous (rows) and current (columns) level; up = blue, down = red cells."""
    short = {0: t("levels.level_short.0"), 1: LEVEL_LABELS[1], 2: LEVEL_LABELS[2], 3: LEVEL_LABELS[3]}
    table = matrix.rename(index=short, columns=short)
    table.index.name, table.columns.name = t("levels.move.corner"), None

    def colour(frame: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame("", index=frame.index, columns=frame.columns)
        for i in range(4):
            for j in range(4):
                if frame.iat[i, j] and i != j:
                    out.iat[i, j] = "background-color: " + ("#d1e5f0" if j > i else "#fddbc7")
        return out

    return table.style.apply(colour, axis=None)


def short_school_name(name: str) -> str:
    """"Trường Tiểu học Kim Đồng" -> "Tiểu học Kim Đồng" (for crowded axes)."""
    return name.removeprefix("Trường ")


def school_list(frame: pd.DataFrame, key: str, extra: dict | None = None, csv_name: str | None = None) -> None:
    """A list of schools with their level(s); selecting a row opens that school's page.
    A long list is sent ui.LIST_PAGE_ROWS rows at a time (pages to move through); the CSV download holds
    them all and is written only when the button is clicked."""
    table = frame.reset_index(drop=True)
    config = {
        "name": st.column_config.TextColumn(t("col.school"), width="medium"),
        "unit_name": t("col.unit"),
        **(extra or {}),
    }
    shown = ui.page_rows(table, key, "levels.list.paged")
    event = st.dataframe(shown[list(config)], hide_index=True, width="stretch", column_config=config,
                         on_select="rerun", selection_mode="single-row", key=key,
                         height=min(38 + 35 * len(shown), 560))
    st.caption(t("levels.list.click"))
    if csv_name:
        columns = ["school_id", *config]
        headers = [t("col.school_id"), *(c if isinstance(c, str) else c["label"] for c in config.values())]
        st.download_button(t("download.csv"), lambda: exports.to_csv(table[columns].set_axis(headers, axis=1)),
                           file_name=f"{csv_name}-{filters.school_year}.csv", mime="text/csv", key=f"csv_{key}",
                           on_click="ignore")
    rows = event.selection.rows if event and event.selection else []
    if rows:
        open_school(str(shown.at[rows[0], "school_id"]))


tab_names = [t("levels.tab.distribution"), t("levels.tab.criteria"), t("levels.tab.gap"), t("levels.tab.external")]
tab_dist, tab_criteria, tab_gap, tab_external = ui.url_tabs("view", tab_names)

# --------------------------------------------------------------------------- distribution and movement
if tab_dist.open:
    with tab_dist:
        by_type = data.level_distribution(schools, by="school_type")
        type_n = lv.school_type_counts(schools)
        type_labels = {c: f"{label} ({format_number(type_n[c])})" for c, label in SCHOOL_TYPE_LABELS.items()
                       if c in type_n}
        by_unit = data.level_distribution(schools, by="unit_id")
        units = lv.unit_counts(schools)
        unit_names = units["unit_name"]
        unit_labels = {u: f"{name} ({format_number(n)})" for u, name, n in
                       zip(units.index, units["unit_name"].tolist(), units["schools"].tolist())}
        left, right = st.columns(2)
        with left:
            st.plotly_chart(
                charts.level_share_by_group(by_type, "school_type", type_labels, t("levels.chart.by_type")),
                width="stretch", key="chart_by_type",
            )
        with right:
            if len(unit_labels) <= UNIT_CHART_MAX:
                st.plotly_chart(
                    charts.level_share_by_group(by_unit, "unit_id", unit_labels, t("levels.chart.by_unit")),
                    width="stretch", key="chart_by_unit",
                )
            else:
                st.markdown("**" + t("levels.chart.by_unit") + "**")
                # thousands of units in a box of 300 px: sent a page at a time (by name)
                st.dataframe(ui.page_rows(lv.unit_level_table(by_unit, unit_names), "unit_table", "levels.units.paged"),
                             hide_index=True, width="stretch", height=300, column_config=unit_table_config())
        if len(unit_labels) <= UNIT_CHART_MAX:
            with st.expander(t("levels.unit_table")):
                st.dataframe(lv.unit_level_table(by_unit, unit_names), hide_index=True, width="stretch",
                             column_config=unit_table_config())

        st.subheader(t("levels.move.title", previous_year=move.previous_year, school_year=move.school_year))
        if move.comparable == 0:
            st.info(t("levels.no_previous", previous_year=move.previous_year))
        else:
            st.caption(t("levels.move.caption", compared=move.comparable,
                         not_comparable=move.counts["not_comparable"]))
            left, _ = st.columns([3, 2])
            with left:
                st.markdown("**" + t("levels.move.matrix") + "**")
                st.caption(t("levels.move.matrix_caption", previous_year=move.previous_year,
                             school_year=move.school_year))
                st.dataframe(transition_table(lv.transitions(move.schools)), width="stretch")
            first = lv.first_change(move)
            for change in ("down", "up", "same", "not_comparable"):
                with st.expander(t(f"levels.move.list.{change}", n=format_number(move.counts.get(change, 0))),
                                 expanded=change == first, key=f"open_{change}", on_change="rerun") as box:
                    if not box.open:  # a closed list is neither built nor sent
                        continue
                    rows = lv.moved(move, change)
                    if rows.empty:
                        st.caption(t("levels.move.none"))
                        continue
                    rows = as_text(rows, {"level_previous": "level_previous", "level": "level"})
                    school_list(rows, f"list_{change}", {
                        "level_previous": t("levels.col.level_in", school_year=move.previous_year),
                        "level": t("levels.col.level_in", school_year=move.school_year),
                    }, csv_name=f"{t('levels.csv.move')}-{change}")

# --------------------------------------------------------------------------- per criterion
if tab_criteria.open:
    with tab_criteria:
        fws = lv.assessed_frameworks(ui.load(lv.frameworks, scope, filters))
        fw_label = {
            r.framework_id: t("levels.framework", family=t(f"levels.family.{r.family}"), circular=r.circular)
            for r in fws.itertuples()
        }
        ids = list(fw_label)
        fw = ids[0]
        if len(ids) > 1:
            fw = ui.url_choice("fw", t("levels.framework_pick"), ids, ids[0], key="w_levels_fw", segmented=True,
                               format_func=fw_label.get, help=t("levels.framework_help"))
        catalog = ui.load(lv.criteria, fw)
        names = dict(zip(catalog["criterion_code"], catalog["criterion_name"]))
        by_unit = ui.load(lv.criterion_by_unit, scope, filters, fw)
        n_schools = lv.assessed_schools(fws, fw)
        totals = lv.unit_totals(by_unit)
        n_units = len(totals.names)

        def school_matrix(unit_filters, key: str, title: str | None) -> None:
            """Criterion x school squares for the schools of `unit_filters`, a screenful at a time."""
            cells = ui.load(lv.school_matrix, scope, unit_filters, fw)
            order_key = st.columns(3)[0].selectbox(
                t("levels.sort"), list(lv.SCHOOL_SORTS), format_func=lambda k: t(f"levels.sort.{k}"),
                key=f"sort_{key}"
            )
            frame = lv.matrix_schools(cells, ui.load(lv.school_gaps, scope, unit_filters), order_key)
            rows = frame.index.tolist()
            page = 1
            if len(rows) > MATRIX_MAX_ROWS:
                st.caption(t("levels.matrix.paged", schools=len(rows), per_page=MATRIX_MAX_ROWS))
                page = st.pagination(lv.pages(len(rows), MATRIX_MAX_ROWS), key=f"page_{key}")
            shown = lv.page_of(rows, page, MATRIX_MAX_ROWS)
            labels = {sid: short_school_name(frame.at[sid, "name"]) for sid in shown}
            levels_of = {sid: frame.at[sid, "level"] for sid in shown}
            fig = charts.level_matrix(cells.rename(columns={"school_id": "row_id"}), catalog, shown, labels, title,
                                      row_levels=levels_of)
            event = st.plotly_chart(fig, width="stretch", key=f"matrix_{key}", on_select="rerun",
                                    selection_mode="points")
            st.caption(t("levels.matrix.click"))
            clicked = clicked_row(event, shown)
            if clicked:
                open_school(clicked)

        st.subheader(t("levels.matrix.title"))
        if n_schools <= MATRIX_MAX_ROWS or n_units <= 1:
            school_matrix(filters, "all", None)
        else:
            unit_names, unit_total = totals.names, totals.schools
            c1, c2, c3 = st.columns(3)
            chosen = ui.url_choice("drill", t("levels.drill"), totals.by_name, None, key="w_drill", container=c3,
                                   format_func=lambda u: unit_names[u], placeholder=t("levels.drill_placeholder"))
            if chosen:
                # drilled down: the schools of one unit, a screenful at a time
                c1.button(t("levels.drill_back"), icon=":material/arrow_back:", key="drill_back",
                          on_click=ui.set_url_choice, args=("drill", "w_drill", None))
                school_matrix(dataclasses.replace(filters, unit_id=chosen), "unit",
                              t("levels.matrix.unit_title", unit=unit_names[chosen],
                                schools=format_number(int(unit_total[chosen]))))
            else:
                st.caption(t("levels.matrix.by_unit_caption", schools=format_number(n_schools), units=n_units,
                             max=MATRIX_MAX_ROWS))
                threshold = ui.url_choice("at_least", t("levels.threshold"), [1, 2, 3], 2, key="w_at_least",
                                          container=c1, segmented=True,
                                          format_func=lambda k: t("levels.threshold.at_least", level=k))
                order_key = c2.selectbox(t("levels.sort_units"), ["name", "weakest"],
                                         format_func=lambda k: t(f"levels.sort.unit.{k}"), key="sort_units")
                cells = lv.unit_shares(by_unit, catalog, threshold)
                rows = lv.unit_order(cells, totals, order_key)
                page = 1
                if len(rows) > MATRIX_MAX_ROWS:
                    page = st.pagination(lv.pages(len(rows), MATRIX_MAX_ROWS), key="page_units")
                shown = lv.page_of(rows, page, MATRIX_MAX_ROWS)
                labels = {u: f"{unit_names[u]} ({format_number(int(unit_total[u]))})" for u in shown}

                def drill(rows=tuple(shown)) -> None:
                    clicked = clicked_row(st.session_state["matrix_units"], list(rows))
                    if clicked:
                        ui.set_url_choice("drill", "w_drill", clicked)

                st.plotly_chart(
                    charts.share_matrix(cells.rename(columns={"unit_id": "row_id"}), catalog, shown, labels,
                                        threshold),
                    width="stretch", key="matrix_units", on_select=drill, selection_mode="points",
                )
                st.caption(t("levels.matrix.unit_click"))

        st.subheader(t("levels.criteria.title"))
        distribution = lv.criterion_distribution(by_unit, catalog)
        gaps_all = ui.load(lv.school_gaps, scope, filters)
        top_rows = lv.top_blocking(gaps_all, fw, 10)
        if top_rows.empty:
            st.info(t("levels.blocking.none"))
        else:
            labels = {c: f"{c} · {charts.short_label(names.get(c, ''), 60)}" for c in top_rows["criterion_code"].unique()}
            st.plotly_chart(charts.blocking_bar(top_rows, labels, t("levels.chart.blocking")), width="stretch",
                            key="chart_blocking")
            st.caption(t("levels.blocking.caption"))
        st.plotly_chart(charts.criterion_level_shares(distribution, t("levels.chart.criterion_shares")),
                        width="stretch", key="chart_criterion_shares")
        with st.expander(t("levels.criteria.table")):
            table = distribution.assign(
                criterion=distribution["criterion_code"] + " · " + distribution["criterion_name"],
                **{f"pct{k}": distribution[f"share{k}"].map(format_percent) for k in range(4)},
            )
            st.dataframe(
                table[["criterion", "schools", "n0", "n1", "n2", "n3", "pct2"]],
                hide_index=True, width="stretch",
                column_config={
                    "criterion": t("levels.col.criterion"), "schools": t("levels.col.assessed"),
                    "n0": LEVEL_LABELS[0], "n1": LEVEL_LABELS[1], "n2": LEVEL_LABELS[2], "n3": LEVEL_LABELS[3],
                    "pct2": t("levels.col.pct_level2"),
                },
            )

# --------------------------------------------------------------------------- gap to the next level
if tab_gap.open:
    with tab_gap:
        gaps = ui.load(lv.school_gaps, scope, filters)
        st.caption(t("levels.gap.caption"))
        summary = lv.gap_summary(gaps)
        gcols = st.columns(3)
        gcols[0].metric(t("levels.gap.near"), format_number(summary.near), help=t("levels.gap.near_help"))
        gcols[1].metric(t("levels.gap.top"), format_number(summary.top))
        gcols[2].metric(t("levels.gap.incomplete"), format_number(summary.incomplete),
                        help=t("levels.gap.incomplete_help"))
        level_pick = st.columns(3)[0].selectbox(
            t("levels.gap.filter"), [None, 0, 1, 2], format_func=lambda v: t("all") if v is None else LEVEL_LABELS[v],
            key="gap_level",
        )
        shown = lv.gap_list(gaps, level_pick)
        if shown.empty:
            st.info(t("levels.gap.empty"))
        else:
            table = as_text(shown, {"level": "level", "target": "target_level"}, {"criteria": "gap"})
            school_list(table, "list_gap", {
                "level": t("levels.col.level_now"),
                "target": t("levels.col.target"),
                "gap_count": st.column_config.NumberColumn(t("levels.col.gap_count"), help=t("levels.col.gap_help")),
                "criteria": st.column_config.TextColumn(t("levels.col.gap_criteria"), width="large"),
            }, csv_name=t("levels.csv.gap"))

# --------------------------------------------------------------------------- self vs external
if tab_external.open:
    with tab_external:
        sve = ui.load(lv.self_vs_external, scope, filters)
        st.caption(t("levels.external.caption"))
        if sve.by_school.empty:
            st.info(t("levels.external.none", school_year=filters.school_year))
            if sve.external_years:
                st.caption(t("levels.external.years", years=", ".join(sve.external_years)))
            else:
                st.caption(t("levels.external.never"))
        else:
            bs = sve.by_school
            summary = lv.external_summary(bs)
            ecols = st.columns(3)
            ecols[0].metric(t("levels.external.schools"), format_number(summary.schools))
            ecols[1].metric(t("levels.external.lower_level"), format_number(summary.lower_level),
                            help=t("levels.external.lower_level_help"))
            ecols[2].metric(t("levels.external.criteria_lower"),
                            f"{format_number(summary.criteria_lower)}/{format_number(summary.criteria_compared)}",
                            help=t("levels.external.criteria_lower_help"))
            diff = lv.external_differences(sve.by_criterion)
            if not diff.empty:
                family = ui.load(lv.frameworks, scope, filters).set_index("framework_id")["family"].to_dict()
                several = diff["framework_id"].nunique() > 1
                diff = diff.assign(
                    label=[(t("levels.family." + family.get(f, f)) + " · " if several else "")
                           + f"{c} · {charts.short_label(n, 40)}"
                           for f, c, n in zip(diff["framework_id"], diff["criterion_code"], diff["criterion_name"])],
                )
                st.plotly_chart(charts.assessment_difference_bar(diff.head(EXTERNAL_TOP),
                                                                 t("levels.chart.external")),
                                width="stretch", key="chart_external")
                if len(diff) > EXTERNAL_TOP:
                    st.caption(t("levels.external.top", top=EXTERNAL_TOP, n=len(diff)))
                with st.expander(t("levels.external.criteria_table")):
                    st.dataframe(
                        diff[["label", "schools", "external_lower", "same", "external_higher"]],
                        hide_index=True, width="stretch",
                        column_config={
                            "label": st.column_config.TextColumn(t("levels.col.criterion"), width="large"),
                            "schools": t("levels.col.compared"),
                            "external_lower": t("levels.col.schools_lower"),
                            "same": t("levels.col.schools_same"),
                            "external_higher": t("levels.col.schools_higher"),
                        },
                    )
            table = as_text(lv.external_schools(bs), {"self_level": "self_level", "external_level": "external_level"},
                            {"differences": "differences"})
            school_list(table, "list_external", {
                "self_level": t("levels.col.self_level"),
                "external_level": t("levels.col.external_level"),
                "external_lower": st.column_config.NumberColumn(t("levels.col.external_lower"), width="small"),
                "external_higher": st.column_config.NumberColumn(t("levels.col.external_higher"), width="small"),
                "differences": st.column_config.TextColumn(t("levels.col.differences"), width="large",
                                                           help=t("levels.col.differences_help")),
            }, csv_name=t("levels.csv.external"))
