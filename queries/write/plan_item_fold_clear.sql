-- forget the folded texts of plan items a transaction wrote or removed (then filled afresh).
-- parameters: $item_ids (list of item ids; null = every item).
-- grain: n/a.
delete from plan_item_fold
where cast($item_ids as bigint[]) is null or item_id in (select unnest(cast($item_ids as bigint[])))
