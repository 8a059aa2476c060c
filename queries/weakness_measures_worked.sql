-- measures that worked: items of plans before this year whose criterion level rose from the plan year to the next.
-- parameters: scope and filters, $framework_id, $criterion_code (null = all), $limit
-- grain: one row per item with both levels known, improved first, at most $limit; totals over all of them.
with schools as (
    select s.school_id, s.name, u.name as unit_name
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s
    join unit as u on u.unit_id = s.unit_id
    where s.framework_id = $framework_id
),

items as (
    select
        i.item_id,
        i.school_id,
        s.name as school_name,
        s.unit_name,
        i.framework_id,
        i.criterion_code,
        c.sort_order,
        i.position,
        p.school_year as plan_year,
        cast(cast(left(p.school_year, 4) as integer) + 1 as varchar) || '-'
            || cast(cast(left(p.school_year, 4) as integer) + 2 as varchar) as next_year,
        i.target_level,
        i.weakness,
        i.measures,
        i.status
    from plan_item as i
    join plan as p on p.plan_id = i.plan_id
    join schools as s on s.school_id = i.school_id
    join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
    where i.framework_id = $framework_id
      and ($criterion_code is null or i.criterion_code = $criterion_code)
      and p.school_year < $school_year
      and length(trim(coalesce(i.measures, ''))) > 0
),

outcomes as (
    select it.*, b.level as level_before, a.level as level_after
    from items as it
    join assessment as b
        on b.school_id = it.school_id and b.framework_id = it.framework_id
        and b.criterion_code = it.criterion_code and b.kind = 'self' and b.school_year = it.plan_year
    join assessment as a
        on a.school_id = it.school_id and a.framework_id = it.framework_id
        and a.criterion_code = it.criterion_code and a.kind = 'self' and a.school_year = it.next_year
    where it.next_year <= $school_year
),

totals as (
    select count(*) as known_items, count(*) filter (where level_after > level_before) as improved_items
    from outcomes
)

select
    item_id,
    school_id,
    school_name,
    unit_name,
    criterion_code,
    plan_year,
    next_year,
    level_before,
    level_after,
    level_after > level_before as improved,
    target_level,
    weakness,
    measures,
    status,
    t.known_items,
    t.improved_items
from outcomes
cross join totals as t
order by improved desc, level_after - level_before desc, plan_year desc, sort_order, school_name, school_id, position
limit $limit
