-- move schools to another supervising unit (only schools no other row references yet: duckdb rewrites
-- the row when a foreign-key column changes). parameters: none; relation `incoming`
-- (Transaction.run_with_frame): school_id, unit_id, former_unit_id. grain: n/a (one statement per file).
update school as s
set unit_id = n.unit_id,
    former_unit_id = n.former_unit_id
from incoming as n
where s.school_id = n.school_id
