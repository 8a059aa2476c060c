-- store a new password hash (change or reset) and unlock the account.
-- parameters: $username, $password_hash. grain: one row updated.
update app_user
set password_hash = $password_hash,
    password_changed_at = current_timestamp,
    failed_logins = 0,
    locked_until = null
where username = $username
returning username
