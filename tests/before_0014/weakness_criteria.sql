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

items as (
    select
        i.school_id,
        i.framework_id,
        i.criterion_code,
        i.target_level,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket
    from year_items($school_year) as i
    join schools as s on s.school_id = i.school_id
),

-- one row per school and criterion with items this year (a school has one framework: school and
-- criterion are the key); every later step works on these rows, not on the items
school_criterion as (
    select
        school_id,
        criterion_code,
        any_value(framework_id) as framework_id,
        max(target_level) as target_level,
        count(*) as items,
        count(*) filter (where bucket in ('overdue', 'at_risk', 'on_track', 'no_deadline')) as open_items,
        count(*) filter (where bucket = 'overdue') as overdue_items
    from items
    group by school_id, criterion_code
),

with_plan as (
    select framework_id, count(distinct school_id) as schools_with_plan
    from school_criterion
    group by framework_id
),

-- below target: the latest self-assessed level (at or before this year) under the highest target of the items
current_level as (
    select a.school_id, a.criterion_code, arg_max(a.level, a.school_year) as level
    from assessment as a
    join school_criterion as sc on sc.school_id = a.school_id and sc.criterion_code = a.criterion_code
    where a.kind = 'self' and a.school_year <= $school_year
    group by a.school_id, a.criterion_code
),

-- chronic: see the macro chronic_streaks (kdcl/migrations/0005_chronic_weaknesses_one_pass.sql)
chronic as (
    select school_id, criterion_code
    from chronic_streaks_0005($scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, null)
),

school_counts as (
    select
        sc.framework_id,
        sc.criterion_code,
        count(*) as schools_with_items,
        cast(sum(sc.items) as bigint) as items,
        cast(sum(sc.open_items) as bigint) as open_items,
        cast(sum(sc.overdue_items) as bigint) as overdue_items,
        count(ch.school_id) as chronic_schools,
        count(*) filter (where l.level is not null and sc.target_level is not null) as level_known_schools,
        count(*) filter (where l.level < sc.target_level) as below_target_schools
    from school_criterion as sc
    left join current_level as l on l.school_id = sc.school_id and l.criterion_code = sc.criterion_code
    left join chronic as ch on ch.school_id = sc.school_id and ch.criterion_code = sc.criterion_code
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
    coalesce(k.open_items, 0) as open_items,
    coalesce(k.overdue_items, 0) as overdue_items,
    coalesce(k.chronic_schools, 0) as chronic_schools,
    coalesce(k.level_known_schools, 0) as level_known_schools,
    coalesce(k.below_target_schools, 0) as below_target_schools
from criterion as c
join in_scope as sc on sc.framework_id = c.framework_id
join framework as f on f.framework_id = c.framework_id
join standard as st on st.framework_id = c.framework_id and st.standard_no = c.standard_no
left join with_plan as wp on wp.framework_id = c.framework_id
left join school_counts as k on k.framework_id = c.framework_id and k.criterion_code = c.criterion_code
order by c.framework_id, c.sort_order
