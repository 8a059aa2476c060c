-- 0013 (issue 19/20): two rules that queries wrote twice, each in one home now.
--   school_peers(...)               the peers of one school in the user's scope: the schools of its type,
--                                   current unit and framework, the school included (none when the
--                                   school is outside the scope); read by school_peer_group and
--                                   school_peer_criteria.
--   self_external_pairs(...)        per school in scope and criterion, the self and the external level of
--                                   one school year, for the schools with both; read by
--                                   levels_external_criteria and levels_external_schools.
create macro school_peers(p_scope_unit_id, p_scope_school_id, p_school_id) as table
    with target as (
        select school_id, school_type, unit_id, framework_id
        from scoped_schools(p_scope_unit_id, p_scope_school_id, null, null)
        where school_id = p_school_id
    )
    select s.school_id, s.school_id = t.school_id as is_target
    from school as s
    join target as t
        on s.school_type = t.school_type and s.unit_id = t.unit_id and s.framework_id = t.framework_id;

create macro self_external_pairs(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type, p_school_year) as table
    select
        se.framework_id,
        se.criterion_code,
        se.school_id,
        se.level as self_level,
        ex.level as external_level
    from assessment as se
    join scoped_schools(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type) as s
        on s.school_id = se.school_id
    join assessment as ex
        on ex.school_id = se.school_id and ex.school_year = se.school_year
       and ex.criterion_code = se.criterion_code and ex.kind = 'external'
    where se.school_year = p_school_year and se.kind = 'self';
