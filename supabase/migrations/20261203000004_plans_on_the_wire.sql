-- Plans on the wire (docs/plans.md, "Wire" and "Entries"):
-- - sync_pull sends two pulled-only entities, `plan` (with its municipality and areas) and
--   `objective`, to whoever their RLS lets read them (drafts: admins only); a mutation for
--   either is rejected `unknown_entity`;
-- - sync_push rejects an entry whose objective is not part of the plan in force on the entry's
--   Rome day (or belongs to a draft) with `objective_not_in_force`, on both of its paths.

-- Which entities a push may touch, and what a pull reads for each: a table, or for a plan the
-- view that puts its municipality and areas beside it.
alter table private.sync_tables
  add column pushed boolean not null default true,
  add column pull_relation text;
update private.sync_tables set pull_relation = format('public.%I', table_name);
alter table private.sync_tables alter column pull_relation set not null;

-- security_invoker: the caller's RLS on plans, municipalities and plan_areas applies.
create view private.plan_rows with (security_invoker = true) as
select p.id, p.txid, p.version, p.deleted, p.municipality_id, m.name as municipality, m.istat_code, p.title,
       p.start_year, p.end_year, p.approved_by, p.status, p.adopted_on, p.in_force_from, p.in_force_until,
       coalesce((select jsonb_agg(jsonb_build_object('id', a.area_id, 'nameIt', a.name_it, 'nameEn', a.name_en, 'position', a.position)
                                  order by a.position)
                 from public.plan_areas a where a.plan_id = p.id), '[]'::jsonb) as areas
from public.plans p join public.municipalities m on m.id = p.municipality_id;
revoke all on private.plan_rows from public, anon;
grant select on private.plan_rows to authenticated, service_role;

insert into private.sync_tables (entity, table_name, id_is_uuid, pushed, pull_relation) values
  ('plan', 'plans', false, false, 'private.plan_rows'),
  ('objective', 'objectives', false, false, 'public.objectives');

insert into private.sync_columns (entity, wire_name, column_name, client_writable, is_instant)
select 'plan', c.wire_name, c.column_name, false, false
from (values ('id', 'id'), ('municipalityId', 'municipality_id'), ('municipality', 'municipality'), ('istatCode', 'istat_code'),
             ('title', 'title'), ('startYear', 'start_year'), ('endYear', 'end_year'), ('approvedBy', 'approved_by'),
             ('status', 'status'), ('adoptedOn', 'adopted_on'), ('inForceFrom', 'in_force_from'),
             ('inForceUntil', 'in_force_until'), ('areas', 'areas')) as c (wire_name, column_name)
union all
select 'objective', c.wire_name, c.column_name, false, false
from (values ('id', 'id'), ('planId', 'plan_id'), ('areaId', 'area_id'), ('position', 'position'),
             ('contributingAreas', 'contributing_areas'), ('title', 'title'), ('responsabile', 'responsabile'),
             ('stakeholder', 'stakeholder'), ('contributors', 'contributors'), ('timeframe', 'timeframe'),
             ('measurement', 'measurement'), ('baselineText', 'baseline_text'), ('expectedTarget', 'expected_target'),
             ('dataSource', 'data_source'), ('indicator', 'indicator'),
             ('continuesObjectiveId', 'continues_objective_id')) as c (wire_name, column_name);

