-- the items of the given plans of schools in scope, in plan order (matching a new version of a plan or
-- a template's rows to them; version, updated_at/by tell a stale export row).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $plan_ids (a list of plan ids)
-- grain: one row per plan item. columns: plan_item_row's (migration 0011) but the plan's years and title.
select i.* exclude (plan_start_year, plan_end_year, plan_title)
from plan_item_row as i
join scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s on s.school_id = i.school_id
where list_contains($plan_ids, i.plan_id)
order by i.plan_id, i.position, i.item_id
