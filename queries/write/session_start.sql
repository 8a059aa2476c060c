-- a new sign-in session waiting for its browser to claim the cookie with the one-time ticket.
-- parameters: $session_id, $username, $ticket_hash, $now. grain: one row inserted.
insert into app_session (session_id, username, ticket_hash, created_at, last_seen)
values ($session_id, $username, $ticket_hash, $now, $now)
