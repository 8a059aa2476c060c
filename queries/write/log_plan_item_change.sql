-- record one changed field of a plan item in its history.
-- parameters: $item_id, $school_id, $changed_at, $changed_by, $field, $old_value, $new_value. grain: one row.
insert into plan_item_log (item_id, school_id, changed_at, changed_by, action, field, old_value, new_value)
values ($item_id, $school_id, $changed_at, $changed_by, 'update', $field, $old_value, $new_value)
