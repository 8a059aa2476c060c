"""pages/levels.py ("Mức đạt") run by Streamlit's AppTest on the tiny real database.

Hand-computed (tests/factory.py): 3 schools assessed in 2024-2025, one at Mức 2 or
above (S2, Mức 3); S1 went down from Mức 2 to Mức 1; S1 needs 12 criteria for Mức 2,
S3 one (5.4) for Mức 1; the external team put S1's 1.1 one level lower.
"""

import base64
import json

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT, generated_app, page_app, page_through
from factory import PREVIOUS_YEAR, YEAR
from streamlit.testing.v1 import AppTest

from kdcl.access import Scope
from kdcl.db import Store

PAGE = str(ROOT / "pages/levels.py")


def make_app(db_path, monkeypatch, scope=None, **params: str):
    return page_app("levels", db_path, monkeypatch, scope, **params)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def values(trace: dict, key: str) -> list:
    """A trace's array, decoded when plotly sent it as a typed array ({"dtype", "bdata"})."""
    raw = trace.get(key)
    if isinstance(raw, dict) and "bdata" in raw:
        return np.frombuffer(base64.b64decode(raw["bdata"]), dtype=raw["dtype"]).tolist()
    return list(raw or [])


def marks(figure: dict) -> int:
    return sum(len(values(trace, "x") or values(trace, "y")) for trace in figure["data"])


def test_distribution_and_movement(db, monkeypatch):
    at = make_app(db, monkeypatch).run()
    assert not at.exception
    assert at.title[0].value == "Mức đạt của các trường"
    kpi = metrics(at)
    assert kpi["Trường đã tự đánh giá"] == "3/3"
    assert kpi["Đạt Mức 2 trở lên"] == "1/3"
    assert (kpi["Lên mức"], kpi["Xuống mức"]) == ("0", "1")
    labels = [e.label for e in at.expander]
    assert "Xuống mức: 1 trường" in labels and "Lên mức: 0 trường" in labels
    assert "Chưa so sánh được: 2 trường" in labels
    # the list behind "xuống mức": S1, from Mức 2 to Mức 1
    lists = [df.value for df in at.dataframe if "name" in df.value.columns]
    down = lists[0]
    assert down["name"].tolist() == ["Trường THCS Lý Tự Trọng"]
    assert down.iloc[0]["level_previous"] == "Mức 2" and down.iloc[0]["level"] == "Mức 1"
    assert len(figures(at)) == 2  # by school type and by unit


def test_first_year_has_nothing_to_compare(db, monkeypatch):
    at = make_app(db, monkeypatch, year=PREVIOUS_YEAR).run()
    assert not at.exception
    assert metrics(at)["Trường đã tự đánh giá"] == "1/3"
    assert metrics(at)["Lên mức"] == "–"
    assert any("Chưa so sánh được với năm học 2022-2023" in i.value for i in at.info)


def test_criteria_tab_school_matrix(db, monkeypatch):
    at = make_app(db, monkeypatch, view="Theo tiêu chí", fw="THCS, THPT (18/2018/TT-BGDĐT)").run()
    assert not at.exception
    figs = figures(at)
    matrix = figs[0]
    # one school (S1): 28 criteria + its overall level, coloured by level
    assert marks(matrix) == 29
    names = {trace["name"]: len(values(trace, "x")) for trace in matrix["data"]}
    assert names == {"Mức 1": 13, "Mức 2": 16}  # 12 criteria + the school's level at 1
    assert "THCS Lý Tự Trọng" in matrix["layout"]["yaxis"]["ticktext"]
    blocking = figs[1]
    assert {t["name"] for t in blocking["data"]} == {"Cản lên Mức 2"}
    assert sum(sum(values(t, "x")) for t in blocking["data"]) == 10  # top 10 of the 12 criteria, 1 school each
    table = at.dataframe[-1].value
    row = table.set_index("criterion").filter(like="1.5 ·", axis=0).iloc[0]
    assert (row["schools"], row["n1"], row["pct2"]) == (1, 1, "0,00%")


