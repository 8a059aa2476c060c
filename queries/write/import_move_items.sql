-- a new version of a plan keeps its items: each matched item takes its plan and place in the new version.
-- parameters: none; relation `incoming` (Transaction.run_with_frame): item_id, plan_id, position.
-- grain: n/a (one statement for every matched item of a file; content changes go through import_update_items).
update plan_item as i
set plan_id = n.plan_id,
    position = n.position
from incoming as n
where i.item_id = n.item_id
  and (i.plan_id <> n.plan_id or i.position <> n.position)
