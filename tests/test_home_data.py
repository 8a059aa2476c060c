"""kdcl.data.home: the principal's home groups and one-school tables on the tiny database (S1)."""

from factory import AS_OF, YEAR

from kdcl.access import Scope
from kdcl.data import Filters
from kdcl.data import home
from kdcl.data.school import school_report

PRINCIPAL = Scope(school_id="S1", role="principal", user="ht")


def test_item_group_reads_bucket_then_status():
    assert home.item_group("in_progress", "overdue") == "overdue"
    assert home.item_group("not_started", "at_risk") == "due_soon"
    assert home.item_group("in_progress", "no_deadline") == "in_progress"
    assert home.item_group("not_started", "on_track") == "not_started"
    assert home.item_group("done", "done") == "done"
    assert home.item_group("dropped", "dropped") == "dropped"


def test_school_home_groups_s1_items(tiny_store):
    h = home.home_of(school_report(tiny_store, PRINCIPAL, Filters(school_year=YEAR, as_of=AS_OF), "S1"))
    assert h.counts == {"overdue": 1, "due_soon": 1, "in_progress": 1, "not_started": 1, "done": 2, "dropped": 1}
    assert h.groups["overdue"]["criterion_code"].tolist() == ["1.5"]
    assert h.groups["done"]["criterion_code"].tolist() == ["2.3", "5.6"]  # by due date
    assert {"version", "progress_note", "lead_role"} <= set(h.report.items.columns)


def test_weaknesses_and_criteria_over_the_years(tiny_store):
    report = home.home_of(school_report(tiny_store, PRINCIPAL, Filters(school_year=YEAR, as_of=AS_OF), "S1")).report
    weak = home.school_weaknesses(report)
    assert len(weak) == 12 and weak["blocking"].all()  # every planned criterion also keeps S1 from Mức 2
    assert weak.set_index("criterion_code").loc["1.5", "weakness"] == "Sĩ số học sinh ở các lớp còn cao"
    wide = home.criteria_over_years(report)
    assert list(wide.columns) == ["criterion_code", "criterion_name", "2023-2024", "2024-2025"]
    assert len(wide) == 28 and wide.set_index("criterion_code").loc["1.5"].tolist()[1:] == [2, 1]
