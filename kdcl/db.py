"""The one module that opens DuckDB and runs SQL.

- Schema changes are numbered migrations in kdcl/migrations/ (applied once, in order).
- Reads run a named statement from queries/<name>.sql with bound `$name` values.
- Writes run named statements from queries/write/<name>.sql inside `store.transaction()`;
  every transaction bumps `meta.data_version` and the versions of the table families it wrote
  (FAMILIES), which callers use to invalidate caches, and refreshes the derived tables of what it
  wrote (DERIVED) before it commits.
- Each call uses its own cursor, so one Store can be shared by threads (Streamlit).
"""

from __future__ import annotations

import os
import re
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from kdcl.strings import TEXT, t

ROOT = Path(__file__).resolve().parent.parent
QUERY_DIR = ROOT / "queries"
MIGRATION_DIR = Path(__file__).resolve().parent / "migrations"

_PARAM = re.compile(r"(?<![\w$])\$([a-z_][a-z0-9_]*)")
_NAME = re.compile(r"[a-z0-9_]+(/[a-z0-9_]+)?")


# DuckDB warns that Arrow output of an executed statement copies the rows once more than a relation
# would; measured, it is still the fastest way from a bound statement to Arrow (a relation binds the
# statement twice: +1-4 ms on every small query).
warnings.filterwarnings("ignore", message="Arrow output on a DB-API result", category=UserWarning)

# optional observer of every read (benchmarks): tracer(name, bound_params, seconds)
_tracer: Callable[[str, dict[str, Any], float], None] | None = None


def set_tracer(tracer: Callable[[str, dict[str, Any], float], None] | None) -> None:
    global _tracer
    _tracer = tracer


class QueryError(ValueError):
    """A named statement is missing or was called with the wrong parameters."""


@lru_cache(maxsize=None)
def load_sql(name: str) -> tuple[str, frozenset[str]]:
    """Text of queries/<name>.sql and the `$parameters` it binds."""
    if not _NAME.fullmatch(name):
        raise QueryError(f"bad query name: {name!r}")
    path = QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise QueryError(f"no query file: {path}")
    text = path.read_text(encoding="utf-8")
    body = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    return text, frozenset(_PARAM.findall(body))


def _bind(name: str, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    sql, wanted = load_sql(name)
    missing = wanted - params.keys()
    if missing:
        raise QueryError(f"{name}: missing parameters {sorted(missing)}")
    return sql, {k: params[k] for k in wanted}


def _series(column: pa.ChunkedArray) -> pd.Series:
    """One result column as DuckDB's own `.df()` types it: integers and booleans as numpy values,
    or pandas' nullable Int/boolean when the column has NULLs; text as str, or object (None) when
    every value is NULL; dates and timestamps as datetime64[us]; decimals (sums) as float64; lists
    as numpy arrays and structs as dicts (object), their NULLs as NA."""
    kind = column.type
    nulls = column.null_count
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return column.to_pandas() if nulls < len(column) else pd.Series([None] * len(column), dtype=object)
    if (pa.types.is_integer(kind) or pa.types.is_boolean(kind)) and nulls:
        return column.to_pandas(types_mapper=_NULLABLE.get)
    if pa.types.is_date(kind) or (pa.types.is_timestamp(kind) and kind.tz is None):
        return column.cast(pa.timestamp("us")).to_pandas()
    if pa.types.is_decimal(kind):
        return column.cast(pa.float64()).to_pandas()
    values = column.to_pandas()
    if nulls and (pa.types.is_struct(kind) or pa.types.is_list(kind)):
        return values.where(values.notna(), pd.NA)  # .df() writes their NULLs as NA
    return values


_NULLABLE = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
             pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.UInt8Dtype(), pa.uint16(): pd.UInt16Dtype(),
             pa.uint32(): pd.UInt32Dtype(), pa.uint64(): pd.UInt64Dtype(), pa.bool_(): pd.BooleanDtype()}
