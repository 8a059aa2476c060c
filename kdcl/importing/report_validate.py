"""Checking a self-assessment / external assessment report (kdcl.importing.report_docx) against the
database: which school and year, every criterion of the school's framework once with a level it
allows, table and section agreeing, and whether the school-year already has levels of that kind.

Errors (the file is rejected): no school or year, a criterion the framework lacks, a criterion of
the framework without a level (each named), a level above what the criterion allows, a criterion
marked twice or both "Không đạt" and a level, a table level and a section level that differ while
no choice was made for that criterion (`choices`: code -> the level the person chose, from the
page), existing levels of that school, year and kind without `replace`.
Warnings: the file names another school or year than the one chosen, the report's own conclusion
("Trường đạt Mức …") differs from the level the rule gives, the levels a `replace` removes, the
choices used, Mức 4 requirements not clearly marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kdcl import rules
from kdcl.importing.report_docx import ParsedReport
from kdcl.importing.validate import AssessmentWrite, Context, Problems, check_level
from kdcl.strings import ASSESSMENT_KIND_LABELS, LEVEL_LABELS, t
from kdcl.timetext import normalise_school_year

TEXT_COLUMNS = ["school_id", "school_year", "kind", "framework_id", "criterion_code", "weakness", "improvement",
                "source"]
LEVEL4_COLUMNS = ["school_id", "school_year", "kind", "position", "requirement", "met", "source"]


@dataclass
class Disagreement:
    code: str
    table_level: int
    table_where: str
    section_level: int
    section_where: str


@dataclass
class ReportWrite:
    school_id: str
    school_name: str
    school_year: str
    kind: str
    framework_id: str
    assessments: AssessmentWrite
    texts: pd.DataFrame  # TEXT_COLUMNS
    level4: pd.DataFrame  # LEVEL4_COLUMNS
    parsed: ParsedReport
    disagreements: list[Disagreement] = field(default_factory=list)
    replaced: int = 0  # existing levels of the school-year-kind this report replaces
    school_level: int | None = None  # by the framework's rule (4 = Mức 3 and every Mức 4 requirement met)


def level_label(level: int | None) -> str:
    return LEVEL_LABELS.get(level, "") if level is not None and level <= 3 else t("import.report.level4")


def _school(ctx: Context, problems: Problems, parsed: ParsedReport, school_ref: str | None):
    named = next(((n, hit) for n, hit in ((n, ctx.school(n)) for n in parsed.school_names) if hit), (None, None))
    chosen = ctx.school(school_ref) if school_ref else None
    if school_ref and chosen is None:
        problems.error("import.err.school_ref", value=school_ref)
        return None
    if chosen is not None:
        if named[1] is not None and named[1]["school_id"] != chosen["school_id"]:
            problems.warn("import.report.warn.school_differs", named=named[0], chosen=chosen["name"])
        return chosen
    if named[1] is not None:
        return named[1]
    if parsed.school_names:
        problems.error("import.err.school_unknown", named=parsed.school_names[0], how=ctx.how("school"))
    else:
        problems.error("import.err.school_missing", how=ctx.how("school"))
    return None


def _year(ctx: Context, problems: Problems, parsed: ParsedReport, year_ref: str | None) -> str | None:
    chosen = normalise_school_year(year_ref) if year_ref else None
    if year_ref and chosen is None:
        problems.error("import.err.bad_year", value=year_ref)
        return None
    found = parsed.years[0] if parsed.years else None
    if chosen and found and found != chosen and parsed.years[1] != chosen:
        problems.warn("import.report.warn.year_differs", found=found, chosen=chosen)
    if chosen is None and found is None:
        problems.error("import.err.year_missing", how=ctx.how("year"))
    return chosen or found


def report_from_document(ctx: Context, problems: Problems, parsed: ParsedReport, school_ref: str | None,
                         year_ref: str | None, replace: bool, source: str,
                         choices: dict[str, int] | None = None) -> ReportWrite | None:
    """The levels, texts and Mức 4 requirements to write for one report (None when its school or
    year is unknown); errors and warnings go to `problems`."""
    for level, issue in parsed.issues:
        (problems.errors if level == "error" else problems.warnings).append(issue)
    school = _school(ctx, problems, parsed, school_ref)
    year = _year(ctx, problems, parsed, year_ref)
    if school is None or year is None or not ctx.can_write(school, problems):
        return None
    framework = school["framework_id"]
    catalog = ctx.store.records("report_framework", framework_id=framework)
    known = {r["criterion_code"]: r for r in catalog}
    choices = choices or {}
    levels: dict[str, int] = {}
    disagreements: list[Disagreement] = []
    for code, c in parsed.criteria.items():
        where = c.table_where or c.section_where
        if code not in known:
            if c.table_level is not None or c.section_level is not None:
                problems.error("import.err.unknown_code", where=where, code=code,
                               framework=ctx.framework_title(framework))
            continue
        level = c.table_level if c.table_level is not None else c.section_level
        if c.table_level is not None and c.section_level is not None and c.table_level != c.section_level:
            d = Disagreement(code, c.table_level, c.table_where, c.section_level, c.section_where)
            disagreements.append(d)
            chosen = choices.get(code)
            if chosen in (c.table_level, c.section_level):
                level = chosen
                problems.warn("import.report.warn.chosen", code=code, level=LEVEL_LABELS[chosen],
                              table=LEVEL_LABELS.get(d.table_level, d.table_level),
                              section=LEVEL_LABELS.get(d.section_level, d.section_level))
            else:
                problems.error("import.report.err.disagree", where=t("import.report.loc.criterion", code=code),
                               code=code, table=LEVEL_LABELS.get(d.table_level, d.table_level),
                               table_where=d.table_where, section=LEVEL_LABELS.get(d.section_level, d.section_level),
                               section_where=d.section_where, how=t(f"import.report.how.{ctx.channel}.disagree"))
                continue
        if level is None:
            continue
        if check_level(ctx, framework, code, level, problems, None, None, where, low=0) is not None:
            levels[code] = level
    disagreeing = {d.code for d in disagreements}
    missing = [code for code in known if code not in levels and code not in disagreeing
               and not (code in parsed.criteria and (parsed.criteria[code].table_level is not None
                                                     or parsed.criteria[code].section_level is not None))]
    if not levels and not disagreements:
        problems.error("import.report.err.no_levels")
    else:
        for code in missing:
            problems.error("import.report.err.missing_one", where=t("import.report.loc.criterion", code=code),
                           code=code, name=known[code]["name"])
    kind = parsed.kind
    rows = [(school["school_id"], year, kind, framework, code, lvl, source) for code, lvl in levels.items()]
    frame = pd.DataFrame(rows, columns=["school_id", "school_year", "kind", "framework_id", "criterion_code",
                                        "level", "source"])
    texts = pd.DataFrame(
        [(school["school_id"], year, kind, framework, code, c.weakness, c.improvement, source)
         for code, c in parsed.criteria.items() if code in known and (c.weakness or c.improvement)],
        columns=TEXT_COLUMNS)
    level4 = pd.DataFrame([(school["school_id"], year, kind, i, req, met, source)
                           for i, (req, met) in enumerate(parsed.level4, start=1)], columns=LEVEL4_COLUMNS)
    write = ReportWrite(school_id=school["school_id"], school_name=school["name"], school_year=year, kind=kind,
                        framework_id=framework, assessments=AssessmentWrite(rows=frame, new=len(frame)), texts=texts,
                        level4=level4, parsed=parsed, disagreements=disagreements)
    if not school.get("pending"):
        existing = ctx.store.records("report_existing", **ctx.scope.params(), unit_id=None, school_type=None,
                                     school_id=school["school_id"], school_year=year, kind=kind)
        count = sum(int(r["levels"]) for r in existing)
        if count:
            sources = ", ".join(r["source"] or t("import.report.warn.no_source") for r in existing)
            if not replace:
                problems.error("import.report.err.exists", school=school["name"], kind=ASSESSMENT_KIND_LABELS[kind],
                               year=year, count=count, source=sources, how=ctx.how("replace"))
            else:
                write.replaced = count
                problems.warn("import.report.warn.will_replace", count=count, kind=ASSESSMENT_KIND_LABELS[kind],
                              year=year, source=sources)
    if len(levels) == len(known):
        max_levels = {code: int(r["max_level"]) for code, r in known.items()}
        mandatory = frozenset(code for code, r in known.items() if r["mandatory"])
        rule = catalog[0]["rule"]
        computed = rules.school_level(levels, max_levels, rule, mandatory)
        if computed == 3 and parsed.level4 and all(met for _, met in parsed.level4):
            computed = 4
        write.school_level = computed
        if parsed.conclusion is not None and computed is not None and parsed.conclusion != computed:
            problems.warn("import.report.warn.conclusion", text=parsed.conclusion_text,
                          stated=level_label(parsed.conclusion), computed=level_label(computed))
    return write


# --------------------------------------------------------------------------- summary and preview


def report_summary(w: ReportWrite) -> str:
    """One Vietnamese line: the report's school, year, criteria, where they were read, the school level."""
    parsed = w.parsed
    parts = [t("import.report.summary.table")] if parsed.has_table else []
    parts += [t("import.report.summary.sections")] if parsed.has_sections else []
    if len(w.level4):
        parts.append(t("import.report.summary.level4", met=int(w.level4["met"].sum()), total=len(w.level4)))
    text = t("import.report.summary", kind=ASSESSMENT_KIND_LABELS[w.kind].lower(), school=w.school_name,
             school_id=w.school_id, year=w.school_year, rows=len(w.assessments.rows), source_parts=", ".join(parts),
             weak=int(w.texts["weakness"].notna().sum()), level=level_label(w.school_level) if w.school_level is not None
             else LEVEL_LABELS[None])
    return text


