-- the plan items of the plans a write names (kdcl.db.DERIVED keyed by item: whose derived rows it refreshes).
-- parameters: $plan_ids (list of ids).
-- grain: one row per item.
select i.item_id
from plan_item as i
where i.plan_id in (select unnest(cast($plan_ids as integer[])))
