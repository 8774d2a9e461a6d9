-- When two people act on one work order offline (issue 13; src/domain/work-orders/merge.ts): the
-- assignment, priority, due day and decline (the work_order) are the manager's, the work status
-- (the report's status, with its payload.resolvedAt) the assignee's. A
-- stale update's value for one of those fields wins over the stored one when its author owns the
-- field and the stored value's author did not; loses in the opposite case; between equals the
-- stored value stays (for the status, as before, the step further along wins). A losing value
-- goes to entry_history ('conflict_lost') with the fields that travel with it, and the answer is
-- `conflict`. Everything else is as in 20261126000010.

-- Whether the late value of a shared field replaces the stored one. Ownership is read on the order
-- as stored: someone taken off an order no longer owns its status. `field` is the history's name.
create function private.late_value_wins(report uuid, field text, late jsonb, stored_status text, base_version int) returns boolean
language plpgsql stable set search_path = ''
as $$
declare
  objective text := private.report_objective(report);
  stored_by uuid;
  late_owns boolean;
  stored_owns boolean;
begin
  select h.changed_by into stored_by
  from public.entry_history h
  where h.entry_id = report and h.version > base_version and h.reason <> 'conflict_lost'
    and h.field = late_value_wins.field and h.changed_by is distinct from auth.uid()
  order by h.version desc, h.id desc
  limit 1;
  if field = 'status' then
    late_owns := auth.uid() = any (private.report_assignees(report));
    stored_owns := coalesce(stored_by = any (private.report_assignees(report)), false);
  else
    late_owns := private.manages_objective(objective);
    stored_owns := stored_by is not null and private.user_manages_objective(stored_by, objective);
  end if;
  if late_owns <> stored_owns then
    return late_owns;
  end if;
  if field = 'status' then
    return coalesce(private.status_rank(late #>> '{}'), 0) > coalesce(private.status_rank(stored_status), 0);
  end if;
  return stored_by is null;
end
$$;
revoke all on function private.late_value_wins(uuid, text, jsonb, text, int) from public, anon;
grant execute on function private.late_value_wins(uuid, text, jsonb, text, int) to authenticated, service_role;

-- Takes a losing proposed column out of the changes, keeping it in the history.
create function private.without_lost(changes jsonb, current jsonb, field text, col text) returns jsonb
language plpgsql volatile set search_path = ''
as $$
begin
  if changes ? col and changes -> col is distinct from current -> col then
    perform private.record_lost_value((current ->> 'id')::uuid, (current ->> 'version')::int, field, current -> col, changes -> col);
  end if;
  return changes - col;
end
$$;
revoke all on function private.without_lost(jsonb, jsonb, text, text) from public, anon;
grant execute on function private.without_lost(jsonb, jsonb, text, text) to authenticated, service_role;

-- The contested fields of a stale update of a report (its status) or of its work order (the
-- triage), settled one by one; returns the changes left and whether any value lost.
create function private.settle_work_order(entity text, changes jsonb, current jsonb, base_version int, out kept jsonb, out lost boolean)
language plpgsql volatile set search_path = ''
as $$
declare
  shared record;
  report uuid := (current ->> 'id')::uuid;
  late_resolved_at jsonb := changes #> '{payload,resolvedAt}';
begin
  kept := changes;
  lost := false;
  for shared in
    select * from (values ('entry', 'status', 'status', null, null),
                          ('work_order', 'workOrder.assignees', 'assignees', 'workOrder.handBackReason', 'hand_back_reason'),
                          ('work_order', 'workOrder.priority', 'priority', null, null),
                          ('work_order', 'workOrder.dueOn', 'due_on', null, null),
                          ('work_order', 'workOrder.declineReason', 'decline_reason', 'workOrder.duplicateOf', 'duplicate_of'))
      as s (entity, field, col, companion, companion_col)
    where s.entity = settle_work_order.entity
  loop
    continue when not (kept ? shared.col) or kept -> shared.col is not distinct from current -> shared.col
                  or private.late_value_wins(report, shared.field, kept -> shared.col, current ->> 'status', base_version);
    kept := private.without_lost(kept, current, shared.field, shared.col);
    if shared.companion is not null then
      kept := private.without_lost(kept, current, shared.companion, shared.companion_col);
    end if;
    -- A lost resolution loses its date too; the rest of the author's payload edit stands.
    if shared.field = 'status' and kept ? 'payload' and late_resolved_at is distinct from current #> '{payload,resolvedAt}' then
      perform private.record_lost_value(report, (current ->> 'version')::int, 'payload.resolvedAt',
                                        current #> '{payload,resolvedAt}', late_resolved_at);
      kept := jsonb_set(kept, '{payload,resolvedAt}', coalesce(current #> '{payload,resolvedAt}', 'null'));
    end if;
    lost := true;
  end loop;
end
$$;
revoke all on function private.settle_work_order(text, jsonb, jsonb, int) from public, anon;
grant execute on function private.settle_work_order(text, jsonb, jsonb, int) to authenticated, service_role;

create or replace function private.update_row(target private.sync_tables, entity_id text, changes jsonb, base_version int) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  current jsonb := private.read_row(target, entity_id, true);
  stale boolean;
  lost boolean := false;
  merged jsonb;
  columns text;
  saved jsonb;
begin
  if current is null then
    perform private.reject('forbidden', 'you may read this record but not change it');
  end if;
  if (current ->> 'deleted')::boolean then
    -- Deleting twice is fine; any other change to a deleted record loses to the deletion.
    return private.answer(case when changes = '{"deleted": true}' then 'applied' else 'conflict' end, target.entity, current);
  end if;
  if base_version > (current ->> 'version')::int then
    perform private.reject('invalid_mutation', format('baseVersion %s is ahead of the server''s %s', base_version, current ->> 'version'));
  end if;
  if target.entity = 'entry' and (current ->> 'locked')::boolean and not private.manages_objective(current ->> 'objective_id') then
    perform private.reject('locked', 'the entry was locked by a manager');
  end if;
  stale := private.changed_by_others_since(target, current, base_version);
  if stale and target.entity in ('entry', 'work_order') then
    select s.kept, s.lost into changes, lost from private.settle_work_order(target.entity, changes, current, base_version) s;
  end if;
  merged := current || changes;
  if merged = current then
    return private.answer(case when lost then 'conflict' else 'applied' end, target.entity, current);
  end if;
  if target.entity = 'entry' then
    perform private.check_entry(merged);
  end if;
  perform set_config('sulcampo.change_reason', case when stale then 'conflict_overwritten' else 'edit' end, true);
  columns := (select string_agg(quote_ident(k), ', ') from jsonb_object_keys(changes) k);
  execute format('update public.%I as t set (%s) = (select %s from jsonb_populate_record(null::public.%I, $1)) where t.id = $2::%s returning to_jsonb(t.*)',
                 target.table_name, columns, columns, target.table_name, case when target.id_is_uuid then 'uuid' else 'text' end)
    using merged, entity_id into saved;
  perform set_config('sulcampo.change_reason', '', true);
  if saved is null then
    perform private.reject('forbidden', 'your role or area does not allow this change');
  end if;
  return private.answer(case when lost then 'conflict' else 'applied' end, target.entity, saved);
end
$$;
