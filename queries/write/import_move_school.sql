-- move a school to another supervising unit (only for a school no other row references yet:
-- duckdb rewrites the row when a foreign-key column changes).
-- parameters: $school_id, $unit_id, $former_unit_id. grain: one row.
update school
set unit_id = $unit_id,
    former_unit_id = $former_unit_id
where school_id = $school_id
