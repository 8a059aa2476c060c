"""Shared fixtures: a tiny real DuckDB file per test session, and helpers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.chdir(ROOT)

from factory import build_tiny  # noqa: E402


@pytest.fixture
def tiny_store(tmp_path):
    store = build_tiny(tmp_path / "tiny.duckdb")
    yield store
    store.close()


@pytest.fixture(scope="session")
def tiny_db_path(tmp_path_factory) -> Path:
    """A tiny database file built once per session (read-only use)."""
    path = tmp_path_factory.mktemp("db") / "tiny.duckdb"
    build_tiny(path).close()
    return path
