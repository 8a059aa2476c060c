-- how many rows the plan-items export would hold (checked before the file is offered).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id, $school_year
-- grain: one row.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where $school_id is null or school_id = $school_id
),

plans as (
    select p.plan_id
    from plan as p
    join schools as s on s.school_id = p.school_id
    where $school_year is null or $school_year between p.school_year and p.end_school_year
)

select count(*) as export_rows
from plan_item as i
join plans as p on p.plan_id = i.plan_id
