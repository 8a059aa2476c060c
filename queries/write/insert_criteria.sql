-- the criteria of a framework from incoming; max_level is 3 only with mức 3 indicators.
-- parameters: none (reads the relation `incoming`: kdcl.catalogs.catalog_frame). grain: one row per criterion.
insert into criterion (
    framework_id, criterion_code, standard_no, name, indicators_m1, indicators_m2,
    indicators_m3, max_level, mandatory, sort_order
)
select
    framework_id, criterion_code, standard_no, name, indicators_m1, indicators_m2,
    indicators_m3, case when indicators_m3 > 0 then 3 else 2 end, mandatory, sort_order
from incoming
