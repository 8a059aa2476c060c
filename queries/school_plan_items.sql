-- one school's plan items in the plans covering $school_year, with where each stands on $as_of.
-- parameters: $scope_unit_id, $scope_school_id, $school_id, $school_year, $as_of, $risk_days. grain: one row per item.
with school as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, null, null)
    where school_id = $school_id
)

select
    i.item_id,
    p.plan_id,
    p.title as plan_title,
    p.school_year as plan_start_year,
    p.end_school_year as plan_end_year,
    i.position,
    i.criterion_code,
    c.name as criterion_name,
    i.target_level,
    i.weakness,
    i.target_result,
    i.measures,
    i.lead,
    i.support,
    i.time_text,
    i.start_date,
    i.due_date,
    i.ongoing,
    i.budget_vnd,
    i.budget_text,
    i.status,
    i.status_reason,
    i.completed_on,
    i.progress_note,
    i.version,
    i.updated_at,
    i.updated_by,
    lead_role(lead_key(i.lead)) as lead_role,  -- the first role named in the lead cell (migration 0007)
    item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket,
    case
        when item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) = 'overdue'
            then date_diff('day', i.due_date, $as_of)
    end as days_late
from plan_item as i
join plan as p on p.plan_id = i.plan_id
join school as s on s.school_id = i.school_id
join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
where $school_year between p.school_year and p.end_school_year
order by p.school_year, p.plan_id, i.position
