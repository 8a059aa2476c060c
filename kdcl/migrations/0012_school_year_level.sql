-- 0012 (issue 20): each school's level profile counts per school year and assessment kind, kept as a
-- table so that pages stop aggregating 3.9 M assessment rows on every visit.
--   assessment_level_counts(p_school_ids)  the one home of the counting rule (a table macro over
--                            assessment; p_school_ids null = every school; the schools are picked
--                            before counting, so refreshing one school reads that school's rows only);
--   school_year_level        its rows, stored. The school's framework is the assessments' own (the
--                            foreign key (school_id, framework_id) ties them to the school's framework).
-- Every transaction that writes assessment rows refreshes the rows of the schools it touched from the
-- macro before it commits (kdcl/db.py, DERIVED), so the table always equals the macro. Changing the
-- rule = a new migration that replaces the macro and rebuilds the table from it.
create macro assessment_level_counts(p_school_ids) as table
select
    a.school_id,
    a.school_year,
    a.kind,
    count(*) as assessed,
    count(*) filter (where a.level >= 1) as ge1,
    count(*) filter (where a.level >= 2) as ge2,
    count(*) filter (where a.level >= 3) as ge3,
    count(*) filter (where c.mandatory and a.level >= 1) as mandatory_ge1,
    count(*) filter (where c.mandatory and a.level >= 2) as mandatory_ge2,
    count(*) filter (where not c.mandatory and a.level >= 1) as other_ge1,
    count(*) filter (where not c.mandatory and a.level >= 2) as other_ge2
from assessment as a
join criterion as c
    on c.framework_id = a.framework_id and c.criterion_code = a.criterion_code
where p_school_ids is null or a.school_id in (select unnest(p_school_ids))
group by a.school_id, a.school_year, a.kind;

create table school_year_level (
    school_id text not null,
    school_year text not null,
    kind text not null,
    assessed bigint not null,
    ge1 bigint not null,
    ge2 bigint not null,
    ge3 bigint not null,
    mandatory_ge1 bigint not null,
    mandatory_ge2 bigint not null,
    other_ge1 bigint not null,
    other_ge2 bigint not null,
    primary key (school_id, school_year, kind)
);

insert into school_year_level
select
    school_id, school_year, kind, assessed, ge1, ge2, ge3, mandatory_ge1, mandatory_ge2, other_ge1, other_ge2
from assessment_level_counts(null)
order by school_year, kind, school_id;
