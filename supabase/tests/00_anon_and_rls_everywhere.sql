-- anon reads nothing private and calls nothing; every table has RLS (ARCHITECTURE.md §3).
begin;
select plan(18);
\ir support/fixtures.psql

select is(
  (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind in ('r', 'p') and n.nspname in ('public', 'private') and not c.relrowsecurity),
  0, 'every table in public and private has row level security enabled');

select ok(
  not exists (select 1 from information_schema.role_table_grants
              where grantee in ('anon', 'PUBLIC') and table_schema in ('public', 'private')),
  'anon holds no privilege on any table');

-- The public transparency page and its embed origins (docs/transparency.md) are all anon may call.
select is(
  array(select p.proname::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'private') and has_function_privilege('anon', p.oid, 'execute') order by 1),
  array['embed_origins', 'published_snapshot', 'published_snapshot_list'],
  'anon may execute the public snapshot readers and the embed origins reader, no other function');

do $$
declare
  officer uuid := tests.create_user('officer@test.it', 'officer', 'polizia_locale');
begin
  perform tests.act_as(officer);
  perform tests.push(tests.new_entry('00000000-0000-4000-8000-0000000000a1', 'test-patrols', 'patrol', tests.patrol()));
  perform tests.act_as_owner();
end
$$;
select is((select count(*)::int from public.entries where id = '00000000-0000-4000-8000-0000000000a1'), 1,
  'the officer''s patrol is stored');

select tests.act_as_anon();
select throws_ok('select * from public.entries', '42501', null, 'anon cannot read entries');
select throws_ok('select * from public.profiles', '42501', null, 'anon cannot read profiles');
select throws_ok('select * from public.objectives', '42501', null, 'anon cannot read the catalogue');
select throws_ok('select * from public.snow_routes', '42501', null, 'anon cannot read snow routes');
select throws_ok('select * from public.programmes', '42501', null, 'anon cannot read programmes');
select throws_ok('select * from public.objective_settings', '42501', null, 'anon cannot read objective settings');
select throws_ok('select * from public.entry_history', '42501', null, 'anon cannot read entry history');
select throws_ok('select * from auth.users', '42501', null, 'anon cannot read auth.users');
select throws_ok('select public.sync_pull()', '42501', null, 'anon cannot pull');
select throws_ok('select public.sync_push(''[]'')', '42501', null, 'anon cannot push');
select throws_ok('select public.objective_progress()', '42501', null, 'anon cannot read progress');
select throws_ok('select * from public.published_snapshots', '42501', null, 'anon cannot read the snapshots table');
select throws_ok($$insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id)
                  values (gen_random_uuid(), 'test-patrols', 'check', '{}', now(), gen_random_uuid())$$,
  '42501', null, 'anon cannot write entries');

select tests.act_as_owner();
-- A signed-in user without a role or area (a fresh GoTrue sign-up) gets 'staff' and sees no entries.
select tests.act_as(tests.create_user('newcomer@test.it'));
select is((select count(*)::int from public.entries), 0, 'a user without an area reads no entries');

select * from finish();
rollback;
