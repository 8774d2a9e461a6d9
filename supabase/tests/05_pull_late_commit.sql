-- The pull cursor never skips a late commit (ARCHITECTURE.md §4), proven with real sessions:
-- transaction "early" writes first but commits last; "late" writes and commits in between.
-- dblink opens those sessions; their committed fixtures have ids of this run and are removed at the end.
begin;
select plan(6);
create extension if not exists dblink with schema extensions;

select format('dbname=%s user=%s port=%s host=%s options=''-c statement_timeout=10s''', current_database(), current_user,
              current_setting('port'), coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1)))
         as conninfo,
       'test-late-' || left(gen_random_uuid()::text, 8) as objective,
       gen_random_uuid() as worker,
       gen_random_uuid() as early_entry,
       gen_random_uuid() as late_entry \gset
select dblink_connect('setup', :'conninfo'), dblink_connect('early', :'conninfo'), dblink_connect('late', :'conninfo');

select dblink_exec('setup', format($sql$
  insert into public.areas (id, name_it, name_en, position) values ('territorio', 'Territorio', 'Land', 4) on conflict do nothing;
  insert into public.plans (id, municipality_id, title, start_year, end_year, approved_by) values (%1$L, 'pisogne', 'prova', 2023, 2025, 'test');
  insert into public.plan_areas (plan_id, area_id, position, name_it, name_en) values (%1$L, 'territorio', 1, 'Territorio', 'Land');
  insert into public.objectives (id, plan_id, area_id, position, title, responsabile, stakeholder, contributors, timeframe,
    measurement, baseline_text, expected_target, data_source, indicator)
  values (%1$L, %1$L, 'territorio', 1, %1$L, '', '', '', '', '', '', '', '', '{"kind": "count"}');
  insert into auth.users (id, email, raw_app_meta_data) values (%2$L, %1$L || '@test.it', '{"role": "worker", "area_id": "territorio"}');
$sql$, :'objective', :'worker'));

\ir support/fixtures.psql

create function pg_temp.write_entry(connection text, entry uuid, objective text, author uuid) returns text language sql
as $$ select extensions.dblink_exec(connection, format(
  $sql$insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id)
       values (%L, %L, 'count_update', '{"quantity": 1, "total": null, "note": ""}', now(), %L)$sql$, entry, objective, author)) $$;

create function pg_temp.ids(page jsonb) returns text[] language sql
as $$ select coalesce(array_agg(c ->> 'id' order by c ->> 'id'), '{}') from jsonb_array_elements(page -> 'changes') c $$;
grant execute on function pg_temp.ids(jsonb) to authenticated;

select dblink_exec('early', 'begin');
select pg_temp.write_entry('early', :'early_entry', :'objective', :'worker');
select pg_temp.write_entry('late', :'late_entry', :'objective', :'worker');
select ok((select txid from dblink('early', 'select pg_current_xact_id()::text::bigint') as t (txid bigint))
          < (select txid from public.entries where id = :'late_entry'),
  'the early transaction has the lower id, and the late one has committed');

select tests.act_as(:'worker');
select public.sync_pull(null, 1000) as first_page \gset
select is(pg_temp.ids(:'first_page') && array[:'early_entry', :'late_entry'], false,
  'while the early transaction is open, a pull holds back the later commit too');

select tests.act_as_owner();
select dblink_exec('early', 'commit');
select tests.act_as(:'worker');
select public.sync_pull(:'first_page'::jsonb ->> 'cursor', 1000) as second_page \gset
select is(pg_temp.ids(:'second_page'), (select array_agg(id order by id) from unnest(array[:'early_entry', :'late_entry']) id),
  'once it commits, the next pull from the saved cursor returns both rows: the late commit is not skipped');

select tests.act_as_owner();
select dblink_exec('late', format('update public.entries set deleted = true where id = %L', :'late_entry'));
select tests.act_as(:'worker');
select public.sync_pull(:'second_page'::jsonb ->> 'cursor', 1000) -> 'changes' as third_changes \gset
select is(:'third_changes'::jsonb, jsonb_build_array(jsonb_build_object('id', :'late_entry', 'row', null, 'entity', 'entry', 'deleted', true, 'version', 2)),
  'a deletion committed elsewhere comes in the next pull as a tombstone, and nothing else does');
select is(public.sync_pull(:'second_page'::jsonb ->> 'cursor', 1000) -> 'cursor', public.sync_pull(:'second_page'::jsonb ->> 'cursor', 1000) -> 'cursor',
  'pulling twice from one cursor gives the same next cursor');
select tests.act_as_owner();

select dblink_exec('setup', format($sql$
  delete from public.entries where objective_id = %1$L;
  delete from public.objectives where id = %1$L;
  delete from public.plan_areas where plan_id = %1$L;
  delete from public.plans where id = %1$L;
  delete from auth.users where id = %2$L;
$sql$, :'objective', :'worker'));
select is((select count(*)::int from dblink('setup', format('select 1 from public.objectives where id = %L', :'objective')) as t (one int)), 0,
  'the committed fixtures are gone');
select dblink_disconnect('setup'), dblink_disconnect('early'), dblink_disconnect('late');

select * from finish();
rollback;
