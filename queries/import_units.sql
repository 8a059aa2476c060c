-- every supervising unit with its province (top ancestor), for matching units by name or id.
-- parameters: none. grain: one row per unit. columns: unit_tree's (migration 0011).
select u.*
from unit_tree as u
order by u.unit_id