-- As in 20261126000024, each entity read from its pull relation.
create or replace function private.pull_query() returns text
language sql stable set search_path = ''
as $$
  select format('select * from (%s) u order by u.txid, u.entity collate "C", u.id collate "C" limit $5',
    string_agg(format(
      -- See 20261126000012 for the keyset bounds.
      '(select %1$L::text as entity, t.id::text as id, t.txid,
               jsonb_build_object(''entity'', %1$L::text, ''id'', t.id::text, ''deleted'', t.deleted, ''version'', t.version,
                                  ''row'', case when t.deleted then null else %3$s end) as change
        from (select * from %2$s t
              where t.txid >= $1 and t.txid < $4
                and (t.txid, t.id::text collate "C") > (
                  case when %1$L::text collate "C" < $2 collate "C" then $1 + 1 else $1 end,
                  case when %1$L::text = $2 then $3 else '''' end collate "C")
              order by t.txid, t.id::text collate "C" limit $5) t)',
      s.entity, s.pull_relation, private.wire_expression(s.entity, 't')), ' union all '))
  from private.sync_tables s
$$;

-- As in 20261126000010; an entity that is only pulled is unknown to a push.
create or replace function private.apply_mutation(m jsonb) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  target private.sync_tables;
  op text := m ->> 'op';
  entity_id text := m ->> 'entityId';
  base jsonb := m -> 'baseVersion';
  changes jsonb;
begin
  select * into target from private.sync_tables t where t.entity = m ->> 'entity' and t.pushed;
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

-- The Rome days on which an objective counts: those its plan is in force; null for an objective
-- of a draft, a tombstone, or one that does not exist.
create function private.objective_in_force(objective text) returns daterange
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select daterange(p.in_force_from, p.in_force_until, '[]')
          from public.objectives o join public.plans p on p.id = o.plan_id
          where o.id = objective and not o.deleted and not p.deleted and p.status <> 'draft');
end
$$;

create function private.rome_day(t timestamptz) returns date
language sql immutable
as $$ select (t at time zone 'Europe/Rome')::date $$;

-- A signed-in user's new entry, or one moved to another objective or day, must count towards the
-- plan in force on its Rome day. Entries written without a JWT (the seed, the service role,
-- migrations) are the operator's; entries already stored keep their objective. The fast push
-- checks its batch itself (private.entry_objectives) and says so for the length of its INSERT.
create function private.check_entry_in_force() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if auth.uid() is null
     or (tg_op = 'UPDATE' and new.objective_id = old.objective_id and new.occurred_at = old.occurred_at) then
    return new;
  end if;
  if not coalesce(private.rome_day(new.occurred_at) <@ private.objective_in_force(new.objective_id), false) then
    perform private.reject('objective_not_in_force',
      format('objective %s is not part of the plan in force on %s', new.objective_id, private.rome_day(new.occurred_at)));
  end if;
  return new;
end
$$;
create trigger entries_15_in_force before insert or update of objective_id, occurred_at on public.entries
  for each row when (current_setting('sulcampo.fast_push_checked', true) is distinct from 'on')
  execute function private.check_entry_in_force();

-- The objectives a fast push may write entries for: they exist, the caller works on them, and the
-- Rome days their plan is in force.
create function private.entry_objectives(ids text[]) returns table (objective_id text, in_force daterange)
language sql stable set search_path = ''
as $$
  select o.id, private.objective_in_force(o.id)
  from unnest(ids) o (id)
  where o.id is not null and private.objective_exists(o.id) and private.works_on_objective(o.id)
$$;

grant execute on function private.objective_in_force(text), private.rome_day(timestamptz),
  private.entry_objectives(text[]) to authenticated, service_role;
revoke all on function private.check_entry_in_force() from public;

-- The fast answers of a batch, as in 20261126000025, now also leaving to the per-mutation path
-- (which rejects it) an entry whose Rome day is outside its objective's plan in force.
create or replace function private.push_fresh_entries(mutations jsonb) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  answers jsonb;
  counted uuid[];
  -- First trust the entries_payload_valid CHECK (devices check payloads with the same rules);
  -- if it fails, the pass is undone and made again leaving out the invalid payloads.
  check_payloads boolean := false;
  state text;
  violated text;
begin
  loop
    begin
      perform set_config('sulcampo.month_stats_by_batch', 'on', true);
      perform set_config('sulcampo.fast_push_checked', 'on', true);
      with batch as materialized (
        select e.value as m, e.position,
               count(*) over (partition by e.value ->> 'id') as same_id,
               count(*) over (partition by e.value ->> 'entity', e.value ->> 'entityId') as same_entity
        from jsonb_array_elements(mutations) with ordinality as e (value, position)
        where jsonb_typeof(e.value) = 'object'
      ), fresh as materialized (
        -- Guards in CASE: a bad value must rule the mutation out, not fail the pass with a cast error.
        select b.position, b.m ->> 'id' as mutation_id, (b.m ->> 'id')::uuid as mutation_uuid, (b.m ->> 'entityId')::uuid as entity_id,
               b.m -> 'data' as d
        from batch b
        where b.same_id = 1 and b.same_entity = 1 and b.m ->> 'entity' = 'entry' and b.m ->> 'op' = 'insert'
          and case when private.is_uuid(b.m ->> 'id') and private.is_uuid(b.m ->> 'entityId') and private.is_uuid(b.m ->> 'authorId')
                   then (b.m ->> 'authorId')::uuid = auth.uid() else false end
          and case when private.number_between(b.m -> 'baseVersion', 0, 2147483647)
                   then (b.m ->> 'baseVersion')::numeric % 1 = 0 else false end
          and jsonb_typeof(b.m -> 'data') = 'object'
          -- from_wire rejects a malformed instant; occurredAt is the entry's only writable one.
          and case when jsonb_typeof(b.m #> '{data,occurredAt}') = 'string'
                   then private.is_instant(b.m #>> '{data,occurredAt}') else false end
      ), allowed as materialized (
        select a.objective_id, a.in_force
        from private.entry_objectives(array(select distinct fr.d ->> 'objectiveId' from fresh fr)) a
      ), valid as materialized (
        -- The entry's client-writable fields (private.sync_columns), read by their wire names.
        select fr.* from fresh fr join allowed a on a.objective_id = fr.d ->> 'objectiveId'
        where private.rome_day((fr.d ->> 'occurredAt')::timestamptz) <@ a.in_force
          and (not check_payloads or private.entry_payload_problem(fr.d ->> 'kind', fr.d -> 'payload') is null)
          and case when fr.d ->> 'kind' = 'maintenance_report' then fr.d ->> 'status' is null or private.status_rank(fr.d ->> 'status') is not null
                   else coalesce(jsonb_typeof(fr.d -> 'status'), 'null') = 'null' end
          -- Left out, they take the columns' defaults; a null would fail NOT NULL (a rejection).
          and coalesce(jsonb_typeof(fr.d -> 'locked'), 'boolean') = 'boolean'
          and coalesce(jsonb_typeof(fr.d -> 'deleted'), 'boolean') = 'boolean'
          and not exists (select 1 from public.entries e where e.id = fr.entity_id)
          and fr.mutation_uuid <> all (array(select a.id from private.applied_mutations a
                                             where a.id = any (array(select f2.mutation_uuid from fresh f2))))
      ), inserted as (
        insert into public.entries as t (id, objective_id, kind, payload, status, occurred_at, locked, deleted)
        select v.entity_id, v.d ->> 'objectiveId', v.d ->> 'kind', v.d -> 'payload', v.d ->> 'status', (v.d ->> 'occurredAt')::timestamptz,
               coalesce((v.d ->> 'locked')::boolean, false), coalesce((v.d ->> 'deleted')::boolean, false)
        from valid v
        returning t.id, t.version, t.deleted, private.entry_wire(t) as wire
      ), ids as materialized (
        -- Each entry back to its mutation, and that to its place in the batch, through maps, not
        -- joins the planner would loop over (it expects one row where there are hundreds).
        select jsonb_object_agg(v.entity_id::text, v.mutation_id) as mutation_of,
               jsonb_object_agg(v.mutation_id, v.position) as position_of
        from valid v
      ), recorded as (
        insert into private.applied_mutations (id, user_id, result)
        select (ids.mutation_of ->> i.id::text)::uuid, auth.uid(),
               jsonb_build_object('id', ids.mutation_of ->> i.id::text, 'status', 'applied', 'version', i.version, 'row', i.wire)
        from inserted i, ids
        returning result
      )
      select coalesce((select jsonb_object_agg(ids.position_of ->> (r.result ->> 'id'), r.result) from recorded r, ids), '{}'),
             array(select i.id from inserted i where not i.deleted)
      into answers, counted;
      perform set_config('sulcampo.month_stats_by_batch', '', true);
      perform set_config('sulcampo.fast_push_checked', '', true);
      perform private.queue_month_stats(counted);
      return answers;
    exception when check_violation then
      get stacked diagnostics violated = constraint_name;
      if check_payloads or violated is distinct from 'entries_payload_valid' then
        raise;
      end if;
      check_payloads := true;
    end;
  end loop;
exception when others then
  get stacked diagnostics state = returned_sqlstate;
  if left(state, 2) in ('40', '53', '57', '58', '08', 'XX') or state = '55P03' then
    raise;
  end if;
  return '{}';
end
$$;
