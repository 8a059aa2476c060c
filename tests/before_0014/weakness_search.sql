-- plan items of any year whose weakness or measures contain $query, ignoring accents, case, đ/d and spacing,
-- and the criteria of assessment reports whose "Điểm yếu" / "Kế hoạch cải tiến" text contains it (source
-- 'self_report' / 'external_report', item_id null; plan items: source 'plan').
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $as_of, $risk_days, $query, $limit
-- grain: one row per match, weakness matches then newest year first, at most $limit; total = all matches,
-- report_total = those from reports.
with schools as (
    select s.school_id, s.name, u.name as unit_name
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s
    join unit as u on u.unit_id = s.unit_id
),

-- both sides folded by the one rule, fold() (migration 0008, = kdcl.text.fold)
needle as (
    select fold($query) as folded
),

texts as (
    select
        i.item_id,
        'plan' as source,
        i.school_id,
        s.name as school_name,
        s.unit_name,
        i.plan_start_year as plan_year,
        i.plan_end_year,
        i.framework_id,
        i.criterion_code,
        c.sort_order,
        i.position,
        i.weakness,
        i.measures,
        i.status,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket
    from plan_item_row as i
    join schools as s on s.school_id = i.school_id
    join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
    union all
    select
        null as item_id,
        r.kind || '_report' as source,
        r.school_id,
        s.name as school_name,
        s.unit_name,
        r.school_year as plan_year,
        r.school_year as plan_end_year,
        r.framework_id,
        r.criterion_code,
        c.sort_order,
        0 as position,
        r.weakness,
        r.improvement as measures,
        null as status,
        null as bucket
    from assessment_text as r
    join schools as s on s.school_id = r.school_id
    join criterion as c on c.framework_id = r.framework_id and c.criterion_code = r.criterion_code
),

items as (
    select
        i.*,
        contains(fold(i.weakness), n.folded) as in_weakness,
        contains(fold(i.measures), n.folded) as in_measures
    from texts as i
    cross join needle as n
    where length(n.folded) > 0
),

matches as (
    select * from items where in_weakness or in_measures
),

totals as (
    select count(*) as total, count(*) filter (where source <> 'plan') as report_total from matches
)

select
    item_id,
    source,
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
    t.total,
    t.report_total
from matches
cross join totals as t
order by in_weakness desc, plan_year desc, framework_id, sort_order, school_name, school_id, position
limit $limit
