-- one value of the meta table (e.g. demo_built_on), null when absent.
-- parameters: $key. grain: one row.
select max(value) as value
from meta
where key = $key
