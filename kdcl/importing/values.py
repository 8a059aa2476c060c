"""Cell values as the checks read them (text, school year, level, code), and a plan item's values
checked and explained: its time text, budget and levels (ItemValues)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from kdcl.importing.context import Context
from kdcl.importing.normalise import clean, fold, one_line, value_key
from kdcl.importing.plan_common import level_number
from kdcl.importing.problems import Problems
from kdcl.rules import format_date, format_number
from kdcl.strings import t
from kdcl.timetext import MAX_MONEY_VND, MONEY_RULES, normalise_school_year, parse_date, parse_money, parse_time_text


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


# --------------------------------------------------------------------------- table rows


def row_cell(row: list[Any], columns: dict[str, int], key: str) -> Any:
    i = columns.get(key)
    if i is None or i >= len(row):
        return None
    value = row[i]
    if isinstance(value, str) and not value.strip():
        return None
    return value

def row_year(year_cell: Any, heads, fallback_year, problems, row_no, read=school_year_of) -> str | None:
    """The row's school year (or the file's/user's when the cell is empty); an error otherwise.
    `read` reads the cell (a memo of school_year_of in a file's loop)."""
    year = read(year_cell) if year_cell is not None else fallback_year
    if year is None:
        problems.error("import.err.bad_year" if year_cell is not None else "import.err.required", row_no,
                       heads.get("school_year", t("import.col.school_year")), value=one_line(year_cell))
    return year


def row_criterion(ctx, framework, crit: Any, heads, problems, row_no, known: dict | None = None) -> str | None:
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


def date_value(value: Any) -> date | None | str:
    """A date cell: a date, None when empty, "bad" when unreadable."""
    if value is None:
        return None
    d = parse_date(value) if not isinstance(value, str) else parse_date(value.strip())
    return "bad" if d is None else d


def column_reader(table) -> Callable[[str], list[Any]]:
    """column(key): the cells of a template column in row order, None where blank or absent (as for
    a column the file does not have). Column by column, blanks are found once per distinct value.
    A CSV table's rows are its columns already (kdcl.importing.tabular.ColumnRows): read as they are."""
    n = len(table.rows)
    stored = getattr(table.rows, "columns", None)
    if stored is not None:
        transposed = stored
    else:
        width = max(table.columns.values(), default=-1) + 1
        rows = [row if len(row) >= width else [*row, *[None] * (width - len(row))] for _, row in table.rows]
        transposed = list(zip(*rows)) if rows else []

    def column(key: str) -> list[Any]:
        i = table.columns.get(key)
        if i is None or i >= len(transposed):
            return [None] * n
        cells = transposed[i]
        blank = {c for c in set(cells) if isinstance(c, str) and not c.strip()}
        return [None if c in blank else c for c in cells] if blank else list(cells)

    return column


def row_numbers(table) -> list[int]:
    """The spreadsheet row number of each of a table's rows, in order."""
    numbers = getattr(table.rows, "numbers", None)
    return list(numbers) if numbers is not None else [row_no for row_no, _ in table.rows]


def lookup(fn: Callable[[Any], Any], cells: list[Any]) -> Callable[[Any], Any]:
    """`fn` of any cell of a column, computed beforehand once per distinct value (as `memo` would, in
    first-seen order) and then looked up without a Python call per cell; `memo(fn)` for unhashable cells."""
    try:
        return {value: fn(value) for value in dict.fromkeys(cells)}.__getitem__
    except TypeError:  # an unhashable cell
        return memo(fn)


def per_value(fn: Callable[[Any], Any], cells: list[Any]) -> list[Any]:
    """`fn` of each cell of a column, computed once per distinct value (`lookup`)."""
    return list(map(lookup(fn, cells), cells))
