-- mark an overlapping plan (already emptied) as replaced by another.
-- parameters: $plan_id, $superseded_by. grain: one row.
update plan
set superseded_by = $superseded_by
where plan_id = $plan_id
