-- public.objective_progress(area text default null, since timestamptz default null,
--                           until timestamptz default null, within_days int default 8) returns jsonb
-- Server-side counts for the dashboard, per objective the caller may read (RLS on entries):
-- [{ objectiveId, areaId, entries, quantity, total, reports, reportsResolved,
--    reportsResolvedWithinDays, lastEntryAt }]
-- - entries: entries not deleted whose occurredAt is in [since, until) (both optional);
-- - quantity: sum of count_update quantities plus 1 for every other entry (a patrol, a shift…);
-- - total: sum of count_update totals (the denominator of share indicators), null when none;
-- - reports / reportsResolved / reportsResolvedWithinDays: maintenance reports, those resolved,
--   and those resolved within `within_days` days of reportedAt (the PIAO's "fixed in 8 days");
-- - lastEntryAt: the latest updatedAt among them.
-- Objectives without entries are listed with zeros. The progress status itself is computed by
-- src/domain from these figures and the indicator, as on the device.
-- Index-backed by entries_objective_occurred_idx (objective_id, occurred_at) where not deleted.

create function public.objective_progress(area text default null, since timestamptz default null,
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
  left join lateral (
    select count(*) as entries,
           sum(case when e.kind = 'count_update' then (e.payload ->> 'quantity')::numeric else 1 end) as quantity,
           sum((e.payload ->> 'total')::numeric) filter (where e.kind = 'count_update') as total,
           count(*) filter (where e.kind = 'maintenance_report') as reports,
           count(*) filter (where e.status = 'resolved') as reports_resolved,
           count(*) filter (where e.status = 'resolved' and e.payload ->> 'resolvedAt' is not null
             and (e.payload ->> 'resolvedAt')::timestamptz
                 <= (e.payload ->> 'reportedAt')::timestamptz + make_interval(days => within_days)) as reports_in_time,
           max(e.updated_at) as last_entry_at
    from public.entries e
    where e.objective_id = o.id and not e.deleted
      and (since is null or e.occurred_at >= since)
      and (until is null or e.occurred_at < until)
  ) f on true
  where (area is null or o.area_id = area)
    and (private.works_on_objective(o.id))
$$;

revoke all on function public.objective_progress(text, timestamptz, timestamptz, int) from public, anon;
grant execute on function public.objective_progress(text, timestamptz, timestamptz, int) to authenticated;
