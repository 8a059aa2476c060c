-- 0005: the chronic-weakness rule of 0004 (same rule, same rows) in one pass over the items.
-- 0004 unnested every covered school year, numbered the islands with a window and joined the
-- years back to count plans: about 1 s at 45,000 schools. Now:
--   chronic_streaks(...)     one row per school and criterion with a chronic weakness ending in
--                            p_school_year: first_year, years (weakness_criteria counts these);
--   chronic_weaknesses(...)  the same rows and the number of plans behind each (weakness_chronic).
-- Both take p_framework_id (null = every framework) so a list of one framework reads only its items.
-- The rule: plans with items on the criterion cover an unbroken run of school years ending in
-- p_school_year, at least two years long, from two or more plans (one multi-year plan alone does
-- not count). Only plans that start at or before p_school_year count, and only up to it.
drop macro table chronic_weaknesses;

create macro chronic_streaks(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type, p_school_year,
                             p_framework_id) as table
    -- each plan starting at or before the year: its first and last school year as "years back"
    -- from p_school_year (0 = p_school_year; a plan running past it stops at 0)
    with plan_back as (
        select
            plan_id,
            cast(left(p_school_year, 4) as integer) - cast(left(school_year, 4) as integer) as first_back,
            greatest(cast(left(p_school_year, 4) as integer) - cast(left(end_school_year, 4) as integer), 0)
                as last_back,
            p_school_year <= end_school_year as covers_year
        from plan
        where school_year <= p_school_year
    ),

    item_back as (
        select i.school_id, i.framework_id, i.criterion_code, i.plan_id, pb.first_back, pb.last_back, pb.covers_year
        from plan_item as i
        join plan_back as pb on pb.plan_id = i.plan_id
        join scoped_schools(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type) as s
            on s.school_id = i.school_id
        where p_framework_id is null or i.framework_id = p_framework_id
    ),

    -- per school and criterion with an item this year (a school has one framework, so school and
    -- criterion are the key): covered = bit k set when a plan with an item on it covers the school
    -- year k years back (years more than 61 back are not tracked, so a run counts up to 62 years);
    -- the plans covering this year (lowest and highest id) and the latest end of any other plan
    pairs as (
        select
            school_id,
            criterion_code,
            any_value(framework_id) as framework_id,
            bit_or(
                case when last_back > 61 then cast(0 as bigint)
                     else ((cast(1 as bigint) << (least(first_back, 61) - last_back + 1)) - 1) << last_back end
            ) as covered,
            min(plan_id) filter (where last_back = 0) as first_plan_now,
            max(plan_id) filter (where last_back = 0) as last_plan_now,
            min(last_back) filter (where last_back > 0) as other_plan_back
        from item_back
        group by school_id, criterion_code
        having bool_or(covers_year)
    ),

    -- the unbroken run ending this year = the trailing one bits of covered
    runs as (
        select *, cast(bit_count(covered & ~(covered + 1)) as bigint) as years
        from pairs
    )

    -- two plans: two cover this year, or another one ends inside the run (it then covers a year of it)
    select
        school_id,
        framework_id,
        criterion_code,
        cast(left(p_school_year, 4) as integer) - years + 1 as first_year,
        years
    from runs
    where years >= 2 and (first_plan_now <> last_plan_now or other_plan_back < years);

create macro chronic_weaknesses(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type, p_school_year,
                                p_framework_id) as table
    select cs.school_id, cs.framework_id, cs.criterion_code, cs.first_year, cs.years,
        count(distinct p.plan_id) as plans
    from chronic_streaks(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type, p_school_year,
                         p_framework_id) as cs
    join plan_item as i on i.school_id = cs.school_id and i.criterion_code = cs.criterion_code
    join plan as p on p.plan_id = i.plan_id
    where (p_framework_id is null or i.framework_id = p_framework_id)
      and p.school_year <= p_school_year
      and cast(left(p.end_school_year, 4) as integer) >= cs.first_year
    group by cs.school_id, cs.framework_id, cs.criterion_code, cs.first_year, cs.years;
