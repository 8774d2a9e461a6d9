-- sync_push(answers => 'compact') (20261204100001): an applied insert is answered with its version
-- and the server's own fields only; everything else, and every replay, as before.
begin;
select plan(7);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
select tests.act_as(:'officer');

select tests.new_entry('00000000-0000-4000-8000-000000000801', 'test-patrols', 'patrol', tests.patrol()) as fresh \gset
select public.sync_push(jsonb_build_array(:'fresh'::jsonb,
         tests.new_entry('00000000-0000-4000-8000-000000000802', 'test-patrols', 'patrol', tests.patrol('{"checkpoints": -1}'))),
       'compact') as batch \gset
select is((select array_agg(k order by k) from jsonb_object_keys(:'batch'::jsonb -> 0) k),
  array['id', 'partial', 'row', 'status', 'version'], 'a new entry is answered with its version and a partial row');
select is((select array_agg(k order by k) from jsonb_object_keys(:'batch'::jsonb #> '{0,row}') k),
  array['createdAt', 'updatedAt'], 'holding only the times the server set');
select is(:'batch'::jsonb #>> '{1,code}', 'invalid_payload', 'a rejection in the same batch is answered as before');

select ok(public.sync_push(jsonb_build_array(:'fresh'::jsonb)) #> '{0,row}' ? 'objectiveId',
  'a replay without compact gets the whole row: what is kept for replays is whole');
select is(public.sync_push(jsonb_build_array(:'fresh'::jsonb), 'compact') -> 0, :'batch'::jsonb -> 0,
  'a compact replay gets the same compact answer');

select ok(public.sync_push(jsonb_build_array(tests.mutation('entry', 'update', '00000000-0000-4000-8000-000000000801', 1,
            jsonb_build_object('payload', tests.patrol('{"checkpoints": 4}')))), 'compact') #> '{0,row}' ? 'payload',
  'an update is answered whole: the server''s row may differ from the device''s');

select throws_ok($$select public.sync_push('[]', 'short')$$, '22023', 'invalid_answers', 'an unknown answers value fails the call');

select * from finish();
rollback;
