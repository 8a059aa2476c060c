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

counts as (
    select
        a.school_id,
        count(*) filter (where a.level >= 1) as ge1,
        count(*) filter (where a.level >= 2) as ge2,
        count(*) filter (where a.level >= 3) as ge3
    from assessment as a
    join peers as p on p.school_id = a.school_id
    where a.school_year = $school_year and a.kind = $kind
    group by a.school_id
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
