"""Writing what validation produced. Each function runs inside the caller's transaction
(one per file): any failure rolls the whole file back."""

from __future__ import annotations

from datetime import date
from operator import attrgetter
from typing import Any

import pandas as pd
import pyarrow as pa

from kdcl.db import Transaction
from kdcl.importing.report_validate import ReportWrite
from kdcl.importing.validate import ITEM_FIELDS, AssessmentWrite, PlanWrite, SchoolsWrite
from kdcl.strings import t
from kdcl.writes import save_units

LOG_COLUMNS = ["item_id", "school_id", "changed_by", "action", "field", "old_value", "new_value"]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_STRING = pa.string()
_ITEM_TYPES = {"target_level": pa.int64(), "budget_vnd": pa.int64(), "ongoing": pa.bool_(),
               "start_date": pa.date32(), "due_date": pa.date32(), "completed_on": pa.date32()}  # others: text
ITEM_SCHEMA = pa.schema(
    [(c, pa.int64()) for c in ("item_id", "plan_id", "position")]
    + [(c, _STRING) for c in ("school_id", "framework_id", "criterion_code")]
    + [(c, _ITEM_TYPES.get(c, _STRING)) for c in ITEM_FIELDS]
    + [("updated_by", _STRING)]
)
UPDATE_SCHEMA = pa.schema([ITEM_SCHEMA.field("item_id"), ("expected_version", pa.int64()),
                           *(ITEM_SCHEMA.field(k) for k in ITEM_FIELDS)])


class StaleItems(RuntimeError):
    """Items changed between the check of a file and its write: the file is rolled back."""

    def __init__(self, item_ids: list[int]):
        super().__init__(t("import.err.changed_meanwhile", items=", ".join(map(str, item_ids))))
        self.item_ids = item_ids
MOVE_SCHEMA = pa.schema([(c, pa.int64()) for c in ("item_id", "plan_id", "position")])
LOG_SCHEMA = pa.schema([("item_id", pa.int64())] + [(c, _STRING) for c in LOG_COLUMNS[1:]])
PLAN_SCHEMA = pa.schema([("plan_id", pa.int64())] + [(c, _STRING) for c in (
    "school_id", "school_year", "end_school_year", "title", "source_name", "source_sha256", "created_by")])


