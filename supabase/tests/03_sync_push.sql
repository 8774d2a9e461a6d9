-- sync_push: at most once per mutation id, one bad mutation never spoils its batch, bad input
-- answers a stable code, and a report's status conflict is decided by the server.
begin;
select plan(35);
\ir support/fixtures.psql

select * from tests.create_cast() \gset

-- At most once.
select tests.act_as(:'officer');
select tests.new_entry('00000000-0000-4000-8000-000000000001', 'test-patrols', 'patrol', tests.patrol()) as first_insert \gset
select tests.push(:'first_insert') as first_answer \gset
select is(tests.push(:'first_insert'), :'first_answer'::jsonb, 'a replayed insert gets the first answer back');
select is((select count(*)::int from public.entries where id = '00000000-0000-4000-8000-000000000001'), 1, 'and stores nothing twice');
select tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000001', 1,
                      jsonb_build_object('payload', tests.patrol('{"checkpoints": 5}'))) as an_update \gset
select tests.push(:'an_update') as update_answer \gset
select is(tests.push(:'an_update'), :'update_answer'::jsonb, 'a replayed update gets the first answer back');
select is((select version from public.entries where id = '00000000-0000-4000-8000-000000000001'), 2,
  'and the entry changed once (version 2, not 3)');
select tests.act_as(:'colleague');
select is(tests.push(jsonb_set(:'an_update', '{authorId}', to_jsonb(:'colleague'::text))) ->> 'code', 'forbidden',
  'a mutation id already used by another user is refused');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000001', 2, '{}', :'officer')) ->> 'code',
  'author_mismatch', 'a mutation made by another user than the signed-in one is refused');

-- One bad mutation in a batch.
select tests.act_as(:'officer');
select is((select jsonb_agg(r -> 'status' || coalesce(r -> 'code', '[]')) from jsonb_array_elements(public.sync_push(jsonb_build_array(
    tests.new_entry('00000000-0000-4000-8000-000000000002', 'test-patrols', 'patrol', tests.patrol()),
    tests.new_entry('00000000-0000-4000-8000-000000000003', 'test-patrols', 'patrol', tests.patrol('{"checkpoints": -1}')),
    tests.new_entry('00000000-0000-4000-8000-000000000004', 'test-patrols', 'patrol', tests.patrol())))) r),
  '[["applied"], ["rejected", "invalid_payload"], ["applied"]]'::jsonb,
  'a batch with one negative count rejects that mutation alone, answers in order');
select is(array(select id::text from public.entries where id::text like '00000000-0000-4000-8000-00000000000_' order by id),
  array['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000004'],
  'the two good ones are stored, the bad one is not');

-- Bad input, each with its code.
select throws_ok($$select public.sync_push('{"id": "x"}')$$, '22023', 'invalid_mutations', 'mutations that are not an array fail the call');
select throws_ok($$select public.sync_push(null)$$, '22023', 'invalid_mutations', 'so do no mutations at all');
select is(tests.push('{"entity": "entry"}') || '{}', '{"id": null, "code": "invalid_mutation", "status": "rejected", "message": "a mutation is an object with a UUID id"}',
  'a mutation without an id is rejected as invalid_mutation');
select is(tests.push('"text"') ->> 'code', 'invalid_mutation', 'so is one that is not an object');
select is(tests.push(tests.mutation('entry', 'upsert', gen_random_uuid()::text, 0, '{}')) ->> 'code', 'invalid_mutation', 'an unknown op');
select is(tests.push(tests.mutation('entry', 'insert', 'not-a-uuid', 0, '{}')) ->> 'code', 'invalid_mutation', 'an entity id that is not a UUID');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-patrols', 'patrol', tests.patrol()) || '{"baseVersion": "zero"}') ->> 'code',
  'invalid_mutation', 'a baseVersion that is not a number');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000002', 7, '{"occurredAt": "2026-11-20T09:00:00Z"}')) ->> 'code',
  'invalid_mutation', 'a baseVersion ahead of the server');
