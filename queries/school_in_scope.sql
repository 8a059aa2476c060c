-- whether one school is visible in a user's scope (checked before every write).
-- parameters: $scope_unit_id, $scope_school_id, $school_id. grain: one row.
select count(*) > 0 as visible
from scoped_school($scope_unit_id, $scope_school_id, $school_id)
