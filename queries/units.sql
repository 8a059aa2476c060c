-- supervising units a user may pick: the scope unit and everything under it (every unit without scope).
-- parameters: $scope_unit_id. grain: one row per unit; provinces first, former districts last.
with depth as (
    select descendant_id as unit_id, max(depth) as depth
    from unit_closure
    group by descendant_id
)

select
    u.unit_id,
    u.name,
    u.kind,
    u.parent_id,
    u.dissolved_on,
    d.depth
from unit as u
join depth as d on d.unit_id = u.unit_id
where $scope_unit_id is null
   or exists (
        select 1 from unit_closure as c
        where c.ancestor_id = $scope_unit_id and c.descendant_id = u.unit_id
   )
order by d.depth, u.dissolved_on nulls first, u.name
