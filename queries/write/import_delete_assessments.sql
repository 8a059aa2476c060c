-- remove the levels an assessments file is about to set again (then inserted afresh).
-- parameters: relation `incoming` (Transaction.run_with_frame): school_id, school_year, kind, criterion_code.
-- grain: n/a (one statement for the whole file).
delete from assessment as a
using incoming as n
where a.school_id = n.school_id
  and a.school_year = n.school_year
  and a.kind = n.kind
  and a.criterion_code = n.criterion_code
