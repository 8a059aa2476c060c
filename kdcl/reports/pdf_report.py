"""The slides as a PDF: the HTML document of kdcl.reports.html_slides printed by headless
Chromium in a subprocess (A4 landscape, one slide per page).

Chromium is found in $KDCL_CHROMIUM, else /usr/bin/chromium, else `chromium` or
`google-chrome` on the PATH. It runs with a throw-away profile directory and every
background network feature off; the document is self-contained, so nothing is fetched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kdcl.reports import html_slides
from kdcl.reports.slides import Slide
from kdcl.strings import t

DEFAULT_CHROMIUM = "/usr/bin/chromium"
FALLBACK_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_SECONDS = 120
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=10000",
    "--no-pdf-header-footer",
)


class PdfError(RuntimeError):
    """PDF could not be made; the message is Vietnamese and safe to show."""


def find_chromium() -> str:
    """Path of the Chromium executable, or PdfError with what to install."""
    configured = os.environ.get("KDCL_CHROMIUM")
    candidates = [configured] if configured else []
    candidates.append(DEFAULT_CHROMIUM)
    for candidate in candidates:
        path = shutil.which(candidate) if candidate and os.sep not in candidate else candidate
        if path and Path(path).is_file() and os.access(path, os.X_OK):
            return path
    for name in FALLBACK_NAMES:
        path = shutil.which(name)
        if path:
            return path
    raise PdfError(t("present.pdf.no_chromium"))


def html_to_pdf(document: str, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """Print an HTML document to PDF with headless Chromium."""
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="kdcl-pdf-") as tmp:
        source = Path(tmp) / "slides.html"
        out = Path(tmp) / "slides.pdf"
        source.write_text(document, encoding="utf-8")
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",  # never the user's profile, never a running instance's
            f"--print-to-pdf={out}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, cwd=tmp, check=False,
                                  env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired:
            raise PdfError(t("present.pdf.timeout", seconds=timeout)) from None
        except OSError as exc:
            raise PdfError(t("present.pdf.error", error=exc)) from None
        if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            detail = done.stderr.decode(errors="replace").strip().splitlines()[-3:]
            raise PdfError(t("present.pdf.failed", code=done.returncode, detail=" ".join(detail)))
        return out.read_bytes()


def build_pdf(slides: Sequence[Slide]) -> bytes:
    """The slides as a PDF, one A4 landscape page per slide."""
    return html_to_pdf(html_slides.document(slides))
