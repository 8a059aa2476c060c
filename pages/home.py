"""Trường của tôi: where a principal lands. Their school's name and level with the official
summary block, what keeps it from the next level, this year's plan items grouped by what needs
doing first (each one updated right here: status, completion date, note, with the same history
and version check as the overdue page), and where the school stands among its peers (a band,
never a rank). The item being updated is in the URL (?item=ID), like the filters.
"""

from datetime import date

import pandas as pd
import streamlit as st

from kdcl import charts, ui, updates
from kdcl.data import home as home_data
from kdcl.data import school as school_data
from kdcl.data import plan_items as pi
from kdcl.data.plan_items import as_date
from kdcl.rules import STATUSES, format_number, format_percent
from kdcl.text import markdown_literal
from kdcl.strings import LEVEL_LABELS, SCHOOL_TYPE_LABELS, STATUS_LABELS, t

# phone-friendly: buttons a finger can hit, item cards that wrap instead of overflowing
PAGE_CSS = """
.st-key-home_plan button { min-height: 44px; }
.st-key-home_plan [data-testid="stMarkdownContainer"] p { overflow-wrap: anywhere; }
"""
EDIT_KEY = "w_home_item"
FORM_WIDGETS = ("w_home_status_", "w_home_done_", "w_home_reason_", "w_home_note_", "_home_seen_")

scope, filters = ui.page_filters(t("nav.home"), unit=False, school_type=False, risk_days=True)

school_id = home_data.own_school(scope)
if school_id is None:  # the office or an admin opening the page: pick a school first
    st.title(t("nav.home"))
    st.caption(t("home.for_principal"))
    school_id = ui.school_picker(scope, filters)
    if school_id is None:
        st.stop()

home = home_data.home_of(ui.load(school_data.school_report, scope, filters, school_id))  # the school page's report
report = home.report
school = report.school
year = filters.school_year
st.html(f"<style>{PAGE_CSS}</style>")


def level_label(value) -> str:
    return LEVEL_LABELS[None if value is None or pd.isna(value) else int(value)]


