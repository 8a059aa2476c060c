-- earlier imports of a file with this content (sha256): plans and the import log.
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $sha256
-- grain: one row per earlier import (plans of schools in scope, log entries of the user's scope or global).
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
),

plans as (
    select p.school_id, p.created_at as imported_at, p.source_name as file_name, 'plan' as kind
    from plan as p
    join schools as s on s.school_id = p.school_id
    where p.source_sha256 = $sha256
),

logged as (
    select l.school_ids as school_id, l.imported_at, l.file_name, l.kind
    from import_log as l
    where l.sha256 = $sha256
)

select school_id, imported_at, file_name, kind
from plans
union all
select school_id, imported_at, file_name, kind
from logged
order by imported_at
