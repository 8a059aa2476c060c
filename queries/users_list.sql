-- accounts for the admin list and `kdcl users list` (no password hashes).
-- parameters: none. grain: one row per account.
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
order by u.role, u.username
