"""Every variant of tests/plan_variants.py reads back to the items written by hand there, field by field."""

from __future__ import annotations

import pytest
from fixtures_docx import SEED_SCHOOLS_CSV
from plan_variants import EXPECTED, EXPECTED_CHANGES, VARIANTS, build, soffice

from kdcl.access import Scope
from kdcl.importing import Options, Upload, import_files

ADMIN = Scope.everything(user="test")
FIELDS = ("code", "level", "weakness", "target", "measures", "lead", "support", "time", "due", "budget", "other")


@pytest.fixture
def store(tiny_store):
    [result] = import_files(tiny_store, ADMIN, [Upload("truong.csv", SEED_SCHOOLS_CSV)], Options())
    assert result.status == "imported", [e.message for e in result.errors]
    return tiny_store


def read_items(store, name: str, data: bytes):
    [result] = import_files(store, ADMIN, [Upload(name, data)], Options(dry_run=True))
    return result


def fields_of(v) -> dict:
    return dict(code=v.criterion_code, level=v.target_level, weakness=v.weakness, target=v.target_result,
                measures=v.measures, lead=v.lead, support=v.support, time=v.time_text, due=v.due_date,
                budget=v.budget_vnd, other=v.other_support)


def check_plan(result, plan: str, variant: str | None = None) -> None:
    expected = EXPECTED[plan]
    changes = EXPECTED_CHANGES.get(variant, {})
    assert result.status == "ready", [e.message for e in result.errors]
    [write] = result.plans
    assert (write.school_id, write.school_year) == (expected["school_id"], expected["school_year"])
    got = [fields_of(v) for v in write.items]
    assert [g["code"] for g in got] == [e["code"] for e in expected["items"]]
    for g, e in zip(got, expected["items"]):
        e = {**e, **changes.get(e["code"], {})}
        for f in FIELDS:
            assert g[f] == e[f], (g["code"], f)


WORD_VARIANTS = [n for n, v in VARIANTS.items() if v[3] is None]
OFFICE_VARIANTS = [n for n, v in VARIANTS.items() if v[3] is not None]


@pytest.mark.parametrize("name", WORD_VARIANTS)
def test_variant_reads_every_field(store, tmp_path, name):
    file_name, data = build(name, tmp_path)
    check_variant(read_items(store, file_name, data), name)


def check_variant(result, name: str) -> None:
    check_plan(result, VARIANTS[name][0], name)
    # nothing was left unread: the only warnings are the tracked changes and P004's lack of levels
    expected = {"tracked_changes": ["Tệp còn thay đổi được theo dõi"]}.get(name, [])
    if VARIANTS[name][0] == "P004":
        expected = ["Kế hoạch không ghi mức mục tiêu"]
    assert [w.text[:len(e)] for w, e in zip(result.warnings, expected)] == expected
    assert len(result.warnings) == len(expected), [w.message for w in result.warnings]


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", OFFICE_VARIANTS)
def test_libreoffice_variant_reads_every_field(store, tmp_path, name):
    file_name, data = build(name, tmp_path)
    check_variant(read_items(store, file_name, data), name)


# --------------------------------------------------------------------------- conversion failures


