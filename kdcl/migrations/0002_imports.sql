-- 0002: importing real data. a log of every imported file (content sha256, so the same file is
-- recognised and skipped) and, on plans, which plan replaced a superseded one. a replaced plan
-- keeps its plan_id when it is the plan being re-imported; other overlapping plans lose their
-- items (each logged as a 'delete' in plan_item_log) and are marked superseded, then deleted.
create sequence import_log_id_seq start 1;

create table import_log (
    import_id bigint primary key default nextval('import_log_id_seq'),
    file_name text not null,
    sha256 text not null check (regexp_full_match(sha256, '[0-9a-f]{64}')),
    kind text not null check (kind in ('plan', 'assessment', 'schools')),
    format text not null check (format in ('docx', 'txt', 'xlsx', 'csv')),
    school_ids text,
    school_years text,
    rows integer not null check (rows >= 0),
    detail text,
    imported_at timestamp not null default current_timestamp,
    imported_by text not null
);

create index import_log_sha256 on import_log (sha256);

alter table plan add column superseded_by integer;
