-- how many active accounts exist (zero means the first admin must be created).
-- parameters: none. grain: one row.
select count(*) as active_users
from app_user
where not disabled
