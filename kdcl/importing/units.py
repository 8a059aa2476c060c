"""Units named in an imported file: matched to the stored ones by code, name or office name
(OFFICE_RULE), or created (UnitResolver)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kdcl.importing.context import DISTRICTS_DISSOLVED_ON, Context
from kdcl.importing.normalise import fold, one_line, value_key
from kdcl.importing.problems import Problems
from kdcl.strings import t

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
OFFICE_RULE = t("import.office_rule")


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
