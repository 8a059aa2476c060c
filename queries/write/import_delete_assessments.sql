-- remove the levels an assessments file is about to set again (then inserted afresh).
-- parameters: $school_id, $school_year, $kind, $codes (list of criterion codes). grain: n/a.
delete from assessment
where school_id = $school_id
  and school_year = $school_year
  and kind = $kind
  and list_contains($codes, criterion_code)
