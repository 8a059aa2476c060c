-- how much data hangs on a school in scope (duckdb cannot move a school that other rows reference).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id
-- grain: one row.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where school_id = $school_id
)

select
    (select count(*) from assessment as a join schools as s on s.school_id = a.school_id) as assessments,
    (select count(*) from plan as p join schools as s on s.school_id = p.school_id) as plans,
    (select count(*) from app_user as u join schools as s on s.school_id = u.school_id) as users
