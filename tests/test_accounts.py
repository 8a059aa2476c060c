"""Issue 18: the accounts page's rules (kdcl.accounts) and the account log, on the tiny database."""

import shutil

import pytest

from kdcl import accounts, auth
from kdcl.access import AccessDenied, Scope

ADMIN = Scope.everything(user="admin")


@pytest.fixture
def store(tiny_store):
    auth.add_user(tiny_store, "admin", "matkhau-admin", "admin", actor="cli")
    auth.add_user(tiny_store, "phong", "matkhau-phong", "office", unit_id="W1", actor="admin")
    return tiny_store


def office(store) -> Scope:
    return auth.authenticate(store, "phong", "matkhau-phong")


def test_admin_adds_disables_enables_resets_and_rescopes_with_a_log(store):
    accounts.add(store, ADMIN, "HT1", "matkhau-ht1", "principal", school_id="S1")
    assert auth.authenticate(store, "ht1", "matkhau-ht1").school_id == "S1"
    accounts.set_disabled(store, ADMIN, "ht1", True)
    with pytest.raises(auth.AuthError, match="đã bị khóa"):
        auth.authenticate(store, "ht1", "matkhau-ht1")
    accounts.set_disabled(store, ADMIN, "ht1", False)
    accounts.reset_password(store, ADMIN, "ht1", "matkhau-moi-1")
    accounts.set_role(store, ADMIN, "ht1", "viewer", unit_id="P")
    scope = auth.authenticate(store, "ht1", "matkhau-moi-1")
    assert (scope.role, scope.unit_id, scope.school_id) == ("viewer", "P", None)
    log = accounts.log(store, ADMIN)
    ht1 = log[log["username"] == "ht1"]
    assert ht1["action"].tolist() == ["set_role", "reset_password", "enable", "disable", "add"]  # newest first
    assert set(ht1["actor"]) == {"admin"}
    assert ht1["detail"].tolist()[0] == "viewer P" and ht1["detail"].tolist()[-1] == "principal S1"
    assert log[log["username"] == "admin"]["actor"].tolist() == ["cli"]


def test_the_same_rules_and_messages_as_the_command_line(store):
    with pytest.raises(auth.AuthError, match="cần mã trường"):
        accounts.add(store, ADMIN, "ht2", "matkhau-ht2", "principal")
    with pytest.raises(auth.AuthError, match="ít nhất 8 ký tự"):
        accounts.add(store, ADMIN, "ht2", "ngan", "principal", school_id="S1")
    with pytest.raises(auth.AuthError, match="đã tồn tại"):
        accounts.add(store, ADMIN, "phong", "matkhau-phong", "office", unit_id="W1")
    with pytest.raises(auth.AuthError, match="tự khóa"):
        accounts.set_disabled(store, ADMIN, "admin", True)
    assert not any(accounts.log(store, ADMIN)["username"] == "ht2")  # nothing half written


def test_an_office_manages_only_the_principals_of_its_schools(store):
    me = office(store)
    mine = set(accounts.schools(store, me)["school_id"])
    everywhere = set(accounts.schools(store, ADMIN)["school_id"])
    assert mine and everywhere - mine  # the tiny database has schools on both sides
    inside, outside = sorted(mine)[0], sorted(everywhere - mine)[0]
    accounts.add(store, ADMIN, "ht0", "matkhau-ht0", "principal", school_id=outside)  # not the office's
    accounts.add(store, me, "ht1", "matkhau-ht1", "principal", school_id=inside)
    with pytest.raises(AccessDenied, match="chỉ tạo được tài khoản hiệu trưởng"):
        accounts.add(store, me, "phong2", "matkhau-phong2", "office", unit_id="W1")
    with pytest.raises(AccessDenied, match="không thuộc phạm vi"):
        accounts.add(store, me, "ht9", "matkhau-ht9", "principal", school_id=outside)
    assert accounts.manageable(store, me)["username"].tolist() == ["ht1"]
    for other in ("admin", "ht0"):
        with pytest.raises(AccessDenied, match="không có quyền"):
            accounts.set_disabled(store, me, other, True)
    accounts.reset_password(store, me, "ht1", "matkhau-moi-1")
    assert set(accounts.log(store, me)["username"]) == {"ht1"}
    with pytest.raises(AccessDenied):
        accounts.manageable(store, Scope(school_id=inside, role="principal", user="ht1"))


def test_the_page_lists_what_each_manager_may_change(db, monkeypatch):
    from conftest import page_app

    from kdcl.db import Store

    copy = Store(db)
    auth.add_user(copy, "phong", "matkhau-phong", "office", unit_id="W1")
    auth.add_user(copy, "ht2", "matkhau-ht2", "principal", school_id="S2")
    copy.close()
    admin = page_app("accounts", db, monkeypatch, scope=ADMIN).run()
    assert not admin.exception
    assert set(admin.dataframe[0].value["username"]) == {"phong", "ht2"}
    admin.selectbox(key="acc_pick").select("phong").run()
    assert not admin.exception and admin.button(key="acc_disable")
    office_scope = Scope(unit_id="W1", role="office", user="phong")
    office_page = page_app("accounts", db, monkeypatch, scope=office_scope).run()
    assert not office_page.exception
    assert office_page.dataframe[0].value["username"].tolist() == ["ht2"]
    assert office_page.selectbox(key="acc_add_role").options == ["Hiệu trưởng"]
    viewer = page_app("accounts", db, monkeypatch, scope=Scope(role="viewer", user="hdnd")).run()
    assert "Chỉ quản trị viên và cơ quan quản lý" in viewer.info[0].value


def test_the_account_forms_find_a_school_typed_without_accents(demo_db_path, tmp_path, monkeypatch):
    """With more schools than a plain list shows (the demo's 60), the add form's search box finds
    "Trường …" from its name typed without accents, as every school picker does."""
    from conftest import page_app

    from kdcl.db import Store
    from kdcl.text import fold

    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, db)
    store = Store(db)
    with store.cursor() as cur:
        name = cur.execute("select name from school order by school_id limit 1").fetchone()[0]
    store.close()
    at = page_app("accounts", db, monkeypatch, scope=ADMIN).run()
    assert not at.exception
    at.text_input(key="acc_add_school_search").input(fold(name)).run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(name in str(label) for label in at.selectbox(key="acc_add_school").options)
