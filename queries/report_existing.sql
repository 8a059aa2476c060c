-- the levels a school already has for one school year and kind (a report replaces them only when asked).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id, $school_year, $kind
-- grain: one row per source the existing levels came from (none when there are no levels).
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where school_id = $school_id
)

select
    coalesce(a.source, '') as source,
    count(*) as levels
from assessment as a
join schools as s on s.school_id = a.school_id
where a.school_year = $school_year
  and a.kind = $kind
group by a.source
order by levels desc, source
