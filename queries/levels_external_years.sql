-- school years in which some school in scope has an external assessment, newest first.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type. grain: one row per school year.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
)

select distinct a.school_year
from assessment as a
join schools as s on s.school_id = a.school_id
where a.kind = 'external'
order by a.school_year desc
