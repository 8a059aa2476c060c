-- level profile of every school in scope for one school year and assessment kind.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $kind
-- grain: one row per school in scope (no assessment that year: assessed = 0).
-- the counts are stored (school_year_level, migration 0012); the level itself is kdcl.rules'.
with schools as (
    select school_id, name, school_type, framework_id, unit_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

catalog as (
    select
        framework_id,
        count(*) as criteria_total,
        count(*) filter (where max_level = 3) as m3_applicable,
        count(*) filter (where mandatory) as mandatory_total
    from criterion
    group by framework_id
),

-- the stored counts (table school_year_level, kept by every assessment write: migration 0012)
levels as (
    select school_id, assessed, ge1, ge2, ge3, mandatory_ge1, mandatory_ge2, other_ge1, other_ge2
    from school_year_level
    where school_year = $school_year and kind = $kind
)

select
    s.school_id,
    s.name,
    s.school_type,
    s.framework_id,
    f.rule,
    s.unit_id,
    u.name as unit_name,
    cat.criteria_total,
    coalesce(l.assessed, 0) as assessed,
    coalesce(l.ge1, 0) as ge1,
    coalesce(l.ge2, 0) as ge2,
    coalesce(l.ge3, 0) as ge3,
    cat.m3_applicable,
    cat.mandatory_total,
    coalesce(l.mandatory_ge1, 0) as mandatory_ge1,
    coalesce(l.mandatory_ge2, 0) as mandatory_ge2,
    coalesce(l.other_ge1, 0) as other_ge1,
    coalesce(l.other_ge2, 0) as other_ge2
from schools as s
join framework as f on f.framework_id = s.framework_id
join catalog as cat on cat.framework_id = s.framework_id
join unit as u on u.unit_id = s.unit_id
left join levels as l on l.school_id = s.school_id
order by s.school_id
