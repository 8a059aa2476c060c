-- 0003: user accounts. passwords are stored only as argon2id hashes (salted, see kdcl.auth);
-- the scope columns say which schools a user may see: a principal one school, an office one
-- unit and below, a viewer optionally one unit, an admin everything.
create table app_user (
    username text primary key check (regexp_full_match(username, '[a-z0-9._-]{3,40}')),
    display_name text not null,
    role text not null check (role in ('admin', 'office', 'principal', 'viewer')),
    unit_id text references unit (unit_id),
    school_id text references school (school_id),
    password_hash text not null check (starts_with(password_hash, '$argon2')),
    disabled boolean not null default false,
    failed_logins integer not null default 0 check (failed_logins >= 0),
    locked_until timestamp,
    created_at timestamp not null default current_timestamp,
    password_changed_at timestamp not null default current_timestamp,
    check (role <> 'principal' or school_id is not null),
    check (role <> 'office' or unit_id is not null),
    check (role = 'principal' or school_id is null),
    check (role in ('office', 'viewer') or unit_id is null)
);
