-- the schools of the plans and plan items a write names (kdcl.db.DERIVED: whose derived rows it refreshes).
-- parameters: $plan_ids, $item_ids (lists of ids, either may be empty).
-- grain: one row per school.
select p.school_id
from plan as p
where p.plan_id in (select unnest(cast($plan_ids as integer[])))
union
select i.school_id
from plan_item as i
where i.item_id in (select unnest(cast($item_ids as bigint[])))
