-- the frameworks (criteria catalogs) used by the schools in scope, with how many schools use each
-- and how many of them have an assessment of $kind in $school_year.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $kind. grain: one row per framework.
with schools as (
    select school_id, framework_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

assessed as (
    select distinct a.school_id
    from assessment as a
    join schools as s on s.school_id = a.school_id
    where a.school_year = $school_year and a.kind = $kind
)

select
    f.framework_id,
    f.family,
    f.circular,
    f.rule,
    count(*) as schools,
    count(a.school_id) as assessed
from schools as s
join framework as f on f.framework_id = s.framework_id
left join assessed as a on a.school_id = s.school_id
group by f.framework_id, f.family, f.circular, f.rule
order by assessed desc, f.framework_id
