-- 0009 (issue 18): sign-in sessions that survive a reload, and the log of account changes.
-- app_session: one row per sign-in. The browser holds a signed, http-only cookie with a random token;
-- only its sha256 is stored (token_hash), and a one-time ticket (ticket_hash) turns into that cookie.
-- A session counts while ended_at is null and last_seen is within the idle timeout.
create table if not exists app_session (
    session_id text primary key,
    username text not null,
    ticket_hash text,
    token_hash text,
    created_at timestamp not null default current_timestamp,
    last_seen timestamp not null default current_timestamp,
    ended_at timestamp,
    end_reason text check (end_reason in ('sign_out', 'password', 'disabled', 'idle', 'role'))
);

-- account_log: who changed which account, what, and when (the accounts page shows it); actor 'cli' is the
-- command line (python -m kdcl users ...).
create sequence if not exists account_log_id;
create table if not exists account_log (
    log_id bigint primary key default nextval('account_log_id'),
    changed_at timestamp not null default current_timestamp,
    actor text not null,
    username text not null,
    action text not null check (action in ('add', 'disable', 'enable', 'reset_password', 'change_password', 'set_role')),
    detail text not null default ''
);