_PLAIN = (pa.types.is_string, pa.types.is_large_string, pa.types.is_integer, pa.types.is_boolean,
          pa.types.is_floating, pa.types.is_date, pa.types.is_decimal, pa.types.is_list, pa.types.is_struct,
          lambda kind: pa.types.is_timestamp(kind) and kind.tz is None)


def _frame(cur: duckdb.DuckDBPyConnection, sql: str, bound: dict[str, Any]) -> pd.DataFrame:
    """The result of `sql` as a DataFrame typed exactly as `.df()` would type it, read through
    Arrow: DuckDB's `.df()` builds Python objects for every text value and pandas converts them
    again (a third to a half of a 45,000-school query). Results with other column types (maps,
    intervals, zoned timestamps) or repeated names take `.df()` itself (run again: none of ours does)."""
    table = cur.execute(sql, bound).to_arrow_table()
    names = table.column_names
    plain = len(set(names)) == len(names) and all(any(test(f.type) for test in _PLAIN) for f in table.schema)
    if not plain:
        return cur.execute(sql, bound).df()
    return pd.DataFrame({name: _series(column) for name, column in zip(names, table.columns)})


def _records(cur: duckdb.DuckDBPyConnection, sql: str, bound: dict[str, Any]) -> list[dict[str, Any]]:
    result = cur.execute(sql, bound)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row)) for row in result.fetchall()]


# --------------------------------------------------------------------------- what a write touched (issue 20)

# Table families: a cached page result depends on the families of the tables it reads
# (kdcl.data.reads), and each transaction bumps the version of the families it wrote, so a status
# save leaves the levels pages' caches alone. A table in no family counts as every family.
FAMILIES: dict[str, frozenset[str]] = {
    "assessments": frozenset({"assessment", "assessment_text", "assessment_level4", "school_year_level",
                              "assessment_text_fold"}),
    "plans": frozenset({"plan", "plan_item", "plan_item_log", "school_criterion_year", "plan_item_fold"}),
    "schools": frozenset({"unit", "unit_closure", "school"}),
    "catalog": frozenset({"framework", "standard", "criterion", "criterion_level"}),
    "accounts": frozenset({"app_user", "app_session", "account_log"}),
    "imports": frozenset({"import_log"}),
    "meta": frozenset({"meta"}),
}
_FAMILY_OF = {table: family for family, tables in FAMILIES.items() for table in tables}


@dataclass(frozen=True)
class Derived:
    """A table kept from others in the same transaction (one home for its rule: the macro its fill reads).
    Its rows change only when a source changes, so a transaction bumps the families of the sources it
    wrote, not the derived table's own: whoever reads it reads the families of its sources (read_families)."""

    table: str
    clear: str  # statement deleting the rows of $school_ids (null = every school)
    fill: str  # statement filling them from the rule's macro
    # source table -> the columns the rule reads (None: every column); an update setting none of them
    # (a status save) leaves the derived rows as they are and refreshes nothing
    sources: Mapping[str, frozenset[str] | None]
    # write statements of a source that cannot change the rows, each with its reason
    unaffected: Mapping[str, str] = field(default_factory=dict)
    # what the rows are refreshed by: school_id (the statements take $school_ids) or item_id ($item_ids: a
    # plan item's own rows, when refolding a whole school's texts would cost more than the write)
    key: str = "school_id"
    all_from: int | None = None  # keys touched from which every row is rebuilt at once (None: _REFRESH_ALL_FROM)


