-- every criterion of every framework, for checking imported codes, names and levels.
-- parameters: none. grain: one row per framework and criterion.
with criteria as (
    select framework_id, criterion_code, standard_no, name, max_level, sort_order
    from criterion
)

select
    c.framework_id,
    c.criterion_code,
    c.standard_no,
    c.name,
    c.max_level,
    c.sort_order
from criteria as c
order by c.framework_id, c.sort_order
