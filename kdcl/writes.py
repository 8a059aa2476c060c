"""Domain writes shared by the demo, importers and pages; each runs inside a
`Store.transaction()` so a failure leaves the database as it was."""

from __future__ import annotations

import pandas as pd

from kdcl.db import Transaction


def save_units(tx: Transaction, units: pd.DataFrame) -> int:
    """Insert units parents-first (the parent_id foreign key is checked per statement)
    and rebuild the ancestor/descendant closure used by every scope filter."""
    existing = set(tx.query("unit_ids")["unit_id"])
    pending = units[~units["unit_id"].isin(existing)]
    known = set(existing)
    while not pending.empty:
        ready = pending["parent_id"].isna() | pending["parent_id"].isin(known)
        if not ready.any():
            missing = sorted(set(pending["parent_id"]) - known)
            raise ValueError(f"unknown parent units: {missing}")
        tx.insert_frame("unit", pending[ready])
        known |= set(pending.loc[ready, "unit_id"])
        pending = pending[~ready]
    tx.run("write/clear_unit_closure")
    tx.run("write/rebuild_unit_closure")
    return len(units)
