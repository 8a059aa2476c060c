"""kdcl.db reads results through Arrow (faster for long text columns) but must hand pages the very
frames DuckDB's own .df() gives: same dtypes, same missing values, for every kind of column."""

import duckdb
import pandas as pd
import pytest

from kdcl import db

ROWS = """
select * from (values
    (1::integer, 1::bigint, null::integer, 'a', null::varchar, date '2024-01-02', null::date, true,
     null::boolean, 1.5::double, 10::hugeint, timestamp '2024-01-01 10:00', 1::smallint, 2.25::decimal(10, 2),
     3::ubigint, 7::integer),
    (2, null, null, null, null, null, null, false, null, null, 20, null, null, null, null, 8)
) as t(i, bigint_nulls, all_null_int, text, all_null_text, day, all_null_day, flag, all_null_flag, ratio,
       total, stamp, small, money, unsigned, plain)
"""


@pytest.fixture
def cur():
    con = duckdb.connect()
    yield con.cursor()
    con.close()


@pytest.mark.parametrize("where", ["", "where i = 1", "where i = 2", "where false"], ids=[
    "mixed", "no-nulls", "nulls", "empty"])
def test_frames_are_typed_as_duckdb_types_them(cur, where):
    sql = ROWS + where
    got = db._frame(cur, sql, {})
    want = cur.execute(sql).df()
    pd.testing.assert_frame_equal(got, want)
    assert got.dtypes.astype(str).tolist() == want.dtypes.astype(str).tolist()


def test_nullable_columns_keep_their_missing_values(cur):
    frame = db._frame(cur, ROWS + " order by i", {})
    assert str(frame["bigint_nulls"].dtype) == "Int64" and frame["bigint_nulls"].isna().tolist() == [False, True]
    assert frame["all_null_text"].tolist() == [None, None] and frame["all_null_text"].dtype == object
    assert str(frame["day"].dtype) == "datetime64[us]" and pd.isna(frame["day"].iloc[1])
    assert frame["money"].tolist()[0] == 2.25 and frame["total"].dtype == "float64"


LISTS = """
select * from (values
    ([1, 2]::bigint[], ['a', 'b'], {'x': 1}, null::bigint[]),
    (null, null, null, null)
) as t(numbers, texts, pair, never)
"""


@pytest.mark.parametrize("where", ["", "where numbers is not null", "where numbers is null"],
                         ids=["mixed", "no-nulls", "nulls"])
def test_lists_and_structs_are_read_as_duckdb_reads_them(cur, where):
    """Peer quartiles and blocking criteria come back as lists: values and missing ones (NA, as DuckDB
    writes them) the same as .df()."""
    sql = LISTS + where
    got, want = db._frame(cur, sql, {}), cur.execute(sql).df()
    assert got.dtypes.astype(str).tolist() == want.dtypes.astype(str).tolist()
    for column in want.columns:
        assert [v.tolist() if hasattr(v, "tolist") else v for v in got[column]] == [
            v.tolist() if hasattr(v, "tolist") else v for v in want[column]], column
        assert [type(v) for v in got[column]] == [type(v) for v in want[column]], column


def test_other_column_types_fall_back_to_duckdb(cur):
    sql = "select [1, 2] as codes, interval 3 day as span, 'x' as text"
    got = db._frame(cur, sql, {})
    want = cur.execute(sql).df()
    assert got["codes"].iloc[0].tolist() == [1, 2] and got["text"].iloc[0] == "x"
    assert got.dtypes.astype(str).tolist() == want.dtypes.astype(str).tolist()


def test_store_query_binds_and_reads_through_arrow(tiny_store):
    years = tiny_store.query("school_years", scope_unit_id=None, scope_school_id=None, unit_id=None,
                             school_type=None)
    assert len(years) and years.columns.tolist() == ["school_year"]
    arrow = tiny_store.arrow("school_years", scope_unit_id=None, scope_school_id=None, unit_id=None,
                             school_type=None)
    assert arrow.column("school_year").to_pylist() == years["school_year"].tolist()


# --------------------------------------------------------------------------- data version (issue 20)


def _bump_outside(path) -> None:
    """A write by another program while no Store has the file open (what the CLI does)."""
    con = duckdb.connect(str(path))
    con.execute("update meta set value = cast(cast(value as bigint) + 10 as text) where key = 'data_version'")
    con.close()


def test_data_version_follows_every_commit_of_any_store_on_the_file(tmp_path):
    path = tmp_path / "v.duckdb"
    first = db.Store(path)
    with first.transaction():
        pass
    start = first.data_version
    second = db.Store(path)  # another Store of this process on the same file (a test, the CLI in-process)
    with second.transaction():
        pass
    assert first.data_version == second.data_version == start + 1
    with pytest.raises(RuntimeError), first.transaction():
        raise RuntimeError("refused")
    assert first.data_version == start + 1  # a rolled-back write changes nothing
    first.close()
    second.close()

    _bump_outside(path)
    again = db.Store(path)
    assert again.data_version == start + 11  # read afresh: written while the file was closed here
    with again.transaction():
        pass
    assert again.data_version == start + 12
    again.close()
