"""Issue 16: revisions without loss. A new version of a plan keeps the progress of its items, a stale
export does not undo a change made since, the chosen school is the school, school lists name their
office as offices write it, and `import --db NEW.duckdb` creates the database."""

import csv
import io
import subprocess
import sys
from datetime import date

import pytest
from docx import Document
from fixtures_docx import SEED_SCHOOLS_CSV, SEEDS, table_counts

from kdcl import templates
from kdcl.access import Scope
from kdcl.db import Store
from kdcl.importing import Options, Upload, import_files, preview
from kdcl.strings import t
from kdcl.updates import update_item

ADMIN = Scope.everything(user="so")
PRINCIPAL = Scope(school_id="S1", role="principal", user="ht")

PENDING = pytest.mark.xfail(strict=True, reason="issue 16: reproduces the case before the fix")


@pytest.fixture
def store(tiny_store):
    [result] = import_files(tiny_store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
    assert result.status == "imported", [e.message for e in result.errors]
    return tiny_store


def run(store, name, data, scope=ADMIN, **options):
    [result] = import_files(store, scope, [Upload(name, data)], Options(**options))
    return result


def query(store, sql, params=()):
    with store.cursor() as cur:
        return cur.execute(sql, list(params)).fetchall()


def items(store, school_id):
    with store.cursor() as cur:
        frame = cur.execute("select * from plan_item where school_id = ? order by position", [school_id]).df()
    return frame.set_index("criterion_code", drop=False)


def docx_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def csv_bytes(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- 1. replace keeps progress


def test_a_new_version_of_a_word_plan_keeps_the_progress_of_its_items(store):
    assert run(store, "v1.docx", SEEDS["003"]()).status == "imported"
    before = items(store, "MN_TM")
    assert list(before.index) == ["1.4", "1.10", "2.2", "3.3", "5.2"]
    update_item(store, ADMIN, int(before.loc["1.4", "item_id"]), int(before.loc["1.4", "version"]), status="done",
                completed_on=date(2025, 11, 3), progress_note="Đã họp tổ chuyên môn", today=date(2025, 12, 1))
    update_item(store, ADMIN, int(before.loc["3.3", "item_id"]), int(before.loc["3.3", "version"]),
                status="in_progress", progress_note="Đã mua 2 bộ bàn ghế", today=date(2025, 12, 1))
    doc = Document(io.BytesIO(SEEDS["003"]()))
    table = doc.tables[0]
    table.rows[3].cells[5].text = "Tháng 3/2026"  # 1.4 later
    table.rows[11].cells[3].text = "Cử giáo viên đi học nâng chuẩn"  # 2.2 a new measure
    table._tbl.remove(table.rows[13]._tr)  # 3.3 no longer in the plan
    v2 = docx_bytes(doc)

    checked = run(store, "v2.docx", v2, replace=True, dry_run=True)
    assert checked.status == "ready", [e.message for e in checked.errors]
    assert t("import.revise.summary", kept=2, changed=2, new=0, removed=1) in checked.summary
    removed = [w.message for w in checked.warnings if "3.3" in w.message]
    assert removed and "Đang thực hiện" in removed[0] and "Đã mua 2 bộ bàn ghế" in removed[0]
    frame = preview(checked)
    actions = dict(zip(frame[t("import.preview.criterion")], frame[t("import.preview.action")]))
    assert actions["1.10"] == t("import.action.kept") and actions["5.2"] == t("import.action.kept")
    assert t("import.field.time_text") in actions["1.4"] and t("import.field.measures") in actions["2.2"]
    assert actions["3.3"] == t("import.action.removed")
    from kdcl.importing.validate import MATCH_RULE

    assert MATCH_RULE in " ".join(w.message for w in checked.warnings)  # the rule, shown with the preview

    result = run(store, "v2.docx", v2, replace=True)
    assert result.status == "imported", [e.message for e in result.errors]
    after = items(store, "MN_TM")
    assert list(after.index) == ["1.4", "1.10", "2.2", "5.2"]
    for code in after.index:  # same items: id and history kept
        assert after.loc[code, "item_id"] == before.loc[code, "item_id"]
    assert after.loc["1.4", "status"] == "done"  # an item done stays done
    assert after.loc["1.4", "completed_on"].date() == date(2025, 11, 3)
    assert after.loc["1.4", "progress_note"] == "Đã họp tổ chuyên môn"
    assert after.loc["1.4", "due_date"].date() == date(2026, 3, 31)
    assert after.loc["1.4", "version"] == before.loc["1.4", "version"] + 2  # done, then the new time
    assert after.loc["1.10", "version"] == before.loc["1.10", "version"]  # nothing changed
    assert after.loc["2.2", "measures"] == "Cử giáo viên đi học nâng chuẩn"
    item_14 = int(after.loc["1.4", "item_id"])
    fields = {f for (f,) in query(store, "select field from plan_item_log where item_id = ? and action = 'update'",
                                  [item_14])}
    assert {"status", "completed_on", "time_text", "due_date"} <= fields  # the history is whole
    deleted = query(store, "select item_id from plan_item_log where action = 'delete'")
    assert deleted == [(int(before.loc["3.3", "item_id"]),)]
    assert query(store, "select count(*) from plan where school_id = 'MN_TM'") == [(1,)]


# --------------------------------------------------------------------------- 2. no lost update through files


def _stale_export(store):
    """The office exports S1's items; then the principal marks 1.5 done; the office edits 3.2 in its file."""
    data, _ = templates.export_bytes(store, ADMIN, "plan", "csv", "S1", "2024-2025")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert t("import.col.version") in rows[0]
    update_item(store, PRINCIPAL, 1, 1, status="done", completed_on=date(2025, 5, 2), today=date(2025, 5, 15))
    col = {h: i for i, h in enumerate(rows[0])}
    row_32 = next(r for r in rows[1:] if r[col["Tiêu chí"]] == "3.2")
    row_32[col["Chủ trì"]] = "Phó hiệu trưởng"
    return csv_bytes(rows)


def test_a_stale_export_does_not_undo_a_change_made_since(tiny_store):
    stale = _stale_export(tiny_store)
    before = query(tiny_store, "select item_id, status, lead, version from plan_item order by item_id")
    refused = run(tiny_store, "cu.csv", stale)
    assert refused.status == "rejected" and query(
        tiny_store, "select item_id, status, lead, version from plan_item order by item_id") == before
    [conflict] = refused.conflicts
    assert conflict.item_id == 1 and conflict.changed_by == "ht" and conflict.criterion_code == "1.5"
    message = " ".join(e.message for e in refused.errors)
    assert "1.5" in message and "ht" in message and "dòng 2" in message
    kept = run(tiny_store, "cu.csv", stale, conflicts="current")
    assert kept.status == "imported", [e.message for e in kept.errors]
    assert query(tiny_store, "select status, completed_on from plan_item where item_id = 1") == [
        ("done", date(2025, 5, 2))]
    assert query(tiny_store, "select lead from plan_item where item_id = 2") == [("Phó hiệu trưởng",)]


def test_a_stale_row_is_overwritten_only_when_chosen(tiny_store):
    stale = _stale_export(tiny_store)
    chosen = run(tiny_store, "cu.csv", stale, conflict_choices={1: "file"})
    assert chosen.status == "imported", [e.message for e in chosen.errors]
    assert query(tiny_store, "select status, completed_on from plan_item where item_id = 1") == [
        ("in_progress", None)]


# --------------------------------------------------------------------------- 3. the chosen school is the school


def test_the_chosen_school_is_the_school(store):
    assert run(store, "truc-my.docx", SEEDS["003"]()).status == "imported"  # MN_TM has its plan
    mn_tm = query(store, "select item_id, version, plan_id from plan_item where school_id = 'MN_TM' order by 1")
    before = table_counts(store)
    # the same Word plan, uploaded for Hoa Sen (S3), whose own plan does not exist yet
    refused = run(store, "hoa-sen.docx", SEEDS["003"](), school="S3", replace=True)
    assert refused.status == "rejected" and table_counts(store) == before
    message = refused.errors[0].message
    assert "Trường Mầm non Trục Mỹ" in message and "Trường Mầm non Hoa Sen" in message
    accepted = run(store, "hoa-sen.docx", SEEDS["003"](), school="S3", replace=True, accept_school_mismatch=True)
    assert accepted.status == "imported", [e.message for e in accepted.errors]
    assert accepted.school_ids == ["S3"]
    assert query(store, "select count(*) from plan_item where school_id = 'S3' and plan_id in "
                        "(select plan_id from plan where school_year = '2025-2026')") == [(5,)]
    assert query(store, "select item_id, version, plan_id from plan_item where school_id = 'MN_TM' order by 1"
                 ) == mn_tm


# --------------------------------------------------------------------------- 4. school lists as offices keep them


def test_the_supervising_office_written_as_offices_write_it(tiny_store):
    header = ["Mã trường", "Tên trường", "Loại trường", "Tỉnh/Thành phố", "Xã/Phường", "Đơn vị quản lý"]
    rows = [header,
            ["A1", "Trường Tiểu học A1", "TH", "Tỉnh Thử Nghiệm", "Phường Một", "Phòng Văn hóa - Xã hội phường Một"],
            ["A2", "Trường Tiểu học A2", "TH", "Tỉnh Thử Nghiệm", "Xã Hai", "Phòng VH-XH"],
            ["A3", "Trường Tiểu học A3", "TH", "Tỉnh Thử Nghiệm", "Xã Hai", "Phòng Văn hóa – Xã hội Hai"],
            ["A4", "Trường THPT A4", "THPT", "Tỉnh Thử Nghiệm", "", "Sở GD&ĐT Tỉnh Thử Nghiệm"],
            ["A5", "Trường Tiểu học A5", "TH", "Tỉnh Thử Nghiệm", "Phường Một", "phong van hoa xa hoi Phuong Mot"]]
    result = run(tiny_store, "truong.csv", csv_bytes(rows))
    assert result.status == "imported", [e.message for e in result.errors]
    assert dict(query(tiny_store, "select school_id, unit_id from school where school_id like 'A%'")) == {
        "A1": "W1", "A2": "W2", "A3": "W2", "A4": "P", "A5": "W1"}
    bad = run(tiny_store, "sai.csv", csv_bytes([header, ["B1", "Trường B1", "TH", "Tỉnh Thử Nghiệm", "Phường Một",
                                                        "Ban quản lý dự án"]]))
    assert bad.status == "rejected"
    assert "dòng 2, cột «Đơn vị quản lý»" in bad.errors[0].message and "Ban quản lý dự án" in bad.errors[0].message


def test_one_warning_per_kind_of_created_unit(tiny_store):
    header = ["Mã trường", "Tên trường", "Loại trường", "Tỉnh/Thành phố", "Xã/Phường", "Quận/Huyện cũ"]
    rows = [header] + [[f"N{i}", f"Trường Tiểu học N{i}", "TH", "Tỉnh Thử Nghiệm", f"Xã Mới {i}", f"Huyện Mới {i % 2}"]
                       for i in range(5)]
    result = run(tiny_store, "truong.csv", csv_bytes(rows))
    assert result.status == "imported", [e.message for e in result.errors]
    created = [w.message for w in result.warnings if "tạo mới" in w.message]
    assert len(created) == 2, created  # communes, former districts
    assert any("5" in m and "Xã Mới 0" in m for m in created) and any("2" in m and "Huyện Mới 1" in m for m in created)


def test_import_into_a_new_database_creates_it(tmp_path):
    path = tmp_path / "moi" / "kdcl.duckdb"
    schools = tmp_path / "truong.csv"
    schools.write_bytes(SEED_SCHOOLS_CSV)
    out = subprocess.run([sys.executable, "-m", "kdcl", "import", str(schools), "--db", str(path)],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stdout + out.stderr
    assert t("import.cli.created_db", path=path) in out.stdout
    store = Store(path)
    try:
        assert query(store, "select count(*) from school") == [(4,)]
        assert query(store, "select count(*) > 0 from criterion") == [(True,)]
    finally:
        store.close()


# --------------------------------------------------------------------------- the CLI


def kdcl(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kdcl", *map(str, args)], capture_output=True, text=True,
                          timeout=180)


def test_cli_rejects_a_stale_export_unless_told_to_overwrite(db, tmp_path):
    export = tmp_path / "s1.csv"
    assert kdcl("export", "plan-items", "--db", db, "--school", "S1", "--year", "2024-2025", "--out", export
                ).returncode == 0
    store = Store(db)
    try:
        update_item(store, PRINCIPAL, 1, 1, status="done", completed_on=date(2025, 5, 2), today=date(2025, 5, 15))
    finally:
        store.close()
    rows = list(csv.reader(io.StringIO(export.read_text(encoding="utf-8-sig"))))
    rows[2][rows[0].index("Chủ trì")] = "Phó hiệu trưởng"
    export.write_bytes(csv_bytes(rows))
    refused = kdcl("import", export, "--db", db)
    assert refused.returncode == 1 and "1.5" in refused.stdout and "--overwrite" in refused.stdout, refused.stdout
    forced = kdcl("import", export, "--db", db, "--overwrite")
    assert forced.returncode == 0, forced.stdout
    store = Store(db)
    try:
        assert query(store, "select status from plan_item where item_id = 1") == [("in_progress",)]
    finally:
        store.close()


def test_cli_refuses_a_plan_naming_another_school_unless_accepted(db, tmp_path):
    schools, plan = tmp_path / "truong.csv", tmp_path / "ke-hoach.docx"
    schools.write_bytes(SEED_SCHOOLS_CSV)
    plan.write_bytes(SEEDS["003"]())
    assert kdcl("import", schools, "--db", db).returncode == 0
    refused = kdcl("import", plan, "--db", db, "--school", "S3")
    assert refused.returncode == 1, refused.stdout
    assert "Trường Mầm non Trục Mỹ" in refused.stdout and "Trường Mầm non Hoa Sen" in refused.stdout
    assert "--accept-school-mismatch" in refused.stdout
    accepted = kdcl("import", plan, "--db", db, "--school", "S3", "--accept-school-mismatch", "--json")
    assert accepted.returncode == 0, accepted.stdout
    assert '"schools": ["S3"]' in accepted.stdout


def test_an_item_changed_between_the_check_and_the_write_is_not_overwritten(tiny_store, monkeypatch):
    """The write itself checks versions (as kdcl.updates does): a change made while the file was being
    checked rolls the file back instead of being overwritten."""
    from kdcl.importing import service

    data, _ = templates.export_bytes(tiny_store, ADMIN, "plan", "csv", "S1", "2024-2025")
    edited = data.decode("utf-8-sig").replace("Đang thực hiện", "Chưa thực hiện", 1).encode("utf-8")
    check = service._check

    def check_then_someone_edits(ctx, result, parsed, options):
        check(ctx, result, parsed, options)
        update_item(tiny_store, PRINCIPAL, 1, 1, progress_note="Đang họp phụ huynh", today=date(2025, 5, 15))

    monkeypatch.setattr(service, "_check", check_then_someone_edits)
    result = run(tiny_store, "s1.csv", edited)
    assert result.status == "rejected" and "vừa được người khác sửa" in result.errors[0].message
    assert query(tiny_store, "select status, progress_note, version from plan_item where item_id = 1") == [
        ("in_progress", "Đang họp phụ huynh", 2)]


def test_the_match_rule_pairs_items_of_one_criterion_by_their_text():
    from kdcl.importing.validate import ItemValues, match_items

    stored = [{"item_id": 1, "criterion_code": "1.5", "weakness": "Sĩ số lớp còn cao", "measures": "Phân tuyến"},
              {"item_id": 2, "criterion_code": "1.5", "weakness": "Thiếu phòng học bộ môn", "measures": "Xây phòng"},
              {"item_id": 3, "criterion_code": "2.3", "weakness": "Giáo viên thiếu", "measures": None}]
    rows = [ItemValues(1, None, "1.5", weakness="Thiếu phòng học bộ môn (tin học)", measures="Xây thêm phòng"),
            ItemValues(2, None, "1.5", weakness="Sĩ số lớp cao", measures="Phân tuyến tuyển sinh"),
            ItemValues(3, None, "1.5", weakness="Một điểm yếu mới"),
            ItemValues(4, None, "2.3"), ItemValues(5, None, "4.1")]
    assert [m["item_id"] if m else None for m in match_items(rows, stored)] == [2, 1, None, 3, None]
    same_text = [ItemValues(1, None, "1.5"), ItemValues(2, None, "1.5")]  # nothing to tell them apart: in order
    assert [m["item_id"] for m in match_items(same_text, stored)] == [1, 2]
