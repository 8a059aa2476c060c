"""Vietnamese text without diacritics, for matching ("Đường" -> "Duong"): the rule "đ/Đ -> d, every
combining mark dropped" in one place, as str.translate tables filled on first use of each character."""

from __future__ import annotations

import re
import unicodedata


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
