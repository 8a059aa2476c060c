-- the logged updates of some plan items of schools in scope, newest first (who changed what, when: the
-- changes a stale export row would undo). parameters: $scope_unit_id, $scope_school_id, $item_ids (a list)
-- grain: one row per logged field change.
select
    l.item_id,
    l.changed_at,
    l.changed_by,
    l.field
from plan_item_log as l
join scoped_schools($scope_unit_id, $scope_school_id, null, null) as s on s.school_id = l.school_id
where l.action = 'update'
  and list_contains($item_ids, l.item_id)
order by l.item_id, l.changed_at desc, l.log_id
