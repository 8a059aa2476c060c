"""Nhập dữ liệu: upload plans (.docx/.txt) and templates (.xlsx/.csv), preview, confirm.

Every file is checked and previewed (a dry run of kdcl.importing.import_files); nothing is
written until the confirm button, and then each file goes in whole or not at all.
"""

from datetime import date

import pandas as pd
import streamlit as st

from kdcl import data, rules, templates, ui
from kdcl.data import Filters
from kdcl.data import school as school_data
from kdcl.importing import Options, Upload, import_files, preview
from kdcl.importing.plan_preview import layout_line, missing_frame
from kdcl.importing.safety import MAX_BATCH_BYTES, MAX_FILE_BYTES, MAX_TABLE_ROWS
from kdcl.importing.service import sha256_of
from kdcl.importing.validate import MATCH_RULE, OFFICE_RULE, field_label
from kdcl.strings import t
from kdcl.timetext import MONEY_RULES, TIME_RULES

KINDS = ("plan", "assessment", "schools")
CONFLICT_CHOICES = ("ask", "current", "file")  # issue 16: a stale export row: not chosen / keep / overwrite
STATUS_ICON = {"ready": ":material/check_circle:", "imported": ":material/check_circle:",
               "duplicate": ":material/content_copy:", "rejected": ":material/error:"}
PREVIEW_ROWS = 300

scope = ui.current_scope()
store = ui.get_store()
st.title(t("import.title"))
st.caption(t("import.caption"))
if not scope.can_write:
    st.info(t("import.read_only"))
    st.stop()

current = rules.current_school_year(date.today())
choices = ui.load(school_data.school_choices, scope, Filters(school_year=current))
school_ids = choices.ids
years = sorted({*ui.load(data.school_years),
                *[f"{int(current[:4]) + k}-{int(current[:4]) + k + 1}" for k in range(-6, 2)]}, reverse=True)


def school_label(school_id: str | None) -> str:
    return t("import.fallback_none") if school_id is None else (choices.label(school_id) or school_id)


def school_or_none(key: str, container, chosen: str | None) -> list[str | None]:
    """The options of a school selectbox whose first choice is none: the schools in scope, and above
    ui.PICKER_LIMIT only those a search box (drawn first) matches."""
    found, _ = ui.search_first(school_ids, choices.search_keys, chosen, key + "_search", container)
    return [None, *found]


def show_issues(result) -> None:
    if result.errors:
        lines = "\n".join(f"- {e.short}" for e in result.errors[:50])
        more = f"\n- … (+{len(result.errors) - 50})" if len(result.errors) > 50 else ""
        st.error(t("import.errors_title", count=len(result.errors)) + "\n" + lines + more)
    if result.warnings:
        with st.expander(t("import.warnings_title", count=len(result.warnings)), expanded=len(result.warnings) <= 3):
            for w in result.warnings[:100]:
                st.markdown(f"- {w.short}")


# ---------------------------------------------------------------- results of the last write
done = st.session_state.get("import_done")
if done:
    st.subheader(t("import.done_title"))
    for item in done:
        box = {"imported": st.success, "duplicate": st.info, "rejected": st.error}[item["status"]]
        box(f"**{item['file']}** — {t('import.status.' + item['status'])}. {item['summary']}",
            icon=STATUS_ICON[item["status"]])
        if item["errors"]:
            st.markdown("\n".join(f"- {m}" for m in item["errors"][:30]))
    if st.button(t("import.done_again"), icon=":material/upload_file:"):
        st.session_state.pop("import_done", None)
        st.rerun()
    st.divider()

