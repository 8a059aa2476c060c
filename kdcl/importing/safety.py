"""What a file must pass before any parser sees it.

- size: at most MAX_FILE_BYTES (10 MB); an empty file is rejected.
- format by extension: .docx and .txt (improvement plans), .xlsx and .csv (templates).
  Old binary formats (.doc, .xls), macro-enabled ones (.docm, .xlsm) and anything else are
  rejected with a hint to save as .docx/.xlsx.
- .docx/.xlsx are zip containers; before opening one we read its directory only and reject:
  a broken zip, an encrypted entry (or a password-protected Office file, which is an OLE
  container), more than MAX_ZIP_ENTRIES entries, a total uncompressed size above
  MAX_UNZIPPED_BYTES (50 MB), a compression ratio above MAX_RATIO (100, a zip bomb), macros
  (vbaProject.bin or a macro-enabled content type) and a container that is not the claimed
  type (a workbook renamed .docx). Excel files are then opened read-only, values only, without
  external links (openpyxl keep_links=False); python-docx never resolves external entities.
- text (.csv/.txt) is decoded as UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-byte
  pattern) or else Windows-1258 (cp1258 writes tone marks as combining characters), then
  normalised to NFC. A file mixing UTF-8 and Windows-1258 lines is refused with the first line
  that is not UTF-8.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass

from kdcl.strings import t

MAX_FILE_BYTES = 10 * 1024 * 1024
# one upload batch (the import page): files past this total are refused unread, so a batch of
# near-limit documents cannot hold the server's memory and time (issue 21, benchmarks/bench_upload.py)
MAX_BATCH_BYTES = 40 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_ZIP_ENTRIES = 2000
MAX_TABLE_ROWS = 100_000  # data rows of one .xlsx/.csv file
MAX_PLAN_ITEMS = 1_000  # items of one plan document

FORMATS = {".docx": "docx", ".txt": "txt", ".xlsx": "xlsx", ".csv": "csv"}
OLD_FORMATS = {".doc": "docx", ".xls": "xlsx", ".docm": "docx", ".xlsm": "xlsx", ".dotx": "docx",
               ".xltx": "xlsx", ".rtf": "docx", ".odt": "docx", ".ods": "xlsx", ".pdf": "docx"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class FileRejected(ValueError):
    """The whole file is refused; `key` and `values` give the Vietnamese message (kdcl.strings)."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class CheckedFile:
    name: str
    fmt: str  # docx | txt | xlsx | csv
    data: bytes


def extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def check(name: str, data: bytes) -> CheckedFile:
    """Size, format and container checks; raises FileRejected."""
    ext = extension(name)
    if ext in OLD_FORMATS:
        raise FileRejected("import.err.old_format", ext=ext, hint="." + OLD_FORMATS[ext])
    if ext not in FORMATS:
        raise FileRejected("import.err.format", ext=ext or t("import.no_extension"))
    if len(data) == 0:
        raise FileRejected("import.err.empty")
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected("import.err.too_big", size=round(len(data) / 1024 / 1024, 1),
                           limit=MAX_FILE_BYTES // 1024 // 1024)
    fmt = FORMATS[ext]
    if fmt in ("docx", "xlsx"):
        check_zip(data, fmt)
    return CheckedFile(name=name, fmt=fmt, data=data)


def check_zip(data: bytes, fmt: str) -> None:
    if data.startswith(OLE_MAGIC):
        raise FileRejected("import.err.encrypted_or_old")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FileRejected("import.err.broken_zip")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if len(infos) > MAX_ZIP_ENTRIES:
                raise FileRejected("import.err.zip_bomb")
            if any(i.flag_bits & 0x1 for i in infos):
                raise FileRejected("import.err.encrypted_or_old")
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos)
            if total > MAX_UNZIPPED_BYTES:
                raise FileRejected("import.err.zip_bomb")
            if packed and total / packed > MAX_RATIO:
                raise FileRejected("import.err.zip_bomb")
            for i in infos:
                if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                    raise FileRejected("import.err.zip_bomb")
            if any(n.lower().endswith("vbaproject.bin") or "/vba" in n.lower() for n in names):
                raise FileRejected("import.err.macro")
            if "[Content_Types].xml" in names:
                types = zf.read("[Content_Types].xml")[:200_000].lower()
                if b"macroenabled" in types or b"vbaproject" in types:
                    raise FileRejected("import.err.macro")
            wanted = "word/document.xml" if fmt == "docx" else "xl/workbook.xml"
            if wanted not in names:
                other = "xlsx" if fmt == "docx" and "xl/workbook.xml" in names else (
                    "docx" if fmt == "xlsx" and "word/document.xml" in names else None)
                if other:
                    raise FileRejected("import.err.wrong_container", found="." + other)
                raise FileRejected("import.err.broken_zip")
            # a CRC check of the part we are going to parse: a truncated file fails here
            if zf.testzip() is not None:
                raise FileRejected("import.err.broken_zip")
    except zipfile.BadZipFile:
        raise FileRejected("import.err.broken_zip") from None
    except (RuntimeError, NotImplementedError):  # encrypted entry or unknown compression
        raise FileRejected("import.err.encrypted_or_old") from None


def _utf8_or_line(data: bytes, first_line: int = 1) -> tuple[str | None, int | None]:
    """(text, None) when `data` is UTF-8; else (None, number of the first line that is not)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, first_line + data.count(b"\n", 0, exc.start)


def _has_utf8_letters(data: bytes) -> bool:
    """Some line holds valid UTF-8 beyond ASCII (a line written by a UTF-8 program)."""
    for line in data.split(b"\n"):
        if max(line, default=0) >= 0x80:
            try:
                line.decode("utf-8")
                return True
            except UnicodeDecodeError:
                continue
    return False


def decode_text(data: bytes) -> tuple[str, str]:
    """(text in NFC, encoding name) for a .csv/.txt file. A file mixing UTF-8 lines and
    Windows-1258 lines (rows pasted from another file) is refused with the first line that is
    not UTF-8, never stored as mojibake or U+FFFD (issue 21)."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, bad_line = _utf8_or_line(data[3:])
        if text is None:
            raise FileRejected("import.err.mixed_encoding", line=bad_line)
        enc = "UTF-8 (BOM)"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = data.decode("utf-16", errors="replace"), "UTF-16"
    else:
        sample = data[:4000]
        odd_nuls = sample[1::2].count(0)
        even_nuls = sample[0::2].count(0)
        half = max(len(sample) // 2, 1)
        if odd_nuls > half * 0.3 and even_nuls == 0:
            text, enc = data.decode("utf-16-le", errors="replace"), "UTF-16"
        elif even_nuls > half * 0.3 and odd_nuls == 0:
            text, enc = data.decode("utf-16-be", errors="replace"), "UTF-16"
        else:
            text, bad_line = _utf8_or_line(data)
            if text is not None:
                enc = "UTF-8"
            elif _has_utf8_letters(data):
                raise FileRejected("import.err.mixed_encoding", line=bad_line)
            else:
                text, enc = data.decode("cp1258", errors="replace"), "Windows-1258"
                if "\ufffd" in text:  # a byte Windows-1258 does not define: another encoding, never guessed
                    raise FileRejected("import.err.undecodable", line=text.count("\n", 0, text.index("\ufffd")) + 1)
    if "\x00" in text:
        raise FileRejected("import.err.binary_text")
    return unicodedata.normalize("NFC", text), enc
