-- plan items of the schools in scope for one school year, where they stand on $as_of: filtered, searched
-- (accent- and case-insensitive, see $query below), sorted, cut to one page.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days,
--   $bucket, $school_id, $framework_id, $criterion_code, $lead_role, $query, $sort, $descending, $limit, $offset
-- grain: one row per plan item (at most $limit rows); total_rows/total_schools count the whole filtered set.
with items as (
    select
        i.*,
        s.name as school_name,
        c.name as criterion_name,
        c.standard_no,
        c.sort_order as criterion_order,
        item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) as bucket,
        coalesce(i.status = 'done' and i.completed_on > i.due_date, false) as done_late,
        lead_key(i.lead) as lead_key
    from year_items($school_year) as i
    join scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s on s.school_id = i.school_id
    join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
),

classified as (
    select
        *,
        lead_role(lead_key) as lead_role,  -- the first role named in the cell (migration 0007)
        case
            when bucket = 'overdue' then $as_of - due_date
            when done_late then completed_on - due_date
        end as days_late
    from items
),

filtered as (
    select *
    from classified
    where ($bucket is null
            or bucket = $bucket
            or ($bucket = 'open' and bucket in ('overdue', 'at_risk', 'on_track', 'no_deadline'))
            or ($bucket = 'done_late' and done_late)
            or ($bucket = 'done_on_time' and bucket = 'done' and not done_late))
      and ($school_id is null or school_id = $school_id)
      and ($framework_id is null or framework_id = $framework_id)
      and ($criterion_code is null or criterion_code = $criterion_code)
      and ($lead_role is null or lead_role = $lead_role)
      -- $query: a case-insensitive regular expression matching every accented form of the search text
      -- (kdcl.data.plan_items.search_pattern: "si so" finds "Sĩ số"); '' = no search
      and (coalesce($query, '') = '' or regexp_matches(
            concat_ws(' ', school_id, school_name, criterion_code, criterion_name, weakness, measures, lead,
                time_text, progress_note, status_reason),
            $query))
),

counted as (
    select
        *,
        count(*) over () as total_rows,
        count(distinct school_id) over () as total_schools,
        -- $sort comes from an allow-list in kdcl.data.plan_items: one numeric and one text key
        case $sort
            when 'days_late' then days_late
            when 'due_date' then epoch(due_date)
            when 'status' then case bucket
                when 'overdue' then 1 when 'at_risk' then 2 when 'on_track' then 3
                when 'no_deadline' then 4 when 'done' then 5 else 6 end
        end as sort_num,
        case $sort
            when 'school' then fold(school_name)
            when 'criterion' then framework_id || ' ' || lpad(cast(criterion_order as text), 4, '0')
            when 'lead' then lead_key
        end as sort_text
    from filtered
),

page as (
    select *
    from counted
    order by
        case when not $descending then sort_num end asc nulls last,
        case when $descending then sort_num end desc nulls last,
        case when not $descending then sort_text end asc nulls last,
        case when $descending then sort_text end desc nulls last,
        due_date asc nulls last, school_id, criterion_order, item_id
    limit $limit offset $offset
),

last_change as (
    select
        l.item_id,
        max(l.changed_at) as changed_at,
        arg_max(l.changed_by, l.changed_at) as changed_by
    from plan_item_log as l
    join page as pg on pg.item_id = l.item_id
    group by l.item_id
)

select
    pg.item_id,
    pg.school_id,
    pg.school_name,
    pg.framework_id,
    pg.criterion_code,
    pg.criterion_name,
    pg.standard_no,
    pg.weakness,
    pg.measures,
    pg.lead,
    pg.lead_role,
    pg.time_text,
    pg.due_date,
    pg.ongoing,
    pg.days_late,
    pg.bucket,
    pg.done_late,
    pg.status,
    pg.status_reason,
    pg.completed_on,
    pg.progress_note,
    pg.version,
    coalesce(lc.changed_at, pg.updated_at) as last_changed_at,
    coalesce(lc.changed_by, pg.updated_by) as last_changed_by,
    pg.total_rows,
    pg.total_schools
from page as pg
left join last_change as lc on lc.item_id = pg.item_id
order by
    case when not $descending then pg.sort_num end asc nulls last,
    case when $descending then pg.sort_num end desc nulls last,
    case when not $descending then pg.sort_text end asc nulls last,
    case when $descending then pg.sort_text end desc nulls last,
    pg.due_date asc nulls last, pg.school_id, pg.criterion_order, pg.item_id
