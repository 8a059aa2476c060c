"""Quá hạn: plan items overdue or at risk on the as-of date, where they pile up, the
item list (filter, search, sort, pages, export, status updates with history) and the
plan quality checks."""

import hashlib
from datetime import date, datetime

import streamlit as st

from kdcl import charts, data, exports, ui, updates
from kdcl.data import plan_items as pi
from kdcl.rules import STATUSES, format_number
from kdcl.strings import SCHOOL_TYPE_LABELS, STATUS_LABELS, t
from kdcl.text import markdown_literal

SCHOOL_SELECT_MAX = 3000  # above this many schools the school filter is a code box

scope, filters = ui.page_filters(t("overdue.title"), risk_days=True)
one_school = scope.school_id is not None  # a principal: their school's items, no per-school views
st.title(t("overdue.title"))

summary = ui.load(pi.overdue_summary, scope, filters)
if summary["schools_total"] == 0:
    st.info(t("empty.no_schools"))
    st.stop()
ui.show_context(scope, filters, summary["schools_with_plan"], summary["schools_total"])
as_of_text = ui.format_date(filters.as_of)
st.caption(
    t("overdue.caption", as_of=as_of_text, days=filters.risk_days)
    + ("" if one_school else " " + t("overdue.reported_note", school_year=filters.school_year))
)
if summary["items"] == 0:
    st.info(t("empty.no_items", school_year=filters.school_year))
    st.stop()

flash = st.session_state.pop("overdue_flash", None)
if flash:
    st.success(flash)

# --------------------------------------------------------------------------- headline
cols = st.columns(6)
cols[0].metric(
    t("overdue.kpi.overdue"),
    format_number(summary["overdue"]),
    delta=None if one_school else t("overdue.kpi.overdue_delta", schools=format_number(summary["schools_with_overdue"])),
    delta_color="off",
    delta_arrow="off",
    help=t("overdue.kpi.overdue_help", as_of=as_of_text),
)
cols[1].metric(
    t("overdue.kpi.at_risk"),
    format_number(summary["at_risk"]),
    help=t("overdue.kpi.at_risk_help", as_of=as_of_text, days=filters.risk_days),
)
cols[2].metric(
    t("overdue.kpi.on_track"),
    format_number(summary["on_track"]),
    help=t("overdue.kpi.on_track_help", days=filters.risk_days),
)
cols[3].metric(
    t("overdue.kpi.no_deadline"), format_number(summary["no_deadline"]), help=t("overdue.kpi.no_deadline_help")
)
cols[4].metric(
    t("overdue.kpi.done_on_time"), format_number(summary["done_on_time"]), help=t("overdue.kpi.done_on_time_help")
)
cols[5].metric(t("overdue.kpi.done_late"), format_number(summary["done_late"]), help=t("overdue.kpi.done_late_help"))
st.caption(
    t("overdue.kpi.dropped_note", dropped=format_number(summary["dropped"]), items=format_number(summary["items"]))
)


def first_of(frame, key_column: str, key, column: str, default=None):
    """`column` of the first row whose `key_column` is `key` (`default` when none)."""
    hit = frame.loc[frame[key_column] == key, column] if key is not None else ()
    return hit.iloc[0] if len(hit) else default


def _digest(values) -> str:
    return hashlib.sha1(repr(list(values)).encode()).hexdigest()[:12]


# --------------------------------------------------------------------------- item list


