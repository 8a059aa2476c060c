-- which of the given schools are visible in a user's scope (bulk check before an import writes).
-- parameters: $scope_unit_id, $scope_school_id, $school_ids (a list of school ids)
-- grain: one row per visible school. (`in (select unnest(...))`: a hash join, not a list scan per school)
select school_id
from scoped_schools($scope_unit_id, $scope_school_id, null, null)
where school_id in (select unnest($school_ids))
