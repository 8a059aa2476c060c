"""Plain data passed between readers, validation and the writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kdcl.strings import t

KINDS = ("plan", "assessment", "schools")


@dataclass
class Issue:
    """One error or warning about a file, located by row and column when known."""

    file: str
    text: str  # the Vietnamese sentence without its location
    row: int | None = None
    column: str | None = None
    where: str | None = None  # "bảng 1, dòng 4" / "đoạn 12" when a row number alone is unclear

    @property
    def message(self) -> str:
        place = [t("import.loc.file", file=self.file)]
        if self.where:
            place.append(self.where)
        elif self.row is not None:
            place.append(t("import.loc.row", row=self.row))
        if self.column:
            place.append(t("import.loc.column", column=self.column))
        return ", ".join(place) + ": " + self.text

    @property
    def short(self) -> str:
        """The message without the file name (shown inside the file's own box)."""
        place = [self.where] if self.where else ([t("import.loc.row", row=self.row)] if self.row is not None else [])
        if self.column:
            place.append(t("import.loc.column", column=self.column))
        text = ", ".join(place)
        return (text[:1].upper() + text[1:] + ": " + self.text) if text else self.text

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class RawItem:
    """One plan row as read from a document, before it is checked against the database."""

    row: int  # row number (tables: running row of the plan tables; text: line; docx text: paragraph)
    where: str  # human location, e.g. "bảng 1, dòng 5"
    criterion_text: str | None = None
    code: str | None = None
    name: str | None = None
    target_level: int | None = None
    level_text: str | None = None
    weakness: str | None = None
    target_result: str | None = None
    measures: str | None = None
    lead: str | None = None
    support: str | None = None
    time_text: str | None = None
    budget_text: str | None = None
    other_support: str | None = None
    note: str | None = None
    columns: dict[str, str] = field(default_factory=dict)  # field -> column header / label in the file


@dataclass
class ParsedPlan:
    layout: str  # table9 | table5 | narrative | text9 | text5
    items: list[RawItem]
    school_names: list[str]  # school names the document mentions, most frequent first
    years: tuple[str, str] | None  # (first, last) school year the document states
    issues: list[tuple[str, Issue]] = field(default_factory=list)  # ("error"|"warning", issue)
    doc_kind: str = "plan"  # kdcl.importing.doc_kind.classify: plan | self_assessment_report | … | unknown
