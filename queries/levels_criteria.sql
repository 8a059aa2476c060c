-- the criteria of one framework in catalog order, with their standard (catalog data, no schools).
-- parameters: $framework_id. grain: one row per criterion.
select
    c.framework_id,
    c.standard_no,
    st.name as standard_name,
    c.criterion_code,
    c.name as criterion_name,
    c.max_level,
    c.mandatory,
    c.sort_order
from criterion as c
join standard as st on st.framework_id = c.framework_id and st.standard_no = c.standard_no
where c.framework_id = $framework_id
order by c.sort_order
