-- The device leaves the fields the server owns out of a mutation's data (SERVER_OWNED_FIELDS in
-- src/domain/sync-protocol.ts): none of them may be client-writable for any synced entity, and a
-- new entry sent without them is stored whole, the server filling them from the envelope and the
-- session (01_entries_rls: what it would forge there is ignored).
begin;
select plan(4);
\ir support/fixtures.psql

select * from tests.create_cast() \gset

select is(array(select c.entity || '.' || c.wire_name from private.sync_columns c
                where c.client_writable and c.wire_name in ('id', 'authorId', 'createdAt', 'updatedAt', 'updatedBy', 'version')
                order by 1),
  '{}'::text[], 'no synced entity lets a device set a field the server owns');

select tests.act_as(:'officer');
select is(public.sync_push(jsonb_build_array(
    tests.new_entry('00000000-0000-4000-8000-000000000701', 'test-patrols', 'patrol', tests.patrol()) #- '{data,id}',
    tests.new_entry('00000000-0000-4000-8000-000000000702', 'test-patrols', 'patrol', tests.patrol()) #- '{data,id}')) @? '$[*] ? (@.status != "applied")',
  false, 'a batch of new entries without the server-owned fields is applied');
select is((select count(*)::int from public.entries
           where id in ('00000000-0000-4000-8000-000000000701', '00000000-0000-4000-8000-000000000702')
             and author_id = :'officer' and version = 1 and created_at is not null and updated_at is not null),
  2, 'and stored with the entity id, the signed-in author, version 1 and the server''s times');
select is(tests.push(tests.new_entry('00000000-0000-4000-8000-000000000703', 'test-patrols', 'patrol', tests.patrol()) #- '{data,id}') ->> 'status',
  'applied', 'so is a lone one');

select * from finish();
rollback;
