-- recompute unit_closure (ancestor, descendant, depth) from unit.parent_id.
-- parameters: none. grain: one row per ancestor-descendant pair (self at depth 0).
insert into unit_closure (ancestor_id, descendant_id, depth)
with recursive walk (ancestor_id, descendant_id, depth) as (
    select unit_id, unit_id, 0
    from unit
    union all
    select u.parent_id, w.descendant_id, w.depth + 1
    from walk as w
    join unit as u on u.unit_id = w.ancestor_id
    where u.parent_id is not null and w.depth < 10
)
select ancestor_id, descendant_id, min(depth)
from walk
group by ancestor_id, descendant_id
