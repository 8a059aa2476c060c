-- criteria with at least one plan item of the schools in scope this school year (the criterion filter).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year
-- grain: one row per framework and criterion; catalog order.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
)

select
    c.framework_id,
    f.family,
    c.criterion_code,
    c.name as criterion_name,
    count(*) as items
from year_items($school_year) as i
join schools as s on s.school_id = i.school_id
join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
join framework as f on f.framework_id = c.framework_id
group by c.framework_id, f.family, c.criterion_code, c.name, c.sort_order
order by c.framework_id, c.sort_order
