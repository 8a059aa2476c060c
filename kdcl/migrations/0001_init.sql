-- 0001: the core model. frameworks (catalog data), supervising units, schools,
-- assessments, improvement plans, plan items and the log of every item change.
-- constraints live here, not only in python: levels in range and never above what
-- a criterion allows, codes that exist in the school's framework, fixed statuses.

create table framework (
    framework_id text primary key,
    family text not null check (family in ('MN', 'TH', 'THCS_THPT')),
    circular text not null,
    title text not null,
    rule text not null,
    verified boolean not null
);

create table standard (
    framework_id text not null references framework (framework_id),
    standard_no integer not null check (standard_no between 1 and 20),
    name text not null,
    primary key (framework_id, standard_no)
);

create table criterion (
    framework_id text not null,
    criterion_code text not null check (regexp_full_match(criterion_code, '[0-9]+\.[0-9]+')),
    standard_no integer not null,
    name text not null,
    indicators_m1 integer not null check (indicators_m1 >= 0),
    indicators_m2 integer not null check (indicators_m2 >= 0),
    indicators_m3 integer not null check (indicators_m3 >= 0),
    -- the highest level a criterion can reach: 3 only when it has mức 3 indicators
    max_level integer not null check (max_level = case when indicators_m3 > 0 then 3 else 2 end),
    mandatory boolean not null default false,
    sort_order integer not null,
    primary key (framework_id, criterion_code),
    foreign key (framework_id, standard_no) references standard (framework_id, standard_no)
);

-- every level a criterion may take (0..max_level); assessments and plan targets
-- reference it, so "mức 3 on a criterion without mức 3" is rejected by the database.
create table criterion_level (
    framework_id text not null,
    criterion_code text not null,
    level integer not null check (level between 0 and 3),
    primary key (framework_id, criterion_code, level),
    foreign key (framework_id, criterion_code) references criterion (framework_id, criterion_code)
);

create table unit (
    unit_id text primary key,
    name text not null,
    kind text not null check (kind in ('province', 'district', 'commune', 'ward', 'office')),
    parent_id text references unit (unit_id),
    dissolved_on date
);

-- ancestor/descendant pairs (a unit is its own ancestor at depth 0); rebuilt by the
-- store whenever units change, so scope filters are one join, not a recursive query.
create table unit_closure (
    ancestor_id text not null references unit (unit_id),
    descendant_id text not null references unit (unit_id),
    depth integer not null check (depth >= 0),
    primary key (ancestor_id, descendant_id)
);

create table school (
    school_id text primary key check (length(trim(school_id)) > 0),
    name text not null check (length(trim(name)) > 0),
    school_type text not null check (school_type in ('MN', 'TH', 'THCS', 'THPT', 'NHIEU_CAP')),
    framework_id text not null references framework (framework_id),
    unit_id text not null references unit (unit_id),
    -- the former district (quận/huyện) that supervised the school before the 2025 reform
    former_unit_id text references unit (unit_id),
    unique (school_id, framework_id)
);

create table assessment (
    school_id text not null,
    school_year text not null check (
        regexp_full_match(school_year, '[0-9]{4}-[0-9]{4}')
        and cast(right(school_year, 4) as integer) = cast(left(school_year, 4) as integer) + 1
    ),
    kind text not null check (kind in ('self', 'external')),
    framework_id text not null,
    criterion_code text not null,
    level integer not null check (level between 0 and 3),
    source text,
    primary key (school_id, school_year, kind, criterion_code),
    foreign key (school_id, framework_id) references school (school_id, framework_id),
    foreign key (framework_id, criterion_code, level)
        references criterion_level (framework_id, criterion_code, level)
);

create sequence plan_id_seq start 1;

create table plan (
    plan_id integer primary key default nextval('plan_id_seq'),
    school_id text not null references school (school_id),
    -- first and last school year the plan covers (a 5-year cycle plan spans five)
    school_year text not null check (regexp_full_match(school_year, '[0-9]{4}-[0-9]{4}')),
    end_school_year text not null check (regexp_full_match(end_school_year, '[0-9]{4}-[0-9]{4}')),
    title text,
    source_name text,
    source_sha256 text,
    created_at timestamp not null default current_timestamp,
    created_by text not null default 'system',
    check (end_school_year >= school_year)
);

create sequence plan_item_id_seq start 1;

create table plan_item (
    item_id bigint primary key default nextval('plan_item_id_seq'),
    plan_id integer not null references plan (plan_id),
    position integer not null check (position >= 1),
    school_id text not null,
    framework_id text not null,
    criterion_code text not null,
    target_level integer check (target_level between 1 and 3),
    weakness text,
    target_result text,
    measures text,
    lead text,
    support text,
    time_text text,
    start_date date,
    due_date date,
    ongoing boolean not null default false,
    budget_vnd bigint check (budget_vnd >= 0),
    budget_text text,
    other_support text,
    note text,
    status text not null default 'not_started'
        check (status in ('not_started', 'in_progress', 'done', 'dropped')),
    status_reason text,
    progress_note text,
    completed_on date,
    version integer not null default 1 check (version >= 1),
    updated_at timestamp not null default current_timestamp,
    updated_by text not null default 'system',
    check (start_date is null or due_date is null or start_date <= due_date),
    check (completed_on is null or status = 'done'),
    check (status <> 'dropped' or length(trim(coalesce(status_reason, ''))) > 0),
    foreign key (school_id, framework_id) references school (school_id, framework_id),
    foreign key (framework_id, criterion_code) references criterion (framework_id, criterion_code),
    foreign key (framework_id, criterion_code, target_level)
        references criterion_level (framework_id, criterion_code, level)
);

create sequence plan_item_log_id_seq start 1;

-- one row per changed field; no foreign key so history outlives a replaced plan
create table plan_item_log (
    log_id bigint primary key default nextval('plan_item_log_id_seq'),
    item_id bigint not null,
    school_id text not null,
    changed_at timestamp not null default current_timestamp,
    changed_by text not null,
    action text not null check (action in ('create', 'update', 'delete')),
    field text,
    old_value text,
    new_value text
);

create table meta (
    key text primary key,
    value text
);

-- the overdue rule, written once for every query (mirrored by kdcl.rules.item_bucket):
-- done / dropped first, then open items without a due date, then by due date vs as-of.
create macro item_bucket(p_status, p_due_date, p_ongoing, p_as_of, p_risk_days) as
    case
        when p_status = 'done' then 'done'
        when p_status = 'dropped' then 'dropped'
        when p_due_date is null or p_ongoing then 'no_deadline'
        when p_due_date < p_as_of then 'overdue'
        when p_due_date <= p_as_of + cast(p_risk_days as integer) then 'at_risk'
        else 'on_track'
    end;

-- the schools a query may see: the user's access scope and the page filters in one place.
-- a unit matches a school it supervises now or supervised before the reform, at any depth.
create macro scoped_schools(p_scope_unit_id, p_scope_school_id, p_unit_id, p_school_type) as table
    select s.*
    from school as s
    where (p_scope_school_id is null or s.school_id = p_scope_school_id)
      and (p_scope_unit_id is null or exists (
            select 1 from unit_closure as c
            where c.ancestor_id = p_scope_unit_id
              and (c.descendant_id = s.unit_id or c.descendant_id = s.former_unit_id)))
      and (p_unit_id is null or exists (
            select 1 from unit_closure as c
            where c.ancestor_id = p_unit_id
              and (c.descendant_id = s.unit_id or c.descendant_id = s.former_unit_id)))
      and (p_school_type is null or s.school_type = p_school_type);
