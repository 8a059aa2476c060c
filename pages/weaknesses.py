"""Điểm yếu chung: the criteria many schools list as weak, their themes, chronic cases,
measures that worked, and a search across every weakness and measure (issue 6)."""

import re

import pandas as pd
import streamlit as st

from kdcl import charts, exports, themes, ui
from kdcl.access import Scope
from kdcl.data import Filters
from kdcl.data import home as home_data
from kdcl.data import school as school_data
from kdcl.data import weaknesses as wk
from kdcl.rules import format_number, format_percent
from kdcl.strings import BUCKET_LABELS, LEVEL_LABELS, SCHOOL_TYPE_LABELS, t
from kdcl.text import markdown_literal

TOP_N_DEFAULT = 12
THEMES_SHOWN = 12
TEXT_ROW_PX = 76  # three lines of a long weakness or measure
TEXT_COL_PX = 300
TABLE_PX = 480


def md(text: object) -> str:
    """Plain text safe inside Markdown (school texts may contain * _ [ $ ...)."""
    return markdown_literal(themes.clean(text))


def short_title(title: str) -> str:
    """"Trường mầm non (TT 19/2018, sửa đổi ...)" -> "Trường mầm non"."""
    return title.split(" (", 1)[0]


def level_label(value: object) -> str:
    return "–" if value is None or pd.isna(value) else LEVEL_LABELS[int(value)]


def item_columns(**extra) -> dict:
    """Column settings of a table of plan items (year, school, criterion, weakness, measures) plus `extra`."""
    return {
        "school_year": t("weak.col.year"),
        "school_name": st.column_config.TextColumn(t("col.school"), width=170),
        "criterion_code": st.column_config.TextColumn(t("weak.col.criterion"), width=70),
        "weakness": st.column_config.TextColumn(t("weak.col.weakness"), width=TEXT_COL_PX),
        "measures": st.column_config.TextColumn(t("weak.col.measures"), width=TEXT_COL_PX),
        **extra,
    }


def one_school_view(scope: Scope, filters: Filters) -> None:
    """A principal: the school's weaknesses beside how many peers share each (counts only)."""
    school_id = scope.school_id
    report = ui.load(school_data.school_report, scope, filters, school_id)
    school = report.school
    st.title(t("weak.school.title"))
    ui.show_context(scope, filters, 0, 0)
    table = home_data.school_weaknesses(report)
    if table.empty:
        st.info(t("weak.school.none", school_year=filters.school_year))
        return
    group = t("school.peers.group", school_type=SCHOOL_TYPE_LABELS.get(school["school_type"], ""),
              unit=school["unit_name"])
    if report.target_level is not None:
        st.markdown(t("weak.school.intro", target=LEVEL_LABELS[report.target_level],
                      school_year=filters.school_year, group=group))
    else:
        st.markdown(t("weak.school.intro_top", school_year=filters.school_year))
    compared = report.peers.compared and table["peers_assessed"].notna().any()
    shown = pd.DataFrame({
        "criterion": table["criterion_code"] + " · " + table["criterion_name"],
        "level": table["self_level"].map(level_label),
        "blocking": table["blocking"].map(lambda b: "✔" if b else ""),
        "items": [f"{int(n)} ({int(o)})" if n else "–" for n, o in zip(table["items"], table["open_items"])],
        "peers": ["" if pd.isna(n) or pd.isna(a) else f"{int(n)}/{int(a)}"
                  for n, a in zip(table["peers_same_weakness"], table["peers_assessed"])],
        "weakness": table["weakness"].astype("object").fillna(""),
    })
    config = {
        "criterion": st.column_config.TextColumn(t("weak.school.col.criterion"), width=320),
        "level": st.column_config.TextColumn(t("weak.school.col.level")),
        "blocking": st.column_config.TextColumn(t("weak.school.col.blocking")),
        "items": st.column_config.TextColumn(t("weak.school.col.items")),
        "peers": st.column_config.TextColumn(t("weak.school.col.peers"),
                                             help=t("weak.school.col.peers_help", min=school_data.MIN_PEERS)),
        "weakness": st.column_config.TextColumn(t("weak.school.col.weakness"), width="large"),
    }
    if not compared:
        del config["peers"]
    st.dataframe(shown[list(config)], hide_index=True, width="stretch", column_config=config,
                 height=38 + 35 * min(len(shown), 20))
    if not compared:
        st.caption(t("weak.school.no_peers", min=school_data.MIN_PEERS))
    st.caption(t("school.peers.caption"))


