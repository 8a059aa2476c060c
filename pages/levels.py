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
from kdcl.data import levels as lv
from kdcl.rules import format_number, format_percent
from kdcl.strings import LEVEL_LABELS, SCHOOL_TYPE_LABELS, t

MATRIX_MAX_ROWS = 40  # schools (or units) per screen in the matrix; 40 x 28 criteria = 1.120 squares
UNIT_CHART_MAX = 25  # beyond this many units the distribution is a table, not a chart
LIST_MAX_ROWS = 500  # rows of a school list sent to the browser (the CSV download has all)
EXTERNAL_TOP = 15  # criteria shown in the self vs external chart (all in the table below it)
SCHOOL_SORTS = {  # sort key -> (columns, ascending)
    "level": (["level", "gap", "name"], [True, False, True]),
    "name": (["name"], [True]),
    "unit": (["unit_name", "name"], [True, True]),
}

scope = ui.current_scope()
filters = ui.filter_bar(scope)
st.title(t("levels.title"))
if filters is None:
    st.info(t("empty.no_years"))
    st.stop()

schools = ui.load(data.school_levels, scope, filters)
if schools.empty:
    st.info(t("empty.no_schools"))
    st.stop()
reported = int((schools["assessed"] > 0).sum())
ui.show_context(scope, filters, reported, len(schools))
st.caption(t("levels.caption"))
if reported == 0:
    st.info(t("empty.no_assessment", school_year=filters.school_year))
    st.stop()

# this year's levels are loaded above: only the previous year's are read for the movement
move = lv.movement_between(schools, ui.load(lv.previous_levels, scope, filters), filters.school_year)
known = schools["overall_level"].notna()
cols = st.columns(4)
cols[0].metric(t("levels.kpi.assessed"), f"{format_number(reported)}/{format_number(len(schools))}",
               help=t("levels.kpi.assessed_help"))
cols[1].metric(
    t("levels.kpi.level2"),
    f"{format_number(int((schools.loc[known, 'overall_level'] >= 2).sum()))}/{format_number(int(known.sum()))}",
    help=t("levels.kpi.level2_help"),
)
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


def open_school(school_id: str) -> None:
    """Switch to the school page in this session, keeping the year, as-of date and filters."""
    query = {"school": school_id, "year": filters.school_year, "asof": filters.as_of.isoformat()}
    query.update({k: v for k, v in (("unit", filters.unit_id), ("type", filters.school_type)) if v})
    st.switch_page("pages/school.py", query_params=query)


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


