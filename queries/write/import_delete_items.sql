-- remove the items an import replaces (logged first by import_log_items_delete): single items and
-- every item of replaced plans. parameters: $item_ids, $plan_ids (lists, either may be empty). grain: n/a.
delete from plan_item
where list_contains($item_ids, item_id)
   or list_contains($plan_ids, plan_id)
