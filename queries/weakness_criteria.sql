-- per criterion: schools with items this year and their share, open/overdue items, chronic and below-target schools.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days
-- grain: one row per framework and criterion, for frameworks with schools in scope.
with schools as (
    select school_id, framework_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

in_scope as (
    select framework_id, count(*) as schools_in_scope
    from schools
    group by framework_id
),

-- one row per school and criterion with items this year, stored (table school_criterion_year, migration
-- 0014, kept by every write of assessments, plans and items): the items and their highest target, the
-- latest self-assessed level at or before the year, and the chronic rule (macro school_criterion_years)
school_criterion as (
    select y.school_id, y.framework_id, y.criterion_code, y.items, y.target_level, y.self_level, y.chronic
    from school_criterion_year as y
    join schools as s on s.school_id = y.school_id
    where y.school_year = $school_year
),

with_plan as (
    select framework_id, count(distinct school_id) as schools_with_plan
    from school_criterion
    group by framework_id
),

-- where the items stand on $as_of (statuses change every week: counted on each visit; macro of 0014)
buckets as (
    select framework_id, criterion_code, open_items, overdue_items
    from year_item_buckets($scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days)
),

-- below target: the latest self-assessed level under the highest target of the items
school_counts as (
    select
        sc.framework_id,
        sc.criterion_code,
        count(*) as schools_with_items,
        cast(sum(sc.items) as bigint) as items,
        count(*) filter (where sc.chronic) as chronic_schools,
        count(*) filter (where sc.self_level is not null and sc.target_level is not null) as level_known_schools,
        count(*) filter (where sc.self_level < sc.target_level) as below_target_schools
    from school_criterion as sc
    group by sc.framework_id, sc.criterion_code
)

select
    c.framework_id,
    f.title as framework_title,
    c.standard_no,
    st.name as standard_name,
    c.criterion_code,
    c.name as criterion_name,
    c.sort_order,
    sc.schools_in_scope,
    coalesce(wp.schools_with_plan, 0) as schools_with_plan,
    coalesce(k.schools_with_items, 0) as schools_with_items,
    coalesce(k.items, 0) as items,
    coalesce(b.open_items, 0) as open_items,
    coalesce(b.overdue_items, 0) as overdue_items,
    coalesce(k.chronic_schools, 0) as chronic_schools,
    coalesce(k.level_known_schools, 0) as level_known_schools,
    coalesce(k.below_target_schools, 0) as below_target_schools
from criterion as c
join in_scope as sc on sc.framework_id = c.framework_id
join framework as f on f.framework_id = c.framework_id
join standard as st on st.framework_id = c.framework_id and st.standard_no = c.standard_no
left join with_plan as wp on wp.framework_id = c.framework_id
left join school_counts as k on k.framework_id = c.framework_id and k.criterion_code = c.criterion_code
left join buckets as b on b.framework_id = c.framework_id and b.criterion_code = c.criterion_code
order by c.framework_id, c.sort_order
