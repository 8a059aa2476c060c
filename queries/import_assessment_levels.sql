-- the levels schools in scope have: for the schools and years of an import file (shown as "old -> new"),
-- or every one of them in the assessments template shape (the export).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_ids, $school_years
-- (lists; null: every school / every year)
-- grain: one row per school, school year, kind and criterion assessed; in school, year, kind and criterion order.
select
    a.school_id,
    a.school_year,
    a.kind,
    a.criterion_code,
    a.level
from assessment as a
join scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s on s.school_id = a.school_id
join criterion as c on c.framework_id = a.framework_id and c.criterion_code = a.criterion_code
where ($school_ids is null or list_contains($school_ids, a.school_id))
  and ($school_years is null or list_contains($school_years, a.school_year))
order by a.school_id, a.school_year, a.kind, c.sort_order