def list_filters(schools, criterion_labels: dict[str, str]) -> pi.ItemQuery:
    """The list's own filters (kept in the URL like the sidebar's), search, sort and page."""
    row1 = st.columns([1.3, 2, 2, 1.4]) if not one_school else [*st.columns([1.3, 3, 1.6])]
    if one_school:  # no school filter: its column goes to the criterion
        row1 = [row1[0], None, row1[1], row1[2]]
    options = ["all", *pi.LIST_BUCKETS]  # "all" has a name, so a link can carry it
    default_bucket = "open" if one_school else "overdue"  # a school with nothing overdue still sees its list
    bucket = ui.url_choice("bucket", t("overdue.filter.bucket"), options, default_bucket, key="w_od_bucket",
                           container=row1[0], format_func=lambda b: pi.list_bucket_label(None if b == "all" else b))
    bucket = None if bucket == "all" else bucket

    if one_school:
        school_id = None  # the scope holds one school already
    elif len(schools) <= SCHOOL_SELECT_MAX:
        school_names = dict(zip(schools["school_id"], schools["school_name"]))  # only for a short list
        school_id = ui.url_choice("school", t("overdue.filter.school"), [None, *schools["school_id"]], None,
                                  key="w_od_school", container=row1[1],
                                  format_func=lambda s: t("all") if s is None else school_names.get(s, s))
    else:  # a province: typing a code beats scrolling through thousands of names
        school_id = ui.from_url("school", [], None)
        school_id = row1[1].text_input(t("overdue.filter.school_code"), value=school_id or "", key="w_od_school_code")
        school_id = school_id.strip().upper() or None
        ui.to_url("school", school_id)

    criterion = ui.url_choice("crit", t("overdue.filter.criterion"), [None, *criterion_labels], None,
                              key="w_od_criterion", container=row1[2],
                              format_func=lambda k: t("all") if k is None else criterion_labels[k])
    lead_role = ui.url_choice("lead", t("overdue.filter.lead"), [None, *pi.LEAD_ROLES], None, key="w_od_lead",
                              container=row1[3], help=t("overdue.filter.lead_help"),
                              format_func=lambda r: t("all") if r is None else pi.LEAD_ROLE_LABELS[r])

    row2 = st.columns([3, 1.6, 0.9, 1], vertical_alignment="bottom")
    search = ui.url_text("q", t("overdue.filter.search"), key="w_od_search", container=row2[0],
                         placeholder=t("overdue.filter.search_placeholder"), help=t("overdue.filter.search_help"))
    sort = ui.url_choice("sort", t("overdue.filter.sort"), pi.SORT_COLUMNS, "days_late", key="w_od_sort",
                         container=row2[1], format_func=lambda c: t(f"overdue.sort.{c}"))
    descending = bool(ui.from_url("desc", [0, 1], 1, parse=int))
    descending = row2[2].toggle(t("overdue.filter.descending"), value=descending, key="w_od_desc")
    ui.to_url("desc", int(descending), 1)
    page_size = row2[3].selectbox(t("overdue.filter.page_size"), pi.PAGE_SIZES, index=1, key="w_od_page_size")

    signature = (bucket, school_id, criterion, lead_role, search, sort, descending, page_size, filters)
    if st.session_state.get("_od_signature") != signature:  # other filters: back to the first page
        st.session_state["_od_signature"] = signature
        st.session_state["w_od_page"] = 1
    framework_id, criterion_code = pi.split_criterion_key(criterion)
    return pi.ItemQuery(
        bucket=bucket,
        school_id=school_id,
        framework_id=framework_id,
        criterion_code=criterion_code,
        lead_role=lead_role,
        search=search,
        sort=sort,
        descending=descending,
        page=max(1, int(st.session_state.get("w_od_page", 1))),
        page_size=page_size,
    )


