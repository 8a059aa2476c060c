-- plan items of the schools in scope for one school year counted by where they stand on $as_of,
-- done on time vs late, overdue items by how late they are, and how many schools have a plan.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days
-- grain: one row.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

plans as (
    select p.plan_id, p.school_id
    from year_plans($school_year) as p
    join schools as s on s.school_id = p.school_id
),

items as (
    select
        i.school_id,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket,
        coalesce(i.status = 'done' and i.completed_on > i.due_date, false) as done_late,
        $as_of - i.due_date as days_past_due
    from year_items($school_year) as i
    join schools as s on s.school_id = i.school_id
)

select
    (select count(*) from schools) as schools_total,
    (select count(distinct school_id) from plans) as schools_with_plan,
    count(*) as items,
    count(distinct school_id) filter (where bucket = 'overdue') as schools_with_overdue,
    count(*) filter (where bucket = 'overdue') as overdue,
    count(*) filter (where bucket = 'at_risk') as at_risk,
    count(*) filter (where bucket = 'on_track') as on_track,
    count(*) filter (where bucket = 'no_deadline') as no_deadline,
    count(*) filter (where bucket = 'done') as done,
    count(*) filter (where bucket = 'done' and not done_late) as done_on_time,
    count(*) filter (where done_late) as done_late,
    count(*) filter (where bucket = 'dropped') as dropped,
    -- how late the overdue items are (same bands as overdue_breakdown.sql)
    count(*) filter (where bucket = 'overdue' and days_past_due < 30) as overdue_lt30,
    count(*) filter (where bucket = 'overdue' and days_past_due between 30 and 90) as overdue_30_90,
    count(*) filter (where bucket = 'overdue' and days_past_due > 90) as overdue_gt90
from items
