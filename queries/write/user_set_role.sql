-- change an account's role and scope (the same checks as a new account: the table's constraints).
-- parameters: $username, $role, $unit_id, $school_id. grain: zero or one row updated.
update app_user
set role = $role, unit_id = $unit_id, school_id = $school_id
where username = $username
returning username
