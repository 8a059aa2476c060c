"""Turn the loose Vietnamese time and money cells of improvement plans into dates and amounts.

Plans say "Tháng 5/2026", "Tháng 9/2024 đến tháng 5/2025", "Năm học 2023 – 2024 và những
năm học tiếp theo", "Thực hiện thường xuyên"... A school year (năm học) runs from 01/09 to
31/05. Every rule applied is written down in TIME_RULES / MONEY_RULES (shown in the UI) and
each parse result says, in Vietnamese, which rule produced it.

Matching works on a normalised copy of the text: NFC, HTML tags removed, dashes unified,
whitespace (newlines from PDF extraction) collapsed, lower-cased and stripped of diacritics,
so "Tháng", "tháng" and "thang" are the same word. Stdlib only; parsing never raises.
"""

from __future__ import annotations

import calendar
import html
import logging
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from kdcl.text import strip_marks_aligned


@dataclass(frozen=True)
class TimeSpan:
    start: date | None
    due: date | None
    ongoing: bool  # open-ended: "thường xuyên", "... và những năm học tiếp theo"
    rule: str  # Vietnamese explanation of the rule that produced the dates
    parsed: bool  # False when nothing could be understood


# key -> (example, rule). The order is the order shown in the UI.
_RULES: dict[str, tuple[str, str]] = {
    "month": ("Tháng 5/2026", "Tháng M/YYYY (hoặc M/YYYY) → bắt đầu ngày đầu tháng, hạn là ngày cuối tháng"),
    "month_range": ("Tháng 9/2024 đến tháng 5/2025",
                    "Tháng M1/Y1 đến tháng M2/Y2 → bắt đầu ngày đầu tháng M1, hạn là ngày cuối tháng M2"),
    "until_sy": ("Tháng 01/2023 đến hết năm học 2022 - 2023",
                 "… đến (hết) năm học A-B → hạn là 31/05/B; bắt đầu theo mốc đứng trước “đến”"),
    "sy": ("Năm học 2024 – 2025", "Năm học A-B → bắt đầu 01/09/A, hạn là 31/05/B"),
    "sy_end": ("Cuối năm học 2024-2025", "Cuối/Hết năm học A-B → hạn là 31/05/B, không có ngày bắt đầu"),
    "hk1": ("Học kì I năm học 2025-2026", "Học kì I năm học A-B → bắt đầu 01/09/A, hạn là 31/01/B"),
    "hk2": ("Học kì II năm học 2025-2026", "Học kì II năm học A-B → bắt đầu 01/02/B, hạn là 31/05/B"),
    "quarter": ("Quý 4/2025", "Quý Q/YYYY → bắt đầu ngày đầu quý, hạn là ngày cuối quý (quý 4 → 31/12)"),
    "year": ("Năm 2025", "Năm YYYY → bắt đầu 01/01/YYYY, hạn là 31/12/YYYY"),
    "date": ("31/12/2025", "Ngày cụ thể (dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, “ngày D tháng M năm YYYY”) "
                           "→ dùng đúng ngày đó"),
    "date_range": ("Từ 01/10/2023 đến 25/5/2024", "Từ ngày … đến ngày … → bắt đầu và hạn là đúng hai ngày đó"),
    "start_end": ("Thời gian bắt đầu: 9/2024   Thời gian hoàn thành: 5/2029",
                  "Thời gian bắt đầu … Thời gian hoàn thành … → bắt đầu là ngày đầu của mốc bắt đầu, "
                  "hạn là ngày cuối của mốc hoàn thành"),
    "start_only": ("Thời gian bắt đầu: 9/2024", "Chỉ có mốc bắt đầu → không có hạn"),
    "deadline": ("Đến tháng 5/2024", "Chỉ có “đến …”, không có mốc bắt đầu → chỉ có hạn, là ngày cuối của mốc đó"),
    "range": ("Năm học 2024-2025, năm học 2025-2026", "Nhiều mốc thời gian → bắt đầu là ngày đầu của mốc đầu tiên, "
                                 "hạn là ngày cuối của mốc cuối cùng"),
    "month_inferred": ("Tháng 5", "Tháng M không ghi năm → suy ra năm từ năm học A-B: "
                                                      "tháng 9–12 thuộc năm A, tháng 1–8 thuộc năm B"),
    "ongoing_next": ("Năm học 2023 – 2024 và những năm học tiếp theo",
                     "… và những/các năm (học) tiếp theo → thực hiện liên tục, không có hạn; "
                     "bắt đầu 01/09/A nếu có ghi năm học A-B"),
    "ongoing_regular": ("Thực hiện thường xuyên", "Có cụm “thường xuyên”, “hằng năm” hoặc “liên tục” → "
                                                  "thực hiện liên tục, không có hạn; bắt đầu theo mốc đầu tiên nếu có"),
    "month_no_year": ("Tháng 5 (chưa chọn năm học)", "Tháng M không ghi năm và không biết năm học → không suy ra được ngày"),
    "invalid_sy": ("Năm học 2012-2023", "Năm học có hai năm không liên tiếp → không hợp lệ, không suy ra ngày"),
    "empty": ("", "Ô thời gian trống → không có ngày"),
    "unparsed": ("Theo kế hoạch", "Không nhận ra mốc thời gian nào → không có ngày; nên ghi theo mẫu "
                                  "“Tháng 5/2026”, “31/12/2025” hoặc “Năm học 2024-2025”"),
}
TIME_RULES: list[tuple[str, str]] = list(_RULES.values())

