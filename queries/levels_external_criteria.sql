-- per criterion: self-assessed vs externally assessed level, over the schools in scope that have both
-- kinds of assessment in $school_year (difference = external level - self level).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year. grain: one row per criterion with data.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

pairs as (
    select
        se.framework_id,
        se.criterion_code,
        se.school_id,
        se.level as self_level,
        ex.level as external_level
    from assessment as se
    join schools as s on s.school_id = se.school_id
    join assessment as ex
        on ex.school_id = se.school_id and ex.school_year = se.school_year
       and ex.criterion_code = se.criterion_code and ex.kind = 'external'
    where se.school_year = $school_year and se.kind = 'self'
)

select
    p.framework_id,
    c.standard_no,
    p.criterion_code,
    c.name as criterion_name,
    c.sort_order,
    count(*) as schools,
    count(*) filter (where p.external_level < p.self_level) as external_lower,
    count(*) filter (where p.external_level = p.self_level) as same,
    count(*) filter (where p.external_level > p.self_level) as external_higher,
    avg(p.external_level - p.self_level) as mean_difference
from pairs as p
join criterion as c on c.framework_id = p.framework_id and c.criterion_code = p.criterion_code
group by p.framework_id, c.standard_no, p.criterion_code, c.name, c.sort_order
order by p.framework_id, c.sort_order
