-- remove every item of a plan being replaced (logged first by import_log_plan_deletes).
-- parameters: $plan_id. grain: n/a.
delete from plan_item
where plan_id = $plan_id
