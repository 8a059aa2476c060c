-- 0004: the "chronic weakness" rule, written once for every query that needs it
-- (weakness_criteria counts them per criterion, weakness_chronic lists them per school).
-- a school has a chronic weakness on a criterion when plans with items on it cover an
-- unbroken run of school years ending in p_school_year, from two or more plans (one
-- multi-year plan alone does not count). one row per school and criterion in the scope.
create macro chronic_weaknesses(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type, p_school_year) as table
    with current_pairs as (
        select distinct i.school_id, i.framework_id, i.criterion_code
        from plan_item as i
        join plan as p on p.plan_id = i.plan_id
        join scoped_schools(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type) as s
            on s.school_id = i.school_id
        where p_school_year between p.school_year and p.end_school_year
    ),

    -- every school year (as its first calendar year) a plan with an item on the criterion covers
    covered as (
        select distinct school_id, framework_id, criterion_code, plan_id, year_start
        from (
            select
                i.school_id,
                i.framework_id,
                i.criterion_code,
                i.plan_id,
                unnest(range(cast(left(p.school_year, 4) as integer),
                             cast(left(p.end_school_year, 4) as integer) + 1)) as year_start
            from plan_item as i
            join plan as p on p.plan_id = i.plan_id
            join current_pairs as cp
                on cp.school_id = i.school_id and cp.framework_id = i.framework_id
                and cp.criterion_code = i.criterion_code
            where p.school_year <= p_school_year
        )
        where year_start <= cast(left(p_school_year, 4) as integer)
    ),

    islands as (
        select
            school_id,
            framework_id,
            criterion_code,
            year_start,
            year_start - row_number() over (
                partition by school_id, framework_id, criterion_code order by year_start
            ) as island
        from (select distinct school_id, framework_id, criterion_code, year_start from covered)
    ),

    current_streak as (
        select school_id, framework_id, criterion_code, min(year_start) as first_year, count(*) as years
        from islands
        group by school_id, framework_id, criterion_code, island
        having max(year_start) = cast(left(p_school_year, 4) as integer) and count(*) >= 2
    )

    select cs.school_id, cs.framework_id, cs.criterion_code, cs.first_year, cs.years,
        count(distinct cv.plan_id) as plans
    from current_streak as cs
    join covered as cv
        on cv.school_id = cs.school_id and cv.framework_id = cs.framework_id
        and cv.criterion_code = cs.criterion_code and cv.year_start >= cs.first_year
    group by cs.school_id, cs.framework_id, cs.criterion_code, cs.first_year, cs.years
    having count(distinct cv.plan_id) >= 2;
