-- store the folded texts of these schools' assessment report texts (macro assessment_text_folds, 0014;
-- the rule: fold, 0008).
-- parameters: $school_ids (list of school ids; null = every school).
-- grain: one row per row of the source.
insert into assessment_text_fold (school_id, school_year, kind, criterion_code, weakness, improvement)
select school_id, school_year, kind, criterion_code, weakness, improvement
from assessment_text_folds(cast($school_ids as text[]))
