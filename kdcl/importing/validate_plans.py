"""Checking a plan (a document, or the rows of a table) against the database: kdcl.importing.validate
re-exports plan_from_document and plans_from_table."""

from __future__ import annotations

import itertools
from typing import Any

import pandas as pd

from kdcl.importing.context import Context
from kdcl.importing.merge import (
    PlanWrite,
    existing_items,
    field_label,
    overlapping,
    plan_for,
    plan_title,
    revise,
    school_plans,
    upsert_group,
    years_label,
)
from kdcl.importing.normalise import one_line
from kdcl.importing.problems import Problems
from kdcl.importing.values import (
    ItemValues,
    budget_fields,
    cell_text,
    check_level,
    column_reader,
    date_value,
    int_level,
    item_from_raw,
    label_match,
    lookup,
    memo,
    per_value,
    read_budget,
    row_criterion,
    row_numbers,
    row_year,
    school_year_of,
    time_fields,
)
from kdcl.strings import STATUS_LABELS, t
from kdcl.timetext import normalise_school_year


def plan_from_document(ctx: Context, problems: Problems, parsed, school_ref: str | None, year_ref: str | None,
                       replace: bool, sha256: str, accept_mismatch: bool = False) -> PlanWrite | None:
    """Resolve the school and years of a plan document and check every item.

    When the user names the school (`school_ref`), the plan goes to that school or nowhere: a
    document naming another school is rejected (`problems.school_mismatch` says which two)
    unless `accept_mismatch`; the school the document names is never touched."""
    school = None
    named = None
    for name in parsed.school_names:
        hit = ctx.school(name)
        if hit:
            school, named = hit, name
            break
    chosen = ctx.school(school_ref) if school_ref else None
    if school_ref and chosen is None:
        problems.error("import.err.school_ref", value=school_ref)
        return None
    # the chosen school is the school: a header naming another one is asked about, never followed
    if school and chosen and school["school_id"] != chosen["school_id"]:
        names = dict(named=named, named_id=school["school_id"], chosen=chosen["name"], chosen_id=chosen["school_id"])
        problems.school_mismatch = names
        if not accept_mismatch:
            problems.error("import.err.school_mismatch", **names, how=ctx.how("school_mismatch"))
            return None
        problems.warn("import.warn.school_mismatch_accepted", **names)
        school = chosen
    if school is None and chosen is not None:
        school = chosen
        if parsed.school_names:
            problems.warn("import.warn.school_name_unknown", named=parsed.school_names[0], used=chosen["name"])
    if school is None:
        if parsed.school_names:
            problems.error("import.err.school_unknown", named=parsed.school_names[0], how=ctx.how("school"))
        else:
            problems.error("import.err.school_missing", how=ctx.how("school"))
        return None
    if not ctx.can_write(school, problems):
        return None
    years = parsed.years
    chosen_year = normalise_school_year(year_ref) if year_ref else None
    if year_ref and chosen_year is None:
        problems.error("import.err.bad_year", value=year_ref)
        return None
    if years and chosen_year and years[0] != chosen_year:
        problems.warn("import.warn.year_differs", found=years_label(*years), chosen=chosen_year)
    if years is None:
        if chosen_year is None:
            problems.error("import.err.year_missing", how=ctx.how("year"))
            return None
        years = (chosen_year, chosen_year)
    first, last = years
    framework = school["framework_id"]
    if not parsed.items:
        problems.error("import.err.no_items")
        return None
    from kdcl.importing.safety import MAX_PLAN_ITEMS

    if len(parsed.items) > MAX_PLAN_ITEMS:
        problems.error("import.err.too_many_items", limit=MAX_PLAN_ITEMS)
        return None
    items = []
    for raw in parsed.items:
        values = item_from_raw(ctx, framework, raw, first, problems)
        if values is not None:
            items.append(values)
    no_level = [v for v in items if v.target_level is None]
    if items and len(no_level) == len(items):
        problems.warn("import.warn.no_levels")
    elif no_level:
        for v in no_level:
            problems.warn("import.warn.no_level", v.row, None, v.where, code=v.criterion_code)
    no_time = [v for v in items if not v.time_text]
    if no_time:
        problems.warn("import.warn.no_time", count=len(no_time), codes=", ".join(v.criterion_code for v in no_time))
    for position, v in enumerate(items, start=1):
        v.position = position
    write = PlanWrite(school_id=school["school_id"], school_name=school["name"], framework_id=framework,
                      school_year=first, end_school_year=last, title=plan_title(first, last), mode="new", items=items)
    if school.get("pending"):
        return write
    plans = school_plans(ctx, [school["school_id"]])
    if (plans["source_sha256"] == sha256).any():
        write.mode = "duplicate"
        return write
    old = overlapping(plans.to_dict("records"), first, last)
    if old:
        described = "; ".join(t("import.old_plan", years=years_label(p["school_year"], p["end_school_year"]),
                                  items=int(p["items"]), source=p["source_name"] if pd.notna(p["source_name"])
                                  else t("import.old_plan_no_source"))
                              for p in old)
        if not replace:
            problems.error("import.err.plan_exists", school=school["name"], plans=described, how=ctx.how("replace"))
            return None
        write.mode = "replace"
        write.replaced = old
        same = [p for p in old if p["school_year"] == first]
        write.plan_id = int((same or old)[0]["plan_id"])
        problems.warn("import.warn.will_replace", plans=described)
        by_plan = existing_items(ctx, [int(p["plan_id"]) for p in old])
        revise(write, items, [i for p in old for i in by_plan.get(int(p["plan_id"]), [])], problems)
    return write


