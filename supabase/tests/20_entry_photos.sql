-- Photos of entries (20261126000020_entry_photos.sql): uploaded once by the entry's author,
-- read by whoever sees the entry, checked for size and type.
begin;
select plan(19);
\ir support/fixtures.psql

select * from tests.create_cast() \gset

-- Counts rows whoever is acting, RLS aside.
create function tests.photo_rows(photo_id uuid) returns int
language sql security definer
as $$ select count(*)::int from public.entry_photos where id = photo_id $$;
grant execute on all functions in schema tests to authenticated;

select tests.act_as(:'officer');
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000e1')) ->> 'code',
  'not_found', 'a photo whose entry has not synced yet is refused as not_found, so the device retries later');

select tests.push(tests.new_entry('00000000-0000-4000-8000-0000000000e1', 'test-patrols', 'patrol', tests.patrol()));
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000e1')),
  '{"id": "00000000-0000-4000-8000-0000000000f1", "status": "applied", "bytes": 1004}'::jsonb,
  'once the entry is on the server its author uploads the photo');
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000e1')) ->> 'status',
  'applied', 'a retry after a lost answer is answered applied again');
select is(tests.photo_rows('00000000-0000-4000-8000-0000000000f1'), 1, 'and stores no second photo');
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000e1',
                                          jsonb_build_object('data', tests.jpeg_base64(1000, '11')))) ->> 'code',
  'invalid_mutation', 'another photo under an id already used is refused');
select is((select author_id::text || ' ' || bytes from public.entry_photos where id = '00000000-0000-4000-8000-0000000000f1'),
  :'officer' || ' 1004', 'the stored photo keeps its author and its size');

-- Reading.
select tests.act_as(:'colleague');
select is(public.photo_data('00000000-0000-4000-8000-0000000000f1'), tests.jpeg_base64(1000),
  'a colleague of the same area reads the photo, byte for byte');
select is(public.upload_photo(tests.photo(gen_random_uuid(), '00000000-0000-4000-8000-0000000000e1')) ->> 'code',
  'forbidden', 'but cannot add photos to the officer''s entry');
select tests.act_as(:'worker');
select is(public.photo_data('00000000-0000-4000-8000-0000000000f1'), null, 'the road crew (another area) cannot read the photo');
select is((select count(*)::int from public.entry_photos), 0, 'nor see it in the table');
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000e1')) ->> 'code',
  'not_found', 'nor learn anything by uploading under its ids');

-- What is refused.
select tests.act_as(:'officer');
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000e1',
                                          jsonb_build_object('data', tests.jpeg_base64(2097149)))) ->> 'code',
  'field_too_large', 'a photo over 2 MB is refused');
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000e1',
                                          '{"mime": "image/png"}')) ->> 'code',
  'invalid_payload', 'a photo that is not a JPEG is refused');
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000e1',
                                          jsonb_build_object('data', translate(encode(decode('89504e470d0a1a0a', 'hex'), 'base64'), E'\n', '')))) ->> 'code',
  'invalid_payload', 'nor is a PNG labelled image/jpeg');
select is(public.upload_photo(tests.photo('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000e1',
                                          '{"data": "not base64!"}')) ->> 'code',
  'invalid_payload', 'nor data that is not base64');
select is(tests.photo_rows('00000000-0000-4000-8000-0000000000f2'), 0, 'a refused photo leaves nothing behind');

-- The table itself.
select tests.act_as(:'worker');
select throws_ok($$insert into public.entry_photos (id, entry_id, author_id, mime, width, height, bytes, data)
                  values (gen_random_uuid(), '00000000-0000-4000-8000-0000000000e1', auth.uid(), 'image/jpeg', 1, 1, 3, '\xffd8ff')$$,
  '42501', null, 'nobody writes photos on an entry they cannot see, even straight into the table');
select tests.act_as(:'officer');
select throws_ok($$update public.entry_photos set width = 1 where id = '00000000-0000-4000-8000-0000000000f1'$$,
  '42501', null, 'a stored photo cannot be changed');
select tests.act_as_anon();
select throws_ok($$select public.photo_data('00000000-0000-4000-8000-0000000000f1')$$, '42501', null, 'anon reads no photo');

select * from finish();
rollback;
