-- a successful sign-in clears the failure count and any lock.
-- parameters: $username. grain: one row updated.
update app_user
set failed_logins = 0, locked_until = null
where username = $username
