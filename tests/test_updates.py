"""Status updates of plan items: history, optimistic locking under concurrency,
all-or-nothing bulk updates, refused edits that change nothing, and who may write."""

import threading
from datetime import date, timedelta

import pytest
from factory import AS_OF, YEAR

from kdcl import updates
from kdcl.access import AccessDenied, Scope
from kdcl.data import Filters
from kdcl.data import plan_items as pi
from kdcl.db import Store

OFFICE = Scope(unit_id="P", role="office", user="phong")
FILTERS = Filters(school_year=YEAR, as_of=AS_OF)
TODAY = date(2025, 6, 1)
CONFLICT = "Mục này vừa được người khác cập nhật; hãy tải lại và thử lại."


def item(store, item_id: int) -> dict:
    with store.cursor() as cur:
        cur.execute(
            "select status, status_reason, completed_on, progress_note, version, updated_by from plan_item"
            " where item_id = ?",
            [item_id],
        )
        names = [d[0] for d in cur.description]
        return dict(zip(names, cur.fetchone()))


def log(store, item_id: int) -> list[tuple]:
    with store.cursor() as cur:
        return cur.execute(
            "select changed_by, action, field, old_value, new_value from plan_item_log"
            " where item_id = ? and action = 'update' order by log_id",
            [item_id],
        ).fetchall()


def test_marking_done_moves_the_item_and_logs_every_field(tiny_store):
    before = tiny_store.data_version
    version = updates.update_item(
        tiny_store, OFFICE, 1, 1, status="done", completed_on=date(2025, 5, 20), progress_note="Đã phân tuyến xong",
        today=TODAY,
    )
    assert version == 2 and tiny_store.data_version > before
    assert item(tiny_store, 1) == {"status": "done", "status_reason": None, "completed_on": date(2025, 5, 20),
                                   "progress_note": "Đã phân tuyến xong", "version": 2, "updated_by": "phong"}
    assert log(tiny_store, 1) == [
        ("phong", "update", "status", "in_progress", "done"),
        ("phong", "update", "completed_on", None, "2025-05-20"),
        ("phong", "update", "progress_note", None, "Đã phân tuyến xong"),
    ]
    summary = pi.overdue_summary(tiny_store, OFFICE, FILTERS)
    assert (summary["overdue"], summary["done"], summary["done_late"]) == (1, 3, 2)  # 20/05 is after 31/03
    history = pi.history_frame(pi.item_history(tiny_store, OFFICE, 1))
    assert history.iloc[:, 2].tolist()[:3] == ["Trạng thái thực hiện", "Ngày hoàn thành", "Ghi chú tiến độ"]
    status_row = history[history["Nội dung"] == "Trạng thái thực hiện"].iloc[0]
    assert (status_row["Giá trị cũ"], status_row["Giá trị mới"]) == ("Đang thực hiện", "Hoàn thành")
    assert history.iloc[-1]["Nội dung"] == "Tạo mục (nhập kế hoạch)"


def test_done_on_time_and_done_late_are_counted_apart(tiny_store):
    updates.update_item(tiny_store, OFFICE, 2, 1, status="done", completed_on=date(2025, 5, 31), today=TODAY)
    on_time = pi.overdue_summary(tiny_store, OFFICE, FILTERS)
    assert (on_time["done_on_time"], on_time["done_late"]) == (2, 1)  # due 31/05, done 31/05: on time
    updates.update_item(tiny_store, OFFICE, 2, 2, completed_on=date(2025, 6, 1), today=TODAY)
    late = pi.overdue_summary(tiny_store, OFFICE, FILTERS)
    assert (late["done_on_time"], late["done_late"]) == (1, 2)


def test_marking_done_without_a_date_records_today_and_leaving_done_clears_it(tiny_store):
    updates.update_item(tiny_store, OFFICE, 8, 1, status="done", today=TODAY)
    assert item(tiny_store, 8)["completed_on"] == TODAY
    updates.update_item(tiny_store, OFFICE, 8, 2, status="in_progress", today=TODAY)
    assert item(tiny_store, 8)["completed_on"] is None
    assert log(tiny_store, 8)[-2:] == [
        ("phong", "update", "status", "done", "in_progress"),
        ("phong", "update", "completed_on", TODAY.isoformat(), None),
    ]


def test_an_unchanged_item_keeps_its_version_and_logs_nothing(tiny_store):
    assert updates.update_item(tiny_store, OFFICE, 1, 1, status="in_progress", today=TODAY) == 1
    assert item(tiny_store, 1)["version"] == 1 and log(tiny_store, 1) == []


def test_a_stale_version_is_a_conflict_and_changes_nothing(tiny_store):
    updates.update_item(tiny_store, OFFICE, 1, 1, progress_note="Lần 1", today=TODAY)
    with pytest.raises(updates.ConflictError) as err:
        updates.update_item(tiny_store, OFFICE, 1, 1, status="done", today=TODAY)
    assert str(err.value) == CONFLICT
    assert item(tiny_store, 1)["status"] == "in_progress" and item(tiny_store, 1)["version"] == 2
    assert len(log(tiny_store, 1)) == 1


