-- sync_pull: what RLS lets a user see, page by page, camelCase rows, tombstones, bad cursors.
-- (Pulls across transactions, including a late commit, are in 05_pull_late_commit.sql.)
begin;
select plan(14);
\ir support/fixtures.psql

select * from tests.create_cast() \gset

select tests.act_as(:'works_manager');
select tests.push(tests.mutation('snow_route', 'insert', '00000000-0000-4000-8000-0000000000b1', 0,
                                 '{"name": "Centro", "description": "", "priority": 1, "active": true}'));
select tests.act_as(:'worker');
select tests.push(tests.new_entry('00000000-0000-4000-8000-0000000000a1', 'test-snow', 'count_update', '{"quantity": 1, "total": null, "note": ""}'));
select tests.act_as(:'officer');
select public.sync_push(jsonb_agg(tests.new_entry(format('00000000-0000-4000-8000-00000000000%s', n)::uuid, 'test-patrols', 'patrol', tests.patrol())))
from generate_series(1, 5) n;

create function pg_temp.ids(changes jsonb, entity text) returns text[] language sql
as $$ select coalesce(array_agg(c ->> 'id' order by c ->> 'id'), '{}') from jsonb_array_elements(changes) c
      where c ->> 'entity' = entity and c ->> 'id' like '00000000-0000-4000-8000-0000000000__' $$;
grant execute on function pg_temp.ids(jsonb, text) to authenticated;

select tests.pull_all(null, 2) as officer_changes \gset
select is(pg_temp.ids(:'officer_changes', 'entry'),
  array(select format('00000000-0000-4000-8000-00000000000%s', n) from generate_series(1, 5) n),
  'pulling two at a time, an officer gets each of the five patrols once, and not the road crew''s work');
select is(pg_temp.ids(:'officer_changes', 'snow_route'), '{}', 'nor the snow plan');
select is((select array_agg(k order by k) from jsonb_object_keys(
             (select c -> 'row' from jsonb_array_elements(:'officer_changes') c where c ->> 'id' = '00000000-0000-4000-8000-000000000001')) k),
  array['authorId', 'createdAt', 'deleted', 'id', 'kind', 'locked', 'objectiveId', 'occurredAt', 'payload', 'status', 'updatedAt', 'updatedBy', 'version'],
  'a pulled entry has the camelCase fields of Entry');
select is((select c #>> '{row,occurredAt}' from jsonb_array_elements(:'officer_changes') c where c ->> 'id' = '00000000-0000-4000-8000-000000000001'),
  '2026-11-20T08:00:00.000Z', 'instants come as ISO-8601 UTC');

select public.sync_pull(null, 2) as first_page \gset
select results_eq($$select jsonb_array_length(p -> 'changes'), (p ->> 'hasMore')::boolean, p ->> 'cursor' <> '' from (select $$ || quote_literal(:'first_page') || $$::jsonb p) x$$,
  $$values (2, true, true)$$, 'a page holds lim changes, says there is more, and gives a cursor');
select isnt(public.sync_pull(:'first_page'::jsonb ->> 'cursor', 2) -> 'changes' -> 0, :'first_page'::jsonb -> 'changes' -> 0,
  'the next page starts after the cursor');
select is(public.sync_pull((select p ->> 'cursor' from (select public.sync_pull(null, 1000) p) x), 10) -> 'changes', '[]'::jsonb,
  'pulling from the last cursor gives nothing new');

-- A deletion reaches the other devices as a tombstone.
select tests.push(tests.mutation('entry', 'delete', '00000000-0000-4000-8000-000000000001', 1, null));
select is((select c from jsonb_array_elements(tests.pull_all()) c where c ->> 'id' = '00000000-0000-4000-8000-000000000001'),
  '{"id": "00000000-0000-4000-8000-000000000001", "row": null, "entity": "entry", "deleted": true, "version": 2}'::jsonb,
  'a deleted entry comes as a tombstone without its content');

select tests.act_as(:'worker');
select is(pg_temp.ids(tests.pull_all(), 'snow_route'), array['00000000-0000-4000-8000-0000000000b1'], 'the road crew pulls the snow routes');

-- Bad cursors.
select throws_ok($$select public.sync_pull('certainly not a cursor')$$, '22023', 'invalid_cursor', 'garbage is an invalid cursor');
select throws_ok(format('select public.sync_pull(%L)', encode(convert_to('1:99999999999:entry:x', 'UTF8'), 'base64')),
  '22023', 'invalid_cursor', 'a cursor from the future (e.g. from before a restore) is invalid');
select throws_ok(format('select public.sync_pull(%L)', encode(convert_to('1:1:vehicle:x', 'UTF8'), 'base64')),
  '22023', 'invalid_cursor', 'a cursor naming an unknown entity is invalid');
select is(jsonb_array_length(public.sync_pull(null, 0) -> 'changes'), 1, 'a limit below 1 is read as 1');
select tests.act_as_owner();
select throws_ok('select public.sync_pull(null, 100000)', '42501', 'not_authenticated', 'a caller without a signed-in user is refused');

select * from finish();
rollback;
