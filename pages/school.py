"""Trường: one school's self-review, as a principal reads it.

The official summary block and the school level, each criterion with its plan target
and items, this year's plan on a timeline, the levels over the years, and where the
school stands among the schools of its type in its unit (never a rank).
"""

import pandas as pd
import streamlit as st

from kdcl import charts, ui
from kdcl.data import report as report_data
from kdcl.data import school as school_data
from kdcl.rules import format_number, format_percent, format_vnd, previous_school_year
from kdcl.strings import BUCKET_LABELS, LEVEL_LABELS, SCHOOL_TYPE_LABELS, STATUS_LABELS, t

scope, filters = ui.page_filters(t("school.title"))
st.title(t("school.title"))

school_id = ui.school_picker(scope, filters)
if school_id is None:
    choices = ui.load(school_data.school_choices, scope, filters)
    st.info(t("empty.no_schools") if not choices.ids else t("school.pick_hint"))
    st.stop()

report = ui.load(school_data.school_report, scope, filters, school_id)
school = report.school
year = filters.school_year


def level_label(value) -> str:
    return LEVEL_LABELS[None if value is None or pd.isna(value) else int(value)]


def codes(values) -> str:
    return ", ".join(values)


former = school.get("former_unit_name")
if isinstance(former, str):  # "(trước đây: Huyện X)", not "(trước đây: Huyện X (cũ))"
    former = former.removesuffix(t("school.former_suffix")).strip()
st.caption(t(
    "school.context",
    school_id=school["school_id"],
    school_type=SCHOOL_TYPE_LABELS.get(school["school_type"], school["school_type"]),
    unit=school["unit_name"] + (t("school.former_unit", unit=former) if isinstance(former, str) and former else ""),
    circular=school["circular"],
    school_year=year,
    as_of=ui.format_date(filters.as_of),
))

# --------------------------------------------------------------------------- the official summary
st.subheader(t("school.summary.title", school_year=year))
if not report.assessed:
    st.info(t("school.no_assessment", school_year=year))
else:
    left, right = st.columns([3, 2])
    with left, st.container(border=True):
        for line in report.summary:
            st.markdown(t(
                "school.summary.line",
                level=line.level,
                reached=line.reached,
                total=line.denominator,
                share=format_percent(line.share),
            ))
        if report.level is None:
            st.markdown(t("school.summary.incomplete", assessed=report.profile["assessed"],
                          total=report.profile["criteria_total"]))
        else:
            st.markdown(t("school.summary.result_below") if report.level == 0
                        else t("school.summary.result", level=level_label(report.level)))
        level4 = ui.load(report_data.level4, scope, filters, school_id)
        if level4.total:  # the Mức 4 requirements the school's self-assessment report states (issue 15)
            st.caption(t("school.level4", met=level4.met, total=level4.total,
                         source=", ".join(sorted(set(level4.rows["source"].dropna())))))
    with right:
        previous = report.years[report.years["school_year"] == previous_school_year(year)]
        delta, arrow = None, "auto"
        if not previous.empty and pd.notna(previous["level"].iloc[0]) and report.level is not None:
            change = report.level - int(previous["level"].iloc[0])
            if change:
                delta = t("school.delta", change=f"{change:+d}", previous_year=previous_school_year(year))
            else:
                delta, arrow = t("school.delta_same", previous_year=previous_school_year(year)), "off"
        st.metric(t("school.level"), level_label(report.level), delta=delta, delta_arrow=arrow,
                  delta_color="normal" if arrow == "auto" else "off")
        if report.target_level is not None:
            without_plan = report.criteria.loc[report.criteria["blocking"] & (report.criteria["items"] == 0),
                                               "criterion_code"].tolist()
            st.markdown(t("school.gap", target=LEVEL_LABELS[report.target_level], n=len(report.gap),
                          codes=codes(report.gap)))
            if without_plan:
                st.warning(t("school.gap_without_plan", n=len(without_plan), codes=codes(without_plan)))
        elif report.level is not None:
            st.success(t("school.top_level", level=level_label(report.level)))
        if report.external:
            st.caption(t("school.external_note"))

# --------------------------------------------------------------------------- per criterion
st.subheader(t("school.criteria.title"))
crit = report.criteria
peers = report.peers