def unit_level_table(by_unit: pd.DataFrame, unit_names: pd.Series) -> pd.DataFrame:
    """Schools per unit and level, with the total and the share at mức 2 or above."""
    counts = by_unit.assign(level=by_unit["level"].map(lambda v: "none" if v is None or pd.isna(v) else int(v)))
    table = counts.pivot_table(index="unit_id", columns="level", values="schools", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=[0, 1, 2, 3, "none"], fill_value=0)
    table.columns = ["n0", "n1", "n2", "n3", "none"]
    table["total"] = table.sum(axis=1)
    known = (table["total"] - table["none"]).replace(0, pd.NA)
    table["share2"] = ((table["n2"] + table["n3"]) / known * 100).astype("Float64")
    table.insert(0, "unit", unit_names.reindex(table.index).to_numpy())
    if not table["none"].any():
        table = table.drop(columns="none")
    return table.sort_values("unit").reset_index(drop=True)


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
    Long lists show their first LIST_MAX_ROWS rows; the CSV download holds them all."""
    table = frame.reset_index(drop=True)
    config = {
        "name": st.column_config.TextColumn(t("col.school"), width="medium"),
        "unit_name": t("col.unit"),
        **(extra or {}),
    }
    shown = table.head(LIST_MAX_ROWS)
    event = st.dataframe(shown[list(config)], hide_index=True, width="stretch", column_config=config,
                         on_select="rerun", selection_mode="single-row", key=key,
                         height=min(38 + 35 * len(shown), 560))
    note = t("levels.list.click")
    if len(table) > LIST_MAX_ROWS:
        note = t("levels.list.truncated", shown=format_number(LIST_MAX_ROWS), n=format_number(len(table))) + " " + note
    st.caption(note)
    if csv_name:
        columns = ["school_id", *config]
        headers = [t("col.school_id"), *(c if isinstance(c, str) else c["label"] for c in config.values())]
        csv = exports.to_csv(table[columns].set_axis(headers, axis=1))
        st.download_button(t("download.csv"), csv, file_name=f"{csv_name}-{filters.school_year}.csv",
                           mime="text/csv", key=f"csv_{key}")
    rows = event.selection.rows if event and event.selection else []
    if rows:
        open_school(str(shown.at[rows[0], "school_id"]))


tab_names = [t("levels.tab.distribution"), t("levels.tab.criteria"), t("levels.tab.gap"), t("levels.tab.external")]
tab_dist, tab_criteria, tab_gap, tab_external = st.tabs(tab_names, key="view", bind="query-params")

# --------------------------------------------------------------------------- distribution and movement
if tab_dist.open:
    with tab_dist:
        by_type = data.level_distribution(schools, by="school_type")
        type_n = schools["school_type"].value_counts()
        type_labels = {c: f"{label} ({format_number(type_n[c])})" for c, label in SCHOOL_TYPE_LABELS.items()
                       if c in type_n}
        by_unit = data.level_distribution(schools, by="unit_id")
        unit_names = schools.drop_duplicates("unit_id").set_index("unit_id")["unit_name"]
        unit_n = schools["unit_id"].value_counts()
        by_name = unit_names.sort_values()
        unit_labels = {u: f"{name} ({format_number(n)})" for u, name, n in
                       zip(by_name.index, by_name.tolist(), unit_n.reindex(by_name.index).tolist())}
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
                st.dataframe(unit_level_table(by_unit, unit_names), hide_index=True, width="stretch", height=300,
                             column_config=unit_table_config())
        if len(unit_labels) <= UNIT_CHART_MAX:
            with st.expander(t("levels.unit_table")):
                st.dataframe(unit_level_table(by_unit, unit_names), hide_index=True, width="stretch",
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
            first = next((c for c in ("down", "up", "same") if move.counts[c]), "down")
            for change in ("down", "up", "same", "not_comparable"):
                rows = move.schools[move.schools["change"] == change]
                with st.expander(t(f"levels.move.list.{change}", n=format_number(len(rows))),
                                 expanded=change == first, key=f"open_{change}", on_change="rerun") as box:
                    if not box.open:
                        continue
                    if rows.empty:
                        st.caption(t("levels.move.none"))
                        continue
                    rows = rows.assign(
                        level_previous=rows["level_previous"].map(level_label),
                        level=rows["level"].map(level_label),
                    ).sort_values(["unit_name", "name"])
                    school_list(rows, f"list_{change}", {
                        "level_previous": t("levels.col.level_in", school_year=move.previous_year),
                        "level": t("levels.col.level_in", school_year=move.school_year),
                    }, csv_name=f"{t('levels.csv.move')}-{change}")

# --------------------------------------------------------------------------- per criterion
if tab_criteria.open:
    with tab_criteria:
        fws = ui.load(lv.frameworks, scope, filters)
        fws = fws[fws["assessed"] > 0]
        fw_label = {
            r.framework_id: t("levels.framework", family=t(f"levels.family.{r.family}"), circular=r.circular)
            for r in fws.itertuples()
        }
        ids = list(fw_label)
        fw = ids[0]
        if len(ids) > 1:
            fw = st.segmented_control(
                t("levels.framework_pick"), ids, default=ids[0], format_func=fw_label.get, key="fw",
                bind="query-params", help=t("levels.framework_help"),
            ) or ids[0]
        catalog = ui.load(lv.criteria, fw)
        names = dict(zip(catalog["criterion_code"], catalog["criterion_name"]))
        by_unit = ui.load(lv.criterion_by_unit, scope, filters, fw)
        n_schools = int(fws.set_index("framework_id").at[fw, "assessed"])
        n_units = by_unit["unit_id"].nunique()

        def school_matrix(unit_filters, key: str, title: str | None) -> None:
            """Criterion x school squares for the schools of `unit_filters`, a screenful at a time."""
            cells = ui.load(lv.school_matrix, scope, unit_filters, fw)
            info = cells.drop_duplicates("school_id").set_index("school_id")[["name", "unit_name"]]
            gaps = ui.load(lv.school_gaps, scope, unit_filters).set_index("school_id")
            frame = info.assign(level=gaps["level"].reindex(info.index).astype("float"),
                                gap=gaps["gap_count"].reindex(info.index).fillna(0))
            order_key = st.columns(3)[0].selectbox(
                t("levels.sort"), list(SCHOOL_SORTS), format_func=lambda k: t(f"levels.sort.{k}"), key=f"sort_{key}"
            )
            by, ascending = SCHOOL_SORTS[order_key]
            rows = frame.sort_values(by, ascending=ascending, na_position="last").index.tolist()
            page = 1
            if len(rows) > MATRIX_MAX_ROWS:
                st.caption(t("levels.matrix.paged", schools=len(rows), per_page=MATRIX_MAX_ROWS))
                page = st.pagination(-(-len(rows) // MATRIX_MAX_ROWS), key=f"page_{key}")
            shown = rows[(page - 1) * MATRIX_MAX_ROWS: page * MATRIX_MAX_ROWS]
            labels = {sid: short_school_name(info.at[sid, "name"]) for sid in shown}
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
            unit_names = by_unit.drop_duplicates("unit_id").set_index("unit_id")["unit_name"]
            unit_total = by_unit.groupby("unit_id")["schools"].max()
            unit_ids = unit_names.sort_values().index.tolist()
            c1, c2, c3 = st.columns(3)
            chosen = c3.selectbox(
                t("levels.drill"), unit_ids, index=None, format_func=lambda u: unit_names[u],
                placeholder=t("levels.drill_placeholder"), key="drill", bind="query-params",
            )
            if chosen:
                # drilled down: the schools of one unit, a screenful at a time
                c1.button(t("levels.drill_back"), icon=":material/arrow_back:", key="drill_back",
                          on_click=lambda: st.session_state.update(drill=None))
                school_matrix(dataclasses.replace(filters, unit_id=chosen), "unit",
                              t("levels.matrix.unit_title", unit=unit_names[chosen],
                                schools=format_number(int(unit_total[chosen]))))
            else:
                st.caption(t("levels.matrix.by_unit_caption", schools=format_number(n_schools), units=n_units,
                             max=MATRIX_MAX_ROWS))
                threshold = c1.segmented_control(
                    t("levels.threshold"), [1, 2, 3], default=2,
                    format_func=lambda k: t("levels.threshold.at_least", level=k), key="at_least",
                    bind="query-params",
                ) or 2
                order_key = c2.selectbox(t("levels.sort_units"), ["name", "weakest"],
                                         format_func=lambda k: t(f"levels.sort.unit.{k}"), key="sort_units")
                cells = by_unit.merge(catalog[["criterion_code", "max_level"]], on="criterion_code")
                cells["share"] = lv.share_at_least(cells, threshold, cells["max_level"])
                if order_key == "weakest":
                    rows = cells.groupby("unit_id")["share"].mean().sort_values().index.tolist()
                else:
                    rows = unit_ids
                page = 1
                if len(rows) > MATRIX_MAX_ROWS:
                    page = st.pagination(-(-len(rows) // MATRIX_MAX_ROWS), key="page_units")
                shown = rows[(page - 1) * MATRIX_MAX_ROWS: page * MATRIX_MAX_ROWS]
                labels = {u: f"{unit_names[u]} ({format_number(int(unit_total[u]))})" for u in shown}

                def drill(rows=tuple(shown)) -> None:
                    clicked = clicked_row(st.session_state["matrix_units"], list(rows))
                    if clicked:
                        st.session_state["drill"] = clicked

                st.plotly_chart(
                    charts.share_matrix(cells.rename(columns={"unit_id": "row_id"}), catalog, shown, labels,
                                        threshold),
                    width="stretch", key="matrix_units", on_select=drill, selection_mode="points",
                )
                st.caption(t("levels.matrix.unit_click"))

        st.subheader(t("levels.criteria.title"))
        distribution = lv.criterion_distribution(by_unit, catalog)
        gaps_all = ui.load(lv.school_gaps, scope, filters)
        blocking = lv.blocking_counts(gaps_all)
        blocking = blocking[blocking["framework_id"] == fw]
        if blocking.empty:
            st.info(t("levels.blocking.none"))
        else:
            top = blocking.groupby("criterion_code", sort=False)["schools"].sum().head(10).index
            top_rows = blocking[blocking["criterion_code"].isin(top)]
            labels = {c: f"{c} · {charts.short_label(names.get(c, ''), 60)}" for c in top}
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
        has_target = gaps["target_level"].notna()
        near = has_target & (gaps["gap_count"] <= 2)
        top = gaps["level"].notna() & ~has_target
        incomplete = gaps["level"].isna()
        gcols = st.columns(3)
        gcols[0].metric(t("levels.gap.near"), format_number(int(near.sum())), help=t("levels.gap.near_help"))
        gcols[1].metric(t("levels.gap.top"), format_number(int(top.sum())))
        gcols[2].metric(t("levels.gap.incomplete"), format_number(int(incomplete.sum())),
                        help=t("levels.gap.incomplete_help"))
        level_pick = st.columns(3)[0].selectbox(
            t("levels.gap.filter"), [None, 0, 1, 2], format_func=lambda v: t("all") if v is None else LEVEL_LABELS[v],
            key="gap_level",
        )
        shown = gaps[has_target]
        if level_pick is not None:
            shown = shown[shown["level"] == level_pick]
        shown = shown.sort_values(["target_level", "gap_count", "name"])
        if shown.empty:
            st.info(t("levels.gap.empty"))
        else:
            table = shown.assign(
                level=shown["level"].map(level_label),
                target=shown["target_level"].map(level_label),
                criteria=shown["gap"].map(", ".join),
            )
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
            lower_level = (bs["external_level"] < bs["self_level"]).fillna(False)
            ecols = st.columns(3)
            ecols[0].metric(t("levels.external.schools"), format_number(len(bs)))
            ecols[1].metric(t("levels.external.lower_level"), format_number(int(lower_level.sum())),
                            help=t("levels.external.lower_level_help"))
            ecols[2].metric(t("levels.external.criteria_lower"),
                            f"{format_number(int(bs['external_lower'].sum()))}/{format_number(int(bs['criteria_compared'].sum()))}",
                            help=t("levels.external.criteria_lower_help"))
            diff = sve.by_criterion[(sve.by_criterion["external_lower"] + sve.by_criterion["external_higher"]) > 0]
            if not diff.empty:
                family = ui.load(lv.frameworks, scope, filters).set_index("framework_id")["family"].to_dict()
                several = diff["framework_id"].nunique() > 1
                diff = diff.assign(
                    label=[(t("levels.family." + family.get(f, f)) + " · " if several else "")
                           + f"{c} · {charts.short_label(n, 40)}"
                           for f, c, n in zip(diff["framework_id"], diff["criterion_code"], diff["criterion_name"])],
                    _n=diff["external_lower"] + diff["external_higher"],
                ).sort_values(["_n", "framework_id"], ascending=[False, True])
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
            table = bs.assign(
                self_level=bs["self_level"].map(level_label),
                external_level=bs["external_level"].map(level_label),
                differences=bs["differences"].map(", ".join),
            ).sort_values(["external_lower", "name"], ascending=[False, True])
            school_list(table, "list_external", {
                "self_level": t("levels.col.self_level"),
                "external_level": t("levels.col.external_level"),
                "external_lower": st.column_config.NumberColumn(t("levels.col.external_lower"), width="small"),
                "external_higher": st.column_config.NumberColumn(t("levels.col.external_higher"), width="small"),
                "differences": st.column_config.TextColumn(t("levels.col.differences"), width="large",
                                                           help=t("levels.col.differences_help")),
            }, csv_name=t("levels.csv.external"))
