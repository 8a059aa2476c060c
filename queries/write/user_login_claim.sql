-- claim one sign-in attempt BEFORE the password is checked, so parallel attempts cannot pass the
-- lockout: counted as failed (from the $max_failed-th the account waits until $locked_until) until
-- write/user_login_ok clears it. No row when the account is unknown, disabled or still locked.
-- parameters: $username, $now, $max_failed, $locked_until. grain: zero or one row.
update app_user
set failed_logins = failed_logins + 1,
    locked_until = case when failed_logins + 1 >= $max_failed then $locked_until else locked_until end
where username = $username
    and not disabled
    and (locked_until is null or locked_until <= $now)
returning username, display_name, role, unit_id, school_id, password_hash