def items_text(row) -> str:
    parts = [f"{int(row[f'{b}_items'])} {BUCKET_LABELS[b].lower()}" for b in
             ("overdue", "at_risk", "on_track", "no_deadline", "done", "dropped") if row[f"{b}_items"]]
    return " · ".join(parts) if parts else "–"


table = pd.DataFrame({
    "criterion": crit["criterion_code"] + " · " + crit["criterion_name"],
    "level": crit["self_level"].map(level_label),
    "blocking": crit["blocking"].map(lambda b: "✔" if b else ""),
    "target": crit["target_level"].map(lambda v: "–" if pd.isna(v) else LEVEL_LABELS[int(v)]),
    "status": crit.apply(items_text, axis=1),
})
config = {
    "criterion": st.column_config.TextColumn(t("school.col.criterion"), width=330),
    "level": st.column_config.TextColumn(t("school.col.level"), width=110),
    "blocking": st.column_config.TextColumn(
        t("school.col.blocking"), help=t("school.col.blocking_help", target=LEVEL_LABELS.get(report.target_level, "–")),
        width=80,
    ),
    "target": st.column_config.TextColumn(t("school.col.target"), help=t("school.col.target_help"), width=90),
    "status": st.column_config.TextColumn(t("school.col.status"), help=t("school.col.status_help"), width="medium"),
}
if report.target_level is None:
    del config["blocking"]
if report.external:
    table["external"] = crit["external_level"].map(level_label)
    config["external"] = st.column_config.TextColumn(t("school.col.external"), width=110)
if peers.compared and report.target_level is not None:
    table["peers"] = [
        "" if pd.isna(n) else f"{int(n)}/{int(a)}" for n, a in zip(crit["peers_same_weakness"], crit["peers_assessed"])
    ]
    config["peers"] = st.column_config.TextColumn(
        t("school.col.peers"), help=t("school.col.peers_help", target=LEVEL_LABELS[report.target_level]), width=110
    )
if crit["report_weakness"].notna().any() or crit["report_improvement"].notna().any():  # from the report (issue 15)
    table["report_weakness"] = crit["report_weakness"].fillna("–")
    table["report_improvement"] = crit["report_improvement"].fillna("–")
    # the weakness next to the plan column (seen without scrolling), the improvement text last
    config = {**{k: v for k, v in config.items() if k not in ("external", "peers")},
              "report_weakness": st.column_config.TextColumn(
                  t("school.col.report_weakness"), help=t("school.col.report_weakness_help"), width="medium"),
              **{k: v for k, v in config.items() if k in ("external", "peers")},
              "report_improvement": st.column_config.TextColumn(t("school.col.report_improvement"), width="large")}
# levels as coloured labels drawn by the browser (a pandas Styler costs a CSS rule per cell per run)
for name in ("level", "external"):
    if name in config:
        table[name] = table[name].map(lambda label: [label])
        config[name] = ui.level_column(config[name]["label"], width=config[name]["width"])
st.dataframe(table[list(config)], hide_index=True, width="stretch", column_config=config,
             height=36 + 35 * min(len(table), 30))
report_text = crit[crit["report_weakness"].notna()]
if len(report_text):  # the report's own words, readable in full (issue 15)
    with st.expander(t("school.report.title", n=len(report_text)), icon=":material/description:"):
        st.caption(t("school.report.caption", school_year=year, source=", ".join(sorted(set(report_text["report_source"].dropna())))))
        st.dataframe(report_text[["criterion_code", "report_weakness", "report_improvement"]], hide_index=True,
                     width="stretch", row_height=70, column_config={
                         "criterion_code": st.column_config.TextColumn(t("school.col.code"), width=70),
                         "report_weakness": st.column_config.TextColumn(t("school.col.report_weakness"), width="large"),
                         "report_improvement": st.column_config.TextColumn(t("school.col.report_improvement"),
                                                                           width="large")})

# --------------------------------------------------------------------------- plan timeline
st.subheader(t("school.plan.title", school_year=year))
items = report.items
if items.empty:
    st.info(t("school.plan.none", school_year=year))
