"""The criteria catalogs (frameworks, standards, criteria and the levels each may take), seeded into
every database from data/: data/frameworks.csv registers each framework and names its catalog file.
Catalogs are data: a new framework is a new catalog file, a registry line and a rule in kdcl.rules.

kdcl.db.Store calls `seed` when it opens a database for writing (after the migrations)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from kdcl.db import Store

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read_framework_registry(data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    """The lines of data/frameworks.csv."""
    with open(data_dir / "frameworks.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def catalog_frame(fw: dict[str, str], data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The criteria of one registry line, as the write/insert_{standards,criteria,criterion_levels}
    statements read them (the relation `incoming`)."""
    catalog = pd.read_csv(data_dir / fw["catalog_file"], dtype=str, keep_default_na=False)
    catalog = catalog[catalog["framework"] == fw["catalog_framework"]].reset_index(drop=True)
    if catalog.empty:
        raise ValueError(f"{fw['catalog_file']}: no criteria for {fw['catalog_framework']}")
    mandatory = set(fw.get("mandatory_criteria", "").split())
    return pd.DataFrame(
        {
            "framework_id": fw["framework_id"],
            "criterion_code": catalog["criterion_code"].str.strip(),
            "standard_no": catalog["standard_no"].astype(int),
            "standard_name": catalog["standard_name"],
            "name": catalog["criterion_name"],
            "indicators_m1": catalog["indicators_m1"].astype(int),
            "indicators_m2": catalog["indicators_m2"].astype(int),
            "indicators_m3": catalog["indicators_m3"].astype(int),
            "mandatory": catalog["criterion_code"].str.strip().isin(mandatory),
            "sort_order": range(1, len(catalog) + 1),
        }
    )


def seed(store: Store, data_dir: Path = DATA_DIR) -> list[str]:
    """Insert every framework of data/frameworks.csv that the database lacks, with its standards,
    criteria and allowed levels (one transaction per framework); the ids added."""
    have = set(store.query("import_frameworks")["framework_id"])
    added = []
    for fw in read_framework_registry(data_dir):
        if fw["framework_id"] in have:
            continue
        crit = catalog_frame(fw, data_dir)
        with store.transaction() as tx:
            tx.run("write/insert_framework", framework_id=fw["framework_id"], family=fw["family"],
                   circular=fw["circular"], title=fw["title"], rule=fw["rule"],
                   verified=fw["verified"].strip().lower() == "true")
            for name in ("write/insert_standards", "write/insert_criteria", "write/insert_criterion_levels"):
                tx.run_with_frame(name, crit)
        added.append(fw["framework_id"])
    return added
