-- a plan row takes the new version of the plan (same plan_id; its old items are already gone).
-- parameters: $plan_id, $school_year, $end_school_year, $title, $source_name, $source_sha256, $user
-- grain: one row.
update plan
set school_year = $school_year,
    end_school_year = $end_school_year,
    title = $title,
    source_name = $source_name,
    source_sha256 = $source_sha256,
    created_at = current_timestamp,
    created_by = $user,
    superseded_by = null
where plan_id = $plan_id
