"""Text clean-up shared by every reader.

- `clean(text)`: what is stored. NFC; HTML tags and entities removed (`<p>`, `<i>` from
  converted documents); Word artefacts such as "[bookmark: _GoBack]" dropped; non-breaking
  and odd spaces become plain spaces; control characters dropped (kdcl.text.drop_controls);
  runs of spaces/tabs collapsed inside each line; empty lines dropped (paragraphs stay separated by "\\n"). Empty text becomes None.
- `fold(text)`: for matching only: `kdcl.text.fold` (lower case, diacritics stripped, đ -> d,
  punctuation kept, single spaces). "Mã  Trường" and "ma truong" fold the same.
- `header_key(text)`: for column headers. `fold`, without anything in parentheses and
  without punctuation, so "Tỉnh/Thành phố" = "tinh thanh pho" and "Mức đạt (0-3)" = "muc dat".
"""

from __future__ import annotations

import html
import re
import unicodedata

from kdcl.text import drop_controls, fold  # noqa: F401  (fold: the one matching key; readers import it from here too)

_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_BREAK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li)\s*/?>", re.I)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]{0,200}\]", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# anything `clean` would change besides NFC: tags, entities, bookmarks, line breaks, odd or repeated spaces
_NEEDS_CLEANING = re.compile(r"[<&\[\n\r\v\f\t\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\x00-\x1f\x7f-\x9f]|  ")


def clean(text: object) -> str | None:
    """The stored form of a cell or paragraph (see module docstring)."""
    if text is None:
        return None
    if not isinstance(text, str):
        text = str(text)
    if (text and not text[0].isspace() and not text[-1].isspace() and not _NEEDS_CLEANING.search(text)
            and unicodedata.is_normalized("NFC", text)):
        return text  # the common case, already clean (same result as _clean_fully, without the work)
    return _clean_fully(text)


def _clean_fully(text: str) -> str | None:
    s = nfc(text).translate(_INVISIBLE)
    s = _BREAK_TAG.sub("\n", s)
    s = _TAG.sub(" ", s)
    s = html.unescape(s)
    s = _BOOKMARK.sub("", s)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    s = drop_controls(s)  # \x07, \x1b...: invisible, and they break .xlsx/.docx files (issue 21)
    lines = [_SPACES.sub(" ", line).strip() for line in s.split("\n")]
    out = "\n".join(line for line in lines if line)
    return nfc(out) or None


def one_line(text: object) -> str | None:
    """`clean` with every line joined by a space (headings, names, codes)."""
    s = clean(text)
    return None if s is None else " ".join(s.split())


_PAREN = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def header_key(text: object) -> str:
    """Folded column header without parentheses and punctuation."""
    s = _PAREN.sub(" ", fold(text))
    return " ".join(_NON_WORD.sub(" ", s).split())


def value_key(text: object) -> str:
    """Folded value without punctuation ("Đang thực hiện" = "dang thuc hien")."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def join_text(*parts: str | None, sep: str = "\n") -> str | None:
    """Join the non-empty parts (continuation rows, repeated paragraphs)."""
    kept = [p for p in parts if p]
    return sep.join(kept) if kept else None
