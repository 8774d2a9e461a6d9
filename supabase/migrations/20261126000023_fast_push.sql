-- sync_push's fast path: the common batch is a device's fresh entries, inserted by their author.
-- Those are checked in one set-based pass (the same checks as private.check_entry, the objective
-- rights once per objective), inserted with one INSERT … SELECT and recorded in applied_mutations
-- with one more, instead of a subtransaction and a dozen statements each (~1 ms per mutation).
-- The fast path only takes what the per-mutation path would surely apply, so the answers are the
-- same: anything else (a replay, an update or delete, an invalid or foreign entry, an id used
-- twice in the batch) goes through private.push_one as before, in order, after the fast ones.
-- That order is safe because a fast insert's entity and mutation id appear nowhere else in the
-- batch. Any error in the fast pass (e.g. another device pushing the same mutation id at the
-- same moment: the unique key waits for it, then fails) undoes the pass and every mutation takes
-- the per-mutation path; transient errors fail the call, as there.

-- The fast answers of a batch: { "<position>": MutationResult } for the fresh inserts it applied.
create function private.push_fresh_entries(mutations jsonb) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  answers jsonb;
  state text;
begin
  with batch as materialized (
    select e.value as m, e.position,
           count(*) over (partition by e.value ->> 'id') as same_id,
           count(*) over (partition by e.value ->> 'entity', e.value ->> 'entityId') as same_entity
    from jsonb_array_elements(mutations) with ordinality as e (value, position)
    where jsonb_typeof(e.value) = 'object'
  ), fresh as materialized (
    -- Guards in CASE: a bad value must rule the mutation out, not fail the pass with a cast error.
    select b.position, b.m ->> 'id' as mutation_id, (b.m ->> 'id')::uuid as mutation_uuid, (b.m ->> 'entityId')::uuid as entity_id,
           private.from_wire('entry', b.m -> 'data') as f
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
    select o.objective_id from (select distinct fr.f ->> 'objective_id' as objective_id from fresh fr) o
    where o.objective_id is not null and private.objective_exists(o.objective_id) and private.works_on_objective(o.objective_id)
  ), valid as materialized (
    select fr.* from fresh fr
    where fr.f ->> 'objective_id' in (select a.objective_id from allowed a)
      and private.entry_payload_problem(fr.f ->> 'kind', fr.f -> 'payload') is null
      and case when fr.f ->> 'kind' = 'maintenance_report' then fr.f ->> 'status' is null or private.status_rank(fr.f ->> 'status') is not null
               else coalesce(jsonb_typeof(fr.f -> 'status'), 'null') = 'null' end
      -- Left out, they take the columns' defaults; a null would fail NOT NULL (a rejection).
      and coalesce(jsonb_typeof(fr.f -> 'locked'), 'boolean') = 'boolean'
      and coalesce(jsonb_typeof(fr.f -> 'deleted'), 'boolean') = 'boolean'
      and not exists (select 1 from public.entries e where e.id = fr.entity_id)
      -- By primary key (= any): a per-row check would scan the user's applied mutations each time.
      and fr.mutation_uuid <> all (array(select a.id from private.applied_mutations a
                                         where a.id = any (array(select f2.mutation_uuid from fresh f2))))
  ), inserted as (
    insert into public.entries as t (id, objective_id, kind, payload, status, occurred_at, locked, deleted)
    select v.entity_id, r.objective_id, r.kind, r.payload, r.status, r.occurred_at, coalesce(r.locked, false), coalesce(r.deleted, false)
    from valid v, jsonb_populate_record(null::public.entries, v.f) r
    returning t.id, to_jsonb(t.*) as saved
  ), recorded as (
    insert into private.applied_mutations (id, user_id, result)
    select v.mutation_uuid, auth.uid(), jsonb_build_object('id', v.mutation_id) || private.answer('applied', 'entry', i.saved)
    from valid v join inserted i on i.id = v.entity_id
    returning id, result
  )
  select coalesce(jsonb_object_agg(v.position::text, r.result), '{}') into answers
  from recorded r join valid v on v.mutation_uuid = r.id;
  return answers;
exception when others then
  get stacked diagnostics state = returned_sqlstate;
  if left(state, 2) in ('40', '53', '57', '58', '08', 'XX') or state = '55P03' then
    raise;
  end if;
  return '{}';
end
$$;

create or replace function public.sync_push(mutations jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  m jsonb;
  at bigint;
  fast jsonb;
  -- An array, not jsonb: appending to a PL/pgSQL array does not copy it each time.
  answers jsonb[] := '{}';
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'not_authenticated', detail = 'sync_push needs a signed-in user';
  end if;
  if jsonb_typeof(mutations) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'invalid_mutations', detail = 'mutations must be a JSON array of mutations';
  end if;
  if jsonb_array_length(mutations) > 1000 then
    raise exception using errcode = '22023', message = 'invalid_mutations', detail = 'at most 1000 mutations per call';
  end if;
  fast := private.push_fresh_entries(mutations);
  for m, at in select value, position from jsonb_array_elements(mutations) with ordinality as e (value, position) order by position loop
    answers := answers || coalesce(fast -> at::text, private.push_one(m));
  end loop;
  return to_jsonb(answers);
end
$$;

grant execute on function private.push_fresh_entries(jsonb) to authenticated, service_role;
