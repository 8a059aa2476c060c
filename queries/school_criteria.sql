-- every criterion of one school's framework: its self and external level in $school_year, and the plan
-- items on it in the plans covering that year (target level, counts by where they stand on $as_of), and the
-- "Điểm yếu" / "Kế hoạch cải tiến chất lượng" its self-assessment report of that year gives (migration 0010).
-- parameters: $scope_unit_id, $scope_school_id, $school_id, $school_year, $as_of, $risk_days. grain: one row per criterion.
with school as (
    select school_id, framework_id
    from scoped_schools($scope_unit_id, $scope_school_id, null, null)
    where school_id = $school_id
),

levels as (
    select
        a.criterion_code,
        max(a.level) filter (where a.kind = 'self') as self_level,
        max(a.level) filter (where a.kind = 'external') as external_level
    from assessment as a
    join school as s on s.school_id = a.school_id
    where a.school_year = $school_year
    group by a.criterion_code
),

items as (
    select
        i.criterion_code,
        i.target_level,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket
    from year_items($school_year) as i
    join school as s on s.school_id = i.school_id
),

report_text as (
    select r.criterion_code, r.weakness, r.improvement, r.source
    from assessment_text as r
    join school as s on s.school_id = r.school_id
    where r.school_year = $school_year
      and r.kind = 'self'
),

item_counts as (
    select
        criterion_code,
        max(target_level) as target_level,
        count(*) as items,
        count(*) filter (where bucket = 'overdue') as overdue_items,
        count(*) filter (where bucket = 'at_risk') as at_risk_items,
        count(*) filter (where bucket = 'on_track') as on_track_items,
        count(*) filter (where bucket = 'no_deadline') as no_deadline_items,
        count(*) filter (where bucket = 'done') as done_items,
        count(*) filter (where bucket = 'dropped') as dropped_items
    from items
    group by criterion_code
)

select
    c.standard_no,
    st.name as standard_name,
    c.criterion_code,
    c.name as criterion_name,
    c.max_level,
    c.mandatory,
    l.self_level,
    l.external_level,
    ic.target_level,
    coalesce(ic.items, 0) as items,
    coalesce(ic.overdue_items, 0) as overdue_items,
    coalesce(ic.at_risk_items, 0) as at_risk_items,
    coalesce(ic.on_track_items, 0) as on_track_items,
    coalesce(ic.no_deadline_items, 0) as no_deadline_items,
    coalesce(ic.done_items, 0) as done_items,
    coalesce(ic.dropped_items, 0) as dropped_items,
    rt.weakness as report_weakness,
    rt.improvement as report_improvement,
    rt.source as report_source
from school as s
join criterion as c on c.framework_id = s.framework_id
join standard as st on st.framework_id = c.framework_id and st.standard_no = c.standard_no
left join levels as l on l.criterion_code = c.criterion_code
left join item_counts as ic on ic.criterion_code = c.criterion_code
left join report_text as rt on rt.criterion_code = c.criterion_code
order by c.sort_order
