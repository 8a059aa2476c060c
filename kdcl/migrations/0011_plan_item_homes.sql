-- 0011: one home each for the SQL rules the plan-item family of queries wrote again and again (issue 19).
-- plan_covers(first, last, year): a plan covers the school years from its school_year to its end_school_year.
create or replace macro plan_covers(p_first_year, p_last_year, p_school_year) as
    p_school_year between p_first_year and p_last_year;

-- year_plans(year): the plans covering a school year (a plan without items counts: "has a plan").
create or replace macro year_plans(p_school_year) as table
    select p.*
    from plan as p
    where plan_covers(p.school_year, p.end_school_year, p_school_year);

-- plan_item_row: every plan item with the plan it belongs to, the one list of a plan item's columns
-- (queries select `r.*` or `r.* exclude (...)` and add what they compute).
create or replace view plan_item_row as
select
    i.item_id,
    i.plan_id,
    p.school_year as plan_start_year,
    p.end_school_year as plan_end_year,
    p.title as plan_title,
    i.position,
    i.school_id,
    i.framework_id,
    i.criterion_code,
    i.target_level,
    i.weakness,
    i.target_result,
    i.measures,
    i.lead,
    i.support,
    i.time_text,
    i.start_date,
    i.due_date,
    i.ongoing,
    i.budget_vnd,
    i.budget_text,
    i.other_support,
    i.note,
    i.status,
    i.status_reason,
    i.completed_on,
    i.progress_note,
    i.version,
    i.updated_at,
    i.updated_by
from plan_item as i
join plan as p on p.plan_id = i.plan_id;

-- year_items(year) (migration 0006), now the plan_item_row of the plans covering the year: the same
-- items, with their plan's years and title.
create or replace macro year_items(p_school_year) as table
    select r.*
    from plan_item_row as r
    where plan_covers(r.plan_start_year, r.plan_end_year, p_school_year);

-- scoped_school(scope, school): the one school a page or document is about, if the user's scope holds it.
create or replace macro scoped_school(p_scope_unit_id, p_scope_school_id, p_school_id) as table
    select s.*
    from scoped_schools(p_scope_unit_id, p_scope_school_id, null, null) as s
    where s.school_id = p_school_id;

-- unit_tree: every supervising unit with its depth below its province and that province (top_id).
create or replace view unit_tree as
with depth as (
    select c.descendant_id as unit_id, max(c.depth) as depth
    from unit_closure as c
    group by c.descendant_id
),

tops as (
    select c.descendant_id as unit_id, c.ancestor_id as top_id
    from unit_closure as c
    join unit as a on a.unit_id = c.ancestor_id
    where a.parent_id is null
)

select
    u.unit_id,
    u.name,
    u.kind,
    u.parent_id,
    u.dissolved_on,
    d.depth,
    t.top_id
from unit as u
left join depth as d on d.unit_id = u.unit_id
left join tops as t on t.unit_id = u.unit_id;
