-- the plan items of one school and school year, in plan order, with their criterion and standard
-- names (for the official 9-column Word plan). parameters: $scope_unit_id, $scope_school_id,
-- $school_id, $school_year. grain: one row per plan item.
with school as (
    select school_id, framework_id
    from scoped_schools($scope_unit_id, $scope_school_id, null, null)
    where school_id = $school_id
)

select
    i.item_id,
    c.standard_no,
    st.name as standard_name,
    i.criterion_code,
    c.name as criterion_name,
    c.sort_order,
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
    i.other_support,
    i.note,
    i.status
from plan_item as i
join plan as p on p.plan_id = i.plan_id
join school as s on s.school_id = i.school_id
join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
join standard as st on st.framework_id = c.framework_id and st.standard_no = c.standard_no
where $school_year between p.school_year and p.end_school_year
order by coalesce(i.target_level, 9), c.sort_order, p.plan_id, i.position
