-- the session was used now (kept alive against the idle timeout).
-- parameters: $session_id, $now. grain: zero or one row updated.
update app_session
set last_seen = $now
where session_id = $session_id and ended_at is null
returning session_id
