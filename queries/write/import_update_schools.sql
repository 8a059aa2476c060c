-- update the name and type of existing schools from a schools file (every renamed school at once).
-- parameters: none; relation `incoming` (Transaction.run_with_frame): school_id, name, school_type.
-- grain: n/a (one statement per file).
update school as s
set name = n.name,
    school_type = n.school_type
from incoming as n
where s.school_id = n.school_id
