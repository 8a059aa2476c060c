-- criterion levels of every school in scope that uses one framework and has an assessment of
-- $kind in $school_year (a criterion without a level is a row with level null).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $kind, $framework_id
-- grain: one row per assessed school and criterion of the framework.
with schools as (
    select school_id, name, school_type, unit_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where framework_id = $framework_id
),

assessed as (
    select s.*
    from schools as s
    where exists (
        select 1 from assessment as a
        where a.school_id = s.school_id and a.school_year = $school_year and a.kind = $kind
    )
)

select
    s.school_id,
    s.name,
    s.school_type,
    s.unit_id,
    u.name as unit_name,
    c.criterion_code,
    a.level
from assessed as s
join unit as u on u.unit_id = s.unit_id
join criterion as c on c.framework_id = $framework_id
left join assessment as a
    on a.school_id = s.school_id and a.criterion_code = c.criterion_code
   and a.school_year = $school_year and a.kind = $kind
order by s.name, s.school_id, c.sort_order
