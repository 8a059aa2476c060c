"""Vietnamese text without diacritics, for matching ("Đường" -> "Duong"): the rule "đ/Đ -> d, every
combining mark dropped" in one place, as str.translate tables filled on first use of each character.

`fold` is the one matching key (accents, case, dashes and spacing ignored); `fold_many` the same for a
long list; the SQL macro fold() (kdcl/migrations/0008_fold.sql) is its twin in queries."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc


class _BaseLetters(dict):
    """str.translate table: a character -> itself without its marks. `aligned`: always exactly one
    character (a mark alone -> space; a character whose base is several -> itself), so positions
    in the result match the input."""

    def __init__(self, aligned: bool):
        super().__init__()
        self.aligned = aligned

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if ch in "đĐ":
            base = "d"
        elif self.aligned and len(base) != 1:
            base = " " if not base else ch
        self[code] = base
        return base


_FREE = _BaseLetters(aligned=False)
_ALIGNED = _BaseLetters(aligned=True)


def strip_marks(text: str) -> str:
    """Without diacritics; đ/Đ -> d (other letters keep their case)."""
    return text.translate(_FREE)


def strip_marks_aligned(text: str) -> str:
    """`strip_marks` keeping one output character per input character."""
    return text.translate(_ALIGNED)


# --------------------------------------------------------------------------- fold: the one matching key
# The same rule as the SQL macro fold() (kdcl/migrations/0008_fold.sql); tests/test_text.py checks the two
# agree on random text. Every comparison that ignores accents and case goes through one of them.
WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff"  # soft hyphen, zero-width characters, byte-order mark
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens, en/em dashes, minus: all "-"

_SPACE_RUN = re.compile(f"[{WHITESPACE}]+")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_DASH_TABLE = str.maketrans(dict.fromkeys(DASHES, "-"))


def _fold(text: str) -> str:
    s = unicodedata.normalize("NFC", text).lower()
    s = _INVISIBLE_RE.sub("", s.translate(_FREE)).translate(_DASH_TABLE)
    return _SPACE_RUN.sub(" ", s).strip(" ")


_fold_short = lru_cache(maxsize=65536)(_fold)  # names, codes, labels: few distinct values, folded once each


def fold(text: object) -> str:
    """The matching key: NFC, lower case, no diacritics (đ -> d), invisible characters dropped, every
    dash "-", runs of whitespace one space, trimmed. "Sĩ  SỐ" -> "si so"; None/NaN -> ""."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    if not isinstance(text, str):
        text = str(text)
    return _fold_short(text) if len(text) <= 200 else _fold(text)


def fold_many(texts: list[str | None] | pa.Array) -> list[str]:
    """`fold` for a long list at once (a picker's 45,000 labels), vectorised in Arrow; same result."""
    if not isinstance(texts, (pa.Array, pa.ChunkedArray)):
        texts = pa.array(texts, pa.string())
    s = pc.utf8_lower(pc.utf8_normalize(texts.fill_null(""), "NFC"))
    s = pc.utf8_normalize(s, "NFD")
    s = pc.replace_substring_regex(s, r"\p{Mn}", "")
    s = pc.replace_substring(pc.utf8_normalize(s, "NFC"), "đ", "d")
    s = pc.replace_substring_regex(s, f"[{INVISIBLE}]", "")
    s = pc.replace_substring_regex(s, f"[{DASHES}]", "-")
    s = pc.replace_substring_regex(s, f"[{WHITESPACE}]+", " ")
    return pc.utf8_trim(s, " ").to_pylist()


# --------------------------------------------------------------------------- control characters (issue 21)
# C0 controls except tab, line feed and carriage return; DEL; C1 controls. They are invisible, break
# .xlsx/.docx files (XML 1.0 forbids most of them) and terminals (ESC sequences). Dropping them keeps
# every visible character.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def drop_controls(text: str) -> str:
    """`text` without control characters (tab, line feed and carriage return are kept)."""
    return CONTROL_CHARACTERS.sub("", text)


# --------------------------------------------------------------------------- text inside Markdown (issue 21)
# Streamlit renders Markdown (and its own :color[...] / $math$ syntax) in st.markdown, captions, alerts
# and headings: text from plans or the URL goes in with the marks that make links, images, tags,
# emphasis, code, tables, math and headings escaped (CommonMark allows a backslash before any ASCII
# punctuation), so an image link, a tag or **bold** shows as typed and nothing is fetched. Ordinary
# punctuation (. , : ( ) -) is left alone so "tiêu chí 1.5" stays as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|$~&])")


def markdown_literal(text: object) -> str:
    """`text` shown as typed inside Markdown (line breaks kept)."""
    if text is None:
        return ""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", drop_controls(str(text)))
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")
