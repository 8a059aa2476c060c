-- the schools a manager may give a principal account: those in its scope, with their unit's name.
-- parameters: $scope_unit_id, $scope_school_id. grain: one row per school.
select s.school_id, s.name, u.name as unit_name
from scoped_schools($scope_unit_id, $scope_school_id, null, null) as s
left join unit as u on u.unit_id = s.unit_id
order by s.name, s.school_id
