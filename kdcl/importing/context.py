"""What checking a file needs from the database, read once per file: the schools in scope, the
frameworks and criteria, the units (kdcl.importing.validate.Context)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import pyarrow as pa

from kdcl.access import AccessDenied, Scope
from kdcl.data import require_write, writable_schools
from kdcl.db import Store
from kdcl.importing.model import Issue
from kdcl.importing.normalise import one_line, value_key
from kdcl.importing.plan_common import school_key, split_criterion
from kdcl.importing.problems import Problems
from kdcl.strings import t

FRAMEWORK_FOR_TYPE = {"MN": "MN", "TH": "TH", "THCS": "THCS_THPT", "THPT": "THCS_THPT", "NHIEU_CAP": "THCS_THPT"}
FAMILY_FOR_TYPE = {"MN": "MN", "TH": "TH", "THCS": "THCS_THPT", "THPT": "THCS_THPT", "NHIEU_CAP": "THCS_THPT"}
DISTRICTS_DISSOLVED_ON = date(2025, 7, 1)


# --------------------------------------------------------------------------- database context


class Context:
    """What validation needs from the database, read once per file."""

    def __init__(self, store: Store, scope: Scope, channel: str = "ui"):
        self.store = store
        self.scope = scope
        self.channel = channel  # "ui" or "cli": how messages tell the user to choose a school, year, replace
        self.today = date.today()  # a completion date after it is refused
        self._schools = store.arrow("import_schools", **scope.params(), unit_id=None, school_type=None)
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
        if not hasattr(self, "by_id"):  # the pending schools are read from self.pending as they come
            self.by_id: Mapping[str, dict[str, Any]] = SchoolRows(self._schools, self.pending)
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

    def row_school(self, school: dict[str, Any] | None, ref: Any, problems: Problems, row: int,
                   heads: dict[str, str], checked: dict[str, bool]) -> dict[str, Any] | None:
        """The school of a table row (`school`: the one its cell `ref` names, or the file's own when the
        row names none) once the user may write it (`checked`: school id -> allowed, filled once per
        school); None, with the error, when no school is named, it is outside the scope or unknown."""
        column = heads.get("school_id", t("import.col.school_id"))
        if school is None:
            key = "import.err.required" if ref is None else (
                "import.err.school_out_of_scope" if str(one_line(ref)).casefold() in self.all_school_ids
                else "import.err.school_not_found")
            problems.error(key, row, column, value=one_line(ref))
            return None
        if school["school_id"] not in checked:
            checked[school["school_id"]] = self.can_write(school, problems, row, heads.get("school_id"))
        return school if checked[school["school_id"]] else None

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


class SchoolRows(Mapping):
    """The schools in scope (and a batch's pending ones, which win) by casefolded id, as a dict
    would hold them; each school's row dict is built the first time it is asked for: a file names
    a few thousand of the 10,000-45,000 schools a province or the country reads (issue 20)."""

    def __init__(self, table: pa.Table, pending: dict[str, dict[str, Any]]):
        self._columns = {name: table[name].to_pylist() for name in table.column_names}
        ids = self._columns.get("school_id", [])
        self._index = {str(i).casefold(): n for n, i in enumerate(ids)}  # a later id of the same key wins
        self._pending = pending
        self._built: dict[int, dict[str, Any]] = {}

    def __getitem__(self, key: str) -> dict[str, Any]:
        hit = self._pending.get(key)
        if hit is not None:
            return hit
        n = self._index[key]
        row = self._built.get(n)
        if row is None:
            row = self._built[n] = {name: values[n] for name, values in self._columns.items()}
        return row

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._index, *self._pending]))

    def __len__(self) -> int:
        return len(self._index.keys() | self._pending.keys())

    def __contains__(self, key: object) -> bool:
        return key in self._pending or key in self._index


def _numeric_code(value: float) -> str | None:
    text = f"{value:.2f}".rstrip("0")
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", text)
    return f"{int(m.group(1))}.{int(m.group(2))}" if m else None
