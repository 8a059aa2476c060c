-- reserve $n consecutive plan ids from plan_id_seq (bulk loads); returns the last one.
-- parameters: $n. grain: one row.
select max(nextval('plan_id_seq')) as last_id
from range(cast($n as bigint))