DERIVED: tuple[Derived, ...] = (
    Derived("school_year_level", "write/school_year_level_clear", "write/school_year_level_fill",
            {"assessment": None}),
    Derived("school_criterion_year", "write/school_criterion_year_clear", "write/school_criterion_year_fill",
            {"assessment": frozenset({"school_id", "school_year", "kind", "criterion_code", "level"}),
             "plan": frozenset({"plan_id", "school_id", "school_year", "end_school_year"}),
             "plan_item": frozenset({"plan_id", "school_id", "framework_id", "criterion_code", "target_level"})},
            {"write/import_cleanup_superseded": "deletes plans without items, which the rule never reads"}),
    Derived("plan_item_fold", "write/plan_item_fold_clear", "write/plan_item_fold_fill",
            {"plan_item": frozenset({"item_id", "school_id", "weakness", "measures"})},
            key="item_id", all_from=200_000),
    Derived("assessment_text_fold", "write/assessment_text_fold_clear", "write/assessment_text_fold_fill",
            {"assessment_text": frozenset({"school_id", "school_year", "kind", "criterion_code", "weakness",
                                           "improvement"})}),
)
_DERIVED_OF = {d.table: d for d in DERIVED}


def read_families(table: str) -> frozenset[str]:
    """The families whose writes change what `table` holds: its own, and for a derived table those of its
    sources (a data function reading it declares them all)."""
    derived = _DERIVED_OF.get(table)
    sources = derived.sources.keys() if derived else ()
    return frozenset(_FAMILY_OF[t] for t in (table, *sources) if t in _FAMILY_OF)


_WRITE_TARGET = re.compile(r"\b(?:insert\s+(?:or\s+\w+\s+)?into|delete\s+from|update)\s+(\w+)", re.IGNORECASE)
_UPDATE_SET = re.compile(r"^\s*update\b.*?\bset\b(.*?)(?:\bfrom\b|\bwhere\b|\breturning\b|$)",
                         re.IGNORECASE | re.DOTALL)
_SET_COLUMN = re.compile(r"(?:^|,)\s*(\w+)\s*=")
ALL_SCHOOLS = None  # "every school": a write whose schools are not known
_REFRESH_ALL_FROM = 5000  # schools touched from which a derived table is rebuilt for every school


def _sql_body(name: str) -> str:
    sql, _ = load_sql(name)
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


@lru_cache(maxsize=None)
def write_targets(name: str) -> tuple[str, ...]:
    """The tables queries/<name>.sql writes, in the order written (insert into / delete from / update;
    comments ignored): the first names the table in a refusal's message, all of them its families."""
    return tuple(dict.fromkeys(match.lower() for match in _WRITE_TARGET.findall(_sql_body(name))))


def written_tables(name: str) -> frozenset[str]:
    """The tables queries/<name>.sql writes."""
    return frozenset(write_targets(name))


@lru_cache(maxsize=None)
def updated_columns(name: str) -> frozenset[str] | None:
    """The columns queries/<name>.sql sets when it is an update (`update t set a = ..., b = ...`);
    None for an insert or a delete (every column of the rows it writes)."""
    found = _UPDATE_SET.match(_sql_body(name))
    if not found:
        return None
    return frozenset(c.lower() for c in _SET_COLUMN.findall(found.group(1)))


def _changes(derived: Derived, table: str, name: str | None) -> bool:
    """Whether statement `name` (None: rows appended by insert_frame) writing `table` can change `derived`."""
    if name in derived.unaffected:
        return False
    columns = derived.sources[table]
    updated = updated_columns(name) if name else None
    return columns is None or updated is None or bool(updated & columns)


def _ids(values) -> list[int]:
    return sorted({int(v) for v in values if v is not None})


def _columns(frame: pd.DataFrame | pa.Table | None) -> list[str]:
    if frame is None:
        return []
    return frame.column_names if isinstance(frame, pa.Table) else [str(c) for c in frame.columns]


def _column(frame: pd.DataFrame | pa.Table, name: str) -> list:
    return frame.column(name).to_pylist() if isinstance(frame, pa.Table) else frame[name].tolist()


