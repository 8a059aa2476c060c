-- forget the stored level counts of schools whose assessments a transaction changed (then filled afresh).
-- parameters: $school_ids (list of school ids).
-- grain: n/a.
delete from school_year_level
where school_id in (select unnest($school_ids))