def export_buttons(container, query: pi.ItemQuery, labels: dict[str, str], total: int) -> None:
    """Excel and CSV of every item matching the filters, built only when clicked."""

    def build():
        full = pi.items_for_export(ui.get_store(), scope, filters, query)
        return full, pi.table_frame(full.rows)

    def xlsx() -> bytes:
        full, frame = build()
        context = pi.export_context(filters, query, labels, summary, full, scope.user, datetime.now(),
                                    one_school=one_school)
        return exports.to_xlsx(frame, context)

    def csv() -> bytes:
        return exports.to_csv(build()[1])

    stem = t("overdue.export.file", school_year=filters.school_year, as_of=filters.as_of.isoformat())
    help_text = t("overdue.export.help", total=format_number(total))
    files = (("xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
             ("csv", csv, "text/csv"))
    for column, (fmt, content, mime) in zip(container.columns(2), files):
        column.download_button(t(f"overdue.export.{fmt}"), data=content, file_name=f"{stem}.{fmt}", mime=mime,
                               icon=":material/download:", help=help_text, on_click="ignore", key=f"od_export_{fmt}")


def item_detail(item) -> None:
    # plan text is shown as typed, never read as Markdown/HTML (issue 21)
    st.subheader(
        t(
            "overdue.detail.header",
            school=markdown_literal(item["school_name"]),
            criterion=markdown_literal(pi.criterion_text(item["criterion_code"], item["criterion_name"])),
        )
    )
    st.markdown(f"**{t('overdue.detail.weakness')}:** {markdown_literal(item['weakness']) or '–'}")
    st.markdown(f"**{t('overdue.detail.measures')}:** {markdown_literal(item['measures']) or '–'}")
    st.markdown(
        f"**{t('overdue.detail.time')}:** "
        + t("overdue.detail.time_value", text=markdown_literal(item["time_text"]) or "–",
            due=ui.format_date(item["due_date"]))
    )
    if item["checks"]:
        st.markdown(
            f"**{t('overdue.detail.checks')}:**\n\n"
            + "\n".join(f"- {pi.PLAN_CHECK_LABELS[c]}: {pi.PLAN_CHECK_HELP[c]}" for c in item["checks"])
        )
    with st.expander(t("overdue.history.title")):
        history = ui.load(pi.item_history, scope, int(item["item_id"]))
        if history.empty:
            st.caption(t("overdue.history.empty"))
        else:
            st.dataframe(pi.history_frame(history), hide_index=True, width="stretch")


FORM_WIDGETS = ("w_od_status_", "w_od_reason_", "w_od_done_", "w_od_note_", "_od_seen_")


def reset_forms(keep: str | None = None) -> None:
    """Forget the edit forms (their widget values and the versions they were opened on),
    except the one for `keep`."""
    for name in list(st.session_state):
        if isinstance(name, str) and name.startswith(FORM_WIDGETS) and not name.endswith(f"_{keep}"):
            del st.session_state[name]


def update_form(selected) -> None:
    """Status, reason, completion date and note for the selected items; one transaction.
    The versions checked are those shown when the form was opened (optimistic locking):
    if someone saved in between, the save is refused with a conflict message."""
    if not scope.can_write:
        st.info(t("overdue.update.viewer"))
        return
    single = len(selected) == 1
    key = _digest(selected["item_id"])
    reset_forms(keep=key)
    seen = st.session_state.setdefault(
        f"_od_seen_{key}", {int(r.item_id): int(r.version) for r in selected.itertuples(index=False)}
    )
    current = selected.iloc[0]
    status_options = list(STATUSES) if single else [None, *STATUSES]
    edit = st.columns([1.2, 1.2, 2])
    status = edit[0].selectbox(
        t("overdue.update.status"),
        status_options,
        index=status_options.index(current["status"]) if single else 0,
        format_func=lambda s: t("overdue.update.keep") if s is None else STATUS_LABELS[s],
        key=f"w_od_status_{key}",
    )
    fields = {}
    if status is not None:
        fields["status"] = status
    if status == "dropped":
        fields["status_reason"] = edit[1].text_input(
            t("overdue.update.reason"),
            value=(current["status_reason"] or "") if single else "",
            help=t("overdue.update.reason_help"),
            key=f"w_od_reason_{key}",
        )
    if status == "done":
        fields["completed_on"] = edit[1].date_input(
            t("overdue.update.completed_on"),
            value=(pi.as_date(current["completed_on"]) if single else None) or date.today(),
            max_value=date.today(),
            format="DD/MM/YYYY",
            help=t("overdue.update.completed_on_help"),
            key=f"w_od_done_{key}",
        )
    note = edit[2].text_area(
        t("overdue.update.note"),
        value=(current["progress_note"] or "") if single else "",
        help=None if single else t("overdue.update.note_help_bulk"),
        height=80,
        key=f"w_od_note_{key}",
    )
    if single or note.strip():
        fields["progress_note"] = note
    if not st.button(t("overdue.update.save"), type="primary", key=f"w_od_save_{key}"):
        return
    changes = [updates.ItemChange(item_id, version, **fields) for item_id, version in seen.items()]
    # reload: the form opens again on the item as it is now
    after = ui.save_item_changes(scope, changes, f"w_od_reload_{key}", reset_forms)
    if after is None:
        return
    changed = sum(after[i] != seen[i] for i in seen)
    st.session_state["overdue_flash"] = (
        t("overdue.update.saved", n=changed) if changed else t("overdue.update.unchanged")
    )
    reset_forms()
    st.rerun()


def show_list() -> None:
    schools = ui.load(pi.school_options, scope, filters)
    criteria = ui.load(pi.criterion_options, scope, filters)
    criterion_labels = pi.criterion_choices(criteria)
    query = list_filters(schools, criterion_labels)
    page = ui.load(pi.item_page, scope, filters, query)
    if page.total == 0:
        st.info(t("overdue.list.empty"))
        return
    rows = pi.attach_checks(page.rows, ui.load(pi.plan_quality, scope, filters, tuple(page.rows["item_id"])))

    head = st.columns([3, 1, 2], vertical_alignment="center")
    head[0].markdown(
        "**"
        + (t("overdue.list.count_school", total=format_number(page.total))
           + (t("overdue.list.page_of", page=page.page, pages=page.pages) if page.pages > 1 else "")
           if one_school else
           t(
            "overdue.list.count",
            total=format_number(page.total),
            schools=format_number(page.schools),
            page=page.page,
            pages=page.pages,
           ))
        + "**"
    )
    if page.pages > 1:
        st.session_state["w_od_page"] = page.page  # a page past the end was shown as the last one
        head[1].number_input(t("overdue.filter.page"), 1, page.pages, step=1, key="w_od_page")
    # the names of the chosen unit and school only (no dict of a province's schools and units per click)
    school_key = scope.school_id if one_school else query.school_id
    labels = {
        "unit": first_of(ui.load(data.units, scope), "unit_id", filters.unit_id, "name") if filters.unit_id else None,
        "school_type": SCHOOL_TYPE_LABELS.get(filters.school_type),
        "school": first_of(schools, "school_id", school_key, "school_name", query.school_id),
        "criterion": criterion_labels.get(f"{query.framework_id}:{query.criterion_code}"),
    }
    export_buttons(head[2], query, labels, page.total)

    table = pi.table_frame(rows)
    if one_school:  # the same school on every row says nothing
        table = table.drop(columns=[t("overdue.col.school")])
    col = {key: t(f"overdue.col.{key}") for key in pi.TABLE_COLUMNS}
    # what a clerk acts on first, left, visible at 1280-1440 px without scrolling sideways (issue 18);
    # the long texts after them
    first = ("school", "due_date", "days_late", "lead", "bucket", "status")
    order = [col[k] for k in first] + [col[k] for k in pi.TABLE_COLUMNS if k not in first]
    # a selection is row positions: it belongs to these exact items, other items start afresh
    event = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(table), 640),
        on_select="rerun",
        selection_mode="multi-row",
        key="od_table_" + _digest(rows["item_id"]),
        column_order=order,
        column_config={
            col["school"]: st.column_config.TextColumn(width="medium", pinned=True),
            col["lead"]: st.column_config.TextColumn(width="small"),
            col["criterion"]: st.column_config.TextColumn(width="medium"),
            col["weakness"]: st.column_config.TextColumn(width="large"),
            col["measures"]: st.column_config.TextColumn(width="large"),
            col["due_date"]: st.column_config.DateColumn(format="DD/MM/YYYY", help=t("overdue.col.due_date_help")),
            col["last_changed_at"]: st.column_config.DatetimeColumn(format="DD/MM/YYYY HH:mm"),
            col["days_late"]: st.column_config.NumberColumn(help=t("overdue.col.days_late_help"), format="%d"),
            col["checks"]: st.column_config.TextColumn(width="medium"),
        },
    )
    st.caption(t("overdue.list.select_hint") if scope.can_write else t("overdue.list.select_hint_viewer"))
    chosen = [i for i in (event.selection.rows if event is not None else []) if i < len(rows)]
    if not chosen:
        reset_forms()
        return
    selected = rows.iloc[chosen]
    st.divider()
    header = "overdue.update.header" if scope.can_write else "overdue.list.selected"  # a viewer: no edit prompt
    if len(selected) == 1:
        item_detail(selected.iloc[0])
        if scope.can_write:
            st.markdown("**" + t(header, n=1) + "**")
    else:
        st.subheader(t(header, n=len(selected)))
        st.markdown(
            "\n".join(
                f"- {markdown_literal(r.school_name)} · "
                f"{markdown_literal(pi.criterion_text(r.criterion_code, r.criterion_name))}"
                for r in selected.itertuples(index=False)
            )
        )
        if scope.can_write:
            st.caption(t("overdue.update.all_or_nothing"))
    update_form(selected)


