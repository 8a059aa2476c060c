-- the account log, newest first: every line for an admin; for an office the lines it wrote and those about
-- the accounts it may manage (the usernames given).
-- parameters: $everything, $actor, $usernames, $limit. grain: one row per change.
select changed_at, actor, username, action, detail
from account_log
where $everything or actor = $actor or list_contains($usernames, username)
order by changed_at desc, log_id desc
limit $limit
