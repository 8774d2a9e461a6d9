-- The snow plan, programmes and settings a manager keeps (src/domain/plan-data.ts), and profiles.
begin;
select plan(22);
\ir support/fixtures.psql

select * from tests.create_cast() \gset

-- Snow plan: territorio's.
select tests.act_as(:'works_manager');
select is(tests.push(tests.mutation('snow_route', 'insert', '00000000-0000-4000-8000-0000000000b1', 0,
                                    '{"name": "Centro", "description": "Via Roma", "priority": 1, "active": true}')) ->> 'status',
  'applied', 'the works manager adds a snow route');
select is(tests.push(tests.mutation('snow_event', 'insert', '00000000-0000-4000-8000-0000000000b2', 0,
                                    '{"name": "Nevicata", "startedAt": "2026-12-01T05:00:00Z", "endedAt": null}')) ->> 'status',
  'applied', 'and declares a snow event');
select is(tests.push(tests.mutation('snow_event', 'insert', gen_random_uuid()::text, 0,
                                    '{"name": "x", "startedAt": "2026-12-01T05:00:00Z", "endedAt": "2026-12-01T04:00:00Z"}')) ->> 'code',
  'invalid_payload', 'an event cannot end before it starts');
select is(tests.push(tests.mutation('snow_route', 'insert', gen_random_uuid()::text, 0,
                                    jsonb_build_object('name', repeat('x', 201), 'description', '', 'priority', 2, 'active', true))) ->> 'code',
  'field_too_large', 'a route name over 200 characters is refused');
select is(tests.push(tests.mutation('snow_route', 'insert', gen_random_uuid()::text, 0,
                                    '{"name": "x", "description": "", "priority": "first", "active": true}')) ->> 'code',
  'invalid_payload', 'a priority that is not a number is refused');
select tests.act_as(:'worker');
select is((select count(*)::int from public.snow_routes where id = '00000000-0000-4000-8000-0000000000b1'), 1,
  'the road crew reads the snow routes');
select is(tests.push(tests.mutation('snow_route', 'update', '00000000-0000-4000-8000-0000000000b1', 1, '{"priority": 5}')) ->> 'code',
  'forbidden', 'but does not change them');
select tests.act_as(:'officer');
select is((select count(*)::int from public.snow_routes), 0, 'an officer does not read the snow plan');
select tests.act_as(:'police_manager');
select is(tests.push(tests.mutation('snow_event', 'insert', gen_random_uuid()::text, 0,
                                    '{"name": "x", "startedAt": "2026-12-01T05:00:00Z"}')) ->> 'code',
  'forbidden', 'a police manager cannot declare a snow event');

-- Programmes and settings: the manager of the objective's area.
select is(tests.push(tests.mutation('programme', 'insert', '00000000-0000-4000-8000-0000000000b3', 0,
                                    '{"objectiveId": "test-patrols", "month": "2026-07", "planned": 10}')) #>> '{row,planned}',
  '10', 'the police manager plans evening shifts for July');
select is(tests.push(tests.mutation('programme', 'insert', gen_random_uuid()::text, 0,
                                    '{"objectiveId": "test-patrols", "month": "2026-07", "planned": 4}')) ->> 'code',
  'invalid_payload', 'a second programme for the same month is refused');
select is(tests.push(tests.mutation('programme', 'insert', gen_random_uuid()::text, 0,
                                    '{"objectiveId": "test-patrols", "month": "2026-13", "planned": 4}')) ->> 'code',
  'invalid_payload', 'a month that does not exist is refused');
select is(tests.push(tests.mutation('programme', 'insert', gen_random_uuid()::text, 0,
                                    '{"objectiveId": "test-patrols", "month": "2026-08", "planned": -1}')) ->> 'code',
  'invalid_payload', 'a negative planned figure is refused');
select is(tests.push(tests.mutation('objective_setting', 'insert', 'test-patrols', 0,
                                    '{"baselineValue": 120, "target": null, "note": "pattuglie 2022"}')) #>> '{row,baselineValue}',
  '120', 'the police manager enters the 2022 patrol baseline');
select is(tests.push(tests.mutation('objective_setting', 'update', 'test-patrols', 1,
                                    jsonb_build_object('note', repeat('x', 2001)))) ->> 'code',
  'field_too_large', 'a note over 2000 characters is refused');
select tests.act_as(:'officer');
select is((select planned from public.programmes where id = '00000000-0000-4000-8000-0000000000b3'), 10,
  'an officer reads the programme');
select is(tests.push(tests.mutation('programme', 'update', '00000000-0000-4000-8000-0000000000b3', 1, '{"planned": 20}')) ->> 'code',
  'forbidden', 'but does not change it');
select tests.act_as(:'works_manager');
select is(tests.push(tests.mutation('objective_setting', 'update', 'test-patrols', 1, '{"target": 1}')) ->> 'code',
  'not_found', 'the works manager cannot see, let alone set, the police baseline');

-- Profiles: role and area are the admin's to give.
select tests.act_as(:'officer');
update public.profiles set role = 'admin' where id = :'officer';
select is((select role from public.profiles where id = :'officer'), 'officer', 'a user cannot make themself admin');
select tests.act_as_owner();
insert into auth.users (id, email, raw_user_meta_data)
values ('00000000-0000-4000-8000-0000000000c1', 'sneaky@test.it', '{"role": "admin", "area_id": "territorio"}');
select results_eq($$select role, area_id from public.profiles where id = '00000000-0000-4000-8000-0000000000c1'$$,
  $$values ('staff'::text, null::text)$$, 'role and area in user-editable metadata are ignored');
select tests.act_as(:'admin');
update public.profiles set role = 'manager', area_id = 'sociale' where id = :'worker';
select tests.act_as(:'worker');
select results_eq($$select role, area_id from public.profiles where id = auth.uid()$$,
  $$values ('manager'::text, 'sociale'::text)$$, 'an admin changes a user''s role and area');
select tests.act_as(:'officer');
select is((select count(*)::int from public.profiles where id = :'worker'), 0, 'an officer does not read other areas'' profiles');

select * from finish();
rollback;
