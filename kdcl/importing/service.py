"""Importing files: read, check, preview, write. Used by the import page and `python -m kdcl import`.

Every file is all-or-nothing: it is read and checked completely, and written in one
`store.transaction()` only when it has no error; other files of the batch go in regardless.
Files are handled schools first, then assessments, then plans, so a batch can bring a new
school together with its data.

Duplicates: a file whose content (sha256) was imported before is recognised and skipped —
plans by `plan.source_sha256` (for the same school), template files by `import_log`.

Plans from documents (.docx/.txt): a school's plan covers school years first..last. When the
school already has a plan overlapping those years the file is rejected unless `replace`
(the --replace option / the "Thay thế" checkbox): then the file is a new version of those plans.
Its items are matched to the current ones (validate.MATCH_RULE: same criterion, then the closest
weakness/measures text): a matched item keeps its id, status, completion date, progress note and
history and takes only what the document changes (one log row per changed field); items the new
version drops are deleted, each logged as a 'delete' in plan_item_log with a json snapshot
(history survives, plan_item_log has no foreign key). The plan starting the same year keeps its
plan_id and takes the new version (matched items of other overlapping plans move into it), and
the other overlapping plans are marked `superseded_by` and deleted once the import has committed
(DuckDB will not delete a parent row in the transaction that deleted its children). When the
user chose the school (Options.school), a document naming another school is rejected unless
Options.accept_school_mismatch; then it goes to the chosen school.

Plan items from templates (.xlsx/.csv) upsert by (school, school year): rows are matched to
the plan's items by criterion code and order, changed values update the item (version + 1, a
log row per changed field), new rows are added, and items the file does not mention are kept
(or deleted with `replace`). So export -> edit -> import changes exactly what was edited. An
export carries each item's version: a row whose item changed since is a conflict (Options.conflicts,
Options.conflict_choices), never applied blindly.
Assessments upsert by (school, year, kind, criterion); schools by school id (units are
created when new). Every write first checks `kdcl.data.require_write` for each school.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kdcl.access import Scope
from kdcl.db import Store, StoreError
from kdcl.importing import plan_preview, safety
from kdcl.importing.convert import CONVERTIBLE, to_docx
from kdcl.importing.doc_kind import EXTERNAL_REPORT, REPORTS
from kdcl.importing.docx_plan import read_docx
from kdcl.importing.model import Issue, ParsedPlan
from kdcl.importing.report_docx import ParsedReport, read_report
from kdcl.importing.report_validate import ReportWrite, report_from_document, report_preview, report_summary
from kdcl.importing.safety import FileRejected
from kdcl.importing.tabular import Table, read_table
from kdcl.importing.text_plan import read_text
from kdcl.importing.validate import (
    AssessmentWrite,
    Context,
    PlanWrite,
    Problems,
    SchoolsWrite,
    assessments_from_table,
    plan_from_document,
    plans_from_table,
    progress_text,
    schools_from_table,
)
from kdcl.importing.write import StaleItems, write_assessments, write_plans, write_report, write_schools
from kdcl.rules import format_date, format_number
from kdcl.strings import ASSESSMENT_KIND_LABELS, LEVEL_LABELS, SCHOOL_TYPE_LABELS, STATUS_LABELS, t

log = logging.getLogger(__name__)

ORDER = {"schools": 0, "assessment": 1, "plan": 2, None: 3}


@dataclass
class Upload:
    name: str
    data: bytes


@dataclass
class Options:
    school: str | None = None  # id or name: the school of a plan document (the chosen school is the school);
    # the school of template rows that do not say
    year: str | None = None  # "2024-2025", used when a file does not say
    replace: bool = False
    dry_run: bool = False
    channel: str = "ui"  # "cli": messages point at --school/--year/--replace instead of the page's controls
    # files past this many bytes in one batch are refused unread (None: no bound; the CLI reads files from disk)
    max_batch_bytes: int | None = safety.MAX_BATCH_BYTES
    # template rows whose item changed since the file was exported (its "Phiên bản" is older):
    # "ask" rejects the file listing them; "current" keeps the database's item; "file" overwrites it.
    # conflict_choices: the same choice per item id, before `conflicts` (the page's choice per conflict)
    conflicts: str = "ask"
    conflict_choices: dict[int, str] = field(default_factory=dict)
    # a Word/text plan whose header names another school than `school` goes in only when accepted
    accept_school_mismatch: bool = False
    choices: dict[str, dict[str, int]] = field(default_factory=dict)  # report file -> criterion -> chosen level


@dataclass
class FileResult:
    file: str
    sha256: str
    fmt: str | None = None
    kind: str | None = None  # plan | assessment | schools
    status: str = "rejected"  # ready (checked, not written) | imported | duplicate | rejected
    rows: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    summary: str = ""
    layout: str | None = None
    encoding: str | None = None
    plans: list[PlanWrite] = field(default_factory=list)
    assessments: AssessmentWrite | None = None
    schools: SchoolsWrite | None = None
    report: ReportWrite | None = None  # a self-assessment / external assessment report (.docx)
    dry_run: bool = False
    school_ids: list[str] = field(default_factory=list)
    school_years: list[str] = field(default_factory=list)
    read_items: list = field(default_factory=list)  # a plan document's items as read (RawItem), for the preview
    school_mismatch: dict[str, str] | None = None  # the school a plan names, when not the chosen one
    conflicts: list[Any] = field(default_factory=list)  # validate.Conflict: rows stale since their export

    def as_json(self) -> dict[str, Any]:
        status = "imported" if self.status == "ready" else self.status
        return {
            "file": self.file, "status": status, "kind": self.kind, "rows": self.rows,
            "errors": [e.as_json() for e in self.errors], "warnings": [w.as_json() for w in self.warnings],
            "summary": self.summary, "schools": self.school_ids, "school_years": self.school_years,
            "dry_run": self.dry_run, **plan_preview.as_json(self), "school_mismatch": self.school_mismatch,
            "conflicts": [{"item_id": c.item_id, "school_id": c.school_id, "criterion": c.criterion_code,
                           "row": c.row, "file_version": c.file_version, "version": c.version,
                           "changed": c.describe(), "fields": c.fields, "choice": c.choice} for c in self.conflicts],
        }


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _reject(result: FileResult, exc: FileRejected) -> FileResult:
    result.errors.append(Issue(result.file, t(exc.key, **exc.values)))
    result.status = "rejected"
    result.summary = t("import.summary.rejected", count=len(result.errors))
    return result


def _read(upload: Upload) -> tuple[FileResult, ParsedPlan | ParsedReport | Table | None]:
    result = FileResult(file=upload.name, sha256=sha256_of(upload.data))
    ext = safety.extension(upload.name)
    result.kind = {".docx": "plan", ".txt": "plan", **{e: "plan" for e in CONVERTIBLE}}.get(ext)
    try:
        data = upload.data
        if ext in CONVERTIBLE:  # .doc/.odt: LibreOffice makes a .docx, checked and read like any other
            data = to_docx(ext, data)
            checked = safety.check(upload.name[: -len(ext)] + ".docx", data)
        else:
            checked = safety.check(upload.name, data)
        result.fmt = checked.fmt
        if checked.fmt == "docx":
            parsed: ParsedPlan | ParsedReport | Table = read_docx(upload.name, data)
        elif checked.fmt == "txt":
            parsed = read_text(upload.name, data)
        else:
            parsed = read_table(checked)
            result.kind = parsed.kind
            result.encoding = parsed.encoding
        if isinstance(parsed, ParsedPlan) and checked.fmt == "docx" and (parsed.doc_kind in REPORTS or not parsed.items):
            # a report (kdcl.importing.doc_kind, or a document without plan items whose summary table or criterion
            # sections the report reader finds) goes to the report reader, never to plan items (issue 15)
            report = read_report(upload.name, data)
            if report is not None:
                report.kind = "external" if parsed.doc_kind == EXTERNAL_REPORT else report.kind
                parsed, result.kind = report, "assessment"
        if isinstance(parsed, ParsedPlan) and parsed.doc_kind in REPORTS:  # a report without levels to read
            raise FileRejected("import.report.err.no_levels" if checked.fmt == "docx" else "import.err." + parsed.doc_kind)
    except FileRejected as exc:
        return _reject(result, exc), None
    return result, parsed


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Checking and writing a template file allocates a few objects per cell (values, items) and frees
    them only when the file is done, so the cyclic garbage collector's passes over them find nothing
    to collect; they cost about a quarter of a plan file's checking time (benchmarks/bench_import.py).
    Paused for that, then restored. Not while reading .docx files: python-docx leaves cycles behind,
    and a batch of them would pile up (160 plans: +700 MB)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


DOCUMENTS = (".docx", ".txt", *CONVERTIBLE)  # plan documents, read one at a time


def _planned(uploads: Sequence[Upload], options: Options) -> list[list]:
    """[result, parsed, upload] per file, in the order given. Tables are read now (their kind decides the
    order); documents (.docx/.txt/.doc/.odt, always plans) at their turn, one at a time, so a batch never holds
    more than one parsed document; files past the batch budget are refused unread."""
    entries: list[list] = []
    used = 0
    for upload in uploads:
        size = len(upload.data)
        if options.max_batch_bytes is not None and used + size > options.max_batch_bytes:
            result = FileResult(file=upload.name, sha256=sha256_of(upload.data))
            result.kind = "plan" if safety.extension(upload.name) in DOCUMENTS else None
            entries.append([_reject(result, FileRejected(
                "import.err.batch_too_big", limit=round(options.max_batch_bytes / 1024 / 1024, 1),
                used=round(used / 1024 / 1024, 1))), None, None])
            continue
        used += size
        if safety.extension(upload.name) in DOCUMENTS:
            result = FileResult(file=upload.name, sha256="", kind="plan")
            entries.append([result, None, upload])
        else:
            entries.append([*_read(upload), None])
    return entries


def import_files(store: Store, scope: Scope, uploads: Sequence[Upload], options: Options,
                 progress: Callable[[int, int, str], None] | None = None) -> list[FileResult]:
    """Read, check and (unless dry_run) write each file; results in the order given. Documents are
    read one at a time (see _planned); `progress(done, total, file)` before each file."""
    user = scope.user
    read = _planned(uploads, options)
    order = sorted(range(len(read)), key=lambda i: ORDER.get(read[i][0].kind, 3))
    ctx = Context(store, scope, options.channel)
    superseded = False
    for done, i in enumerate(order):
        result, parsed, upload = read[i]
        if progress:
            progress(done, len(order), result.file)
        if upload is not None:  # a document, read at its turn
            result, parsed = _read(upload)
            read[i] = [result, None, None]
        result.dry_run = options.dry_run
        try:
            _process(store, ctx, result, parsed, options, user)
        finally:
            parsed = read[i][1] = None
            if upload is not None:
                gc.collect()  # python-docx leaves reference cycles: free this document before the next
        if result.status == "imported":
            superseded = superseded or any(len(w.replaced) > 1 for w in result.plans)
            if result.kind == "schools":  # later files of the batch may name the new schools
                ctx = Context(store, scope, options.channel)
    if superseded:
        try:
            with store.transaction() as tx:
                tx.run("write/import_cleanup_superseded")
        except StoreError:  # harmless: the superseded plans are empty and marked (removed next time)
            pass
    if progress:
        progress(len(order), len(order), "")
    return [r for r, _, _ in read]


def _process(store: Store, ctx: Context, result: FileResult, parsed: ParsedPlan | Table | None,
             options: Options, user: str) -> None:
    """Check one read file and (unless dry_run) write it in one transaction."""
    if parsed is None:
        return
    pause = _collector_paused if isinstance(parsed, Table) else nullcontext
    try:
        with pause():
            _check(ctx, result, parsed, options)
    except FileRejected as exc:
        _reject(result, exc)
        return
    if result.status != "ready" or options.dry_run:
        if options.dry_run and result.status == "ready" and result.schools is not None:
            ctx.add_pending(result.schools.new_schools.to_dict("records"))
        return
    try:
        with pause(), store.transaction() as tx:
            if result.plans:
                write_plans(tx, result.plans, user, result.file,
                            result.sha256 if result.fmt in ("docx", "txt") else None)
            if result.assessments is not None:
                write_assessments(tx, result.assessments)
            if result.schools is not None:
                write_schools(tx, result.schools)
            if result.report is not None:
                write_report(tx, result.report)
            tx.run("write/import_log_insert", file_name=result.file, sha256=result.sha256, kind=result.kind,
                   format=result.fmt, school_ids=",".join(result.school_ids) or None,
                   school_years=",".join(result.school_years) or None, rows=result.rows,
                   detail=json.dumps({"summary": result.summary}, ensure_ascii=False), user=user)
    except StaleItems as exc:  # an item changed between the check and the write: rolled back
        result.errors.append(Issue(result.file, str(exc)))
        result.status = "rejected"
        return
    except StoreError as exc:  # a database constraint we did not foresee, in the app's words: rolled back
        result.errors.append(Issue(result.file, t("import.err.write_failed", error=str(exc))))
        result.status = "rejected"
        return
    except Exception as exc:  # noqa: BLE001 - last resort: a bug. Logged with its traceback; rolled back
        ref = uuid.uuid4().hex[:8]
        log.error("import of %s failed (ref %s)", result.file, ref, exc_info=exc)
        result.errors.append(Issue(result.file, t("import.err.unexpected", ref=ref)))
        result.status = "rejected"
        return
    result.status = "imported"


def _check(ctx: Context, result: FileResult, parsed: ParsedPlan | ParsedReport | Table, options: Options) -> None:
    problems = Problems(result.file)
    if isinstance(parsed, ParsedReport):
        result.layout = "report"
        result.report = report_from_document(ctx, problems, parsed, options.school, options.year, options.replace,
                                             result.file, options.choices.get(result.file))
        # the same file again for the same school is a duplicate (for another school, or replacing: checked as new)
        if result.report is not None and not options.replace and _duplicate(ctx, result, result.report.school_id):
            result.report = None
            return
        if result.report is not None:
            result.rows = len(result.report.assessments.rows)
    elif isinstance(parsed, ParsedPlan):
        result.layout = parsed.layout
        result.read_items = parsed.items
        result.rows = len(parsed.items)
        for level, issue in parsed.issues:
            (problems.errors if level == "error" else problems.warnings).append(issue)
        w = plan_from_document(ctx, problems, parsed, options.school, options.year, options.replace,
                               result.sha256, options.accept_school_mismatch)
        if w is not None and w.mode == "duplicate":
            result.status = "duplicate"
            result.school_ids, result.school_years = [w.school_id], [w.school_year]
            result.summary = t("import.summary.duplicate_plan", school=w.school_name, year=w.school_year)
            return
        result.plans = [w] if w is not None else []
    else:
        result.rows = len(parsed.rows)
        if _duplicate(ctx, result):
            return
        for header in parsed.unknown:
            problems.warn("import.warn.unknown_column", column=header)
        if not parsed.rows:
            problems.error("import.err.no_rows")
        elif parsed.kind == "plan":
            result.plans = plans_from_table(ctx, problems, parsed, options.school, options.year, options.replace,
                                            options.conflicts, options.conflict_choices)
        elif parsed.kind == "assessment":
            result.assessments = assessments_from_table(ctx, problems, parsed, options.school, options.year,
                                                        result.file)
        else:
            result.schools = schools_from_table(ctx, problems, parsed)
    result.errors.extend(problems.errors)
    result.warnings.extend(problems.warnings)
    result.school_mismatch = problems.school_mismatch
    result.conflicts = problems.conflicts
    result.school_ids = sorted({w.school_id for w in result.plans})
    result.school_years = sorted({w.school_year for w in result.plans})
    if result.assessments is not None:
        result.school_ids = sorted(set(result.assessments.rows["school_id"]))
        result.school_years = sorted(set(result.assessments.rows["school_year"]))
    if result.report is not None:
        result.school_ids, result.school_years = [result.report.school_id], [result.report.school_year]
    if result.schools is not None:
        result.school_ids = sorted(set(result.schools.new_schools["school_id"]) |
                                   {u["school_id"] for u in result.schools.updates})
    if result.errors:
        result.status = "rejected"
        result.summary = t("import.summary.rejected", count=len(result.errors))
        return
    result.status = "ready"
    result.summary = summary(result)


def _duplicate(ctx: Context, result: FileResult, school_id: str | None = None) -> bool:
    """A file whose content was imported before (for `school_id` when given): marked duplicate
    (nothing is written again)."""
    seen = ctx.store.query("import_seen", **ctx.scope.params(), unit_id=None, school_type=None, sha256=result.sha256)
    if school_id is not None:
        seen = seen[seen["school_id"] == school_id]
    if not len(seen):
        return False
    first = seen.iloc[0]
    result.status = "duplicate"
    result.summary = t("import.summary.duplicate", when=format_date(first["imported_at"], time=True),
                       file=first["file_name"])
    return True


def summary(result: FileResult) -> str:
    """One Vietnamese line: what the file brings."""
    if result.report is not None:
        return report_summary(result.report)
    if result.kind == "plan" and result.fmt in ("docx", "txt") and result.plans:
        w = result.plans[0]
        years = w.school_year if w.school_year == w.end_school_year else f"{w.school_year} – {w.end_school_year}"
        text = t("import.summary.plan", school=w.school_name, school_id=w.school_id, years=years,
                 items=len(w.items) + len(w.moves))
        if w.mode == "replace":
            text += " " + t("import.summary.replaces", items=sum(int(p["items"]) for p in w.replaced))
            text += " " + t("import.revise.summary", kept=len(w.kept_items), changed=len(w.updates), new=len(w.items),
                            removed=len(w.removed))
        return text
    if result.kind == "plan":
        return t("import.summary.plan_rows", plans=len(result.plans), new=sum(len(w.items) for w in result.plans),
                 updated=sum(len(w.updates) for w in result.plans),
                 unchanged=sum(w.unchanged for w in result.plans), deleted=sum(len(w.deletes) for w in result.plans))
    if result.kind == "assessment" and result.assessments is not None:
        a = result.assessments
        return t("import.summary.assessments", rows=len(a.rows), schools=len(set(a.rows["school_id"])), new=a.new,
                 changed=a.changed, unchanged=a.unchanged)
    if result.kind == "schools" and result.schools is not None:
        s = result.schools
        return t("import.summary.schools", new=len(s.new_schools), updated=len(s.updates), unchanged=s.unchanged,
                 units=len(s.new_units))
    return ""


# --------------------------------------------------------------------------- preview


def _d(value) -> str:
    return format_date(value)


def preview(result: FileResult) -> pd.DataFrame:
    """What will be written, with Vietnamese column names and the rule behind each parsed value."""
    c = lambda key: t("import.preview." + key)  # noqa: E731
    if result.report is not None:
        return report_preview(result.report)
    if result.plans:
        rows = []
        for w in result.plans:
            place = dict(w.moves)  # a new version (replace): rows in the document's order, removed last
            order: list[tuple[float, dict[str, Any]]] = []
            for v in w.items:
                order.append((v.position, _plan_row(c, w, v, t("import.action.new"))))
            for item_id, merged, changes in w.updates:
                fields = ", ".join(t("import.field." + name) for name, _, _ in changes)
                action = t("import.action.changed" if w.mode == "replace" else "import.action.update", fields=fields)
                order.append((place.get(item_id, 0), _stored_row(c, w, merged, action)))
            for item in w.kept_items:
                order.append((place.get(int(item["item_id"]), 0), _stored_row(c, w, item, t("import.action.kept"))))
            for item in w.removed:
                order.append((float("inf"), _stored_row(c, w, item, t("import.action.removed"))))
            if not w.removed:
                for item_id in w.deletes:
                    order.append((float("inf"), {c("action"): t("import.action.delete"), c("school"): w.school_id,
                                                 c("year"): w.school_year, c("criterion"): f"#{item_id}"}))
            if w.mode == "replace":
                order.sort(key=lambda pair: pair[0])
            rows.extend(row for _, row in order)
        frame = pd.DataFrame(rows)
        if len(frame) and frame[c("school")].nunique() == 1 and result.fmt in ("docx", "txt"):
            drop = [c("school"), c("year")] + ([] if any(w.mode == "replace" for w in result.plans) else [c("action")])
            frame = frame.drop(columns=drop)
        if any(w.mode == "replace" for w in result.plans) and c("status") in frame:  # progress kept or lost: first
            cols = [k for k in frame.columns if k != c("status")]
            at = cols.index(c("criterion")) + 1
            frame = frame[cols[:at] + [c("status")] + cols[at:]]
        return frame.astype(object).where(frame.notna(), "")
    if result.assessments is not None:
        a = result.assessments.rows
        return pd.DataFrame({
            c("school"): a["school_id"], c("year"): a["school_year"],
            c("kind"): a["kind"].map(ASSESSMENT_KIND_LABELS), c("criterion"): a["criterion_code"],
            c("level"): a["level"].map(lambda x: LEVEL_LABELS.get(int(x))),
        })
    if result.schools is not None:
        s = result.schools
        rows = [{c("action"): t("import.action.new"), c("school"): r["school_id"], c("name"): r["name"],
                 c("school_type"): SCHOOL_TYPE_LABELS[r["school_type"]], c("framework"): r["framework_id"],
                 c("unit"): r["unit_id"], c("former"): r["former_unit_id"] or ""}
                for r in s.new_schools.to_dict("records")]
        rows += [{c("action"): t("import.action.update", fields=""), c("school"): r["school_id"],
                  c("name"): r["name"], c("school_type"): SCHOOL_TYPE_LABELS[r["school_type"]],
                  c("framework"): r["framework_id"], c("unit"): r["unit_id"], c("former"): r["former_unit_id"] or ""}
                 for r in s.updates]
        rows += [{c("action"): t("import.action.new_unit"), c("school"): "", c("name"): r["name"],
                  c("school_type"): t("import.unit_kind." + r["kind"]), c("framework"): "", c("unit"): r["unit_id"],
                  c("former"): ""} for r in s.new_units.to_dict("records")]
        return pd.DataFrame(rows)
    return pd.DataFrame()


def _money(value) -> str:
    return "" if value is None or pd.isna(value) else format_number(value)


def _stored_row(c, w: PlanWrite, item: dict[str, Any], action: str) -> dict[str, Any]:
    """A stored item (kept, changed or removed by the file) as a preview row, with its progress."""
    return {c("action"): action, c("school"): w.school_id, c("year"): w.school_year,
            c("criterion"): item.get("criterion_code"),
            c("target_level"): LEVEL_LABELS.get(item.get("target_level"), "") if item.get("target_level") else "",
            c("time_text"): item.get("time_text"), c("start"): _d(item.get("start_date")),
            c("due"): _d(item.get("due_date")), c("budget_vnd"): _money(item.get("budget_vnd")),
            c("budget_text"): item.get("budget_text"), c("lead"): item.get("lead"), c("support"): item.get("support"),
            c("weakness"): item.get("weakness"), c("target_result"): item.get("target_result"),
            c("measures"): item.get("measures"), c("status"): progress_text(item)}


def _plan_row(c, w: PlanWrite, v, action: str) -> dict[str, Any]:
    # what a principal should check first (the values read from loose text) comes first
    return {
        c("action"): action, c("school"): w.school_id, c("year"): w.school_year,
        c("criterion"): v.criterion_code,
        c("target_level"): LEVEL_LABELS.get(v.target_level, "") if v.target_level else "",
        c("time_text"): v.time_text, c("start"): _d(v.start_date), c("due"): _d(v.due_date),
        c("time_rule"): v.time_rule,
        c("budget_vnd"): _money(v.budget_vnd), c("budget_text"): v.budget_text, c("money_rule"): v.money_rule,
        c("lead"): v.lead, c("support"): v.support,
        c("weakness"): v.weakness, c("target_result"): v.target_result, c("measures"): v.measures,
        c("other_support"): v.other_support, c("note"): v.note,
        c("status"): STATUS_LABELS.get(v.status or "not_started", ""),
    }

