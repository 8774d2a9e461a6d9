-- The crew's after-photo (20261205100001_assignee_photos.sql): an assignee of a report's work order
-- adds photos to the report as its author does; a worker it is not assigned to does not, by the
-- RPC or straight into the table; taken off the order, the assignee adds no more.
begin;
select plan(10);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
select tests.create_user('roadcrew2@test.it', 'worker', 'territorio') as worker2 \gset
set constraints entries_40_month_stats, private.month_stats_pending_apply immediate;

\set report '00000000-0000-4000-8000-00000000b001'
\set after '00000000-0000-4000-8000-0000000000f5'

create function tests.photo_author(photo_id uuid) returns text
language sql security definer
as $$ select author_id::text from public.entry_photos where id = photo_id $$;
create function pg_temp.assign(base int, assignees jsonb) returns text language sql
as $$ select tests.push(tests.mutation('work_order', case when base = 0 then 'insert' else 'update' end, '00000000-0000-4000-8000-00000000b001', base,
                                       jsonb_build_object('assignees', assignees))) ->> 'status' $$;
grant execute on all functions in schema tests to authenticated;
grant execute on all functions in schema pg_temp to authenticated;

select tests.act_as(:'officer');
select tests.push(tests.new_entry(:'report', 'test-signage', 'maintenance_report', tests.report(), 'open'));

select tests.act_as(:'worker');
select is(public.upload_photo(tests.photo(gen_random_uuid(), :'report')) ->> 'code', 'forbidden',
  'before the report is assigned to them, a worker of the area adds no photo to it');

select tests.act_as(:'works_manager');
select is(pg_temp.assign(0, jsonb_build_array(:'worker')), 'applied', 'the manager assigns the report to the worker');

select tests.act_as(:'worker');
select is(public.upload_photo(tests.photo(:'after', :'report')) ->> 'status', 'applied', 'the assignee adds the after-photo');
select is(tests.photo_author(:'after'), :'worker', 'the photo is the assignee''s, not the report author''s');
select is(public.upload_photo(tests.photo(:'after', :'report')) ->> 'status', 'applied', 'a retry after a lost answer is answered applied again');

select tests.act_as(:'worker2');
select is(public.upload_photo(tests.photo(gen_random_uuid(), :'report')) ->> 'code', 'forbidden',
  'a worker of the area the order is not assigned to adds no photo');
select throws_ok($$insert into public.entry_photos (id, entry_id, author_id, mime, width, height, bytes, data)
                  values (gen_random_uuid(), '00000000-0000-4000-8000-00000000b001', auth.uid(), 'image/jpeg', 1, 1, 3, '\xffd8ff')$$,
  '42501', null, 'nor straight into the table');

select tests.act_as(:'works_manager');
select pg_temp.assign(1, jsonb_build_array(:'worker2'));
select tests.act_as(:'worker');
select is(public.upload_photo(tests.photo(gen_random_uuid(), :'report')) ->> 'code', 'forbidden',
  'once the order is reassigned, the former assignee adds no more');
select tests.act_as(:'worker2');
select is(public.upload_photo(tests.photo(gen_random_uuid(), :'report')) ->> 'status', 'applied', 'and the new assignee does');

select tests.act_as(:'officer');
select is(public.upload_photo(tests.photo(gen_random_uuid(), :'report')) ->> 'status', 'applied', 'the report''s author still adds photos');

select * from finish();
rollback;
