-- school years that have assessments or plans, newest first.
-- parameters: none. grain: one row per school year.
with years as (
    select distinct school_year from assessment
    union
    select distinct school_year from plan
)

select school_year
from years
order by school_year desc
