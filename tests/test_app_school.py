"""pages/school.py ("Trường") run by Streamlit's AppTest on the tiny real database.

S1 (seed 002 numbers): 28/28 criteria at Mức 1, 16/28 at Mức 2 (57,14%), 0/20 at
Mức 3 -> Mức 1, down from Mức 2 in 2023-2024; 12 criteria keep it from Mức 2, 5 of
them without a plan item; 7 plan items (1 overdue, 1 at risk, 2 done).
"""


import json

from conftest import ROOT, page_app
from factory import PREVIOUS_YEAR
from streamlit.testing.v1 import AppTest
from test_levels import add_peers

from kdcl.access import Scope
from kdcl.charts import LEVEL_PILL_COLORS, contrast, pill_text_color
from kdcl.db import Store
from kdcl.strings import LEVEL_LABELS, LEVEL_ORDER

PAGE = str(ROOT / "pages/school.py")


def make_app(db_path, monkeypatch, scope=None, **params: str):
    return page_app("school", db_path, monkeypatch, scope, **params)


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.info, *at.warning, *at.success, *at.caption])


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_asks_for_a_school_first(db, monkeypatch):
    at = make_app(db, monkeypatch).run()
    assert not at.exception
    assert at.title[0].value == "Tự đánh giá của trường"
    assert "Chọn một trường" in at.info[0].value
    assert at.selectbox(key="w_school").options == [
        "Trường Mầm non Hoa Sen · Xã Hai (S3)",
        "Trường THCS Lý Tự Trọng · Phường Một (S1)",
        "Trường Tiểu học Kim Đồng · Phường Một (S2)",
    ]


def test_many_schools_are_searched_before_picking(db, monkeypatch):
    """Above ui.PICKER_LIMIT schools the picker lists only what a search matches (accents and
    case ignored); a school given in the URL stays selectable."""
    from kdcl import ui

    monkeypatch.setattr(ui, "PICKER_LIMIT", 2)
    at = make_app(db, monkeypatch).run()
    assert not at.exception
    assert at.selectbox(key="w_school").options == []
    assert "Tìm trường" in at.selectbox(key="w_school").placeholder
    at.text_input(key="w_school_search").input("kim dong").run()
    assert at.selectbox(key="w_school").options == ["Trường Tiểu học Kim Đồng · Phường Một (S2)"]
    at.text_input(key="w_school_search").input("PHƯỜNG").run()
    assert len(at.selectbox(key="w_school").options) == 2
    at.text_input(key="w_school_search").input("không có").run()
    assert "Không có trường nào khớp «không có»" in at.selectbox(key="w_school").placeholder
    linked = make_app(db, monkeypatch, school="S1").run()
    assert linked.selectbox(key="w_school").value == "S1"
    assert "Kết quả: Trường đạt **Mức 1**." in text(linked)


def test_a_search_without_accents_narrows_a_short_list(db, monkeypatch):
    """Issue 18: from ui.SEARCH_FROM schools a search box above the picker finds "Lý Tự Trọng" from
    "ly tu trong" (the selectbox's own type-to-search needs the accents); empty, it lists every school."""
    from kdcl import ui

    monkeypatch.setattr(ui, "SEARCH_FROM", 2)
    at = make_app(db, monkeypatch).run()
    assert not at.exception
    assert len(at.selectbox(key="w_school").options) == 3
    at.text_input(key="w_school_search").input("ly tu trong").run()
    assert at.selectbox(key="w_school").options == ["Trường THCS Lý Tự Trọng · Phường Một (S1)"]


def test_s1_official_summary(db, monkeypatch):
    at = make_app(db, monkeypatch, school="S1").run()
    assert not at.exception
    body = text(at)
    assert "Số lượng các tiêu chí đạt Mức 1: **28/28**, tỉ lệ **100,00%**" in body
    assert "Số lượng các tiêu chí đạt Mức 2: **16/28**, tỉ lệ **57,14%**" in body
    assert "Số lượng các tiêu chí đạt Mức 3: **0/20**, tỉ lệ **0,00%**" in body
    assert "Kết quả: Trường đạt **Mức 1**." in body
    level = next(m for m in at.metric if m.label == "Mức đạt của trường")
    assert level.value == "Mức 1" and level.delta.startswith("-1 mức so với năm học 2023-2024")
    assert "Để đạt **Mức 2**, trường cần nâng **12** tiêu chí: 1.5, 1.6, 1.8" in body
    without_plan = "5 tiêu chí trong số đó chưa có mục nào trong kế hoạch cải tiến năm học này: "
    without_plan += "1.6, 1.8, 3.5, 3.6, 5.2."
    assert without_plan in body
    assert "2023-2024: **Mức 2** → 2024-2025: **Mức 1**" in body


