-- chronic weaknesses: plan items on a criterion in this and the previous school year(s), no gap, 2+ plans.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $framework_id (null = all)
-- grain: one row per school and criterion whose streak ends in $school_year (same rule as weakness_criteria).
with schools as (
    select s.school_id, s.name, s.framework_id, u.name as unit_name
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s
    join unit as u on u.unit_id = s.unit_id
    where $framework_id is null or s.framework_id = $framework_id
),

current_pairs as (
    select distinct i.school_id, i.framework_id, i.criterion_code
    from plan_item as i
    join plan as p on p.plan_id = i.plan_id
    join schools as s on s.school_id = i.school_id
    where $school_year between p.school_year and p.end_school_year
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
            unnest(range(cast(left(p.school_year, 4) as integer), cast(left(p.end_school_year, 4) as integer) + 1))
                as year_start
        from plan_item as i
        join plan as p on p.plan_id = i.plan_id
        join current_pairs as cp
            on cp.school_id = i.school_id and cp.framework_id = i.framework_id
            and cp.criterion_code = i.criterion_code
        where p.school_year <= $school_year
    )
    where year_start <= cast(left($school_year, 4) as integer)
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
    having max(year_start) = cast(left($school_year, 4) as integer) and count(*) >= 2
),

chronic as (
    select cs.school_id, cs.framework_id, cs.criterion_code, cs.first_year, cs.years,
        count(distinct cv.plan_id) as plans
    from current_streak as cs
    join covered as cv
        on cv.school_id = cs.school_id and cv.framework_id = cs.framework_id
        and cv.criterion_code = cs.criterion_code and cv.year_start >= cs.first_year
    group by cs.school_id, cs.framework_id, cs.criterion_code, cs.first_year, cs.years
    having count(distinct cv.plan_id) >= 2
)

select
    ch.school_id,
    s.name as school_name,
    s.unit_name,
    ch.framework_id,
    c.standard_no,
    ch.criterion_code,
    c.name as criterion_name,
    c.sort_order,
    cast(ch.first_year as varchar) || '-' || cast(ch.first_year + 1 as varchar) as first_school_year,
    ch.years,
    ch.plans
from chronic as ch
join schools as s on s.school_id = ch.school_id
join criterion as c on c.framework_id = ch.framework_id and c.criterion_code = ch.criterion_code
order by ch.years desc, s.name, ch.school_id, c.sort_order
