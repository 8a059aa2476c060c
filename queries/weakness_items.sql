-- plan items of one framework (one criterion, or all with $criterion_code null): weakness, measures, status.
-- parameters: scope and filters, $framework_id, $criterion_code, $all_years (plans up to this year), $limit
-- grain: one row per plan item, newest first, at most $limit rows; total = rows before the limit.
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
        p.school_year as plan_year,
        p.end_school_year as plan_end_year,
        i.criterion_code,
        c.sort_order,
        i.position,
        i.target_level,
        i.weakness,
        i.measures,
        i.status,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket,
        i.due_date,
        i.time_text
    from plan_item as i
    join plan as p on p.plan_id = i.plan_id
    join schools as s on s.school_id = i.school_id
    join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
    where i.framework_id = $framework_id
      and ($criterion_code is null or i.criterion_code = $criterion_code)
      and (
        $school_year between p.school_year and p.end_school_year
        or ($all_years and p.school_year <= $school_year)
      )
),

totals as (
    select count(*) as total from items
)

select
    item_id,
    school_id,
    school_name,
    unit_name,
    case when plan_end_year = plan_year then plan_year else plan_year || ' → ' || plan_end_year end as school_year,
    criterion_code,
    target_level,
    weakness,
    measures,
    status,
    bucket,
    due_date,
    time_text,
    t.total
from items
cross join totals as t
order by plan_year desc, sort_order, school_name, school_id, position
limit $limit
