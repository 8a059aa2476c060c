-- how much a database holds (printed after building the demo).
-- parameters: none. grain: one row holding a struct.
select {
    'schools': (select count(*) from school),
    'plan_items': (select count(*) from plan_item),
    'assessments': (select count(*) from assessment)
} as counts
