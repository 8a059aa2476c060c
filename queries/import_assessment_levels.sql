-- the levels schools in scope already have (shown as "old -> new" on import), for the schools of one file.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_ids, $school_years (lists)
-- grain: one row per school, school year, kind and criterion assessed.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where list_contains($school_ids, school_id)
)

select
    a.school_id,
    a.school_year,
    a.kind,
    a.criterion_code,
    a.level
from assessment as a
join schools as s on s.school_id = a.school_id
where list_contains($school_years, a.school_year)
order by a.school_id, a.school_year, a.kind, a.criterion_code
