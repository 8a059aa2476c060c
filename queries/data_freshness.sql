-- when the data last changed: the newest plan import or item update.
-- parameters: none. grain: one row.
select greatest(
    (select max(created_at) from plan),
    (select max(updated_at) from plan_item),
    (select max(changed_at) from plan_item_log)
) as last_change
