-- The objective's server count leaves declined and duplicate reports out (issue 13 "Measuring";
-- src/domain/work-orders/counting.ts): a report the comune declined was no work it owed, and a
-- duplicate counts once, through its original. "reports", "reportsResolved" and
-- "reportsResolvedWithinDays" of objective_progress count only reports with no decline_reason. The
-- functions are those of 20261126000022 and 20261126000025 with that one filter; the monthly
-- figures are rebuilt. An edit that declines a report or takes the decline back moves its figures
-- like any other edit (entries_40_month_stats subtracts the old row and adds the new one).

create function private.counted_report(kind text, decline_reason text) returns boolean
language sql immutable
as $$ select kind = 'maintenance_report' and decline_reason is null $$;
grant execute on function private.counted_report(text, text) to authenticated, service_role;

create or replace function private.count_in_month_stats(e public.entries, sign int) returns void
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
          sign * (total is not null)::int, sign * private.counted_report(e.kind, e.decline_reason)::int,
          sign * (e.status is not distinct from 'resolved' and e.decline_reason is null)::int, sign * (private.report_fixed_within(e.status, e.payload, 8) and e.decline_reason is null)::int,
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

create or replace function private.rebuild_objective_month_stats() returns void
language sql security definer set search_path = ''
as $$
  delete from private.objective_month_stats;
  insert into private.objective_month_stats (objective_id, month, entries, quantity, total, totals, reports,
                                             reports_resolved, reports_fixed_in_8_days, last_updated_at)
  select e.objective_id, private.rome_month(e.occurred_at), count(*), sum(private.entry_quantity(e.kind, e.payload)),
         coalesce(sum(private.entry_total(e.kind, e.payload)), 0), count(private.entry_total(e.kind, e.payload)),
         count(*) filter (where private.counted_report(e.kind, e.decline_reason)), count(*) filter (where e.status = 'resolved' and e.decline_reason is null),
         count(*) filter (where (private.report_fixed_within(e.status, e.payload, 8) and e.decline_reason is null)), max(e.updated_at)
  from public.entries e
  where not e.deleted
  group by 1, 2;
$$;

create or replace function private.objective_figures(area text, since timestamptz, until timestamptz, within_days int)
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
           (private.entry_total(e.kind, e.payload) is not null)::int, private.counted_report(e.kind, e.decline_reason)::int,
           (e.status is not distinct from 'resolved' and e.decline_reason is null)::int, (private.report_fixed_within(e.status, e.payload, within_days) and e.decline_reason is null)::int, e.updated_at
    from ranges r, visible v
    join public.entries e on e.objective_id = v.id and not e.deleted
    where e.occurred_at >= r.low and e.occurred_at < r.high
  )
  select f.objective_id, sum(f.entries), sum(f.quantity), case when sum(f.totals) > 0 then sum(f.total) end,
         sum(f.reports), sum(f.reports_resolved), sum(f.reports_in_time), max(f.last_entry_at)
  from figures f
  group by f.objective_id
$$;

create or replace function private.queue_month_stats(entry_ids uuid[]) returns void
language sql security definer set search_path = ''
as $$
  insert into private.month_stats_pending (objective_id, month, entries, quantity, total, totals, reports,
                                           reports_resolved, reports_fixed_in_8_days, last_updated_at)
  select e.objective_id, private.rome_month(e.occurred_at), count(*), sum(private.entry_quantity(e.kind, e.payload)),
         coalesce(sum(private.entry_total(e.kind, e.payload)), 0), count(private.entry_total(e.kind, e.payload)),
         count(*) filter (where private.counted_report(e.kind, e.decline_reason)), count(*) filter (where e.status = 'resolved' and e.decline_reason is null),
         count(*) filter (where (private.report_fixed_within(e.status, e.payload, 8) and e.decline_reason is null)), max(e.updated_at)
  from public.entries e
  where e.id = any (entry_ids) and not e.deleted and e.txid = private.current_txid()
  group by 1, 2
  -- Months locked in one order by every batch.
  order by 1, 2
$$;

select private.rebuild_objective_month_stats();