def plans_from_table(ctx: Context, problems: Problems, table, school_ref: str | None, year_ref: str | None,
                     replace: bool, conflicts: str = "ask", choices: dict[int, str] | None = None
                     ) -> list[PlanWrite]:
    """Plan items of a plan-items file, grouped by (school, school year) and matched to existing items.

    Upsert by (school, year): a row goes to the school's plan covering that year (a new
    one-year plan when there is none). Rows are matched to the plan's items by criterion code
    and order (the 2nd row for 1.5 = the 2nd item for 1.5): matched items are updated where a
    value changed (each change logged), unmatched rows become new items. Items of the plan
    that the file does not mention are kept, unless `replace` (then deleted, logged).
    Columns absent from the file leave the stored values alone.

    Rows are matched to items by MATCH_RULE. A row whose "Phiên bản" is older than its item's
    version (the item changed after the export) and that would change the item is a Conflict:
    `choices[item_id]`, else `conflicts`, says "current" (skip the row), "file" (apply it) or
    "ask" (an error naming the item, who changed it and when: the file is rejected)."""
    cols, heads = table.columns, table.headers
    fallback_school = ctx.school(school_ref) if school_ref else None
    if school_ref and fallback_school is None:
        problems.error("import.err.school_ref", value=school_ref)
        return []
    fallback_year = normalise_school_year(year_ref) if year_ref else None
    groups: dict[tuple[str, str], list[ItemValues]] = {}
    schools: dict[str, dict[str, Any]] = {}
    checked: dict[str, bool] = {}
    present = set(cols)
    # column by column: each distinct value of a column is read once (memo, per_value), each row looks it up
    school_of, text_of, line_of = memo(ctx.school), memo(cell_text), memo(lambda c: one_line(cell_text(c)))
    level_of, date_of = memo(int_level), memo(date_value)
    version_of = memo(lambda c: n if isinstance(n := int_level(c), int) and n > 0 else None)
    status_of, year_of = memo(lambda c: label_match(c, STATUS_LABELS)), memo(school_year_of)
    known_codes: dict[tuple[str, Any], str] = {}  # criterion cells read without a message (row_criterion)
    text_keys = [k for k in ("weakness", "target_result", "measures", "lead", "support", "other_support", "note",
                             "status_reason") if k in cols]
    row_nos = row_numbers(table)
    column = column_reader(table)
    refs = column("school_id")
    ctx.prefetch_writable({hit["school_id"] for hit in map(school_of, set(refs) - {None}) if hit is not None})
    texts = [per_value(text_of, column(key)) for key in text_keys]
    year_cells, level_cells, status_cells = column("school_year"), column("target_level"), column("status")
    date_cells = [column(key) for key in ("start_date", "due_date", "completed_on")]
    budget_cells = column("budget")
    budget_of = lookup(read_budget, budget_cells)
    time_head, budget_head = heads.get("time_text"), heads.get("budget")
    cells = zip(row_nos, refs, per_value(school_of, refs), year_cells, per_value(year_of, year_cells),
                column("criterion"), level_cells, per_value(level_of, level_cells), *date_cells,
                *(per_value(date_of, c) for c in date_cells), budget_cells, status_cells,
                per_value(status_of, status_cells), per_value(line_of, column("time_text")),
                zip(*texts) if texts else itertools.repeat(()), per_value(version_of, column("version")))
    for row_no, ref, hit, year_cell, year, crit, level_cell, raw_level, start_cell, due_cell, done_cell, start, \
            due, done_on, budget_cell, status_cell, status, time_text, text_values, version in cells:
        school = hit if ref is not None else fallback_school
        if school is None or checked.get(school["school_id"]) is not True:  # else a school already allowed
            school = ctx.row_school(school, ref, problems, row_no, heads, checked)
        if school and year is None:  # an empty cell takes the file's year; an error otherwise
            year = row_year(year_cell, heads, fallback_year, problems, row_no, year_of)
        if not school or year is None:  # (no school: no year either)
            continue
        framework = school["framework_id"]
        code = row_criterion(ctx, framework, crit, heads, problems, row_no, known_codes)
        if code is None:
            continue
        v = ItemValues(row_no, None, code, present=present)
        v.version = version
        if raw_level == "bad":
            problems.error("import.err.level_range", row_no, heads.get("target_level"), value=one_line(level_cell))
        elif raw_level != "":
            v.target_level = check_level(ctx, framework, code, raw_level, problems, row_no,
                                         heads.get("target_level"), None, low=1)
        v.__dict__.update(zip(text_keys, text_values))  # (the text fields are plain attributes)
        v.time_text = time_text
        if start == "bad" or due == "bad" or done_on == "bad":
            for key, cell, d in (("start_date", start_cell, start), ("due_date", due_cell, due),
                                 ("completed_on", done_cell, done_on)):
                if d == "bad":
                    problems.error("import.err.bad_date", row_no, heads.get(key), value=one_line(cell))
            continue
        if done_on is not None and done_on > ctx.today:  # as the page refuses it (kdcl.updates), issue 21
            problems.error("import.err.completed_future", row_no, heads.get("completed_on"),
                           value=done_on.strftime("%d/%m/%Y"))
            continue
        time_fields(v, year, problems, time_head, start, due)
        v.explicit = {"start_date": start, "due_date": due}
        budget_fields(v, budget_cell, problems, budget_head, read=budget_of)
        if status_cell is not None:
            v.status = status
            if v.status is None:
                problems.error("import.err.bad_status", row_no, heads.get("status"), value=one_line(status_cell),
                               allowed=", ".join(STATUS_LABELS.values()))
                continue
        v.completed_on = done_on
        groups.setdefault((school["school_id"], year), []).append(v)
        schools[school["school_id"]] = school
    # the plans of every school of the file, and the items of the plans rows go to: two queries in all
    stored = school_plans(ctx, [s for s, p in schools.items() if not p.get("pending")])
    by_school: dict[str, list[dict[str, Any]]] = {}
    for plan in stored.to_dict("records"):  # in school, year, plan id order
        by_school.setdefault(plan["school_id"], []).append(plan)
    targets = {key: plan_for(by_school.get(key[0], []), key[1]) for key in groups}
    existing = existing_items(ctx, [int(p["plan_id"]) for p in targets.values() if p is not None])
    writes = []
    for (school_id, year), rows in groups.items():
        plan = targets[(school_id, year)]
        items = existing.get(int(plan["plan_id"]), []) if plan is not None else []
        writes.append(upsert_group(ctx, problems, schools[school_id], year, rows, replace, heads, plan, items,
                              conflicts, choices or {}))
    if problems.conflicts:
        _report_conflicts(ctx, problems, heads)
    return [w for w in writes if w is not None]


