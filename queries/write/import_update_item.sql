-- overwrite the imported fields of one plan item (tabular upsert); version goes up by one.
-- parameters: $item_id, $target_level, $weakness, $target_result, $measures, $lead, $support, $time_text,
--   $start_date, $due_date, $ongoing, $budget_vnd, $budget_text, $other_support, $note, $status,
--   $status_reason, $completed_on, $user. grain: one row.
update plan_item
set target_level = $target_level,
    weakness = $weakness,
    target_result = $target_result,
    measures = $measures,
    lead = $lead,
    support = $support,
    time_text = $time_text,
    start_date = $start_date,
    due_date = $due_date,
    ongoing = $ongoing,
    budget_vnd = $budget_vnd,
    budget_text = $budget_text,
    other_support = $other_support,
    note = $note,
    status = $status,
    status_reason = $status_reason,
    completed_on = $completed_on,
    version = version + 1,
    updated_at = current_timestamp,
    updated_by = $user
where item_id = $item_id
