-- remove one plan item (logged first by import_log_item_delete).
-- parameters: $item_id. grain: n/a.
delete from plan_item
where item_id = $item_id
