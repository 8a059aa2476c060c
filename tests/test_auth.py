"""Accounts: argon2 hashes, sign-in, lockout after 5 failures, password change, scopes."""

from datetime import datetime, timedelta

import pytest

from kdcl import auth
from kdcl.access import Scope


def test_password_is_stored_only_as_a_salted_argon2_hash(tiny_store):
    auth.add_user(tiny_store, "hieutruong.s1", "mat-khau-dai", "principal", school_id="S1")
    auth.add_user(tiny_store, "hieutruong.s2", "mat-khau-dai", "principal", school_id="S2")
    with tiny_store.cursor() as cur:
        hashes = [r[0] for r in cur.execute("select password_hash from app_user order by username").fetchall()]
        dump = str(cur.execute("select * from app_user").fetchall())
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert hashes[0] != hashes[1]  # same password, different salt
    assert "mat-khau-dai" not in dump
    assert "password_hash" not in auth.list_users(tiny_store).columns


def test_sign_in_gives_the_role_scope(tiny_store):
    auth.add_user(tiny_store, "phong.w1", "matkhau-phong", "office", unit_id="W1")
    auth.add_user(tiny_store, "ht.s1", "matkhau-ht-s1", "principal", school_id="S1")
    auth.add_user(tiny_store, "hdnd", "matkhau-hdnd", "viewer")
    assert auth.authenticate(tiny_store, "phong.w1", "matkhau-phong") == Scope(unit_id="W1", role="office",
                                                                              user="phong.w1")
    principal = auth.authenticate(tiny_store, "HT.S1 ", "matkhau-ht-s1")
    assert (principal.school_id, principal.role, principal.can_write) == ("S1", "principal", True)
    viewer = auth.authenticate(tiny_store, "hdnd", "matkhau-hdnd")
    assert (viewer.unit_id, viewer.school_id, viewer.can_write) == (None, None, False)


def test_wrong_password_and_unknown_user_get_the_same_message(tiny_store):
    auth.add_user(tiny_store, "admin", "matkhau-admin", "admin")
    with pytest.raises(auth.AuthError) as wrong:
        auth.authenticate(tiny_store, "admin", "sai-mat-khau")
    with pytest.raises(auth.AuthError) as unknown:
        auth.authenticate(tiny_store, "khong-co", "sai-mat-khau")
    assert str(wrong.value) == str(unknown.value) == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_lockout_after_five_failures_then_wait(tiny_store):
    auth.add_user(tiny_store, "admin", "matkhau-admin", "admin")
    now = datetime(2025, 5, 15, 8, 0)
    for _ in range(auth.MAX_FAILED):
        with pytest.raises(auth.AuthError, match="không đúng"):
            auth.authenticate(tiny_store, "admin", "sai", now=now)
    with pytest.raises(auth.AuthError, match="tạm khóa"):
        auth.authenticate(tiny_store, "admin", "matkhau-admin", now=now + timedelta(minutes=1))
    later = now + timedelta(minutes=auth.LOCK_MINUTES + 1)
    assert auth.authenticate(tiny_store, "admin", "matkhau-admin", now=later).role == "admin"
    assert auth.list_users(tiny_store).loc[0, "failed_logins"] == 0


def test_change_reset_disable(tiny_store):
    auth.add_user(tiny_store, "admin", "matkhau-admin", "admin")
    with pytest.raises(auth.AuthError):
        auth.change_password(tiny_store, "admin", "sai-cu", "matkhau-moi")
    with pytest.raises(auth.AuthError, match="ít nhất 8"):
        auth.change_password(tiny_store, "admin", "matkhau-admin", "ngan")
    auth.change_password(tiny_store, "admin", "matkhau-admin", "matkhau-moi")
    assert auth.authenticate(tiny_store, "admin", "matkhau-moi").role == "admin"
    auth.reset_password(tiny_store, "admin", "matkhau-reset")
    assert auth.authenticate(tiny_store, "admin", "matkhau-reset").role == "admin"
    auth.set_disabled(tiny_store, "admin")
    with pytest.raises(auth.AuthError, match="bị khóa"):
        auth.authenticate(tiny_store, "admin", "matkhau-reset")
    assert not auth.has_users(tiny_store)


def test_bad_accounts_are_refused(tiny_store):
    with pytest.raises(auth.AuthError, match="mã trường"):
        auth.add_user(tiny_store, "ht", "matkhau-123", "principal")
    with pytest.raises(auth.AuthError, match="mã đơn vị"):
        auth.add_user(tiny_store, "ph", "matkhau-123", "office")
    with pytest.raises(auth.AuthError, match="Không tạo được"):
        auth.add_user(tiny_store, "ht", "matkhau-123", "principal", school_id="KHONG-CO")
    with pytest.raises(auth.AuthError, match="Vai trò"):
        auth.add_user(tiny_store, "x1x", "matkhau-123", "root")
    assert auth.list_users(tiny_store).empty


def test_password_checks_take_turns(monkeypatch):
    """Issue 20: 25 sign-ins at once ran 25 argon2 checks of 4 lanes and 64 MiB each on 2 cores (the median
    sign-in took 14 s); they now queue, as many at once as the cores hold their lanes."""
    import os
    import threading
    import time

    running, most = [0], [0]
    lock = threading.Lock()

    class Counting:
        parallelism = auth._hasher.parallelism

        def verify(self, password_hash, password):
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            time.sleep(0.02)
            with lock:
                running[0] -= 1
            return True

    monkeypatch.setattr(auth, "_hasher", Counting())
    threads = [threading.Thread(target=auth._verify, args=("h", "p")) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == max(1, (os.cpu_count() or 1) // Counting.parallelism)


def test_a_hash_of_the_old_setting_still_signs_in_and_is_rehashed(tiny_store):
    """Issue 20: the hash setting went from argon2-cffi's default (64 MiB, 3 passes, 4 lanes) to OWASP's
    46 MiB, 1 pass, 1 lane; an account stored with the old setting keeps signing in and is re-hashed then."""
    from argon2 import PasswordHasher
    from argon2.profiles import RFC_9106_LOW_MEMORY

    auth.add_user(tiny_store, "ht.cu", "mat-khau-cu-1", "principal", school_id="S1")
    old = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY).hash("mat-khau-cu-1")
    with tiny_store.cursor() as cur:
        cur.execute("update app_user set password_hash = ? where username = 'ht.cu'", [old])
    assert auth.authenticate(tiny_store, "ht.cu", "mat-khau-cu-1").school_id == "S1"
    with tiny_store.cursor() as cur:
        stored = cur.execute("select password_hash from app_user where username = 'ht.cu'").fetchone()[0]
    assert stored != old and stored.startswith("$argon2id$v=19$m=47104,t=1,p=1$")
    assert auth.authenticate(tiny_store, "ht.cu", "mat-khau-cu-1").school_id == "S1"
