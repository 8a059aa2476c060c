"""The errors and warnings of one imported file (what rejects it, what is only shown)."""

from __future__ import annotations

from typing import Any

from kdcl.importing.model import Issue
from kdcl.strings import t


class Problems:
    """Errors and warnings of one file."""

    def __init__(self, file: str):
        self.file = file
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []
        self.school_mismatch: dict[str, str] | None = None  # a plan naming another school than the chosen one
        self.conflicts: list[Any] = []  # Conflict: template rows whose item changed since the export

    def error(self, key: str, row: int | None = None, column: str | None = None, where: str | None = None,
              **values: object) -> None:
        self.errors.append(Issue(self.file, t(key, **values), row, column, where))

    def warn(self, key: str, row: int | None = None, column: str | None = None, where: str | None = None,
             **values: object) -> None:
        self.warnings.append(Issue(self.file, t(key, **values), row, column, where))
