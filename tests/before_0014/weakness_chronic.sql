-- chronic weaknesses: plan items on a criterion in this and the previous school year(s), no gap, 2+ plans.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $framework_id (null = all)
-- grain: one row per school and criterion whose streak ends in $school_year (the rule: macro chronic_weaknesses, migration 0005).
with schools as (
    select s.school_id, s.name, s.framework_id, u.name as unit_name
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s
    join unit as u on u.unit_id = s.unit_id
    where $framework_id is null or s.framework_id = $framework_id
),

chronic as (
    select school_id, framework_id, criterion_code, first_year, years, plans
    from chronic_weaknesses_0005($scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $framework_id)
)

select
    ch.school_id,
    s.name as school_name,
    s.unit_name,
    ch.framework_id,
    c.standard_no,
    ch.criterion_code,
    c.name as criterion_name,
    c.sort_order,
    cast(ch.first_year as varchar) || '-' || cast(ch.first_year + 1 as varchar) as first_school_year,
    ch.years,
    ch.plans
from chronic as ch
join schools as s on s.school_id = ch.school_id
join criterion as c on c.framework_id = ch.framework_id and c.criterion_code = ch.criterion_code
order by ch.years desc, s.name, ch.school_id, c.sort_order
