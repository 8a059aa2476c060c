-- the catalog a report's levels are checked against and the rule that gives the school level.
-- parameters: $framework_id
-- grain: one row per criterion of the framework, in catalog order.
with criteria as (
    select framework_id, criterion_code, name, max_level, mandatory, sort_order
    from criterion
    where framework_id = $framework_id
)

select
    c.criterion_code,
    c.name,
    c.max_level,
    c.mandatory,
    f.rule
from criteria as c
join framework as f on f.framework_id = c.framework_id
order by c.sort_order