def _table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows as a typed Arrow table (cheaper to build and to scan than a pandas frame of objects)."""
    return pa.Table.from_pylist(rows, schema=schema)


def _units_frame(units: pd.DataFrame) -> pd.DataFrame:
    """New units as save_units wants them: Python values, None for missing, dates as dates."""
    frame = units[["unit_id", "name", "kind", "parent_id", "dissolved_on"]].astype(object)
    frame["dissolved_on"] = pd.to_datetime(frame["dissolved_on"]).dt.date.astype(object)
    return frame.where(units[frame.columns].notna(), None)


def write_plans(tx: Transaction, writes: list[PlanWrite], user: str, file_name: str, sha256: str | None) -> list[int]:
    """Create, replace or update the plans of one file; returns their plan ids.

    Set-based: ids for new plans and new items are reserved once; deleted items, changed items,
    new plans, new items, change log rows and creation log rows each take one statement, whatever
    the number of schools in the file (a replaced document plan still takes a few of its own)."""
    reason = t("import.log.replaced", file=file_name)
    next_plan = _take_ids(tx, "write/take_plan_ids", sum(w.mode == "new" for w in writes))
    first_item = _take_ids(tx, "write/take_plan_item_ids", sum(len(w.items) for w in writes))
    plan_rows, updates, logs, plan_ids = [], [], [], []
    new_items: list[tuple[PlanWrite, int, int]] = []  # (plan, its plan id, position of its first new item)
    deletes: list[int] = []
    moves: list[dict[str, int]] = []
    for w in writes:
        position = 1
        if w.mode == "replace":  # a new version: matched items stay (moves, updates), the rest is in deletes
            plan_id = int(w.plan_id)
            moves.extend({"item_id": item_id, "plan_id": plan_id, "position": pos}
                         for item_id, pos in w.moves)
            tx.run("write/import_reuse_plan", plan_id=plan_id, school_year=w.school_year,
                   end_school_year=w.end_school_year, title=w.title, source_name=file_name, source_sha256=sha256,
                   user=user)
            for old in w.replaced:
                if int(old["plan_id"]) != plan_id:
                    tx.run("write/import_supersede_plan", plan_id=int(old["plan_id"]), superseded_by=plan_id)
        elif w.mode == "new":
            plan_id, next_plan = next_plan, next_plan + 1
            plan_rows.append({"plan_id": plan_id, "school_id": w.school_id, "school_year": w.school_year,
                              "end_school_year": w.end_school_year, "title": w.title, "source_name": file_name,
                              "source_sha256": sha256, "created_by": user})
        else:  # upsert
            plan_id = int(w.plan_id)
            position = w.next_position
        plan_ids.append(plan_id)
        deletes.extend(w.deletes)
        for item_id, merged, changes in w.updates:
            updates.append({"item_id": item_id, "expected_version": int(merged["version"]),
                            **{k: merged.get(k) for k in ITEM_FIELDS}})
            for name, old_value, new_value in changes:
                logs.append({"item_id": item_id, "school_id": w.school_id, "changed_by": user, "action": "update",
                             "field": name, "old_value": _text(old_value), "new_value": _text(new_value)})
        if w.items:
            new_items.append((w, plan_id, position))
    if deletes:
        tx.run("write/import_log_items_delete", item_ids=deletes, plan_ids=[], user=user, reason=reason)
        tx.run("write/import_delete_items", item_ids=deletes, plan_ids=[])
    if moves:
        tx.run_with_frame("write/import_move_items", _table(moves, MOVE_SCHEMA))
    if updates:
        written = {int(r[0]) for r in tx.run_with_frame("write/import_update_items", _table(updates, UPDATE_SCHEMA),
                                                        user=user)}
        if len(written) != len(updates):  # someone changed an item since the file was checked
            raise StaleItems(sorted({int(u["item_id"]) for u in updates} - written))
    if plan_rows:
        tx.insert_frame("plan", _table(plan_rows, PLAN_SCHEMA))
    if logs:
        tx.insert_frame("plan_item_log", _table(logs, LOG_SCHEMA))
    if new_items:
        items = _new_items(new_items, first_item, user)
        tx.insert_frame("plan_item", items)
        n = items.num_rows
        tx.insert_frame("plan_item_log", pa.table({
            "item_id": items["item_id"], "school_id": items["school_id"], "changed_by": pa.repeat(user, n),
            "action": pa.repeat("create", n)}))
    return plan_ids


def _take_ids(tx: Transaction, name: str, n: int) -> int:
    """The first of `n` consecutive ids reserved from a sequence (queries/write/take_*_ids.sql)."""
    return int(tx.run(name, n=n)[0][0]) - n + 1 if n else 0


def _new_items(new_items: list[tuple[PlanWrite, int, int]], first_id: int, user: str) -> pa.Table:
    """The new items of every plan of a file as one typed table, built column by column."""
    items = [v for w, _, _ in new_items for v in w.items]
    columns: dict[str, list[Any]] = {
        "item_id": list(range(first_id, first_id + len(items))),
        "plan_id": [plan_id for w, plan_id, _ in new_items for _ in w.items],
        "position": [v.position if w.mode == "replace" else first + k
                     for w, _, first in new_items for k, v in enumerate(w.items)],
        "school_id": [w.school_id for w, _, _ in new_items for _ in w.items],
        "framework_id": [w.framework_id for w, _, _ in new_items for _ in w.items],
        "criterion_code": [v.criterion_code for v in items],
    }
    # one attrgetter call per item, then the tuples turned into columns (C loops instead of a getattr per cell)
    values = list(zip(*map(attrgetter(*ITEM_FIELDS), items))) if items else [[] for _ in ITEM_FIELDS]
    for k, column in zip(ITEM_FIELDS, values):
        columns[k] = list(column)
    columns["status"] = [s or "not_started" for s in columns["status"]]
    columns["ongoing"] = [bool(o) for o in columns["ongoing"]]
    columns["updated_by"] = [user] * len(items)
    return pa.Table.from_pydict(columns, schema=ITEM_SCHEMA)


ASSESSMENT_SCHEMA = pa.schema([(c, _STRING) for c in ("school_id", "school_year", "kind", "framework_id",
                                                       "criterion_code")] + [("level", pa.int64()), ("source", _STRING)])


def write_assessments(tx: Transaction, w: AssessmentWrite) -> None:
    if len(w.rows):
        # typed Arrow columns: DuckDB scans them without turning every text cell into a Python object
        rows = pa.table({f.name: pa.array(w.rows[f.name].tolist(), f.type) for f in ASSESSMENT_SCHEMA},
                        schema=ASSESSMENT_SCHEMA)
        tx.run_with_frame("write/import_delete_assessments",
                          rows.select(["school_id", "school_year", "kind", "criterion_code"]))
        tx.insert_frame("assessment", rows)


def write_report(tx: Transaction, w: ReportWrite) -> None:
    """A report's levels, texts and Mức 4 requirements replace everything of its school, year and kind
    (validation refused the file when levels existed and replacing was not asked for)."""
    keys = {"school_id": w.school_id, "school_year": w.school_year, "kind": w.kind}
    for name in ("assessments", "texts", "level4"):
        tx.run("write/report_delete_" + name, **keys)
    if len(w.assessments.rows):
        frame = w.assessments.rows.copy()
        frame["level"] = frame["level"].astype("int64")
        tx.insert_frame("assessment", frame)
    if len(w.texts):
        tx.insert_frame("assessment_text", w.texts.astype(object).where(w.texts.notna(), None))
    if len(w.level4):
        tx.insert_frame("assessment_level4", w.level4.astype({"position": "int64", "met": "bool"}))


def write_schools(tx: Transaction, w: SchoolsWrite) -> None:
    if len(w.new_units):
        save_units(tx, _units_frame(w.new_units))
    if len(w.new_schools):
        tx.insert_frame("school", w.new_schools.astype(object).where(w.new_schools.notna(), None))
    # set-based: every renamed school in one statement, every moved school in another (issue 16)
    renamed = [{"school_id": u["school_id"], "name": u["name"], "school_type": u["school_type"]} for u in w.updates
               if u["name"] != u["old"]["name"] or u["school_type"] != u["old"]["school_type"]]
    moved = [{"school_id": u["school_id"], "unit_id": u["unit_id"], "former_unit_id": u["former_unit_id"]}
             for u in w.updates
             if u["unit_id"] != u["old"]["unit_id"] or u["former_unit_id"] != u["old"]["former_unit_id"]]
    if renamed:
        tx.run_with_frame("write/import_update_schools",
                          pa.Table.from_pylist(renamed, schema=pa.schema([(c, _STRING) for c in renamed[0]])))
    if moved:
        tx.run_with_frame("write/import_move_schools",
                          pa.Table.from_pylist(moved, schema=pa.schema([(c, _STRING) for c in moved[0]])))