def test_gap_tab(db, monkeypatch):
    at = make_app(db, monkeypatch, view="Khoảng cách lên mức").run()
    assert not at.exception
    kpi = metrics(at)
    assert kpi["Trường sắp lên mức"] == "1"  # S3: one criterion from Mức 1
    assert kpi["Đã đạt Mức cao nhất"] == "1"  # S2
    table = at.dataframe[0].value.set_index("name")
    assert table.loc["Trường Mầm non Hoa Sen", ["level", "target", "gap_count", "criteria"]].tolist() == [
        "Chưa đạt Mức 1", "Mức 1", 1, "5.4"]
    s1 = table.loc["Trường THCS Lý Tự Trọng"]
    assert (s1["target"], s1["gap_count"]) == ("Mức 2", 12) and s1["criteria"].startswith("1.5, 1.6, 1.8")
    at.selectbox(key="gap_level").set_value(0).run()
    assert at.dataframe[0].value["name"].tolist() == ["Trường Mầm non Hoa Sen"]


def test_external_tab(db, monkeypatch):
    at = make_app(db, monkeypatch, view="Tự đánh giá và đánh giá ngoài").run()
    assert not at.exception
    kpi = metrics(at)
    assert kpi["Trường có cả hai kết quả"] == "1"
    assert kpi["Mức đánh giá ngoài thấp hơn"] == "0"  # still Mức 1
    assert kpi["Tiêu chí bị đánh giá thấp hơn"] == "1/28"
    school = at.dataframe[-1].value.iloc[0]
    assert (school["name"], school["differences"]) == ("Trường THCS Lý Tự Trọng", "1.1: 2 → 1")
    chart = figures(at)[0]
    assert [y.split(" · ")[0] for y in values(chart["data"][0], "y")] == ["1.1"]
    assert values(chart["data"][0], "x") == [-1]  # one school rated lower by the external team


def test_external_tab_explains_when_empty(db, monkeypatch):
    at = make_app(db, monkeypatch, view="Tự đánh giá và đánh giá ngoài", year=PREVIOUS_YEAR).run()
    assert not at.exception
    assert "chưa có trường nào" in at.info[0].value
    assert any("Các năm học có đánh giá ngoài: 2024-2025" in c.value for c in at.caption)


def test_scope_and_filters_narrow_the_page(db, monkeypatch):
    at = make_app(db, monkeypatch, scope=Scope(unit_id="W2", role="office", user="xa-hai")).run()
    assert not at.exception
    assert metrics(at)["Trường đã tự đánh giá"] == "1/1"
    at = make_app(db, monkeypatch, type="TH").run()
    assert metrics(at)["Đạt Mức 2 trở lên"] == "1/1"


def test_empty_database_explains_itself(tmp_path, monkeypatch):
    at = make_app(tmp_path / "empty.duckdb", monkeypatch).run()
    assert not at.exception
    assert "chưa có kết quả tự đánh giá" in at.info[0].value


# --------------------------------------------------------------------------- province scale


@pytest.fixture
def many_schools(db):
    """45 primary schools in W1 and 30 in W2, every criterion at mức 2 except criterion
    1.1 at mức 1 in every third school (so 15 + 10 schools at Mức 1)."""
    store = Store(db)
    codes = store.query("levels_criteria", framework_id="TH")["criterion_code"].tolist()
    ids = [(f"T{i:03d}", "W1" if i < 45 else "W2") for i in range(75)]
    schools = pd.DataFrame(
        [(sid, f"Trường Tiểu học Số {sid}", "TH", "TH", unit, None) for sid, unit in ids],
        columns=["school_id", "name", "school_type", "framework_id", "unit_id", "former_unit_id"],
    )
    rows = [(sid, YEAR, "self", "TH", c, 1 if c == "1.1" and i % 3 == 0 else 2)
            for i, (sid, _) in enumerate(ids) for c in codes]
    with store.transaction() as tx:
        tx.insert_frame("school", schools)
        tx.insert_frame("assessment", pd.DataFrame(
            rows, columns=["school_id", "school_year", "kind", "framework_id", "criterion_code", "level"]))
    store.close()
    return db


