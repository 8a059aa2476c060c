"""The database opened in one place (kdcl.stores) and the catalogs seeded by kdcl.catalogs (issue 19)."""

from __future__ import annotations

import pandas as pd

from kdcl import catalogs, session_route, stores
from kdcl.db import Store


def test_a_new_database_gets_every_registered_framework_once(tmp_path):
    registry = catalogs.read_framework_registry()
    store = Store(tmp_path / "new.duckdb")
    try:
        ids = store.query("import_frameworks")["framework_id"].tolist()
        assert sorted(ids) == sorted(fw["framework_id"] for fw in registry)
        for fw in registry:  # every criterion of its catalog file, in catalog order, with its levels
            criteria = store.query("levels_criteria", framework_id=fw["framework_id"])
            assert criteria["criterion_code"].tolist() == catalogs.catalog_frame(fw)["criterion_code"].tolist()
            assert criteria["max_level"].between(2, 3).all()
        version = store.data_version
        assert catalogs.seed(store) == []  # already there: nothing added, nothing written
        assert store.data_version == version
    finally:
        store.close()


def test_a_framework_added_to_the_registry_is_seeded_into_an_existing_database(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    registry = catalogs.read_framework_registry()
    first = registry[0]
    (data_dir / first["catalog_file"]).write_bytes((catalogs.DATA_DIR / first["catalog_file"]).read_bytes())
    extra = {**first, "framework_id": "TEST_FW", "title": "Khung thử"}
    pd.DataFrame([first, extra]).to_csv(data_dir / "frameworks.csv", index=False)
    store = Store(tmp_path / "db.duckdb")
    try:
        assert catalogs.seed(store, data_dir) == ["TEST_FW"]
        added = store.query("levels_criteria", framework_id="TEST_FW")
        assert len(added) == len(catalogs.catalog_frame(first))
    finally:
        store.close()


def test_the_app_and_its_cookie_route_share_one_store(tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    monkeypatch.setenv("KDCL_DB", str(path))
    assert stores.configured_path() == path
    store = stores.shared()
    try:
        assert stores.shared() is store and session_route._store() is store
        assert store.path == str(path)
    finally:
        stores._shared.pop(str(path)).close()


def test_without_kdcl_db_the_demo_database_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv("KDCL_DB", raising=False)
    monkeypatch.setattr(stores, "DEMO_PATH", tmp_path / "demo.duckdb")
    assert stores.configured_path() == tmp_path / "demo.duckdb"
