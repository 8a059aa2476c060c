-- peers of one school (same type, current unit and framework; the school included): how many have a
-- $kind assessment in $school_year and the quartiles of their criteria counts at mức >= 1, 2, 3.
-- aggregates only, and null unless at least $min_peers schools are assessed (no small-group comparison).
-- parameters: $scope_unit_id, $scope_school_id, $school_id, $school_year, $kind, $min_peers. grain: zero or one row.
with target as (
    select school_id, school_type, unit_id, framework_id
    from scoped_schools($scope_unit_id, $scope_school_id, null, null)
    where school_id = $school_id
),

peers as (
    select s.school_id
    from school as s
    join target as t
        on s.school_type = t.school_type and s.unit_id = t.unit_id and s.framework_id = t.framework_id
),

-- the stored level counts (school_year_level, migration 0012)
counts as (
    select l.school_id, l.ge1, l.ge2, l.ge3
    from school_year_level as l
    join peers as p on p.school_id = l.school_id
    where l.school_year = $school_year and l.kind = $kind
),

stats as (
    select
        count(*) as assessed,
        quantile_disc(ge1, [0.25, 0.5, 0.75]) as ge1_quartiles,
        quantile_disc(ge2, [0.25, 0.5, 0.75]) as ge2_quartiles,
        quantile_disc(ge3, [0.25, 0.5, 0.75]) as ge3_quartiles
    from counts
)

select
    (select count(*) from peers) as schools,
    st.assessed,
    case when st.assessed >= $min_peers then st.ge1_quartiles end as ge1_quartiles,
    case when st.assessed >= $min_peers then st.ge2_quartiles end as ge2_quartiles,
    case when st.assessed >= $min_peers then st.ge3_quartiles end as ge3_quartiles
from stats as st
where exists (select 1 from target)