def _report_conflicts(ctx: Context, problems: Problems, heads: dict[str, str]) -> None:
    """Who changed each conflicting item since its export (the last version - file_version logged
    updates), then a message per conflict: an error when not chosen, a warning saying what was chosen."""
    log = ctx.store.query("import_item_changes", **ctx.scope.params(),
                          item_ids=sorted({c.item_id for c in problems.conflicts}))
    groups: dict[int, list[tuple[Any, str, list[str]]]] = {}
    for r in log.itertuples(index=False):
        changes = groups.setdefault(int(r.item_id), [])
        if changes and changes[-1][0] == r.changed_at and changes[-1][1] == r.changed_by:
            changes[-1][2].append(r.field)
        else:
            changes.append((r.changed_at, r.changed_by, [r.field]))
    for c in problems.conflicts:
        c.since = groups.get(c.item_id, [])[:max(c.version - c.file_version, 1)]
        values = dict(code=c.criterion_code, item_id=c.item_id, since=c.describe(),
                      fields=", ".join(field_label(f) for f in c.fields))
        if c.choice == "current":
            problems.warn("import.warn.stale_kept", c.row, heads.get("version"), **values)
        elif c.choice == "file":
            problems.warn("import.warn.stale_overwritten", c.row, heads.get("version"), **values)
        else:
            problems.error("import.err.stale_row", c.row, heads.get("version"), **values,
                           file_version=c.file_version, version=c.version, how=ctx.how("conflict"))
