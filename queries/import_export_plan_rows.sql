-- how many rows the plan-items export would hold (checked before the file is offered).
-- parameters: $scope_unit_id, $scope_school_id, $unit_id, $school_type, $school_id, $school_year (null: every year)
-- grain: one row.
select count(*) as export_rows
from plan_item_row as i
join scoped_schools($scope_unit_id, $scope_school_id, $unit_id, $school_type) as s on s.school_id = i.school_id
where ($school_id is null or i.school_id = $school_id)
  and ($school_year is null or plan_covers(i.plan_start_year, i.plan_end_year, $school_year))
