-- the plan items of one school and school year, in plan order, with their criterion and standard
-- names (for the official 9-column Word plan). parameters: $scope_unit_id, $scope_school_id,
-- $school_id, $school_year. grain: one row per plan item. columns: plan_item_row's (migration 0011), then
-- the criterion's and standard's.
select
    i.*,
    c.standard_no,
    st.name as standard_name,
    c.name as criterion_name,
    c.sort_order
from year_items($school_year) as i
join scoped_school($scope_unit_id, $scope_school_id, $school_id) as s on s.school_id = i.school_id
join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
join standard as st on st.framework_id = c.framework_id and st.standard_no = c.standard_no
order by coalesce(i.target_level, 9), c.sort_order, i.plan_id, i.position
