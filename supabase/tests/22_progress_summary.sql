-- objective_progress from the per-month figures: always what a scan of the entries gives.
begin;
select plan(11);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
-- The figures are kept at commit; this test never commits, so it asks for them at each statement.
set constraints entries_40_month_stats immediate;

-- The oracle: 20261126000013's scan, for every test objective, as the owner (no RLS), with
-- "within N days" on the Rome calendar (20261203400005).
create function pg_temp.scanned(since timestamptz, until timestamptz, within_days int) returns jsonb language sql
as $$
  select jsonb_agg(jsonb_build_object('objectiveId', o.id, 'entries', coalesce(f.entries, 0), 'quantity', coalesce(f.quantity, 0),
      'total', f.total, 'reports', coalesce(f.reports, 0), 'reportsResolved', coalesce(f.resolved, 0),
      'reportsResolvedWithinDays', coalesce(f.in_time, 0), 'lastEntryAt', private.iso_utc(f.last_at)) order by o.id)
  from public.objectives o
  left join lateral (
    select count(*) as entries,
           sum(case when e.kind = 'count_update' then (e.payload ->> 'quantity')::numeric else 1 end) as quantity,
           sum((e.payload ->> 'total')::numeric) filter (where e.kind = 'count_update') as total,
           count(*) filter (where e.kind = 'maintenance_report') as reports,
           count(*) filter (where e.status = 'resolved') as resolved,
           count(*) filter (where e.status = 'resolved' and ((e.payload ->> 'resolvedAt')::timestamptz at time zone 'Europe/Rome')::date
                              - ((e.payload ->> 'reportedAt')::timestamptz at time zone 'Europe/Rome')::date <= within_days) as in_time,
           max(e.updated_at) as last_at
    from public.entries e
    where e.objective_id = o.id and not e.deleted
      and (since is null or e.occurred_at >= since) and (until is null or e.occurred_at < until)) f on true
  where o.id like 'test-%'
$$;

-- The ranges (Rome months, ones cut in the middle, one inside a single month, none) whose
-- objective_progress, read as the admin, differs from the scan; empty when all agree.
create function pg_temp.disagreements(admin uuid) returns text[] language plpgsql
as $$
declare
  r record;
  served jsonb;
  wrong text[] := '{}';
