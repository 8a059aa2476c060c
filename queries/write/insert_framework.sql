-- register one criteria framework (catalog metadata).
-- parameters: $framework_id, $family, $circular, $title, $rule, $verified. grain: one row.
insert into framework (framework_id, family, circular, title, rule, verified)
values ($framework_id, $family, $circular, $title, $rule, $verified)
