"""Self-assessment / external assessment reports (.docx): the reader on every fixture of
tests/report_fixtures.py criterion by criterion, then the import into a real DuckDB file (levels,
texts, Mức 4, source, replace, disagreements, forbidden and missing criteria) and the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from fixtures_docx import SEEDS
from report_fixtures import FIXTURES, build, fixture, school_level

from kdcl.access import Scope
from kdcl.db import Store
from kdcl.importing import Options, Upload, import_files, preview
from kdcl.importing.report_docx import looks_like_report, read_report

YEAR = "2025-2026"  # a year the tiny database has no levels for
EVERYTHING = Scope.everything(user="test")


@pytest.fixture
def store(tiny_store):
    return tiny_store


def _levels_read(parsed) -> dict[str, int]:
    return {c: (v.table_level if v.table_level is not None else v.section_level)
            for c, v in parsed.criteria.items() if v.table_level is not None or v.section_level is not None}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_reader_finds_every_criterion_of_every_fixture(name):
    report = fixture(name)
    parsed = read_report(name + ".docx", report.data)
    assert parsed is not None and looks_like_report(report.data)
    assert parsed.issues == []
    got = _levels_read(parsed)
    for code, level in report.levels.items():  # criterion by criterion, so a failure names the criterion
        assert got.get(code) == level, (code, got.get(code), level)
    assert set(got) == set(report.levels)
    for code, c in parsed.criteria.items():
        if report.weaknesses:
            assert c.weakness == report.weaknesses.get(code), code
            assert c.improvement == report.improvements.get(code), code
        else:
            assert c.weakness is None and c.improvement is None
    disagreements = {c: (v.table_level, v.section_level) for c, v in parsed.criteria.items()
                     if None not in (v.table_level, v.section_level) and v.table_level != v.section_level}
    assert disagreements == report.disagreements
    assert parsed.level4 == report.level4
    assert parsed.conclusion == report.conclusion
    assert parsed.kind == ("external" if "external" in name else "self")
    assert parsed.has_table == FIXTURES[name][1].get("table", True)
    assert parsed.has_sections == FIXTURES[name][1].get("sections", True)


def test_nfd_text_is_read_as_nfc():
    parsed = read_report("x.docx", fixture("th_nfd").data)
    weak = [c.weakness for c in parsed.criteria.values() if c.weakness]
    assert weak and all("sĩ số" in w for w in weak)  # composed, so search and themes find it


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_plans_are_not_reports(seed):
    data = SEEDS[seed]()
    assert not looks_like_report(data) and read_report("plan.docx", data) is None


def _import(store, report, name="bao-cao.docx", **options):
    options = {"school": report.school_id, "year": YEAR, "channel": "cli", **options}
    return import_files(store, EVERYTHING, [Upload(name, report.data)], Options(**options))[0]


def _stored(store, school_id, kind="self", year=YEAR):
    with store.cursor() as cur:
        levels = dict(cur.execute("select criterion_code, level from assessment where school_id = ? and "
                                  "school_year = ? and kind = ?", [school_id, year, kind]).fetchall())
        sources = {r[0] for r in cur.execute("select distinct source from assessment where school_id = ? and "
                                             "school_year = ? and kind = ?", [school_id, year, kind]).fetchall()}
        texts = {r[0]: (r[1], r[2]) for r in cur.execute(
            "select criterion_code, weakness, improvement from assessment_text where school_id = ? and "
            "school_year = ? and kind = ?", [school_id, year, kind]).fetchall()}
        level4 = cur.execute("select requirement, met from assessment_level4 where school_id = ? and school_year = ? "
                             "and kind = ? order by position", [school_id, year, kind]).fetchall()
    return levels, sources, texts, level4


@pytest.mark.parametrize("name", sorted(n for n in FIXTURES if "disagree" not in n))
def test_every_fixture_imports_criterion_by_criterion(store, name):
    report = fixture(name)
    result = _import(store, report, name=name + ".docx")
    assert result.status == "imported", [e.message for e in result.errors]
    assert result.kind == "assessment" and result.layout == "report"
    kind = "external" if "external" in name else "self"
    levels, sources, texts, level4 = _stored(store, report.school_id, kind)
    for code, level in report.levels.items():
        assert levels.get(code) == level, code
    assert set(levels) == set(report.levels)
    assert sources == {name + ".docx"}
    for code in report.levels:
        expected = (report.weaknesses.get(code), report.improvements.get(code))
        assert texts.get(code, (None, None)) == expected, code
    assert [(r, bool(m)) for r, m in level4] == report.level4
    assert result.summary.endswith(f"mức của trường theo quy định: {expected_level(report)}.")


def expected_level(report) -> str:
    level = school_level(report.levels, report.family)
    if level == 3 and report.level4 and all(met for _, met in report.level4):
        return "Mức 4 (theo quy định: Mức 3 và đạt mọi yêu cầu Mức 4)"
    return {0: "Chưa đạt Mức 1", 1: "Mức 1", 2: "Mức 2", 3: "Mức 3"}[level]


def test_a_report_replaces_a_school_years_levels_only_when_asked(store):
    s1_before = _stored(store, "S1", year="2024-2025")
    report = fixture("thcs_thpt_both")
    refused = _import(store, report, year="2024-2025")
    assert refused.status == "rejected"
    assert refused.errors[0].message == (
        "Tệp «bao-cao.docx»: Trường THCS Lý Tự Trọng đã có kết quả Tự đánh giá năm học 2024-2025 (28 tiêu chí, "
        "nguồn: không rõ). Để thay bằng kết quả trong báo cáo, dùng --replace.")
    assert _stored(store, "S1", year="2024-2025") == s1_before  # nothing written
    external_before = _stored(store, "S1", "external", year="2024-2025")
    done = _import(store, report, year="2024-2025", replace=True)
    assert done.status == "imported"
    assert ("Tệp «bao-cao.docx»: Sẽ thay thế 28 mức đạt Tự đánh giá năm học 2024-2025 đang có (nguồn: không rõ)."
            in [w.message for w in done.warnings])
    levels, sources, _, _ = _stored(store, "S1", year="2024-2025")
    assert levels == report.levels and sources == {"bao-cao.docx"}
    assert _stored(store, "S1", "external", year="2024-2025") == external_before  # another kind: untouched
    assert _stored(store, "S1", year="2023-2024")[0]  # another year: untouched


def test_a_disagreement_rejects_the_file_on_the_cli_and_takes_the_chosen_level(store):
    report = fixture("thcs_thpt_disagree")
    rejected = _import(store, report)
    assert rejected.status == "rejected"
    messages = [e.message for e in rejected.errors]
    assert messages == [
        "Tệp «bao-cao.docx», tiêu chí 1.2: bảng tổng hợp ghi Mức 2 (bảng 1, dòng 4), mục «Tự đánh giá» của tiêu chí "
        "ghi Mức 1 (đoạn 48); hãy sửa báo cáo cho thống nhất rồi nhập lại.",
        "Tệp «bao-cao.docx», tiêu chí 2.1: bảng tổng hợp ghi Mức 2 (bảng 1, dòng 14), mục «Tự đánh giá» của tiêu "
        "chí ghi Chưa đạt Mức 1 (đoạn 177); hãy sửa báo cáo cho thống nhất rồi nhập lại."]
    assert _stored(store, "S1")[0] == {}
    assert [d.code for d in rejected.report.disagreements] == ["1.2", "2.1"]
    half = _import(store, report, channel="ui", choices={"bao-cao.docx": {"1.2": 1}})
    assert half.status == "rejected" and len(half.errors) == 1 and "chọn mức đúng" in half.errors[0].message
    done = _import(store, report, channel="ui", choices={"bao-cao.docx": {"1.2": 1, "2.1": 2}})
    assert done.status == "imported", [e.message for e in done.errors]
    levels = _stored(store, "S1")[0]
    assert levels["1.2"] == 1 and levels["2.1"] == 2
    assert {c: v for c, v in levels.items() if c not in ("1.2", "2.1")} == {
        c: v for c, v in report.levels.items() if c not in ("1.2", "2.1")}
    frame = preview(done)
    row = frame[frame["Tiêu chí"] == "1.2"].iloc[0]
    assert (row["Mức đạt"], row["Bảng tổng hợp"], row["Mục tiêu chí"]) == ("Mức 1", "Mức 2", "Mức 1")


def test_a_level_the_catalog_forbids_and_a_missing_criterion_are_named(store):
    # 1.2 of THCS_THPT has no Mức 3 indicators; 5.6 is left out of the table and the sections
    report = build("THCS_THPT", override={"1.2": 3}, drop=("5.6",), conclusion=None)
    result = _import(store, report)
    assert result.status == "rejected"
    messages = [e.message for e in result.errors]
    assert "Tệp «bao-cao.docx», bảng 1, dòng 4: Tiêu chí 1.2 chỉ có đến Mức 2, không có Mức 3." in messages
    assert any(m.startswith("Tệp «bao-cao.docx», tiêu chí 5.6: báo cáo không ghi mức đạt của tiêu chí này")
               for m in messages)
    assert len(messages) == 2 and _stored(store, "S1")[0] == {}


def test_the_reports_own_conclusion_is_checked_against_the_rule(store):
    report = fixture("th_conclusion_differs")
    assert school_level(report.levels, "TH") == 1
    result = _import(store, report)
    assert result.status == "imported"
    assert ("Tệp «bao-cao.docx»: Báo cáo kết luận «Kết quả: Trường đạt Mức 3.» (Mức 3), nhưng theo quy định "
            "(Điều 6) các mức đạt trong báo cáo cho Mức 1.") in [w.message for w in result.warnings]
    agreeing = _import(store, fixture("mn_both"), name="mn.docx")
    assert not [w for w in agreeing.warnings if "kết luận" in w.message]


def test_an_external_report_goes_in_as_external(store):
    result = _import(store, fixture("thcs_thpt_external"))
    assert result.status == "imported"
    assert _stored(store, "S1", "external")[0] and not _stored(store, "S1", "self")[0]
    assert result.summary.startswith("Báo cáo đánh giá ngoài của Trường THCS Lý Tự Trọng (S1), năm học 2025-2026")


def test_the_same_report_twice_is_a_duplicate(store):
    report = fixture("mn_both")
    assert _import(store, report).status == "imported"
    with store.cursor() as cur:
        logged = cur.execute("select kind, format, school_ids, school_years, rows from import_log").fetchall()
    assert logged == [("assessment", "docx", "S3", YEAR, 25)]
    again = _import(store, report)
    assert again.status == "duplicate" and again.errors == []
    # replacing, the same file goes in again (it replaces the levels it wrote)
    assert _import(store, report, replace=True).status == "imported"


def test_a_dry_run_writes_nothing(store):
    result = _import(store, fixture("th_both"), dry_run=True)
    assert result.status == "ready" and _stored(store, "S2")[0] == {}


def kdcl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kdcl", *args], capture_output=True, text=True, timeout=180)


def test_cli_imports_a_report_and_rejects_a_disagreement(tiny_db_path, tmp_path):
    db = tmp_path / "cli.duckdb"
    shutil.copy(tiny_db_path, db)
    good, bad = tmp_path / "bao-cao.docx", tmp_path / "bao-cao-lech.docx"
    good.write_bytes(fixture("th_both").data)
    bad.write_bytes(fixture("mn_disagree").data)
    out = kdcl("import", str(good), "--db", str(db), "--school", "S2", "--year", YEAR)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Báo cáo tự đánh giá của Trường Tiểu học Kim Đồng (S2), năm học 2025-2026: 27 tiêu chí" in out.stdout
    again = kdcl("import", str(bad), "--db", str(db), "--school", "S3", "--year", YEAR)
    assert again.returncode == 1
    assert "tiêu chí 1.2: bảng tổng hợp ghi Mức 2" in again.stdout and "ghi Mức 1" in again.stdout
    store = Store(db)
    try:
        assert len(_stored(store, "S2")[0]) == 27 and _stored(store, "S3")[0] == {}
    finally:
        store.close()
    dry = kdcl("import", str(bad), "--db", str(db), "--school", "S3", "--year", YEAR, "--json", "--dry-run")
    line = json.loads(dry.stdout)
    assert dry.returncode == 1 and (line["status"], line["kind"]) == ("rejected", "assessment")
    assert [e["message"].split(": ", 1)[0] for e in line["errors"]] == [
        "Tệp «" + str(bad) + "», tiêu chí 1.2", "Tệp «" + str(bad) + "», tiêu chí 2.1"]


# --------------------------------------------------------------------------- where the report's texts are used


def _report_for_s1_this_year(store) -> object:
    """S1's 2024-2025 self-assessment replaced by a report (the tiny database's year)."""
    report = fixture("thcs_thpt_both")
    assert _import(store, report, year="2024-2025", replace=True).status == "imported"
    return report


def test_the_reports_weaknesses_are_searched_grouped_and_shown_on_the_school(store):
    from factory import AS_OF

    from kdcl import data
    from kdcl.data import school as school_data
    from kdcl.data import weaknesses as wk

    report = _report_for_s1_this_year(store)
    filters = data.Filters(school_year="2024-2025", as_of=AS_OF)
    weak = {c: w for c, w in report.weaknesses.items() if w}
    found = wk.search(store, EVERYTHING, filters, "si so lop")  # accents folded, as for plan items
    rows = found.rows[found.rows["source"] == "self_report"]
    assert found.from_reports == len(weak) and found.total == len(weak) + int((found.rows["source"] == "plan").sum())
    assert sorted(rows["criterion_code"]) == sorted(weak)
    assert set(rows["weakness"]) == set(weak.values()) and rows["item_id"].isna().all()
    assert (found.rows.loc[found.rows["source"] == "plan", "item_id"].notna()).all()
    by_plan = wk.search(store, EVERYTHING, filters, "bo sung minh chung")  # the improvement text is searched too
    assert set(by_plan.rows["source"]) == {"self_report"} and by_plan.rows["in_measures"].all()
    before = wk.weakness_themes(store, EVERYTHING, filters, "THCS_THPT", None)
    assert before.texts == 7 + len(weak)  # the plan's 7 items and the report's weaknesses, all distinct texts
    code = next(iter(weak))
    one = wk.weakness_themes(store, EVERYTHING, filters, "THCS_THPT", code)
    plan_texts = 1 if code in ("1.5", "2.3", "2.4", "3.2", "3.3", "4.2", "5.6") else 0
    assert one.texts == 1 + plan_texts
    assert int(one.themes["items"].sum()) == 1 + plan_texts
    crit = school_data.school_report(store, EVERYTHING, filters, "S1").criteria.set_index("criterion_code")
    for code in report.levels:
        assert (crit.loc[code, "report_weakness"] if isinstance(crit.loc[code, "report_weakness"], str)
                else None) == report.weaknesses[code], code
        assert crit.loc[code, "report_improvement"] == report.improvements[code], code
    assert crit["self_level"].astype(int).to_dict() == report.levels


@pytest.fixture(scope="module")
def s1_report_db(tmp_path_factory, tiny_db_path):
    """The tiny database with S1's 2024-2025 self-assessment replaced by the report, built once for the
    page tests of this module (each copies it: a page keeps its database open). Yields (path, report)."""
    path = tmp_path_factory.mktemp("s1_report") / "report.duckdb"
    shutil.copy(tiny_db_path, path)
    s = Store(path)
    try:
        report = _report_for_s1_this_year(s)
    finally:
        s.close()
    return path, report


@pytest.fixture
def page_db_with_report(s1_report_db, tmp_path):
    """A private copy of s1_report_db: (path, report)."""
    path = tmp_path / "page.duckdb"
    shutil.copy(s1_report_db[0], path)
    return path, s1_report_db[1]


def test_the_school_page_shows_the_reports_weakness_marked(page_db_with_report, monkeypatch):
    from conftest import page_app

    path, report = page_db_with_report
    at = page_app("school", path, monkeypatch, school="S1").run()
    assert not at.exception
    criteria = at.dataframe[0].value.set_index("criterion")
    assert "report_weakness" in criteria.columns
    name = next(c for c in criteria.index if c.startswith("1.2 · "))
    assert criteria.loc[name, "report_weakness"] == (report.weaknesses["1.2"] or "–")
    columns = json.loads(at.dataframe[0].proto.columns)
    assert columns["report_weakness"]["label"] == "Điểm yếu (từ báo cáo tự đánh giá)"
    assert columns["report_improvement"]["label"] == "Kế hoạch cải tiến (từ báo cáo tự đánh giá)"


def test_a_school_without_a_report_has_no_report_columns(db, monkeypatch):
    from conftest import page_app

    at = page_app("school", db, monkeypatch, school="S1").run()
    assert not at.exception and "report_weakness" not in at.dataframe[0].value.columns


def test_the_weakness_search_marks_what_comes_from_the_report(page_db_with_report, monkeypatch):
    from conftest import page_app

    path, report = page_db_with_report
    at = page_app("weaknesses", path, monkeypatch, q="si so lop").run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "found" in d.value.columns)
    marked = table[table["found"].str.endswith(" · từ báo cáo tự đánh giá")]
    plans = len(table) - len(marked)
    assert (f"Khớp «si so lop»: {plans} mục kế hoạch và {len(marked)} tiêu chí trong báo cáo tự đánh giá / đánh giá "
            "ngoài đã nhập (mục «Điểm yếu», «Kế hoạch cải tiến»).") in [c.value for c in at.caption]
    assert sorted(marked["criterion_code"]) == sorted(c for c, w in report.weaknesses.items() if w)


def test_the_school_page_lists_the_reports_words_in_full(page_db_with_report, monkeypatch):
    from conftest import page_app

    path, report = page_db_with_report
    at = page_app("school", path, monkeypatch, school="S1").run()
    weak = {c: w for c, w in report.weaknesses.items() if w}
    assert [e.label for e in at.expander if "báo cáo tự đánh giá" in e.label] == [
        f"Điểm yếu và kế hoạch cải tiến từ báo cáo tự đánh giá ({len(weak)} tiêu chí)"]
    listed = next(d.value for d in at.dataframe if list(d.value.columns) == [
        "criterion_code", "report_weakness", "report_improvement"])
    assert dict(zip(listed["criterion_code"], listed["report_weakness"])) == weak
    assert any("năm học 2024-2025 (bao-cao.docx)" in c.value for c in at.caption)


def test_the_preview_lists_the_mức_4_requirements(store):
    from kdcl.importing.report_validate import report_level4_preview

    result = _import(store, fixture("thcs_thpt_level4"), dry_run=True)
    frame = report_level4_preview(result)
    assert frame.to_dict("records") == [{"Yêu cầu": req, "Kết quả": "Đạt" if met else "Không đạt"}
                                        for req, met in fixture("thcs_thpt_level4").level4]
    assert "2/3 yêu cầu Mức 4 đạt" in result.summary
    assert report_level4_preview(_import(store, fixture("th_both"), dry_run=True)).empty


def test_a_report_saved_by_libreoffice_as_odt_imports_the_same(store, tmp_path):
    """A report sent as .odt (converted to .docx by LibreOffice on import) reads to the same levels and texts."""
    from plan_variants import convert, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed; .ci/run installs it")
    report = fixture("thcs_thpt_merged_highest")
    odt = convert(report.data, "bao-cao.docx", "odt", tmp_path / "lo")
    result = import_files(store, EVERYTHING, [Upload("bao-cao.odt", odt)],
                          Options(school="S1", year=YEAR, channel="cli"))[0]
    assert result.status == "imported", [e.message for e in result.errors]
    levels, _, texts, _ = _stored(store, "S1")
    assert levels == report.levels
    assert {c: w for c, (w, _) in texts.items() if w} == {c: w for c, w in report.weaknesses.items() if w}


def test_a_report_for_a_school_outside_the_users_scope_is_refused(store):
    principal = Scope(school_id="S2", role="principal", user="ht")
    report = fixture("thcs_thpt_both")  # names Trường THCS Lý Tự Trọng (S1) in its header
    chosen = import_files(store, principal, [Upload("b.docx", report.data)], Options(school="S1", year=YEAR))[0]
    assert chosen.status == "rejected"
    assert chosen.errors[0].message == "Tệp «b.docx»: Không tìm thấy trường «S1» (theo mã hoặc tên) trong phạm vi của bạn."
    named = import_files(store, principal, [Upload("b.docx", report.data)], Options(year=YEAR))[0]
    assert named.status == "rejected" and "Không tìm thấy «Trường THCS Lý Tự Trọng» trong danh sách" in named.errors[0].message
    assert _stored(store, "S1")[0] == {}


def test_the_school_page_shows_the_reports_mức_4_requirements(tmp_path, tiny_db_path, monkeypatch):
    from conftest import page_app

    path = tmp_path / "page.duckdb"
    shutil.copy(tiny_db_path, path)
    s = Store(path)
    try:
        assert _import(s, fixture("thcs_thpt_level4"), year="2024-2025", replace=True).status == "imported"
    finally:
        s.close()
    at = page_app("school", path, monkeypatch, school="S1").run()
    assert not at.exception
    assert ("Yêu cầu Mức 4 (theo báo cáo tự đánh giá bao-cao.docx): đạt 2/3. Trường đạt Mức 4 khi đạt Mức 3 và mọi "
            "yêu cầu Mức 4.") in [c.value for c in at.caption]
    other = page_app("school", path, monkeypatch, school="S2").run()
    assert not any("Yêu cầu Mức 4" in c.value for c in other.caption)


def test_a_bare_summary_table_without_the_reports_headings_is_still_read_as_levels(store):
    """kdcl.importing.doc_kind finds no report landmark and the plan reader finds no item: the report reader
    still recognises the summary table."""
    import io

    from docx import Document
    from report_fixtures import catalog, sample_levels

    from kdcl.importing.doc_kind import classify

    levels = sample_levels("TH", 2)
    doc = Document()
    doc.add_paragraph("Kết quả đánh giá các tiêu chí")
    table = doc.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ["Tiêu chí", "Không đạt", "Mức 1", "Mức 2", "Mức 3"]):
        cell.text = text
    for c in catalog("TH"):
        cells = table.add_row().cells
        cells[0].text = str(c["code"])
        level = levels[str(c["code"])]
        cells[1 if level == 0 else 1 + level].text = "x"
    out = io.BytesIO()
    doc.save(out)
    assert classify(["Kết quả đánh giá các tiêu chí"]) == "unknown"
    result = import_files(store, EVERYTHING, [Upload("bang.docx", out.getvalue())],
                          Options(school="S2", year=YEAR, channel="cli"))[0]
    assert result.status == "imported", [e.message for e in result.errors]
    assert _stored(store, "S2")[0] == levels
