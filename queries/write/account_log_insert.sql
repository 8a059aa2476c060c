-- one line of the account log (written in the same transaction as the change it describes).
-- parameters: $actor, $username, $action, $detail, $now. grain: one row inserted.
insert into account_log (changed_at, actor, username, action, detail)
values ($now, $actor, $username, $action, $detail)
