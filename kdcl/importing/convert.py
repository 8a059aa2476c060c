""".doc (Word 97-2003) and .odt plans converted to .docx with LibreOffice, then read like any .docx.

`soffice --headless --convert-to docx` runs in a temporary folder of its own (the file, the output and
a private LibreOffice profile, so conversions never share or lock a user's profile), with a time limit
(KDCL_CONVERT_TIMEOUT seconds, default 120); the whole process group is killed when it runs over.
A file that is not what its extension says (a .doc that is not an OLE container, an .odt that is not an
OpenDocument text zip) is refused before LibreOffice sees it: LibreOffice would open it as plain text.
Every failure is a FileRejected with a Vietnamese message: LibreOffice missing (how to install it or
to save as .docx), conversion failed, conversion timed out.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from kdcl.importing.safety import MAX_FILE_BYTES, OLE_MAGIC, FileRejected

CONVERTIBLE = (".doc", ".odt")
DEFAULT_TIMEOUT = 120


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed (KDCL_SOFFICE overrides the search)."""
    configured = os.environ.get("KDCL_SOFFICE")
    if configured is not None:
        return shutil.which(configured) if configured else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout_seconds() -> int:
    try:
        return max(int(os.environ.get("KDCL_CONVERT_TIMEOUT", DEFAULT_TIMEOUT)), 1)
    except ValueError:
        return DEFAULT_TIMEOUT


def to_docx(ext: str, data: bytes) -> bytes:
    """The .docx bytes of a .doc/.odt file (`ext` with its dot); raises FileRejected."""
    if not data:
        raise FileRejected("import.err.empty")
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected("import.err.too_big", size=round(len(data) / 1024 / 1024, 1),
                           limit=MAX_FILE_BYTES // 1024 // 1024)
    if not _looks_like(ext, data):  # LibreOffice would open anything as plain text
        raise FileRejected("import.err.convert_failed", ext=ext)
    command = soffice()
    if command is None:
        raise FileRejected("import.err.convert_missing", ext=ext)
    seconds = timeout_seconds()
    with tempfile.TemporaryDirectory(prefix="kdcl-convert-") as tmp:
        folder = Path(tmp)
        source = folder / ("plan" + ext)
        source.write_bytes(data)
        out = folder / "out"
        args = [command, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                "--convert-to", "docx", "--outdir", str(out), str(source)]
        try:
            proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    stdin=subprocess.DEVNULL, start_new_session=True, cwd=tmp)
        except OSError:
            raise FileRejected("import.err.convert_missing", ext=ext) from None
        try:
            proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise FileRejected("import.err.convert_timeout", ext=ext, seconds=seconds) from None
        result = out / "plan.docx"
        if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise FileRejected("import.err.convert_failed", ext=ext)
        return result.read_bytes()


def _looks_like(ext: str, data: bytes) -> bool:
    """A Word 97-2003 file is an OLE container; an .odt is a zip whose first entry names its type."""
    if ext == ".doc":
        return data.startswith(OLE_MAGIC)
    return data.startswith(b"PK") and b"opendocument.text" in data[:200]


def _kill(proc: subprocess.Popen) -> None:
    """End the conversion and every process it started (its own session), then reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.wait()
