-- ids of every supervising unit (used by writes to insert parents first).
-- parameters: none. grain: one row per unit.
select unit_id
from unit
order by unit_id
