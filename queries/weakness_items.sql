-- plan items of one framework (one criterion, or all with $criterion_code null): weakness, measures, status.
-- parameters: scope and filters, $framework_id, $criterion_code, $all_years (plans up to this year), $limit
-- grain: one row per plan item, newest first, at most $limit rows; total = rows before the limit.
with schools as (
    select school_id, name, unit_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where framework_id = $framework_id
),

-- the sort keys of every matching item; the texts are read for the $limit rows shown
items as materialized (
    select
        i.item_id,
        i.school_id,
        s.name as school_name,
        s.unit_id,
        i.plan_start_year as plan_year,
        i.plan_end_year,
        c.sort_order,
        i.position
    from plan_item_row as i
    join schools as s on s.school_id = i.school_id
    join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
    where i.framework_id = $framework_id
      and ($criterion_code is null or i.criterion_code = $criterion_code)
      and (
        plan_covers(i.plan_start_year, i.plan_end_year, $school_year)
        or ($all_years and i.plan_start_year <= $school_year)
      )
),

totals as (
    select count(*) as total from items
),

shown as (
    select *
    from items
    order by plan_year desc, sort_order, school_name, school_id, position
    limit $limit
)

select
    sh.item_id,
    sh.school_id,
    sh.school_name,
    u.name as unit_name,
    case when sh.plan_end_year = sh.plan_year then sh.plan_year
         else sh.plan_year || ' → ' || sh.plan_end_year end as school_year,
    i.criterion_code,
    i.target_level,
    i.weakness,
    i.measures,
    i.status,
    item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket,
    i.due_date,
    i.time_text,
    t.total
from shown as sh
join plan_item as i on i.item_id = sh.item_id
join unit as u on u.unit_id = sh.unit_id
cross join totals as t
order by sh.plan_year desc, sh.sort_order, sh.school_name, sh.school_id, sh.position
