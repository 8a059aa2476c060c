-- per criterion of the frameworks used in scope: schools with a plan item on it this year,
-- and its open and overdue items on $as_of.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days
with schools as (
    select school_id, framework_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

in_scope as (
    select framework_id, count(*) as schools_in_scope
    from schools
    group by framework_id
),

items as (
    select
        i.school_id,
        i.framework_id,
        i.criterion_code,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket
    from year_items($school_year) as i
    join schools as s on s.school_id = i.school_id
)

select
    c.framework_id,
    c.standard_no,
    c.criterion_code,
    c.name as criterion_name,
    sc.schools_in_scope,
    count(distinct i.school_id) as schools_with_weakness,
    count(*) filter (where i.bucket in ('overdue', 'at_risk', 'on_track', 'no_deadline')) as open_items,
    count(*) filter (where i.bucket = 'overdue') as overdue_items
from criterion as c
join in_scope as sc on sc.framework_id = c.framework_id
left join items as i
    on i.framework_id = c.framework_id and i.criterion_code = c.criterion_code
group by c.framework_id, c.standard_no, c.criterion_code, c.name, c.sort_order, sc.schools_in_scope
order by c.framework_id, c.sort_order
