-- the first school of a type (the demo principal account belongs to it).
-- parameters: $school_type. grain: one row.
select min(school_id) as school_id
from school
where school_type = $school_type
