-- store the weakness rows of these schools from their rule (macro school_criterion_years, 0014).
-- parameters: $school_ids (list of school ids; null = every school).
-- grain: one row per school, school year and criterion with an item in a plan covering the year.
insert into school_criterion_year (
    school_id, school_year, framework_id, criterion_code, items, target_level, self_level, year_level,
    next_year_level, first_year, years, plans, chronic
)
select
    school_id, school_year, framework_id, criterion_code, items, target_level, self_level, year_level,
    next_year_level, first_year, years, plans, chronic
from school_criterion_years(cast($school_ids as text[]))
order by school_year, school_id, criterion_code
