-- overwrite the imported fields of many plan items at once (template upsert, new version of a plan); each
-- version goes up by one. Only items still at the version the file was checked against are written
-- (optimistic locking, as kdcl.updates): the caller compares the ids returned with those it sent.
-- parameters: $user; relation `incoming` (Transaction.run_with_frame): item_id, expected_version and the
-- imported fields. grain: one returned row per updated item.
update plan_item as i
set target_level = n.target_level,
    weakness = n.weakness,
    target_result = n.target_result,
    measures = n.measures,
    lead = n.lead,
    support = n.support,
    time_text = n.time_text,
    start_date = n.start_date,
    due_date = n.due_date,
    ongoing = n.ongoing,
    budget_vnd = n.budget_vnd,
    budget_text = n.budget_text,
    other_support = n.other_support,
    note = n.note,
    status = n.status,
    status_reason = n.status_reason,
    completed_on = n.completed_on,
    version = i.version + 1,
    updated_at = current_timestamp,
    updated_by = $user
from incoming as n
where i.item_id = n.item_id
  and i.version = n.expected_version
returning i.item_id
