-- per criterion: self-assessed vs externally assessed level, over the schools in scope that have both
-- kinds of assessment in $school_year (difference = external level - self level).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year. grain: one row per criterion with data.
-- the pairs: macro self_external_pairs (migration 0013)
with pairs as (
    select framework_id, criterion_code, school_id, self_level, external_level
    from self_external_pairs($scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year)
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
