"""Checking a table of schools against the database (new and changed schools, their units)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from kdcl.importing.context import FAMILY_FOR_TYPE, FRAMEWORK_FOR_TYPE, Context
from kdcl.importing.merge import SchoolsWrite, norm
from kdcl.importing.normalise import one_line, value_key
from kdcl.importing.problems import Problems
from kdcl.importing.units import UnitResolver
from kdcl.importing.values import cell_text, label_match, row_cell
from kdcl.strings import SCHOOL_TYPE_LABELS, t


def schools_from_table(ctx: Context, problems: Problems, table) -> SchoolsWrite | None:
    cols, heads = table.columns, table.headers
    units = UnitResolver(ctx, problems)
    fw_ids = set(ctx.frameworks["framework_id"])
    families = dict(zip(ctx.frameworks["framework_id"], ctx.frameworks["family"]))
    ctx.prefetch_writable({hit["school_id"] for _, row in table.rows
                           if (hit := ctx.by_id.get(str(one_line(cell_text(row_cell(row, cols, "school_id")))).casefold()))})
    new_schools, updates = [], []
    unchanged = 0
    seen: dict[str, int] = {}
    for row_no, row in table.rows:
        sid = one_line(cell_text(row_cell(row, cols, "school_id")))
        name = one_line(row_cell(row, cols, "name"))
        if not sid:
            problems.error("import.err.required", row_no, heads.get("school_id"))
            continue
        if sid.casefold() in seen:
            problems.error("import.err.duplicate_row", row_no, heads.get("school_id"), other=seen[sid.casefold()])
            continue
        seen[sid.casefold()] = row_no
        if not name:
            problems.error("import.err.required", row_no, heads.get("name"))
            continue
        type_cell = row_cell(row, cols, "school_type")
        school_type = label_match(type_cell, SCHOOL_TYPE_LABELS) if type_cell is not None else None
        if school_type is None:
            school_type = _type_from_words(type_cell)
        if school_type is None:
            problems.error("import.err.bad_school_type", row_no, heads.get("school_type", t("import.col.school_type")),
                           value=one_line(type_cell) or "", allowed=", ".join(SCHOOL_TYPE_LABELS.values()))
            continue
        fw_cell = row_cell(row, cols, "framework")
        framework = FRAMEWORK_FOR_TYPE[school_type]
        if fw_cell is not None:
            framework = _framework(ctx, fw_cell, fw_ids)
            if framework is None:
                problems.error("import.err.bad_framework", row_no, heads.get("framework"), value=one_line(fw_cell),
                               allowed=", ".join(sorted(fw_ids)))
                continue
            family = families[framework]
            if family != FAMILY_FOR_TYPE[school_type]:
                problems.error("import.err.framework_type", row_no, heads.get("framework"), framework=framework,
                               school_type=SCHOOL_TYPE_LABELS[school_type])
                continue
        p_ref, c_ref = row_cell(row, cols, "province"), row_cell(row, cols, "commune")
        d_ref, o_ref = row_cell(row, cols, "former_district"), row_cell(row, cols, "office")
        province = units.province(p_ref, row_no, heads.get("province", t("import.col.province")))
        if province is None and (c_ref is not None or d_ref is not None):
            problems.error("import.err.province_needed", row_no, heads.get("province", t("import.col.province")))
            continue
        commune = units.commune(c_ref, province, row_no, heads.get("commune")) if c_ref is not None else None
        former = units.district(d_ref, province, row_no, heads.get("former_district")) if d_ref is not None else None
        office = None
        if o_ref is not None:
            office = units.office(o_ref, province, commune, former)
            if office is None:
                problems.error("import.err.unit_not_found", row_no, heads.get("office"), value=one_line(o_ref))
                continue
        unit = office or commune or province
        if unit is None:
            problems.error("import.err.unit_needed", row_no, heads.get("commune", t("import.col.commune")))
            continue
        record = {"school_id": sid, "name": name, "school_type": school_type, "framework_id": framework,
                  "unit_id": unit["unit_id"], "former_unit_id": former["unit_id"] if former else None}
        existing = ctx.by_id.get(sid.casefold())
        if existing is None and sid.casefold() in ctx.all_school_ids:
            problems.error("import.err.school_out_of_scope", row_no, heads.get("school_id"), value=sid)
            continue
        if existing is not None and not existing.get("pending"):
            record["school_id"] = existing["school_id"]
            if existing["framework_id"] != framework:
                problems.error("import.err.framework_change", row_no, heads.get("framework"), school=sid,
                               old=existing["framework_id"], new=framework)
                continue
            if not ctx.can_write(existing, problems, row_no, heads.get("school_id")):
                continue
            if not units.allowed(unit):
                problems.error("import.err.unit_out_of_scope", row_no, heads.get("commune"), value=unit["name"])
                continue
            keys = ("name", "school_type", "unit_id", "former_unit_id")
            moved = any(norm(existing.get(k)) != norm(record[k]) for k in ("unit_id", "former_unit_id"))
            if moved:
                usage = ctx.store.query("import_school_usage", **ctx.scope.params(), unit_id=None,
                                        school_type=None, school_id=existing["school_id"]).iloc[0]
                if int(usage.sum()) > 0:
                    problems.error("import.err.school_move", row_no, heads.get("commune", t("import.col.commune")),
                                   school=sid)
                    continue
            if any(norm(existing.get(k)) != norm(record[k]) for k in keys):
                updates.append({**record, "old": {k: norm(existing.get(k)) for k in keys}})
            else:
                unchanged += 1
            continue
        if ctx.scope.school_id is not None or not ctx.scope.can_write:
            problems.error("import.err.cannot_create_school", row_no, heads.get("school_id"), value=sid)
            continue
        if not units.allowed(unit):
            problems.error("import.err.unit_out_of_scope", row_no, heads.get("commune"), value=unit["name"])
            continue
        new_schools.append(record)
    units.warnings()
    created = pd.DataFrame(units.created, columns=["unit_id", "name", "kind", "parent_id", "dissolved_on", "top_id"])
    return SchoolsWrite(
        new_units=created.drop(columns=["top_id"]),
        new_schools=pd.DataFrame(new_schools, columns=["school_id", "name", "school_type", "framework_id", "unit_id",
                                                       "former_unit_id"]),
        updates=updates,
        unchanged=unchanged,
    )


def _type_from_words(value: Any) -> str | None:
    k = value_key(value)
    words = {"mam non": "MN", "mau giao": "MN", "nha tre": "MN", "tieu hoc": "TH", "trung hoc co so": "THCS",
             "trung hoc pho thong": "THPT", "pho thong nhieu cap": "NHIEU_CAP", "nhieu cap": "NHIEU_CAP",
             "pho thong co nhieu cap hoc": "NHIEU_CAP"}
    return words.get(k)


def _framework(ctx: Context, value: Any, ids: set[str]) -> str | None:
    text = one_line(value)
    for fid in ids:
        if fid.casefold() == text.casefold():
            return fid
    k = value_key(text)
    for r in ctx.frameworks.itertuples(index=False):
        if k in (value_key(r.circular), value_key(r.title)) or (k and value_key(r.circular).startswith(k)):
            return r.framework_id
    m = re.search(r"\b(\d{1,2})\s*/\s*(\d{4})", text)
    if m:
        hits = [r.framework_id for r in ctx.frameworks.itertuples(index=False)
                if r.circular.startswith(f"{int(m.group(1))}/{m.group(2)}")]
        if len(hits) == 1:
            return hits[0]
    return None
