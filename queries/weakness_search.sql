-- plan items of any year whose weakness or measures contain $query, ignoring accents, case, đ/d and spacing.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $as_of, $risk_days, $query, $limit
-- grain: one row per match, weakness matches then newest year first, at most $limit; total = all matches.
with schools as (
    select s.school_id, s.name, u.name as unit_name
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s
    join unit as u on u.unit_id = s.unit_id
),

-- both sides folded by the one rule, fold() (migration 0008, = kdcl.text.fold)
needle as (
    select fold($query) as folded
),

items as (
    select
        i.item_id,
        i.school_id,
        s.name as school_name,
        s.unit_name,
        p.school_year as plan_year,
        p.end_school_year as plan_end_year,
        i.framework_id,
        i.criterion_code,
        c.sort_order,
        i.position,
        i.weakness,
        i.measures,
        i.status,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket,
        contains(fold(i.weakness), n.folded) as in_weakness,
        contains(fold(i.measures), n.folded) as in_measures
    from plan_item as i
    join plan as p on p.plan_id = i.plan_id
    join schools as s on s.school_id = i.school_id
    join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
    cross join needle as n
    where length(n.folded) > 0
),

matches as (
    select * from items where in_weakness or in_measures
),

totals as (
    select count(*) as total from matches
)

select
    item_id,
    school_id,
    school_name,
    unit_name,
    case when plan_end_year = plan_year then plan_year else plan_year || ' → ' || plan_end_year end as school_year,
    framework_id,
    criterion_code,
    weakness,
    measures,
    in_weakness,
    in_measures,
    status,
    bucket,
    t.total
from matches
cross join totals as t
order by in_weakness desc, plan_year desc, framework_id, sort_order, school_name, school_id, position
limit $limit
