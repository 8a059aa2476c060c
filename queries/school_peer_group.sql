-- peers of one school (same type, current unit and framework; the school included): how many have a
-- $kind assessment in $school_year and the quartiles of their criteria counts at mức >= 1, 2, 3.
-- aggregates only, and null unless at least $min_peers schools are assessed (no small-group comparison).
-- parameters: $scope_unit_id, $scope_school_id, $school_id, $school_year, $kind, $min_peers. grain: zero or one row.
-- the peers: macro school_peers (migration 0013)
with peers as (
    select school_id, is_target
    from school_peers($scope_unit_id, $scope_school_id, $school_id)
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
where exists (select 1 from peers where is_target)
