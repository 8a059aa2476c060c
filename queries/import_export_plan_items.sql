-- plan items in the plan-items template shape: schools in scope, optionally one school and one year.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id, $school_year
-- grain: one row per plan item, in school, plan and item order.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where $school_id is null or school_id = $school_id
),

plans as (
    select p.plan_id, p.school_id, p.school_year
    from plan as p
    join schools as s on s.school_id = p.school_id
    where $school_year is null or $school_year between p.school_year and p.end_school_year
)

select
    p.school_id,
    p.school_year,
    i.criterion_code,
    i.target_level,
    i.weakness,
    i.target_result,
    i.measures,
    i.lead,
    i.support,
    i.time_text,
    i.start_date,
    i.due_date,
    i.budget_vnd,
    i.budget_text,
    i.status,
    i.completed_on,
    i.note,
    i.other_support,
    i.status_reason,
    i.version
from plan_item as i
join plans as p on p.plan_id = i.plan_id
order by p.school_id, p.school_year, p.plan_id, i.position, i.item_id