MONEY_RULES: list[tuple[str, str]] = [
    ("10.000.000", "Dấu chấm ngăn cách hàng nghìn → bỏ dấu: 10.000.000 = 10000000 đồng"),
    ("10,000,000", "Dấu phẩy ngăn cách hàng nghìn cũng được chấp nhận: 10,000,000 = 10000000 đồng"),
    ("10.000.000đ", "Bỏ đơn vị tiền tệ ở cuối: đ, đồng, VNĐ"),
    ("60 triệu", "triệu (tr) → nhân 1.000.000"),
    ("1,5 triệu", "Một dấu phẩy/chấm mà sau nó không đúng 3 chữ số là dấu thập phân: 1,5 triệu = 1.500.000"),
    ("1 tỷ", "tỷ/tỉ → nhân 1.000.000.000 (2.5 tỷ = 2.500.000.000)"),
    ("500 nghìn", "nghìn/ngàn/k → nhân 1.000"),
    ("0", "0 → 0 đồng"),
    ("Đóng góp, tham gia tự nguyện của tập thể", "Không có số tiền → để trống (không cộng vào tổng)"),
]


def _rule(key: str) -> str:
    return _RULES[key][1]


# ---------------------------------------------------------------- normalisation
_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]*>")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
                        | {"\u200b": None, "\ufeff": None})


def _normalise(text: str) -> str:
    """NFC, no HTML tags/entities, one kind of dash, single spaces, lower case."""
    s = html.unescape(_TAG_RE.sub(" ", unicodedata.normalize("NFC", text)))
    return " ".join(unicodedata.normalize("NFC", s).translate(_DASHES).split()).lower()


def _clean(text: str) -> str:
    return strip_marks_aligned(_normalise(text))


# ---------------------------------------------------------------- dates
def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _excel_serial(x: float) -> date | None:
    """1900 date system: 1 = 1900-01-01; Excel's phantom 1900-02-29 (serial 60) maps to 28/02."""
    if not math.isfinite(x):
        return None
    n = math.floor(x)
    if not 1 <= n <= 2958465:
        return None
    if n < 60:
        return date(1899, 12, 31) + timedelta(n)
    return date(1900, 2, 28) if n == 60 else date(1899, 12, 30) + timedelta(n)


