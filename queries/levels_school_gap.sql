-- per school in scope with an assessment of $kind in $school_year: the criteria that block each
-- school level under the 2018 rule (level, or -1 when missing, below least(target, max_level)).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_year, $kind
-- grain: one row per assessed school; gap_n lists codes in catalog order (empty when none).
with schools as (
    select s.school_id, s.framework_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s
    where exists (
        select 1 from assessment as a
        where a.school_id = s.school_id and a.school_year = $school_year and a.kind = $kind
    )
),

levels as (
    select
        s.school_id,
        c.criterion_code,
        c.sort_order,
        c.max_level,
        coalesce(a.level, -1) as level
    from schools as s
    join criterion as c on c.framework_id = s.framework_id
    left join assessment as a
        on a.school_id = s.school_id and a.criterion_code = c.criterion_code
       and a.school_year = $school_year and a.kind = $kind
)

select
    school_id,
    coalesce(list(criterion_code order by sort_order) filter (where level < least(1, max_level)), []) as gap_1,
    coalesce(list(criterion_code order by sort_order) filter (where level < least(2, max_level)), []) as gap_2,
    coalesce(list(criterion_code order by sort_order) filter (where level < least(3, max_level)), []) as gap_3
from levels
group by school_id
order by school_id