# --------------------------------------------------------------------------- analysis


def groups_chart(breakdown, dimension: str, title_key: str, label_width: int = 34) -> None:
    groups, others = pi.breakdown_groups(breakdown, dimension)
    st.plotly_chart(
        charts.overdue_groups_bar(groups, pi.AGING_LABELS, t(title_key), label_width=label_width),
        width="stretch",
        key=f"od_chart_{dimension}",
    )
    if others is not None:  # the long tail as a sentence: a bar for it would flatten the others
        st.caption(t("overdue.others_note", label=others["label"], items=format_number(int(others["items"]))))


def show_analysis() -> None:
    if summary["overdue"] == 0:
        st.success(t("overdue.chart.none", as_of=as_of_text))
        return
    breakdown = ui.load(pi.overdue_breakdown, scope, filters)
    left, right = st.columns(2)
    with left:
        aging = {"lt30": summary["overdue_lt30"], "30_90": summary["overdue_30_90"], "gt90": summary["overdue_gt90"]}
        st.plotly_chart(
            charts.aging_bar(aging, pi.AGING_LABELS, t("overdue.chart.aging")), width="stretch", key="od_chart_aging"
        )
    with right:
        groups_chart(breakdown, "lead_role", "overdue.chart.by_lead")
    if one_school:  # no bar of the one school: its items by criterion
        groups_chart(breakdown, "criterion", "overdue.chart.by_criterion")
    else:
        left, right = st.columns(2)
        with left:
            groups_chart(breakdown, "school", "overdue.chart.by_school")
            st.caption(t("overdue.chart.by_school_caption"))
        with right:
            groups_chart(breakdown, "criterion", "overdue.chart.by_criterion")
    groups_chart(breakdown, "standard", "overdue.chart.by_standard", label_width=70)


