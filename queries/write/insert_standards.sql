-- the standards of a framework from the registered catalog_frame (see kdcl.db.load_frameworks).
-- parameters: none (reads catalog_frame). grain: one row per standard.
insert into standard (framework_id, standard_no, name)
select distinct framework_id, standard_no, standard_name
from catalog_frame
