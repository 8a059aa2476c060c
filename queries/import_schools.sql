-- schools the user may import for, with what matching and validation need.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type
-- grain: one row per school in scope.
with schools as (
    select school_id, name, school_type, framework_id, unit_id, former_unit_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
)

select
    s.school_id,
    s.name,
    s.school_type,
    s.framework_id,
    s.unit_id,
    s.former_unit_id
from schools as s
order by s.school_id
