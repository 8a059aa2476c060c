-- end one session (sign-out, idle).
-- parameters: $session_id, $reason, $now. grain: zero or one row updated.
update app_session
set ended_at = $now, end_reason = $reason, ticket_hash = null
where session_id = $session_id and ended_at is null
returning session_id
