"""What an import writes (PlanWrite, AssessmentWrite, SchoolsWrite, Conflict) and how a plan file
merges with the stored plans: which stored item a row revises (MATCH_RULE), which plan a row
goes to, what an upsert changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import pandas as pd

from kdcl.importing.context import Context
from kdcl.importing.normalise import clean, one_line, value_key
from kdcl.importing.problems import Problems
from kdcl.importing.values import ItemValues
from kdcl.rules import format_date
from kdcl.strings import STATUS_LABELS, t

# --------------------------------------------------------------------------- what gets written


@dataclass
class PlanWrite:
    """One plan to create, replace or update (upsert)."""

    school_id: str
    school_name: str
    framework_id: str
    school_year: str
    end_school_year: str
    title: str
    mode: str  # new | replace | upsert
    items: list[ItemValues] = field(default_factory=list)  # new items (all items for new/replace)
    updates: list[tuple[int, dict[str, Any], list[tuple[str, Any, Any]]]] = field(default_factory=list)
    deletes: list[int] = field(default_factory=list)  # item ids (tabular with replace)
    unchanged: int = 0
    kept: int = 0  # existing items not in a tabular file and kept
    plan_id: int | None = None  # the plan updated (upsert) or reused (replace)
    replaced: list[dict[str, Any]] = field(default_factory=list)  # plans replaced (id, years, items, source)
    next_position: int = 1
    # a new version of a plan (replace): matched items keep id and progress (MATCH_RULE)
    moves: list[tuple[int, int]] = field(default_factory=list)  # (item id, position in the new version)
    kept_items: list[dict[str, Any]] = field(default_factory=list)  # matched, nothing changed
    removed: list[dict[str, Any]] = field(default_factory=list)  # stored items the new version drops


@dataclass
class Conflict:
    """A template row whose item changed after the file was exported (the row's "Phiên bản" is older
    than the item's version) and that would change the item: not applied blindly. `choice`:
    "ask" (the file is rejected, listing it), "current" (the row is skipped) or "file" (applied)."""

    item_id: int
    school_id: str
    criterion_code: str
    row: int
    file_version: int
    version: int
    changed_by: str
    changed_at: Any
    fields: list[str]  # what the row would change
    choice: str = "ask"
    since: list[tuple[Any, str, list[str]]] = field(default_factory=list)  # (when, who, fields) since the export

    def describe(self) -> str:
        """Who changed what, when (since the export), newest first."""
        groups = self.since or [(self.changed_at, self.changed_by, [])]
        return "; ".join(
            f"{who} ({format_date(when, time=True)})"
            + (": " + ", ".join(field_label(f) for f in fields) if fields else "")
            for when, who, fields in groups)


def field_label(name: str) -> str:
    """The Vietnamese name of an item field ("status" -> "trạng thái"; progress_note too)."""
    try:
        return t("import.field." + name)
    except KeyError:
        return name


@dataclass
class AssessmentWrite:
    rows: pd.DataFrame  # school_id, school_year, kind, framework_id, criterion_code, level, source
    changed: int = 0
    unchanged: int = 0
    new: int = 0


@dataclass
class SchoolsWrite:
    new_units: pd.DataFrame
    new_schools: pd.DataFrame
    updates: list[dict[str, Any]]
    unchanged: int = 0


ITEM_FIELDS = ("target_level", "weakness", "target_result", "measures", "lead", "support", "time_text",
               "start_date", "due_date", "ongoing", "budget_vnd", "budget_text", "other_support", "note", "status",
               "status_reason", "completed_on")


def norm(value: Any) -> Any:
    """Comparable form of a stored or imported value (None for blank)."""
    if value is None:
        return None
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


MATCH_RULE = t("import.match_rule")
CONTENT_FIELDS = ("target_level", "weakness", "target_result", "measures", "lead", "support", "time_text",
                  "start_date", "due_date", "ongoing", "budget_vnd", "budget_text", "other_support", "note")


def _match_text(item: Any) -> str:
    get = item.get if isinstance(item, dict) else (lambda k: getattr(item, k))
    return value_key(" ".join(str(get(k)) for k in ("weakness", "measures") if get(k)))


def match_items(rows: list[ItemValues], existing: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """MATCH_RULE: for each row, the stored item it revises (None: a new item). Same criterion
    first; within a criterion the pairs whose weakness + measures text is closest (difflib ratio
    on the folded text) are taken first, ties in order (so i-th row <-> i-th item when texts say
    nothing). Each stored item is matched at most once."""
    pool: dict[str, list[int]] = {}
    for j, item in enumerate(existing):
        pool.setdefault(item["criterion_code"], []).append(j)
    wanted: dict[str, list[int]] = {}
    for i, v in enumerate(rows):
        wanted.setdefault(v.criterion_code, []).append(i)
    out: list[dict[str, Any] | None] = [None] * len(rows)
    for code, row_ix in wanted.items():
        old_ix = pool.get(code, [])
        if not old_ix:
            continue
        if len(row_ix) == 1 and len(old_ix) == 1:
            out[row_ix[0]] = existing[old_ix[0]]
            continue
        texts = {j: _match_text(existing[j]) for j in old_ix}
        pairs = []
        for a, i in enumerate(row_ix):
            mine = _match_text(rows[i])
            for b, j in enumerate(old_ix):
                ratio = SequenceMatcher(None, mine, texts[j], autojunk=False).ratio() if mine and texts[j] else 0.0
                pairs.append((-ratio, a, b, i, j))
        used_rows, used_old = set(), set()
        for _, _, _, i, j in sorted(pairs):
            if i not in used_rows and j not in used_old:
                out[i] = existing[j]
                used_rows.add(i)
                used_old.add(j)
    return out


def had_progress(item: dict[str, Any]) -> bool:
    return (item.get("status") or "not_started") != "not_started" or bool(item.get("progress_note")) or \
        item.get("completed_on") is not None


def progress_text(item: dict[str, Any]) -> str:
    parts = [STATUS_LABELS.get(item.get("status"), item.get("status") or "")]
    if item.get("completed_on") is not None:
        parts.append(t("import.progress.done_on", date=format_date(item["completed_on"])))
    if item.get("progress_note"):
        parts.append(t("import.progress.note", note=item["progress_note"]))
    return "; ".join(p for p in parts if p)


def warn_removed(problems: Problems, removed: list[dict[str, Any]]) -> None:
    """A warning for each removed item that had progress (status, completion date, progress note)."""
    for item in removed:
        if had_progress(item):
            text = one_line(item.get("weakness") or item.get("measures") or item.get("target_result")) or ""
            problems.warn("import.warn.removed_with_progress", code=item["criterion_code"],
                          text=text[:80] + ("…" if len(text) > 80 else ""), progress=progress_text(item))


def revise(write: PlanWrite, rows: list[ItemValues], existing: list[dict[str, Any]], problems: Problems) -> None:
    """A new version of a plan (a document with replace) over the stored items of the plans it
    replaces: matched items keep their id, status, completion date, notes and history and take
    the document's content (updates: only the fields that differ); the others are new or removed."""
    write.items = []
    for v, old in zip(rows, match_items(rows, existing)):
        if old is None:
            write.items.append(v)
            continue
        merged = dict(old)
        for k in CONTENT_FIELDS:
            merged[k] = getattr(v, k)
        changes = [(k, old.get(k), merged[k]) for k in CONTENT_FIELDS
                   if old.get(k) != merged[k] and old.get(k) != norm(merged[k])]
        write.moves.append((int(old["item_id"]), v.position))
        if changes:
            write.updates.append((int(old["item_id"]), merged, changes))
        else:
            write.kept_items.append(old)
    matched = {i for i, _ in write.moves}
    write.removed = [i for i in existing if int(i["item_id"]) not in matched]
    write.deletes = [int(i["item_id"]) for i in write.removed]
    write.kept = len(write.kept_items)
    warn_removed(problems, write.removed)
    problems.warn("import.revise.rule", rule=MATCH_RULE)


def plan_title(first: str, last: str) -> str:
    if first == last:
        return t("import.plan_title", year=first.replace("-", " - "))
    return t("import.plan_title_range", first=first, last=last)


def years_label(first: str, last: str) -> str:
    return first if first == last else f"{first} – {last}"


def overlapping(plans: list[dict[str, Any]], first: str, last: str) -> list[dict[str, Any]]:
    """The live plans (not superseded) among `plans` that cover any school year of first..last, in order."""
    return [p for p in plans
            if pd.isna(p["superseded_by"]) and p["school_year"] <= last and p["end_school_year"] >= first]


def school_plans(ctx: Context, school_ids: list[str]) -> pd.DataFrame:
    """The stored plans of these schools (in scope), with item counts."""
    return ctx.store.query("import_plans", **ctx.scope.params(), unit_id=None, school_type=None,
                           school_ids=sorted(school_ids))


def plan_for(plans: list[dict[str, Any]], year: str) -> dict[str, Any] | None:
    """The plan a row of `year` goes to: the live one starting that year, else the first live one
    covering it (`plans`: one school's, in year order)."""
    cover = overlapping(plans, year, year)
    same = [p for p in cover if p["school_year"] == year]
    return (same or cover or [None])[0]


def existing_items(ctx: Context, plan_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The stored items of these plans, by plan id, in plan order."""
    out: dict[int, list[dict[str, Any]]] = {}
    if not plan_ids:
        return out
    frame = ctx.store.query("import_plan_items", **ctx.scope.params(), unit_id=None, school_type=None,
                            plan_ids=sorted(set(plan_ids)))
    for r in frame.itertuples(index=False):
        item = {k: v if k == "updated_at" else norm(v) for k, v in r._asdict().items()}
        out.setdefault(int(item["plan_id"]), []).append(item)
    return out


def _finish_status(v: ItemValues, merged: dict[str, Any], problems: Problems, heads: dict[str, str] | None) -> bool:
    """Status rules the database enforces, as messages."""
    status = merged.get("status") or "not_started"
    merged["status"] = status
    if status != "done":
        if v.completed_on is not None:
            problems.error("import.err.completed_not_done", v.row, (heads or {}).get("completed_on"),
                           status=STATUS_LABELS[status])
            return False
        merged["completed_on"] = None
    if status == "dropped" and not merged.get("status_reason"):
        reason = v.note if v.note else None
        if reason is None:
            problems.error("import.err.dropped_reason", v.row, (heads or {}).get("status"))
            return False
        merged["status_reason"] = reason
    return True


def upsert_group(ctx: Context, problems: Problems, school: dict[str, Any], year: str, rows: list[ItemValues], replace: bool,
            heads: dict[str, str], plan: dict[str, Any] | None, existing: list[dict[str, Any]],
            conflicts: str = "ask", choices: dict[int, str] | None = None) -> PlanWrite | None:
    """The write for one (school, year) group: a new plan, or an upsert into `plan` (its items `existing`)."""
    write = PlanWrite(school_id=school["school_id"], school_name=school["name"], framework_id=school["framework_id"],
                      school_year=year, end_school_year=year, title=plan_title(year, year), mode="new")
    if plan is not None:
        write.mode, write.plan_id = "upsert", int(plan["plan_id"])
        write.school_year, write.end_school_year, write.title = plan["school_year"], plan["end_school_year"], \
            plan["title"]
    write.next_position = max([i["position"] for i in existing], default=0) + 1
    ok = True
    matched: set[int] = set()
    for v, old in zip(rows, match_items(rows, existing) if existing else [None] * len(rows)):
        if old is not None:
            matched.add(int(old["item_id"]))
        if old is None:  # a new item: the row's values, with the status rules applied
            merged = {"status": v.status or "not_started", "completed_on": v.completed_on,
                      "status_reason": v.status_reason}
            if not _finish_status(v, merged, problems, heads):
                ok = False
                continue
            v.status, v.completed_on, v.status_reason = merged["status"], merged["completed_on"], \
                merged["status_reason"]
            write.items.append(v)
            continue
        merged = _merge(old, v)
        if not _finish_status(v, merged, problems, heads):
            ok = False
            continue
        # stored values are already in norm form (existing_items): equal values need no normalising
        changes = [(k, old.get(k), merged.get(k)) for k in ITEM_FIELDS
                   if old.get(k) != merged.get(k) and old.get(k) != norm(merged.get(k))]
        if changes and v.version is not None and int(old["version"]) > v.version:  # changed since the export
            item_id = int(old["item_id"])
            choice = (choices or {}).get(item_id, conflicts)
            problems.conflicts.append(Conflict(
                item_id, school["school_id"], old["criterion_code"], v.row, v.version, int(old["version"]),
                old.get("updated_by") or "", old.get("updated_at"), [k for k, _, _ in changes], choice))
            if choice == "current":
                write.unchanged += 1
                continue
            if choice != "file":
                ok = False
                continue
        if changes:
            write.updates.append((int(old["item_id"]), merged, changes))
        else:
            write.unchanged += 1
    leftover = [i for i in existing if int(i["item_id"]) not in matched]
    if leftover:
        if replace:
            write.removed = leftover
            write.deletes = [int(i["item_id"]) for i in leftover]
            warn_removed(problems, leftover)
            problems.warn("import.warn.items_deleted", count=len(leftover), school=school["name"], year=year)
        else:
            write.kept = len(leftover)
            problems.warn("import.warn.items_kept", count=len(leftover), school=school["name"], year=year,
                          how=ctx.how("replace"))
    return write if ok else None


def _merge(old: dict[str, Any] | None, v: ItemValues) -> dict[str, Any]:
    """The item after applying a file row: columns absent from the file keep the stored value."""
    p = v.present
    merged = dict(old or {})
    base = {k: getattr(v, k) for k in ITEM_FIELDS}
    if old is None:
        merged = dict(base)
        merged["status"] = v.status or "not_started"
        return merged
    for key in ("target_level", "weakness", "target_result", "measures", "lead", "support", "other_support",
                "note"):
        if key in p:
            merged[key] = base[key]
    explicit = v.explicit
    if "time_text" in p:
        merged["time_text"], merged["ongoing"] = base["time_text"], base["ongoing"]
        merged["start_date"], merged["due_date"] = base["start_date"], base["due_date"]
    else:
        for key in ("start_date", "due_date"):
            if key in p:
                merged[key] = explicit.get(key)
    if "budget" in p:
        same_amount = base["budget_vnd"] is not None and base["budget_vnd"] == norm(old.get("budget_vnd"))
        same_text = base["budget_vnd"] is None and value_key(base["budget_text"]) == value_key(old.get("budget_text"))
        if not (same_amount or same_text):
            merged["budget_vnd"], merged["budget_text"] = base["budget_vnd"], base["budget_text"]
    if "status" in p and v.status:
        merged["status"] = v.status
    if "status_reason" in p and v.status_reason:
        merged["status_reason"] = v.status_reason
    if "completed_on" in p:
        merged["completed_on"] = v.completed_on
    return merged
