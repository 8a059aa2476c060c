"""Issue 18: rough edges found by an office clerk, each checked on the tiny database through AppTest."""

from conftest import page_app

from kdcl.access import Scope


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_a_person_limited_to_one_ward_sees_that_ward_in_the_context_line(db, monkeypatch):
    at = page_app("overview", db, monkeypatch, scope=Scope(unit_id="W1", role="office", user="phong")).run()
    assert not at.exception
    line = captions(at)
    assert "Phường Một" in line
    assert "Đơn vị quản lý: tất cả" not in line
    everything = page_app("overview", db, monkeypatch).run()
    assert "Đơn vị quản lý: tất cả" in captions(everything)  # everyone's scope: still "tất cả"


def test_the_terminal_says_the_demo_database_is_being_built(tmp_path, monkeypatch, capsys):
    from kdcl import stores

    monkeypatch.delenv("KDCL_DB", raising=False)
    monkeypatch.setattr(stores, "DEMO_PATH", tmp_path / "demo.duckdb")
    stores.open_configured().close()
    said = capsys.readouterr().err
    assert "Đang tạo cơ sở dữ liệu mẫu lần đầu" in said and str(tmp_path / "demo.duckdb") in said
    assert "Đã tạo xong cơ sở dữ liệu mẫu" in said
    stores.open_configured().close()  # already there: nothing said
    assert capsys.readouterr().err == ""


def test_the_themes_are_explained_without_jargon():
    from kdcl.strings import t

    how = t("weak.themes.how", threshold="0,35").lower()
    for word in ("tf-idf", "cosin", "trọng số", "vectơ", "vector"):
        assert word not in how
    assert "gần đúng" in how  # says what it is: a rough grouping by wording, to be read


def test_the_overdue_list_shows_its_key_columns_first(db, monkeypatch):
    at = page_app("overdue", db, monkeypatch).run()
    assert not at.exception
    order = list(at.dataframe[0].proto.column_order)
    assert order[:6] == ["Trường", "Hạn hoàn thành", "Số ngày trễ", "Chủ trì", "Tình trạng", "Trạng thái thực hiện"]
    assert order.index("Điểm yếu") > 5
