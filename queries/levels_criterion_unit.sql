-- per criterion of one framework and supervising unit (the school's current unit): how many schools
-- in scope have the criterion at each level in $school_year ($kind assessment).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $kind, $framework_id
-- grain: one row per unit and criterion that has at least one assessed school.
with schools as (
    select school_id, unit_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where framework_id = $framework_id
),

levels as (
    select s.unit_id, a.criterion_code, a.level
    from assessment as a
    join schools as s on s.school_id = a.school_id
    where a.school_year = $school_year and a.kind = $kind and a.framework_id = $framework_id
)

select
    l.unit_id,
    u.name as unit_name,
    l.criterion_code,
    count(*) as schools,
    count(*) filter (where l.level = 0) as n0,
    count(*) filter (where l.level = 1) as n1,
    count(*) filter (where l.level = 2) as n2,
    count(*) filter (where l.level = 3) as n3
from levels as l
join unit as u on u.unit_id = l.unit_id
group by l.unit_id, u.name, l.criterion_code
order by u.name, l.unit_id, l.criterion_code
