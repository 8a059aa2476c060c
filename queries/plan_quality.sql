-- plan quality checks on the plan items of the schools in scope for one school year: one row per item
-- and failed check (check_code; labels and one-line explanations in kdcl.strings.PLAN_CHECK_LABELS / _HELP).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year,
-- $item_ids (a list: only these items, as a list page shows them; null: every item)
-- grain: one row per plan item and failed check (items passing every check are absent).
with items as (
    select
        i.item_id,
        i.school_id,
        i.lead,
        i.start_date,
        i.due_date,
        i.ongoing,
        i.target_level,
        i.budget_vnd,
        i.budget_text,
        a.level as current_level,
        -- the plan's period ends on 31/05 of the second year of its last school year
        make_date(cast(right(i.plan_end_year, 4) as integer), 5, 31) as plan_end,
        -- facilities: a criterion of the "cơ sở vật chất" standard (standard 3 in the 2018 circulars)
        -- or a criterion about it (TT57/2026 puts it in standard 4)
        contains(fold(st.name || ' ' || c.name), 'co so vat chat')
            as facilities
    from year_items($school_year) as i
    join scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s on s.school_id = i.school_id
    join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
    join standard as st on st.framework_id = c.framework_id and st.standard_no = c.standard_no
    -- the self-assessment of the year the plan was written for
    left join assessment as a
        on a.school_id = i.school_id
        and a.school_year = i.plan_start_year
        and a.kind = 'self'
        and a.criterion_code = i.criterion_code
    where ($item_ids is null or list_contains($item_ids, i.item_id))
)

select item_id, school_id, 'no_lead' as check_code
from items
where length(trim(coalesce(lead, ''))) = 0
union all
select item_id, school_id, 'no_deadline'
from items
where due_date is null and not ongoing
union all
select item_id, school_id, 'vague_time'
from items
where due_date is null and ongoing and start_date is null
union all
select item_id, school_id, 'target_not_above'
from items
where target_level is not null and current_level >= target_level
union all
select item_id, school_id, 'facilities_no_budget'
from items
where facilities and budget_vnd is null and length(trim(coalesce(budget_text, ''))) = 0
union all
select item_id, school_id, 'due_after_plan'
from items
where due_date > plan_end
order by school_id, item_id, check_code
