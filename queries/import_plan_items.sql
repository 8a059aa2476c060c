-- the items of the given plans of schools in scope, in plan order (matching a new version of a plan or
-- a template's rows to them; version, updated_at/by tell a stale export row).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $plan_ids (a list of plan ids)
-- grain: one row per plan item.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
)

select
    i.item_id,
    i.plan_id,
    i.position,
    i.school_id,
    i.framework_id,
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
    i.ongoing,
    i.budget_vnd,
    i.budget_text,
    i.other_support,
    i.note,
    i.status,
    i.status_reason,
    i.completed_on,
    i.progress_note,
    i.version,
    i.updated_at,
    i.updated_by
from plan_item as i
join schools as s on s.school_id = i.school_id
where list_contains($plan_ids, i.plan_id)
order by i.plan_id, i.position, i.item_id
