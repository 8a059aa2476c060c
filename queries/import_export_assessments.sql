-- assessments in the assessments template shape: schools in scope, optionally one school and one year.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id, $school_year
-- grain: one row per school, year, kind and criterion.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where $school_id is null or school_id = $school_id
)

select
    a.school_id,
    a.school_year,
    a.kind,
    a.criterion_code,
    a.level
from assessment as a
join schools as s on s.school_id = a.school_id
join criterion as c on c.framework_id = a.framework_id and c.criterion_code = a.criterion_code
where $school_year is null or a.school_year = $school_year
order by a.school_id, a.school_year, a.kind, c.sort_order
