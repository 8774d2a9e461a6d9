-- sync_push's fast path for fresh entries (20261126000023): a batch mixing fresh inserts with
-- what the fast path leaves to the per-mutation path answers exactly as before, in order.
begin;
select plan(14);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
select tests.act_as(:'officer');

-- What the mixed batch replays and updates.
select tests.new_entry('00000000-0000-4000-8000-0000000000a1', 'test-patrols', 'patrol', tests.patrol()) as replayed \gset
select tests.push(:'replayed') as replayed_answer \gset
select tests.push(tests.new_entry('00000000-0000-4000-8000-0000000000a2', 'test-patrols', 'patrol', tests.patrol()));

select jsonb_build_array(
  tests.new_entry('00000000-0000-4000-8000-0000000000b1', 'test-patrols', 'patrol', tests.patrol()),
  :'replayed'::jsonb,
  tests.new_entry('00000000-0000-4000-8000-0000000000b2', 'test-patrols', 'patrol', tests.patrol('{"checkpoints": -1}')),
  tests.mutation('entry', 'update', '00000000-0000-4000-8000-0000000000a2', 1, jsonb_build_object('payload', tests.patrol('{"zone": "Porto"}'))),
  tests.new_entry('00000000-0000-4000-8000-0000000000b3', 'test-snow', 'patrol', tests.patrol()),
  tests.new_entry('00000000-0000-4000-8000-0000000000b4', 'test-signage', 'maintenance_report', tests.report())
) as mixed \gset
select public.sync_push(:'mixed') as mixed_answers \gset

select is((select jsonb_agg(jsonb_build_array(r ->> 'id', r ->> 'status', r ->> 'code') order by n)
           from jsonb_array_elements(:'mixed_answers') with ordinality a (r, n)),
          (select jsonb_agg(jsonb_build_array(m ->> 'id', s.status, s.code) order by n)
           from jsonb_array_elements(:'mixed') with ordinality a (m, n)
           join (values (1, 'applied', null), (2, 'applied', null), (3, 'rejected', 'invalid_payload'), (4, 'applied', null),
                        (5, 'rejected', 'forbidden'), (6, 'applied', null)) s (at, status, code) on s.at = n),
  'a mixed batch (fresh inserts, a replay, an invalid one, an update, a foreign objective) answers each mutation, in order');
select is(:'mixed_answers'::jsonb -> 1, :'replayed_answer'::jsonb, 'the replay in it gets its first answer back');
select is((select count(*)::int from public.entries where id = '00000000-0000-4000-8000-0000000000a1'), 1, 'and stores nothing twice');
select is(:'mixed_answers'::jsonb #>> '{3,row,payload,zone}', 'Porto', 'the update in it applies');
select is(array(select id::text from public.entries where id::text like '00000000-0000-4000-8000-0000000000b_' order by id),
  array['00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000b4'], 'only the valid fresh entries are stored');

-- A fresh entry's answer: the stored row, with the server's columns whatever the device sent.
select results_eq($$select r ->> 'version', r #>> '{row,authorId}', r #>> '{row,status}', r #>> '{row,locked}', r #>> '{row,version}'
                    from jsonb_array_elements(public.sync_push(jsonb_build_array(
                      jsonb_set(jsonb_set(tests.new_entry('00000000-0000-4000-8000-0000000000c1', 'test-signage', 'maintenance_report', tests.report()),
                                '{data,locked}', 'true'), '{data,authorId}', to_jsonb(gen_random_uuid()))))) r$$,
  format($$values ('1', %L, 'open', 'false', '1')$$, :'officer'),
  'a fresh report is stored open, unlocked, version 1, by the signed-in author');
select is(public.sync_push(:'mixed'), :'mixed_answers'::jsonb, 'a replayed mixed batch gets the very same answers');
select is((select count(*)::int from public.entry_history where entry_id = '00000000-0000-4000-8000-0000000000a2'), 1,
  'and the update was applied once (one history row)');

-- The same entity twice in one batch: an insert, then an insert of the same id (an edit of it).
select is((select jsonb_agg(jsonb_build_array(r ->> 'status', r ->> 'version')) from jsonb_array_elements(public.sync_push(jsonb_build_array(
    tests.new_entry('00000000-0000-4000-8000-0000000000d1', 'test-patrols', 'patrol', tests.patrol()),
    tests.new_entry('00000000-0000-4000-8000-0000000000d1', 'test-patrols', 'patrol', tests.patrol('{"zone": "Lago"}'))))) r),
  '[["applied", "1"], ["applied", "2"]]', 'two inserts of one entity id in a batch: the second edits the first');
select results_eq($$select payload ->> 'zone', version from public.entries where id = '00000000-0000-4000-8000-0000000000d1'$$,
  $$values ('Lago', 2)$$, 'one entry, with the later values');

-- The same mutation id twice in one batch: the second is a replay of the first.
select tests.new_entry('00000000-0000-4000-8000-0000000000e1', 'test-patrols', 'patrol', tests.patrol()) as twice \gset
select is((select (a -> 0) = (a -> 1) and a #>> '{0,status}' = 'applied' from public.sync_push(jsonb_build_array(:'twice'::jsonb, :'twice'::jsonb)) a),
  true, 'a mutation id twice in a batch is applied once and answered the same twice');

-- An entity id someone else's hidden entry already has: refused, and the rest of the batch applies.
select tests.act_as(:'worker');
select tests.push(tests.new_entry('00000000-0000-4000-8000-0000000000f1', 'test-snow', 'patrol', tests.patrol()));
select tests.act_as(:'officer');
select is((select jsonb_agg(jsonb_build_array(r ->> 'status', r ->> 'code')) from jsonb_array_elements(public.sync_push(jsonb_build_array(
    tests.new_entry('00000000-0000-4000-8000-0000000000f2', 'test-patrols', 'patrol', tests.patrol()),
    tests.new_entry('00000000-0000-4000-8000-0000000000f1', 'test-patrols', 'patrol', tests.patrol())))) r),
  '[["applied", null], ["rejected", "forbidden"]]', 'an id taken by a hidden entry is refused, its batch still applies');
select is((select objective_id from public.entries where id = '00000000-0000-4000-8000-0000000000f2'), 'test-patrols',
  'the batch''s good entry is stored');

-- A mutation id another user already used (the fast pass cannot see it; its insert fails on the key,
-- as when two devices push one id at the same moment): the batch falls back and answers as before.
select tests.act_as(:'colleague');
select tests.new_entry('00000000-0000-4000-8000-0000000000f3', 'test-patrols', 'patrol', tests.patrol()) as theirs \gset
select tests.push(:'theirs');
select tests.act_as(:'officer');
select is((select jsonb_agg(jsonb_build_array(r ->> 'status', r ->> 'code')) from jsonb_array_elements(public.sync_push(jsonb_build_array(
    tests.new_entry('00000000-0000-4000-8000-0000000000f4', 'test-patrols', 'patrol', tests.patrol()),
    jsonb_set(jsonb_set(:'theirs'::jsonb, '{authorId}', to_jsonb(:'officer'::text)), '{entityId}', '"00000000-0000-4000-8000-0000000000f5"')))) r),
  '[["applied", null], ["rejected", "forbidden"]]', 'another user''s mutation id in a fresh batch is refused, the rest applies');

select * from finish();
rollback;
