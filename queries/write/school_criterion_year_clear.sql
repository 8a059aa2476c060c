-- forget the stored weakness rows of schools whose assessments, plans or plan items a transaction changed
-- (then filled afresh). parameters: $school_ids (list of school ids; null = every school).
-- grain: n/a.
delete from school_criterion_year
where cast($school_ids as text[]) is null or school_id in (select unnest(cast($school_ids as text[])))