def _race(stores, scope, item_id, n=2):
    """n threads update one item with the same expected version at the same moment."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def worker(i):
        barrier.wait()
        try:
            results[i] = updates.update_item(
                stores[i % len(stores)], scope, item_id, 1, progress_note=f"Người thứ {i + 1}", today=TODAY
            )
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            results[i] = exc

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    return results


def test_two_threads_with_the_same_version_exactly_one_wins(tiny_store):
    results = _race([tiny_store], OFFICE, 1)
    wins = [r for r in results if r == 2]
    conflicts = [r for r in results if isinstance(r, updates.ConflictError)]
    assert len(wins) == 1 and len(conflicts) == 1, results
    assert str(conflicts[0]) == CONFLICT
    changes = log(tiny_store, 1)
    assert len(changes) == 1 and changes[0][2] == "progress_note"
    assert item(tiny_store, 1)["progress_note"] == changes[0][4] and item(tiny_store, 1)["version"] == 2


def test_two_connections_racing_still_let_exactly_one_win(tiny_store, tmp_path):
    """Two Store objects (no shared lock): DuckDB's own write conflict also becomes ConflictError."""
    other = Store(tiny_store.path)
    try:
        for attempt in range(3):  # the race is real: check it several times
            item_id = (1, 2, 8)[attempt]
            results = _race([tiny_store, other], OFFICE, item_id)
            assert sum(r == 2 for r in results) == 1, results
            assert sum(isinstance(r, updates.ConflictError) for r in results) == 1, results
            assert len(log(tiny_store, item_id)) == 1 and item(tiny_store, item_id)["version"] == 2
    finally:
        other.close()


def test_bulk_update_is_all_or_nothing(tiny_store):
    with pytest.raises(updates.ConflictError):
        updates.bulk_update(tiny_store, OFFICE, {1: 1, 8: 7}, status="done", today=TODAY)  # 8 is at version 1
    assert item(tiny_store, 1)["status"] == "in_progress" and item(tiny_store, 1)["version"] == 1
    assert log(tiny_store, 1) == [] and log(tiny_store, 8) == []

    with pytest.raises(updates.UpdateError):  # one item refuses (a reason is needed): none changes
        updates.update_items(tiny_store, OFFICE, [
            updates.ItemChange(1, 1, status="done", today=TODAY),
            updates.ItemChange(8, 1, status="dropped", today=TODAY),
        ])
    assert item(tiny_store, 1)["status"] == "in_progress"

    versions = updates.bulk_update(tiny_store, OFFICE, {1: 1, 8: 1}, status="dropped",
                                   status_reason="Chuyển sang năm học sau", today=TODAY)
    assert versions == {1: 2, 8: 2}
    assert item(tiny_store, 8)["status_reason"] == "Chuyển sang năm học sau"
    assert pi.overdue_summary(tiny_store, OFFICE, FILTERS)["overdue"] == 0


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"status": "dropped"}, "Cần ghi lý do khi chuyển mục sang «Không thực hiện»."),
        ({"status": "dropped", "status_reason": "   "}, "Cần ghi lý do khi chuyển mục sang «Không thực hiện»."),
        ({"status": "in_progress", "completed_on": date(2025, 5, 1)},
         "Chỉ ghi ngày hoàn thành cho mục ở trạng thái «Hoàn thành»."),
        ({"status": "done", "completed_on": TODAY + timedelta(days=1)},
         "Ngày hoàn thành 02/06/2025 nằm ở tương lai; hãy chọn hôm nay hoặc một ngày đã qua."),
        ({"status": "finished"}, "Trạng thái «finished» không hợp lệ."),
    ],
)
def test_a_refused_edit_leaves_the_item_as_it_was(tiny_store, fields, message):
    before = item(tiny_store, 1)
    with pytest.raises(updates.UpdateError) as err:
        updates.update_item(tiny_store, OFFICE, 1, 1, today=TODAY, **fields)
    assert str(err.value) == message
    assert item(tiny_store, 1) == before and log(tiny_store, 1) == []


def test_the_databases_own_check_is_translated_and_rolls_back(tiny_store, monkeypatch):
    """Should the Python checks miss a case, the table's CHECK constraint still refuses it:
    the user gets a Vietnamese message and nothing changes."""
    monkeypatch.setattr(
        updates, "new_values",
        lambda current, change: {"status": "in_progress", "status_reason": None, "completed_on": date(2025, 5, 1),
                                 "progress_note": "x"},
    )
    before = item(tiny_store, 1)
    with pytest.raises(updates.UpdateError) as err:
        updates.update_item(tiny_store, OFFICE, 1, 1, today=TODAY)
    assert "mục vẫn giữ nguyên" in str(err.value)
    assert item(tiny_store, 1) == before and log(tiny_store, 1) == []


def test_who_may_write(tiny_store):
    viewer = Scope(unit_id="P", role="viewer", user="hdnd")
    with pytest.raises(AccessDenied, match="chỉ có quyền xem"):
        updates.update_item(tiny_store, viewer, 1, 1, status="done", today=TODAY)
    other_school = Scope(school_id="S2", role="principal", user="ht2")
    with pytest.raises(AccessDenied):
        updates.update_item(tiny_store, other_school, 1, 1, status="done", today=TODAY)
    other_unit = Scope(unit_id="W2", role="office", user="xa2")
    with pytest.raises(AccessDenied):
        updates.update_item(tiny_store, other_unit, 1, 1, status="done", today=TODAY)
    with pytest.raises(AccessDenied):
        updates.update_item(tiny_store, OFFICE, 9999, 1, status="done", today=TODAY)
    assert item(tiny_store, 1)["version"] == 1 and log(tiny_store, 1) == []
    own = Scope(school_id="S1", role="principal", user="ht1")
    assert updates.update_item(tiny_store, own, 1, 1, status="done", today=TODAY) == 2
    assert log(tiny_store, 1)[0][0] == "ht1"


def test_the_same_item_twice_in_one_update_is_refused(tiny_store):
    with pytest.raises(updates.UpdateError):
        updates.update_items(tiny_store, OFFICE, [updates.ItemChange(1, 1, status="done", today=TODAY)] * 2)
    assert updates.update_items(tiny_store, OFFICE, []) == {}
