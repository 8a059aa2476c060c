-- end every session of an account (password changed or reset, account disabled).
-- parameters: $username, $reason, $now. grain: the account's open sessions updated.
update app_session
set ended_at = $now, end_reason = $reason, ticket_hash = null
where username = $username and ended_at is null
returning session_id
