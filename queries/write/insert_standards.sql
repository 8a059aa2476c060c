-- the standards of a framework from the registered relation `incoming` (see kdcl.catalogs.seed).
-- parameters: none (reads the relation `incoming`: kdcl.catalogs.catalog_frame). grain: one row per standard.
insert into standard (framework_id, standard_no, name)
select distinct framework_id, standard_no, standard_name
from incoming
