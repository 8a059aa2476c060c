-- per school in scope with both a self and an external assessment in $school_year: how many
-- criteria the external team put lower / higher, and which ("1.1: 2 → 1").
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year. grain: one row per school.
-- the pairs: macro self_external_pairs (migration 0013)
with pairs as (
    select p.school_id, p.criterion_code, c.sort_order, p.self_level, p.external_level
    from self_external_pairs($scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year) as p
    join criterion as c on c.framework_id = p.framework_id and c.criterion_code = p.criterion_code
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
