-- every supervising unit with its province (top ancestor), for matching units by name or id.
-- parameters: none. grain: one row per unit.
with tops as (
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
    t.top_id
from unit as u
left join tops as t on t.unit_id = u.unit_id
order by u.unit_id
