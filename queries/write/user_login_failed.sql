-- count a failed sign-in; from the $max_failed-th in a row the account waits until $locked_until.
-- parameters: $username, $max_failed, $locked_until. grain: one row updated.
update app_user
set failed_logins = failed_logins + 1,
    locked_until = case when failed_logins + 1 >= $max_failed then $locked_until else locked_until end
where username = $username