scope, filters = ui.page_filters(t("weak.title"), principal=one_school_view)

criteria = ui.load(wk.criteria, scope, filters)
ui.stop_if(criteria.empty, t("empty.no_schools"))
st.caption(t("weak.caption", school_year=filters.school_year))
frameworks = wk.frameworks(criteria)
ui.show_context(scope, filters, int(frameworks["schools_with_plan"].sum()), int(frameworks["schools_in_scope"].sum()))
st.caption(t("weak.reported_note", school_year=filters.school_year))

# ---------------------------------------------------------------- framework (criterion codes differ)
fw_ids = frameworks["framework_id"].tolist()
fw_info = frameworks.set_index("framework_id")
# a framework or criterion from a link that the current filters leave out is not an error
if st.query_params.get("fw") not in (None, *fw_ids) and re.fullmatch(r"[A-Z0-9_]+", st.query_params["fw"]):
    ui.forget_url_choice("fw", "w_fw")
if len(fw_ids) > 1:
    framework = ui.url_choice(
        "fw", t("weak.framework"), fw_ids, fw_ids[0], key="w_fw", radio=True,
        format_func=lambda f: t("weak.framework_option", title=short_title(fw_info.loc[f, "framework_title"]),
                                schools=int(fw_info.loc[f, "schools_in_scope"])),
        help=t("weak.framework_help"), on_change=ui.forget_url_choice, args=("crit", "w_crit"),
    )
else:
    framework = fw_ids[0]
fw_row = fw_info.loc[framework]
rows = criteria[criteria["framework_id"] == framework].reset_index(drop=True)
ranked = wk.ranking(criteria, framework)
with_plan, in_scope = int(fw_row["schools_with_plan"]), int(fw_row["schools_in_scope"])

cols = st.columns(4)  # the chronic count (cols[2]) follows the ranking chart: its list is the slower query
cols[0].metric(t("weak.kpi.plans"), f"{with_plan}/{in_scope}", help=t("weak.kpi.plans_help"))
cols[1].metric(t("weak.kpi.criteria"), f"{len(ranked)}/{len(rows)}", help=t("weak.kpi.criteria_help"))
cols[3].metric(
    t("weak.kpi.top"),
    t("weak.kpi.top_value", code=ranked["criterion_code"].iloc[0], schools=int(ranked["schools_with_items"].iloc[0]))
    if len(ranked) else "–",
)

codes = rows["criterion_code"].tolist()
if len(ranked):
    # ---------------------------------------------------------------- ranking (first on screen)
    # per framework: the slider's range and the chart's clicked bar belong to one set of criteria
    top_key = f"w_top_{framework}"
    if st.session_state.get(top_key, 0) > len(ranked):  # fewer criteria since (another year or unit)
        del st.session_state[top_key]
    top_n = min(TOP_N_DEFAULT, len(ranked))
    if len(ranked) > 5:  # the slider's value from the last run (it is drawn under the chart)
        top_n = int(st.session_state.get(top_key, top_n))
    event = st.plotly_chart(
        charts.weakness_ranking(ranked.head(top_n), t("weak.chart.ranking")),
        width="stretch", key=f"chart_weak_ranking_{framework}", on_select="rerun", selection_mode="points",
    )
    points = event.selection.points if event is not None and event.selection else []
    clicked = (points[0].get("customdata") or [None])[0] if points else None
    # A click chooses its bar's criterion once: the chart keeps its selection through later reruns, so the last
    # selection is remembered (empty included: a bar clicked again after a deselect counts again). Right after a
    # click plotly may redraw and report an empty selection; that rerun request was sent before the browser showed
    # the click, with the criterion box and URL from before it, and would undo the click (issue 18: the box kept
    # the earlier criterion). So the click stays pending, with the box's value before it, until the browser sends
    # anything else (the clicked criterion, one chosen since, or the selection itself); an empty selection with the
    # old value chooses the clicked criterion again.
    seen = (framework, clicked) if clicked in codes else None
    pending = st.session_state.get("_weak_pending")  # (framework, clicked criterion, box before the click)
    shown = st.session_state.get("w_crit")  # the criterion box as the browser sent it
    if seen is not None and st.session_state.get("_weak_clicked") != seen:
        st.session_state["_weak_pending"] = (*seen, shown)
        ui.set_url_choice("crit", "w_crit", clicked)
    elif seen is None and pending is not None and pending[0] == framework and pending[1] in codes \
            and shown == pending[2]:
        ui.set_url_choice("crit", "w_crit", pending[1])
    else:
        st.session_state.pop("_weak_pending", None)
    st.session_state["_weak_clicked"] = seen
    hint, slider = st.columns([3, 1], gap="large")
    hint.caption(t("weak.chart.hint"))
    if len(ranked) > 5:
        slider.slider(t("weak.top_n"), 5, len(ranked), top_n, key=top_key)

