-- how many rows the assessments export would hold (checked before the file is offered).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id, $school_year
-- grain: one row.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where $school_id is null or school_id = $school_id
)

select count(*) as export_rows
from assessment as a
join schools as s on s.school_id = a.school_id
where $school_year is null or a.school_year = $school_year