def text_of(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def shown(value) -> str:
    """A school's own text inside Markdown, as typed (a "*" or "_" in a plan stays a character)."""
    return markdown_literal(text_of(value))


st.title(school["name"])
st.caption(t(
    "home.context",
    school_type=SCHOOL_TYPE_LABELS.get(school["school_type"], school["school_type"]),
    unit=school["unit_name"],
    circular=school["circular"],
    school_year=year,
    as_of=ui.format_date(filters.as_of),
))

# --------------------------------------------------------------------------- level and summary
left, right = st.columns([3, 2])
with left:
    st.subheader(t("school.summary.title", school_year=year))
    if not report.assessed:
        st.info(t("school.no_assessment", school_year=year))
    else:
        with st.container(border=True):
            for line in report.summary:
                st.markdown(t("school.summary.line", level=line.level, reached=line.reached,
                              total=line.denominator, share=format_percent(line.share)))
            if report.level is None:
                st.markdown(t("school.summary.incomplete", assessed=report.profile["assessed"],
                              total=report.profile["criteria_total"]))
            else:
                st.markdown(t("school.summary.result", level=level_label(report.level)))
with right:
    st.metric(t("home.level", school_year=year), level_label(report.level))
    if report.target_level is not None:
        st.markdown("**" + t("home.next.title") + "**")
        st.markdown(t("school.gap", target=LEVEL_LABELS[report.target_level], n=len(report.gap),
                      codes=", ".join(report.gap)))
        crit = report.criteria
        without_plan = crit.loc[crit["blocking"] & (crit["items"] == 0), "criterion_code"].tolist()
        if without_plan:
            st.warning(t("school.gap_without_plan", n=len(without_plan), codes=", ".join(without_plan)))
        with st.expander(t("home.next.names", n=len(report.gap))):
            blocking = crit[crit["blocking"]]
            st.markdown("\n".join(
                f"- **{shown(code)}** · {shown(name)} — "
                + (t("home.next.items", n=int(n)) if n else t("home.next.no_items"))
                for code, name, n in zip(blocking["criterion_code"], blocking["criterion_name"], blocking["items"])))
    elif report.level is not None:
        st.success(t("school.top_level", level=level_label(report.level)))

# --------------------------------------------------------------------------- this year's plan


def reset_forms(keep: int | None = None) -> None:
    for name in list(st.session_state):
        if isinstance(name, str) and name.startswith(FORM_WIDGETS) and not name.endswith(f"_{keep}"):
            del st.session_state[name]


def open_editor(item_id: int) -> None:
    reset_forms()
    ui.set_url_choice("item", EDIT_KEY, int(item_id))


def close_editor() -> None:
    reset_forms()
    ui.forget_url_choice("item", EDIT_KEY)


def item_badge(item) -> str:
    """Where the item stands, as a coloured badge: late by n days, due on a date, done on a date."""
    if item["status"] == "done":
        done_on = as_date(item["completed_on"])
        return ":green-badge[" + (t("home.item.completed", date=ui.format_date(done_on)) if done_on
                                  else STATUS_LABELS["done"]) + "]"
    if item["status"] == "dropped":
        return ":gray-badge[" + STATUS_LABELS["dropped"] + "]"
    if item["bucket"] == "overdue":
        return ":red-badge[" + t("home.item.late", days=int(item["days_late"])) + "]"
    due = as_date(item["due_date"])
    text = t("home.item.due", date=ui.format_date(due)) if due else t("home.item.no_due")
    return (":orange-badge[" if item["bucket"] == "at_risk" else ":blue-badge[") + text + "]"


def editor(item) -> None:
    """Status, completion date (when done), reason (when dropped) and note of one item, saved in one
    transaction against the version seen when the editor opened (a change made meanwhile is refused)."""
    item_id = int(item["item_id"])
    seen = st.session_state.setdefault(f"_home_seen_{item_id}", int(item["version"]))
    st.markdown("**" + t("home.item.editing", position=int(item["position"]), code=item["criterion_code"]) + "**")
    statuses = list(STATUSES)
    status = st.selectbox(t("overdue.update.status"), statuses, index=statuses.index(item["status"]),
                          format_func=STATUS_LABELS.get, key=f"w_home_status_{item_id}")
    fields: dict = {"status": status}
    if status == "done":
        fields["completed_on"] = st.date_input(
            t("overdue.update.completed_on"), value=as_date(item["completed_on"]) or date.today(),
            max_value=date.today(), format="DD/MM/YYYY", help=t("overdue.update.completed_on_help"),
            key=f"w_home_done_{item_id}",
        )
    if status == "dropped":
        fields["status_reason"] = st.text_input(t("overdue.update.reason"), value=text_of(item["status_reason"]),
                                                help=t("overdue.update.reason_help"), key=f"w_home_reason_{item_id}")
    fields["progress_note"] = st.text_area(t("overdue.update.note"), value=text_of(item["progress_note"]),
                                           height=90, key=f"w_home_note_{item_id}")
    with st.expander(t("overdue.history.title")):
        history = ui.load(pi.item_history, scope, item_id)
        if history.empty:
            st.caption(t("overdue.history.empty"))
        else:
            st.dataframe(pi.history_frame(history), hide_index=True, width="stretch")
    save, cancel = st.columns(2)
    cancel.button(t("home.item.cancel"), key=f"w_home_cancel_{item_id}", on_click=close_editor, width="stretch")
    if not save.button(t("overdue.update.save"), type="primary", key=f"w_home_save_{item_id}", width="stretch"):
        return
    after = ui.save_item_changes(scope, [updates.ItemChange(item_id, seen, **fields)], f"w_home_reload_{item_id}",
                                 reset_forms)
    if after is None:
        return
    st.session_state["home_flash"] = (t("overdue.update.saved", n=1) if after[item_id] != seen
                                      else t("overdue.update.unchanged"))
    close_editor()
    st.rerun()


def item_card(item, editing: bool) -> None:
    with st.container(border=True, key=f"home_item_{int(item['item_id'])}"):
        st.markdown(f"**{shown(item['criterion_code'])}** · {shown(item['criterion_name'])} &nbsp; {item_badge(item)}")
        if text_of(item["measures"]):
            st.markdown(f"**{t('home.item.measures')}:** {shown(item['measures'])}")
        elif text_of(item["weakness"]):
            st.markdown(shown(item["weakness"]))
        facts = [t("home.item.lead", lead=shown(item["lead"]) or "–")]
        if text_of(item["time_text"]):
            facts.append(t("home.item.time", text=shown(item["time_text"])))
        facts.append(STATUS_LABELS.get(item["status"], item["status"]))
        st.caption(" · ".join(facts))
        if text_of(item["status_reason"]) and item["status"] == "dropped":
            st.caption(t("home.item.reason", reason=shown(item["status_reason"])))
        if text_of(item["progress_note"]):
            st.caption(t("home.item.note", note=shown(item["progress_note"])))
        if not scope.can_write:
            return
        if editing:
            editor(item)
        else:
            st.button(t("home.item.edit"), key=f"w_home_edit_{int(item['item_id'])}", on_click=open_editor,
                      args=(int(item["item_id"]),), icon=":material/edit:")


with st.container(key="home_plan"):
    st.subheader(t("home.plan.title", school_year=year))
    flash = st.session_state.pop("home_flash", None)
    if flash:
        st.success(flash)
    items = report.items
    if items.empty:
        st.info(t("home.plan.none", school_year=year))
    else:
        counts = home.counts
        st.markdown(t("home.plan.counts", done=counts["done"], total=len(items)) + " · " + " · ".join(
            f"{t('home.group.' + name)}: **{counts[name]}**" for name in home_data.GROUPS if counts[name]))
        if scope.can_write:
            st.caption(t("home.plan.edit_hint"))
        ids = [int(i) for i in items["item_id"]]
        editing = ui.from_url("item", ids, None, parse=int) if scope.can_write else None
        if editing is None and st.query_params.get("item") is not None:
            st.warning(t("home.item.gone"))
            ui.forget_url_choice("item", EDIT_KEY)
        for name in home_data.GROUPS:
            group = home.groups[name]
            if group.empty:
                continue
            holds_editor = editing is not None and editing in set(group["item_id"].astype(int))
            expanded = name in home_data.OPEN_GROUPS or holds_editor or name in ("in_progress", "not_started")
            with st.expander(f"{t('home.group.' + name)} ({len(group)})", expanded=expanded):
                for row in group.to_dict("records"):
                    item_card(row, editing == int(row["item_id"]))

# --------------------------------------------------------------------------- among peers
st.subheader(t("home.peers.title"))
peers = report.peers
group_text = t("school.peers.group", school_type=SCHOOL_TYPE_LABELS.get(school["school_type"], ""),
               unit=school["unit_name"])
if not peers.compared:
    st.info(t("school.peers.no_assessment") if not report.assessed else
            t("school.peers.too_small", group=group_text, n=peers.assessed, min=school_data.MIN_PEERS))
else:
    q1, q2, q3 = peers.quartiles
    total = int(report.profile["criteria_total"] if peers.level < 3 else report.profile["m3_applicable"])
    st.markdown(t("school.peers.band." + peers.band))
    st.markdown(t("school.peers.text", group=group_text, n=peers.assessed, level=peers.level, value=peers.value,
                  total=total, q1=format_number(q1), q2=format_number(q2), q3=format_number(q3)))
    st.plotly_chart(charts.peer_position(peers.quartiles, peers.value, total, peers.level), width="stretch",
                    key="home_chart_peers", config={"displayModeBar": False})
    st.caption(t("school.peers.caption"))
st.caption(t("home.peers.details"))
