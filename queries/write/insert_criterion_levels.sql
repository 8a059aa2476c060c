-- the levels each criterion may take: 0 up to its max level.
-- parameters: none (reads the relation `incoming`: kdcl.catalogs.catalog_frame). grain: one row per criterion and level.
insert into criterion_level (framework_id, criterion_code, level)
select f.framework_id, f.criterion_code, l.level
from incoming as f
cross join range(0, 4) as l(level)
where l.level <= case when f.indicators_m3 > 0 then 3 else 2 end
