-- weakness texts of this year's plan items of one framework (one criterion or all), for theme grouping,
-- with the "Điểm yếu" of this year's self-assessment reports (assessment_text, migration 0010).
-- parameters: scope and filters, $framework_id, $criterion_code (null = all), $limit
-- grain: one row per distinct trimmed text, the $limit most frequent; with its item count, schools and criteria.
with schools as (
    select school_id
    from scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type)
    where framework_id = $framework_id
),

items as (
    select i.school_id, i.criterion_code, trim(i.weakness) as text
    from year_items($school_year) as i
    join schools as s on s.school_id = i.school_id
    where i.framework_id = $framework_id
      and ($criterion_code is null or i.criterion_code = $criterion_code)
      and length(trim(coalesce(i.weakness, ''))) > 0
    union all
    select r.school_id, r.criterion_code, trim(r.weakness) as text
    from assessment_text as r
    join schools as s on s.school_id = r.school_id
    where r.framework_id = $framework_id
      and ($criterion_code is null or r.criterion_code = $criterion_code)
      and r.school_year = $school_year
      and r.kind = 'self'
      and length(trim(coalesce(r.weakness, ''))) > 0
)

select
    text,
    count(*) as items,
    list(distinct school_id order by school_id) as schools,
    list(distinct criterion_code order by criterion_code) as criteria
from items
group by text
order by items desc, text
limit $limit
