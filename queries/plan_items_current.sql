-- the editable fields of one plan item as stored now, if its school is in the user's scope.
-- parameters: $scope_unit_id, $scope_school_id, $item_id
-- grain: zero or one row.
select
    i.item_id,
    i.school_id,
    i.status,
    i.status_reason,
    i.completed_on,
    i.progress_note,
    i.start_date,
    i.due_date,
    i.version
from plan_item as i
where i.item_id = $item_id
  and i.school_id in (select school_id from scoped_schools($scope_unit_id, $scope_school_id, null, null))
