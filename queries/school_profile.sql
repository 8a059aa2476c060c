-- one school (if visible in the user's scope): who it is, its framework and rule, its unit, the unit above
-- (document headers) and the former district it belonged to.
-- parameters: $scope_unit_id, $scope_school_id, $school_id. grain: zero or one row.
select
    s.school_id,
    s.name,
    s.school_type,
    s.framework_id,
    f.circular,
    f.rule,
    s.unit_id,
    u.name as unit_name,
    parent.name as parent_unit_name,
    fu.name as former_unit_name
from scoped_school($scope_unit_id, $scope_school_id, $school_id) as s
join framework as f on f.framework_id = s.framework_id
join unit as u on u.unit_id = s.unit_id
left join unit as parent on parent.unit_id = u.parent_id
left join unit as fu on fu.unit_id = s.former_unit_id
