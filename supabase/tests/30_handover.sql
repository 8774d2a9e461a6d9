-- apply_handover (issue 14 item 3): only the author or an admin applies a hand-over file; each
-- mutation is judged as its author pushing it, at most once per mutation id.
begin;
select plan(17);
\ir support/fixtures.psql

select * from tests.create_cast() \gset

-- The officer's unsent work, as the file carries it: two new patrols.
select tests.act_as(:'officer');
select jsonb_build_array(
  tests.new_entry('00000000-0000-4000-8000-0000000000a1', 'test-patrols', 'patrol', tests.patrol()),
  tests.new_entry('00000000-0000-4000-8000-0000000000a2', 'test-patrols', 'patrol', tests.patrol())) as work \gset
select jsonb_build_array(tests.photo('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000a1')) as photos \gset

-- Who may apply it.
select tests.act_as(:'colleague');
select throws_ok(format($$select public.apply_handover(%L, %L, '[]')$$, :'officer', :'work'), '42501', 'handover_forbidden',
  'a colleague of the same area may not apply another officer''s work');
select tests.act_as(:'police_manager');
select throws_ok(format($$select public.apply_handover(%L, %L, '[]')$$, :'officer', :'work'), '42501', 'handover_forbidden',
  'nor may the area manager');
select tests.act_as_anon();
select throws_ok(format($$select public.apply_handover(%L, %L, '[]')$$, :'officer', :'work'), '42501', null,
  'nor a visitor without an account');
select tests.act_as_owner();
select is((select count(*)::int from public.entries where id::text like '00000000-0000-4000-8000-0000000000a_'), 0,
  'refused files change nothing');

-- An admin applies it for the officer.
select tests.act_as(:'admin');
select public.apply_handover(:'officer', :'work', :'photos') as first_answer \gset
select is((select jsonb_agg(r ->> 'status') from jsonb_array_elements(:'first_answer'::jsonb -> 'mutations') r), '["applied", "applied"]',
  'an admin applies the officer''s two entries');
select is(:'first_answer'::jsonb #>> '{photos,0,status}', 'applied', 'and the photo of the first');
select tests.act_as_owner();
select is((select array_agg(distinct author_id) from public.entries where id::text like '00000000-0000-4000-8000-0000000000a_'),
  array[:'officer'::uuid], 'the entries are the officer''s, not the admin''s');
select is((select count(*)::int from private.applied_mutations where user_id = :'officer'), 2,
  'the mutation ids are in the officer''s ledger');
select is((select applied_by from private.handovers where author_id = :'officer'), :'admin'::uuid,
  'the hand-over is recorded with who applied it');

-- At most once: the same file again, then the officer's own device syncing the same ids.
select tests.act_as(:'admin');
select is(public.apply_handover(:'officer', :'work', :'photos') -> 'mutations', :'first_answer'::jsonb -> 'mutations',
  'applying the file twice gets the first answers back');
select tests.act_as(:'officer');
select is(public.sync_push(:'work'), :'first_answer'::jsonb -> 'mutations', 'and so does the original device pushing the same mutations');
select tests.act_as_owner();
select is((select count(*)::int from public.entries where id::text like '00000000-0000-4000-8000-0000000000a_'), 2,
  'each entry is stored once');
select is((select version from public.entries where id = '00000000-0000-4000-8000-0000000000a1'), 1, 'and changed once');
select is((select count(*)::int from public.entry_photos where id = '00000000-0000-4000-8000-0000000000f1'), 1, 'the photo is stored once');

-- The officer applies their own file from another device: allowed, and still at most once.
select tests.act_as(:'officer');
select is((select jsonb_agg(r ->> 'status') from jsonb_array_elements(public.apply_handover(:'officer', :'work', '[]') -> 'mutations') r),
  '["applied", "applied"]', 'the author may apply their own file');

-- The author's rights, not the admin's: work outside the author's area is rejected even for an admin.
select tests.act_as(:'admin');
select is(public.apply_handover(:'officer', jsonb_build_array(tests.new_entry('00000000-0000-4000-8000-0000000000a3', 'test-taxes', 'count_update',
    '{"quantity": 1, "total": null, "note": ""}'::jsonb) || jsonb_build_object('authorId', :'officer')), '[]') #>> '{mutations,0,code}', 'forbidden',
  'an entry the officer could not have written is refused, though an admin applies it');
select is(public.apply_handover(:'officer', jsonb_build_array(tests.new_entry('00000000-0000-4000-8000-0000000000a4', 'test-patrols', 'patrol',
    tests.patrol())), '[]') #>> '{mutations,0,code}', 'author_mismatch',
  'a mutation made by someone else than the file''s author is refused');

select * from finish();
rollback;
