"""What a school's self-assessment report adds to its levels (issue 15): the Mức 4 requirements.
(The report's per-criterion weakness and improvement text come with the criteria: queries/school_criteria.sql.)"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kdcl.access import Scope
from kdcl.data import ASSESSMENTS, SCHOOLS, Filters, reads
from kdcl.db import Store


@dataclass(frozen=True)
class Level4:
    rows: pd.DataFrame  # position, requirement, met, source

    @property
    def met(self) -> int:
        return int(self.rows["met"].sum()) if len(self.rows) else 0

    @property
    def total(self) -> int:
        return len(self.rows)


@reads(ASSESSMENTS, SCHOOLS)
def level4(store: Store, scope: Scope, filters: Filters, school_id: str) -> Level4:
    """The Mức 4 requirements of the school's self-assessment report of the filters' school year."""
    return Level4(store.query("school_level4", **scope.params(), school_id=school_id,
                              school_year=filters.school_year))
