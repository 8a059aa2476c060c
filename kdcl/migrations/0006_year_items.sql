-- 0006: the plan items of a school year, written once. A plan covers the school years from its
-- school_year to its end_school_year; its items count in every one of them. Queries read
-- `year_items($school_year)` and join their own scoped schools (the scope stays visible in each query).
create macro year_items(p_school_year) as table
    select i.*
    from plan_item as i
    join plan as p on p.plan_id = i.plan_id
    where p_school_year between p.school_year and p.end_school_year;