def test_doc_without_libreoffice_says_how_to_get_it(store, monkeypatch):
    monkeypatch.setenv("KDCL_SOFFICE", "")
    result = read_items(store, "ke-hoach.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert result.status == "rejected"
    [error] = result.errors
    assert error.message.startswith("Tệp «ke-hoach.doc»: Tệp .doc cần được chuyển sang .docx bằng LibreOffice")
    assert "apt-get install libreoffice-writer-nogui" in error.message and "lưu lại thành .docx" in error.message


def test_a_conversion_that_hangs_is_stopped_with_a_message(store, monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("KDCL_SOFFICE", str(fake))
    monkeypatch.setenv("KDCL_CONVERT_TIMEOUT", "1")
    result = read_items(store, "ke-hoach.odt", b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text")
    [error] = result.errors
    assert "quá 1 giây nên đã dừng" in error.message and error.message.startswith("Tệp «ke-hoach.odt»")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name, data", [("hong.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
                                        ("van-ban.doc", "Kế hoạch năm học 2024-2025".encode()),
                                        ("bang.odt", b"PK\x03\x04 not an OpenDocument text")])
def test_a_broken_doc_is_refused_with_a_message(store, name, data):
    result = read_items(store, name, data)
    [error] = result.errors
    assert "LibreOffice không chuyển được tệp ." in error.message and "lưu lại thành .docx" in error.message


# --------------------------------------------------------------------------- the preview: layout, items, missing fields


def test_dry_run_json_lists_layout_items_and_missing_fields(tiny_db_path, tmp_path):
    import json
    import shutil
    import subprocess
    import sys

    db = tmp_path / "cli.duckdb"
    shutil.copy(tiny_db_path, db)
    (tmp_path / "truong.csv").write_bytes(SEED_SCHOOLS_CSV)
    files = [str(tmp_path / "truong.csv")]
    for name in ("number_row", "list_labels_plus_alone"):
        file_name, data = build(name, tmp_path)
        (tmp_path / file_name).write_bytes(data)
        files.append(str(tmp_path / file_name))
    done = subprocess.run([sys.executable, "-m", "kdcl", "import", *files, "--db", str(db), "--dry-run", "--json"],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    schools, table, listed = [json.loads(line) for line in done.stdout.splitlines()]
    assert "layout" not in schools
    assert (table["layout"], table["layout_label"]) == ("table9", "Bảng kế hoạch theo mẫu (Tiêu chuẩn, tiêu chí | Kết quả cần đạt | Công việc/giải pháp | …)")
    assert table["items"] == [
        {"criterion": "1.4", "where": "bảng 1, dòng 5", "missing": ["budget"]},  # header, numbers, Mức 2, standard
        {"criterion": "1.10", "where": "bảng 1, dòng 6", "missing": []},
        {"criterion": "2.2", "where": "bảng 1, dòng 8", "missing": ["budget"]},
        {"criterion": "3.3", "where": "bảng 1, dòng 11", "missing": []},
        {"criterion": "5.2", "where": "bảng 1, dòng 13", "missing": ["budget"]}]
    assert listed["layout"] == "narrative" and [i["criterion"] for i in listed["items"]] == [
        "1.4", "1.10", "2.2", "3.3", "5.2"]
    assert listed["items"][0]["where"] == "đoạn 15"
    text = subprocess.run([sys.executable, "-m", "kdcl", "import", *files, "--db", str(db), "--dry-run"],
                          capture_output=True, text=True, timeout=180).stdout
    assert "  Bố cục nhận ra: Bảng kế hoạch theo mẫu (Tiêu chuẩn, tiêu chí | Kết quả cần đạt | Công việc/giải pháp | …) · 5 mục.\n" in text
    assert "  thiếu: tiêu chí 1.4 (bảng 1, dòng 5): kinh phí\n" in text


# --------------------------------------------------------------------------- every real seed, changed as schools change it

from fixtures_docx import SEEDS  # noqa: E402
from plan_variants import convert, seed_with_number_rows, seed_with_tracked_changes  # noqa: E402

from kdcl.importing.docx_plan import read_docx  # noqa: E402

RAW_FIELDS = ("code", "name", "target_level", "weakness", "target_result", "measures", "lead", "support", "time_text",
              "budget_text", "other_support", "note")


def raw(parsed):
    return [{f: getattr(i, f) for f in RAW_FIELDS} for i in parsed.items]


def same_items(original: bytes, variant: bytes, name: str = "k.docx"):
    """The variant reads to the same items, field by field, as the seed it came from (whose fields
    tests/test_import_docx.py checks by hand), and in the same layout."""
    want, got = read_docx("seed.docx", original), read_docx(name, variant)
    assert got.layout == want.layout and len(got.items) == len(want.items) > 0
    for g, w in zip(raw(got), raw(want)):
        for f in RAW_FIELDS:
            assert g[f] == w[f], (w["code"], f)
    return got


@pytest.mark.parametrize("seed", ["000", "002", "003", "004"])
@pytest.mark.parametrize("parens", [False, True])
def test_every_seed_table_with_number_rows(seed, parens):
    same_items(SEEDS[seed](), seed_with_number_rows(SEEDS[seed](), parens))


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_seed_typed_with_tracked_changes(seed):
    got = same_items(SEEDS[seed](), seed_with_tracked_changes(SEEDS[seed]()))
    assert any("Track Changes" in issue.text for _, issue in got.issues)


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_seed_saved_again_by_libreoffice(seed, tmp_path):
    same_items(SEEDS[seed](), convert(SEEDS[seed](), "seed.docx", "docx", tmp_path))


def test_text_no_field_takes_is_named_with_its_table_row_and_column():
    from docx import Document

    from plan_variants import HEADER_9, P003_HEAD, _bytes, _paragraphs

    doc = Document()
    _paragraphs(doc, P003_HEAD)
    table = doc.add_table(rows=2, cols=10)
    for cell, text in zip(table.rows[0].cells, [*HEADER_9, "Minh chứng"]):
        cell.text = text
    values = ["1", "Tiêu chí 1.4: Hiệu trưởng", "Tổ chuyên môn chưa sáng tạo.", "Tham quan trường bạn.",
              "BGH-TTCM, tháng 1/2026", "", "", "", "", "[H1-1.4-01]"]
    for cell, text in zip(table.rows[1].cells, values):
        cell.text = text
    table.cell(1, 4).merge(table.cell(1, 5))
    parsed = read_docx("k.docx", _bytes(doc))
    [item] = parsed.items
    assert (item.lead, item.time_text) == ("BGH-TTCM, tháng 1/2026", None)
    messages = sorted(issue.short for _, issue in parsed.issues)
    assert messages == [
        "Bảng 1, dòng 2, cột «Chủ trì và phối hợp thực hiện»: Ô được gộp sang cả cột «Thời gian thực hiện và hoàn "
        "thành»; toàn bộ nội dung được ghi vào cột này, các cột kia để trống. Hãy tách ô nếu nội dung thuộc nhiều cột.",
        "Bảng 1, dòng 2, cột «Minh chứng»: Cột này không thuộc mẫu kế hoạch; nội dung của cột không được nhập (mục "
        "nào cần, hãy chép sang cột phù hợp).",
    ]


def test_a_headerless_table_that_does_not_continue_the_plan_is_named():
    from docx import Document

    from plan_variants import HEADER_8, P004_HEAD, _bytes, _paragraphs

    doc = Document()
    _paragraphs(doc, P004_HEAD)
    table = doc.add_table(rows=2, cols=8)
    for row, values in zip(table.rows, [HEADER_8, ["Tiêu chí 1.3: Tổ chức Đảng", "Nâng cao chất lượng", "Tham mưu",
                                                   "Hiệu trưởng", "Tháng 03/2023", "", "", ""]]):
        for cell, text in zip(row.cells, values):
            cell.text = text
    _paragraphs(doc, ["Các tiêu chí của tiêu chuẩn 2 như sau:"])
    table = doc.add_table(rows=1, cols=7)  # one column fewer: not the plan table continued
    for cell, text in zip(table.rows[0].cells, ["Tiêu chí 2.1: Đối với hiệu trưởng", "Bổ sung biên chế"]):
        cell.text = text
    parsed = read_docx("k.docx", _bytes(doc))
    assert [i.code for i in parsed.items] == ["1.3"]
    [(_, issue)] = parsed.issues
    assert issue.short.startswith("Bảng 2: Bảng này có các dòng «Tiêu chí …» nhưng không có dòng tiêu đề")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("seed, ext", [("001", "doc"), ("002", "odt")])
def test_seeds_sent_as_doc_or_odt(seed, ext, tmp_path):
    from kdcl.importing.convert import to_docx

    sent = convert(SEEDS[seed](), "seed.docx", ext, tmp_path)
    same_items(SEEDS[seed](), to_docx("." + ext, sent), "k." + ext)


def test_a_refused_plan_still_shows_its_layout_and_items(tiny_store, tmp_path):
    from kdcl.importing.plan_preview import as_json, layout_line

    file_name, data = build("number_row", tmp_path)
    result = read_items(tiny_store, file_name, data)  # the tiny database lacks Trường Mầm non Trục Mỹ
    assert result.status == "rejected" and "Trường Mầm non Trục Mỹ" in result.errors[0].message
    assert layout_line(result) == "Bố cục nhận ra: Bảng kế hoạch theo mẫu (Tiêu chuẩn, tiêu chí | Kết quả cần đạt | Công việc/giải pháp | …) · 5 mục."
    preview = as_json(result)
    assert [i["criterion"] for i in preview["items"]] == ["1.4", "1.10", "2.2", "3.3", "5.2"]
    assert preview["items"][0] == {"criterion": "1.4", "where": "bảng 1, dòng 5", "missing": ["budget"]}
    assert preview["items"][1]["missing"] == []


def test_a_continued_cell_starting_with_tieu_chuan_is_not_a_group_row():
    from docx import Document

    from plan_variants import HEADER_9, P003_HEAD, _bytes, _paragraphs

    doc = Document()
    _paragraphs(doc, P003_HEAD)
    table = doc.add_table(rows=3, cols=9)
    rows = [HEADER_9, ["1", "Tiêu chí 3.3: Khối phòng hành chính", "Phòng chưa đạt", "Sửa chữa phòng theo", "BGH",
                       "Tháng 5/2026", "", "", ""],
            ["", "", "", "Tiêu chuẩn quốc gia TCVN 8794:2011.", "", "", "", "", ""]]
    for row, values in zip(table.rows, rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    [item] = read_docx("k.docx", _bytes(doc)).items
    assert item.measures == "Sửa chữa phòng theo\nTiêu chuẩn quốc gia TCVN 8794:2011."


def test_a_package_whose_main_part_has_another_name_is_still_read(tmp_path):
    """The shortcut that parses only the main document part follows the package's own relationship."""
    import io
    import zipfile

    file_name, data = build("number_row", tmp_path)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            name = info.filename
            if name == "word/document.xml":
                name = "word/main.xml"
            elif name in ("_rels/.rels", "[Content_Types].xml"):
                content = content.replace(b"/word/document.xml", b"/word/main.xml").replace(
                    b'"word/document.xml"', b'"word/main.xml"')
            elif name == "word/_rels/document.xml.rels":
                name = "word/_rels/main.xml.rels"
            dst.writestr(name, content)
    assert [i.code for i in read_docx("k.docx", out.getvalue()).items] == ["1.4", "1.10", "2.2", "3.3", "5.2"]


def test_a_level_written_in_a_criterion_cell():
    from docx import Document

    from plan_variants import HEADER_9, P003_HEAD, _bytes, _paragraphs

    doc = Document()
    _paragraphs(doc, P003_HEAD)
    table = doc.add_table(rows=3, cols=9)
    rows = [HEADER_9, ["1", "Tiêu chí 1.4 (Mức 3): Hiệu trưởng", "Chưa sáng tạo.", "Dự giờ.", "BGH", "Tháng 5/2026"],
            ["2", "Tiêu chí 1.5: Lớp học", "Sĩ số còn cao.", "Chia lớp.", "BGH", "Tháng 5/2026"]]
    for row, values in zip(table.rows, rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    items = read_docx("k.docx", _bytes(doc)).items
    assert [(i.code, i.name, i.target_level) for i in items] == [("1.4", "Hiệu trưởng", 3), ("1.5", "Lớp học", None)]
