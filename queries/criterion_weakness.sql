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

-- schools with items on the criterion this year: the stored rows (school_criterion_year, migration 0014)
with_items as (
    select y.framework_id, y.criterion_code, count(*) as schools_with_weakness
    from school_criterion_year as y
    join schools as s on s.school_id = y.school_id
    where y.school_year = $school_year
    group by y.framework_id, y.criterion_code
),

-- where the items stand on $as_of (statuses change every week: counted on each visit; macro of 0014)
buckets as (
    select framework_id, criterion_code, open_items, overdue_items
    from year_item_buckets($scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days)
)

select
    c.framework_id,
    c.standard_no,
    c.criterion_code,
    c.name as criterion_name,
    sc.schools_in_scope,
    coalesce(w.schools_with_weakness, 0) as schools_with_weakness,
    coalesce(b.open_items, 0) as open_items,
    coalesce(b.overdue_items, 0) as overdue_items
from criterion as c
join in_scope as sc on sc.framework_id = c.framework_id
left join with_items as w on w.framework_id = c.framework_id and w.criterion_code = c.criterion_code
left join buckets as b on b.framework_id = c.framework_id and b.criterion_code = c.criterion_code
order by c.framework_id, c.sort_order