class Transaction:
    """A write transaction; use through Store.transaction()."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection):
        self._cur = cursor
        self.tables: set[str] = set()  # every table written (the derived tables' refreshes aside)
        self._touched: dict[str, set | None] = {}  # DERIVED table -> keys touched (Derived.key; None: all)
        self._families: dict[str, set[str] | None] = {}  # table family written -> schools touched (None: all)
        self.table: str | None = None  # the table the statement running now writes (named in errors)

    def _writes(self, name: str) -> None:
        targets = write_targets(name)
        self.table = targets[0] if targets else None

    def _wrote(self, tables: frozenset[str] | set[str], frame=None, params: Mapping[str, Any] = {},
               name: str | None = None) -> None:
        """Note a statement's (or insert_frame's) write before it runs: its tables, and the schools whose
        derived rows it may change (read now: a delete's rows are gone afterwards)."""
        self.tables |= tables
        found: dict[str, set | None] = {}  # key -> what the write touched, looked up once
        for derived in DERIVED:
            if not any(_changes(derived, table, name) for table in tables & derived.sources.keys()):
                continue
            if derived.key not in found:
                found[derived.key] = (self._school_ids if derived.key == "school_id" else self._item_ids)(
                    frame, params)
            keys, known = found[derived.key], self._touched.get(derived.table, set())
            self._touched[derived.table] = None if keys is None or known is None else known | keys
        # the schools whose rows each family's tables got (Store.school_version; issue 20, engineer B)
        for family in {_FAMILY_OF.get(table) for table in tables} - {None}:
            if "school_id" not in found:
                found["school_id"] = self._school_ids(frame, params)
            schools, known = found["school_id"], self._families.get(family, set())
            self._families[family] = None if schools is None or known is None else known | schools

    @staticmethod
    def _named_ids(frame, params: Mapping[str, Any]) -> dict[str, list[int]]:
        """The plan and item ids a write names: rows' plan_id/item_id columns, else plan_id/item_id
        parameters (one id) or plan_ids/item_ids (a list)."""
        names = _columns(frame)
        ids: dict[str, list[int]] = {}
        for key in ("plan", "item"):
            if key + "_id" in names:
                ids[key] = _ids(_column(frame, key + "_id"))
            elif frame is None and isinstance(params.get(key + "_id"), int):
                ids[key] = [params[key + "_id"]]
            elif frame is None and isinstance(params.get(key + "_ids"), list | tuple):
                ids[key] = _ids(params[key + "_ids"])
        return ids

    def _school_ids(self, frame: pd.DataFrame | pa.Table | None, params: Mapping[str, Any]) -> set[str] | None:
        """The schools a write is about: the rows' school_id column, else a $school_id parameter, else the
        schools of the plans or plan items it names, else None (not known: every school)."""
        if "school_id" in _columns(frame):
            return {str(v) for v in _column(frame, "school_id") if v is not None}
        if frame is None and isinstance(params.get("school_id"), str):
            return {params["school_id"]}
        ids = self._named_ids(frame, params)
        if not ids:
            return ALL_SCHOOLS
        sql, bound = _bind("derived_schools", {"plan_ids": ids.get("plan", []), "item_ids": ids.get("item", [])})
        return {row[0] for row in self._cur.execute(sql, bound).fetchall()}

    def _item_ids(self, frame: pd.DataFrame | pa.Table | None, params: Mapping[str, Any]) -> set[int] | None:
        """The plan items a write is about: the items it names and those of the plans it names, else None
        (not known: every item)."""
        ids = self._named_ids(frame, params)
        if not ids:
            return None
        items = set(ids.get("item", []))
        plans = ids.get("plan", []) if "item_id" not in _columns(frame) else []  # rows' plan_id: an attribute
        if plans:
            sql, bound = _bind("derived_items", {"plan_ids": plans})
            items |= {int(row[0]) for row in self._cur.execute(sql, bound).fetchall()}
        return items

    def refresh_derived(self) -> None:
        """Rebuild the derived rows (DERIVED) of the schools this transaction's writes touched, from the
        macro each rule lives in; run by Store.transaction before it commits. The derived tables are not
        added to `tables`: their readers read the families of their sources (read_families)."""
        while self._touched:
            table, keys = self._touched.popitem()
            derived = _DERIVED_OF[table]
            # many schools (a demo or national build): all at once reads the table once, faster than the list
            ids = sorted(keys) if keys is not None and len(keys) <= (derived.all_from or _REFRESH_ALL_FROM) else None
            for name in (derived.clear, derived.fill):
                sql, bound = _bind(name, {derived.key + "s": ids})
                self._writes(name)
                self._cur.execute(sql, bound)

    def families(self) -> set[str]:
        """The table families this transaction wrote (a table of no family: every family)."""
        if any(table not in _FAMILY_OF for table in self.tables):
            return set(FAMILIES)
        return {_FAMILY_OF[table] for table in self.tables}

    def touched(self) -> dict[str, set[str] | None]:
        """Each family written -> the schools whose rows were written (the rows' school_id, or a
        $school_id parameter), None when not known (any school's rows may have changed)."""
        return {family: self._families.get(family) for family in self.families()}

    def run(self, name: str, **params: Any) -> list[tuple]:
        sql, bound = _bind(name, params)
        self._writes(name)
        self._wrote(written_tables(name), params=params, name=name)
        return self._cur.execute(sql, bound).fetchall()

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        sql, bound = _bind(name, params)
        self._wrote(written_tables(name), params=params, name=name)
        return _frame(self._cur, sql, bound)

    def run_with_frame(self, name: str, frame: pd.DataFrame | pa.Table, **params: Any) -> list[tuple]:
        """Run queries/<name>.sql with `frame` readable as the relation `incoming` (set-based writes:
        one statement for many rows instead of one per row)."""
        sql, bound = _bind(name, params)
        self._writes(name)
        self._wrote(written_tables(name), frame, params, name)
        self._cur.register("incoming", frame)
        try:
            return self._cur.execute(sql, bound).fetchall()
        finally:
            self._cur.unregister("incoming")

    def insert_frame(self, table: str, frame: pd.DataFrame | pa.Table) -> int:
        """Append a DataFrame (or an Arrow table, typed) to an allow-listed table, columns by name."""
        if table not in WRITABLE_TABLES:
            raise QueryError(f"table not writable: {table}")
        allowed = _TABLE_COLUMNS.get(table)
        if allowed is None:  # the schema is fixed by the migrations: read it once per process
            allowed = _TABLE_COLUMNS[table] = frozenset(
                row[0]
                for row in self._cur.execute(
                    "select column_name from information_schema.columns where table_name = ?", [table]
                ).fetchall()
            )
        names = frame.column_names if isinstance(frame, pa.Table) else frame.columns
        cols = [str(c) for c in names]
        if not cols or not set(cols) <= allowed:
            raise QueryError(f"{table}: unknown columns {sorted(set(cols) - allowed)}")
        col_list = ", ".join(cols)  # allow-listed: the table's own column names
        self.table = table
        # on failure the transaction is rolled back and this cursor (with the view) closed
        self._cur.register("incoming_frame", frame)
        self._cur.execute("insert into " + table + " (" + col_list + ") select " + col_list + " from incoming_frame")
        self._cur.unregister("incoming_frame")
        self._wrote({table}, frame)
        return len(frame)


_TABLE_COLUMNS: dict[str, frozenset[str]] = {}

# committed versions per database file (real path) in this process: see Store.versions
_VERSIONS: dict[str | None, dict[str, int]] = {}
# per database file, the family versions as far as one school's rows go (Store.school_version): the
# family's version at the last committed write of that school's rows ...
_SCHOOL_WRITES: dict[str | None, dict[tuple[str, str], int]] = {}
# ... or at the last write of rows of schools not known (read from the file again: every family's version)
_ANY_SCHOOL: dict[str | None, dict[str, int]] = {}

WRITABLE_TABLES = frozenset(
    {"unit", "school", "assessment", "plan", "plan_item", "plan_item_log", "framework", "standard", "criterion",
     "assessment_text", "assessment_level4"}
)


# --------------------------------------------------------------------------- errors (issue 21)


class StoreError(RuntimeError):
    """A database problem in the app's own words (Vietnamese, safe to show); DuckDB's are mapped here."""


class StoreBusy(StoreError):
    """Another process holds the database file (DuckDB allows one writer per file)."""

    def __init__(self, path: str, pid: int | None, program: str):
        self.path, self.pid, self.program = path, pid, program
        # the file's name, not its folder: the dashboard shows the same line to visitors (no server paths)
        super().__init__(t("db.busy", path=Path(path).name, who=_holder_label(pid, program), pid=pid or "?"))


class StoreRefused(StoreError):
    """A write the database refused (a constraint, a value of the wrong type), named in the app's words:
    which table and column, which value. The transaction is rolled back."""

    def __init__(self, message: str, table: str | None, column: str | None = None, value: str | None = None):
        self.value, self.table, self.column = value, table, column
        super().__init__(message)


class StoreConflict(StoreError):
    """Another writer changed the same rows first (DuckDB's optimistic concurrency); nothing was written."""

    def __init__(self) -> None:
        super().__init__(t("db.err.conflict"))


_NOT_NULL = re.compile(r'NOT NULL constraint failed: "?(?P<table>\w+)"?\."?(?P<column>\w+)"?')
_KEY = re.compile(r'key "(?P<column>[^:"]+): (?P<value>[^"]*)"')
_CHECK = re.compile(r'CHECK constraint failed on table "?(?P<table>\w+)"? with expression CHECK\((?P<expr>.*)\)')
_CONVERT = re.compile(r"Could not convert (?:string )?'(?P<value>[^']*)' to (?P<type>\w+)")


def _table_label(table: str | None) -> str:
    key = f"db.table.{table}"
    return t(key) if key in TEXT else (table or t("db.table.unknown"))


def refused(exc: BaseException, table: str | None) -> StoreError | None:
    """DuckDB's error on a write, as the app's own (Vietnamese, naming table and column); None when
    it is not one the database raises for bad data (then it is a bug, left as it is)."""
    message = str(exc).split("\n")[0]
    if isinstance(exc, duckdb.ConstraintException):
        if found := _NOT_NULL.search(message):
            table = found["table"]
            return StoreRefused(t("db.err.not_null", table=_table_label(table), column=found["column"]), table,
                                found["column"])
        if found := _CHECK.search(message):
            table = found["table"]
            expression = re.sub(r"'[^']*'", "", found["expr"])  # its names, not its quoted values
            names = [n for n in re.findall(r"\b[a-z_][a-z0-9_]*\b(?!\s*\()", expression) if n not in _SQL_WORDS]
            column = names[0] if names else "?"
            return StoreRefused(t("db.err.check", table=_table_label(table), column=column), table, column)
        if found := _KEY.search(message):
            key = "db.err.duplicate" if "Duplicate key" in message else "db.err.foreign_key"
            return StoreRefused(t(key, table=_table_label(table), column=found["column"], value=found["value"]),
                                table, found["column"], found["value"])
        return StoreRefused(t("db.err.constraint", table=_table_label(table)), table)
    if isinstance(exc, duckdb.ConversionException):
        found = _CONVERT.search(message)
        value = found["value"] if found else "?"
        return StoreRefused(t("db.err.conversion", table=_table_label(table), value=value), table, value=value)
    if isinstance(exc, duckdb.TransactionException) and "conflict" in message.lower():
        return StoreConflict()
    return None


_SQL_WORDS = frozenset({"and", "or", "not", "in", "is", "null", "between", "like", "true", "false", "cast", "as"})


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


def _holder_label(pid: int | None, program: str) -> str:
    """What the holding process is, as a person would call it (from /proc where there is one)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except (OSError, TypeError):
        cmdline = program
    if "streamlit" in cmdline:
        return t("db.busy.dashboard")
    if "kdcl" in cmdline:
        return t("db.busy.cli")
    return t("db.busy.program", program=Path(program).name or program)


def _connect(path: str, read_only: bool, config: dict[str, Any]) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.IOException as exc:
        found = _LOCK_HOLDER.search(str(exc))
        if found or "Could not set lock" in str(exc):
            pid = int(found["pid"]) if found else None
            raise StoreBusy(path, pid, found["program"] if found else "?") from None
        raise StoreError(t("db.cannot_open", path=Path(path).name, reason=str(exc).split(":", 1)[-1].strip())) from exc


class Store:
    """A DuckDB database file with the kdcl schema."""

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        self.path = str(path)
        config = {"threads": int(os.environ.get("KDCL_THREADS", "2"))}
        if os.environ.get("KDCL_MEMORY_LIMIT", "1GB"):
            config["memory_limit"] = os.environ.get("KDCL_MEMORY_LIMIT", "1GB")
        # nothing is ever downloaded: extensions we need (icu, json, parquet) are built in
        config["autoinstall_known_extensions"] = False
        config["autoload_known_extensions"] = False
        self._con = _connect(self.path, read_only, config)
        self._write_lock = threading.Lock()
        # the version on disk may have moved while no Store of this process had the file open
        self._version_key = None if self.path == ":memory:" else os.path.realpath(self.path)
        if not read_only:
            from kdcl import catalogs  # (catalogs reads and writes through a Store)

            migrate(self._con)
            catalogs.seed(self)
        _VERSIONS.pop(self._version_key, None)

    def close(self) -> None:
        _VERSIONS.pop(self._version_key, None)
        self._con.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self._con.cursor()

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """Run queries/<name>.sql with bound parameters; a DataFrame back."""
        return self._read(name, params, _frame)

    def arrow(self, name: str, **params: Any) -> pa.Table:
        """Run queries/<name>.sql; an Arrow table back (no pandas conversion: for long text columns
        that are turned into lists or labels, such as the 45,000 schools of a picker)."""
        return self._read(name, params, lambda cur, sql, bound: cur.execute(sql, bound).to_arrow_table())

    def records(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run queries/<name>.sql; plain Python rows (None for NULL), for code that walks rows one by one
        (a DataFrame's to_dict costs several times the query at 45,000 schools)."""
        return self._read(name, params, _records)

    def scalar(self, name: str, **params: Any) -> Any:
        """Run queries/<name>.sql; the first column of its first row (None when there is no row)."""
        row = self._read(name, params, lambda cur, sql, bound: cur.execute(sql, bound).fetchone())
        return None if row is None else row[0]

    def _read(self, name: str, params: Mapping[str, Any],
              fetch: Callable[[duckdb.DuckDBPyConnection, str, dict[str, Any]], Any]) -> Any:
        """Bind queries/<name>.sql, run it on a cursor of its own through `fetch`, report to the tracer."""
        sql, bound = _bind(name, params)
        started = time.perf_counter()
        with self.cursor() as cur:
            result = fetch(cur, sql, bound)
        if _tracer is not None:
            _tracer(name, bound, time.perf_counter() - started)
        return result

    @property
    def data_version(self) -> int:
        """The committed data version. Read once per open file and process, then kept by the
        transactions that bump it: while a Store has the file open no other process can write it
        (DuckDB locks the file), and every ui.load() asks (10-20 times a page run, each a query
        that shows in the load benchmark's profile)."""
        return self.versions()["data"]

    def versions(self) -> dict[str, int]:
        """The committed data version ("data", bumped by every data transaction) and the version of
        each table family (FAMILIES, bumped by the transactions that wrote one of its tables); kept
        in memory like data_version."""
        known = _VERSIONS.get(self._version_key)
        if known is not None:
            return dict(known)  # the caller's own: the kept one changes only with a commit
        with self.cursor() as cur:
            rows = cur.execute(_READ_VERSIONS).fetchall()
        found = {key: int(value) for key, value in rows}
        versions = {"data": found.get(_DATA_KEY, 0),
                    **{family: found.get(_DATA_KEY + "." + family, 0) for family in FAMILIES}}
        if self._version_key is not None:
            _SCHOOL_WRITES[self._version_key] = {}  # what this process knew of single schools is gone
            _ANY_SCHOOL[self._version_key] = {family: versions[family] for family in FAMILIES}
            _VERSIONS[self._version_key] = versions
        return dict(versions)

    def school_version(self, family: str, school_id: str) -> int:
        """The version of a table family as far as one school's rows go: it moves with the committed
        writes of that school's rows (and of rows whose schools are not known), not with other
        schools' (issue 20: a principal's status save leaves the other principals' caches). Kept in
        memory like the versions; after the file is read again, every school's is the family's."""
        self.versions()
        key = self._version_key
        return max(_SCHOOL_WRITES.get(key, {}).get((family, school_id), 0), _ANY_SCHOOL.get(key, {}).get(family, 0))

    @contextmanager
    def transaction(self, *, data: bool = True) -> Iterator[Transaction]:
        """All-or-nothing: commit when the block ends, roll back on any exception. Before it commits,
        the derived tables of what it wrote are refreshed (DERIVED) and the data version and the
        versions of the table families it wrote are bumped. `data=False`: a write no page reads (a
        sign-in session kept alive), so the versions and the caches stay."""
        with self._write_lock, self.cursor() as cur:
            cur.execute("begin transaction")
            tx = Transaction(cur)
            try:
                yield tx
                tx.refresh_derived()
                versions = None
                if data:
                    keys = [_DATA_KEY] + [_DATA_KEY + "." + family for family in sorted(tx.families())]
                    cur.execute(_BUMP_VERSIONS, {"keys": keys})
                    found = dict(cur.execute(_READ_VERSIONS).fetchall())
                    versions = {"data": int(found[_DATA_KEY]),
                                **{f: int(found.get(_DATA_KEY + "." + f, 0)) for f in FAMILIES}}
            except BaseException as exc:
                cur.execute("rollback")
                mapped = refused(exc, tx.table)  # DuckDB's refusal in the app's words (issue 19)
                if mapped is not None:
                    raise mapped from exc
                raise
            try:
                cur.execute("commit")  # a failed commit is rolled back by DuckDB itself
            except BaseException as exc:
                _VERSIONS.pop(self._version_key, None)  # read it again
                mapped = refused(exc, tx.table)
                if mapped is not None:
                    raise mapped from exc
                raise
            if self._version_key is not None and versions is not None:
                schools, anyone = _SCHOOL_WRITES.setdefault(self._version_key, {}), _ANY_SCHOOL.setdefault(
                    self._version_key, {})
                for family, touched in tx.touched().items():
                    if touched is None:
                        anyone[family] = versions[family]
                    else:
                        schools.update({(family, school_id): versions[family] for school_id in touched})
                _VERSIONS[self._version_key] = versions


_DATA_KEY = "data_version"  # meta keys: data_version, data_version.<family>
_READ_VERSIONS = "select key, value from meta where key = 'data_version' or key like 'data_version.%'"
_BUMP_VERSIONS = (
    "insert or replace into meta (key, value) "
    "select k, cast(coalesce((select max(try_cast(m.value as bigint)) from meta as m where m.key = k), 0) + 1 as text) "
    "from unnest(cast($keys as text[])) as t(k)"
)


# --------------------------------------------------------------------------- schema


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply kdcl/migrations/NNNN_*.sql not yet recorded; returns the names applied."""
    con.execute(
        "create table if not exists schema_migration ("
        " version integer primary key, name text not null,"
        " applied_at timestamp not null default current_timestamp)"
    )
    done = {row[0] for row in con.execute("select version from schema_migration").fetchall()}
    applied = []
    for path in sorted(MIGRATION_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:4])
        if version in done:
            continue
        con.execute("begin transaction")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_migration (version, name) values (?, ?)", [version, path.name])
        except BaseException:
            con.execute("rollback")
            raise
        con.execute("commit")
        applied.append(path.name)
    return applied