select is(tests.push(tests.mutation('vehicle', 'insert', gen_random_uuid()::text, 0, '{}')) ->> 'code', 'unknown_entity', 'an unknown entity');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-patrols', 'bonfire', '{}')) ->> 'code', 'unknown_kind', 'an unknown kind');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-signage', 'maintenance_report',
                                     tests.report(jsonb_build_object('description', repeat('x', 5 * 1024 * 1024))))) ->> 'code',
  'field_too_large', 'a 5 MB description');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-signage', 'maintenance_report',
                                     tests.report(jsonb_build_object('description', repeat('è', 2001))))) ->> 'message',
  'description is longer than 2000 characters', 'a description one character too long, with the field named');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-patrols', 'patrol', tests.patrol('{"endedAt": "2026-11-20T07:59:00Z"}'))) ->> 'message',
  'endedAt must come after startedAt', 'an end before the start');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-patrols', 'evening_shift',
                     '{"startedAt": "2026-11-20T16:00:00Z", "endedAt": "2026-11-20T21:00:00Z", "programmeId": null, "occasion": "", "notes": ""}')) ->> 'code',
  'invalid_payload', 'an evening shift starting at 17:00 in Pisogne');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-patrols', 'evening_shift',
                     '{"startedAt": "2026-07-20T16:00:00Z", "endedAt": "2026-07-20T22:00:00Z", "programmeId": null, "occasion": "Festa", "notes": ""}')) ->> 'status',
  'applied', 'a summer shift 18:00–24:00 Rome time (16:00–22:00 UTC) is fine');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-patrols', 'patrol', tests.patrol()) #- '{data,occurredAt}'
                     || '{"data": {}}' ) ->> 'code', 'invalid_payload', 'an entry without its fields');
select is(tests.push(jsonb_set(tests.new_entry(gen_random_uuid(), 'test-patrols', 'patrol', tests.patrol()), '{data,occurredAt}', '"yesterday"')) ->> 'code',
  'invalid_payload', 'an occurredAt that is not an ISO instant');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'test-patrols', 'patrol', tests.patrol(), 'open')) ->> 'code',
  'invalid_payload', 'a status on something other than a report');
select is(tests.push(tests.new_entry(gen_random_uuid(), 'no-such-objective', 'patrol', tests.patrol())) ->> 'code',
  'not_found', 'an objective that does not exist');
select is(tests.push(tests.mutation('entry', 'delete', gen_random_uuid()::text, 1, null)) ->> 'code', 'not_found', 'deleting what is not there');

-- Own offline edits queued after an insert (baseVersion 0) are edits, not conflicts.
select is((select jsonb_agg(r -> 'status') from jsonb_array_elements(public.sync_push(jsonb_build_array(
    tests.new_entry('00000000-0000-4000-8000-000000000005', 'test-patrols', 'patrol', tests.patrol()),
    tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000005', 0, jsonb_build_object('payload', tests.patrol('{"notes": "rientro"}')))))) r),
  '["applied", "applied"]', 'an insert and its own later edit in one batch both apply');
select is((select array_agg(distinct reason) from public.entry_history where entry_id = '00000000-0000-4000-8000-000000000005'),
  array['edit'], 'and the history calls it an edit');

-- A report's status: the server decides, the losing value is kept.
select tests.act_as(:'worker');
select tests.push(tests.new_entry('00000000-0000-4000-8000-000000000006', 'test-signage', 'maintenance_report', tests.report(), 'open'));
select tests.act_as(:'works_manager');
select tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000006', 1, '{"status": "in_progress"}'));
select tests.act_as(:'worker');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000006', 1, '{"status": "resolved"}')) #>> '{row,status}',
  'resolved', 'a stale "resolved" wins over "in progress": it is further along');
select tests.act_as(:'works_manager');
select results_eq($$select r ->> 'status', r #>> '{row,status}', (r ->> 'version')::int
                    from tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000006', 2, '{"status": "in_progress"}')) r$$,
  $$values ('conflict', 'resolved', 3)$$, 'a stale "in progress" loses to "resolved": conflict with the current row');
select results_eq($$select field, old_value, new_value, changed_by::text from public.entry_history
                    where entry_id = '00000000-0000-4000-8000-000000000006' and reason = 'conflict_lost'$$,
  format($$values ('status', '"resolved"'::jsonb, '"in_progress"'::jsonb, %L)$$, :'works_manager'),
  'the losing value is kept in the history, with who proposed it');
select tests.act_as(:'worker');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000006', 1,
                                    jsonb_build_object('payload', tests.report('{"place": "Via Roma 5"}')))) #>> '{row,payload,place}',
  'Via Roma 5', 'the author''s stale edit of their own report applies (last writer wins)');
select ok(exists (select 1 from public.entry_history where entry_id = '00000000-0000-4000-8000-000000000006'
                  and reason = 'conflict_overwritten' and field = 'payload.place' and old_value = '"Via Roma 3"'),
  'and the value it replaced is in the history');

select * from finish();
rollback;
