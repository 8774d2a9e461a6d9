-- Applying one mutation (src/domain/sync-protocol.ts Mutation) to its table, under the caller's
-- RLS. Rejections raise private.reject(); sync_push turns every error into a per-mutation answer.
-- Conflicts (ARCHITECTURE.md §4): an update is stale when someone else changed the row after
-- its baseVersion (your own queued edits never conflict with each other). For entries the
-- history says who made each version; for plan data, the last writer (updated_by) does.
-- A stale update is applied field by field, last writer wins, except a report's status: there
-- the value further along open → in_progress → resolved wins, a tie keeps the stored one, and
-- the losing value goes to entry_history ('conflict_lost') with the answer `conflict`.

create function private.is_uuid(value text) returns boolean
language sql immutable
as $$ select coalesce(value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', false) $$;

create function private.status_rank(status text) returns int
language sql immutable
as $$ select array_position(array['open', 'in_progress', 'resolved'], status) $$;

-- The row as the caller may see it (null when not visible), optionally locked for update:
-- a row the caller sees but may not update comes back null when locked.
create function private.read_row(target private.sync_tables, entity_id text, for_update boolean) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  found_row jsonb;
begin
  execute format('select to_jsonb(t.*) from public.%I t where t.id = $1::%s %s', target.table_name,
                 case when target.id_is_uuid then 'uuid' else 'text' end,
                 case when for_update then 'for update' else '' end)
    using entity_id into found_row;
  return found_row;
end
$$;

-- An entry as it would be stored (snake_case row): the objective exists and is one the caller
-- works on, the kind is known, the payload valid for it, a status only on reports.
create function private.check_entry(entry jsonb) returns void
language plpgsql stable set search_path = ''
as $$
declare
  problem text := private.entry_payload_problem(entry ->> 'kind', entry -> 'payload');
begin
  if entry ->> 'objective_id' is null or entry ->> 'occurred_at' is null then
    perform private.reject('invalid_payload', 'objectiveId and occurredAt are required');
  end if;
  if not private.objective_exists(entry ->> 'objective_id') then
    perform private.reject('not_found', format('objective %s does not exist', coalesce(entry ->> 'objective_id', 'null')));
  end if;
  if problem is not null then
    perform private.reject(split_part(problem, ':', 1), substr(problem, strpos(problem, ':') + 1));
  end if;
  if entry ->> 'kind' = 'maintenance_report' and entry ->> 'status' is not null and private.status_rank(entry ->> 'status') is null then
    perform private.reject('invalid_payload', 'status must be open, in_progress or resolved');
  end if;
  if entry ->> 'kind' <> 'maintenance_report' and coalesce(jsonb_typeof(entry -> 'status'), 'null') <> 'null' then
    perform private.reject('invalid_payload', 'only maintenance reports have a status');
  end if;
end
$$;

create function private.changed_by_others_since(target private.sync_tables, current jsonb, base_version int) returns boolean
language sql stable set search_path = ''
as $$
  select base_version < (current ->> 'version')::int and case
    when target.entity = 'entry' then exists (
      select 1 from public.entry_history h
      where h.entry_id = (current ->> 'id')::uuid and h.version > base_version and h.reason <> 'conflict_lost'
        and h.changed_by is distinct from auth.uid())
    else (current ->> 'updated_by') is distinct from auth.uid()::text
  end
$$;

create function private.answer(status text, entity text, saved jsonb) returns jsonb
language sql stable set search_path = ''
as $$ select jsonb_build_object('status', status, 'version', (saved ->> 'version')::int, 'row', private.to_wire(entity, saved)) $$;

create function private.insert_row(target private.sync_tables, entity_id text, changes jsonb) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  fields jsonb := changes || jsonb_build_object('id', entity_id);
  columns text := (select string_agg(quote_ident(k), ', ') from jsonb_object_keys(fields) k);
  saved jsonb;
begin
  if target.entity = 'entry' then
    perform private.check_entry(fields);
    if not private.works_on_objective(fields ->> 'objective_id') then
      perform private.reject('forbidden', format('you do not work on objective %s', fields ->> 'objective_id'));
    end if;
  end if;
  execute format('insert into public.%I as t (%s) select %s from jsonb_populate_record(null::public.%I, $1) returning to_jsonb(t.*)',
                 target.table_name, columns, columns, target.table_name)
    using fields into saved;
  return private.answer('applied', target.entity, saved);
end
$$;

create function private.update_row(target private.sync_tables, entity_id text, changes jsonb, base_version int) returns jsonb
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
  if stale and target.entity = 'entry' and changes ? 'status' and changes -> 'status' <> current -> 'status'
     and coalesce(private.status_rank(changes ->> 'status'), 0) <= coalesce(private.status_rank(current ->> 'status'), 0) then
    perform private.record_lost_value(entity_id::uuid, (current ->> 'version')::int, 'status', current -> 'status', changes -> 'status');
    changes := changes - 'status';
    lost := true;
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

-- One mutation's envelope checked, then routed: insert (or, for an id that already exists and
-- is visible, an update based on version 0), update, or delete (a tombstone).
create function private.apply_mutation(m jsonb) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  target private.sync_tables;
  op text := m ->> 'op';
  entity_id text := m ->> 'entityId';
  base jsonb := m -> 'baseVersion';
  changes jsonb;
begin
  select * into target from private.sync_tables t where t.entity = m ->> 'entity';
  if not found then
    perform private.reject('unknown_entity', format('%s is not a synced entity', coalesce(m ->> 'entity', 'null')));
  end if;
  if op is null or op not in ('insert', 'update', 'delete') then
    perform private.reject('invalid_mutation', 'op must be insert, update or delete');
  end if;
  if entity_id is null or char_length(entity_id) > 200 or (target.id_is_uuid and not private.is_uuid(entity_id)) then
    perform private.reject('invalid_mutation', format('entityId must be %s', case when target.id_is_uuid then 'a UUID' else 'an id' end));
  end if;
  if (case when private.number_between(base, 0, 2147483647) then (base #>> '{}')::numeric % 1 <> 0 else true end) then
    perform private.reject('invalid_mutation', 'baseVersion must be a whole number, 0 or more');
  end if;
  if op <> 'delete' and jsonb_typeof(m -> 'data') is distinct from 'object' then
    perform private.reject('invalid_mutation', 'data must be an object');
  end if;
  changes := case when op = 'delete' then '{"deleted": true}'::jsonb else private.from_wire(target.entity, m -> 'data') end;
  if private.read_row(target, entity_id, false) is null then
    if op <> 'insert' then
      perform private.reject('not_found', format('%s %s does not exist or is not yours to see', target.entity, entity_id));
    end if;
    return private.insert_row(target, entity_id, changes);
  end if;
  return private.update_row(target, entity_id, changes,
                            case when op = 'insert' then 0 else (base #>> '{}')::int end);
end
$$;

grant execute on function private.is_uuid(text), private.status_rank(text),
  private.changed_by_others_since(private.sync_tables, jsonb, int),
  private.read_row(private.sync_tables, text, boolean), private.check_entry(jsonb),
  private.answer(text, text, jsonb), private.insert_row(private.sync_tables, text, jsonb),
  private.update_row(private.sync_tables, text, jsonb, int), private.apply_mutation(jsonb)
  to authenticated, service_role;
