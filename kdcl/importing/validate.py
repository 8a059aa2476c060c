"""Checking what was read against the database: schools, frameworks, criteria, levels,
units, dates and money. Produces the rows to write, or errors that reject the file.

Errors (the file is rejected): a school that cannot be found or is outside the user's scope,
a school year that is not "A-(A+1)", a criterion code that is not in the school's framework
(or a name that matches none), a level outside 0-3 (assessments) or 1-3 (plan targets) or
above what the criterion allows, a date column that is not a date, an unknown status, school
type or assessment kind, a status "Không thực hiện" without a reason, a completion date on an
item that is not done, a required column or value missing.
Warnings (shown, the file still goes in): a time text that gives no date, a budget that is not
a number (kept as text), a criterion recognised by its name, a document whose school or year
differs from the one chosen, new units created, columns outside the template, an item without
target level or time.

The checks live in one module each (issue 19); this module is their entry point and re-exports
what the service, the writer, the CLI and the tests use:
- problems.py: Problems (the errors and warnings of one file)
- context.py: Context (what the checks read from the database, once per file)
- values.py: cell values, a plan item's values (ItemValues) with its time text and budget
- merge.py: what gets written (PlanWrite, AssessmentWrite, SchoolsWrite, Conflict) and the merge
  with the stored plans (MATCH_RULE, match_items, revise)
- units.py: units named in a file (OFFICE_RULE, UnitResolver)
- validate_plans.py, validate_assessments.py, validate_schools.py: the checks of each kind of file
"""

from __future__ import annotations

from kdcl.importing.context import Context
from kdcl.importing.merge import (
    ITEM_FIELDS,
    MATCH_RULE,
    AssessmentWrite,
    Conflict,
    PlanWrite,
    SchoolsWrite,
    field_label,
    match_items,
    progress_text,
)
from kdcl.importing.problems import Problems
from kdcl.importing.units import OFFICE_RULE
from kdcl.importing.validate_assessments import assessments_from_table
from kdcl.importing.validate_plans import plan_from_document, plans_from_table
from kdcl.importing.validate_schools import schools_from_table
from kdcl.importing.values import ItemValues, check_level

__all__ = [
    "ITEM_FIELDS", "MATCH_RULE", "OFFICE_RULE", "AssessmentWrite", "Conflict", "Context", "ItemValues", "PlanWrite",
    "Problems", "SchoolsWrite", "assessments_from_table", "check_level", "field_label", "match_items",
    "plan_from_document", "plans_from_table", "progress_text", "schools_from_table",
]
