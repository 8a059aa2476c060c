"""kdcl.ui.load's cache: keyed on the data version, and what an older version cached is let go
after a write (issue 20: under a deadline's saves the dead entries held gigabytes)."""

import shutil

import streamlit as st

from kdcl import data, ui


def test_a_write_frees_the_entries_of_older_versions(tiny_db_path, tmp_path, monkeypatch):
    copy = tmp_path / "cache.duckdb"
    shutil.copy(tiny_db_path, copy)
    monkeypatch.setenv("KDCL_DB", str(copy))
    st.cache_resource.clear()
    st.cache_data.clear()
    store = ui.get_store()
    calls = []

    def counted(_store):
        calls.append(1)
        return len(calls)

    before = store.data_version
    years = ui.load(data.school_years)  # load() notes the version it serves
    assert ui._cached(counted, "test.counted", store.path, before, ()) == 1
    assert ui._cached(counted, "test.counted", store.path, before, ()) == 1  # cached: not called again
    assert len(calls) == 1

    with store.transaction():
        pass  # any committed write bumps the version
    assert store.data_version == before + 1
    assert ui.load(data.school_years) == years  # the next load serves the new version ...
    assert ui._cached(counted, "test.counted", store.path, before, ()) == 2  # ... and the old entry is gone
    st.cache_resource.clear()
