-- the Mức 4 requirements one school's self-assessment report of a school year states (migration 0010).
-- parameters: $scope_unit_id, $scope_school_id, $school_id, $school_year
-- grain: one row per requirement, in the report's order.
select
    r.position,
    r.requirement,
    r.met,
    r.source
from assessment_level4 as r
join scoped_school($scope_unit_id, $scope_school_id, $school_id) as s on s.school_id = r.school_id
where r.school_year = $school_year
  and r.kind = 'self'
order by r.position
