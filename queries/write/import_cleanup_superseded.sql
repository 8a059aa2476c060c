-- delete superseded plans that have no items left (run after the replacing import committed:
-- duckdb refuses to delete a parent row in the transaction that deleted its children).
-- parameters: none. grain: n/a.
delete from plan
where superseded_by is not null
  and not exists (select 1 from plan_item as i where i.plan_id = plan.plan_id)
