-- sync_push's fast path (20261126000023), cheaper per entry; the same mutations take it and get
-- the same answers. What changes:
-- - the objective rights are asked once per objective (the planner used to push that filter
--   below the DISTINCT, once per mutation), data is read by its wire names rather than renamed
--   by private.from_wire per mutation, the answers' rows are built by private.entry_wire in the
--   INSERT's RETURNING rather than by private.to_wire per entry, and two joins the planner
--   ran as 200 × 200 loops are lookups in maps;
-- - payloads are checked once, by the entries_payload_valid CHECK, not also by the pass: only when
--   the CHECK fails is the pass undone and made again with its own check (the former behaviour);
-- - the monthly figures (20261126000022) of the batch's entries are added once per objective and
--   month rather than once per entry. Still at commit, so still only a committed entry counts and
--   a month's row is still locked only while its writer commits: the batch's sums wait in
--   private.month_stats_pending, whose deferred trigger adds them to the month. While the fast
--   INSERT runs, sulcampo.month_stats_by_batch = 'on' tells entries_40_month_stats not to queue
--   those rows (a constraint trigger's WHEN is checked when the row is written, not at commit).
--   A transaction that wants its own figures before commit now sets both triggers immediate.

create table private.month_stats_pending (
  id bigint generated always as identity primary key,
  objective_id text not null,
  month timestamptz not null,
  entries bigint not null,
  quantity numeric not null,
  total numeric not null,
  totals bigint not null,
  reports bigint not null,
  reports_resolved bigint not null,
  reports_fixed_in_8_days bigint not null,
  last_updated_at timestamptz
);
alter table private.month_stats_pending enable row level security;
revoke all on private.month_stats_pending from public, anon, authenticated;

-- The figures of the given new entries (those not deleted), queued by objective and month: the
-- same expressions as private.rebuild_objective_month_stats. Only entries written by the calling
-- transaction count, so a signed-in caller reaching this helper with direct SQL cannot add
-- anybody's existing entries to the figures a second time.
create function private.queue_month_stats(entry_ids uuid[]) returns void
language sql security definer set search_path = ''
as $$
  insert into private.month_stats_pending (objective_id, month, entries, quantity, total, totals, reports,
                                           reports_resolved, reports_fixed_in_8_days, last_updated_at)
  select e.objective_id, private.rome_month(e.occurred_at), count(*), sum(private.entry_quantity(e.kind, e.payload)),
         coalesce(sum(private.entry_total(e.kind, e.payload)), 0), count(private.entry_total(e.kind, e.payload)),
         count(*) filter (where e.kind = 'maintenance_report'), count(*) filter (where e.status = 'resolved'),
         count(*) filter (where private.report_fixed_within(e.status, e.payload, 8)), max(e.updated_at)
  from public.entries e
  where e.id = any (entry_ids) and not e.deleted and e.txid = private.current_txid()
  group by 1, 2
  -- Months locked in one order by every batch.
  order by 1, 2
$$;
revoke all on function private.queue_month_stats(uuid[]) from public, anon;
grant execute on function private.queue_month_stats(uuid[]) to authenticated, service_role;

-- At commit: the queued sums join their month (as private.count_in_month_stats adds one entry).
create function private.apply_pending_month_stats() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into private.objective_month_stats as s (objective_id, month, entries, quantity, total, totals, reports,
                                                  reports_resolved, reports_fixed_in_8_days, last_updated_at)
  values (new.objective_id, new.month, new.entries, new.quantity, new.total, new.totals, new.reports,
          new.reports_resolved, new.reports_fixed_in_8_days, new.last_updated_at)
  on conflict (objective_id, month) do update set
    entries = s.entries + excluded.entries, quantity = s.quantity + excluded.quantity,
    total = s.total + excluded.total, totals = s.totals + excluded.totals, reports = s.reports + excluded.reports,
    reports_resolved = s.reports_resolved + excluded.reports_resolved,
    reports_fixed_in_8_days = s.reports_fixed_in_8_days + excluded.reports_fixed_in_8_days,
    last_updated_at = greatest(s.last_updated_at, excluded.last_updated_at);
  delete from private.month_stats_pending p where p.id = new.id;
  return null;
end
$$;
revoke all on function private.apply_pending_month_stats() from public;

create constraint trigger month_stats_pending_apply after insert on private.month_stats_pending
  deferrable initially deferred
  for each row execute function private.apply_pending_month_stats();

drop trigger entries_40_month_stats on public.entries;
create constraint trigger entries_40_month_stats after insert or update or delete on public.entries
  deferrable initially deferred
  for each row
  when (current_setting('sulcampo.month_stats_by_batch', true) is distinct from 'on')
  execute function private.keep_month_stats();

-- An entry as the wire carries it: private.to_wire('entry', to_jsonb(e)), as one expression
-- generated from private.sync_columns (see 20261126000024), so it inlines into the fast INSERT's
-- RETURNING. A migration that changes the entry's wire columns generates it again.
do $$
begin
  execute format('create function private.entry_wire(t public.entries) returns jsonb language sql stable as %L',
                 'select ' || private.wire_expression('entry', 't'));
end
$$;
revoke all on function private.entry_wire(public.entries) from public, anon;
grant execute on function private.entry_wire(public.entries) to authenticated, service_role;

-- The fast answers of a batch, as in 20261126000023: { "<position>": MutationResult }.
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
      ), objectives as materialized (
        select distinct fr.d ->> 'objectiveId' as objective_id from fresh fr
      ), allowed as materialized (
        select o.objective_id from objectives o
        where o.objective_id is not null and private.objective_exists(o.objective_id) and private.works_on_objective(o.objective_id)
      ), valid as materialized (
        -- The entry's client-writable fields (private.sync_columns), read by their wire names.
        select fr.* from fresh fr
        where fr.d ->> 'objectiveId' in (select a.objective_id from allowed a)
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