_TIME_SUFFIX = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:z|[+-]\d{2}:?\d{2})?"
_DMY = re.compile(r"(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})" + _TIME_SUFFIX)
_YMD = re.compile(r"(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})" + _TIME_SUFFIX)
_WORDS = re.compile(r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")


def parse_date(value) -> date | None:
    """dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, "ngày D tháng M năm YYYY", date/datetime, Excel serial."""
    try:
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, numbers.Real):
            return _excel_serial(float(value))
        if not isinstance(value, str):
            return None
        return _parse_date_text(value)
    except (ValueError, OverflowError, TypeError):
        pass
    return None


@lru_cache(maxsize=16384)
def _parse_date_text(value: str) -> date | None:
    try:
        s = _clean(value)
        if m := _DMY.fullmatch(s) or _WORDS.fullmatch(s):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _YMD.fullmatch(s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if re.fullmatch(r"\d{5}(?:\.\d+)?", s):
            return _excel_serial(float(s))
    except (ValueError, OverflowError, TypeError):
        pass
    return None


# ---------------------------------------------------------------- school years
def normalise_school_year(text: str) -> str | None:
    """"2024 – 2025" / "Năm học 2024-2025" / "2024-25" -> "2024-2025"; non-consecutive years -> None."""
    return _school_year_text(text) if isinstance(text, str) else None


@lru_cache(maxsize=4096)
def _school_year_text(text: str) -> str | None:
    m = re.fullmatch(r"(?:nam\s+hoc\s*:?\s*)?((?:19|20)\d{2})\s*[-/]\s*(\d{4}|\d{2})", _clean(text))
    if not m:
        return None
    a, b = int(m[1]), int(m[2])
    if len(m[2]) == 2:
        b = a + 1 if b == (a + 1) % 100 else -1
    return f"{a}-{a + 1}" if b == a + 1 else None


def school_year_bounds(school_year: str) -> tuple[date, date]:
    """"2024-2025" -> (01/09/2024, 31/05/2025). Raises ValueError on an invalid school year."""
    norm = normalise_school_year(school_year)
    if norm is None:
        raise ValueError(f"not a school year (yyyy-yyyy+1): {school_year!r}")
    a = int(norm[:4])
    return date(a, 9, 1), date(a + 1, 5, 31)


# ---------------------------------------------------------------- time text
_TOKEN_RE = re.compile(r"""
  (?P<words>\bngay\s+(?P<wd>\d{1,2})\s+thang\s+(?P<wm>\d{1,2})\s+nam\s+(?P<wy>\d{4}))
 |(?P<ymd>(?<![\d/.-])(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d))
 |(?P<dmy>(?<![\d/.])(?P<dd>\d{1,2})\s*[/.-]\s*(?P<dm>\d{1,2})\s*[/.-]\s*(?P<dy>\d{4})(?!\d))
 |(?P<hk>\b(?:hoc\s*k[iy]|hk)\s*(?P<hkn>ii|i|2|1)\b(?:\s*,?\s*(?:nam\s+hoc\s*)?(?P<hka>\d{4})\s*-\s*(?P<hkb>\d{4}))?)
 |(?P<quarter>\bquy\s*(?P<qn>iv|iii|ii|i|\d)\s*(?:/|-|,|nam)?\s*(?P<qy>\d{4})(?!\d))
 |(?P<sy>(?:\b(?P<syp>cuoi|het)\s+)?(?P<syw>\bnam\s+hoc\s*|\bnam\s+)?(?<![\d/])(?P<sya>\d{4})\s*-\s*(?P<syb>\d{4})(?!\d))
 |(?P<sy0>(?:\b(?P<sy0p>cuoi|het)\s+)?\bnam\s+hoc\b(?!\s*\d)(?!\s+tiep))
 |(?P<my>(?:\bthang\s*)?(?<![\d/.])(?P<mm>\d{1,2})\s*/\s*(?P<myy>\d{4})(?![\d/]))
 |(?P<mwy>\bthang\s+(?P<xm>\d{1,2})\s*,?\s*nam\s+(?P<xy>\d{4}))
 |(?P<year>\bnam\s+(?P<yy>\d{4})(?![\d/-]))
 |(?P<mo>\bthang\s*(?P<om>\d{1,2})(?![\d/]))
""", re.X)
_ONGOING_NEXT = re.compile(r"\b(?:cac|nhung)\s+nam\s+(?:hoc\s+)?tiep\s+theo\b")
_ONGOING_REGULAR = re.compile(r"thuong\s+xuyen|\bhang\s+nam\b|\blien\s+tuc\b")
_MARKER_RE = re.compile(r"\b(?:den|toi|hoan\s+thanh|ket\s+thuc|han(?:\s+chot)?\s*:)")


@dataclass
class _Tok:
    pos: int
    end: int
    start: date | None
    due: date
    kind: str
    inferred: bool = False


def _scan(s: str, sy: str | None) -> tuple[list[_Tok], set[str]]:
    """All time expressions in `s` (folded text), in order, plus problems met on the way."""
    toks, problems = [], set()
    first = int(sy[:4]) if sy else None
    for m in _TOKEN_RE.finditer(s):
        kind, inferred = m.lastgroup, False
        try:
            if kind == "words":
                start = due = date(int(m["wy"]), int(m["wm"]), int(m["wd"]))
                kind = "date"
            elif kind in ("ymd", "dmy"):
                y, mo, d = (m["iy"], m["im"], m["id"]) if kind == "ymd" else (m["dy"], m["dm"], m["dd"])
                start = due = date(int(y), int(mo), int(d))
                kind = "date"
            elif kind in ("my", "mwy", "mo"):
                if kind == "mo":
                    if first is None:
                        problems.add("month_no_year")
                        continue
                    month, inferred = int(m["om"]), True
                    year = first if month >= 9 else first + 1
                else:
                    month, year = (int(m["mm"]), int(m["myy"])) if kind == "my" else (int(m["xm"]), int(m["xy"]))
                start, due = _month_span(year, month)
                kind = "month_inferred" if inferred else "month"
            elif kind == "quarter":
                q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m["qn"]) or int(m["qn"])
                if not 1 <= q <= 4:
                    raise ValueError(q)
                start, due = date(int(m["qy"]), 3 * q - 2, 1), _month_span(int(m["qy"]), 3 * q)[1]
            elif kind == "year":
                start, due = date(int(m["yy"]), 1, 1), date(int(m["yy"]), 12, 31)
            else:  # school-year based: sy, sy0, hk
                if m["sya"] or m["hka"]:
                    a, b = (int(m["sya"]), int(m["syb"])) if m["sya"] else (int(m["hka"]), int(m["hkb"]))
                    if b != a + 1:
                        if m["syw"] or m["syp"] or kind == "hk":  # a bare "2021-2025" is not a school year
                            problems.add("invalid_sy")
                        continue
                elif first is not None and kind != "sy":
                    a, b, inferred = first, first + 1, True
                else:
                    continue  # "năm học" without years and no school year to fall back on
                if kind == "hk":
                    kind = "hk1" if m["hkn"] in ("i", "1") else "hk2"
                    start, due = (date(a, 9, 1), date(b, 1, 31)) if kind == "hk1" else (date(b, 2, 1), date(b, 5, 31))
                else:
                    deadline = m["syp"] or m["sy0p"]
                    start, due = (None if deadline else date(a, 9, 1)), date(b, 5, 31)
                    kind = "sy_end" if deadline else "sy"
        except ValueError:  # month 13, 31/02, ...
            problems.add("unparsed")
            continue
        toks.append(_Tok(m.start(), m.end(), start, due, kind, inferred))
    return toks, problems