# ---------------------------------------------------------------- templates and current data
with st.expander(t("import.step.templates"), icon=":material/download:"):
    st.caption(t("import.templates.intro"))
    for kind in KINDS:
        st.markdown(f"**{t('import.kind.' + kind)}**")
        empty, current_data = st.columns([1, 3], gap="large")
        empty.caption(t("import.templates.empty"))
        current_data.caption(t("import.templates.current"))
        for col, fmt in zip(empty.columns(2), ("xlsx", "csv")):
            col.download_button(t("import.download." + fmt),
                                data=lambda kind=kind, fmt=fmt: templates.template_bytes(kind, fmt),
                                file_name=templates.file_name(kind, fmt), key=f"tpl_{kind}_{fmt}",
                                icon=":material/table:" if fmt == "xlsx" else ":material/description:")
        cols = current_data.columns([3, 2, 1, 1], vertical_alignment="bottom")
        if scope.school_id is None:
            options = school_or_none(f"exp_school_{kind}", cols[0], st.session_state.get(f"exp_school_{kind}"))
        else:
            options = school_ids
        school = cols[0].selectbox(t("import.templates.school"), options, key=f"exp_school_{kind}",
                                   format_func=lambda s: t("import.templates.all_schools") if s is None
                                   else school_label(s), label_visibility="collapsed")
        year = None
        if kind != "schools":
            year = cols[1].selectbox(t("import.templates.year"), [None, *years], key=f"exp_year_{kind}",
                                     format_func=lambda y: t("import.templates.all_years") if y is None else y,
                                     label_visibility="collapsed")
        # counted first: the whole country is millions of rows, more than a file can bring back
        rows = ui.load(data.export_rows, scope, kind, school, year)
        too_many = rows > MAX_TABLE_ROWS
        for col, fmt in zip(cols[2:], ("xlsx", "csv")):
            col.download_button(
                t("import.download." + fmt), key=f"exp_{kind}_{fmt}", disabled=too_many,
                data=lambda kind=kind, fmt=fmt, school=school, year=year:
                    templates.export_bytes(store, scope, kind, fmt, school, year)[0],
                file_name=templates.file_name(kind, fmt, school, year), icon=":material/file_download:")
        current_data.caption(t("import.templates.too_many", rows=rules.format_number(rows),
                               limit=rules.format_number(MAX_TABLE_ROWS)) if too_many
                             else t("import.templates.rows", rows=rules.format_number(rows)))

