-- objective_progress: the dashboard's server-side counts, within what the caller may read.
begin;
select plan(6);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
-- objective_progress reads figures kept at commit (20261126000022; a pushed batch's through
-- private.month_stats_pending, 20261126000025); this test never commits.
set constraints entries_40_month_stats, private.month_stats_pending_apply immediate;

select tests.act_as(:'officer');
select public.sync_push(jsonb_build_array(
  tests.new_entry('00000000-0000-4000-8000-000000000001', 'test-patrols', 'patrol', tests.patrol()),
  tests.new_entry('00000000-0000-4000-8000-000000000002', 'test-patrols', 'patrol', tests.patrol()),
  tests.new_entry('00000000-0000-4000-8000-000000000003', 'test-patrols', 'patrol', tests.patrol()),
  tests.mutation('entry', 'delete', '00000000-0000-4000-8000-000000000003', 1, null)));
select tests.act_as(:'worker');
select public.sync_push(jsonb_build_array(
  tests.new_entry(gen_random_uuid(), 'test-snow', 'count_update', '{"quantity": 3, "total": 5, "note": ""}'),
  tests.new_entry(gen_random_uuid(), 'test-snow', 'count_update', '{"quantity": 2, "total": 5, "note": ""}'),
  tests.new_entry(gen_random_uuid(), 'test-signage', 'maintenance_report',
                  tests.report('{"reportedAt": "2026-11-01T08:00:00Z", "resolvedAt": "2026-11-05T08:00:00Z"}'), 'resolved'),
  tests.new_entry(gen_random_uuid(), 'test-signage', 'maintenance_report',
                  tests.report('{"reportedAt": "2026-11-01T08:00:00Z", "resolvedAt": "2026-11-11T08:00:00Z"}'), 'resolved'),
  tests.new_entry(gen_random_uuid(), 'test-signage', 'maintenance_report', tests.report(), 'open')));

create function pg_temp.progress_of(progress jsonb, objective text) returns jsonb language sql
as $$ select p - 'lastEntryAt' - 'areaId' - 'objectiveId' from jsonb_array_elements(progress) p where p ->> 'objectiveId' = objective $$;
grant execute on function pg_temp.progress_of(jsonb, text) to authenticated;

select tests.act_as(:'admin');
select is(pg_temp.progress_of(public.objective_progress(), 'test-patrols'),
  '{"entries": 2, "quantity": 2, "total": null, "reports": 0, "reportsResolved": 0, "reportsResolvedWithinDays": 0}',
  'patrols count one each, a deleted one not at all');
select is(pg_temp.progress_of(public.objective_progress(), 'test-snow'),
  '{"entries": 2, "quantity": 5, "total": 10, "reports": 0, "reportsResolved": 0, "reportsResolvedWithinDays": 0}',
  'count updates add up their quantities and totals');
select is(pg_temp.progress_of(public.objective_progress(), 'test-signage'),
  '{"entries": 3, "quantity": 3, "total": null, "reports": 3, "reportsResolved": 2, "reportsResolvedWithinDays": 1}',
  'reports: three, two resolved, one of them within 8 days');
select is((select array_agg(distinct p ->> 'areaId') from jsonb_array_elements(public.objective_progress('polizia_locale')) p),
  array['polizia_locale'], 'an area filter lists that area''s objectives only');
select is(pg_temp.progress_of(public.objective_progress(null, '2026-11-21T00:00:00Z'), 'test-patrols') ->> 'entries', '0',
  'a period filter counts entries that occurred in it');

select tests.act_as(:'officer');
select is((select array_agg(p ->> 'objectiveId' order by p ->> 'objectiveId') from jsonb_array_elements(public.objective_progress()) p
           where p ->> 'objectiveId' like 'test-%'),
  array['test-patrols', 'test-signage', 'test-transparency'],
  'an officer gets the objectives of police, the ones police contributes to, and no others');

select * from finish();
rollback;