def _marker(s: str, low: str, toks: list[_Tok]) -> re.Match | None:
    """First "đến"/"tới"/"hoàn thành"/"kết thúc"/"hạn:" that has a time expression after it."""
    for m in _MARKER_RE.finditer(s):
        word = low[m.start():m.start() + 3]
        if (m[0] == "den" and word not in ("đến", "den")) or (m[0] == "toi" and word != "tới"):
            continue  # "đèn", "tôi", "tối"
        if any(t.pos >= m.end() for t in toks):
            return m
    return None


def _range_rule(left: list[_Tok], right: list[_Tok]) -> str:
    kinds = {t.kind for t in left + right}
    if right[-1].kind in ("sy", "sy_end"):
        return "until_sy"
    if kinds <= {"month", "month_inferred"}:
        return "month_range"
    return "date_range" if kinds == {"date"} else "range"


def _parse_time(text, school_year) -> TimeSpan:
    if text is None:
        return TimeSpan(None, None, False, _rule("empty"), False)
    if not isinstance(text, str):
        d = parse_date(text)
        if d is not None:
            return TimeSpan(d, d, False, _rule("date"), True)
        text = str(text)
    low = _normalise(text)
    s = strip_marks_aligned(low)
    if not s:
        return TimeSpan(None, None, False, _rule("empty"), False)
    sy = normalise_school_year(school_year) if isinstance(school_year, str) else None
    toks, problems = _scan(s, sy)
    if not toks and (d := parse_date(s)):  # e.g. an Excel serial typed as text
        toks = [_Tok(0, len(s), d, d, "date")]
    if re.fullmatch(r"(?:19|20)\d{2}", s):  # a bare year
        toks = [_Tok(0, 4, date(int(s), 1, 1), date(int(s), 12, 31), "year")]
    regular, nxt = bool(_ONGOING_REGULAR.search(s)), bool(_ONGOING_NEXT.search(s))

    if not toks:
        if regular or nxt:
            return TimeSpan(None, None, True, _rule("ongoing_next" if nxt else "ongoing_regular"), True)
        key = next((k for k in ("invalid_sy", "month_no_year") if k in problems), "unparsed")
        return TimeSpan(None, None, False, _rule(key), False)

    first_start = next((t.start for t in toks if t.start is not None), None)
    if regular or nxt:
        start, due, key = first_start, None, "ongoing_next" if nxt else "ongoing_regular"
    elif m := _marker(s, low, toks):
        left = [t for t in toks if t.end <= m.start()]
        right = [t for t in toks if t.pos >= m.end()]
        start = next((t.start for t in left if t.start is not None), None)
        due = right[-1].due
        if "bat dau" in s and left:
            key = "start_end"
        else:
            key = _range_rule(left, right) if left else "deadline"
    elif "bat dau" in s and len(toks) == 1:
        start, due, key = first_start, None, "start_only"
    elif len(toks) == 1:
        start, due, key = toks[0].start, toks[0].due, toks[0].kind
    else:
        start, due = first_start, toks[-1].due
        key = "range" if any(t.kind in ("sy", "sy_end") for t in toks) else _range_rule(toks[:1], toks[1:])

    rule = _rule(key)
    if any(t.inferred for t in toks):
        rule += f" (năm suy ra từ năm học {sy})"
    if start and due and due < start:
        rule += " (lưu ý: hạn sớm hơn ngày bắt đầu)"
    return TimeSpan(start, due, regular or nxt, rule, True)