# --------------------------------------------------------------------------- plan quality


def show_quality() -> None:
    st.markdown(t("overdue.quality.intro"))
    st.markdown("\n".join(f"- **{pi.PLAN_CHECK_LABELS[c]}**: {pi.PLAN_CHECK_HELP[c]}" for c in pi.PLAN_CHECKS))
    quality = ui.load(pi.plan_quality_by_school, scope, filters)
    flagged = quality[quality["items_flagged"] > 0]
    if flagged.empty:
        st.success(t("overdue.quality.none"))
        return
    if one_school:  # one row per check, not a table of one school
        row = flagged.iloc[0]
        st.markdown("**" + t("overdue.school.quality") + "**")
        st.dataframe(
            {t("overdue.school.quality_check"): [pi.PLAN_CHECK_LABELS[c] for c in pi.PLAN_CHECKS if row[c]],
             t("overdue.school.quality_col"): [int(row[c]) for c in pi.PLAN_CHECKS if row[c]]},
            hide_index=True,
        )
        st.caption(t("overdue.quality.per_item"))
        return
    st.markdown(
        "**"
        + t(
            "overdue.quality.summary",
            flagged=format_number(int(flagged["items_flagged"].sum())),
            items=format_number(summary["items"]),
            schools=format_number(len(flagged)),
        )
        + "**"
    )
    # zero shown as blank: the eye finds the problems (text, not a missing number: the grid writes "None")
    counts = flagged[list(pi.PLAN_CHECKS)].astype("int64")
    counts = counts.apply(lambda col: col.map(lambda n: format_number(n) if n > 0 else ""))
    st.dataframe(
        flagged[["school_name", "items", "items_flagged"]].join(counts),
        hide_index=True,
        width="stretch",
        column_config={
            "school_name": st.column_config.TextColumn(t("col.school"), width="medium", ),
            "items": st.column_config.NumberColumn(t("overdue.quality.col.items")),
            "items_flagged": st.column_config.NumberColumn(t("overdue.quality.col.flagged")),
            **{
                c: st.column_config.TextColumn(pi.PLAN_CHECK_LABELS[c], help=pi.PLAN_CHECK_HELP[c],
                                               alignment="right")
                for c in pi.PLAN_CHECKS
            },
        },
    )
    st.caption(t("overdue.quality.per_item"))


# lazy tabs: only the open one runs (a province's charts are not drawn while editing the list)
tabs = st.tabs(
    [t("overdue.tab.list"), t("overdue.tab.analysis"), t("overdue.tab.quality")], on_change="rerun", key="w_od_tab"
)
for tab, show in zip(tabs, (show_list, show_analysis, show_quality)):
    if tab.open:
        with tab:
            show()
