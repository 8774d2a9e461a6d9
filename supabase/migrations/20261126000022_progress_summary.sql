-- objective_progress from per-month figures kept on write (issue 6 "Performance": 1,000,000
-- entries in ≤ 200 ms). Same signature and JSON as 20261126000013; what changes is where the
-- figures come from:
-- - private.objective_month_stats holds, per objective and Rome calendar month of occurredAt, the
--   figures of its entries not deleted, kept by a trigger on public.entries and rebuilt from
--   scratch by private.rebuild_objective_month_stats() (here, and after a bulk import that
--   skips triggers);
-- - the months wholly inside [since, until) are read from it; only the partial months at the
--   edges are scanned on entries_objective_occurred_idx. "Fixed within N days" is stored for
--   N = 8 (the PIAO's target and the default); any other within_days scans the whole range.
-- The trigger is deferred to commit (see there): a figure counts once its entry is committed.
-- Days in "fixed within N days" are 24 hours, so a stored figure never depends on the writer's
-- session time zone (the former function added calendar days in the session zone, UTC on Supabase).

-- One entry's contribution to an objective's figures (see 20261126000013 for their meaning).
-- Plain immutable SQL expressions, so they inline into the scans that call them.
create function private.entry_quantity(kind text, payload jsonb) returns numeric
language sql immutable
as $$ select case when kind = 'count_update' then (payload ->> 'quantity')::numeric else 1 end $$;

create function private.entry_total(kind text, payload jsonb) returns numeric
language sql immutable
as $$ select case when kind = 'count_update' then (payload ->> 'total')::numeric end $$;

create function private.report_fixed_within(status text, payload jsonb, days int) returns boolean
language sql immutable
as $$
  select coalesce(status = 'resolved' and (payload ->> 'resolvedAt')::timestamptz
                    <= (payload ->> 'reportedAt')::timestamptz + make_interval(hours => 24 * days), false)
$$;

-- The Rome calendar month an instant falls in, as the instant it starts.
create function private.rome_month(t timestamptz) returns timestamptz
language sql immutable
as $$ select date_trunc('month', t at time zone 'Europe/Rome') at time zone 'Europe/Rome' $$;

create function private.rome_next_month(month timestamptz) returns timestamptz
language sql immutable
as $$ select (date_trunc('month', month at time zone 'Europe/Rome') + interval '1 month') at time zone 'Europe/Rome' $$;

grant execute on function private.entry_quantity(text, jsonb), private.entry_total(text, jsonb),
  private.report_fixed_within(text, jsonb, int), private.rome_month(timestamptz),
  private.rome_next_month(timestamptz) to authenticated, service_role;

create table private.objective_month_stats (
  objective_id text not null,
  month timestamptz not null,
  entries bigint not null default 0,
  quantity numeric not null default 0,
  total numeric not null default 0,
  -- How many count updates carry a total: "total" is null, not 0, when none does.
  totals bigint not null default 0,
  reports bigint not null default 0,
  reports_resolved bigint not null default 0,
  reports_fixed_in_8_days bigint not null default 0,
  -- The latest updatedAt of the month's entries; recomputed when the entry holding it leaves.
  last_updated_at timestamptz,
  primary key (objective_id, month)
);
-- Nobody reads it through the API: RLS on and no policy; objective_progress reads it through
-- private.objective_figures, which answers only for the objectives the caller works on.
alter table private.objective_month_stats enable row level security;
revoke all on private.objective_month_stats from public, anon, authenticated;

-- The latest change of an objective's month, when the entry holding it is deleted or moved.
create index entries_month_updated_idx on public.entries (objective_id, private.rome_month(occurred_at), updated_at)
  where not deleted;

-- Adds (sign 1) or removes (sign -1) one entry's figures to its month.
create function private.count_in_month_stats(e public.entries, sign int) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  month_start timestamptz := private.rome_month(e.occurred_at);
  total numeric := private.entry_total(e.kind, e.payload);
  latest timestamptz;
begin
  insert into private.objective_month_stats as s (objective_id, month, entries, quantity, total, totals, reports,
                                                  reports_resolved, reports_fixed_in_8_days, last_updated_at)
  values (e.objective_id, month_start, sign, sign * private.entry_quantity(e.kind, e.payload), sign * coalesce(total, 0),
          sign * (total is not null)::int, sign * (e.kind = 'maintenance_report')::int,
          sign * (e.status is not distinct from 'resolved')::int, sign * private.report_fixed_within(e.status, e.payload, 8)::int,
          case when sign > 0 then e.updated_at end)
  on conflict (objective_id, month) do update set
    entries = s.entries + excluded.entries, quantity = s.quantity + excluded.quantity,
    total = s.total + excluded.total, totals = s.totals + excluded.totals, reports = s.reports + excluded.reports,
    reports_resolved = s.reports_resolved + excluded.reports_resolved,
    reports_fixed_in_8_days = s.reports_fixed_in_8_days + excluded.reports_fixed_in_8_days,
    last_updated_at = greatest(s.last_updated_at, excluded.last_updated_at)
  returning s.last_updated_at into latest;
  if sign > 0 then
    return;
  end if;
  -- A month left without entries goes (an objective removed by hand leaves nothing behind).
  delete from private.objective_month_stats s
  where s.objective_id = e.objective_id and s.month = month_start and s.entries = 0;
  -- A maximum cannot be subtracted: when the entry leaving held it, ask the month again, one
  -- probe of entries_month_updated_idx (at commit, every change of the transaction is visible).
  if not found and e.updated_at >= latest then
    update private.objective_month_stats s
    set last_updated_at = (select max(x.updated_at) from public.entries x
                           where x.objective_id = e.objective_id and not x.deleted
                             and private.rome_month(x.occurred_at) = month_start)
    where s.objective_id = e.objective_id and s.month = month_start;
  end if;
end
$$;
revoke all on function private.count_in_month_stats(public.entries, int) from public;

-- An edit moves the entry's figures: the new version is counted first, so an entry edited in
-- place keeps its month's latest updatedAt without reading the month again.
create function private.keep_month_stats() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op <> 'DELETE' and not new.deleted then
    perform private.count_in_month_stats(new, 1);
  end if;
  if tg_op <> 'INSERT' and not old.deleted then
    perform private.count_in_month_stats(old, -1);
  end if;
  return null;
end
$$;
revoke all on function private.keep_month_stats() from public;

-- Deferred to commit: a month's row is locked only while its writer commits, so a transaction
-- left open (a slow push) does not hold up everyone else's writes to that objective and month,
-- and two pushes that touch the same months in opposite orders do not wait on each other
-- (a deadlock needs both to be committing at that very moment). The flip side: a transaction
-- reads its own uncommitted entries' figures only after SET CONSTRAINTS ... IMMEDIATE.
create constraint trigger entries_40_month_stats after insert or update or delete on public.entries
  deferrable initially deferred
  for each row execute function private.keep_month_stats();

-- From scratch, for existing rows and after a bulk load that skipped triggers (a real import).
create function private.rebuild_objective_month_stats() returns void
language sql security definer set search_path = ''
as $$
  delete from private.objective_month_stats;
  insert into private.objective_month_stats (objective_id, month, entries, quantity, total, totals, reports,
                                             reports_resolved, reports_fixed_in_8_days, last_updated_at)
  select e.objective_id, private.rome_month(e.occurred_at), count(*), sum(private.entry_quantity(e.kind, e.payload)),
         coalesce(sum(private.entry_total(e.kind, e.payload)), 0), count(private.entry_total(e.kind, e.payload)),
         count(*) filter (where e.kind = 'maintenance_report'), count(*) filter (where e.status = 'resolved'),
         count(*) filter (where private.report_fixed_within(e.status, e.payload, 8)), max(e.updated_at)
  from public.entries e
  where not e.deleted
  group by 1, 2;
$$;
revoke all on function private.rebuild_objective_month_stats() from public, anon, authenticated;
grant execute on function private.rebuild_objective_month_stats() to service_role;

select private.rebuild_objective_month_stats();

-- The figures of the objectives the caller works on (optionally of one area), occurredAt in
-- [since, until). SECURITY DEFINER, because the month table has no policy; it is equivalent to
-- the former SECURITY INVOKER scan under RLS because it answers only for objectives where
-- private.works_on_objective(id) holds for auth.uid() (read from the request's JWT claims, which
-- a definer function does not change), the very filter the former function applied, and for such
-- an objective the entries_read policy (author_id = auth.uid() or works_on_objective(objective_id))
-- is true of every one of its entries: RLS hid none of them, and entries of other objectives are
-- never read. Objectives' own policy shows every objective to every signed-in user.
create function private.objective_figures(area text, since timestamptz, until timestamptz, within_days int)
returns table (objective_id text, entries numeric, quantity numeric, total numeric, reports numeric,
               reports_resolved numeric, reports_in_time numeric, last_entry_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  with visible as (
    select o.id from public.objectives o
    where (area is null or o.area_id = area) and private.works_on_objective(o.id)
  ), edges as (
    select within_days = 8 as by_month,
           case when since is null then '-infinity'::timestamptz
                when private.rome_month(since) = since then since
                else private.rome_next_month(since) end as first_month,
           coalesce(private.rome_month(until), 'infinity') as end_month
  ), ranges as (
    -- Whole months [first_month, end_month) from the table; before and after them, a scan.
    -- Without the table (another within_days), one scan of [since, until).
    select coalesce(since, '-infinity') as low,
           case when by_month then least(first_month, until) else coalesce(until, 'infinity') end as high
    from edges
    union all
    select greatest(end_month, first_month), coalesce(until, 'infinity') from edges where by_month
  ), figures as (
    select s.objective_id, s.entries, s.quantity, s.total, s.totals, s.reports, s.reports_resolved,
           s.reports_fixed_in_8_days as reports_in_time, s.last_updated_at as last_entry_at
    from edges, visible v
    join private.objective_month_stats s on s.objective_id = v.id
    where edges.by_month and s.month >= edges.first_month and s.month < edges.end_month
    union all
    select e.objective_id, 1, private.entry_quantity(e.kind, e.payload), private.entry_total(e.kind, e.payload),
           (private.entry_total(e.kind, e.payload) is not null)::int, (e.kind = 'maintenance_report')::int,
           (e.status is not distinct from 'resolved')::int, private.report_fixed_within(e.status, e.payload, within_days)::int, e.updated_at
    from ranges r, visible v
    join public.entries e on e.objective_id = v.id and not e.deleted
    where e.occurred_at >= r.low and e.occurred_at < r.high
  )
  select f.objective_id, sum(f.entries), sum(f.quantity), case when sum(f.totals) > 0 then sum(f.total) end,
         sum(f.reports), sum(f.reports_resolved), sum(f.reports_in_time), max(f.last_entry_at)
  from figures f
  group by f.objective_id
$$;
revoke all on function private.objective_figures(text, timestamptz, timestamptz, int) from public, anon;
grant execute on function private.objective_figures(text, timestamptz, timestamptz, int) to authenticated, service_role;

create or replace function public.objective_progress(area text default null, since timestamptz default null,
                                                     until timestamptz default null, within_days int default 8)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'objectiveId', o.id,
      'areaId', o.area_id,
      'entries', coalesce(f.entries, 0),
      'quantity', coalesce(f.quantity, 0),
      'total', f.total,
      'reports', coalesce(f.reports, 0),
      'reportsResolved', coalesce(f.reports_resolved, 0),
      'reportsResolvedWithinDays', coalesce(f.reports_in_time, 0),
      'lastEntryAt', private.iso_utc(f.last_entry_at))
    order by o.area_id, o.position), '[]'::jsonb)
  from public.objectives o
  left join private.objective_figures(area, since, until, within_days) f on f.objective_id = o.id
  where (area is null or o.area_id = area)
    and (private.works_on_objective(o.id))
$$;