def parse_time_text(text: str | None, school_year: str | None = None) -> TimeSpan:
    """Read a plan's time cell. `school_year` ("2024-2025") fills in months written without a year.
    Memoised: a file repeats the same few time texts (TimeSpan is immutable)."""
    try:
        return _parse_time_cached(text, school_year)
    except TypeError:  # an unhashable odd object: read it uncached (and never raise)
        return _parse_time_safe(text, school_year)


@lru_cache(maxsize=16384)
def _parse_time_cached(text: str | None, school_year: str | None) -> TimeSpan:
    return _parse_time_safe(text, school_year)


def _parse_time_safe(text, school_year) -> TimeSpan:
    try:
        return _parse_time(text, school_year)
    except Exception:  # noqa: BLE001 - last resort: a dashboard cell must never crash the page; a bug is logged
        logging.getLogger(__name__).exception("time text not parsed: %r (%s)", text, school_year)
        return TimeSpan(None, None, False, _rule("unparsed"), False)


# ---------------------------------------------------------------- money
_MULTIPLIERS = {"ty": 10**9, "ti": 10**9, "trieu": 10**6, "tr": 10**6, "nghin": 1000, "ngan": 1000, "k": 1000}
_MONEY_RE = re.compile(r"""
  (?<![\d.,])(?P<num>\d{1,3}(?:\ \d{3})+(?![\d.,])|\d+(?:[.,]\d+)*)\s*
  (?P<unit>(?:ty|ti|trieu|tr|nghin|ngan|k)(?![a-z]))?\.?\s*
  (?P<cur>(?:vnd|dong|d)(?![a-z]))?
""", re.X)


