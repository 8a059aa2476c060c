-- overdue plan items on $as_of by school, by the lead's role, by criterion and by standard, each split by
-- how late (under 30 days, 30-90, over 90); per dimension the $top_n largest groups, the rest in one row.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $as_of, $risk_days, $top_n
-- grain: one row per dimension and group; the "others" row has key '' and groups = how many it folds.
with overdue as (
    select
        i.school_id,
        s.name as school_name,
        i.framework_id,
        f.family,
        i.criterion_code,
        c.name as criterion_name,
        c.sort_order as criterion_order,
        c.standard_no,
        st.name as standard_name,
        f.rule,
        $as_of - i.due_date as days_late,
        lead_key(i.lead) as lead_key
    from year_items($school_year) as i
    join scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s on s.school_id = i.school_id
    join criterion as c on c.framework_id = i.framework_id and c.criterion_code = i.criterion_code
    join standard as st on st.framework_id = c.framework_id and st.standard_no = c.standard_no
    join framework as f on f.framework_id = i.framework_id
    where item_bucket(i.status, i.due_date, i.ongoing, $as_of, $risk_days) = 'overdue'
),

banded as (
    select
        *,
        case when days_late < 30 then 'lt30' when days_late <= 90 then '30_90' else 'gt90' end as band,
        lead_role(lead_key) as lead_role  -- the first role named in the cell (migration 0007)
    from overdue
),

unpivoted as (
    -- each overdue item once per dimension; family tells criteria (rule: standards) of frameworks apart
    select 'school' as dimension, school_id as key, school_name as label, null as family, 0 as sort_order, band
    from banded
    union all
    select 'lead_role', lead_role, lead_role, null, 0, band
    from banded
    union all
    select 'criterion', framework_id || ':' || criterion_code, criterion_name, family, criterion_order, band
    from banded
    union all
    -- standards by number within a rule (the 2018 circulars share numbers and themes; names differ slightly)
    select 'standard', rule || ':' || cast(standard_no as text), standard_name, rule, standard_no, band
    from banded
),

totals as (
    select
        dimension,
        key,
        arg_min(label, length(label)) as label,
        any_value(family) as family,
        min(sort_order) as sort_order,
        count(*) as items,
        count(*) filter (where band = 'lt30') as lt30,
        count(*) filter (where band = '30_90') as d30_90,
        count(*) filter (where band = 'gt90') as gt90
    from unpivoted
    group by dimension, key
),

ranked as (
    select
        *,
        row_number() over (partition by dimension order by items desc, sort_order, key) as rank
    from totals
),

folded as (
    select
        *,
        case when rank <= $top_n then key else '' end as shown_key
    from ranked
)

select
    dimension,
    shown_key as key,
    case when shown_key <> '' then any_value(label) end as label,
    case when shown_key <> '' then any_value(family) end as family,
    case when shown_key <> '' then any_value(sort_order) end as sort_order,
    cast(sum(items) as bigint) as items,
    cast(sum(lt30) as bigint) as lt30,
    cast(sum(d30_90) as bigint) as d30_90,
    cast(sum(gt90) as bigint) as gt90,
    count(*) as groups,
    min(rank) as rank
from folded
group by dimension, shown_key
order by dimension, min(rank)
