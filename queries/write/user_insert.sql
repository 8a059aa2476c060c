-- create one account.
-- parameters: $username, $display_name, $role, $unit_id, $school_id, $password_hash. grain: one row.
insert into app_user (username, display_name, role, unit_id, school_id, password_hash)
values ($username, $display_name, $role, $unit_id, $school_id, $password_hash)
