"""Status updates of plan items by principals and the office, with history.

- Every write starts with kdcl.data.require_write (viewers and other schools are refused).
- Optimistic locking: the caller says which version of the item it saw; the update
  (queries/write/update_plan_item.sql) only matches that version and bumps it. If someone
  else changed the item in between, nothing is written and ConflictError is raised.
- A call is one transaction: several items (bulk update) change all together or not at all.
- Every changed field is written to plan_item_log (who, when, field, old, new value).
- A refused edit (a missing reason, a completion date on an item that is not done, ...)
  raises UpdateError with a Vietnamese message and leaves the items as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd

from kdcl.access import AccessDenied, Scope
from kdcl.data import require_write
from kdcl.db import Store, StoreConflict, StoreRefused
from kdcl.rules import STATUSES, format_date
from kdcl.strings import t


class ConflictError(RuntimeError):
    """The item changed since the caller read it; reload and try again."""

    def __init__(self, item_id: int | None = None):
        super().__init__(t("overdue.error.conflict"))
        self.item_id = item_id


class UpdateError(ValueError):
    """An edit the rules refuse; the message is Vietnamese and safe to show."""


class _Keep:
    """Marker: leave this field as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()

EDITABLE_FIELDS = ("status", "status_reason", "completed_on", "progress_note")


@dataclass(frozen=True)
class ItemChange:
    """What to change on one item, and the version the user saw. Fields left at KEEP
    stay as they are, except that leaving a status drops what belonged to it: the
    completion date when the item is no longer done, the reason when the status changes
    without a new one. Marking an item done without a date records today."""

    item_id: int
    expected_version: int
    status: str | Any = KEEP
    status_reason: str | None | Any = KEEP
    completed_on: date | None | Any = KEEP
    progress_note: str | None | Any = KEEP
    today: date = field(default_factory=date.today)


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _date(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _as_log(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def new_values(current: dict[str, Any], change: ItemChange) -> dict[str, Any]:
    """The item's editable fields after `change` (validated; UpdateError if refused)."""
    status = current["status"] if change.status is KEEP else change.status
    if status not in STATUSES:
        raise UpdateError(t("overdue.error.bad_status", status=status))
    status_changed = status != current["status"]

    if change.status_reason is not KEEP:
        reason = _text(change.status_reason)
    else:
        reason = None if status_changed else _text(current["status_reason"])

    if change.completed_on is not KEEP:
        completed = _date(change.completed_on)
    elif status == "done":
        completed = _date(current["completed_on"]) or change.today
    else:
        completed = None

    note = _text(current["progress_note"]) if change.progress_note is KEEP else _text(change.progress_note)

    if status == "dropped" and not reason:
        raise UpdateError(t("overdue.error.reason_required"))
    if completed is not None and status != "done":
        raise UpdateError(t("overdue.error.completed_not_done"))
    if completed is not None and completed > change.today:
        raise UpdateError(t("overdue.error.completed_future", date=format_date(completed)))
    return {"status": status, "status_reason": reason, "completed_on": completed, "progress_note": note}


def _current(frame: pd.DataFrame) -> dict[str, Any]:
    row = frame.iloc[0].to_dict()
    return {
        "school_id": row["school_id"],
        "version": int(row["version"]),
        "status": row["status"],
        "status_reason": _text(row["status_reason"]),
        "completed_on": _date(row["completed_on"]),
        "progress_note": _text(row["progress_note"]),
    }


def update_items(store: Store, scope: Scope, changes: Sequence[ItemChange]) -> dict[int, int]:
    """Apply several changes in one transaction (all or nothing). Returns the new
    version of each item (unchanged items keep theirs). Raises AccessDenied, UpdateError
    or ConflictError, in which case no item changed."""
    if not changes:
        return {}
    ids = [int(c.item_id) for c in changes]
    if len(set(ids)) != len(ids):
        raise UpdateError(t("overdue.error.duplicate_item"))
    # scope first: the item must be visible, and the user allowed to write for its school
    schools = {}
    for item_id in ids:
        seen = store.query("plan_items_current", **scope.params(), item_id=item_id)
        if seen.empty:
            raise AccessDenied(t("overdue.error.not_found", item_id=item_id))
        schools[item_id] = seen["school_id"].iloc[0]
    for school_id in sorted(set(schools.values())):
        require_write(store, scope, school_id)

    changed_at = datetime.now().replace(microsecond=0)
    versions: dict[int, int] = {}
    try:
        with store.transaction() as tx:
            for change in changes:
                item_id = int(change.item_id)
                frame = tx.query("plan_items_current", **scope.params(), item_id=item_id)
                if frame.empty:
                    raise AccessDenied(t("overdue.error.not_found", item_id=item_id))
                current = _current(frame)
                if current["version"] != int(change.expected_version):
                    raise ConflictError(item_id)
                after = new_values(current, change)
                diffs = [(f, current[f], after[f]) for f in EDITABLE_FIELDS if current[f] != after[f]]
                if not diffs:
                    versions[item_id] = current["version"]
                    continue
                result = tx.run(
                    "write/update_plan_item",
                    item_id=item_id,
                    school_id=current["school_id"],
                    expected_version=int(change.expected_version),
                    changed_at=changed_at,
                    changed_by=scope.user,
                    **after,
                )
                if not result:
                    raise ConflictError(item_id)
                versions[item_id] = int(result[0][0])
                for name, old, new in diffs:
                    tx.run(
                        "write/log_plan_item_change",
                        item_id=item_id,
                        school_id=current["school_id"],
                        changed_at=changed_at,
                        changed_by=scope.user,
                        field=name,
                        old_value=_as_log(old),
                        new_value=_as_log(new),
                    )
    except (ConflictError, UpdateError, AccessDenied):
        raise
    except StoreConflict as exc:  # another writer changed the row first (kdcl.db maps DuckDB's error)
        raise ConflictError() from exc
    except StoreRefused as exc:  # the table's own checks refused it (anything else is a bug: it propagates)
        raise UpdateError(t("overdue.error.constraint")) from exc
    return versions


def update_item(
    store: Store,
    scope: Scope,
    item_id: int,
    expected_version: int,
    **fields: Any,
) -> int:
    """Change one item (fields: status, status_reason, completed_on, progress_note,
    today); returns its new version."""
    return update_items(store, scope, [ItemChange(item_id, expected_version, **fields)])[int(item_id)]


def bulk_update(
    store: Store,
    scope: Scope,
    versions: dict[int, int],
    **fields: Any,
) -> dict[int, int]:
    """The same change on several items ({item_id: version seen}), in one transaction."""
    return update_items(store, scope, [ItemChange(i, v, **fields) for i, v in versions.items()])
