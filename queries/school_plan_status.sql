-- plan items of every school in scope for one school year, counted by where they stand on $as_of.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days
-- grain: one row per school in scope (no plan: all counts 0).
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

items as (
    select
        i.school_id,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket,
        i.status = 'done' and i.completed_on > i.due_date as done_late,
        i.budget_vnd
    from year_items($school_year) as i
    join schools as s on s.school_id = i.school_id
)

select
    s.school_id,
    count(i.school_id) as plan_items,
    count(*) filter (where i.bucket in ('overdue', 'at_risk', 'on_track', 'no_deadline')) as open_items,
    count(*) filter (where i.bucket = 'overdue') as overdue_items,
    count(*) filter (where i.bucket = 'at_risk') as at_risk_items,
    count(*) filter (where i.bucket = 'on_track') as on_track_items,
    count(*) filter (where i.bucket = 'no_deadline') as no_deadline_items,
    count(*) filter (where i.bucket = 'done') as done_items,
    count(*) filter (where i.done_late) as done_late_items,
    count(*) filter (where i.bucket = 'dropped') as dropped_items,
    coalesce(sum(i.budget_vnd), 0) as budget_vnd
from schools as s
left join items as i on i.school_id = s.school_id
group by s.school_id
order by s.school_id
