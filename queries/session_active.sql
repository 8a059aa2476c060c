-- the live session of a cookie token or a session id, with its account (enabled accounts only).
-- parameters: $token_hash, $session_id (either may be null), $since (idle limit). grain: zero or one row.
select
    s.session_id,
    s.last_seen,
    u.username,
    u.role,
    u.unit_id,
    u.school_id
from app_session s
join app_user u on u.username = s.username
where (s.token_hash = $token_hash or s.session_id = $session_id)
  and s.ended_at is null
  and s.last_seen >= $since
  and not u.disabled
