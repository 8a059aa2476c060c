"""What the preview says about a plan document (import page and `import --dry-run --json`): the layout
recognised, the number of items, and per item the fields the file left empty."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kdcl.strings import t

# what an item of a plan should state, in the order a clerk checks it (keys of import.missing.*)
EXPECTED_FIELDS = ("level", "weakness_target", "measures", "lead", "time", "due", "budget")


def missing_fields(v) -> list[str]:
    """The EXPECTED_FIELDS an item has no value for: a checked item (kdcl.importing.validate.ItemValues), or an
    item as read (kdcl.importing.model.RawItem) when the file was refused before its items were checked (no
    due date to judge then)."""
    checked = hasattr(v, "due_date")
    missing = []
    if v.target_level is None:
        missing.append("level")
    if not (v.weakness or v.target_result):
        missing.append("weakness_target")
    if not v.measures:
        missing.append("measures")
    if not v.lead:
        missing.append("lead")
    if not v.time_text:
        missing.append("time")
    elif checked and v.due_date is None and not v.ongoing:
        missing.append("due")
    if (v.budget_vnd is None if checked else True) and not v.budget_text:
        missing.append("budget")
    return missing


def _document_items(result) -> list:
    """The checked items of a plan document, else (refused) the items as read."""
    if result.fmt not in ("docx", "txt"):
        return []
    if result.plans:
        return [v for w in result.plans for v in w.items]
    return list(result.read_items)


def _code(v) -> str | None:
    return v.criterion_code if hasattr(v, "criterion_code") else (v.code or v.criterion_text)


def layout_line(result) -> str | None:
    """"Bố cục nhận ra: Bảng kế hoạch 9 cột (mẫu chính thức) · 5 mục." for a plan document, else None."""
    if result.fmt not in ("docx", "txt") or not result.layout or result.layout == "report":
        return None
    return t("import.preview.layout", layout=t("import.layout." + result.layout), items=result.rows)


def missing_frame(result) -> pd.DataFrame:
    """One row per item missing something: criterion, where in the file, the missing fields in Vietnamese."""
    rows = []
    for v in _document_items(result):
        missing = missing_fields(v)
        if missing:
            rows.append({t("import.preview.criterion"): _code(v), t("import.preview.where"): v.where or "",
                         t("import.preview.missing"): ", ".join(t("import.missing." + m) for m in missing)})
    return pd.DataFrame(rows)


def as_json(result) -> dict[str, Any]:
    """The layout and the items with their missing fields, for `--json` (empty for other files)."""
    items = _document_items(result)
    if not items and not layout_line(result):
        return {}
    return {"layout": result.layout, "layout_label": t("import.layout." + result.layout),
            "items": [{"criterion": _code(v), "where": v.where, "missing": missing_fields(v)}
                      for v in items]}
