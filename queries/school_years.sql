-- school years that have assessments or plans, newest first.
-- parameters: none. grain: one row per school year.
-- the assessed years from the stored level counts (0012: a row per school, year and kind assessed; every
-- assessment row has its criterion), not the 3.9 M assessment rows: every status save asks again.
with years as (
    select distinct school_year from school_year_level
    union
    select distinct school_year from plan
)

select school_year
from years
order by school_year desc
