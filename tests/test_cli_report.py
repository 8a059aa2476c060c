"""`python -m kdcl report` and `python -m kdcl export plan-docx`, run as real subprocesses."""

import io
import shutil
import subprocess
import sys

import pytest
from docx import Document
from factory import AS_OF, YEAR
from openpyxl import load_workbook
from pptx import Presentation

NEEDS_CHROMIUM = not any(shutil.which(c) for c in ("/usr/bin/chromium", "chromium", "google-chrome"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kdcl", *args], capture_output=True, text=True, timeout=180,
                          check=False)


def report(db, fmt: str, out, *extra: str) -> subprocess.CompletedProcess:
    return run("report", "--format", fmt, "--out", str(out), "--db", str(db), "--year", YEAR,
               "--as-of", AS_OF.isoformat(), *extra)


def test_report_pptx_into_a_directory_gets_the_default_name(tiny_db_path, tmp_path):
    done = report(tiny_db_path, "pptx", tmp_path)
    assert done.returncode == 0, done.stderr
    path = tmp_path / "bao-cao-hdnd_2024-2025_2025-05-15.pptx"
    assert str(path) in done.stdout and "6 trang" in done.stdout
    prs = Presentation(str(path))
    assert len(prs.slides) == 6
    first = "\n".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert "Kiểm định chất lượng giáo dục năm học 2024-2025" in first and "3/3" in first


def test_report_xlsx_for_one_unit(tiny_db_path, tmp_path):
    out = tmp_path / "so-lieu.xlsx"
    done = report(tiny_db_path, "xlsx", out, "--unit", "W2")
    assert done.returncode == 0, done.stderr
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    assert len(wb.sheetnames) == 5  # one unit: no "by unit" slide
    ws = wb.worksheets[0]
    context = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(4, 10)}
    assert context["Đơn vị quản lý"] == "Xã Hai" and context["Số trường đã báo cáo"] == "1/1 trường"


@pytest.mark.skipif(NEEDS_CHROMIUM, reason="Chromium is not installed")
def test_report_pdf(tiny_db_path, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "bao-cao.pdf"
    done = report(tiny_db_path, "pdf", out)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(str(out))
    assert len(reader.pages) == 6
    assert "Tiến bộ so với năm học trước" in " ".join(reader.pages[5].extract_text().split())


def test_export_plan_docx(tiny_db_path, tmp_path):
    out = tmp_path / "ke-hoach-S1.docx"
    done = run("export", "plan-docx", "--school", "S1", "--year", YEAR, "--out", str(out), "--db", str(tiny_db_path))
    assert done.returncode == 0, done.stderr
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC" in text and "Mức đánh giá của trường: Mức 1." in text
    assert len([r for r in document.tables[1].rows if r.cells[0].text.isdigit()]) == 7
    into_dir = run("export", "plan-docx", "--school", "S2", "--year", YEAR, "--out", str(tmp_path),
                   "--db", str(tiny_db_path))
    assert into_dir.returncode == 0, into_dir.stderr
    assert list(tmp_path.glob("ke-hoach-cai-tien_S2_2024-2025_*.docx"))


def test_bad_arguments_exit_2_with_a_vietnamese_message(tiny_db_path, tmp_path, capsys):
    from kdcl.cli import main

    def error(*args: str) -> str:  # in-process: argparse exits with status 2
        with pytest.raises(SystemExit) as exit_:
            main(list(args))
        assert exit_.value.code == 2
        return capsys.readouterr().err

    common = ("--out", str(tmp_path), "--db", str(tiny_db_path))
    assert "Định dạng «docx» không hợp lệ" in error("report", "--format", "docx", *common)
    assert "Năm học «2024» không hợp lệ" in error("report", "--format", "pptx", *common, "--year", "2024")
    assert "Ngày «15/05/2025» không hợp lệ" in error("report", "--format", "pptx", *common, "--as-of", "15/05/2025")
    assert "Không có đơn vị quản lý mã «ZZZ»" in error("report", "--format", "pptx", *common, "--unit", "ZZZ")
    missing_dir = ("--out", str(tmp_path / "missing" / "x.xlsx"), "--db", str(tiny_db_path))
    assert "thư mục chứa không tồn tại" in error("report", "--format", "xlsx", *missing_dir)
    no_db = ("--out", str(tmp_path), "--db", str(tmp_path / "none.duckdb"))
    assert "Không tìm thấy cơ sở dữ liệu" in error("report", "--format", "pptx", *no_db)
    assert "cần mã trường (--school) và năm học (--year)" in error("export", "plan-docx", "--year", YEAR, *common)
    assert "Không có trường mã «S9»" in error("export", "plan-docx", "--school", "S9", "--year", YEAR, *common)
    assert not list(tmp_path.iterdir())  # nothing written
    # and as a real process
    done = report(tiny_db_path, "docx", tmp_path)
    assert done.returncode == 2 and "Định dạng «docx» không hợp lệ" in done.stderr


def test_report_pdf_without_chromium_fails_with_a_message(tiny_db_path, tmp_path):
    env_run = subprocess.run(
        [sys.executable, "-c", ("import sys; from kdcl.reports import pdf_report as p; p.DEFAULT_CHROMIUM='/none';"
                                "from kdcl.cli import main; sys.exit(main(sys.argv[1:]))"),
         "report", "--format", "pdf", "--out", str(tmp_path), "--db", str(tiny_db_path)],
        capture_output=True, text=True, timeout=180, check=False,
        env={"PATH": "/nonexistent", "KDCL_CHROMIUM": "/nonexistent/chromium", "HOME": str(tmp_path)},
    )
    assert env_run.returncode == 1 and "Không tìm thấy trình duyệt Chromium" in env_run.stderr
    assert not list(tmp_path.glob("*.pdf"))