def test_s1_criteria_and_plan(db, monkeypatch):
    at = make_app(db, monkeypatch, school="S1").run()
    criteria = at.dataframe[0].value.set_index("criterion")
    assert len(criteria) == 28
    row = criteria.filter(like="1.5 ·", axis=0).iloc[0]
    # a level cell is a one-label list, drawn as a pill in the level's colour (no pandas Styler, issue 20)
    assert (list(row["level"]), row["blocking"], row["target"], row["status"]) == (
        ["Mức 1"], "✔", "Mức 2", "1 quá hạn")
    c11 = criteria.filter(like="1.1 ·", axis=0).iloc[0]
    assert (list(c11["level"]), list(c11["external"]), c11["blocking"]) == (["Mức 2"], ["Mức 1"], "")
    level_columns = {k: v for k, v in json.loads(at.dataframe[0].proto.columns).items() if k in ("level", "external")}
    assert set(level_columns) == {"level", "external"}
    for column in level_columns.values():
        options = {o["value"]: o["color"] for o in column["type_config"]["options"]}
        assert options == {LEVEL_LABELS[k]: LEVEL_PILL_COLORS[k] for k in LEVEL_ORDER}
        for fill in options.values():  # the text Streamlit draws on each label reads, on a projector too
            assert contrast(fill, pill_text_color(fill)) >= 4.5
    kpi = metrics(at)
    assert (kpi["Mục kế hoạch"], kpi["Quá hạn"], kpi["Sắp đến hạn"], kpi["Hoàn thành"]) == ("7", "1", "1", "2")
    items = at.dataframe[1].value
    assert len(items) == 7
    late = items.set_index("criterion_code").loc["1.5"]
    assert (late["bucket_text"], late["days_late"], late["due"]) == ("Quá hạn", 45, "31/03/2025")
    assert items.set_index("criterion_code").loc["3.2", "budget"] == "60.000.000 đ"
    charts = at.get("plotly_chart")
    assert len(charts) == 2  # the plan timeline and the levels over the years


def test_small_peer_group_is_not_compared(db, monkeypatch):
    at = make_app(db, monkeypatch, school="S1").run()
    assert any("Không so sánh" in i.value and "chỉ có 1 trường" in i.value for i in at.info)


def test_peers_shown_as_quartiles_not_ranks(db, monkeypatch):
    store = Store(db)
    add_peers(store, [0, 2, 4, 6, 8])
    store.close()
    at = make_app(db, monkeypatch, school="S1").run()
    assert not at.exception
    body = text(at)
    assert "Trường có **16/28** tiêu chí đạt Mức 2 trở lên. Trong 6 trường của nhóm" in body
    assert "từ 20 tiêu chí trở xuống, trung vị là 22, một phần tư có từ 26 trở lên" in body
    assert "nhóm thấp" in body
    assert "tiêu chí 1.5: 4/5 trường" in body
    assert "hạng" not in body.replace("Không xếp hạng", "")
    criteria = at.dataframe[0].value.set_index("criterion")
    assert criteria.filter(like="1.5 ·", axis=0).iloc[0]["peers"] == "4/5"


def test_s2_at_the_top_and_s3_without_plan(db, monkeypatch):
    at = make_app(db, monkeypatch, school="S2").run()
    assert not at.exception
    assert "Số lượng các tiêu chí đạt Mức 3: **19/19**, tỉ lệ **100,00%**" in text(at)
    assert any("mức cao nhất" in s.value for s in at.success)
    assert any("Mới có kết quả tự đánh giá của năm học 2024-2025" in i.value for i in at.info)
    at = make_app(db, monkeypatch, school="S3").run()
    assert not at.exception
    assert "Kết quả: Trường **chưa đạt Mức 1**." in text(at)  # issue 18: a sentence, not "đạt Chưa đạt"
    assert any("chưa có kế hoạch cải tiến" in i.value for i in at.info)


def test_year_without_assessment(db, monkeypatch):
    at = make_app(db, monkeypatch, school="S2", year=PREVIOUS_YEAR).run()
    assert not at.exception
    assert any("chưa có kết quả tự đánh giá năm học 2023-2024" in i.value for i in at.info)


def test_picking_a_school_is_kept_in_the_url(db, monkeypatch):
    at = make_app(db, monkeypatch).run()
    at.selectbox(key="w_school").set_value("S1").run()
    assert not at.exception
    assert at.query_params["school"] == ["S1"] or at.query_params["school"] == "S1"
    assert "**16/28**" in text(at)


def test_school_outside_the_scope_is_refused(db, monkeypatch):
    principal = Scope(school_id="S2", role="principal", user="hieutruong")
    at = make_app(db, monkeypatch, scope=principal, school="S1").run()
    assert not at.exception
    assert any("«S1»" in w.value for w in at.warning)  # reported, then the principal's own school
    assert at.selectbox(key="w_school").value == "S2"
    assert "**27/27**" in text(at)


def test_below_level_1_and_the_former_unit_read_as_sentences(db, monkeypatch):
    """Issue 18: "Kết quả: Trường chưa đạt Mức 1." (not "đạt Chưa đạt Mức 1"), and the former district
    without its "(cũ)" inside "(trước đây: …)"."""
    at = make_app(db, monkeypatch, school="S3").run()
    assert not at.exception
    shown = text(at)
    assert "Kết quả: Trường **chưa đạt Mức 1**." in shown
    assert "đạt **Chưa đạt" not in shown
    assert "(trước đây: Huyện Cũ)" in shown and "(cũ))" not in shown