def test_thousands_of_units_are_sent_a_page_at_a_time(db, monkeypatch):
    """Issue 20: beyond UNIT_CHART_MAX units the distribution per unit is a table in a 300 px box; a
    country's 3,400 units went to the browser at once (223 KB a run). It is sent a page of 100 units
    at a time, by name, every unit reachable."""
    from kdcl.writes import save_units

    store = Store(db)
    units = [(f"Z{i:03d}", f"Xã Số {i:03d}") for i in range(130)]
    with store.transaction() as tx:
        save_units(tx, pd.DataFrame([(u, name, "ward", "P", None) for u, name in units],
                                    columns=["unit_id", "name", "kind", "parent_id", "dissolved_on"]))
        tx.insert_frame("school", pd.DataFrame(
            [(f"Q{i:03d}", f"Trường Tiểu học Q{i:03d}", "TH", "TH", u, None) for i, (u, _) in enumerate(units)],
            columns=["school_id", "name", "school_type", "framework_id", "unit_id", "former_unit_id"]))
    store.close()
    at = make_app(db, monkeypatch).run()
    assert not at.exception
    assert any(c.value.startswith("13") and "mỗi trang 100 đơn vị" in c.value for c in at.caption)
    table = at.dataframe[0].value
    assert len(table) == 100 and table["unit"].is_monotonic_increasing
    at.session_state["page_unit_table"] = 2
    at.run()
    rest = at.dataframe[0].value
    assert len(table) + len(rest) == len(set(table["unit"]) | set(rest["unit"]))  # every unit, once
    assert "Xã Số 129" in set(rest["unit"])


def test_many_schools_are_grouped_by_unit(many_schools, monkeypatch):
    at = make_app(many_schools, monkeypatch, view="Theo tiêu chí", fw="Tiểu học (17/2018/TT-BGDĐT)").run()
    assert not at.exception
    assert any("gộp theo đơn vị quản lý" in c.value for c in at.caption)
    unit_matrix = figures(at)[0]
    assert unit_matrix["layout"]["yaxis"]["ticktext"] == ["Phường Một (46)", "Xã Hai (30)"]
    cells = {(y, x): text for trace in unit_matrix["data"]
             for x, y, text in zip(values(trace, "x"), values(trace, "y"), values(trace, "text"))}
    assert cells[(0, 0)] == "67"  # criterion 1.1 at mức 2+ in W1: 31 of 46 (30 new at 2, S2 at 3)
    assert cells[(1, 0)] == "67"  # W2: 20 of 30
    assert all(marks(f) <= 5000 for f in figures(at))


def test_drill_down_into_a_unit_pages_the_schools(many_schools, monkeypatch):
    at = make_app(many_schools, monkeypatch, view="Theo tiêu chí", fw="Tiểu học (17/2018/TT-BGDĐT)",
                  drill="Phường Một").run()
    assert not at.exception
    matrix = figures(at)[0]
    assert len(matrix["layout"]["yaxis"]["ticktext"]) == 40  # a screenful of the unit's 46 schools
    assert marks(matrix) == 40 * 28
    assert any("46 trường, mỗi trang 40 trường" in c.value for c in at.caption)


def test_drill_down_kept_in_the_url_by_id_and_back(many_schools, monkeypatch):
    """The drill-down, the framework and the threshold are kept in the URL through kdcl.ui (issue 19):
    ids in the URL (old links holding labels still open), and "back" takes the unit out of the URL."""
    at = make_app(many_schools, monkeypatch, view="Theo tiêu chí", fw="TH", drill="W1", at_least="3").run()
    assert not at.exception
    assert len(figures(at)[0]["layout"]["yaxis"]["ticktext"]) == 40  # the unit's schools, a screenful
    assert at.query_params["drill"] == "W1" and "fw" not in at.query_params  # the first framework: the default
    at.button(key="drill_back").click().run()
    assert not at.exception
    assert "drill" not in at.query_params
    assert figures(at)[0]["layout"]["yaxis"]["ticktext"] == ["Phường Một (46)", "Xã Hai (30)"]  # per unit again
    assert at.query_params["at_least"] == "3"


def test_a_long_school_list_is_sent_a_page_at_a_time(tmp_path, monkeypatch):
    """Issue 20: a list of more than LIST_PAGE_ROWS schools is sent a page at a time (it sent its first
    500 rows and dropped the rest); every school is reachable by its page, and a row still opens its school."""
    at = generated_app(PAGE, 300, tmp_path, monkeypatch)
    at.query_params["view"] = "Khoảng cách lên mức"
    at.run()
    assert not at.exception
    total = int(next(c.value for c in at.caption if "mỗi trang" in c.value).split(" trường")[0].replace(".", ""))
    assert total > 100

    def school_ids(at):
        rows = at.dataframe[0].value
        return rows["school_id"].tolist() if "school_id" in rows else rows["name"].tolist()

    seen = page_through(at, "list_gap", total, school_ids)
    assert len(seen) == total and len(set(seen)) == total
    assert len(at.get("download_button")) == 1  # the whole list, written when clicked
