-- one school's self-assessed level of every criterion in every school year it has one.
-- parameters: $scope_unit_id, $scope_school_id, $school_id. grain: one row per school year and criterion.
with school as (
    select school_id, framework_id
    from scoped_schools($scope_unit_id, $scope_school_id, null, null)
    where school_id = $school_id
)

select
    a.school_year,
    a.criterion_code,
    a.level
from assessment as a
join school as s on s.school_id = a.school_id and s.framework_id = a.framework_id
join criterion as c on c.framework_id = a.framework_id and c.criterion_code = a.criterion_code
where a.kind = 'self'
order by a.school_year, c.sort_order
