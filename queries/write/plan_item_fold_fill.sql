-- store the folded texts of these schools' plan items (macro plan_item_folds, 0014; the rule: fold, 0008).
-- parameters: $school_ids (list of school ids; null = every school).
-- grain: one row per row of the source.
insert into plan_item_fold (item_id, school_id, weakness, measures)
select item_id, school_id, weakness, measures
from plan_item_folds(cast($school_ids as text[]))
