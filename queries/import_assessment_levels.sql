-- the levels a school in scope already has for one year and kind (shown as "old -> new" on import).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id, $school_year, $kind
-- grain: one row per criterion assessed.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where school_id = $school_id
)

select
    a.school_id,
    a.criterion_code,
    a.level
from assessment as a
join schools as s on s.school_id = a.school_id
where a.school_year = $school_year
  and a.kind = $kind
order by a.criterion_code
