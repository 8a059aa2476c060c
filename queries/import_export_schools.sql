-- schools in the schools template shape (unit names, province, former district), in scope.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id
-- grain: one row per school.
with schools as (
    select school_id, name, school_type, framework_id, unit_id, former_unit_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where $school_id is null or school_id = $school_id
),

tops as (
    select c.descendant_id as unit_id, a.name as province
    from unit_closure as c
    join unit as a on a.unit_id = c.ancestor_id
    where a.parent_id is null and a.kind = 'province'
)

select
    s.school_id,
    s.name,
    s.school_type,
    s.framework_id,
    t.province,
    case when u.kind in ('commune', 'ward') then u.name end as commune,
    f.name as former_district,
    case when u.kind not in ('commune', 'ward') then u.name end as office
from schools as s
join unit as u on u.unit_id = s.unit_id
left join tops as t on t.unit_id = s.unit_id
left join unit as f on f.unit_id = s.former_unit_id
order by s.school_id
