-- per criterion: how many other schools among the peers of one school (same type, current unit and
-- framework) are below mức 1, 2, 3 on it in $school_year (below least(k, max_level)). aggregates only,
-- and no rows unless at least $min_peers schools of the group (the school included) are assessed.
-- parameters: $scope_unit_id, $scope_school_id, $school_id, $school_year, $kind, $min_peers. grain: one row per criterion.
-- the peers: macro school_peers (migration 0013); assessed: those with stored level counts (0012)
with peers as (
    select school_id, is_target
    from school_peers($scope_unit_id, $scope_school_id, $school_id)
),

assessed as (
    select l.school_id
    from school_year_level as l
    join peers as p on p.school_id = l.school_id
    where l.school_year = $school_year and l.kind = $kind
),

others as (
    select
        c.criterion_code,
        c.sort_order,
        c.max_level,
        a.level
    from assessment as a
    join assessed as s on s.school_id = a.school_id
    join peers as p on p.school_id = a.school_id and not p.is_target
    join criterion as c on c.framework_id = a.framework_id and c.criterion_code = a.criterion_code
    where a.school_year = $school_year and a.kind = $kind
)

select
    criterion_code,
    count(*) as others_assessed,
    count(*) filter (where level < least(1, max_level)) as others_below_1,
    count(*) filter (where level < least(2, max_level)) as others_below_2,
    count(*) filter (where level < least(3, max_level)) as others_below_3
from others
where (select count(*) from assessed) >= $min_peers
group by criterion_code, sort_order
order by sort_order
