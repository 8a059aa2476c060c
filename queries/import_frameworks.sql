-- the criteria frameworks a school may use (matched by id, circular or title on import).
-- parameters: none. grain: one row per framework.
with frameworks as (
    select framework_id, family, circular, title, verified
    from framework
)

select
    f.framework_id,
    f.family,
    f.circular,
    f.title,
    f.verified
from frameworks as f
order by f.framework_id