else:
    counts = items["bucket"].value_counts()
    pcols = st.columns(4)
    pcols[0].metric(t("school.plan.items"), format_number(len(items)))
    pcols[1].metric(BUCKET_LABELS["overdue"], format_number(int(counts.get("overdue", 0))),
                    help=t("school.plan.overdue_help"))
    pcols[2].metric(BUCKET_LABELS["at_risk"], format_number(int(counts.get("at_risk", 0))),
                    help=t("school.plan.at_risk_help", days=filters.risk_days))
    pcols[3].metric(BUCKET_LABELS["done"], format_number(int(counts.get("done", 0))))
    start_year = int(year[:4])
    st.plotly_chart(
        charts.plan_timeline(items, filters.as_of, f"{start_year}-09-01", f"{start_year + 1}-05-31"),
        width="stretch", key="chart_timeline",
    )
    st.caption(t("school.plan.caption"))
    with st.expander(t("school.plan.table", n=len(items))):
        plan_table = items.assign(
            status_text=items["status"].map(STATUS_LABELS),
            bucket_text=items["bucket"].map(BUCKET_LABELS),
            due=items["due_date"].map(ui.format_date),
            budget=items["budget_vnd"].map(format_vnd).where(items["budget_vnd"].notna(), items["budget_text"]),
        )
        st.dataframe(
            plan_table[["position", "criterion_code", "weakness", "measures", "lead", "time_text", "due",
                        "bucket_text", "status_text", "days_late", "budget"]],
            hide_index=True, width="stretch",
            column_config={
                "position": t("school.col.position"),
                "criterion_code": t("school.col.code"),
                "weakness": st.column_config.TextColumn(t("school.col.weakness"), width="medium"),
                "measures": st.column_config.TextColumn(t("school.col.measures"), width="medium"),
                "lead": t("school.col.lead"),
                "time_text": t("school.col.time_text"),
                "due": t("school.col.due"),
                "bucket_text": t("school.col.bucket"),
                "status_text": t("col.status"),
                "days_late": st.column_config.NumberColumn(t("school.col.days_late")),
                "budget": t("school.col.budget"),
            },
        )

# --------------------------------------------------------------------------- over the years
st.subheader(t("school.history.title"))
years = report.years[report.years["school_year"] <= year]  # up to the chosen year
if len(years) < 2:
    only = years["school_year"].iloc[0] if len(years) else year
    st.info(t("school.history.single", school_year=only))
else:
    st.markdown(" → ".join(f"{y}: **{level_label(v)}**" for y, v in zip(years["school_year"], years["level"])))
    row_labels = {y: y for y in years["school_year"]}
    cells = report.history[report.history["school_year"] <= year].rename(columns={"school_year": "row_id"})
    st.plotly_chart(
        charts.level_matrix(cells, crit, years["school_year"].tolist(), row_labels,
                            row_levels=dict(zip(years["school_year"], years["level"]))),
        width="stretch", key="chart_history",
    )

# --------------------------------------------------------------------------- among peers
st.subheader(t("school.peers.title"))
group = t("school.peers.group", school_type=SCHOOL_TYPE_LABELS.get(school["school_type"], ""), unit=school["unit_name"])
if not peers.compared:
    if not report.assessed:
        st.info(t("school.peers.no_assessment"))
    else:
        st.info(t("school.peers.too_small", group=group, n=peers.assessed, min=school_data.MIN_PEERS))
else:
    q1, q2, q3 = peers.quartiles
    total = int(report.profile["criteria_total"] if peers.level < 3 else report.profile["m3_applicable"])
    st.markdown(t(
        "school.peers.text", group=group, n=peers.assessed, level=peers.level, value=peers.value, total=total,
        q1=format_number(q1), q2=format_number(q2), q3=format_number(q3),
    ))
    st.markdown(t(f"school.peers.band.{peers.band}"))
    st.plotly_chart(charts.peer_position(peers.quartiles, peers.value, total, peers.level), width="stretch",
                    key="chart_peers")
    shared = crit[crit["peers_same_weakness"].fillna(0) > 0].sort_values("peers_same_weakness", ascending=False)
    if report.target_level is not None and not shared.empty:
        st.markdown(t("school.peers.shared", target=LEVEL_LABELS[report.target_level]) + " " + "; ".join(
            t("school.peers.shared_item", code=c, n=int(n), of=int(a))
            for c, n, a in zip(shared["criterion_code"].head(5), shared["peers_same_weakness"].head(5),
                               shared["peers_assessed"].head(5))
        ))
    st.caption(t("school.peers.caption"))
