-- remove plan items (logged first by import_log_items_delete).
-- parameters: $item_ids (a list). grain: n/a.
delete from plan_item
where list_contains($item_ids, item_id)
