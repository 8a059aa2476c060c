"""Access scope, enforced in the data layer: every data function, called directly with
a principal's or an office's scope, returns nothing of the schools outside it — even
when asked for them by id — and viewers cannot write."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import typing

import pandas as pd
import pytest
from factory import AS_OF, YEAR, tiny_copy

import kdcl.data
from kdcl.access import AccessDenied, Scope
from kdcl.data import Filters, require_write

PRINCIPAL_S2 = Scope(school_id="S2", role="principal", user="ht.s2")
OFFICE_W2 = Scope(unit_id="W2", role="office", user="phong.w2")  # sees S3 only
VIEWER = Scope(role="viewer", user="hdnd")
FILTERS = Filters(school_year=YEAR, as_of=AS_OF)

# values for the extra parameters data functions take; ids point at schools OUTSIDE the scopes above
EXTRA = {"framework_id": "THCS_THPT", "school_id": "S1", "query": "si so", "item_id": 1, "kind": "self",
         "criterion_code": "1.5", "school_year": YEAR, "school_ids": ["S1"], "template": "plan"}
FORBIDDEN_TEXT = ("Lý Tự Trọng", "Sĩ số học sinh ở các lớp còn cao")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """One tiny database for the whole module (these tests only read)."""
    built = tiny_copy(tmp_path_factory.mktemp("access") / "access.duckdb")
    yield built
    built.close()


def data_functions():
    modules = [kdcl.data] + [importlib.import_module(f"kdcl.data.{m.name}")
                             for m in pkgutil.iter_modules(kdcl.data.__path__)]
    for module in modules:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters.values())
            if len(params) >= 2 and params[0].name == "store" and params[1].name == "scope":
                yield pytest.param(fn, id=f"{module.__name__.removeprefix('kdcl.')}.{name}")


def frames_in(value, depth=0):
    """Every DataFrame/dict/str inside a result (dataclasses, dicts, lists, tuples)."""
    if depth > 4:
        return
    if isinstance(value, pd.DataFrame):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from frames_in(getattr(value, f.name), depth + 1)
    elif isinstance(value, dict):
        yield pd.DataFrame([{"key": str(k), "value": str(v)[:2000]} for k, v in value.items()])
        for v in value.values():
            yield from frames_in(v, depth + 1)
    elif isinstance(value, (set, frozenset)):  # e.g. school ids
        yield pd.DataFrame({"school_id": sorted(map(str, value))})
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from frames_in(v, depth + 1)


def call(fn, store, scope):
    kwargs = {}
    hints = typing.get_type_hints(fn)
    for p in list(inspect.signature(fn).parameters.values())[2:]:
        hint = hints.get(p.name)
        if p.name == "filters":
            kwargs[p.name] = FILTERS
        elif dataclasses.is_dataclass(hint):
            kwargs[p.name] = hint()  # e.g. an ItemQuery with its defaults: every item in scope
        elif p.name in EXTRA:
            kwargs[p.name] = EXTRA[p.name]
        elif p.default is inspect.Parameter.empty:
            pytest.skip(f"no test value for parameter {p.name!r}")
    return fn(store, scope, **kwargs)


@pytest.mark.parametrize("scope", [PRINCIPAL_S2, OFFICE_W2], ids=["principal_S2", "office_W2"])
@pytest.mark.parametrize("fn", list(data_functions()))
def test_no_data_function_leaks_school_s1(store, fn, scope):
    try:
        result = call(fn, store, scope)
    except AccessDenied:
        return  # asked for S1 by id: refused, which is right
    for frame in frames_in(result):
        if "school_id" in frame.columns:
            assert "S1" not in set(frame["school_id"].astype(str)), f"{fn.__name__} returned S1 rows"
        text = frame.astype(str).to_string()
        for forbidden in FORBIDDEN_TEXT:
            assert forbidden not in text, f"{fn.__name__} returned «{forbidden}»"


def test_everything_scope_does_see_s1(tiny_store):
    """The leak test above can fail: with full scope the same calls do return S1."""
    levels = kdcl.data.school_levels(tiny_store, Scope.everything(), FILTERS)
    assert "S1" in set(levels["school_id"])


def test_writes_check_role_and_school(tiny_store):
    require_write(tiny_store, Scope(school_id="S1", role="principal"), "S1")
    require_write(tiny_store, Scope(unit_id="W1", role="office"), "S1")
    with pytest.raises(AccessDenied, match="chỉ có quyền xem"):
        require_write(tiny_store, VIEWER, "S1")
    with pytest.raises(AccessDenied, match="S1"):
        require_write(tiny_store, PRINCIPAL_S2, "S1")
    with pytest.raises(AccessDenied, match="S1"):
        require_write(tiny_store, OFFICE_W2, "S1")


def test_bulk_write_check_matches_the_single_one(tiny_store):
    ids = ["S1", "S2", "S3", "nope"]
    assert kdcl.data.writable_schools(tiny_store, Scope(unit_id="W1", role="office"), ids) == {"S1", "S2"}
    assert kdcl.data.writable_schools(tiny_store, PRINCIPAL_S2, ids) == {"S2"}
    assert kdcl.data.writable_schools(tiny_store, VIEWER, ids) == set()
    assert kdcl.data.writable_schools(tiny_store, Scope.everything(), ids) == {"S1", "S2", "S3"}
