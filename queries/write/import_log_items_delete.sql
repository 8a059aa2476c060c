-- log a 'delete' (with a json snapshot) for the items an import removes: single items (tabular import
-- with replace) and every item of plans being replaced (document import). parameters: $item_ids,
-- $plan_ids (lists, either may be empty), $user, $reason. grain: one log row per item.
insert into plan_item_log (item_id, school_id, changed_by, action, field, old_value, new_value)
select
    i.item_id,
    i.school_id,
    $user,
    'delete',
    null,
    cast(json_object(
        'plan_id', i.plan_id, 'criterion_code', i.criterion_code, 'target_level', i.target_level,
        'weakness', i.weakness, 'target_result', i.target_result, 'measures', i.measures, 'lead', i.lead,
        'support', i.support, 'time_text', i.time_text, 'due_date', i.due_date, 'budget_vnd', i.budget_vnd,
        'budget_text', i.budget_text, 'status', i.status, 'completed_on', i.completed_on
    ) as text),
    $reason
from plan_item as i
where list_contains($item_ids, i.item_id)
   or list_contains($plan_ids, i.plan_id)
