-- Who reads and writes which entries (ARCHITECTURE.md §3), and server-owned columns nobody forges.
begin;
select plan(23);
\ir support/fixtures.psql

select * from tests.create_cast() \gset

-- The road crew logs on the snow plan and reports a bent sign; the officer logs a patrol.
select tests.act_as(:'worker');
select tests.push(tests.new_entry('00000000-0000-4000-8000-000000000001', 'test-snow', 'count_update',
                                  '{"quantity": 3, "total": null, "note": ""}'));
select tests.push(tests.new_entry('00000000-0000-4000-8000-000000000002', 'test-signage', 'maintenance_report',
                                  tests.report(), 'open'));
select tests.act_as(:'officer');
select tests.push(tests.new_entry('00000000-0000-4000-8000-000000000003', 'test-patrols', 'patrol', tests.patrol()));

select tests.act_as_owner();
create view tests.visible with (security_invoker = true) as
  select id::text from public.entries where id::text like '00000000-0000-4000-8000-00000000000_' order by id;
grant select on tests.visible to authenticated;

-- Reading.
select tests.act_as(:'officer');
select is(array(select * from tests.visible), array['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'],
  'an officer reads the police entries and the signage report police contributes to, not the road crew''s snow work');
select tests.act_as(:'colleague');
select ok('00000000-0000-4000-8000-000000000003' in (select * from tests.visible), 'an officer reads a colleague''s patrol');
select tests.act_as(:'worker');
select is(array(select * from tests.visible), array['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'],
  'the road crew does not read the police patrols');
select tests.act_as(:'finance');
select is(array(select * from tests.visible), '{}'::text[], 'finance reads none of them');
select tests.act_as(:'admin');
select is(cardinality(array(select * from tests.visible)), 3, 'an admin reads everything');

-- Writing where one does not work.
select tests.act_as(:'officer');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-taxes', 'count_update', '{"quantity": 1, "total": null, "note": ""}')) ->> 'code',
  'forbidden', 'an officer cannot log on a finance objective through sync_push');
select throws_ok($$insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id)
                  values (gen_random_uuid(), 'test-taxes', 'count_update', '{"quantity": 1, "total": null, "note": ""}', now(), auth.uid())$$,
  '42501', null, 'nor by writing the table directly');
select tests.act_as(:'worker');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-transparency', 'check', '{"outcome": "ok", "findings": "", "critical": false}')) ->> 'status',
  'applied', 'the road crew logs a check on a cross-cutting objective (every office contributes)');
select tests.act_as(:'newcomer');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-transparency', 'check', '{"outcome": "ok", "findings": "", "critical": false}')) ->> 'code',
  'forbidden', 'a user without an area logs nothing');

-- Forging server-owned columns.
select tests.act_as(:'officer');
insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id, created_at, updated_at, version, txid, locked)
values ('00000000-0000-4000-8000-000000000009', 'test-patrols', 'patrol', tests.patrol(), now(), :'colleague',
        '2000-01-01', '2000-01-01', 42, 1, true);
select results_eq($$select author_id::text, created_at > '2020-01-01', version, txid > 1, locked from public.entries
                    where id = '00000000-0000-4000-8000-000000000009'$$,
  format($$values (%L, true, 1, true, false)$$, :'officer'),
  'a direct insert cannot forge author, timestamps, version, txid or a lock');
update public.entries set author_id = :'colleague', created_at = '2000-01-01', version = 7
where id = '00000000-0000-4000-8000-000000000009';
select results_eq($$select author_id::text, created_at > '2020-01-01', version from public.entries
                    where id = '00000000-0000-4000-8000-000000000009'$$,
  format($$values (%L, true, 2)$$, :'officer'),
  'a direct update cannot move the author, the creation time or the version');
select is((select jsonb_build_object('authorId', r -> 'authorId', 'updatedBy', r -> 'updatedBy', 'version', r -> 'version',
                                     'createdThisYear', r ->> 'createdAt' > '2020')
            from (select tests.push(tests.mutation('entry', 'insert', '00000000-0000-4000-8000-00000000000a', 0, jsonb_build_object(
                    'objectiveId', 'test-patrols', 'kind', 'patrol', 'payload', tests.patrol(), 'occurredAt', '2026-11-20T08:00:00Z',
                    'authorId', :'colleague', 'version', 9, 'createdAt', '2001-01-01T00:00:00Z', 'updatedBy', :'colleague'))) -> 'row' as r) pushed),
  jsonb_build_object('authorId', :'officer', 'updatedBy', :'officer', 'version', 1, 'createdThisYear', true),
  'sync_push ignores author, version and timestamps in the data');

-- Changing someone else's entry.
select tests.act_as(:'colleague');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000003', 1,
                                    jsonb_build_object('payload', tests.patrol('{"checkpoints": 9}')))) ->> 'code',
  'forbidden', 'an officer cannot edit a colleague''s patrol');
update public.entries set payload = tests.patrol('{"checkpoints": 9}') where id = '00000000-0000-4000-8000-000000000003';
select is((select payload ->> 'checkpoints' from public.entries where id = '00000000-0000-4000-8000-000000000003'), '2',
  'nor by updating the table');

-- Review by managers.
select tests.act_as(:'police_manager');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000002', 1, '{"status": "in_progress"}')) ->> 'code',
  'forbidden', 'a police manager cannot move a report of the works area, though police contributes to it');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000001', 1, '{"status": null}')) ->> 'code',
  'not_found', 'nor touch the road crew''s snow work it cannot see');
select tests.act_as(:'works_manager');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000002', 1, '{"status": "in_progress"}')) #>> '{row,status}',
  'in_progress', 'the works manager moves the report to in progress');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000002', 2,
                                    jsonb_build_object('payload', tests.report('{"description": "altro"}')))) ->> 'code',
  'forbidden', 'but does not rewrite what the road crew reported');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000002', 2, '{"locked": true}')) #>> '{row,locked}',
  'true', 'the works manager locks the report');
select tests.act_as(:'worker');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000002', 3,
                                    jsonb_build_object('payload', tests.report('{"place": "Via Roma 5"}')))) ->> 'code',
  'locked', 'its author cannot change a locked report');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000001', 1, '{"locked": true}')) ->> 'code',
  'forbidden', 'a worker cannot lock an entry');

-- History follows the entry's visibility.
select tests.act_as(:'officer');
select is((select count(*)::int from public.entry_history where entry_id = '00000000-0000-4000-8000-000000000002'), 2,
  'the officer reads the history of the report police contributes to (status, lock)');
select tests.act_as(:'finance');
select is(public.entry_changes('00000000-0000-4000-8000-000000000002'), '[]'::jsonb, 'finance reads none of it');

select * from finish();
rollback;
