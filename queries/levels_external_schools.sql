-- per school in scope with both a self and an external assessment in $school_year: how many
-- criteria the external team put lower / higher, and which ("1.1: 2 → 1").
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year. grain: one row per school.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

pairs as (
    select
        se.school_id,
        se.criterion_code,
        c.sort_order,
        se.level as self_level,
        ex.level as external_level
    from assessment as se
    join schools as s on s.school_id = se.school_id
    join assessment as ex
        on ex.school_id = se.school_id and ex.school_year = se.school_year
       and ex.criterion_code = se.criterion_code and ex.kind = 'external'
    join criterion as c on c.framework_id = se.framework_id and c.criterion_code = se.criterion_code
    where se.school_year = $school_year and se.kind = 'self'
)

select
    school_id,
    count(*) as criteria_compared,
    count(*) filter (where external_level < self_level) as external_lower,
    count(*) filter (where external_level > self_level) as external_higher,
    coalesce(
        list(criterion_code || ': ' || self_level || ' → ' || external_level order by sort_order)
            filter (where external_level <> self_level),
        []
    ) as differences
from pairs
group by school_id
order by school_id
