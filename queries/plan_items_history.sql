-- the change log of one plan item, if its school is in the user's scope; newest first.
-- parameters: $scope_unit_id, $scope_school_id, $item_id
-- grain: one row per logged change (one changed field per row); fields of one change in order.
select
    l.log_id,
    l.changed_at,
    l.changed_by,
    l.action,
    l.field,
    l.old_value,
    l.new_value
from plan_item_log as l
join scoped_schools($scope_unit_id, $scope_school_id, null, null) as s on s.school_id = l.school_id
where l.item_id = $item_id
order by l.changed_at desc, l.log_id
