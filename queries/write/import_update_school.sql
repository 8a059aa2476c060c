-- update the name and type of an existing school from a schools file.
-- parameters: $school_id, $school_name, $school_type. grain: one row.
update school
set name = $school_name,
    school_type = $school_type
where school_id = $school_id