chronic = ui.load(wk.chronic, scope, filters, framework)
cols[2].metric(t("weak.kpi.chronic"), f"{chronic['school_id'].nunique()}/{with_plan}", help=t("weak.kpi.chronic_help"))

if len(ranked) == 0:
    st.info(t("weak.empty.no_items", school_year=filters.school_year))
else:
    # ---------------------------------------------------------------- treemap, table and details
    st.plotly_chart(charts.weakness_treemap(rows, t("weak.chart.treemap")), width="stretch", key="chart_weak_tree")
    st.caption(t("weak.treemap.hint"))

    with st.expander(t("weak.table.title")):
        table = rows.assign(
            share_pct=rows["share"] * 100,
            below_pct=rows["below_target_share"] * 100,
        )[["standard_no", "criterion_code", "criterion_name", "schools_with_items", "share_pct", "items",
           "overdue_items", "chronic_schools", "below_pct"]]
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                "standard_no": st.column_config.NumberColumn(t("weak.col.standard"), width="small"),
                "criterion_code": st.column_config.TextColumn(t("weak.col.criterion"), width="small"),
                "criterion_name": st.column_config.TextColumn(t("weak.col.criterion_name"), width="large"),
                "schools_with_items": st.column_config.NumberColumn(t("weak.col.schools")),
                "share_pct": st.column_config.ProgressColumn(t("weak.col.share"), format="%.0f%%", min_value=0,
                                                             max_value=100),
                "items": st.column_config.NumberColumn(t("weak.col.items")),
                "overdue_items": st.column_config.NumberColumn(t("weak.col.overdue")),
                "chronic_schools": st.column_config.NumberColumn(t("weak.col.chronic"),
                                                                 help=t("weak.col.chronic_help")),
                "below_pct": st.column_config.ProgressColumn(t("weak.col.below_target"), format="%.0f%%",
                                                             min_value=0, max_value=100,
                                                             help=t("weak.col.below_target_help")),
            },
        )
        export = table.rename(columns={
            "standard_no": t("weak.col.standard"), "criterion_code": t("weak.col.criterion"),
            "criterion_name": t("weak.col.criterion_name"), "schools_with_items": t("weak.col.schools"),
            "share_pct": t("weak.col.share") + " (%)", "items": t("weak.col.items"),
            "overdue_items": t("weak.col.overdue"), "chronic_schools": t("weak.col.chronic"),
            "below_pct": t("weak.col.below_target") + " (%)",
        })
        st.download_button(
            t("download.csv"), exports.to_csv(export.round(1)),
            file_name=f"diem-yeu-{framework}-{filters.school_year}.csv", mime="text/csv", key="w_csv",
        )

    # ---------------------------------------------------------------- one criterion (or all) in detail
    st.subheader(t("weak.detail.title"))
    names = dict(zip(rows["criterion_code"], rows["criterion_name"]))
    counts = dict(zip(rows["criterion_code"], rows["schools_with_items"]))
    if st.query_params.get("crit") not in (None, *codes) and re.fullmatch(r"\d+\.\d+", st.query_params["crit"]):
        ui.forget_url_choice("crit", "w_crit")
    criterion = ui.url_choice(
        "crit", t("weak.criterion"), [None, *codes], None, key="w_crit",
        format_func=lambda c: t("weak.criterion_all") if c is None
        else t("weak.criterion_option", code=c, name=names[c], schools=int(counts[c])),
    )
    what = t("weak.all_what") if criterion is None else t("weak.criterion_what", code=criterion)
    if criterion is not None:
        row = rows.set_index("criterion_code").loc[criterion]
        known = int(row["level_known_schools"])
        m = st.columns(4)
        m[0].metric(t("weak.detail.schools"), f"{int(row['schools_with_items'])}/{in_scope}",
                    delta=format_percent(row["share"], 0), delta_color="off", delta_arrow="off")
        m[1].metric(t("weak.detail.chronic"), format_number(int(row["chronic_schools"])),
                    help=t("weak.col.chronic_help"))
        m[2].metric(
            t("weak.detail.below"), f"{int(row['below_target_schools'])}/{known}" if known else "–",
            delta=format_percent(row["below_target_share"], 0) if known else None, delta_color="off",
            delta_arrow="off",
            help=t("weak.col.below_target_help"),
        )
        m[3].metric(t("weak.detail.overdue"), format_number(int(row["overdue_items"])))

    # lazy tabs (issue 20): only the open one loads its data and is sent; the open one is in the URL
    tab_items, tab_themes, tab_chronic, tab_worked = ui.url_tabs("wtab", [
        t("weak.tab.items"), t("weak.tab.themes"), t("weak.tab.chronic"), t("weak.tab.worked")])

    if tab_items.open:
        with tab_items:
            all_years = st.checkbox(t("weak.items.all_years"), key="w_all_years")
            listed = ui.load(wk.items, scope, filters, framework, criterion, all_years)
            if listed.total == 0:
                st.info(t("weak.items.empty", school_year=filters.school_year, what=what))
            else:
                st.caption(t("weak.items.truncated", shown=len(listed.rows), total=format_number(listed.total))
                           if listed.truncated else t("weak.items.count", total=format_number(listed.total)))
                view = listed.rows.assign(
                    target=listed.rows["target_level"].map(level_label),
                    progress=listed.rows["bucket"].map(BUCKET_LABELS),
                    due=listed.rows["due_date"].map(ui.format_date),
                )
                columns = ["school_year", "school_name", "criterion_code", "progress", "weakness", "measures",
                           "due", "target"]
                if criterion is not None:
                    columns.remove("criterion_code")
                if not all_years:
                    columns.remove("school_year")
                st.dataframe(
                    ui.page_rows(view[columns], "w_items", "weak.items.paged"), hide_index=True, width="stretch",
                    height=TABLE_PX, key="w_items_table",
                    row_height=TEXT_ROW_PX,
                    column_config=item_columns(target=t("weak.col.target"), progress=t("weak.col.progress"),
                                               due=t("weak.col.due")),
                )

    if tab_themes.open:
        with tab_themes:
            found = ui.load(wk.weakness_themes, scope, filters, framework, criterion)
            shared = found.themes[found.themes["schools"] >= 2]
            single = found.themes[found.themes["schools"] < 2]
            st.caption(t("weak.themes.how", threshold=format_number(themes.THRESHOLD, 2)))
            if found.themes.empty:
                st.info(t("weak.themes.empty", school_year=filters.school_year, what=what))
            else:
                if found.capped:
                    st.caption(t("weak.themes.capped", limit=format_number(wk.THEME_TEXT_LIMIT)))
                if shared.empty:
                    st.info(t("weak.themes.none_shared"))
                for theme in shared.head(THEMES_SHOWN).itertuples():
                    in_criteria = (t("weak.themes.criteria", codes=", ".join(theme.criteria))
                                   if criterion is None and theme.criteria else "")
                    one_text = theme.texts == 1  # the same sentence in several schools: it is its own label
                    label = theme.examples[0] if one_text else theme.label[:1].upper() + theme.label[1:]
                    heading = t("weak.themes.heading", n=theme.theme, label=md(label), schools=theme.schools,
                                items=theme.items, criteria=in_criteria)
                    bullets = "" if one_text else "\n" + "\n".join(f"- {md(example)}" for example in theme.examples)
                    st.markdown(heading + bullets)
                rest = pd.concat([shared.iloc[THEMES_SHOWN:], single])
                if len(rest):
                    with st.expander(t("weak.themes.rest", n=len(rest)), expanded=shared.empty):
                        rest_columns = ["example", "schools", "items"] + (["codes"] if criterion is None else [])
                        st.dataframe(
                            rest.assign(example=rest["examples"].map(lambda e: e[0] if e else ""),
                                        codes=rest["criteria"].map(", ".join))[rest_columns],
                            hide_index=True, width="stretch", row_height=TEXT_ROW_PX,
                            column_config={
                                "example": st.column_config.TextColumn(t("weak.col.examples"), width=TEXT_COL_PX * 2),
                                "schools": st.column_config.NumberColumn(t("count.schools")),
                                "items": st.column_config.NumberColumn(t("count.items")),
                                "codes": t("weak.col.criterion"),
                            },
                        )

    if tab_chronic.open:
        with tab_chronic:
            chronic_here = chronic if criterion is None else chronic[chronic["criterion_code"] == criterion]
            st.caption(t("weak.chronic.how", school_year=filters.school_year))
            if chronic_here.empty:
                st.info(t("weak.chronic.empty", school_year=filters.school_year, what=what))
            else:
                table = chronic_here[["school_name", "unit_name", "first_school_year", "years"]]
                config = {
                    "school_name": t("col.school"),
                    "unit_name": t("col.unit"),
                    "first_school_year": t("weak.col.since"),
                    "years": st.column_config.NumberColumn(t("weak.col.years")),
                }
                if criterion is None:
                    st.markdown("**" + t("weak.chronic.by_school") + "**")
                    table = wk.chronic_by_school(chronic)[["school_name", "unit_name", "chronic_criteria", "criteria"]]
                    config = {
                        "school_name": t("col.school"),
                        "unit_name": t("col.unit"),
                        "chronic_criteria": st.column_config.NumberColumn(t("weak.col.chronic_count")),
                        "criteria": st.column_config.TextColumn(t("weak.col.chronic_criteria"), width="large"),
                    }
                st.dataframe(ui.page_rows(table, "w_chronic", "weak.chronic.paged"), hide_index=True, width="stretch",
                             column_config=config)

    if tab_worked.open:
        with tab_worked:
            worked = ui.load(wk.measures_worked, scope, filters, framework, criterion)
            st.caption(t("weak.worked.how"))
            if worked.known == 0:
                st.info(t("weak.worked.empty", school_year=filters.school_year))
            elif worked.improved == 0:
                st.info(t("weak.worked.none", known=format_number(worked.known)))
            else:
                st.markdown(t("weak.worked.summary", improved=format_number(worked.improved),
                              known=format_number(worked.known), share=format_percent(worked.share, 0)))
                view = worked.rows.assign(
                    change=[t("weak.level_change", before=level_label(b), after=level_label(a))
                            for b, a in zip(worked.rows["level_before"], worked.rows["level_after"])],
                )
                columns = ["criterion_code", "measures", "change", "school_name", "plan_year", "weakness"]
                if criterion is not None:
                    columns.remove("criterion_code")
                st.dataframe(
                    view[columns], hide_index=True, width="stretch", height=TABLE_PX, row_height=TEXT_ROW_PX,
                    column_config={
                        "criterion_code": st.column_config.TextColumn(t("weak.col.criterion"), width=70),
                        "measures": st.column_config.TextColumn(t("weak.col.measures"), width=TEXT_COL_PX + 60),
                        "change": st.column_config.TextColumn(t("weak.col.level_change"), width=150),
                        "school_name": st.column_config.TextColumn(t("col.school"), width=170),
                        "plan_year": t("weak.col.plan_year"),
                        "weakness": st.column_config.TextColumn(t("weak.col.weakness"), width=TEXT_COL_PX),
                    },
                )

