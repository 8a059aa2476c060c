-- change the status fields of one plan item if nobody changed it since $expected_version (optimistic lock).
-- parameters: $item_id, $school_id (the item's: names the school whose rows the save writes), $expected_version,
--   $status, $status_reason, $completed_on, $progress_note, $changed_at, $changed_by.
-- grain: returns the new version, or no row when the version moved on.
update plan_item
set
    status = $status,
    status_reason = $status_reason,
    completed_on = $completed_on,
    progress_note = $progress_note,
    version = version + 1,
    updated_at = $changed_at,
    updated_by = $changed_by
where item_id = $item_id
  and school_id = $school_id
  and version = $expected_version
returning version
