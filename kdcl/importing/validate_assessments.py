"""Checking a table of assessments (levels per criterion) against the database."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kdcl.importing.context import Context
from kdcl.importing.merge import AssessmentWrite
from kdcl.importing.normalise import one_line
from kdcl.importing.problems import Problems
from kdcl.importing.values import (
    check_level,
    column_reader,
    int_level,
    label_match,
    memo,
    row_criterion,
    row_numbers,
    row_year,
    school_year_of,
)
from kdcl.strings import ASSESSMENT_KIND_LABELS, t
from kdcl.timetext import normalise_school_year

# --------------------------------------------------------------------------- assessments


def assessments_from_table(ctx: Context, problems: Problems, table, school_ref: str | None, year_ref: str | None,
                           source: str) -> AssessmentWrite | None:
    heads = table.headers
    fallback_school = ctx.school(school_ref) if school_ref else None
    fallback_year = normalise_school_year(year_ref) if year_ref else None
    rows = []
    seen: dict[tuple[str, str, str, str], int] = {}
    checked: dict[str, bool] = {}
    # each distinct cell value is read once (a file repeats its schools, years, kinds, codes and levels)
    school_of, year_of, level_of = memo(ctx.school), memo(school_year_of), memo(int_level)
    kind_of = memo(lambda c: label_match(c, ASSESSMENT_KIND_LABELS))
    known_codes: dict[tuple[str, Any], str] = {}  # criterion cells read without a message (row_criterion)
    column = column_reader(table)
    refs = column("school_id")
    ctx.prefetch_writable({hit["school_id"] for hit in map(school_of, set(refs) - {None}) if hit is not None})
    cells = zip(row_numbers(table), refs, column("school_year"), column("kind"),
                column("criterion"), column("level"))
    for row_no, ref, year_cell, kind_cell, crit, level_cell in cells:
        school = ctx.row_school(school_of(ref) if ref is not None else fallback_school, ref, problems, row_no,
                                heads, checked)
        year = school and row_year(year_cell, heads, fallback_year, problems, row_no, year_of)
        if year is None:  # (no school: no year either)
            continue
        kind = kind_of(kind_cell) if kind_cell is not None else None
        if kind is None:
            problems.error("import.err.bad_kind", row_no, heads.get("kind", t("import.col.kind")),
                           value=one_line(kind_cell) or "", allowed=", ".join(ASSESSMENT_KIND_LABELS.values()))
            continue
        framework = school["framework_id"]
        code = row_criterion(ctx, framework, crit, heads, problems, row_no, known_codes)
        if code is None:
            continue
        raw_level = level_of(level_cell)
        if raw_level in ("", "bad"):
            problems.error("import.err.assessment_level", row_no, heads.get("level"), value=one_line(level_cell) or "")
            continue
        level = check_level(ctx, framework, code, raw_level, problems, row_no, heads.get("level"), None, low=0)
        if level is None:
            continue
        key = (school["school_id"], year, kind, code)
        if key in seen:
            problems.error("import.err.duplicate_row", row_no, heads.get("criterion"), other=seen[key])
            continue
        seen[key] = row_no
        rows.append((school["school_id"], year, kind, framework, code, level, source))
    frame = pd.DataFrame(rows, columns=["school_id", "school_year", "kind", "framework_id", "criterion_code",
                                        "level", "source"])
    write = AssessmentWrite(rows=frame)
    stored = ctx.store.arrow("import_assessment_levels", **ctx.scope.params(), unit_id=None, school_type=None,
                             school_ids=sorted({r[0] for r in rows if not ctx.by_id[r[0].casefold()].get("pending")}),
                             school_years=sorted({r[1] for r in rows}))
    # plain Python lists from Arrow: walking a frame's Arrow-backed columns value by value costs more than the check
    old_levels = dict(zip(zip(*(stored.column(i).to_pylist() for i in range(4))), stored.column(4).to_pylist()))
    groups: dict[tuple[str, str, str], list] = {}  # (school, year, kind) -> [framework, rows], in file order
    for school_id, year, kind, framework, code, level, _ in rows:
        old = old_levels.get((school_id, year, kind, code))
        if old is None:
            write.new += 1
        elif old != level:
            write.changed += 1
        else:
            write.unchanged += 1
        group = groups.get((school_id, year, kind))
        if group is None:
            groups[(school_id, year, kind)] = [framework, 1]
        else:
            group[1] += 1
    for (school_id, year, kind), (framework, count) in groups.items():
        total = len(ctx.criteria[framework])
        if count < total:
            name = ctx.by_id[school_id.casefold()]["name"]
            problems.warn("import.warn.partial_assessment", school=name, year=year,
                          kind=ASSESSMENT_KIND_LABELS[kind], count=count, total=total)
    return write
