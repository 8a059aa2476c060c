-- one school's plan items in the plans covering $school_year, with where each stands on $as_of.
-- parameters: $scope_unit_id, $scope_school_id, $school_id, $school_year, $as_of, $risk_days. grain: one row per item.
-- columns: plan_item_row's (migration 0011) but school, framework, other support and note; then the computed ones.
select
    i.* exclude (school_id, framework_id, other_support, note),
    c.name as criterion_name,
    lead_role(lead_key(i.lead)) as lead_role,  -- the first role named in the lead cell (migration 0007)
    item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket,
    case
        when item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) = 'overdue'
            then date_diff('day', i.due_date, $as_of)
    end as days_late
from year_items($school_year) as i
join scoped_school($scope_unit_id, $scope_school_id, $school_id) as s on s.school_id = i.school_id
join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
order by i.plan_start_year, i.plan_id, i.position
