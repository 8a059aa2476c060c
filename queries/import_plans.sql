-- the plans of the given schools in scope with their item counts (replace / upsert decisions on import).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_ids (a list of school ids)
-- grain: one row per plan. (`in (select unnest(...))`: a hash join, where list_contains scans the list per school)
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where school_id in (select unnest($school_ids))
),

plans as (
    select p.*
    from plan as p
    join schools as s on s.school_id = p.school_id
),

items as (
    select i.plan_id, count(*) as items
    from plan_item as i
    where i.plan_id in (select plan_id from plans)
    group by i.plan_id
)

select
    p.plan_id,
    p.school_id,
    p.school_year,
    p.end_school_year,
    p.title,
    p.source_name,
    p.source_sha256,
    p.created_at,
    p.created_by,
    p.superseded_by,
    coalesce(i.items, 0) as items
from plans as p
left join items as i on i.plan_id = p.plan_id
order by p.school_id, p.school_year, p.plan_id
