-- measures that worked: items of plans before this year whose criterion level rose from the plan year to the next.
-- parameters: scope and filters, $framework_id, $criterion_code (null = all), $limit
-- grain: one row per item with both levels known, improved first, at most $limit; totals over all of them.
with schools as (
    select school_id, name, unit_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where framework_id = $framework_id
),

-- keys only: the texts are joined to the $limit rows shown
items as (
    select
        i.item_id,
        i.school_id,
        i.criterion_code,
        i.position,
        i.plan_start_year as plan_year,
        cast(cast(left(i.plan_start_year, 4) as integer) + 1 as varchar) || '-'
            || cast(cast(left(i.plan_start_year, 4) as integer) + 2 as varchar) as next_year
    from plan_item_row as i
    join schools as s on s.school_id = i.school_id
    where i.framework_id = $framework_id
      and ($criterion_code is null or i.criterion_code = $criterion_code)
      and i.plan_start_year < $school_year
      and length(trim(coalesce(i.measures, ''))) > 0
),

-- a school's assessments are all in its own framework (assessment -> school), so school and criterion identify them
outcomes as materialized (
    select it.*, b.level as level_before, a.level as level_after
    from items as it
    join assessment as b
        on b.school_id = it.school_id and b.criterion_code = it.criterion_code
        and b.framework_id = $framework_id and b.kind = 'self' and b.school_year = it.plan_year
    join assessment as a
        on a.school_id = it.school_id and a.criterion_code = it.criterion_code
        and a.framework_id = $framework_id and a.kind = 'self' and a.school_year = it.next_year
    where it.next_year <= $school_year
),

totals as (
    select count(*) as known_items, count(*) filter (where level_after > level_before) as improved_items
    from outcomes
),

shown as (
    select o.*, s.name as school_name, u.name as unit_name, c.sort_order
    from outcomes as o
    join schools as s on s.school_id = o.school_id
    join unit as u on u.unit_id = s.unit_id
    join criterion as c on c.framework_id = $framework_id and c.criterion_code = o.criterion_code
    order by o.level_after > o.level_before desc, o.level_after - o.level_before desc, o.plan_year desc,
        c.sort_order, s.name, o.school_id, o.position
    limit $limit
)

select
    sh.item_id,
    sh.school_id,
    sh.school_name,
    sh.unit_name,
    sh.criterion_code,
    sh.plan_year,
    sh.next_year,
    sh.level_before,
    sh.level_after,
    sh.level_after > sh.level_before as improved,
    i.target_level,
    i.weakness,
    i.measures,
    i.status,
    t.known_items,
    t.improved_items
from shown as sh
join plan_item as i on i.item_id = sh.item_id
cross join totals as t
order by improved desc, sh.level_after - sh.level_before desc, sh.plan_year desc, sh.sort_order, sh.school_name,
    sh.school_id, sh.position
