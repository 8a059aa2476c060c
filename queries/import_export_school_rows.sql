-- how many rows the schools export would hold (checked before the file is offered).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id
-- grain: one row.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where $school_id is null or school_id = $school_id
)

select count(*) as export_rows
from schools
