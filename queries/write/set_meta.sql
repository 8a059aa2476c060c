-- set one key of the meta table (database-level facts such as the demo build date).
-- parameters: $key, $value. grain: one row.
insert or replace into meta (key, value) values ($key, $value)
