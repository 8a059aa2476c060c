-- one school with its framework and supervising unit (document headers).
-- parameters: $scope_unit_id, $scope_school_id, $school_id. grain: zero or one row.
select
    s.school_id,
    s.name,
    s.school_type,
    s.framework_id,
    f.circular,
    f.rule,
    u.name as unit_name,
    parent.name as parent_unit_name
from scoped_schools($scope_unit_id, $scope_school_id, null, null) as s
join framework as f on f.framework_id = s.framework_id
join unit as u on u.unit_id = s.unit_id
left join unit as parent on parent.unit_id = u.parent_id
where s.school_id = $school_id
