"""Plan items: where each stands on the as-of date (overdue, at risk, ...), the overdue
breakdowns, the item list behind the overdue page, an item's history and the plan
quality checks.

Everything is computed in SQL (queries/overdue_*.sql, plan_items_*.sql, plan_quality.sql)
for the schools in the user's scope; this module validates the page's choices (sort
columns, buckets, page size) against allow-lists and shapes the results. No Streamlit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import pandas as pd

from kdcl.access import Scope
from kdcl.data import ASSESSMENTS, CATALOG, PLANS, SCHOOLS, Filters, params, reads
from kdcl.db import Store
from kdcl.exports import ExportContext
from kdcl.rules import DATE_FORMAT, format_date, format_number
from kdcl.strings import BUCKET_LABELS, STATUS_LABELS, TEXT, t
from kdcl.text import DASHES, WHITESPACE, fold

# the bucket filter of the item list: the rule's buckets plus open / done on time / done late
LIST_BUCKETS = ("overdue", "at_risk", "open", "on_track", "no_deadline", "done", "done_on_time", "done_late", "dropped")
# sortable columns of the item list (the SQL maps each to a key; nothing else reaches it)
SORT_COLUMNS = ("days_late", "due_date", "school", "criterion", "status", "lead")
# the lead's role, from the first role named in the lead cell (SQL in plan_items_list.sql)
LEAD_ROLES = ("principal", "vice_principal", "leadership", "group_head", "teacher", "staff", "organisation", "other",
              "none")
# plan quality checks (queries/plan_quality.sql), in the order shown
PLAN_CHECKS = ("no_lead", "no_deadline", "vague_time", "target_not_above", "facilities_no_budget", "due_after_plan")
LEAD_ROLE_LABELS = {code: t(f"overdue.role.{code}") for code in LEAD_ROLES}
PLAN_CHECK_LABELS = {code: t(f"overdue.check.{code}") for code in PLAN_CHECKS}
PLAN_CHECK_HELP = {code: t(f"overdue.check_help.{code}") for code in PLAN_CHECKS}
AGING_BANDS = ("lt30", "30_90", "gt90")  # overdue by under 30 days, 30 to 90, over 90 (SQL: overdue_*.sql)
AGING_LABELS = {band: t(f"overdue.aging.{band}") for band in AGING_BANDS}
PAGE_SIZES = (25, 50, 100, 200)
MAX_PAGE_SIZE = 500
EXPORT_LIMIT = 100_000  # rows in one export (a whole province's plan items)
TOP_N = 10


def _accent_classes() -> dict[str, str]:
    """Every lower-case Latin letter with diacritics, grouped by its base letter."""
    groups: dict[str, list[str]] = {}
    for cp in [*range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        if ch != ch.lower():
            continue
        base = fold(ch)
        if len(base) == 1 and "a" <= base <= "z":
            groups.setdefault(base, []).append(ch)
    return {base: "[" + "".join(chars) + "]" for base, chars in groups.items()}


# what fold() turns into one space / one "-", as RE2 classes (RE2's \s lacks the Unicode spaces)
_SPACE_CLASS = "[" + "".join(f"\\x{{{ord(c):04x}}}" if c != "-" else "-" for c in WHITESPACE) + "]+"
_DASH_CLASS = "[-" + "".join(f"\\x{{{ord(c):04x}}}" for c in DASHES) + "]"
_ACCENT_CLASSES = _accent_classes()
_COMBINING = "[\\x{0300}-\\x{036f}]*"  # decomposed (NFD) text: marks after the letter


def search_pattern(text: str | None) -> str:
    """A case-insensitive regular expression (RE2, as DuckDB's regexp_matches) that finds
    the search text in any accented form: "si so" matches "Sĩ số", "SĨ SỐ" and NFD text.
    It matches exactly where fold(haystack) contains fold(text), and runs
    ~10x faster than folding every row's text in SQL (no per-row rewrite). '' = no search."""
    key = fold(text)
    if not key:
        return ""
    parts = []
    for ch in key:
        if ch == " ":
            parts.append(_SPACE_CLASS)
        elif ch == "-":
            parts.append(_DASH_CLASS)
        elif ch in _ACCENT_CLASSES:
            parts.append(_ACCENT_CLASSES[ch] + _COMBINING)
        else:
            parts.append(re.escape(ch))
    return "(?i)" + "".join(parts)


@dataclass(frozen=True)
class ItemQuery:
    """What the item list shows: filters, search, sort and page (all validated)."""

    bucket: str | None = "overdue"
    school_id: str | None = None
    framework_id: str | None = None
    criterion_code: str | None = None
    lead_role: str | None = None
    search: str = ""
    sort: str = "days_late"
    descending: bool = True
    page: int = 1
    page_size: int = 50

    def __post_init__(self) -> None:
        if self.bucket is not None and self.bucket not in LIST_BUCKETS:
            raise ValueError(f"unknown bucket: {self.bucket!r}")
        if self.sort not in SORT_COLUMNS:
            raise ValueError(f"column not sortable: {self.sort!r}")
        if self.lead_role is not None and self.lead_role not in LEAD_ROLES:
            raise ValueError(f"unknown lead role: {self.lead_role!r}")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page size out of range: {self.page_size}")
        if self.page < 1:
            raise ValueError(f"page out of range: {self.page}")

    def params(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket,
            "school_id": self.school_id,
            "framework_id": self.framework_id,
            "criterion_code": self.criterion_code,
            "lead_role": self.lead_role,
            "query": search_pattern(self.search),
            "sort": self.sort,
            "descending": self.descending,
            "limit": self.page_size,
            "offset": (self.page - 1) * self.page_size,
        }


@dataclass
class ItemPage:
    rows: pd.DataFrame  # one row per item, see queries/plan_items_list.sql
    total: int  # items matching the filters (all pages)
    schools: int  # schools among them
    page: int
    pages: int


def _list(store: Store, scope: Scope, filters: Filters, bound: dict[str, Any]) -> tuple[pd.DataFrame, int, int]:
    rows = store.query("plan_items_list", **params(scope, filters, **bound))
    total = int(rows["total_rows"].iloc[0]) if len(rows) else 0
    schools = int(rows["total_schools"].iloc[0]) if len(rows) else 0
    return rows.drop(columns=["total_rows", "total_schools"]), total, schools


@reads(PLANS, SCHOOLS, CATALOG)
def item_page(store: Store, scope: Scope, filters: Filters, query: ItemQuery) -> ItemPage:
    """One page of the item list (a page past the end shows the last page). The plan
    quality checks are not attached here: see attach_checks."""
    rows, total, schools = _list(store, scope, filters, query.params())
    if rows.empty and query.page > 1:
        _, total, _ = _list(store, scope, filters, replace(query, page=1).params())
        last = max(1, math.ceil(total / query.page_size))
        if last < query.page:
            return item_page(store, scope, filters, replace(query, page=last))
    return ItemPage(rows, total, schools, query.page, max(1, math.ceil(total / query.page_size)))


@reads(ASSESSMENTS, PLANS, SCHOOLS, CATALOG)
def items_for_export(store: Store, scope: Scope, filters: Filters, query: ItemQuery) -> ItemPage:
    """Every item matching the list's filters, in the list's order (up to EXPORT_LIMIT),
    with its plan quality checks attached."""
    bound = {**query.params(), "limit": EXPORT_LIMIT, "offset": 0}
    rows, total, schools = _list(store, scope, filters, bound)
    return ItemPage(attach_checks(rows, plan_quality(store, scope, filters, tuple(rows["item_id"]))), total, schools,
                    1, 1)


def attach_checks(rows: pd.DataFrame, checks: pd.DataFrame) -> pd.DataFrame:
    """rows + a `checks` column: the list of failed plan quality check codes per item."""
    mine = checks[checks["item_id"].isin(rows["item_id"])]
    per_item = mine.groupby("item_id")["check_code"].agg(list)
    out = rows.copy()
    out["checks"] = [per_item.get(i, []) for i in out["item_id"]]
    return out


# --------------------------------------------------------------------------- summaries


@reads(PLANS, SCHOOLS)
def overdue_summary(store: Store, scope: Scope, filters: Filters) -> dict[str, int]:
    """Counts for the page's headline: items per bucket (done split into on time and
    late), overdue items by how late, schools in scope / with a plan / with overdue items."""
    row = store.query("overdue_summary", **params(scope, filters)).iloc[0]
    return {k: int(v) for k, v in row.items()}


@reads(PLANS, SCHOOLS, CATALOG)
def overdue_breakdown(store: Store, scope: Scope, filters: Filters, top_n: int = TOP_N) -> pd.DataFrame:
    """Overdue items per school, lead role, criterion and standard (split by how late),
    the top_n largest groups of each and one "others" row (key '')."""
    return store.query("overdue_breakdown", **params(scope, filters, top_n=top_n))


def breakdown_groups(breakdown: pd.DataFrame, dimension: str) -> tuple[pd.DataFrame, pd.Series | None]:
    """The rows of one dimension of overdue_breakdown labelled for a chart (label, lt30,
    d30_90, gt90, items; largest first), and the "others" row (label, items, groups)
    or None when every group is shown."""
    rows = breakdown[breakdown["dimension"] == dimension].sort_values("rank").reset_index(drop=True)
    several = rows["family"].dropna().nunique() > 1

    def label(row: pd.Series) -> str:
        if row["key"] == "":
            return t(f"overdue.others.{dimension}", n=format_number(int(row["groups"])))
        if dimension == "lead_role":
            return LEAD_ROLE_LABELS.get(row["key"], row["key"])
        if dimension == "standard":
            text = t("overdue.standard_label", no=int(row["sort_order"]), name=row["label"])
            return t("overdue.standard_rule", label=text, rule=t(f"overdue.rule.{row['family']}")) if several else text
        if dimension == "criterion":
            code = row["key"].split(":", 1)[1]
            if several:
                return t("overdue.criterion_family", code=code, family=t(f"overdue.family.{row['family']}"),
                         name=row["label"])
            return criterion_text(code, row["label"])
        return str(row["label"])

    out = pd.DataFrame(
        {
            "key": rows["key"],
            "label": [label(r) for _, r in rows.iterrows()],
            "lt30": rows["lt30"].astype("int64"),
            "d30_90": rows["d30_90"].astype("int64"),
            "gt90": rows["gt90"].astype("int64"),
            "items": rows["items"].astype("int64"),
            "groups": rows["groups"].astype("int64"),
        }
    )
    others = out[out["key"] == ""]
    return out[out["key"] != ""].reset_index(drop=True), (others.iloc[0] if len(others) else None)


@reads(PLANS, SCHOOLS)
def school_options(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """Schools with plan items this year (for the school filter), by name."""
    return store.query("plan_items_schools", **params(scope, filters))


@reads(PLANS, SCHOOLS, CATALOG)
def criterion_options(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """Criteria with plan items this year (for the criterion filter), in catalog order."""
    return store.query("plan_items_criteria", **params(scope, filters))


@reads(PLANS, SCHOOLS)
def item_history(store: Store, scope: Scope, item_id: int) -> pd.DataFrame:
    """The change log of one item (empty when the item is outside the user's scope)."""
    return store.query("plan_items_history", **scope.params(), item_id=int(item_id))


# --------------------------------------------------------------------------- plan quality


@reads(ASSESSMENTS, PLANS, SCHOOLS, CATALOG)
def plan_quality(store: Store, scope: Scope, filters: Filters, item_ids: tuple[int, ...] | None = None) -> pd.DataFrame:
    """One row per plan item and failed check: item_id, school_id, check_code; only for `item_ids`
    when given (a list page checks the items it shows, not the whole country's)."""
    ids = None if item_ids is None else [int(i) for i in item_ids]
    return store.query("plan_quality", **params(scope, filters, item_ids=ids))


@reads(ASSESSMENTS, PLANS, SCHOOLS, CATALOG)
def plan_quality_by_school(store: Store, scope: Scope, filters: Filters) -> pd.DataFrame:
    """Per school with plan items: items, items failing at least one check, and the
    number of items failing each check (one column per code in PLAN_CHECKS)."""
    schools = school_options(store, scope, filters)[["school_id", "school_name", "items"]]
    checks = plan_quality(store, scope, filters)
    counts = (
        checks.pivot_table(index="school_id", columns="check_code", values="item_id", aggfunc="count")
        .reindex(columns=list(PLAN_CHECKS))
        .fillna(0)
        .astype("int64")
    )
    flagged = checks.groupby("school_id")["item_id"].nunique().rename("items_flagged")
    out = schools.merge(flagged, on="school_id", how="left").merge(counts, on="school_id", how="left")
    out[["items_flagged", *PLAN_CHECKS]] = out[["items_flagged", *PLAN_CHECKS]].fillna(0).astype("int64")
    return out.sort_values(["items_flagged", "school_name"], ascending=[False, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- presentation


def as_date(value: Any) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def list_bucket_label(code: str | None) -> str:
    """Label of a choice of the list's bucket filter (None = every item)."""
    if code is None:
        return t("overdue.bucket.all")
    if code in ("open", "done_on_time", "done_late"):
        return t(f"overdue.bucket.{code}")
    return BUCKET_LABELS[code]


def criterion_choices(criteria: pd.DataFrame) -> dict[str, str]:
    """{"framework:code": "code · name"} for the criterion filter (criterion_options rows);
    the school level is added when criteria of several framework families are listed."""
    several = criteria["family"].nunique() > 1
    choices = {}
    for fw, family, code, name in zip(
        criteria["framework_id"], criteria["family"], criteria["criterion_code"], criteria["criterion_name"]
    ):
        if several:
            label = t("overdue.criterion_family", code=code, family=t(f"overdue.family.{family}"), name=name)
        else:
            label = criterion_text(code, name)
        choices[f"{fw}:{code}"] = label
    return choices


def split_criterion_key(key: str | None) -> tuple[str | None, str | None]:
    if not key:
        return None, None
    framework_id, code = key.split(":", 1)
    return framework_id, code


def export_context(
    filters: Filters,
    query: ItemQuery,
    labels: Mapping[str, str],
    summary: Mapping[str, int],
    export: ItemPage,
    user: str,
    now: datetime,
    one_school: bool = False,
) -> ExportContext:
    """Title and header lines of an item list export: every filter, the as-of date, how
    many schools reported a plan and how many items the file holds. `labels`: the shown
    names of unit, school_type, school and criterion. `one_school` (a principal's export):
    the school by name, without the unit and type filters or a count of one school."""
    rows = len(export.rows)
    everything = t("all")
    sort = t(
        "overdue.export.sort_value",
        column=t(f"overdue.sort.{query.sort}"),
        direction=t("overdue.export.descending" if query.descending else "overdue.export.ascending"),
    )
    if rows == export.total and one_school:
        count = t("overdue.export.rows_school", rows=format_number(rows))
    elif rows == export.total:
        count = t("overdue.export.rows_value", rows=format_number(rows), schools=format_number(export.schools))
    else:
        count = t("overdue.export.rows_truncated", rows=format_number(rows), total=format_number(export.total))
    lines = [
        (t("overdue.export.school_year"), filters.school_year),
        (t("overdue.export.as_of"), format_date(filters.as_of)),
        (t("overdue.export.risk_days"), t("overdue.export.risk_days_value", days=filters.risk_days)),
        (t("overdue.export.unit"), labels.get("unit") or everything),
        (t("overdue.export.school_type"), labels.get("school_type") or everything),
        (t("overdue.export.bucket"), list_bucket_label(query.bucket)),
        (t("overdue.export.school"), labels.get("school") or everything),
        (t("overdue.export.criterion"), labels.get("criterion") or everything),
        (t("overdue.export.lead"), LEAD_ROLE_LABELS[query.lead_role] if query.lead_role else everything),
        (t("overdue.export.search"), query.search or "–"),
        (t("overdue.export.sort"), sort),
        (
            t("overdue.export.reported"),
            t(
                "overdue.export.reported_value",
                reported=summary["schools_with_plan"],
                total=summary["schools_total"],
                school_year=filters.school_year,
            ),
        ),
        (t("overdue.export.rows"), count),
        (t("overdue.export.exported_at"), format_date(now, time=True)),
        (t("overdue.export.exported_by"), user),
    ]
    if one_school:
        dropped = {t("overdue.export.unit"), t("overdue.export.school_type"), t("overdue.export.reported")}
        lines = [(label, value) for label, value in lines if label not in dropped]
    return ExportContext(t("overdue.export.title"), lines, t("overdue.export.sheet"))


def bucket_label(bucket: str, done_late: bool = False) -> str:
    if bucket == "done":
        return t("overdue.bucket.done_late") if done_late else t("overdue.bucket.done_on_time")
    return BUCKET_LABELS[bucket]


def _date(value: Any) -> str:
    return format_date(value)


def _datetime(value: Any) -> str:
    return format_date(value, time=True)


def criterion_text(code: str, name: str | None) -> str:
    return f"{code} · {name}" if name else code


TABLE_COLUMNS = (
    "school",
    "criterion",
    "weakness",
    "measures",
    "lead",
    "time_text",
    "due_date",
    "days_late",
    "bucket",
    "status",
    "progress",
    "checks",
    "last_changed_at",
    "last_changed_by",
)
DATE_COLUMNS = ("due_date",)
DATETIME_COLUMNS = ("last_changed_at",)


def _progress(rows: pd.DataFrame) -> pd.Series:
    """Completion date, reason for dropping and the progress note, in one cell."""
    completed = pd.to_datetime(rows["completed_on"]).dt.strftime(DATE_FORMAT)
    done = (rows["status"] == "done") & completed.notna()
    prefix = t("overdue.table.completed_on", date="\x00").split("\x00")
    parts = pd.DataFrame(
        {
            "done": (prefix[0] + completed + prefix[1]).where(done),
            "reason": rows["status_reason"].where((rows["status"] == "dropped") & rows["status_reason"].notna()),
            "note": rows["progress_note"].where(rows["progress_note"].fillna("").str.strip() != "").str.strip(),
        },
        index=rows.index,
    )
    reason = t("overdue.table.reason", reason="\x00").split("\x00")
    parts["reason"] = reason[0] + parts["reason"] + reason[1]
    return parts.apply(lambda r: " · ".join(v for v in r if isinstance(v, str)), axis=1, raw=True) if len(parts) else (
        pd.Series(dtype="object")
    )


def table_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The item list as shown and exported: Vietnamese headers, labels instead of codes,
    real dates (shown dd/mm/yyyy). One function for both, so an export is exactly what is shown."""
    columns = {key: t(f"overdue.col.{key}") for key in TABLE_COLUMNS}
    if rows.empty:
        return pd.DataFrame(columns=list(columns.values()))
    bucket = rows["bucket"].map(BUCKET_LABELS)
    bucket = bucket.mask(rows["bucket"].eq("done") & rows["done_late"], t("overdue.bucket.done_late"))
    bucket = bucket.mask(rows["bucket"].eq("done") & ~rows["done_late"], t("overdue.bucket.done_on_time"))
    checks = rows["checks"] if "checks" in rows else pd.Series([[]] * len(rows), index=rows.index)
    frame = pd.DataFrame(
        {
            "school": rows["school_name"],
            "criterion": rows["criterion_code"] + " · " + rows["criterion_name"].fillna(""),
            "weakness": rows["weakness"].fillna(""),
            "measures": rows["measures"].fillna(""),
            "lead": rows["lead"].fillna(""),
            "time_text": rows["time_text"].fillna(""),
            "due_date": pd.to_datetime(rows["due_date"]).dt.date,
            "days_late": rows["days_late"].astype("Int64"),
            "bucket": bucket,
            "status": rows["status"].map(STATUS_LABELS),
            "progress": _progress(rows),
            "checks": checks.map(lambda codes: "; ".join(PLAN_CHECK_LABELS[c] for c in codes)),
            "last_changed_at": pd.to_datetime(rows["last_changed_at"]).dt.floor("min").dt.to_pydatetime()
            if len(rows)
            else [],
            "last_changed_by": rows["last_changed_by"].fillna(""),
        },
        index=rows.index,
    )
    frame["due_date"] = frame["due_date"].astype("object").where(frame["due_date"].notna(), None)
    return frame.rename(columns=columns).reset_index(drop=True)


def history_frame(history: pd.DataFrame) -> pd.DataFrame:
    """An item's change log with Vietnamese field names and status labels."""
    def value(field: str | None, text: str | None) -> str:
        if text is None or (isinstance(text, float) and math.isnan(text)):
            return "–"
        if field == "status":
            return STATUS_LABELS.get(text, text)
        if field in ("completed_on", "due_date", "start_date"):
            try:
                return _date(pd.Timestamp(text))
            except ValueError:
                return text
        if field == "budget_vnd":
            try:
                return format_number(int(text))
            except ValueError:
                return text
        return text

    def field_label(field: str) -> str:
        """The page's own name of a field, or the import's (an import logs every column it changed)."""
        if "overdue.field." + field in TEXT:
            return t("overdue.field." + field)
        if "import.field." + field in TEXT:
            label = t("import.field." + field)
            return label[:1].upper() + label[1:]
        return field

    rows = []
    for row in history.itertuples(index=False):
        field = row.field if isinstance(row.field, str) else None
        rows.append(
            {
                t("overdue.history.when"): _datetime(row.changed_at),
                t("overdue.history.who"): row.changed_by,
                t("overdue.history.what"): field_label(field) if field else t(f"overdue.action.{row.action}"),
                t("overdue.history.old"): value(field, row.old_value) if field else "",
                t("overdue.history.new"): value(field, row.new_value) if field else "",
            }
        )
    return pd.DataFrame(rows)
