-- one account with its hash and lockout state (for sign-in only; never shown).
-- parameters: $username. grain: zero or one row.
select
    username,
    display_name,
    role,
    unit_id,
    school_id,
    password_hash,
    disabled,
    failed_logins,
    locked_until
from app_user
where username = $username
