-- schools in scope with a plan covering the school year (the school filter of the overdue page).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days
-- grain: one row per school with at least one plan item; ordered by name.
with schools as (
    select school_id, name
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
)

select
    s.school_id,
    s.name as school_name,
    count(*) as items,
    count(*) filter (where item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) = 'overdue')
        as overdue_items
from year_items($school_year) as i
join schools as s on s.school_id = i.school_id
group by s.school_id, s.name
order by fold(s.name), s.school_id
