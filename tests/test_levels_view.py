"""What the "Mức đạt" page shows, computed by kdcl.data.levels without Streamlit (issue 19: the page
only draws). Hand-computed on the tiny database (tests/factory.py): in 2024-2025 S1 (THCS, Phường Một)
is Mức 1 and needs 12 criteria for Mức 2, S2 (TH, Phường Một) Mức 3, S3 (MN, Xã Hai) Chưa đạt and
needs 5.4 for Mức 1; the external team put S1's 1.1 one level lower."""

from __future__ import annotations

import pandas as pd
from factory import AS_OF, YEAR

from kdcl import data
from kdcl.access import Scope
from kdcl.data import levels as lv

EVERYTHING = Scope.everything()
FILTERS = data.Filters(school_year=YEAR, as_of=AS_OF)


def test_assessed_frameworks(tiny_store):
    only_mn = lv.frameworks(tiny_store, EVERYTHING, data.Filters(school_year=YEAR, as_of=AS_OF, unit_id="W2"))
    mn = lv.assessed_frameworks(only_mn)
    assert mn["framework_id"].tolist() == ["MN"] and lv.assessed_schools(mn, "MN") == 1
    none = lv.frameworks(tiny_store, EVERYTHING, data.Filters(school_year="2020-2021", as_of=AS_OF))
    assert lv.assessed_frameworks(none).empty


def test_headline_and_counts(tiny_store):
    schools = data.school_levels(tiny_store, EVERYTHING, FILTERS)
    assert lv.headline(schools) == lv.Headline(schools=3, assessed=3, complete=3, level2=1)
    assert lv.school_type_counts(schools) == {"THCS": 1, "TH": 1, "MN": 1}
    units = lv.unit_counts(schools)
    assert units.index.tolist() == ["W1", "W2"]
    assert units["unit_name"].tolist() == ["Phường Một", "Xã Hai"] and units["schools"].tolist() == [2, 1]
    incomplete = schools.assign(overall_level=schools["overall_level"].where(schools["school_id"] != "S2"))
    assert lv.headline(incomplete) == lv.Headline(schools=3, assessed=3, complete=2, level2=0)


def test_unit_level_table(tiny_store):
    schools = data.school_levels(tiny_store, EVERYTHING, FILTERS)
    table = lv.unit_level_table(data.level_distribution(schools, by="unit_id"), lv.unit_counts(schools)["unit_name"])
    assert table.columns.tolist() == ["unit", "n0", "n1", "n2", "n3", "total", "share2"]  # no "none": all known
    assert table.values.tolist() == [["Phường Một", 0, 1, 0, 1, 2, 50.0], ["Xã Hai", 1, 0, 0, 0, 1, 0.0]]
    unknown = pd.DataFrame({"unit_id": ["W1", "W1"], "level": [2, None], "schools": [1, 3]})
    table = lv.unit_level_table(unknown, pd.Series({"W1": "Phường Một"}))
    row = table.iloc[0]
    assert (row["n2"], row["none"], row["total"], row["share2"]) == (1, 3, 4, 100.0)  # share of the known only


def test_movement_lists(tiny_store):
    move = lv.movement(tiny_store, EVERYTHING, FILTERS)
    assert lv.first_change(move) == "down"
    assert lv.moved(move, "down")["school_id"].tolist() == ["S1"]
    assert lv.moved(move, "not_comparable")["school_id"].tolist() == ["S2", "S3"]  # by unit, then name
    assert lv.moved(move, "up").empty
    move.counts = {"up": 2, "same": 1, "down": 0, "not_comparable": 0}
    assert lv.first_change(move) == "up"


