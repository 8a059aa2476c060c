"""Checking what was read against the database: schools, frameworks, criteria, levels,
units, dates and money. Produces the rows to write, or errors that reject the file.

Errors (the file is rejected): a school that cannot be found or is outside the user's scope,
a school year that is not "A-(A+1)", a criterion code that is not in the school's framework
(or a name that matches none), a level outside 0-3 (assessments) or 1-3 (plan targets) or
above what the criterion allows, a date column that is not a date, an unknown status, school
type or assessment kind, a status "Không thực hiện" without a reason, a completion date on an
item that is not done, a required column or value missing.
Warnings (shown, the file still goes in): a time text that gives no date, a budget that is not
a number (kept as text), a criterion recognised by its name, a document whose school or year
differs from the one chosen, new units created, columns outside the template, an item without
target level or time.
"""

from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from collections.abc import Callable
from typing import Any

import pandas as pd

from kdcl.access import AccessDenied, Scope
from kdcl.data import require_write, writable_schools
from kdcl.db import Store
from kdcl.importing.model import Issue
from kdcl.importing.normalise import clean, fold, one_line, value_key
from kdcl.importing.plan_common import level_number, school_key, split_criterion
from kdcl.rules import format_date, format_number
from kdcl.strings import ASSESSMENT_KIND_LABELS, SCHOOL_TYPE_LABELS, STATUS_LABELS, t
from kdcl.timetext import MAX_MONEY_VND, MONEY_RULES, normalise_school_year, parse_date, parse_money, parse_time_text

FRAMEWORK_FOR_TYPE = {"MN": "MN", "TH": "TH", "THCS": "THCS_THPT", "THPT": "THCS_THPT", "NHIEU_CAP": "THCS_THPT"}
FAMILY_FOR_TYPE = {"MN": "MN", "TH": "TH", "THCS": "THCS_THPT", "THPT": "THCS_THPT", "NHIEU_CAP": "THCS_THPT"}
DISTRICTS_DISSOLVED_ON = date(2025, 7, 1)


class Problems:
    """Errors and warnings of one file."""

    def __init__(self, file: str):
        self.file = file
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []
        self.school_mismatch: dict[str, str] | None = None  # a plan naming another school than the chosen one
        self.conflicts: list[Any] = []  # Conflict: template rows whose item changed since the export

    def error(self, key: str, row: int | None = None, column: str | None = None, where: str | None = None,
              **values: object) -> None:
        self.errors.append(Issue(self.file, t(key, **values), row, column, where))

    def warn(self, key: str, row: int | None = None, column: str | None = None, where: str | None = None,
             **values: object) -> None:
        self.warnings.append(Issue(self.file, t(key, **values), row, column, where))


def money_rule(text: str | None, amount: int | None) -> str:
    """Which MONEY_RULES line read a budget cell (shown next to the amount)."""
    if not text:
        return ""
    rules = dict(MONEY_RULES)
    examples = [e for e, _ in MONEY_RULES]
    if amount is None:
        return rules[examples[-1]]
    f = fold(text)
    if re.search(r"\d\s*(?:ty|ti)\b", f):
        return rules["1 tỷ"]
    if re.search(r"\d\s*(?:trieu|tr)\b", f):
        return rules["1,5 triệu"] if re.search(r"\d[.,]\d{1,2}\s*(?:trieu|tr)\b", f) else rules["60 triệu"]
    if re.search(r"\d\s*(?:nghin|ngan|k)\b", f):
        return rules["500 nghìn"]
    if re.search(r"\d\s*(?:d|dong|vnd)\b", f):
        return rules["10.000.000đ"]
    if re.search(r"\d,\d{3}", f):
        return rules["10,000,000"]
    if re.search(r"\d\.\d{3}", f):
        return rules["10.000.000"]
    return t("import.rule.money_plain")


# --------------------------------------------------------------------------- database context


