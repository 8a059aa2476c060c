-- empty unit_closure before it is rebuilt.
-- parameters: none. grain: n/a.
delete from unit_closure
