-- Maintenance reports become work orders (issue 13; src/domain/work-orders). A work order is its
-- own synced entity, `work_order`, one per report and with the report's id, so the entry on the
-- wire keeps the fields of Entry and an app that does not know work orders skips them in a pull.
-- The triage is the manager's: who fixes it (assignees), how urgently (priority), by when (due_on;
-- null is day 8, the PIAO's rule), or why not (decline_reason, and duplicate_of for a duplicate).
-- The work is the assignee's: the report's own status and payload.resolvedAt, the resolution note,
-- or a hand-back with its reason. How the report reached the comune (payload.channel) is the
-- author's, like the rest of the payload. Who reported it is not here: see 20261203400003.

alter table public.entries
  add constraint entries_channel_valid check (
    kind <> 'maintenance_report' or payload ->> 'channel' is null
    or payload ->> 'channel' in ('phone', 'email_pec', 'in_person', 'field')),
  -- The report's decline, copied from its work order for the objective's figures
  -- (20261203400004). Server-owned and not on the wire: the work order carries it.
  add column decline_reason text;

create table public.work_orders (
  id uuid primary key references public.entries (id) on delete cascade,
  assignees uuid[] not null default '{}',
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  due_on date,
  decline_reason text check (decline_reason in ('not_ours', 'duplicate')),
  duplicate_of uuid references public.entries (id),
  hand_back_reason text constraint work_orders_hand_back_reason_length check (char_length(hand_back_reason) <= 2000),
  handed_back_by uuid references auth.users (id) on delete set null,
  resolution_note text constraint work_orders_resolution_note_length check (char_length(resolution_note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null,
  version int not null default 1,
  deleted boolean not null default false,
  txid bigint not null default private.current_txid(),
  constraint work_orders_duplicate_has_original check ((decline_reason = 'duplicate') = (duplicate_of is not null)),
  constraint work_orders_duplicate_not_itself check (duplicate_of <> id)
);
create index work_orders_pull_idx on public.work_orders (txid, (id::text) collate "C");
-- "Assigned to me".
create index work_orders_assignees_idx on public.work_orders using gin (assignees) where not deleted;

insert into private.sync_tables (entity, table_name, id_is_uuid, pushed, pull_relation)
values ('work_order', 'work_orders', true, true, 'public.work_orders');
insert into private.sync_columns (entity, wire_name, column_name, client_writable, is_instant) values
  ('work_order', 'id', 'id', false, false),
  ('work_order', 'assignees', 'assignees', true, false),
  ('work_order', 'priority', 'priority', true, false),
  ('work_order', 'dueOn', 'due_on', true, false),
  ('work_order', 'declineReason', 'decline_reason', true, false),
  ('work_order', 'duplicateOf', 'duplicate_of', true, false),
  ('work_order', 'handBackReason', 'hand_back_reason', true, false),
  ('work_order', 'handedBackBy', 'handed_back_by', false, false),
  ('work_order', 'resolutionNote', 'resolution_note', true, false),
  ('work_order', 'createdAt', 'created_at', false, true),
  ('work_order', 'updatedAt', 'updated_at', false, true),
  ('work_order', 'updatedBy', 'updated_by', false, false),
  ('work_order', 'version', 'version', false, false),
  ('work_order', 'deleted', 'deleted', false, false);

-- Rights asked of another user than the caller (private.manages_objective and the policies ask of the caller).
create function private.user_manages_objective(who uuid, objective text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.profiles p, public.objectives o
    where p.id = who and o.id = objective and (p.role = 'admin' or (p.role = 'manager' and p.area_id = o.area_id)));
end
$$;

create function private.user_works_on_objective(who uuid, objective text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.profiles p, public.objectives o
    where p.id = who and o.id = objective
      and (p.role = 'admin' or o.area_id = p.area_id or p.area_id = any (o.contributing_areas)));
end
$$;

-- The report behind a work order, whoever may read it (null for anything but a maintenance report).
create function private.report_objective(report uuid) returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select e.objective_id from public.entries e where e.id = report and e.kind = 'maintenance_report');
end
$$;

-- The people a report is assigned to (none without a work order).
create function private.report_assignees(report uuid) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce((select w.assignees from public.work_orders w where w.id = report and not w.deleted), '{}');
end
$$;
revoke all on function private.user_manages_objective(uuid, text), private.user_works_on_objective(uuid, text),
  private.report_objective(uuid), private.report_assignees(uuid) from public, anon;
grant execute on function private.user_manages_objective(uuid, text), private.user_works_on_objective(uuid, text),
  private.report_objective(uuid), private.report_assignees(uuid) to authenticated, service_role;

-- Who changes which part of a work order (src/domain/work-orders/lifecycle.ts, same refusal codes).
-- On insert the "old" order is an empty one. Admins, like the server itself, may do everything.
create function private.guard_work_order() returns trigger
language plpgsql set search_path = ''
as $$
declare
  me uuid := auth.uid();
  objective text := private.report_objective(new.id);
  before_assignees uuid[] := case when tg_op = 'UPDATE' then old.assignees else '{}' end;
  assigned boolean := me = any (before_assignees);
  manager boolean;
  triage_changed boolean;
begin
  if objective is null then
    perform private.reject('not_found', 'a work order belongs to a maintenance report');
  end if;
  if tg_op = 'UPDATE' and new.id is distinct from old.id then
    perform private.reject('invalid_mutation', 'a work order stays with its report');
  end if;
  if me is null or private.is_admin() then
    return new;
  end if;
  if new.deleted or (tg_op = 'UPDATE' and old.deleted) then
    perform private.reject('forbidden', 'a work order goes only with its report');
  end if;
  manager := private.manages_objective(objective);
  if tg_op = 'INSERT' then
    triage_changed := true;
  else
    triage_changed := (new.priority, new.due_on, new.decline_reason, new.duplicate_of)
                      is distinct from (old.priority, old.due_on, old.decline_reason, old.duplicate_of);
  end if;
  if triage_changed and not manager then
    perform private.reject('not_manager', 'only a manager of the area triages reports');
  end if;
  -- A resolved or declined order takes no more work; the manager may still decline it (a resolved
  -- report found to be a duplicate) or change the decline.
  if (tg_op = 'UPDATE' and old.decline_reason is not null and new.decline_reason is not distinct from old.decline_reason
      or (select e.status from public.entries e where e.id = new.id) = 'resolved')
     and (new.assignees, new.priority, new.due_on)
         is distinct from (before_assignees, case when tg_op = 'UPDATE' then old.priority else 'normal' end,
                           case when tg_op = 'UPDATE' then old.due_on end) then
    perform private.reject('order_closed', 'the report is already resolved or declined');
  end if;
  if new.due_on < (select private.rome_day((e.payload ->> 'reportedAt')::timestamptz) from public.entries e where e.id = new.id) then
    perform private.reject('due_before_report', 'the due date cannot be before the report');
  end if;
  if new.assignees is distinct from before_assignees then
    if assigned and not manager and new.assignees = array_remove(before_assignees, me) then
      -- A hand-back: an assignee takes only themselves off, saying why.
      if btrim(coalesce(new.hand_back_reason, '')) = '' then
        perform private.reject('reason_required', 'a hand-back needs a reason');
      end if;
      new.handed_back_by := me;
      return new;
    end if;
    if not manager then
      perform private.reject('not_manager', 'only a manager of the area assigns reports');
    end if;
    if new.assignees = '{}' then
      perform private.reject('assignee_required', 'assign the report to someone');
    end if;
    if exists (select 1 from unnest(new.assignees) a where not private.user_works_on_objective(a, objective)) then
      perform private.reject('assignee_outside_area', 'a report is assigned only to people who work in its area');
    end if;
    new.hand_back_reason := null;
    new.handed_back_by := null;
  elsif new.hand_back_reason is distinct from (case when tg_op = 'UPDATE' then old.hand_back_reason end) then
    perform private.reject('forbidden', 'a hand-back reason comes with a hand-back');
  end if;
  if tg_op = 'UPDATE' and new.resolution_note is distinct from old.resolution_note and not assigned then
    perform private.reject('not_assignee', 'the resolution note is the assignee''s');
  end if;
  return new;
end
$$;

create trigger work_orders_10_guard before insert or update on public.work_orders
  for each row execute function private.guard_work_order();
create trigger work_orders_20_stamp before insert or update on public.work_orders
  for each row execute function private.stamp_server_columns();

-- After a change: the report follows its order. The last assignee to hand it back reopens it;
-- its decline is copied for the objective's figures. As the owner, so past the entries' RLS,
-- but still guarded as the caller's change (the caller may change the order, so the report).
create function private.report_follows_order() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  last_hand_back boolean := tg_op = 'UPDATE' and new.handed_back_by is not null and new.assignees = '{}' and old.assignees <> '{}';
begin
  update public.entries e
  set status = case when last_hand_back and e.status = 'in_progress' then 'open' else e.status end,
      decline_reason = new.decline_reason
  where e.id = new.id
    and (e.decline_reason is distinct from new.decline_reason or (last_hand_back and e.status = 'in_progress'));
  return null;
end
$$;
revoke all on function private.report_follows_order() from public;
create trigger work_orders_30_report after insert or update on public.work_orders
  for each row execute function private.report_follows_order();

-- The history of the order goes with its report's (entry_history, 20261126000007), under
-- "workOrder.<field>" and the order's own version.
create function private.record_work_order_changes() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.entry_history (entry_id, changed_by, version, field, old_value, new_value, reason)
  select new.id, auth.uid(), new.version, 'workOrder.' || f.field, f.old_value, f.new_value,
         coalesce(nullif(current_setting('sulcampo.change_reason', true), ''), 'edit')
  from (
    values ('assignees', to_jsonb(case when tg_op = 'UPDATE' then old.assignees end), to_jsonb(new.assignees)),
           ('priority', to_jsonb(case when tg_op = 'UPDATE' then old.priority end), to_jsonb(new.priority)),
           ('dueOn', to_jsonb(case when tg_op = 'UPDATE' then old.due_on end), to_jsonb(new.due_on)),
           ('declineReason', to_jsonb(case when tg_op = 'UPDATE' then old.decline_reason end), to_jsonb(new.decline_reason)),
           ('duplicateOf', to_jsonb(case when tg_op = 'UPDATE' then old.duplicate_of end), to_jsonb(new.duplicate_of)),
           ('handBackReason', to_jsonb(case when tg_op = 'UPDATE' then old.hand_back_reason end), to_jsonb(new.hand_back_reason)),
           ('resolutionNote', to_jsonb(case when tg_op = 'UPDATE' then old.resolution_note end), to_jsonb(new.resolution_note))
  ) as f (field, old_value, new_value)
  where f.old_value is distinct from f.new_value;
  return null;
end
$$;
revoke all on function private.record_work_order_changes() from public;
create trigger work_orders_40_history after insert or update on public.work_orders
  for each row execute function private.record_work_order_changes();

alter table public.work_orders enable row level security;
revoke all on public.work_orders from public, anon, authenticated;
-- No DELETE: the order goes with its report.
grant select, insert, update on public.work_orders to authenticated;
grant all on public.work_orders to service_role;
-- Whoever reads the report reads its order (the entries policy applies in the subquery).
create policy work_orders_read on public.work_orders for select to authenticated
  using (exists (select 1 from public.entries e where e.id = work_orders.id));
create policy work_orders_insert on public.work_orders for insert to authenticated
  with check (private.manages_objective(private.report_objective(id)));
-- The manager, and the assignees (the guard says which parts); an assignee who hands the order
-- back is off it afterwards, so the new row is checked only for being readable.
create policy work_orders_update on public.work_orders for update to authenticated
  using (private.manages_objective(private.report_objective(id)) or (select auth.uid()) = any (assignees))
  with check (exists (select 1 from public.entries e where e.id = work_orders.id));

-- As 20261126000006, except that the resolution date in the payload is work on the report rather
-- than its content: whoever may move the status sets it (private.guard_report_work checks who).
create or replace function private.guard_entry_change() returns trigger
language plpgsql set search_path = ''
as $$
declare
  reviewer boolean;
begin
  new.author_id := old.author_id;
  if auth.uid() is null then
    return new;
  end if;
  if new.kind is distinct from old.kind then
    perform private.reject('invalid_mutation', 'the kind of an entry cannot change');
  end if;
  reviewer := private.manages_objective(old.objective_id);
  if old.locked and not reviewer then
    perform private.reject('locked', 'the entry was locked by a manager');
  end if;
  if new.locked is distinct from old.locked and not reviewer then
    perform private.reject('forbidden', 'only a manager of the area locks entries');
  end if;
  if old.author_id is distinct from auth.uid() and not private.is_admin()
     and (new.objective_id, new.payload - 'resolvedAt', new.occurred_at, new.deleted)
         is distinct from (old.objective_id, old.payload - 'resolvedAt', old.occurred_at, old.deleted) then
    perform private.reject('forbidden', 'a manager reviews status and lock; the content belongs to its author');
  end if;
  return new;
end
$$;

-- Once a report is assigned, its work status belongs to its assignees: nobody else starts or
-- resolves it ("resolving someone else's order"), its author and managers included.
create function private.guard_report_work() returns trigger
language plpgsql set search_path = ''
as $$
declare
  assignees uuid[];
begin
  if auth.uid() is null or new.kind <> 'maintenance_report' or private.is_admin()
     or (new.status, new.payload -> 'resolvedAt') is not distinct from (old.status, old.payload -> 'resolvedAt') then
    return new;
  end if;
  if exists (select 1 from public.work_orders w where w.id = new.id and w.decline_reason is not null) then
    perform private.reject('order_closed', 'the report was declined');
  end if;
  assignees := private.report_assignees(new.id);
  if assignees <> '{}' and not auth.uid() = any (assignees) then
    perform private.reject('not_assignee', 'this report is assigned to someone else');
  end if;
  return new;
end
$$;
create trigger entries_12_report_work before update on public.entries
  for each row execute function private.guard_report_work();

create function private.assigned_to_me(report uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$ begin return auth.uid() = any (private.report_assignees(report)); end $$;
revoke all on function private.assigned_to_me(uuid) from public, anon;
grant execute on function private.assigned_to_me(uuid) to authenticated, service_role;

-- A worker changes a report assigned to them (the guards say which parts: its work).
create policy entries_update_assigned on public.entries for update to authenticated
  using (private.assigned_to_me(id))
  with check (objective_id = any ((select private.my_objectives())::text[]));

-- A work order's own history rows are not edits of the entry: a stale entry update is judged
-- by the entry's fields only (otherwise as 20261126000010).
create or replace function private.changed_by_others_since(target private.sync_tables, current jsonb, base_version int) returns boolean
language sql stable set search_path = ''
as $$
  select base_version < (current ->> 'version')::int and case
    when target.entity = 'entry' then exists (
      select 1 from public.entry_history h
      where h.entry_id = (current ->> 'id')::uuid and h.version > base_version and h.reason <> 'conflict_lost'
        and h.field not like 'workOrder.%' and h.changed_by is distinct from auth.uid())
    else (current ->> 'updated_by') is distinct from auth.uid()::text
  end
$$;
