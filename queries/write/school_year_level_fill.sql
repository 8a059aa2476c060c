-- store the level counts of these schools from the counting rule (macro assessment_level_counts, 0012).
-- parameters: $school_ids (list of school ids; null = every school).
-- grain: one row per school, school year and assessment kind with an assessment.
insert into school_year_level (
    school_id, school_year, kind, assessed, ge1, ge2, ge3, mandatory_ge1, mandatory_ge2, other_ge1, other_ge2
)
select
    school_id, school_year, kind, assessed, ge1, ge2, ge3, mandatory_ge1, mandatory_ge2, other_ge1, other_ge2
from assessment_level_counts(cast($school_ids as text[]))
order by school_year, kind, school_id
