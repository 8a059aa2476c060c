-- the schools a user may pick on the school page (scope and page filters), by name.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type. grain: one row per school.
select
    s.school_id,
    s.name,
    s.school_type,
    u.name as unit_name
from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s
join unit as u on u.unit_id = s.unit_id
order by s.name, s.school_id
