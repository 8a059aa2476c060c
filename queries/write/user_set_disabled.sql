-- disable or re-enable an account.
-- parameters: $username, $disabled. grain: one row updated.
update app_user
set disabled = $disabled
where username = $username
returning username
