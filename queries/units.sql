-- supervising units a user may pick: the scope unit and everything under it (every unit without scope).
-- parameters: $scope_unit_id. grain: one row per unit; provinces first, former districts last.
-- columns: unit_tree's (migration 0011).
select u.*
from unit_tree as u
where $scope_unit_id is null
   or exists (
        select 1 from unit_closure as c
        where c.ancestor_id = $scope_unit_id and c.descendant_id = u.unit_id
   )
order by u.depth, u.dissolved_on nulls first, u.name
