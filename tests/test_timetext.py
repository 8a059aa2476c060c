"""Tests for kdcl.timetext: the time and money cells of improvement plans."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kdcl.timetext import (
    MONEY_RULES,
    TIME_RULES,
    TimeSpan,
    normalise_school_year,
    parse_date,
    parse_money,
    parse_time_text,
    school_year_bounds,
)

SEEDS = Path(__file__).parent / "seeds"
D = date

# Every time text found in tests/seeds/*.txt, copied literally (PDF line breaks included):
# (seed, text, start, due, ongoing)
SEED_TIME_TEXTS = [
    # 000: table cell and headings
    ("000", "Tháng \n\n9/2024 \n\nđến \n\ntháng \n\n5/2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("000", "Năm học 2024 – 2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("000", "năm học 2023 – 2024", D(2023, 9, 1), D(2024, 5, 31), False),
    ("000", "năm học \n\n2024 - 2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("000", "Trong năm học 2023 - 2024", D(2023, 9, 1), D(2024, 5, 31), False),
    # 001: narrative layout, five-year cycle, "những năm tiếp theo"
    ("001", "Thời gian bắt đầu: 9/2024   Thời gian hoàn thành: 5/2029", D(2024, 9, 1), D(2029, 5, 31), False),
    ("001", "Thời gian bắt đầu: 9/2024  Thời gian hoàn thành: 5/2029", D(2024, 9, 1), D(2029, 5, 31), False),
    ("001", " Thời gian bắt đầu: 9/2024   Thời gian hoàn thành: 5/2029 ", D(2024, 9, 1), D(2029, 5, 31), False),
    ("001", "Từ năm học 2024-2025 đến hết năm học 2028-2029", D(2024, 9, 1), D(2029, 5, 31), False),
    ("001", "năm học 2024-\n\n2025 đến hết năm học 2028-2029", D(2024, 9, 1), D(2029, 5, 31), False),
    ("001", "năm học 2030-2031", D(2030, 9, 1), D(2031, 5, 31), False),
    ("001", "Từ năm học 2024-2025 và những năm tiếp theo", D(2024, 9, 1), None, True),
    ("001", "Năm học 2024-2025 và những năm tiếp theo", D(2024, 9, 1), None, True),
    ("001", "Năm học 2024-2025 và những năm tiếp theo và những năm \n\ntiếp theo", D(2024, 9, 1), None, True),
    ("001", "Năm học 2024- 2025 và những năm tiếp theo", D(2024, 9, 1), None, True),
    ("001", "Trong năm học 2024-2025 và những năm tiếp theo", D(2024, 9, 1), None, True),
    ("001", "Từ Năm học 2024-2025 và những năm tiếp theo", D(2024, 9, 1), None, True),
    ("001", "Từ năm học 2024-2025, và những năm tiếp theo", D(2024, 9, 1), None, True),
    ("001", "ngày 22/8/2018", D(2018, 8, 22), D(2018, 8, 22), False),
    # 002: measure texts that start with a time phrase, and the timetable
    ("002", "Năm học 2023 – 2024", D(2023, 9, 1), D(2024, 5, 31), False),
    ("002", "Từ năm học 2023 – 2024 và đến năm 2024 – 2025", D(2023, 9, 1), D(2025, 5, 31), False),
    ("002", "Từ năm học 2023 - 2024 và các năm học tiếp theo", D(2023, 9, 1), None, True),
    ("002", "Năm học 2023 – 2024 và những năm học tiếp theo", D(2023, 9, 1), None, True),
    ("002", "năm học 2023 - 2024 và những năm học tiếp theo", D(2023, 9, 1), None, True),
    ("002", "năm học 2023-2024", D(2023, 9, 1), D(2024, 5, 31), False),
    ("002", "năm học 2022 - 2023", D(2022, 9, 1), D(2023, 5, 31), False),
    ("002", "đến tháng 5/2024", None, D(2024, 5, 31), False),
    ("002", "Từ 01/10/2023 đến 25/5/2024", D(2023, 10, 1), D(2024, 5, 25), False),
    ("002", "Từ  01/10/2023 đến 25/5/2024", D(2023, 10, 1), D(2024, 5, 25), False),
    ("002", "ngày 03 tháng 10 năm 2023", D(2023, 10, 3), D(2023, 10, 3), False),
    ("002", "Năm học 2023 – 2024, Hiệu trưởng phân công bộ phận quản lý tài sản định kỳ kiểm kê theo quy định.",
     D(2023, 9, 1), D(2024, 5, 31), False),
    ("002", "Từ năm học 2023 – 2024 và đến năm 2024 – 2025, hiệu trưởng tiếp tục thực hiện kế hoạch bồi dưỡng "
            "giáo viên để tỷ lệ giáo viên đạt trên chuẩn trình độ đào tạo và đạt chuẩn nghề nghiệp là 100%.",
     D(2023, 9, 1), D(2025, 5, 31), False),
    # "thường xuyên" anywhere makes the item open-ended, even inside prose (documented rule)
    ("002", "Năm học 2023 – 2024, cán bộ quản lý và bộ phận liên quan cơ sở vật chất thường xuyên kiểm tra",
     D(2023, 9, 1), None, True),
    # 003: one month per row
    ("003", "Tháng 1/2026", D(2026, 1, 1), D(2026, 1, 31), False),
    ("003", "Tháng 5/2026", D(2026, 5, 1), D(2026, 5, 31), False),
    ("003", "Tháng 11/2025", D(2025, 11, 1), D(2025, 11, 30), False),
    ("003", "Năm học 2025 – 2026", D(2025, 9, 1), D(2026, 5, 31), False),
    ("003", "năm học 2025-2026", D(2025, 9, 1), D(2026, 5, 31), False),
    ("003", "năm học 2024-2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("003", "Năm học 2025-2026 và các năm học tiếp theo", D(2025, 9, 1), None, True),
    ("003", "ngày 14 tháng 10 năm 2025", D(2025, 10, 14), D(2025, 10, 14), False),
    ("003", "ngày 12 tháng 9 năm 2025", D(2025, 9, 12), D(2025, 9, 12), False),
    # 004: PDF-extracted table cells, one word per line
    ("004", "Tháng \n\n01/2023 \n\nđến hết \n\nnăm học \n\n2022 - \n\n2023", D(2023, 1, 1), D(2023, 5, 31), False),
    ("004", "Tháng \n\n01/2023", D(2023, 1, 1), D(2023, 1, 31), False),
    ("004", "Tháng \n\n02/2023", D(2023, 2, 1), D(2023, 2, 28), False),
    ("004", "Tháng \n\n03/2023", D(2023, 3, 1), D(2023, 3, 31), False),
    ("004", "Tháng \n\n12/2022", D(2022, 12, 1), D(2022, 12, 31), False),
    ("004", "Thực \n\nhiện \n\nthường \n\nxuyên \n\nsau mỗi \n\nhoạt \n\nđộng", None, None, True),
    ("004", "Thực \n\nhiện \n\nthường \n\nxuyên", None, None, True),
    ("004", "năm học 2022 – 2023", D(2022, 9, 1), D(2023, 5, 31), False),
    ("004", "ngày 29 tháng  11  năm 2022", D(2022, 11, 29), D(2022, 11, 29), False),
    ("004", "ngày 04/10/2022", D(2022, 10, 4), D(2022, 10, 4), False),
    ("004", "ngày 15/8/2022", D(2022, 8, 15), D(2022, 8, 15), False),
]

# The same texts as the brief writes them (whitespace already cleaned), plus formats users type.
TYPED_TIME_TEXTS = [
    ("Tháng 5/2026", D(2026, 5, 1), D(2026, 5, 31), False),
    ("Tháng 9/2024 đến tháng 5/2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("Tháng\n9/2024\nđến\ntháng\n5/2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("Tháng\t9/2024 \t đến  tháng\r\n5/2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("Tháng 01/2023 đến hết năm học 2022 - 2023", D(2023, 1, 1), D(2023, 5, 31), False),
    ("Tháng 02/2023", D(2023, 2, 1), D(2023, 2, 28), False),
    ("Tháng 2/2024", D(2024, 2, 1), D(2024, 2, 29), False),
    ("Tháng 12/2022", D(2022, 12, 1), D(2022, 12, 31), False),
    ("9/2024", D(2024, 9, 1), D(2024, 9, 30), False),
    ("5/2029", D(2029, 5, 1), D(2029, 5, 31), False),
    ("9/2024 - 5/2029", D(2024, 9, 1), D(2029, 5, 31), False),
    ("Thực hiện thường xuyên", None, None, True),
    ("Thực hiện thường xuyên sau mỗi hoạt động", None, None, True),
    ("31/12/2025", D(2025, 12, 31), D(2025, 12, 31), False),
    ("1/3/2026", D(2026, 3, 1), D(2026, 3, 1), False),
    ("2026-03-01", D(2026, 3, 1), D(2026, 3, 1), False),
    ("2026-03-01 00:00:00", D(2026, 3, 1), D(2026, 3, 1), False),
    ("Học kì I năm học 2025-2026", D(2025, 9, 1), D(2026, 1, 31), False),
    ("Học kỳ II năm học 2025 – 2026", D(2026, 2, 1), D(2026, 5, 31), False),
    ("HK1 2025-2026", D(2025, 9, 1), D(2026, 1, 31), False),
    ("Quý 4/2025", D(2025, 10, 1), D(2025, 12, 31), False),
    ("Quý IV năm 2025", D(2025, 10, 1), D(2025, 12, 31), False),
    ("Quý 1/2026", D(2026, 1, 1), D(2026, 3, 31), False),
    ("Năm 2025", D(2025, 1, 1), D(2025, 12, 31), False),
    ("2025", D(2025, 1, 1), D(2025, 12, 31), False),
    ("Cuối năm học 2024-2025", None, D(2025, 5, 31), False),
    ("Hết năm học 2024-2025", None, D(2025, 5, 31), False),
    ("Tháng 5 năm 2026", D(2026, 5, 1), D(2026, 5, 31), False),
    ("Năm học 2024—2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("Năm học 2024 — 2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("Năm học 2024–2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("NĂM HỌC 2024 - 2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("Tháng 10/2024 tới tháng 3/2025", D(2024, 10, 1), D(2025, 3, 31), False),
    ("Hạn: 31/12/2025", None, D(2025, 12, 31), False),
    ("Thời gian hoàn thành: 5/2029", None, D(2029, 5, 31), False),
    ("Thời gian bắt đầu: 9/2024", D(2024, 9, 1), None, False),
    ("thang 5/2026", D(2026, 5, 1), D(2026, 5, 31), False),
    ("thang 9/2024 den thang 5/2025", D(2024, 9, 1), D(2025, 5, 31), False),
    ("nam hoc 2024-2025 va nhung nam hoc tiep theo", D(2024, 9, 1), None, True),
    ("thuc hien thuong xuyen", None, None, True),
    ("<p>Tháng 5/2026</p>", D(2026, 5, 1), D(2026, 5, 31), False),
    ("<p><i>Tháng 9/2024</i> đến <b>tháng 5/2025</b></p>", D(2024, 9, 1), D(2025, 5, 31), False),
    ("Tháng&nbsp;5/2026", D(2026, 5, 1), D(2026, 5, 31), False),
    ("Tháng\u00a05/2026", D(2026, 5, 1), D(2026, 5, 31), False),
    ("Hằng năm", None, None, True),
]


def _collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def seed_corpus() -> dict[str, str]:
    return {p.name[:3]: unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


@pytest.mark.parametrize("seed, text", [(c[0], c[1]) for c in SEED_TIME_TEXTS])
def test_seed_texts_are_copied_literally(seed_corpus, seed, text):
    assert text.strip() in seed_corpus[seed]


@pytest.mark.parametrize("seed, text, start, due, ongoing", SEED_TIME_TEXTS)
def test_seed_time_texts(seed, text, start, due, ongoing):
    span = parse_time_text(text)
    assert (span.start, span.due, span.ongoing, span.parsed) == (start, due, ongoing, True), span.rule


@pytest.mark.parametrize("text, start, due, ongoing", TYPED_TIME_TEXTS)
def test_typed_time_texts(text, start, due, ongoing):
    span = parse_time_text(text)
    assert (span.start, span.due, span.ongoing, span.parsed) == (start, due, ongoing, True), span.rule


@pytest.mark.parametrize("text", [c[1] for c in SEED_TIME_TEXTS] + [c[0] for c in TYPED_TIME_TEXTS])
def test_nfd_input_gives_the_same_result(text):
    assert parse_time_text(unicodedata.normalize("NFD", text)) == parse_time_text(text)


@pytest.mark.parametrize("text", [c[1] for c in SEED_TIME_TEXTS])
def test_pdf_line_breaks_do_not_matter(text):
    assert parse_time_text(text) == parse_time_text(_collapse(text))
    assert parse_time_text(text.replace(" ", "\n \t")) == parse_time_text(text)


def test_narrative_start_and_end_given_separately():
    assert parse_time_text("9/2024").start == D(2024, 9, 1)
    assert parse_time_text("5/2029").due == D(2029, 5, 31)


def test_rules_name_the_rule_used():
    rules = dict((rule, example) for example, rule in TIME_RULES)
    assert parse_time_text("Tháng 5/2026").rule == "Tháng M/YYYY (hoặc M/YYYY) → bắt đầu ngày đầu tháng, hạn là ngày cuối tháng"
    for text in ["Tháng 5/2026", "Tháng 9/2024 đến tháng 5/2025", "Năm học 2024-2025", "Thực hiện thường xuyên",
                 "Thời gian bắt đầu: 9/2024   Thời gian hoàn thành: 5/2029", "31/12/2025", "Quý 4/2025", "", "abc"]:
        assert parse_time_text(text).rule in rules
    assert "31/05/B" in parse_time_text("Tháng 01/2023 đến hết năm học 2022 - 2023").rule
    assert "tiếp theo" in parse_time_text("Năm học 2023 – 2024 và những năm học tiếp theo").rule
    assert "thường xuyên" in parse_time_text("Thực hiện thường xuyên").rule


@pytest.mark.parametrize("example, rule", TIME_RULES)
def test_every_time_rule_example_parses_as_documented(example, rule):
    school_year = "2024-2025" if example == "Tháng 5" else None  # the "month without year" example
    span = parse_time_text(example, school_year)
    assert span.rule.startswith(rule)
    not_parsed = ("", "Theo kế hoạch", "Tháng 5 (chưa chọn năm học)", "Năm học 2012-2023")
    assert span.parsed == (example not in not_parsed)


@pytest.mark.parametrize("text, school_year, start, due", [
    ("Tháng 5", "2024-2025", D(2025, 5, 1), D(2025, 5, 31)),
    ("Tháng 9", "2024-2025", D(2024, 9, 1), D(2024, 9, 30)),
    ("Tháng 12", "2024 – 2025", D(2024, 12, 1), D(2024, 12, 31)),
    ("tháng 1", "2024-2025", D(2025, 1, 1), D(2025, 1, 31)),
    ("Tháng 9 đến tháng 5", "2024-2025", D(2024, 9, 1), D(2025, 5, 31)),
    ("Tháng 10/2024 đến tháng 5", "2024-2025", D(2024, 10, 1), D(2025, 5, 31)),
    ("Cuối năm học", "2024-2025", None, D(2025, 5, 31)),
    ("Học kì II", "2025-2026", D(2026, 2, 1), D(2026, 5, 31)),
])
def test_month_without_year_uses_school_year(text, school_year, start, due):
    span = parse_time_text(text, school_year)
    assert (span.start, span.due, span.parsed) == (start, due, True)
    assert "suy ra" in span.rule and normalise_school_year(school_year) in span.rule


def test_explicit_year_wins_over_school_year():
    span = parse_time_text("Tháng 5/2026", "2020-2021")
    assert (span.start, span.due) == (D(2026, 5, 1), D(2026, 5, 31))
    assert "suy ra" not in span.rule


def test_month_without_year_and_no_school_year():
    for school_year in (None, "", "2024-2026", "abc"):
        span = parse_time_text("Tháng 5", school_year)
        assert (span.start, span.due, span.ongoing, span.parsed) == (None, None, False, False)
        assert "không ghi năm" in span.rule


def test_reversed_range_is_kept_but_flagged():
    span = parse_time_text("Tháng 5/2025 đến tháng 9/2024")
    assert (span.start, span.due) == (D(2025, 5, 1), D(2024, 9, 30))
    assert "lưu ý" in span.rule


def test_lamp_is_not_a_range_marker():
    # "đèn" (lamp) folds to "den" like "đến"; it must not split the text.
    span = parse_time_text("Lắp đèn báo cháy tháng 5/2026")
    assert (span.start, span.due) == (D(2026, 5, 1), D(2026, 5, 31))


@pytest.mark.parametrize("text", [
    None, "", "   ", "\n\n", "<p></p>", "Theo kế hoạch", "Nhu cầu biên chế", "abc", "Tháng 13/2025",
    "31/02/2025", "Năm học 2012-2023", "Năm học 2024-2026", "Thời gian thực hiện và hoàn thành", "???", "0/2025",
    "\x00", "đ" * 10_000, "1" * 5000, "Tháng " * 2000, "9999-99-99", "Quý 5/2025", "<<>>", "&#xffffff;",
])
def test_unparseable_texts_do_not_raise(text):
    span = parse_time_text(text)
    assert isinstance(span, TimeSpan)
    assert (span.start, span.due, span.ongoing, span.parsed) == (None, None, False, False)
    assert span.rule


def test_invalid_school_year_explained():
    assert "không liên tiếp" in parse_time_text("Năm học 2012-2023").rule


@pytest.mark.parametrize("value", [D(2026, 3, 1), datetime(2026, 3, 1, 10, 30), 46082, 46082.5])
def test_non_string_time_cells(value):
    span = parse_time_text(value)
    assert (span.start, span.due, span.parsed) == (D(2026, 3, 1), D(2026, 3, 1), True)


@pytest.mark.parametrize("value", [object(), [], {}, 1.5e300, float("nan"), b"Th\xe1ng"])
def test_odd_objects_do_not_raise(value):
    assert parse_time_text(value).parsed is False


def test_timespan_is_frozen():
    span = parse_time_text("Tháng 5/2026")
    with pytest.raises(AttributeError):
        span.due = None  # type: ignore[misc]


# ---------------------------------------------------------------- parse_date
@pytest.mark.parametrize("value, expected", [
    ("31/12/2025", D(2025, 12, 31)),
    ("1/3/2026", D(2026, 3, 1)),
    ("01/03/2026", D(2026, 3, 1)),
    ("01.03.2026", D(2026, 3, 1)),
    ("1-3-2026", D(2026, 3, 1)),
    ("2026-03-01", D(2026, 3, 1)),
    ("2026-03-01T08:15:00", D(2026, 3, 1)),
    (" 2026-03-01 00:00:00 ", D(2026, 3, 1)),
    ("ngày 14 tháng 10 năm 2025", D(2025, 10, 14)),
    (unicodedata.normalize("NFD", "ngày 14 tháng 10 năm 2025"), D(2025, 10, 14)),
    (D(2025, 1, 2), D(2025, 1, 2)),
    (datetime(2025, 1, 2, 23, 59), D(2025, 1, 2)),
    (45658, D(2025, 1, 1)),
    (45658.99, D(2025, 1, 1)),
    ("45658", D(2025, 1, 1)),
    (1, D(1900, 1, 1)),
    (59, D(1900, 2, 28)),
    (61, D(1900, 3, 1)),
    (44197, D(2021, 1, 1)),
    (46022, D(2025, 12, 31)),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [
    None, "", "  ", "abc", "31/02/2025", "32/1/2025", "1/13/2025", "12/31/2025", "5/2026", "2025", "Tháng 5/2026",
    0, -1, 10**9, float("nan"), float("inf"), True, False, object(), [], "2026-13-01",
])
def test_parse_date_invalid(value):
    assert parse_date(value) is None


# ---------------------------------------------------------------- money
SEED_BUDGET = ("Đóng \n\ngóp, \n\ntham \n\ngia  \n\ntự \n\nnguyện  \n\ncủa tập \n\nthể CB-\n\nGV-\n\nCNV, \n\nCMHS "
               "\n\nvà HS \n\ntheo \n\nđúng \n\nquy \n\nđịnh.")


def test_seed_budget_text_is_copied_literally(seed_corpus):
    assert SEED_BUDGET in seed_corpus["000"]


@pytest.mark.parametrize("value, expected", [
    ("10.000.000", 10_000_000),  # seed 003
    ("60.000.000", 60_000_000),  # seed 003
    ("10.000.000đ", 10_000_000),
    ("10.000.000 đ", 10_000_000),
    ("10.000.000 đồng", 10_000_000),
    ("10.000.000 VNĐ", 10_000_000),
    ("10,000,000", 10_000_000),
    ("10 000 000", 10_000_000),
    ("60 triệu", 60_000_000),
    ("60 triệu đồng", 60_000_000),
    ("60tr", 60_000_000),
    ("1,5 triệu", 1_500_000),
    ("1.5 triệu", 1_500_000),
    ("1 tỷ", 1_000_000_000),
    ("1 tỉ", 1_000_000_000),
    ("2.5 tỷ", 2_500_000_000),
    ("2,5 tỷ", 2_500_000_000),
    ("500 nghìn", 500_000),
    ("500k", 500_000),
    ("1.500", 1_500),
    ("1.234.567,89", 1_234_568),
    ("0", 0),
    ("0 đồng", 0),
    ("<p>10.000.000</p>", 10_000_000),
    ("Khoảng 60 triệu đồng", 60_000_000),
    (unicodedata.normalize("NFD", "60 triệu đồng"), 60_000_000),
    ("60 trieu", 60_000_000),
    (10_000_000, 10_000_000),
    (1.5e9, 1_500_000_000),
    (2_000_000.0, 2_000_000),
    (Decimal("12.6"), 13),
    (0, 0),
])
def test_parse_money(value, expected):
    assert parse_money(value) == expected


@pytest.mark.parametrize("value", [
    "Đóng góp, tham gia tự nguyện của tập thể CB-GV-CNV, CMHS và HS theo đúng quy định.",
    SEED_BUDGET,
    "Nhu cầu biên chế",  # seed 004 (other column)
    "Các văn bản hướng dẫn về công tác thi đua",  # seed 004
    "Tham mưu lắp đặt 01 hệ thống",
    "", "   ", None, "abc", "10.00.000", True, float("nan"), float("inf"), object(), [],
])
def test_parse_money_none(value):
    assert parse_money(value) is None


def test_money_rule_examples_parse():
    for example, rule in MONEY_RULES:
        expected_none = not any(ch.isdigit() for ch in example)
        assert (parse_money(example) is None) == expected_none, (example, rule)


# ---------------------------------------------------------------- school years
@pytest.mark.parametrize("text, expected", [
    ("2024-2025", "2024-2025"),
    ("2024 - 2025", "2024-2025"),
    ("2024 – 2025", "2024-2025"),
    ("2024–2025", "2024-2025"),
    ("2024—2025", "2024-2025"),
    ("Năm học 2024 – 2025", "2024-2025"),
    ("2024-25", "2024-2025"),
    (unicodedata.normalize("NFD", "Năm học 2024 – 2025"), "2024-2025"),
    ("2024-2026", None),
    ("2012-2023", None),
    ("2025-2024", None),
    ("2024", None),
    ("", None),
    ("abc", None),
    (None, None),
    (2024, None),
])
def test_normalise_school_year(text, expected):
    assert normalise_school_year(text) == expected


@pytest.mark.parametrize("text", ["2024-2025", "2024 - 2025", "2024–2025", "Năm học 2024 — 2025"])
def test_school_year_bounds(text):
    assert school_year_bounds(text) == (D(2024, 9, 1), D(2025, 5, 31))


@pytest.mark.parametrize("text", ["2024-2026", "", "abc"])
def test_school_year_bounds_invalid(text):
    with pytest.raises(ValueError):
        school_year_bounds(text)


# ---------------------------------------------------------------- rule tables
def test_rule_tables_are_vietnamese_pairs():
    for table in (TIME_RULES, MONEY_RULES):
        assert table and all(isinstance(e, str) and isinstance(r, str) and r for e, r in table)
    assert len({r for _, r in TIME_RULES}) == len(TIME_RULES)
    text = " ".join(r for _, r in TIME_RULES + MONEY_RULES)
    for word in ("tháng", "năm học", "hạn", "thường xuyên", "tiếp theo", "triệu", "tỷ"):
        assert word in text
    assert unicodedata.is_normalized("NFC", text)
