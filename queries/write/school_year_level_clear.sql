-- forget the stored level counts of schools whose assessments a transaction changed (then filled afresh).
-- parameters: $school_ids (list of school ids; null = every school).
-- grain: n/a.
delete from school_year_level
where cast($school_ids as text[]) is null or school_id in (select unnest(cast($school_ids as text[])))