# ---------------------------------------------------------------- upload
round_no = st.session_state.get("import_round", 0)
files = st.file_uploader(
    t("import.uploader", mb=MAX_FILE_BYTES // 1024 // 1024), type=["docx", "doc", "odt", "txt", "xlsx", "csv"],
    accept_multiple_files=True, key=f"import_files_{round_no}", help=t("import.uploader_help"),
    max_upload_size=MAX_FILE_BYTES // 1024 // 1024,
)
st.caption(t("import.batch_limit", mb=MAX_BATCH_BYTES // 1024 // 1024))  # issue 21
left, middle, right = st.columns([3, 2, 3], vertical_alignment="bottom")
default_school = scope.school_id if scope.school_id in school_ids else None
fallback_options = school_or_none("import_school", left, st.session_state.get("import_school", default_school))
fallback_school = left.selectbox(t("import.fallback_school"), fallback_options,
                                 index=fallback_options.index(default_school), format_func=school_label,
                                 help=t("import.fallback_help"), key="import_school")
fallback_year = middle.selectbox(t("import.fallback_year"), [None, *years],
                                 format_func=lambda y: t("import.fallback_none") if y is None else y,
                                 help=t("import.fallback_help"), key="import_year")
replace = right.checkbox(t("import.replace"), help=t("import.replace_help"), key="import_replace")

with st.expander(t("import.rules_title"), icon=":material/rule:"):
    st.caption(t("import.rules_intro"))
    st.markdown(f"**{t('import.rules.time')}**")
    st.dataframe(pd.DataFrame(TIME_RULES, columns=[t("import.rules.example"), t("import.rules.rule")]),
                 hide_index=True, width="stretch")
    st.markdown(f"**{t('import.rules.money')}**")
    st.dataframe(pd.DataFrame(MONEY_RULES, columns=[t("import.rules.example"), t("import.rules.rule")]),
                 hide_index=True, width="stretch")
    st.markdown(f"**{t('import.layouts_title')}**")
    st.markdown(t("import.layouts"))
    st.markdown(f"**{t('import.rules.match')}**")
    st.caption(MATCH_RULE[:1].upper() + MATCH_RULE[1:])
    st.markdown(f"**{t('import.rules.office')}**")
    st.caption(OFFICE_RULE)

if not files:
    st.stop()

uploads = [Upload(f.name, f.getvalue()) for f in files]
# the person's answers to what the preview asked (drawn below with the files): another school named by a
# plan, template rows whose item changed since the export (per item, or one choice for all)
accept_mismatch = bool(st.session_state.get("import_accept_mismatch", False))
conflicts_all = st.session_state.get("import_conflicts_all", "ask")
conflict_choices = {int(k.rsplit("_", 1)[1]): v for k, v in st.session_state.items()
                    if str(k).startswith("import_conflict_item_") and v in ("current", "file")}
options = Options(school=fallback_school, year=fallback_year, replace=replace, conflicts=conflicts_all,
                  conflict_choices=conflict_choices, accept_school_mismatch=accept_mismatch)
signature = (tuple((u.name, sha256_of(u.data)) for u in uploads), fallback_school, fallback_year, replace,
             accept_mismatch, conflicts_all, tuple(sorted(conflict_choices.items())), store.data_version)
cached = st.session_state.get("import_preview")
if cached is None or cached[0] != signature:
    bar = st.progress(0.0, text=t("import.progress", done=0, total=len(uploads), file=""))
    results = import_files(
        store, scope, uploads, Options(school=fallback_school, year=fallback_year, replace=replace, dry_run=True,
                                       conflicts=conflicts_all, conflict_choices=conflict_choices,
                                       accept_school_mismatch=accept_mismatch),
        progress=lambda done, total, name: bar.progress(
            done / max(total, 1), text=t("import.progress", done=done + 1, total=total, file=name) if name
            else t("import.progress_done", total=total)),
    )
    bar.empty()
    st.session_state["import_preview"] = (signature, results)
else:
    results = cached[1]

counts = {s: sum(r.status == s for r in results) for s in ("ready", "duplicate", "rejected")}
st.markdown("**" + t("import.batch", total=len(results), ready=counts["ready"], duplicate=counts["duplicate"],
                     rejected=counts["rejected"]) + "**")

for result in results:
    with st.container(border=True):
        st.markdown(f"{STATUS_ICON[result.status]} **{result.file}** — {t('import.status.' + result.status)}")
        if result.summary and result.status != "rejected":
            st.caption(result.summary)
        layout = layout_line(result) if result.status in ("ready", "rejected") else None  # plan documents
        if layout:
            st.caption(layout)
        show_issues(result)
        if result.school_mismatch and result is next(r for r in results if r.school_mismatch):  # asked once
            st.checkbox(t("import.accept_mismatch"), help=t("import.accept_mismatch_help"),
                        key="import_accept_mismatch")
        if result.conflicts:
            st.markdown(f"**{t('import.conflicts_title')}**")
            st.caption(t("import.conflicts_help"))
            for c in result.conflicts:
                st.radio(t("import.conflict.choice", row=c.row, code=c.criterion_code, item_id=c.item_id),
                         CONFLICT_CHOICES, format_func=lambda v: t("import.conflict." + v), horizontal=True,
                         key=f"import_conflict_item_{c.item_id}",
                         help=t("import.conflict.item", row=c.row, code=c.criterion_code, item_id=c.item_id,
                                since=c.describe(), fields=", ".join(map(field_label, c.fields))))
            if result is next(r for r in results if r.conflicts) and sum(len(r.conflicts) for r in results) > 1:
                st.radio(t("import.conflicts_all"), CONFLICT_CHOICES, format_func=lambda v: t("import.conflict." + v),
                         horizontal=True, key="import_conflicts_all")
        if layout and result.status == "ready":
            gaps = missing_frame(result)
            if len(gaps):
                with st.expander(t("import.preview.missing_title") + f" ({len(gaps)})", icon=":material/playlist_remove:"):
                    st.dataframe(gaps, hide_index=True, width="stretch",
                                 height=min(38 + 35 * min(len(gaps), 10), 400))
            else:
                st.caption(t("import.preview.missing_none"))
        if result.status == "ready":
            frame = preview(result)
            if len(frame):
                st.markdown(f"**{t('import.preview_title')}**")
                st.dataframe(frame.head(PREVIEW_ROWS), hide_index=True, width="stretch",
                             height=min(38 + 35 * min(len(frame), 10), 400))
                if len(frame) > PREVIEW_ROWS:
                    st.caption(t("import.preview_more", shown=PREVIEW_ROWS, total=len(frame)))

ready = counts["ready"]
st.caption(t("import.confirm_hint"))
if st.button(t("import.confirm", count=ready) if ready else t("import.confirm_none"), type="primary",
             disabled=ready == 0, icon=":material/save:", key="import_confirm"):
    bar = st.progress(0.0, text=t("import.progress_write", done=0, total=len(uploads), file=""))
    written = import_files(
        store, scope, uploads, options,
        progress=lambda done, total, name: bar.progress(
            done / max(total, 1), text=t("import.progress_write", done=done + 1, total=total, file=name) if name
            else t("import.progress_done", total=total)),
    )
    bar.empty()
    # files that were not ready in the preview are reported as they were (rejected / duplicate)
    st.session_state["import_done"] = [
        {"file": r.file, "status": "imported" if r.status in ("imported", "ready") else r.status,
         "summary": r.summary, "errors": [e.short for e in r.errors]}
        for r in written
    ]
    st.session_state["import_round"] = round_no + 1
    for key in ("import_preview", "import_replace", "import_accept_mismatch", "import_conflicts_all",
                *[k for k in st.session_state if str(k).startswith("import_conflict_item_")]):
        st.session_state.pop(key, None)  # a new batch starts without "replace" and without earlier answers
    st.rerun()