# ---------------------------------------------------------------- search (every year, every framework)
st.subheader(t("weak.search.title"))
query = ui.url_text("q", t("weak.search.label"), key="w_q", placeholder=t("weak.search.placeholder"),
                    help=t("weak.search.help"))
if query:
    result = ui.load(wk.search, scope, filters, query)
    if result.total == 0:
        st.info(t("weak.search.none", query=md(query)))
    else:
        if result.from_reports:  # plan items and the criteria of imported reports (issue 15)
            st.caption(t("weak.search.count_reports", plans=format_number(result.total - result.from_reports),
                         reports=format_number(result.from_reports), query=md(query))
                       + (" " + t("weak.search.shown_first", shown=len(result.rows)) if result.truncated else ""))
        else:
            st.caption(t("weak.search.truncated", total=format_number(result.total), shown=len(result.rows),
                         query=md(query)) if result.truncated
                       else t("weak.search.count", total=format_number(result.total), query=md(query)))
        found_in = {(True, False): t("weak.found.weakness"), (False, True): t("weak.found.measures"),
                    (True, True): t("weak.found.both")}
        # a report's own "Điểm yếu" / "Kế hoạch cải tiến" (issue 15) is marked as such
        view = result.rows.assign(
            found=[found_in.get((bool(w), bool(m)), "") if s == "plan" else
                   t("weak.found.report", found=found_in.get((bool(w), bool(m)), ""), source=t("weak.source." + s))
                   for w, m, s in zip(result.rows["in_weakness"], result.rows["in_measures"], result.rows["source"])],
            progress=result.rows["bucket"].map(BUCKET_LABELS),
        )
        st.dataframe(
            view[["school_year", "school_name", "criterion_code", "found", "weakness", "measures", "progress"]],
            hide_index=True, width="stretch", height=TABLE_PX, key="w_search_table", row_height=TEXT_ROW_PX,
            column_config=item_columns(found=t("weak.col.found_in"), progress=t("weak.col.progress")),
        )