def _to_decimal(num: str) -> Decimal | None:
    """Vietnamese or English grouping: "10.000.000", "10,000,000", "1,5", "2.5", "1.234.567,89"."""
    t = num.replace(" ", "")
    seps = [c for c in t if c in ".,"]
    try:
        if not seps:
            return Decimal(t)
        if len(set(seps)) == 2:  # both kinds: the last one is the decimal separator
            cut = max(t.rfind("."), t.rfind(","))
            return Decimal(re.sub(r"[.,]", "", t[:cut]) + "." + t[cut + 1:])
        parts = t.split(seps[0])
        if len(parts) > 2 or len(parts[1]) == 3:  # thousands separators
            return Decimal("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None
        return Decimal(parts[0] + "." + parts[1])
    except InvalidOperation:
        return None


# An improvement-plan item costing more than this is a typo or an attack (10^23 overflows the database):
# the importer refuses it with the row and column (issue 21).
MAX_MONEY_VND = 10**12  # 1.000 tỷ đồng
_AM_BEFORE = re.compile(r"(?:^|[^a-z])am\s*$")  # "âm 5 triệu" (folded)


def _sign_text(before: str, after: str) -> str | None:
    """The text that makes the amount between `before` and `after` negative ("-", "( )", "âm"), or None."""
    before, after = before.rstrip(), after.lstrip()
    if before.endswith("-") and not before[:-1].rstrip()[-1:].isdigit():  # "-5", not "5 - 10"
        return "-"
    if before.endswith("(") and after.startswith(")"):  # accounting style "(5.000.000)"
        return "("
    m = _AM_BEFORE.search(before)
    return "am" if m else None


def parse_money(text) -> int | None:
    """A budget cell in VND -> whole đồng; free text without an amount -> None. See MONEY_RULES."""
    try:
        if text is None or isinstance(text, bool):
            return None
        if isinstance(text, numbers.Integral):
            return int(text)
        if isinstance(text, (numbers.Real, Decimal)):
            value = Decimal(str(text))
            return int(value.quantize(Decimal(1), ROUND_HALF_UP)) if value.is_finite() else None
        if not isinstance(text, str):
            return None
        s = _clean(text)
        for m in _MONEY_RE.finditer(s):
            value = _to_decimal(m["num"])
            if value is None:
                continue
            before, after = s[:m.start()], s[m.end():]
            sign = _sign_text(before, after)
            if sign == "am":
                before = _AM_BEFORE.sub("", before)
            if not (m["unit"] or m["cur"]) and (before + after).strip(" .,:;()~*-"):
                continue  # a bare number inside a sentence is not an amount
            value *= _MULTIPLIERS.get(m["unit"] or "", 1)
            amount = int(value.quantize(Decimal(1), ROUND_HALF_UP))
            return -amount if sign else amount  # negative amounts are refused by the importer
    except (ValueError, ArithmeticError, TypeError):
        pass
    return None
