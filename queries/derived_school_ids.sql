-- every school id (a derived table rebuilt for all schools when a write did not say which it touched).
-- parameters: none.
-- grain: one row per school.
select school_id
from school
order by school_id
