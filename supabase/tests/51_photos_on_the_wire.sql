-- Photo metadata in the pull (20261205200001_photos_on_the_wire.sql): whoever sees a report learns
-- which photos it has, from whichever device took them, without the data; nobody else does.
begin;
select plan(9);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
select tests.create_user('parks@test.it', 'worker', 'sociale') as other_worker \gset

\set report '00000000-0000-4000-8000-00000000b001'
\set photo '00000000-0000-4000-8000-00000000b0f1'

-- The photos in a user's pull from the start: their ids and wire rows.
create function pg_temp.pulled_photos() returns jsonb language sql
as $$ select coalesce(jsonb_agg(c order by c ->> 'id'), '[]') from jsonb_array_elements(tests.pull_all()) c where c ->> 'entity' = 'entry_photo' $$;
grant execute on all functions in schema pg_temp to authenticated;

-- An officer reports a broken sign with a photo; the works manager assigns it to the road crew.
select tests.act_as(:'officer');
select tests.push(tests.new_entry(:'report', 'test-signage', 'maintenance_report', tests.report(), 'open'));
select public.upload_photo(tests.photo(:'photo', :'report'));
select tests.act_as(:'works_manager');
select tests.push(tests.mutation('work_order', 'insert', :'report', 0, jsonb_build_object('assignees', jsonb_build_array(:'worker'))));

select tests.act_as(:'worker');
select pg_temp.pulled_photos() as worker_photos \gset
select is(jsonb_array_length(:'worker_photos'), 1, 'the assignee pulls the report''s photo');
select is((:'worker_photos'::jsonb -> 0) - '{row}'::text[],
  jsonb_build_object('entity', 'entry_photo', 'id', :'photo', 'deleted', false, 'version', 1),
  'as a pulled-only entity, version 1, never a tombstone');
select is(array(select jsonb_object_keys(:'worker_photos'::jsonb #> '{0,row}') order by 1),
  array['bytes', 'createdAt', 'entryId', 'height', 'id', 'width'], 'its metadata only, never the data');
select is(:'worker_photos'::jsonb #>> '{0,row,entryId}' || ' ' || (:'worker_photos'::jsonb #>> '{0,row,bytes}'),
  :'report' || ' 1004', 'with its entry and its size, so the device knows what to fetch with photo_data');
select is(public.photo_data(:'photo'), tests.jpeg_base64(1000), 'which the assignee may read byte for byte');

select tests.act_as(:'other_worker');
select is(pg_temp.pulled_photos(), '[]'::jsonb, 'a worker of another area pulls no photo of the report');

-- Incremental: a pull from the cursor the worker holds brings the photo no second time.
select tests.act_as(:'worker');
select public.sync_pull(null, 2000) ->> 'cursor' as worker_cursor \gset
select is(array(select c ->> 'id' from jsonb_array_elements(tests.pull_all(:'worker_cursor')) c where c ->> 'entity' = 'entry_photo'),
  '{}'::text[], 'a pull from the worker''s cursor does not send the photo again');

select tests.act_as_owner();
select is((select count(*)::int from public.entry_photos where txid is null), 0, 'every photo has its pull clock');

select tests.act_as_anon();
select throws_ok('select * from private.photo_rows', '42501', null, 'anon cannot read the photo metadata');

select * from finish();
rollback;
