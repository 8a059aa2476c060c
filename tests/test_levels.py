"""Data functions of the "Mức đạt" and "Trường" pages on the tiny real database.

Hand-computed answers (see tests/factory.py): in 2024-2025 S1 is Mức 1 (the 12 criteria
of SEED_002_WEAK at 1, the rest at 2; it was Mức 2 in 2023-2024), S2 Mức 3, S3 Chưa đạt
(5.4 at 0). The external team put S1's 1.1 one level lower.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from factory import AS_OF, PREVIOUS_YEAR, SEED_002_WEAK, YEAR

from kdcl import data, rules
from kdcl.access import AccessDenied, Scope
from kdcl.data import levels as lv
from kdcl.data import school as sc

EVERYTHING = Scope.everything()
FILTERS = data.Filters(school_year=YEAR, as_of=AS_OF)


def catalog_order(store, framework_id: str, codes) -> list[str]:
    order = lv.criteria(store, framework_id)["criterion_code"].tolist()
    return sorted(codes, key=order.index)


def add_peers(store, weak_counts: list[int], unit_id: str = "W1", year: str = YEAR) -> list[str]:
    """THCS schools in S1's ward: peer i has the first weak_counts[i] codes of
    SEED_002_WEAK at mức 1 and every other criterion at mức 2 (so ge2 = 28 - k)."""
    codes = lv.criteria(store, "THCS_THPT")["criterion_code"].tolist()
    ids = [f"P{i + 1}" for i in range(len(weak_counts))]
    schools = pd.DataFrame(
        [(sid, f"Trường THCS Bạn {sid}", "THCS", "THCS_THPT", unit_id, None) for sid in ids],
        columns=["school_id", "name", "school_type", "framework_id", "unit_id", "former_unit_id"],
    )
    rows = [
        (sid, year, "self", "THCS_THPT", code, 1 if code in SEED_002_WEAK[:k] else 2)
        for sid, k in zip(ids, weak_counts)
        for code in codes
    ]
    assessments = pd.DataFrame(
        rows, columns=["school_id", "school_year", "kind", "framework_id", "criterion_code", "level"]
    )
    with store.transaction() as tx:
        tx.insert_frame("school", schools)
        tx.insert_frame("assessment", assessments)
    return ids


# --------------------------------------------------------------------------- levels page


def test_frameworks_in_scope(tiny_store):
    fws = lv.frameworks(tiny_store, EVERYTHING, FILTERS).set_index("framework_id")
    assert fws["assessed"].to_dict() == {"MN": 1, "TH": 1, "THCS_THPT": 1}
    assert fws.loc["THCS_THPT", "circular"] == "18/2018/TT-BGDĐT"
    only_mn = lv.frameworks(tiny_store, EVERYTHING, dataclasses.replace(FILTERS, school_type="MN"))
    assert only_mn["framework_id"].tolist() == ["MN"]


def test_movement_s1_went_down(tiny_store):
    move = lv.movement(tiny_store, EVERYTHING, FILTERS)
    assert move.previous_year == PREVIOUS_YEAR
    assert move.counts == {"up": 0, "same": 0, "down": 1, "not_comparable": 2}
    assert move.comparable == 1
    s1 = move.schools.set_index("school_id").loc["S1"]
    assert (s1["level_previous"], s1["level"], s1["change"]) == (2, 1, "down")
    table = lv.transitions(move.schools)
    assert table.shape == (4, 4) and table.loc[2, 1] == 1 and int(table.to_numpy().sum()) == 1


def test_movement_without_previous_year(tiny_store):
    move = lv.movement(tiny_store, EVERYTHING, dataclasses.replace(FILTERS, school_year=PREVIOUS_YEAR))
    assert move.comparable == 0 and move.counts["not_comparable"] == 3


def test_gap_to_next_level(tiny_store):
    gaps = lv.school_gaps(tiny_store, EVERYTHING, FILTERS).set_index("school_id")
    s1, s2, s3 = gaps.loc["S1"], gaps.loc["S2"], gaps.loc["S3"]
    assert (s1["level"], s1["target_level"], s1["gap_count"]) == (1, 2, 12)
    assert s1["gap"] == catalog_order(tiny_store, "THCS_THPT", SEED_002_WEAK)
    assert s2["level"] == 3 and pd.isna(s2["target_level"]) and s2["gap"] == []
    assert (s3["level"], s3["target_level"], s3["gap"]) == (0, 1, ["5.4"])


def test_gap_matches_the_rule_for_every_school(tiny_store):
    """The SQL gap lists give what rules.blocking_criteria gives school by school."""
    add_peers(tiny_store, [0, 3, 12])
    gaps = lv.school_gaps(tiny_store, EVERYTHING, FILTERS)
    assert len(gaps) == 6
    for framework_id, rows in gaps.groupby("framework_id"):
        catalog = lv.criteria(tiny_store, framework_id)
        max_levels = dict(zip(catalog["criterion_code"], catalog["max_level"].astype(int)))
        matrix = lv.school_matrix(tiny_store, EVERYTHING, FILTERS, framework_id)
        for row in rows.itertuples():
            cells = matrix[matrix["school_id"] == row.school_id]
            levels = {c: int(v) for c, v in zip(cells["criterion_code"], cells["level"]) if pd.notna(v)}
            level = rules.school_level(levels, max_levels)
            assert level == row.level
            expected = [] if level >= 3 else rules.blocking_criteria(levels, max_levels, level + 1)
            assert row.gap == expected, row.school_id


def test_gap_with_a_missing_criterion(tiny_store):
    """An incomplete assessment has no level, hence no gap (never a wrong one)."""
    missing = pd.DataFrame({"school_id": ["S3"], "school_year": [YEAR], "kind": ["self"], "criterion_code": ["1.1"]})
    with tiny_store.transaction() as tx:  # an app write path (keeps the stored level counts: issue 20)
        tx.run_with_frame("write/import_delete_assessments", missing)
    gaps = lv.school_gaps(tiny_store, EVERYTHING, FILTERS).set_index("school_id")
    assert pd.isna(gaps.loc["S3", "level"]) and gaps.loc["S3", "gap"] == []


def test_blocking_counts(tiny_store):
    counts = lv.blocking_counts(lv.school_gaps(tiny_store, EVERYTHING, FILTERS))
    assert len(counts) == 13  # 12 criteria keep S1 from mức 2, 1 keeps S3 from mức 1
    by_key = counts.set_index(["framework_id", "criterion_code"])
    assert by_key.loc[("MN", "5.4"), "target_level"] == 1
    assert by_key.loc[("THCS_THPT", "1.5"), "schools"] == 1
    add_peers(tiny_store, [1, 1, 2])  # 1.5 weak in three more schools, 1.8 in one
    counts = lv.blocking_counts(lv.school_gaps(tiny_store, EVERYTHING, FILTERS))
    assert counts.iloc[0][["criterion_code", "schools"]].tolist() == ["1.5", 4]
    assert counts.set_index("criterion_code").loc["1.8", "schools"] == 2


def test_criterion_by_unit_and_distribution(tiny_store):
    by_unit = lv.criterion_by_unit(tiny_store, EVERYTHING, FILTERS, "THCS_THPT")
    assert set(by_unit["unit_id"]) == {"W1"} and len(by_unit) == 28
    catalog = lv.criteria(tiny_store, "THCS_THPT")
    dist = lv.criterion_distribution(by_unit, catalog).set_index("criterion_code")
    assert dist.loc["1.5", ["schools", "n0", "n1", "n2", "n3"]].tolist() == [1, 0, 1, 0, 0]
    assert dist.loc["1.1", "share2"] == 1.0
    assert dist.index.tolist() == catalog["criterion_code"].tolist()  # catalog order
    cells = by_unit.merge(catalog[["criterion_code", "max_level"]], on="criterion_code").set_index("criterion_code")
    at3 = lv.share_at_least(cells, 3, cells["max_level"])
    assert at3["1.1"] == 0.0 and pd.isna(at3["1.8"])  # 1.8 has no mức 3 indicators
    assert lv.share_at_least(cells, 2)["1.8"] == 0.0


def test_criterion_by_unit_follows_the_unit_filter(tiny_store):
    w2 = lv.criterion_by_unit(tiny_store, EVERYTHING, dataclasses.replace(FILTERS, unit_id="W2"), "MN")
    assert set(w2["unit_id"]) == {"W2"} and w2.set_index("criterion_code").loc["5.4", "n0"] == 1
    assert lv.criterion_by_unit(tiny_store, EVERYTHING, dataclasses.replace(FILTERS, unit_id="W2"), "TH").empty


def test_school_matrix(tiny_store):
    matrix = lv.school_matrix(tiny_store, EVERYTHING, FILTERS, "TH")
    assert matrix["school_id"].unique().tolist() == ["S2"] and len(matrix) == 27
    catalog = lv.criteria(tiny_store, "TH").set_index("criterion_code")
    assert (matrix.set_index("criterion_code")["level"] == catalog["max_level"]).all()
    assert lv.school_matrix(tiny_store, EVERYTHING, dataclasses.replace(FILTERS, school_year="2020-2021"), "TH").empty


def test_self_vs_external(tiny_store):
    result = lv.self_vs_external(tiny_store, EVERYTHING, FILTERS)
    assert result.external_years == [YEAR]
    s1 = result.by_school.set_index("school_id").loc["S1"]
    assert (s1["criteria_compared"], s1["external_lower"], s1["external_higher"]) == (28, 1, 0)
    assert s1["differences"] == ["1.1: 2 → 1"]
    assert (s1["self_level"], s1["external_level"]) == (1, 1)
    c11 = result.by_criterion.set_index("criterion_code").loc["1.1"]
    assert (c11["schools"], c11["external_lower"], c11["mean_difference"]) == (1, 1, -1.0)
    before = lv.self_vs_external(tiny_store, EVERYTHING, dataclasses.replace(FILTERS, school_year=PREVIOUS_YEAR))
    assert before.by_school.empty and before.by_criterion.empty and before.external_years == [YEAR]


def test_levels_data_respects_scope(tiny_store):
    office = Scope(unit_id="W2", role="office")
    assert lv.school_gaps(tiny_store, office, FILTERS)["school_id"].tolist() == ["S3"]
    assert lv.frameworks(tiny_store, office, FILTERS)["framework_id"].tolist() == ["MN"]
    assert lv.self_vs_external(tiny_store, office, FILTERS).by_school.empty
    assert lv.school_matrix(tiny_store, office, FILTERS, "THCS_THPT").empty
    principal = Scope(school_id="S1", role="principal")
    assert lv.movement(tiny_store, principal, FILTERS).schools["school_id"].tolist() == ["S1"]


# --------------------------------------------------------------------------- school page


def test_school_choices(tiny_store):
    assert sc.school_choices(tiny_store, EVERYTHING, FILTERS).ids == ["S3", "S1", "S2"]  # by name
    assert sc.school_choices(tiny_store, EVERYTHING, dataclasses.replace(FILTERS, unit_id="W1")).ids == ["S1", "S2"]
    assert sc.school_choices(tiny_store, Scope(school_id="S2", role="principal"), FILTERS).ids == ["S2"]


def test_school_choices_label_every_school_after_a_copy(tiny_store):
    """The picker's choices survive the cache's copy (pickle) and label schools the same whether
    found by scanning (the first lookups) or through the position map (a long list of options)."""
    import pickle

    choices = pickle.loads(pickle.dumps(sc.school_choices(tiny_store, EVERYTHING, FILTERS)))
    assert choices.ids == ["S3", "S1", "S2"]
    expected = {"S1": "Trường THCS Lý Tự Trọng · Phường Một (S1)", "S2": "Trường Tiểu học Kim Đồng · Phường Một (S2)",
                "S3": "Trường Mầm non Hoa Sen · Xã Hai (S3)"}
    rounds = [[choices.label(sid) for sid in ["S1", "S2", "S3", "X9"]] for _ in range(sc.SCAN_LOOKUPS // 4 + 2)]
    assert "_position" in vars(choices)  # the map was built after SCAN_LOOKUPS lookups
    assert all(r == [expected["S1"], expected["S2"], expected["S3"], None] for r in rounds)
    assert "ids" not in pickle.loads(pickle.dumps(choices)).__dict__  # derived lists are not copied


def test_school_report_s1(tiny_store):
    report = sc.school_report(tiny_store, EVERYTHING, FILTERS, "S1")
    assert report.school["name"] == "Trường THCS Lý Tự Trọng" and report.school["former_unit_name"] == "Huyện Cũ (cũ)"
    assert [(s.level, s.reached, s.denominator) for s in report.summary] == [(1, 28, 28), (2, 16, 28), (3, 0, 20)]
    assert rules.format_percent(report.summary[1].share) == "57,14%"
    assert (report.level, report.target_level) == (1, 2)
    assert report.gap == catalog_order(tiny_store, "THCS_THPT", SEED_002_WEAK)
    assert report.external
    crit = report.criteria.set_index("criterion_code")
    assert crit.loc["1.1", ["self_level", "external_level"]].tolist() == [2, 1]
    assert crit.loc["1.5", ["target_level", "items", "overdue_items"]].tolist() == [2, 1, 1]
    assert crit.loc["3.2", "at_risk_items"] == 1 and crit.loc["2.4", "dropped_items"] == 1
    assert crit["blocking"].sum() == 12 and crit.loc["1.5", "blocking"] and not crit.loc["1.1", "blocking"]
    # blocking criteria without any plan item this year
    assert crit.index[crit["blocking"] & (crit["items"] == 0)].tolist() == ["1.6", "1.8", "3.5", "3.6", "5.2"]
    assert report.years.set_index("school_year")["level"].to_dict() == {PREVIOUS_YEAR: 2, YEAR: 1}
    assert len(report.history) == 56
    items = report.items.set_index("criterion_code")
    assert len(items) == 7
    assert items["bucket"].to_dict() == {"1.5": "overdue", "3.2": "at_risk", "3.3": "on_track", "4.2": "no_deadline",
                                         "5.6": "done", "2.3": "done", "2.4": "dropped"}
    assert items.loc["1.5", "days_late"] == 45  # due 31/03/2025, as of 15/05/2025
    assert report.peers.compared is False and report.peers.assessed == 1


def test_school_report_s2_s3_and_empty_year(tiny_store):
    s2 = sc.school_report(tiny_store, EVERYTHING, FILTERS, "S2")
    assert s2.level == 3 and s2.target_level is None and s2.gap == []
    assert [(s.reached, s.denominator) for s in s2.summary] == [(27, 27), (27, 27), (19, 19)]
    s3 = sc.school_report(tiny_store, EVERYTHING, FILTERS, "S3")
    assert (s3.level, s3.target_level, s3.gap) == (0, 1, ["5.4"]) and s3.items.empty
    old = sc.school_report(tiny_store, EVERYTHING, dataclasses.replace(FILTERS, school_year=PREVIOUS_YEAR), "S2")
    assert not old.assessed and old.level is None and old.summary == [] and old.items.empty


def test_school_report_checks_scope(tiny_store):
    with pytest.raises(AccessDenied):
        sc.school_report(tiny_store, Scope(school_id="S2", role="principal"), FILTERS, "S1")
    with pytest.raises(AccessDenied):
        sc.school_report(tiny_store, Scope(unit_id="W2", role="office"), FILTERS, "S1")
    with pytest.raises(AccessDenied):
        sc.school_report(tiny_store, EVERYTHING, FILTERS, "NOPE")
    # a former district still sees its schools
    assert sc.school_report(tiny_store, Scope(unit_id="D", role="office"), FILTERS, "S1").level == 1


def test_peers_compared_by_quartiles_never_ranked(tiny_store):
    add_peers(tiny_store, [0, 2, 4, 6, 8])  # ge2 = 28, 26, 24, 22, 20; S1 has 16
    report = sc.school_report(tiny_store, Scope(school_id="S1", role="principal"), FILTERS, "S1")
    peers = report.peers
    assert (peers.schools, peers.assessed, peers.compared, peers.level, peers.value) == (6, 6, True, 2, 16)
    assert peers.quartiles == (20, 22, 26)  # quantile_disc over 16, 20, 22, 24, 26, 28
    assert peers.band == "low"
    crit = report.criteria.set_index("criterion_code")
    # "n trường cùng có điểm yếu này": other peers also below mức 2 on S1's blocking criteria
    assert crit.loc["1.5", ["peers_same_weakness", "peers_assessed"]].tolist() == [4, 5]
    assert crit.loc["2.3", "peers_same_weakness"] == 3
    assert crit.loc["5.2", "peers_same_weakness"] == 0
    assert pd.isna(crit.loc["1.1", "peers_same_weakness"])  # not a weakness of S1


def test_small_peer_groups_are_not_compared(tiny_store):
    add_peers(tiny_store, [0, 2, 4])  # 4 assessed THCS schools in W1 with S1
    report = sc.school_report(tiny_store, EVERYTHING, FILTERS, "S1")
    assert report.peers.assessed == 4 and not report.peers.compared and report.peers.quartiles is None
    assert report.criteria["peers_same_weakness"].isna().all()
    values = {**Scope.everything().params(), "school_id": "S1", "school_year": YEAR, "kind": "self", "min_peers": 5}
    assert tiny_store.query("school_peer_criteria", **values).empty  # nothing leaves the database
    assert tiny_store.query("school_peer_group", **values)["ge2_quartiles"].isna().all()