begin
  for r in select * from (values
      ('everything', null::timestamptz, null::timestamptz, 8),
      ('from mid-January', '2026-01-15T10:00:00Z', null, 8),
      ('until mid-March', null, '2026-03-10T00:00:00Z', 8),
      ('mid-January to mid-March', '2026-01-15T10:00:00Z', '2026-03-10T00:00:00Z', 8),
      ('Rome February', '2026-01-31T23:00:00Z', '2026-02-28T23:00:00Z', 8),
      ('UTC February', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', 8),
      ('inside February', '2026-02-03T00:00:00Z', '2026-02-20T00:00:00Z', 8),
      ('everything, within 10 days', null, null, 10),
      ('mid-January to mid-March, within 3 days', '2026-01-15T10:00:00Z', '2026-03-10T00:00:00Z', 3)
    ) as ranges (label, since, until, within_days)
  loop
    perform tests.act_as(admin);
    select jsonb_agg(p - 'areaId' order by p ->> 'objectiveId') into served
    from jsonb_array_elements(public.objective_progress(null, r.since, r.until, r.within_days)) p
    where p ->> 'objectiveId' like 'test-%';
    perform tests.act_as_owner();
    if served is distinct from pg_temp.scanned(r.since, r.until, r.within_days) then
      wrong := wrong || r.label;
    end if;
  end loop;
  return wrong;
end
$$;
grant execute on all functions in schema pg_temp to authenticated;

-- Entries written with distinct updatedAt (the stamp trigger would give them all now()), over
-- January to April 2026, one of them at 00:30 of 1 February in Rome (still January in UTC).
alter table public.entries disable trigger entries_20_stamp;
insert into public.entries (id, objective_id, kind, payload, status, occurred_at, author_id, updated_at)
select ('00000000-0000-4000-8000-0000000022' || lpad(i::text, 2, '0'))::uuid, e.objective_id, e.kind, e.payload, e.status,
       e.occurred_at::timestamptz, :'officer', timestamptz '2026-05-01T00:00:00Z' + i * interval '1 hour'
from (values
  (1, 'test-patrols', 'patrol', tests.patrol(), null, '2026-01-10T08:00:00Z'),
  (2, 'test-patrols', 'patrol', tests.patrol(), null, '2026-01-31T23:30:00Z'),
  (3, 'test-patrols', 'patrol', tests.patrol(), null, '2026-02-14T08:00:00Z'),
  (4, 'test-patrols', 'patrol', tests.patrol(), null, '2026-03-20T08:00:00Z'),
  (5, 'test-snow', 'count_update', '{"quantity": 3, "total": 5, "note": ""}', null, '2026-01-20T08:00:00Z'),
  (6, 'test-snow', 'count_update', '{"quantity": 2, "note": ""}', null, '2026-02-05T08:00:00Z'),
  (7, 'test-snow', 'count_update', '{"quantity": 4, "total": 9, "note": ""}', null, '2026-03-02T08:00:00Z'),
  (8, 'test-signage', 'maintenance_report',
   tests.report('{"reportedAt": "2026-01-12T08:00:00Z", "resolvedAt": "2026-01-19T08:00:00Z"}'), 'resolved', '2026-01-12T08:00:00Z'),
  (9, 'test-signage', 'maintenance_report',
   tests.report('{"reportedAt": "2026-02-10T08:00:00Z", "resolvedAt": "2026-02-19T08:00:00Z"}'), 'resolved', '2026-02-10T08:00:00Z'),
  (10, 'test-signage', 'maintenance_report', tests.report('{"reportedAt": "2026-02-25T08:00:00Z"}'), 'open', '2026-02-25T08:00:00Z'),
  (11, 'test-signage', 'maintenance_report', tests.report('{"reportedAt": "2026-03-01T08:00:00Z"}'), 'open', '2026-03-01T08:00:00Z'),
  -- Rome day 8 in the evening (8.5 times 24 hours later): on time.
  (13, 'test-signage', 'maintenance_report',
   tests.report('{"reportedAt": "2026-03-10T07:00:00Z", "resolvedAt": "2026-03-18T19:00:00Z"}'), 'resolved', '2026-03-10T07:00:00Z'),
  -- 23:30 of 21 March to 00:15 of Rome day 9, across the spring DST change (under 8 times 24 hours): late.
  (14, 'test-signage', 'maintenance_report',
   tests.report('{"reportedAt": "2026-03-21T22:30:00Z", "resolvedAt": "2026-03-29T22:15:00Z"}'), 'resolved', '2026-03-21T22:30:00Z'),
  (12, 'test-taxes', 'check', '{"outcome": "ok", "findings": "", "critical": false}', null, '2026-04-02T08:00:00Z')
) as e (i, objective_id, kind, payload, status, occurred_at);
alter table public.entries enable trigger entries_20_stamp;

select is(pg_temp.disagreements(:'admin'), '{}', 'after inserts, every range reads what a scan of the entries gives');

select is((select array_agg(private.report_fixed_within(e.status, e.payload, 8) order by e.id) from public.entries e
           where e.id in ('00000000-0000-4000-8000-000000002213', '00000000-0000-4000-8000-000000002214')),
  array[true, false],
  'fixed within 8 days counts Rome calendar days: day 8 in the evening is on time, day 9 just after midnight is late');

select is((select count(*)::int from private.objective_month_stats where objective_id in ('test-patrols', 'test-snow', 'test-signage', 'test-taxes')), 10,
  'the figures are kept per objective and Rome month (00:30 of 1 February in Rome is February)');


update public.entries
set status = 'resolved', payload = payload || '{"resolvedAt": "2026-02-28T08:00:00Z"}'
where id = '00000000-0000-4000-8000-000000002210';
select is(pg_temp.disagreements(:'admin'), '{}', 'a report resolved counts at once in every range');

update public.entries set occurred_at = '2026-03-25T08:00:00Z' where id = '00000000-0000-4000-8000-000000002203';
update public.entries set occurred_at = '2026-01-05T08:00:00Z' where id = '00000000-0000-4000-8000-000000002207';
select is(pg_temp.disagreements(:'admin'), '{}', 'an entry moved to another month moves its figures with it');

update public.entries set objective_id = 'test-patrols' where id = '00000000-0000-4000-8000-000000002212';
select is(pg_temp.disagreements(:'admin'), '{}', 'an entry moved to another objective moves its figures with it');

-- Tombstones: the last changed entry of its month (its latestEntryAt must fall back), and the
-- only entry of a month.
update public.entries set deleted = true
where id in ('00000000-0000-4000-8000-000000002210', '00000000-0000-4000-8000-000000002204', '00000000-0000-4000-8000-000000002206');
select is(pg_temp.disagreements(:'admin'), '{}', 'deleted entries leave every range, the month''s latest change included');

select private.rebuild_objective_month_stats();
select is(pg_temp.disagreements(:'admin'), '{}', 'a rebuild from scratch gives the same figures');

select tests.act_as(:'officer');
select is((select jsonb_agg(p ->> 'objectiveId' order by p ->> 'objectiveId') from jsonb_array_elements(public.objective_progress()) p
           where p ->> 'areaId' = 'territorio' and (p ->> 'entries')::int > 0 and p ->> 'objectiveId' <> 'test-signage'),
  null, 'an officer gets no figures of territorio objectives police does not contribute to');
select throws_ok('select * from private.objective_month_stats', '42501', null,
  'the per-month figures cannot be read directly');

select is((select array_agg(f.objective_id order by f.objective_id) from private.objective_figures(null, null, null, 8) f
           where f.objective_id like 'test-%'),
  array['test-patrols', 'test-signage'],
  'called directly, the definer helper answers an officer only for the objectives police works on');

select * from finish();
rollback;
