-- a report replaces a school's assessment_text rows of one school year and kind (in the report's transaction).
-- parameters: $school_id, $school_year, $kind
-- grain: n/a.
delete from assessment_text
where school_id = $school_id
  and school_year = $school_year
  and kind = $kind
