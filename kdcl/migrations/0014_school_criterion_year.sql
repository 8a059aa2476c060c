-- 0014 (issue 20, step 1.2): what the weaknesses page needs per school, criterion and school year that
-- does not depend on statuses or the as-of date, kept as a table so that pages stop recomputing it
-- from 1.2 M plan items and 3.9 M assessments on every visit.
--   school_criterion_years(p_school_ids)  the one home of the rules (a table macro; p_school_ids null =
--                            every school; the schools are picked first, so refreshing one school reads
--                            that school's rows only). One row per school, criterion and school year a
--                            plan with an item on the criterion covers (the year's items, as year_items):
--                              items, target_level  the year's items on it and their highest target;
--                              self_level           the latest self-assessed level at or before the year;
--                              year_level, next_year_level  the self-assessed level of the year and of the
--                                                   next one (did the year's measures work);
--                              first_year, years    the unbroken run of covered years ending in the year;
--                              plans                the plans behind that run (plans with an item on the
--                                                   criterion starting at or before the year and ending
--                                                   in the run or later);
--                              chronic              the chronic-weakness rule of 0004/0005: a run of two
--                                                   years or more from two plans or more (one multi-year
--                                                   plan alone does not count).
--   chronic_streaks, chronic_weaknesses  (0005) the same signatures and rows, now read from that macro.
--   school_criterion_year    its rows, stored. Every transaction that writes assessments, plans or plan
--                            items refreshes the rows of the schools it touched from the macro before it
--                            commits (kdcl/db.py, DERIVED), so the table always equals the macro.
-- Same rows as 0005 (tests/test_school_criterion_year.py compares them), except that 0005 stopped
-- counting a run at 62 years. Below: the searched texts stored folded (plan_item_fold,
-- assessment_text_fold) and the year's item buckets per criterion (year_item_buckets, not stored).
drop macro table chronic_weaknesses;
drop macro table chronic_streaks;

create macro school_criterion_years(p_school_ids) as table
    -- per school, criterion and plan with items on it: the items and the plan's years (first calendar year)
    with item_plans as (
        select
            i.school_id,
            i.criterion_code,
            any_value(i.framework_id) as framework_id,
            i.plan_id,
            count(*) as items,
            max(i.target_level) as target_level,
            cast(left(any_value(p.school_year), 4) as integer) as first_start,
            cast(left(any_value(p.end_school_year), 4) as integer) as last_start
        from plan_item as i
        join plan as p on p.plan_id = i.plan_id
        where p_school_ids is null or i.school_id in (select unnest(p_school_ids))
        group by i.school_id, i.criterion_code, i.plan_id
    ),

    -- every school year a plan with an item on the criterion covers (a school has one framework, so
    -- school and criterion are the key), and how many of those plans start in it
    covered as (
        select
            school_id,
            criterion_code,
            year_start,
            any_value(framework_id) as framework_id,
            cast(sum(items) as bigint) as items,
            max(target_level) as target_level,
            count(*) filter (where year_start = first_start) as plans_starting
        from (
            select *, unnest(range(first_start, last_start + 1)) as year_start
            from item_plans
        )
        group by school_id, criterion_code, year_start
    ),

    -- the unbroken run of covered years ending in each year, and the plans behind it: a plan's years are
    -- all covered and follow each other, so each plan lies inside one run, and the plans behind the run
    -- ending in a year are the run's plans starting at or before it
    runs as (
        select
            *,
            min(year_start) over run as first_year,
            sum(plans_starting) over run as plans
        from (
            select
                *,
                year_start - row_number() over (partition by school_id, criterion_code order by year_start)
                    as island
            from covered
        )
        window run as (partition by school_id, criterion_code, island order by year_start
                       rows between unbounded preceding and current row)
    ),

    -- the latest self-assessed level at or before each year, the level of the year itself and of the next
    self_levels as (
        select
            r.school_id,
            r.criterion_code,
            r.year_start,
            arg_max(a.level, a.school_year) filter (where a.school_year <= r.school_year) as self_level,
            max(a.level) filter (where a.school_year = r.school_year) as year_level,
            max(a.level) filter (where a.school_year = r.next_year) as next_year_level
        from (
            select
                *,
                cast(year_start as varchar) || '-' || cast(year_start + 1 as varchar) as school_year,
                cast(year_start + 1 as varchar) || '-' || cast(year_start + 2 as varchar) as next_year
            from runs
        ) as r
        join assessment as a
            on a.school_id = r.school_id and a.criterion_code = r.criterion_code
        where a.kind = 'self'
          and a.school_year <= r.next_year
          and (p_school_ids is null or a.school_id in (select unnest(p_school_ids)))
        group by r.school_id, r.criterion_code, r.year_start
    )

    select
        r.school_id,
        cast(r.year_start as varchar) || '-' || cast(r.year_start + 1 as varchar) as school_year,
        r.framework_id,
        r.criterion_code,
        r.items,
        r.target_level,
        l.self_level,
        l.year_level,
        l.next_year_level,
        r.first_year,
        r.year_start - r.first_year + 1 as years,
        cast(r.plans as bigint) as plans,
        r.year_start - r.first_year + 1 >= 2 and r.plans >= 2 as chronic
    from runs as r
    left join self_levels as l
        on l.school_id = r.school_id and l.criterion_code = r.criterion_code and l.year_start = r.year_start;

-- 0005's macros, same signatures and rows: one row per school in scope and criterion with a chronic
-- weakness ending in p_school_year (p_framework_id null = every framework).
create macro chronic_streaks(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type, p_school_year,
                             p_framework_id) as table
    select y.school_id, y.framework_id, y.criterion_code, y.first_year, y.years
    from school_criterion_years(
        (select list(school_id) from scoped_schools(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type))
    ) as y
    where y.school_year = p_school_year and y.chronic
      and (p_framework_id is null or y.framework_id = p_framework_id);

create macro chronic_weaknesses(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type, p_school_year,
                                p_framework_id) as table
    select y.school_id, y.framework_id, y.criterion_code, y.first_year, y.years, y.plans
    from school_criterion_years(
        (select list(school_id) from scoped_schools(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type))
    ) as y
    where y.school_year = p_school_year and y.chronic
      and (p_framework_id is null or y.framework_id = p_framework_id);

create table school_criterion_year (
    school_id text not null,
    school_year text not null,
    framework_id text not null,
    criterion_code text not null,
    items bigint not null,
    target_level integer,
    self_level integer,
    year_level integer,
    next_year_level integer,
    first_year bigint not null,
    years bigint not null,
    plans bigint not null,
    chronic boolean not null
    -- no primary key: the macro gives one row per school, school year and criterion, and an index would
    -- cost a full fill 3 s of CPU out of 8 (and the refreshes delete by school, which it does not serve)
);

insert into school_criterion_year
select
    school_id, school_year, framework_id, criterion_code, items, target_level, self_level, year_level,
    next_year_level, first_year, years, plans, chronic
from school_criterion_years(null)
order by school_year, school_id, criterion_code;

-- The texts the weaknesses page searches, folded once by the one rule, fold() (migration 0008), instead of
-- on every search (1.2 M plan items at 45,000 schools: 25 s of CPU per search): kept like the table above.
--   plan_item_folds(p_item_ids)          each plan item's weakness and measures, folded (refreshed per item: a
--                                        write names its items, and refolding a school's every text would
--                                        cost more than the write);
--   assessment_text_folds(p_school_ids)  each report criterion's weakness and improvement text, folded.
create macro plan_item_folds(p_item_ids) as table
    select i.item_id, i.school_id, fold(i.weakness) as weakness, fold(i.measures) as measures
    from plan_item as i
    where p_item_ids is null or i.item_id in (select unnest(p_item_ids));

create table plan_item_fold (
    item_id bigint not null,
    school_id text not null,
    weakness text not null,
    measures text not null
);

insert into plan_item_fold
select item_id, school_id, weakness, measures
from plan_item_folds(null)
order by school_id, item_id;

create macro assessment_text_folds(p_school_ids) as table
    select
        r.school_id, r.school_year, r.kind, r.criterion_code,
        fold(r.weakness) as weakness, fold(r.improvement) as improvement
    from assessment_text as r
    where p_school_ids is null or r.school_id in (select unnest(p_school_ids));

create table assessment_text_fold (
    school_id text not null,
    school_year text not null,
    kind text not null,
    criterion_code text not null,
    weakness text not null,
    improvement text not null
);

insert into assessment_text_fold
select school_id, school_year, kind, criterion_code, weakness, improvement
from assessment_text_folds(null)
order by school_id, school_year, kind, criterion_code;

-- Where the items of a year stand on an as-of date, per framework and criterion of the schools in scope (what
-- changes every week, so counted on each visit, not stored): read by weakness_criteria and criterion_weakness.
create macro year_item_buckets(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type, p_school_year, p_as_of,
                               p_risk_days) as table
    select
        i.framework_id,
        i.criterion_code,
        count(*) filter (where i.bucket in ('overdue', 'at_risk', 'on_track', 'no_deadline')) as open_items,
        count(*) filter (where i.bucket = 'overdue') as overdue_items
    from (
        select
            i.framework_id,
            i.criterion_code,
            item_bucket(i.status, i.due_date, i.ongoing, p_as_of, p_risk_days) as bucket
        from year_items(p_school_year) as i
        join scoped_schools(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type) as s
            on s.school_id = i.school_id
    ) as i
    group by i.framework_id, i.criterion_code;
