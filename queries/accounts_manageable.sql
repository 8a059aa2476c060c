-- the accounts a manager may change: an admin every account ($everything: also `kdcl users list`); an
-- office the principals of the schools in its scope ($scope_unit_id; scoped_schools). No password hashes.
-- parameters: $scope_unit_id, $scope_school_id, $everything. grain: one row per account.
with office_schools as (
    select school_id from scoped_schools($scope_unit_id, $scope_school_id, null, null)
)
select
    u.username,
    u.display_name,
    u.role,
    u.unit_id,
    un.name as unit_name,
    u.school_id,
    s.name as school_name,
    u.disabled,
    u.failed_logins,
    u.locked_until,
    u.created_at,
    u.password_changed_at
from app_user as u
left join unit as un on un.unit_id = u.unit_id
left join school as s on s.school_id = u.school_id
where $everything
   or (u.role = 'principal' and u.school_id in (select school_id from office_schools))
order by u.role, u.username
