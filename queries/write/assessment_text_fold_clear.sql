-- forget the folded texts of schools whose assessment report texts a transaction changed (then filled afresh).
-- parameters: $school_ids (list of school ids; null = every school).
-- grain: n/a.
delete from assessment_text_fold
where cast($school_ids as text[]) is null or school_id in (select unnest(cast($school_ids as text[])))