def report_level4_preview(result) -> pd.DataFrame:
    """A report's Mức 4 requirements as written: requirement, met / not met (empty for other files;
    `result`: a kdcl.importing.service.FileResult)."""
    if result.report is None or not len(result.report.level4):
        return pd.DataFrame()
    rows = result.report.level4
    return pd.DataFrame({t("import.report.preview.requirement"): rows["requirement"],
                         t("import.report.preview.met"): rows["met"].map(
                             lambda met: t("import.report.level4_met" if met else "import.report.level4_not_met"))})


def report_preview(w: ReportWrite) -> pd.DataFrame:
    """One row per criterion: the level written, what the table and the criterion's section say, and
    the weakness and improvement text kept."""
    c = lambda key: t("import.preview." + key)  # noqa: E731
    r = lambda key: t("import.report.preview." + key)  # noqa: E731
    levels = dict(zip(w.assessments.rows["criterion_code"], w.assessments.rows["level"]))
    label = lambda v: "" if v is None else LEVEL_LABELS.get(int(v), "")  # noqa: E731
    rows = []
    for code, crit in w.parsed.criteria.items():
        if code not in levels and code not in {d.code for d in w.disagreements}:
            continue
        rows.append({c("criterion"): code, c("level"): label(levels.get(code)),
                     r("table_level"): label(crit.table_level), r("section_level"): label(crit.section_level),
                     c("weakness"): crit.weakness or "", r("improvement"): crit.improvement or ""})
    return pd.DataFrame(rows)
