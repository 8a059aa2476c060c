-- plan items in the plan-items template shape: schools in scope, optionally one school and one year.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id, $school_year (null: every year)
-- grain: one row per plan item, in school, plan and item order.
-- columns: school_year (the plan's first year), then plan_item_row's (migration 0011) the template holds.
select
    i.plan_start_year as school_year,
    i.* exclude (item_id, plan_id, plan_start_year, plan_end_year, plan_title, position, framework_id, ongoing,
        progress_note, updated_at, updated_by)
from plan_item_row as i
join scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s on s.school_id = i.school_id
where ($school_id is null or i.school_id = $school_id)
  and ($school_year is null or plan_covers(i.plan_start_year, i.plan_end_year, $school_year))
order by i.school_id, i.plan_start_year, i.plan_id, i.position, i.item_id
