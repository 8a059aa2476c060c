-- store the folded texts of these plan items (macro plan_item_folds, 0014; the rule: fold, 0008).
-- parameters: $item_ids (list of item ids; null = every item).
-- grain: one row per plan item.
insert into plan_item_fold (item_id, school_id, weakness, measures)
select item_id, school_id, weakness, measures
from plan_item_folds(cast($item_ids as bigint[]))