class Context:
    """What validation needs from the database, read once per file."""

    def __init__(self, store: Store, scope: Scope, channel: str = "ui"):
        self.store = store
        self.scope = scope
        self.channel = channel  # "ui" or "cli": how messages tell the user to choose a school, year, replace
        self.today = date.today()  # a completion date after it is refused
        self.schools = store.records("import_schools", **scope.params(), unit_id=None, school_type=None)
        self._all_school_ids: set[str] | None = None
        crit = store.query("import_criteria")
        self.criteria: dict[str, dict[str, dict[str, Any]]] = {}
        for r in crit.itertuples(index=False):
            self.criteria.setdefault(r.framework_id, {})[r.criterion_code] = {
                "name": r.name, "max_level": int(r.max_level), "standard_no": int(r.standard_no)}
        self.frameworks = store.query("import_frameworks")
        self.units = store.query("import_units")
        self.pending: dict[str, dict[str, Any]] = {}  # schools a schools file of the batch will create
        self._writable: set[str] = set()  # school ids known writable (prefetch_writable)
        self._write_checked: set[str] = set()
        self._index()

    @property
    def all_school_ids(self) -> set[str]:
        """Every school id in the database, casefolded (read on the first school not found in scope:
        it tells "outside your scope" from "no such school")."""
        if self._all_school_ids is None:
            self._all_school_ids = {r["school_id"].casefold() for r in self.store.records(
                "import_schools", **Scope.everything().params(), unit_id=None, school_type=None)}
        return self._all_school_ids

    def _index(self) -> None:
        rows = self.schools + list(self.pending.values())
        self.by_id: dict[str, dict[str, Any]] = {str(r["school_id"]).casefold(): r for r in rows}
        self._by_name: tuple[dict, dict] | None = None  # built on the first lookup by name

    def _name_index(self) -> tuple[dict[tuple[str, str], list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
        """Schools by (type, name) key and by bare name (files that name schools instead of giving ids)."""
        if self._by_name is None:
            by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
            by_core: dict[str, list[dict[str, Any]]] = {}
            for r in self.by_id.values():
                key = school_key(r["name"])
                if key:
                    by_key.setdefault(key, []).append(r)
                    by_core.setdefault(key[1], []).append(r)
            self._by_name = (by_key, by_core)
        return self._by_name

    def add_pending(self, schools: list[dict[str, Any]]) -> None:
        for s in schools:
            self.pending[str(s["school_id"]).casefold()] = {**s, "pending": True}
        self._index()

    def school(self, ref: Any) -> dict[str, Any] | None:
        """A school in scope by id or (accent-insensitive) name; None when not found or ambiguous."""
        text = one_line(ref)
        if not text:
            return None
        if isinstance(ref, float) and ref.is_integer():
            text = str(int(ref))
        hit = self.by_id.get(text.casefold())
        if hit:
            return hit
        key = school_key(text)
        if not key:
            return None
        by_key, by_core = self._name_index()
        same = by_key.get(key, [])
        if len(same) == 1:
            return same[0]
        if not key[0] or len(same) == 0:
            core = by_core.get(key[1], [])
            if key[0]:
                core = [c for c in core if (school_key(c["name"]) or ("", ""))[0] in ("", key[0])]
            if len(core) == 1:
                return core[0]
        return None

    def how(self, what: str) -> str:
        return t(f"import.how.{self.channel}.{what}")

    def prefetch_writable(self, school_ids: set[str]) -> None:
        """Check many schools in one query; can_write then answers from memory."""
        todo = sorted(set(school_ids) - self._write_checked)
        if todo:
            self._writable |= writable_schools(self.store, self.scope, todo)
            self._write_checked |= set(todo)

    def can_write(self, school: dict[str, Any], problems: Problems, row: int | None = None,
                  column: str | None = None) -> bool:
        if school.get("pending"):
            return True
        if school["school_id"] in self._writable:
            return True
        try:
            require_write(self.store, self.scope, school["school_id"])
        except AccessDenied as exc:
            problems.errors.append(Issue(problems.file, str(exc), row, column))
            return False
        return True

    def criterion(self, framework: str, value: Any, problems: Problems, row: int | None, column: str | None,
                  where: str | None = None, name: str | None = None) -> str | None:
        """The criterion code in `framework` that a cell names (code first, then name)."""
        catalog = self.criteria.get(framework, {})
        code = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            code = _numeric_code(value)
            if code and code.endswith(".1") and code + "0" in catalog:
                problems.warn("import.warn.numeric_code", row, column, where, code=code, other=code + "0")
        elif value is not None:
            text = one_line(value) or ""
            if re.fullmatch(r"\d{1,2}\s*\.\s*\d{1,2}", text):
                a, b = re.split(r"\s*\.\s*", text)
                code = f"{int(a)}.{int(b)}"
            else:
                code, name = split_criterion(text) if not name else (None, name)
        if code:
            if code in catalog:
                return code
            problems.error("import.err.unknown_code", row, column, where, code=code,
                           framework=self.framework_title(framework))
            return None
        if name:
            found = self.criterion_by_name(framework, name)
            if found:
                problems.warn("import.warn.code_by_name", row, column, where, name=name, code=found)
                return found
            problems.error("import.err.unknown_criterion", row, column, where, value=name)
            return None
        problems.error("import.err.no_criterion", row, column, where)
        return None

    def criterion_by_name(self, framework: str, name: str) -> str | None:
        target = value_key(name)
        if len(target) < 5:
            return None
        catalog = self.criteria.get(framework, {})
        exact = [c for c, v in catalog.items() if value_key(v["name"]) == target]
        if len(exact) == 1:
            return exact[0]
        loose = [c for c, v in catalog.items()
                 if value_key(v["name"]).startswith(target) or target.startswith(value_key(v["name"]))]
        return loose[0] if len(loose) == 1 else None

    def framework_title(self, framework: str) -> str:
        hit = self.frameworks[self.frameworks["framework_id"] == framework]
        return f"{framework} ({hit['circular'].iloc[0]})" if len(hit) else framework


def _numeric_code(value: float) -> str | None:
    text = f"{value:.2f}".rstrip("0")
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", text)
    return f"{int(m.group(1))}.{int(m.group(2))}" if m else None


def label_match(value: Any, labels: dict[str, str]) -> str | None:
    """The code whose label or code the cell names ("Đang thực hiện" = "dang thuc hien" = "in_progress")."""
    k = value_key(value)
    if not k:
        return None
    for code, label in labels.items():
        if k in (value_key(label), value_key(code)):
            return code
    return None


def cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (date, pd.Timestamp)):
        return format_date(value)
    return clean(value)


def school_year_of(value: Any) -> str | None:
    text = one_line(value)
    return normalise_school_year(text) if text else None


def int_level(value: Any) -> int | None | str:
    """An integer level from a cell ("2", 2.0, "Mức 2"); "" for blank; "bad" when unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, bool):
        return "bad"
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else "bad"
    n = level_number(value)
    return n if n is not None else "bad"


# --------------------------------------------------------------------------- plan items


@dataclass
class ItemValues:
    """A plan item ready to write (and its parse explanations for the preview)."""

    row: int
    where: str | None
    criterion_code: str
    target_level: int | None = None
    weakness: str | None = None
    target_result: str | None = None
    measures: str | None = None
    lead: str | None = None
    support: str | None = None
    time_text: str | None = None
    start_date: date | None = None
    due_date: date | None = None
    ongoing: bool = False
    budget_vnd: int | None = None
    budget_text: str | None = None
    other_support: str | None = None
    note: str | None = None
    status: str | None = None  # None: keep (upsert) / not_started (new)
    status_reason: str | None = None
    completed_on: date | None = None
    time_rule: str = ""
    money_rule: str = ""
    present: set[str] = field(default_factory=set)  # template keys present in a tabular file
    explicit: dict[str, Any] = field(default_factory=dict)  # dates given in their own columns
    position: int = 0
    version: int | None = None  # the item's version when the file was exported ("Phiên bản")


def time_fields(values: ItemValues, school_year: str, problems: Problems, column: str | None,
                explicit_start: date | None = None, explicit_due: date | None = None) -> None:
    """Dates from the time text (rules: kdcl.timetext.TIME_RULES) unless given explicitly."""
    span = parse_time_text(values.time_text, school_year)
    values.ongoing = span.ongoing
    values.time_rule = span.rule if values.time_text else ""
    if values.time_text and not span.parsed:
        problems.warn("import.warn.time_unparsed", values.row, column, values.where, value=values.time_text)
    start, due = span.start, span.due
    if explicit_start is not None:
        start = explicit_start
    if explicit_due is not None:
        if due is not None and explicit_due != due and values.time_text:
            problems.warn("import.warn.due_differs", values.row, None, values.where,
                          due=format_date(explicit_due), text=values.time_text)
        due = explicit_due
        values.time_rule = values.time_rule or t("import.rule.explicit_dates")
    if start and due and due < start:
        problems.warn("import.warn.start_after_due", values.row, column, values.where)
        start = None
    values.start_date, values.due_date = start, due


def read_budget(raw: Any) -> tuple[int | None, str | None, str, str | None]:
    """(amount, text as stored, the money rule that read it, problem) of a budget cell; problem is
    "negative" or "too_large" (over MAX_MONEY_VND) and then the amount is None."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        amount = parse_money(raw)
        text = str(amount) if amount is not None else None
    else:
        text = clean(raw)
        amount = parse_money(text) if text else None
    problem = None
    if amount is not None and amount < 0:
        problem, amount = "negative", None
    elif amount is not None and amount > MAX_MONEY_VND:
        problem, amount = "too_large", None
    return amount, text, money_rule(text, amount), problem


def budget_fields(values: ItemValues, raw: Any, problems: Problems, column: str | None,
                  read: Callable[[Any], tuple[int | None, str | None, str, str | None]] = read_budget) -> None:
    amount, text, rule, problem = read(raw)
    if problem == "negative":
        problems.error("import.err.negative_money", values.row, column, values.where, value=one_line(text))
    elif problem == "too_large":
        problems.error("import.err.money_too_large", values.row, column, values.where, value=one_line(text)[:40],
                       limit=format_number(MAX_MONEY_VND))
    values.budget_vnd, values.budget_text, values.money_rule = amount, text, rule
    if text and amount is None and problem is None:
        problems.warn("import.warn.money_text", values.row, column, values.where, value=one_line(text))


def memo(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`fn` computed once per distinct cell value (a file repeats its leads, years, codes, statuses)."""
    cache: dict[Any, Any] = {}

    def call(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            result = cache[value] = fn(value)
            return result
        except TypeError:  # unhashable
            return fn(value)

    return call


def check_level(ctx: Context, framework: str, code: str, level: int | None, problems: Problems, row: int | None,
                column: str | None, where: str | None, low: int) -> int | None:
    if level is None:
        return None
    if not low <= level <= 3:
        problems.error("import.err.level_range" if low == 1 else "import.err.assessment_level", row, column, where,
                       value=level)
        return None
    top = ctx.criteria[framework][code]["max_level"]
    if level > top:
        problems.error("import.err.level_above_max", row, column, where, code=code, value=level, top=top)
        return None
    return level


def item_from_raw(ctx: Context, framework: str, raw, school_year: str, problems: Problems) -> ItemValues | None:
    """A plan item from a document row (kdcl.importing.model.RawItem)."""
    crit_col = raw.columns.get("criterion")
    code = ctx.criterion(framework, raw.code if raw.code else None, problems, raw.row, crit_col, raw.where,
                         name=None if raw.code else raw.name or raw.criterion_text)
    if code is None:
        return None
    v = ItemValues(row=raw.row, where=raw.where, criterion_code=code)
    level_col = raw.columns.get("level") if raw.level_text and raw.columns.get("level") else crit_col
    if raw.target_level == -1 or (raw.level_text and raw.target_level is None):
        problems.error("import.err.level_range", raw.row, level_col, raw.where, value=raw.level_text)
    else:
        v.target_level = check_level(ctx, framework, code, raw.target_level, problems, raw.row, level_col,
                                     raw.where, low=1)
    v.weakness, v.target_result, v.measures = raw.weakness, raw.target_result, raw.measures
    v.lead, v.support, v.other_support, v.note = raw.lead, raw.support, raw.other_support, raw.note
    v.time_text = one_line(raw.time_text)
    time_fields(v, school_year, problems, raw.columns.get("time"))
    budget_fields(v, raw.budget_text, problems, raw.columns.get("budget"))
    v.status = "not_started"
    return v


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


def _years(first: str, last: str) -> str:
    return first if first == last else f"{first} – {last}"


def overlapping(plans: list[dict[str, Any]], first: str, last: str) -> list[dict[str, Any]]:
    """The live plans (not superseded) among `plans` that cover any school year of first..last, in order."""
    return [p for p in plans
            if pd.isna(p["superseded_by"]) and p["school_year"] <= last and p["end_school_year"] >= first]


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
        problems.warn("import.warn.year_differs", found=_years(*years), chosen=chosen_year)
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
        described = "; ".join(t("import.old_plan", years=_years(p["school_year"], p["end_school_year"]),
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
        by_plan = _existing_items(ctx, [int(p["plan_id"]) for p in old])
        revise(write, items, [i for p in old for i in by_plan.get(int(p["plan_id"]), [])], problems)
    return write


def _cell(row: list[Any], columns: dict[str, int], key: str) -> Any:
    i = columns.get(key)
    if i is None or i >= len(row):
        return None
    value = row[i]
    if isinstance(value, str) and not value.strip():
        return None
    return value

def _row_year(year_cell: Any, heads, fallback_year, problems, row_no, read=school_year_of) -> str | None:
    """The row's school year (or the file's/user's when the cell is empty); an error otherwise.
    `read` reads the cell (a memo of school_year_of in a file's loop)."""
    year = read(year_cell) if year_cell is not None else fallback_year
    if year is None:
        problems.error("import.err.bad_year" if year_cell is not None else "import.err.required", row_no,
                       heads.get("school_year", t("import.col.school_year")), value=one_line(year_cell))
    return year


def _row_criterion(ctx, framework, crit: Any, heads, problems, row_no, known: dict | None = None) -> str | None:
    """The row's criterion code in the school's framework (code first, then name); an error otherwise.
    `known` remembers cells read without any message, so a file's repeated codes are read once."""
    key = (framework, crit) if isinstance(crit, (str, int, float)) else None
    if known is not None and key in known:
        return known[key]
    if crit is None:
        problems.error("import.err.required", row_no, heads.get("criterion"))
        return None
    before = len(problems.errors) + len(problems.warnings)
    code = ctx.criterion(framework, crit, problems, row_no, heads.get("criterion"))
    if known is not None and key is not None and code is not None and len(problems.errors) + len(
            problems.warnings) == before:
        known[key] = code
    return code


def _date_value(value: Any) -> date | None | str:
    """A date cell: a date, None when empty, "bad" when unreadable."""
    if value is None:
        return None
    d = parse_date(value) if not isinstance(value, str) else parse_date(value.strip())
    return "bad" if d is None else d


def _columns(table) -> Callable[[str], list[Any]]:
    """column(key): the cells of a template column in row order, None where blank or absent (as for
    a column the file does not have). Column by column, blanks are found once per distinct value."""
    n = len(table.rows)
    width = max(table.columns.values(), default=-1) + 1
    rows = [row if len(row) >= width else [*row, *[None] * (width - len(row))] for _, row in table.rows]
    transposed = list(zip(*rows)) if rows else []

    def column(key: str) -> list[Any]:
        i = table.columns.get(key)
        if i is None:
            return [None] * n
        cells = transposed[i]
        blank = {c for c in set(cells) if isinstance(c, str) and not c.strip()}
        return [None if c in blank else c for c in cells] if blank else list(cells)

    return column


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
    # column by column: each distinct value of a column is read once (memo), each row looks it up
    school_of, text_of, line_of = memo(ctx.school), memo(cell_text), memo(lambda c: one_line(cell_text(c)))
    level_of, date_of, budget_of = memo(int_level), memo(_date_value), memo(read_budget)
    version_of = memo(lambda c: n if isinstance(n := int_level(c), int) and n > 0 else None)
    status_of, year_of = memo(lambda c: label_match(c, STATUS_LABELS)), memo(school_year_of)
    known_codes: dict[tuple[str, Any], str] = {}  # criterion cells read without a message (_row_criterion)
    text_keys = [k for k in ("weakness", "target_result", "measures", "lead", "support", "other_support", "note",
                             "status_reason") if k in cols]
    row_nos = [row_no for row_no, _ in table.rows]
    column = _columns(table)
    refs = column("school_id")
    ctx.prefetch_writable({hit["school_id"] for hit in map(school_of, set(refs) - {None}) if hit is not None})
    texts = [list(map(text_of, column(key))) for key in text_keys]
    time_texts = list(map(line_of, column("time_text")))
    cells = zip(row_nos, refs, column("school_year"), column("criterion"), column("target_level"),
                column("start_date"), column("due_date"), column("completed_on"), column("budget"), column("status"),
                time_texts, zip(*texts) if texts else itertools.repeat(()), column("version"))
    for row_no, ref, year_cell, crit, level_cell, start_cell, due_cell, done_cell, budget_cell, status_cell, \
            time_text, text_values, version_cell in cells:
        school = school_of(ref) if ref is not None else fallback_school
        if school is None:
            if ref is None:
                problems.error("import.err.required", row_no, heads.get("school_id", t("import.col.school_id")))
            elif str(one_line(ref)).casefold() in ctx.all_school_ids:
                problems.error("import.err.school_out_of_scope", row_no, heads.get("school_id"), value=one_line(ref))
            else:
                problems.error("import.err.school_not_found", row_no, heads.get("school_id"), value=one_line(ref))
            continue
        if school["school_id"] not in checked:
            checked[school["school_id"]] = ctx.can_write(school, problems, row_no, heads.get("school_id"))
        if not checked[school["school_id"]]:
            continue
        year = _row_year(year_cell, heads, fallback_year, problems, row_no, year_of)
        if year is None:
            continue
        framework = school["framework_id"]
        code = _row_criterion(ctx, framework, crit, heads, problems, row_no, known_codes)
        if code is None:
            continue
        v = ItemValues(row_no, None, code, present=present)
        v.version = version_of(version_cell) if version_cell is not None else None
        raw_level = level_of(level_cell)
        if raw_level == "bad":
            problems.error("import.err.level_range", row_no, heads.get("target_level"), value=one_line(level_cell))
        elif raw_level != "":
            v.target_level = check_level(ctx, framework, code, raw_level, problems, row_no,
                                         heads.get("target_level"), None, low=1)
        for key, text in zip(text_keys, text_values):
            setattr(v, key, text)
        v.time_text = time_text
        dates = []
        for key, cell in (("start_date", start_cell), ("due_date", due_cell), ("completed_on", done_cell)):
            d = date_of(cell)
            if d == "bad":
                problems.error("import.err.bad_date", row_no, heads.get(key), value=one_line(cell))
            dates.append(d)
        start, due, done_on = dates
        if "bad" in dates:
            continue
        if done_on is not None and done_on > ctx.today:  # as the page refuses it (kdcl.updates), issue 21
            problems.error("import.err.completed_future", row_no, heads.get("completed_on"),
                           value=done_on.strftime("%d/%m/%Y"))
            continue
        time_fields(v, year, problems, heads.get("time_text"), start, due)
        v.explicit = {"start_date": start, "due_date": due}
        budget_fields(v, budget_cell, problems, heads.get("budget"), read=budget_of)
        if status_cell is not None:
            v.status = status_of(status_cell)
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
    targets = {key: _plan_for(by_school.get(key[0], []), key[1]) for key in groups}
    existing = _existing_items(ctx, [int(p["plan_id"]) for p in targets.values() if p is not None])
    writes = []
    for (school_id, year), rows in groups.items():
        plan = targets[(school_id, year)]
        items = existing.get(int(plan["plan_id"]), []) if plan is not None else []
        writes.append(_upsert(ctx, problems, schools[school_id], year, rows, replace, heads, plan, items,
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


def school_plans(ctx: Context, school_ids: list[str]) -> pd.DataFrame:
    """The stored plans of these schools (in scope), with item counts."""
    return ctx.store.query("import_plans", **ctx.scope.params(), unit_id=None, school_type=None,
                           school_ids=sorted(school_ids))


def _plan_for(plans: list[dict[str, Any]], year: str) -> dict[str, Any] | None:
    """The plan a row of `year` goes to: the live one starting that year, else the first live one
    covering it (`plans`: one school's, in year order)."""
    cover = overlapping(plans, year, year)
    same = [p for p in cover if p["school_year"] == year]
    return (same or cover or [None])[0]


def _existing_items(ctx: Context, plan_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
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


def _upsert(ctx: Context, problems: Problems, school: dict[str, Any], year: str, rows: list[ItemValues], replace: bool,
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
    for v, old in zip(rows, match_items(rows, existing)):
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
        # stored values are already in norm form (_existing_items): equal values need no normalising
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
    known_codes: dict[tuple[str, Any], str] = {}  # criterion cells read without a message (_row_criterion)
    column = _columns(table)
    refs = column("school_id")
    ctx.prefetch_writable({hit["school_id"] for hit in map(school_of, set(refs) - {None}) if hit is not None})
    cells = zip([row_no for row_no, _ in table.rows], refs, column("school_year"), column("kind"),
                column("criterion"), column("level"))
    for row_no, ref, year_cell, kind_cell, crit, level_cell in cells:
        school = school_of(ref) if ref is not None else fallback_school
        if school is None:
            key = "import.err.required" if ref is None else (
                "import.err.school_out_of_scope" if str(one_line(ref)).casefold() in ctx.all_school_ids
                else "import.err.school_not_found")
            problems.error(key, row_no, heads.get("school_id", t("import.col.school_id")), value=one_line(ref))
            continue
        if school["school_id"] not in checked:
            checked[school["school_id"]] = ctx.can_write(school, problems, row_no, heads.get("school_id"))
        if not checked[school["school_id"]]:
            continue
        year = _row_year(year_cell, heads, fallback_year, problems, row_no, year_of)
        if year is None:
            continue
        kind = kind_of(kind_cell) if kind_cell is not None else None
        if kind is None:
            problems.error("import.err.bad_kind", row_no, heads.get("kind", t("import.col.kind")),
                           value=one_line(kind_cell) or "", allowed=", ".join(ASSESSMENT_KIND_LABELS.values()))
            continue
        framework = school["framework_id"]
        code = _row_criterion(ctx, framework, crit, heads, problems, row_no, known_codes)
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


# --------------------------------------------------------------------------- schools


def _unit_key(name: Any) -> str:
    if isinstance(name, str):
        return _unit_key_text(name)  # unit names repeat on every row: folded once each
    return _unit_key_uncached(name)


@lru_cache(maxsize=65536)
def _unit_key_text(name: str) -> str:
    return _unit_key_uncached(name)


def _unit_key_uncached(name: Any) -> str:
    k = value_key(re.sub(r"\((?:cu|cũ)\)", " ", fold(name)))
    return " ".join(w for w in k.split() if w != "cu") if k.endswith(" cu") else k


_UNIT_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp|xa|phuong|thi tran|quan|huyen|thi xa|dac khu)\s+")


def _bare_key(name: Any) -> str:
    return _UNIT_PREFIX.sub("", _unit_key(name))


def _slug(name: str, taken: set[str]) -> str:
    base = "_".join(value_key(name).upper().split())[:40] or "DV"
    candidate, n = base, 2
    while candidate.casefold() in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate.casefold())
    return candidate


_COMMUNE_OFFICE = re.compile(r"^(?:phong (?:van hoa (?:va )?xa hoi|vh xh|vhxh)|ubnd|uy ban nhan dan)(?: (.*))?$")
_PROVINCE_OFFICE = re.compile(r"^so (?:giao duc (?:va )?dao tao|gd (?:va )?dt|gddt)(?: (.*))?$")
_DISTRICT_OFFICE = re.compile(r"^phong (?:giao duc (?:va )?dao tao|gd (?:va )?dt|gddt)(?: (.*))?$")
OFFICE_RULE = ("Đơn vị quản lý: mã hoặc tên đơn vị; hoặc tên cơ quan: «Phòng Văn hóa - Xã hội» (VH-XH, UBND) "
               "của xã/phường X, «Sở GD&ĐT» của tỉnh, «Phòng GD&ĐT» của quận/huyện cũ; không ghi địa danh thì "
               "lấy xã/phường, tỉnh hoặc quận/huyện cũ của cùng dòng.")


class UnitResolver:
    """Units named by a schools file, found by dictionary (id, then name with and without its kind),
    so a 45,000-row list takes one lookup per cell. Units the file names and the database lacks
    are created, with one warning per kind of unit (warnings())."""

    KEYS = (_unit_key, _bare_key)

    def __init__(self, ctx: Context, problems: Problems):
        self.ctx = ctx
        self.problems = problems
        self.units = [dict(r._asdict()) for r in ctx.units.itertuples(index=False)]
        self.created: list[dict[str, Any]] = []
        self._created_where: dict[str, tuple[int, str]] = {}  # kind -> (first row, column)
        self.by_uid: dict[str, dict[str, Any]] = {}
        self.by_id: dict[str, dict[str, Any]] = {}
        self.by_name: tuple[dict[tuple[str, str], list[dict[str, Any]]], ...] = ({}, {})
        self.provinces: list[dict[str, Any]] = []
        for u in self.units:
            self._add(u)
        self.taken = set(self.by_id)
        scoped = ctx.store.query("units", scope_unit_id=ctx.scope.unit_id)
        self.in_scope = set(scoped["unit_id"])

    def _add(self, unit: dict[str, Any]) -> None:
        self.by_uid[unit["unit_id"]] = unit
        self.by_id.setdefault(str(unit["unit_id"]).casefold(), unit)
        for index, key in zip(self.by_name, self.KEYS):
            index.setdefault((unit["kind"], key(unit["name"])), []).append(unit)
        if unit["kind"] == "province":
            self.provinces.append(unit)

    def _find(self, ref: Any, kinds: tuple[str, ...], top: str | None) -> dict[str, Any] | None:
        text = one_line(ref) or ""
        hit = self.by_id.get(text.casefold())
        if hit is not None and hit["kind"] in kinds:
            return hit
        for index, key in zip(self.by_name, self.KEYS):
            k = key(text)
            hits = [u for kind in kinds for u in index.get((kind, k), ())
                    if top is None or u.get("top_id") == top or u["unit_id"] == top]
            if len(hits) == 1:
                return hits[0]
        return None

    def _create(self, name: str, kind: str, parent: str | None, row: int, column: str) -> dict[str, Any]:
        unit = {"unit_id": _slug(name, self.taken), "name": name, "kind": kind, "parent_id": parent,
                "dissolved_on": DISTRICTS_DISSOLVED_ON if kind == "district" else None,
                "top_id": parent or None}
        if unit["top_id"] is None:
            unit["top_id"] = unit["unit_id"]
        self.created.append(unit)
        self._add(unit)
        self._created_where.setdefault(kind, (row, column))
        return unit

    def warnings(self) -> None:
        """One warning per kind of unit created: how many, and the first few names."""
        for kind, (row, column) in self._created_where.items():
            names = [u["name"] for u in self.created if u["kind"] == kind]
            shown = ", ".join(f"«{n}»" for n in names[:5])
            if len(names) > 5:
                shown += " " + t("import.warn.units_more", count=len(names) - 5)
            self.problems.warn("import.warn.units_created", None, column, count=len(names),
                               kind=t("import.unit_kind." + kind), names=shown)

    def province(self, ref: Any, row: int, column: str) -> dict[str, Any] | None:
        if ref is None:
            return self.provinces[0] if len(self.provinces) == 1 else None
        hit = self._find(ref, ("province",), None)
        return hit or self._create(one_line(ref), "province", None, row, column)

    def commune(self, ref: Any, province: dict[str, Any] | None, row: int, column: str) -> dict[str, Any] | None:
        top = province["unit_id"] if province else None
        hit = self._find(ref, ("commune", "ward"), top)
        if hit or province is None:
            return hit
        name = one_line(ref)
        kind = "ward" if fold(name).startswith("phuong") else "commune"
        return self._create(name, kind, province["unit_id"], row, column)

    def district(self, ref: Any, province: dict[str, Any] | None, row: int, column: str) -> dict[str, Any] | None:
        top = province["unit_id"] if province else None
        hit = self._find(ref, ("district",), top)
        if hit or province is None:
            return hit
        return self._create(one_line(ref), "district", province["unit_id"], row, column)

    def office(self, ref: Any, province: dict[str, Any] | None = None, commune: dict[str, Any] | None = None,
               district: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """The unit an office cell names (OFFICE_RULE): a unit by id or name, or an office by the name
        offices use, which stands for the commune/ward, province or former district it belongs to."""
        hit = self._find(ref, ("province", "district", "commune", "ward", "office"), None)
        if hit is not None:
            return hit
        key = value_key(ref)
        top = province["unit_id"] if province else None
        for pattern, kinds, same_row in ((_COMMUNE_OFFICE, ("commune", "ward"), commune),
                                         (_PROVINCE_OFFICE, ("province",), province),
                                         (_DISTRICT_OFFICE, ("district",), district)):
            m = pattern.match(key)
            if m is None:
                continue
            place = (m.group(1) or "").strip()
            if not place:
                return same_row
            if same_row is not None and _bare_key(place) == _bare_key(same_row["name"]):
                return same_row
            return self._find(place, kinds, None if kinds == ("province",) else top)
        return None

    def allowed(self, unit: dict[str, Any]) -> bool:
        if self.ctx.scope.unit_id is None:
            return True
        u: dict[str, Any] | None = unit
        while u is not None:
            if u["unit_id"] in self.in_scope:
                return True
            parent = u.get("parent_id")
            u = self.by_uid.get(parent) if parent else None
        return False


def schools_from_table(ctx: Context, problems: Problems, table) -> SchoolsWrite | None:
    cols, heads = table.columns, table.headers
    units = UnitResolver(ctx, problems)
    fw_ids = set(ctx.frameworks["framework_id"])
    families = dict(zip(ctx.frameworks["framework_id"], ctx.frameworks["family"]))
    ctx.prefetch_writable({hit["school_id"] for _, row in table.rows
                           if (hit := ctx.by_id.get(str(one_line(cell_text(_cell(row, cols, "school_id")))).casefold()))})
    new_schools, updates = [], []
    unchanged = 0
    seen: dict[str, int] = {}
    for row_no, row in table.rows:
        sid = one_line(cell_text(_cell(row, cols, "school_id")))
        name = one_line(_cell(row, cols, "name"))
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
        type_cell = _cell(row, cols, "school_type")
        school_type = label_match(type_cell, SCHOOL_TYPE_LABELS) if type_cell is not None else None
        if school_type is None:
            school_type = _type_from_words(type_cell)
        if school_type is None:
            problems.error("import.err.bad_school_type", row_no, heads.get("school_type", t("import.col.school_type")),
                           value=one_line(type_cell) or "", allowed=", ".join(SCHOOL_TYPE_LABELS.values()))
            continue
        fw_cell = _cell(row, cols, "framework")
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
        p_ref, c_ref = _cell(row, cols, "province"), _cell(row, cols, "commune")
        d_ref, o_ref = _cell(row, cols, "former_district"), _cell(row, cols, "office")
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
