-- 0010: what a self-assessment (or external assessment) report says besides the levels, kept with the
-- assessment it was read with: per criterion the weakness ("Điểm yếu") and improvement plan ("Kế hoạch cải
-- tiến chất lượng") text, and the school-level Mức 4 requirements (met / not met). Both are replaced
-- together with that school, year and kind's levels, in one transaction (no foreign key to assessment).
-- (0009 is left to issue 18's sessions migration, numbered 0008 on its branch.)
create table assessment_text (
    school_id text not null,
    school_year text not null,
    kind text not null check (kind in ('self', 'external')),
    framework_id text not null,
    criterion_code text not null,
    weakness text,
    improvement text,
    source text,
    primary key (school_id, school_year, kind, criterion_code),
    foreign key (school_id, framework_id) references school (school_id, framework_id),
    foreign key (framework_id, criterion_code) references criterion (framework_id, criterion_code)
);

create table assessment_level4 (
    school_id text not null references school (school_id),
    school_year text not null,
    kind text not null check (kind in ('self', 'external')),
    position integer not null check (position >= 1),
    requirement text not null,
    met boolean not null,
    source text,
    primary key (school_id, school_year, kind, position)
);