def test_matrix_schools_sorted_and_paged():
    cells = pd.DataFrame({"school_id": ["A", "A", "B", "C"], "name": ["Trường An", "Trường An", "Trường Bình",
                                                                      "Trường Cúc"],
                          "unit_name": ["Y", "Y", "X", "X"]})
    gaps = pd.DataFrame({"school_id": ["A", "B", "C"], "level": pd.array([1, 1, None], dtype="Int64"),
                         "gap_count": [3, 5, 0]})
    assert lv.matrix_schools(cells, gaps, "level").index.tolist() == ["B", "A", "C"]  # most gaps first, no level last
    assert lv.matrix_schools(cells, gaps, "name").index.tolist() == ["A", "B", "C"]
    assert lv.matrix_schools(cells, gaps, "unit").index.tolist() == ["B", "C", "A"]
    assert lv.pages(81, 40) == 3 and lv.pages(80, 40) == 2
    assert lv.page_of(list(range(81)), 3, 40) == [80]


def test_unit_shares_and_order(tiny_store):
    by_unit = lv.criterion_by_unit(tiny_store, EVERYTHING, FILTERS, "MN")
    totals = lv.unit_totals(by_unit)
    assert totals.names.to_dict() == {"W2": "Xã Hai"} and totals.schools.to_dict() == {"W2": 1}
    cells = lv.unit_shares(by_unit, lv.criteria(tiny_store, "MN"), 1).set_index("criterion_code")
    assert cells.loc["5.4", "share"] == 0.0 and cells.loc["1.1", "share"] == 1.0
    two = lv.UnitTotals(pd.Series({"U1": "Bình", "U2": "An"}), pd.Series({"U1": 1, "U2": 1}))
    shares = pd.DataFrame({"unit_id": ["U1", "U1", "U2"], "share": [0.2, 0.4, 0.9]})
    assert lv.unit_order(shares, two, "name") == ["U2", "U1"]
    assert lv.unit_order(shares, two, "weakest") == ["U1", "U2"]


def test_top_blocking_and_gaps(tiny_store):
    gaps = lv.school_gaps(tiny_store, EVERYTHING, FILTERS)
    assert lv.gap_summary(gaps) == lv.GapSummary(near=1, top=1, incomplete=0)  # S3 one away, S2 at the top
    assert lv.gap_list(gaps)["school_id"].tolist() == ["S3", "S1"]  # target Mức 1 before Mức 2
    assert lv.gap_list(gaps, level=1)["school_id"].tolist() == ["S1"]
    top = lv.top_blocking(gaps, "THCS_THPT", 3)
    assert top["criterion_code"].tolist() == ["1.5", "1.6", "1.8"] and set(top["target_level"]) == {2}
    assert lv.top_blocking(gaps, "MN")["criterion_code"].tolist() == ["5.4"]
    assert lv.top_blocking(gaps, "TH").empty


def test_external_summary(tiny_store):
    sve = lv.self_vs_external(tiny_store, EVERYTHING, FILTERS)
    assert lv.external_summary(sve.by_school) == lv.ExternalSummary(1, 0, 1, 28)
    assert lv.external_differences(sve.by_criterion)["criterion_code"].tolist() == ["1.1"]
    by_criterion = pd.DataFrame({"framework_id": ["B", "A", "A"], "criterion_code": ["1", "2", "3"],
                                 "external_lower": [1, 2, 0], "external_higher": [1, 0, 0]})
    assert lv.external_differences(by_criterion)["criterion_code"].tolist() == ["2", "1"]
    by_school = pd.DataFrame({"name": ["B", "A", "C"], "external_lower": [1, 1, 3]})
    assert lv.external_schools(by_school)["name"].tolist() == ["C", "A", "B"]


def test_school_years_until():
    years = pd.DataFrame({"school_year": ["2023-2024", "2024-2025", "2025-2026"]})
    history = pd.DataFrame({"school_year": ["2023-2024", "2025-2026"], "level": [1, 2]})
    shown, cells = lv.school_years_until(years, history, "2024-2025")
    assert shown["school_year"].tolist() == ["2023-2024", "2024-2025"] and cells["level"].tolist() == [1]
