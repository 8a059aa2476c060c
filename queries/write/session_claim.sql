-- the browser's claim of a fresh session's ticket (once, within $since): the ticket becomes the cookie's token.
-- parameters: $ticket_hash, $token_hash, $since, $now. grain: zero or one row updated.
update app_session
set ticket_hash = null, token_hash = $token_hash, last_seen = $now
where ticket_hash = $ticket_hash and ended_at is null and created_at >= $since
returning session_id
